"""Writing a file so that a crash leaves either the old content or the new, never a mix.

The recipe: write the new bytes to a temp file in the same folder, flush and fsync it, rename it
over the target with `os.replace` (atomic within one file system), then fsync the folder so the
rename itself survives a power cut. A process killed at any step leaves the target untouched,
plus at worst a temp file, which `sweep` removes at the next start.

Only `os` calls on file descriptors, no buffered file objects: what reaches the disk is exactly
what we wrote, and the fault-injection tests can observe (and interrupt) every step.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import time
from pathlib import Path

from clustercli import clock, interrupts

FILE_MODE = 0o600
DIR_MODE = 0o700
_SUFFIX = ".tmp"
# A temp file whose writer has died is garbage; one this old is garbage even if its pid has been
# reused by an unrelated process since.
_ABANDONED_AFTER = 24 * 3600


def ensure_dir(path: Path) -> None:
    """Create `path` and its missing parents 0700 (an existing folder keeps its mode)."""
    missing = []
    current = path
    while not current.exists():
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:  # made by a concurrent process
            continue
        os.chmod(folder, DIR_MODE)  # mkdir's mode is filtered by the umask; chmod's is not


def ensure_private_dir(path: Path) -> None:
    """`ensure_dir`, and 0700 even if it existed with a looser mode: for the folders that are
    the tool's own (a folder the user chose and made keeps its mode; what we put inside it
    does not depend on that). One that is not ours, or a link, is left alone."""
    ensure_dir(path)
    info = os.lstat(path)
    if (stat.S_ISDIR(info.st_mode) and info.st_uid == os.geteuid()
            and stat.S_IMODE(info.st_mode) != DIR_MODE):
        with contextlib.suppress(OSError):  # a read-only folder can still be read
            os.chmod(path, DIR_MODE)


def move_aside(path: Path, prefix: str, suffix: str = "") -> Path | None:
    """Move a damaged file out of the way, to `<prefix><UTC time><suffix>` beside it, so that
    what is written in its place never overwrites it. None if there was nothing to move.

    The copy holds whatever the original held (client names), so it gets our file mode like
    every other file of ours; one that is not ours, or not a file, keeps what it has."""
    moment = clock.now().replace(":", "").replace(".", "")
    target = path.with_name(f"{prefix}{moment}{suffix}")
    count = 1
    while os.path.lexists(target):  # two in the same microsecond
        count += 1
        target = path.with_name(f"{prefix}{moment}-{count}{suffix}")
    try:
        os.rename(path, target)
    except FileNotFoundError:
        return None
    with contextlib.suppress(OSError):
        info = os.lstat(target)
        if stat.S_ISREG(info.st_mode) and info.st_uid == os.geteuid():
            os.chmod(target, FILE_MODE)
    fsync_dir(path.parent)
    return target


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_name(target: Path) -> Path:
    """`.name.<pid>.<random>.tmp` beside the target: hidden, and says who wrote it."""
    return target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}{_SUFFIX}")


def write_atomic(target: Path, data: bytes) -> None:
    """Replace `target` by `data`, durably (two fsyncs: the file, then its folder). An OSError
    names `target` (a full disk fails in `write`, which names no file; a read-only folder
    fails at the temp file, whose name means nothing to the user). A stop signal waits for
    the write to end (clustercli.interrupts): what is saved is what the user was told."""
    try:
        with interrupts.held():
            temp = write_temp(target, data)
            try:
                os.replace(temp, target)
            except BaseException:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(temp)
                raise
            fsync_dir(target.parent)
    except OSError as error:
        raise named(error, target) from error


def write_temp(target: Path, data: bytes) -> Path:
    """`data` in a new temp file beside `target`, synced to disk, for a later `os.replace`
    onto the target (the first half of `write_atomic`). On any failure, Ctrl-C included, no
    temp file is left behind."""
    temp = temp_name(target)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        try:
            os.fchmod(fd, FILE_MODE)  # the umask may have taken bits from 0600 at creation
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        # Ctrl-C or a full disk: leave no temp file behind (the target is still the old one).
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    return temp


def named(error: OSError, path: Path) -> OSError:
    """The same error, naming `path` (as the user knows it) rather than a temp file or none."""
    return OSError(error.errno, error.strerror or str(error), str(path))


def remove_durably(path: Path) -> bool:
    """Unlink `path` and fsync its folder; False if it was not there."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        return False
    fsync_dir(path.parent)
    return True


def _writer_pid(name: str) -> int | None:
    parts = name.removesuffix(_SUFFIX).rsplit(".", 2)
    return int(parts[1]) if len(parts) == 3 and parts[1].isdigit() else None


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, belongs to someone else
        return True
    return True


def is_temp(name: str) -> bool:
    return name.startswith(".") and name.endswith(_SUFFIX)


def sweep(folder: Path, entries: list[os.DirEntry[str]] | None = None) -> int:
    """Remove the temp files of writers that died in `folder`; how many were removed.
    `entries`: the folder's listing, where the caller already has one (10,000 records).

    A temp file of a live process is left alone: another clustercli may be saving right now,
    and taking its temp file would make its `os.replace` fail.
    """
    removed = 0
    if entries is None:
        try:
            entries = list(os.scandir(folder))
        except FileNotFoundError:
            return 0
    now = time.time()
    for entry in entries:
        if not is_temp(entry.name):
            continue
        pid = _writer_pid(entry.name)
        try:
            old = now - entry.stat(follow_symlinks=False).st_mtime > _ABANDONED_AFTER
        except FileNotFoundError:
            continue
        if pid is not None and _alive(pid) and not old:
            continue
        try:
            os.unlink(entry.path)
            removed += 1
        except FileNotFoundError:
            pass
    return removed


def remove_temps_for(folder: Path, names: set[str]) -> None:
    """Every temp file ever started for the files `names` in `folder` (erasure: they may hold
    their data). One look at the folder however many names."""
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return
    for entry in entries:
        if not is_temp(entry.name):
            continue
        # ".<name>.<pid>.<random>.tmp": the name is what lies between the dot and the pid
        target = entry.name[1:].removesuffix(_SUFFIX).rsplit(".", 2)[0]
        if target in names:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)
