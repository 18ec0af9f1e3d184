"""Exports that travel encrypted (age, through pyrage): `export --encrypt` with a passphrase or
for `--recipient` keys, `import` of such a file with the passphrase or `--identity`. A wrong
passphrase, a wrong key or a damaged file is one sentence, exit 2, and nothing imported; the
file holds no plaintext; pyrage is loaded only on these paths (issue 15, encrypted bundles)."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest
from pyrage import x25519

from clustercli.storage import open_store
from tests.test_architecture import _PROBE
from tests.test_portability_support import FULL, home, session_with_history, snapshot, start

PHRASE = "correct horse battery staple"
EN = ["--lang", "en"]


@pytest.fixture
def data(cli, tmp_path) -> list[str]:
    """Two assessments, one with notes and history: every kind of thing a record holds."""
    return [start(cli, tmp_path, "Bakkerij Zoë", respondent="Zoë zelf"),
            session_with_history(home(), "Garage Jansen")]


def records(folder: Path) -> dict:
    store = open_store(folder)
    return {row.id: store.load(row.id) for row in store.list()}


def secrets(ids: list[str]) -> list[bytes]:
    """What must not be readable in an encrypted file: names, ids, question ids, notes."""
    words = ["Bakkerij Zoë", "Zoë zelf", "Garage Jansen", "Vooral export", "cluster-readiness",
             "assessment", "question_set", *ids, *FULL]
    return [form for word in words
            for form in (word.encode("utf-8"), json.dumps(word).encode("ascii"))]


def export(cli, target: Path, *args: str, phrase: str | None = PHRASE):
    env = {"CLUSTERCLI_PASSPHRASE": phrase} if phrase is not None else None
    return cli("export", *args, "-o", str(target), *EN, env=env)


def do_import(cli, folder: Path, file: Path, *args: str, phrase: str | None = PHRASE):
    env = {"CLUSTERCLI_PASSPHRASE": phrase} if phrase is not None else None
    return cli("--data-dir", str(folder), "import", str(file), *args, *EN, env=env)


def test_a_passphrase_round_trip_holds_no_plaintext(cli, tmp_path, data):
    target = tmp_path / "export.age"
    result = export(cli, target, "--encrypt")
    assert result.exit_code == 0, result.output
    assert "only someone with the passphrase can open it" in result.stderr
    sealed = target.read_bytes()
    assert sealed.startswith(b"age-encryption.org/v1\n-> scrypt ")
    assert [word for word in secrets(data) if word in sealed] == []
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    elsewhere = tmp_path / "laptop"
    result = do_import(cli, elsewhere, target)
    assert result.exit_code == 0, result.output
    assert records(elsewhere) == records(home())


def test_the_encrypted_export_is_the_bundle_unless_a_format_is_chosen(cli, tmp_path, data):
    from pyrage import passphrase

    bundle, table = tmp_path / "bundle.age", tmp_path / "table.age"
    assert export(cli, bundle, "--encrypt").exit_code == 0
    assert export(cli, table, "--encrypt", "--format", "csv").exit_code == 0
    assert json.loads(passphrase.decrypt(bundle.read_bytes(), PHRASE).splitlines()[0])["kind"]
    assert passphrase.decrypt(table.read_bytes(), PHRASE).startswith(b"id,client,")
    result = do_import(cli, tmp_path / "laptop", table)  # opened, then named for what it is
    assert result.exit_code == 2 and "is a CSV export" in result.stderr


@pytest.mark.parametrize("damage", ["wrong passphrase", "flipped byte", "cut off", "header"])
def test_what_cannot_be_opened_is_one_sentence_and_nothing_imported(cli, tmp_path, data,
                                                                    damage):
    target = tmp_path / "export.age"
    assert export(cli, target, "--encrypt").exit_code == 0
    sealed = bytearray(target.read_bytes())
    phrase = PHRASE
    if damage == "wrong passphrase":
        phrase = "Correct horse battery staple"
    elif damage == "flipped byte":
        sealed[-40] ^= 0x01
    elif damage == "cut off":
        sealed = sealed[:len(sealed) * 2 // 3]
    else:
        sealed[30:40] = b"??????????"
    target.write_bytes(bytes(sealed))
    laptop = tmp_path / "laptop"
    start(cli, tmp_path, "Al hier", data_dir=laptop)
    before = snapshot(laptop)
    result = do_import(cli, laptop, target, phrase=phrase)
    assert result.exit_code == 2, result.output
    [line] = result.stderr.splitlines()
    assert str(target) in line and "Nothing has been imported" in line
    assert "passphrase is wrong, or the file is damaged" in line or "damaged" in line
    assert snapshot(laptop) == before


def _identity(tmp_path: Path, name: str) -> tuple[Path, str]:
    key = x25519.Identity.generate()
    path = tmp_path / f"{name}.txt"
    path.write_text(f"# created: today\n# public key: {key.to_public()}\n{key}\n",
                    encoding="utf-8")
    return path, str(key.to_public())


def test_encrypted_for_keys_opens_with_either_identity_only(cli, tmp_path, data):
    (mine, my_key), (yours, your_key) = _identity(tmp_path, "mine"), _identity(tmp_path, "yours")
    stranger, _ = _identity(tmp_path, "stranger")
    target = tmp_path / "export.age"
    result = export(cli, target, "--recipient", my_key, "--recipient", your_key, phrase=None)
    assert result.exit_code == 0, result.output
    assert "encrypted (age) for 2 keys" in result.stderr
    sealed = target.read_bytes()
    assert sealed.count(b"\n-> X25519 ") == 2 and b"scrypt" not in sealed
    assert [word for word in secrets(data) if word in sealed] == []
    for identity in (mine, yours):
        laptop = tmp_path / identity.stem
        result = do_import(cli, laptop, target, "--identity", str(identity), phrase=None)
        assert result.exit_code == 0, result.output
        assert records(laptop) == records(home())
    refused = {
        "stranger": do_import(cli, tmp_path / "x", target, "--identity", str(stranger)),
        "no identity": do_import(cli, tmp_path / "x", target),
        "not a key": do_import(cli, tmp_path / "x", target, "--identity", str(target)),
        "no file": do_import(cli, tmp_path / "x", target, "--identity", str(tmp_path / "no")),
    }
    words = {"stranger": "could not be opened with the key in",
             "no identity": "give your key with --identity",
             "not a key": "holds no age identity",
             "no file": "cannot be read"}
    for case, result in refused.items():
        assert result.exit_code == 2, (case, result.output)
        [line] = result.stderr.splitlines()
        assert words[case] in line and "Nothing has been imported" in line, case
    assert not (tmp_path / "x" / "assessments").exists() or \
        not list((tmp_path / "x" / "assessments").iterdir())


@pytest.mark.skipif(shutil.which("ssh-keygen") is None, reason="needs ssh-keygen")
def test_an_ssh_key_can_be_the_recipient(cli, tmp_path, data):
    key = tmp_path / "id_ed25519"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    target = tmp_path / "export.age"
    public = key.with_suffix(".pub").read_text(encoding="utf-8").strip()
    assert export(cli, target, "--recipient", public, phrase=None).exit_code == 0
    laptop = tmp_path / "laptop"
    assert do_import(cli, laptop, target, "--identity", str(key), phrase=None).exit_code == 0
    assert records(laptop) == records(home())


def test_a_passphrase_file_asked_with_an_identity(cli, tmp_path, data):
    identity, _ = _identity(tmp_path, "mine")
    target = tmp_path / "export.age"
    assert export(cli, target, "--encrypt").exit_code == 0
    result = do_import(cli, tmp_path / "laptop", target, "--identity", str(identity))
    assert result.exit_code == 2 and "leave out --identity" in result.stderr


@pytest.mark.parametrize(("args", "phrase", "words"), [
    (["--recipient", "age1notakey"], None, "is not an age public key"),
    (["--encrypt"], "", "The passphrase is empty"),
])
def test_a_bad_key_or_an_empty_passphrase_exports_nothing(cli, tmp_path, data, args, phrase,
                                                          words):
    target = tmp_path / "export.age"
    result = export(cli, target, *args, phrase=phrase)
    assert result.exit_code == 2 and words in result.stderr
    assert not target.exists()


def test_without_a_terminal_or_the_variable_nothing_is_asked(cli, tmp_path, data, monkeypatch):
    from clustercli.cli import data_cmd

    monkeypatch.setattr(data_cmd, "_terminal", lambda: False)
    target = tmp_path / "export.age"
    result = export(cli, target, "--encrypt", phrase=None)
    assert result.exit_code == 2 and "Set CLUSTERCLI_PASSPHRASE" in result.stderr
    assert not target.exists()
    assert export(cli, target, "--encrypt").exit_code == 0
    result = do_import(cli, tmp_path / "laptop", target, phrase=None)
    assert result.exit_code == 2 and "no terminal to ask for it on" in result.stderr


# --- on a real terminal: the passphrase asked without echo, twice when it is set -------------

def spawn(home_dir: Path, *args: str) -> pexpect.spawn:
    env = {key: value for key, value in os.environ.items() if key != "CLUSTERCLI_PASSPHRASE"}
    env.update(CLUSTERCLI_HOME=str(home_dir), CLUSTERCLI_LANG="en")
    child = pexpect.spawn(sys.executable, ["-m", "clustercli", *args], env=env,
                          encoding="utf-8", timeout=30)
    child.delaybeforesend = None
    return child


def export_typing(target: Path, first: str, second: str) -> pexpect.spawn:
    """`export --encrypt` on a terminal, the passphrase typed twice; ended."""
    child = spawn(home(), "export", "--encrypt", "-o", str(target))
    child.expect("Passphrase for the encrypted export: ")
    child.sendline(first)
    child.expect("The same passphrase again: ")
    child.sendline(second)
    child.expect(pexpect.EOF)
    child.close()
    return child


@pytest.mark.slow
def test_the_passphrase_is_asked_on_the_terminal(cli, tmp_path, data):
    target = tmp_path / "export.age"
    child = export_typing(target, PHRASE, PHRASE)
    assert child.exitstatus == 0 and PHRASE not in child.before  # not echoed
    laptop = tmp_path / "laptop"
    child = spawn(laptop, "import", str(target))
    child.expect(f"Passphrase for {target}: ")
    child.sendline(PHRASE)
    child.expect("Added: 2")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert records(laptop) == records(home())


@pytest.mark.slow
def test_two_different_passphrases_export_nothing(cli, tmp_path, data):
    target = tmp_path / "export.age"
    child = export_typing(target, PHRASE, PHRASE + "!")
    assert "The two passphrases are not the same" in child.before
    assert child.exitstatus == 2 and not target.exists()


@pytest.mark.slow
def test_an_encrypted_export_is_not_written_onto_the_terminal(cli, tmp_path, data):
    child = spawn(home(), "export", "--encrypt")
    child.expect(r"write it to a file with\s+-o FILE")  # wrapped to the terminal's width
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2


# --- pyrage only on these paths --------------------------------------------------------------

def loaded(args: list[str], env: dict[str, str]) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True,
                          timeout=60, env={**os.environ, **env})
    line = next(x for x in proc.stderr.splitlines() if x.startswith("MODULES="))
    return {name.split(".")[0] for name in json.loads(line.removeprefix("MODULES="))}


@pytest.mark.slow
def test_pyrage_is_loaded_only_to_encrypt_or_decrypt(cli, tmp_path, data):
    plain, sealed = tmp_path / "plain.jsonl", tmp_path / "sealed.age"
    env = {"CLUSTERCLI_HOME": str(home()), "CLUSTERCLI_PASSPHRASE": PHRASE}
    without = [["--help"], ["list"], ["export", "-o", str(tmp_path / "t.csv")],
               ["export", "--format", "jsonl", "-o", str(plain)],
               ["--data-dir", str(tmp_path / "a"), "import", str(plain)]]
    for args in without:
        assert "pyrage" not in loaded(args, env), args
    assert "pyrage" in loaded(["export", "--encrypt", "-o", str(sealed)], env)
    assert "pyrage" in loaded(["--data-dir", str(tmp_path / "b"), "import", str(sealed)], env)
    assert len(open_store(tmp_path / "b").list()) == 2


def test_only_the_sealed_module_imports_pyrage():
    package = Path(__file__).resolve().parent.parent / "clustercli"
    importers = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else \
                [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if any(name.split(".")[0] == "pyrage" for name in names):
                importers.append(path.relative_to(package).as_posix())
    assert sorted(set(importers)) == ["portability/sealed.py"]
