"""Exports that travel encrypted: the age format (https://age-encryption.org), through pyrage,
the Python binding of the Rust implementation. No cryptography of our own.

An advisor moves exports between laptops by e-mail and USB stick: client names, answers and
notes. `seal` encrypts a whole export with a passphrase (scrypt) or for one or more age or SSH
public keys; `unseal` opens one again with the passphrase or with the identity file of a key it
was made for. Nothing of the content is readable without either: the bytes hold the age header
(which says how, not what) and ciphertext.

pyrage is imported here only, and only when an export is sealed or opened.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from clustercli.errors import BadInput
from clustercli.inputfile import InputFileError, read_limited
from clustercli.portability.kinds import AGE_HEADER

IDENTITY_MAX_BYTES = 1_000_000  # an identity file is a few lines; an SSH key a few kilobytes
# The kinds of recipient stanza we can open: a passphrase, an age key, an SSH key.
_KNOWN = frozenset({"scrypt", "X25519", "ssh-ed25519", "ssh-rsa"})


def recipients(texts: Sequence[str]) -> list[Any]:
    """The age (age1...) or SSH (ssh-ed25519 ..., ssh-rsa ...) public keys in `texts`;
    BadInput naming the first that is neither."""
    # pyrage ships no type information (mypy says so once, at its first import here)
    from pyrage import RecipientError, ssh, x25519  # type: ignore[import-untyped]

    found = []
    for text in texts:
        key = text.strip()
        try:
            found.append(ssh.Recipient.from_str(key) if key.startswith("ssh-")
                         else x25519.Recipient.from_str(key))
        except RecipientError:
            raise BadInput("portability.encrypt.bad_recipient", recipient=text) from None
    return found


def seal(data: bytes, *, passphrase: str | None = None, to: Sequence[Any] = ()) -> bytes:
    """`data` encrypted for the `to` recipients (see `recipients`), else with `passphrase`."""
    import pyrage

    if to:
        return bytes(pyrage.encrypt(data, list(to)))
    if not passphrase:
        raise BadInput("portability.encrypt.empty")
    return bytes(pyrage.passphrase.encrypt(data, passphrase))


def _stanzas(raw: bytes) -> list[str]:
    """The kinds of the header's recipient stanzas ("scrypt", "X25519", "ssh-ed25519"...)."""
    if not raw.startswith(AGE_HEADER):
        return []
    header = raw.split(b"\n---", 1)[0]
    return [line[3:].split(b" ", 1)[0].decode("ascii", "replace")
            for line in header.split(b"\n") if line.startswith(b"-> ")]


def with_passphrase(raw: bytes) -> bool:
    """Whether an encrypted export opens with a passphrase (else with a key)."""
    return "scrypt" in _stanzas(raw)


def unseal(raw: bytes, file: str, *, passphrase: Callable[[], str] | None = None,
           identity: Path | None = None) -> bytes:
    """The content of an encrypted export; BadInput in one sentence if it cannot be opened
    (a wrong passphrase, keys it was not made for, a damaged file). `passphrase` is asked
    only when the file is encrypted with one."""
    import pyrage

    stanzas = _stanzas(raw)
    if not _KNOWN & set(stanzas):
        # armored (which pyrage does not read), a header garbled, or only for kinds of keys
        # we do not read (age also writes "grease" stanzas of random kinds: those we skip)
        raise BadInput("portability.sealed.damaged", file=file)
    if identity is None:
        if "scrypt" not in stanzas:
            raise BadInput("portability.sealed.needs_identity", file=file)
        if passphrase is None:
            raise BadInput("portability.sealed.no_terminal", file=file)
        try:
            return bytes(pyrage.passphrase.decrypt(raw, passphrase()))
        except pyrage.DecryptError:
            raise BadInput("portability.sealed.wrong_passphrase", file=file) from None
    if "scrypt" in stanzas:
        raise BadInput("portability.sealed.needs_passphrase", file=file)
    keys = identities(identity)
    try:
        return bytes(pyrage.decrypt(raw, keys))
    except pyrage.DecryptError:
        raise BadInput("portability.sealed.no_key", file=file, identity=str(identity)) from None


def identities(path: Path) -> list[Any]:
    """The age identities (AGE-SECRET-KEY-... lines, as age-keygen writes them) or the
    unencrypted SSH private key in an identity file."""
    from pyrage import IdentityError, ssh, x25519

    try:
        raw = read_limited(path, IDENTITY_MAX_BYTES)
    except InputFileError:
        raise BadInput("portability.sealed.unreadable_identity", identity=str(path)) from None
    try:
        if b"PRIVATE KEY-----" in raw:
            return [ssh.Identity.from_buffer(raw)]
        keys = [x25519.Identity.from_str(line.strip().decode("ascii"))
                for line in raw.splitlines() if line.strip().startswith(b"AGE-SECRET-KEY-")]
    except (IdentityError, UnicodeDecodeError, ValueError):
        keys = []
    if not keys:
        raise BadInput("portability.sealed.bad_identity", identity=str(path))
    return keys
