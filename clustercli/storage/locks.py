"""The locks that serialise read-modify-write cycles between processes (two terminals open).

One lock file per assessment (saves to different assessments never wait for each other), one
for the index and one for the question-set copies. An assessment lock may be held while taking
the sets or the index lock, the sets lock while taking the index lock, and the index lock never
while taking another: one order, so two processes cannot deadlock.

The lock is filelock's native primitive (`lock_descriptor`, flock on Unix) on a descriptor we
open ourselves, rather than a `FileLock` object: the object's bookkeeping (fork tracking,
canonical paths, re-entry counts) cost 0.15-0.3 ms per acquisition, a fifth of a whole durable
save, and a fresh descriptor per acquisition also excludes other threads of this process.

Beside these short locks, a session lock (`open_session`): an interview (`start`, `resume`,
`edit`) holds `<id>.session.lock` for as long as it runs, so that a second terminal opening the
same assessment is told it is open elsewhere instead of both saving over each other unseen. It
is the same flock, held on a descriptor that lives as long as the session: the kernel lets go of
it when the process ends, a crash or SIGKILL included, so a dead session never locks anyone
out. The file holds the holder's process id and the time it opened the assessment, to say so;
it is removed when the session ends. The store is right without it (every save is a
read-modify-write under the short lock); the session lock only keeps two people from editing
one check at the same time without knowing.

Lock files live in `locks/` and are named by assessment id. Erasure promises that no file in the
data folder still names a deleted assessment, so `forget` unlinks a lock file while it is held.
A process that was waiting on the unlinked file notices (no links left), locks the file at the
path instead, finds the record gone and gets NotFound (and forgets that file too): mutual
exclusion only matters while the record exists, and an id is never reused.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from clustercli import clock
from clustercli.records import Busy, OpenElsewhere
from clustercli.storage.atomic import FILE_MODE

# Long enough for any real save by another process (milliseconds), short enough that a stuck
# one is reported rather than waited on forever.
WAIT_SECONDS = 30.0
_FIRST_POLL, _LAST_POLL = 0.0005, 0.02  # a save takes about a millisecond: poll soon, then less
_FLAGS = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
SESSION = ".session"  # <id>.session.lock: the session lock of an assessment


class SessionHold:
    """An assessment held open by this process (see `Locks.open_session`)."""

    def __init__(self, fd: int, path: str) -> None:
        self._fd: int | None = fd
        self._path = path

    def release(self) -> None:
        """Let go of it (again is nothing): the file goes first, while still held, so that
        whoever waits on it finds it unlinked and takes a fresh one."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        from filelock import unlock_descriptor

        try:
            with contextlib.suppress(OSError):
                os.unlink(self._path)
            unlock_descriptor(fd)
        finally:
            os.close(fd)


class Locks:
    def __init__(self, folder: Path, wait: float = WAIT_SECONDS) -> None:
        self.folder = folder
        self.wait = wait

    def _path(self, name: str) -> str:
        return os.path.join(self.folder, f"{name}.lock")

    def _acquire(self, path: str) -> int:
        # Imported here: filelock costs tens of milliseconds to import, and read-only commands
        # (`list`, `clients`, `stats`) never lock.
        from filelock import lock_descriptor

        deadline = time.monotonic() + self.wait
        while True:
            fd = os.open(path, _FLAGS, FILE_MODE)
            try:
                poll = _FIRST_POLL
                while not lock_descriptor(fd, blocking=False):
                    if time.monotonic() > deadline:
                        raise Busy("store.busy", file=path)
                    time.sleep(poll)
                    poll = min(poll * 2, _LAST_POLL)
                info = os.fstat(fd)
                if info.st_nlink > 0:
                    if info.st_mode & 0o777 != FILE_MODE:
                        os.fchmod(fd, FILE_MODE)  # the umask had a say when it was created
                    return fd
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)  # unlinked by `forget` while we waited: lock what is there now

    @contextlib.contextmanager
    def _hold(self, name: str) -> Iterator[None]:
        from filelock import unlock_descriptor

        fd = self._acquire(self._path(name))
        try:
            yield
        finally:
            try:
                unlock_descriptor(fd)
            finally:
                os.close(fd)

    def assessment(self, assessment_id: str) -> contextlib.AbstractContextManager[None]:
        return self._hold(assessment_id)

    def index(self) -> contextlib.AbstractContextManager[None]:
        return self._hold("index")

    def sets(self) -> contextlib.AbstractContextManager[None]:
        return self._hold("sets")

    def open_session(self, assessment_id: str) -> SessionHold:
        """Hold `assessment_id` open for this session; `OpenElsewhere` (saying since when)
        if another session holds it. Never waits: the other may run for an hour."""
        from filelock import lock_descriptor

        path = self._path(assessment_id + SESSION)
        while True:
            fd = os.open(path, _FLAGS, FILE_MODE)
            try:
                if not lock_descriptor(fd, blocking=False):
                    since = _since(fd)
                    if since:
                        raise OpenElsewhere("store.open_elsewhere", id=assessment_id,
                                            since=since)
                    raise OpenElsewhere("store.open_elsewhere_now", id=assessment_id)
                info = os.fstat(fd)
                if info.st_nlink > 0:
                    if info.st_mode & 0o777 != FILE_MODE:
                        os.fchmod(fd, FILE_MODE)
                    os.ftruncate(fd, 0)
                    os.pwrite(fd, f"{os.getpid()} {clock.now()}\n".encode(), 0)
                    return SessionHold(fd, path)
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)  # released (and unlinked) meanwhile: take the one at the path now

    def forget_if_unused(self, name: str, gone: Callable[[], bool]) -> None:
        """Remove a lock file nobody holds, if `gone()` (asked while we hold it) says its
        assessment does not exist. Held, it is left: a `put` of a new id holds the lock before
        the record exists. Holding it ourselves is what makes the check worth something: a
        process that opened the file meanwhile waits, then finds it unlinked (see the module
        docstring) and locks the one at the path instead."""
        from filelock import lock_descriptor, unlock_descriptor

        try:
            fd = os.open(self._path(name), _FLAGS & ~os.O_CREAT)
        except OSError:  # gone already, or a link or folder: not a lock file of ours
            return
        try:
            if not lock_descriptor(fd, blocking=False):
                return
            try:
                if os.fstat(fd).st_nlink > 0 and gone():
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(self._path(name))
            finally:
                unlock_descriptor(fd)
        finally:
            os.close(fd)

    def forget(self, assessment_id: str) -> None:
        """Remove the lock files of an assessment that no longer exists (call while holding
        its lock); a session lock too, whoever holds it (its record is gone)."""
        for name in (assessment_id, assessment_id + SESSION):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self._path(name))


def _since(fd: int) -> str:
    """When the session holding this lock file opened it, as a local time ("14:05", or with
    the day if it is not today); "" if the file does not say."""
    from datetime import datetime

    try:
        opened = clock.parse(os.pread(fd, 200, 0).decode("ascii").split()[1]).astimezone()
    except (OSError, ValueError, IndexError, UnicodeDecodeError):
        return ""
    today = datetime.now().astimezone().date()
    return opened.strftime("%H:%M" if opened.date() == today else "%Y-%m-%d %H:%M")
