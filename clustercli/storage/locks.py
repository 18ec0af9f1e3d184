"""The locks that serialise read-modify-write cycles between processes (two terminals open).

One lock file per assessment (saves to different assessments never wait for each other), one
for the index and one for the question-set copies. Always taken in the order assessment, index,
sets, and none is held while waiting for a lock taken earlier in that order, so two processes
cannot deadlock.

Lock files live in `locks/` and are named by assessment id. Erasure promises that no file in the
data folder still names a deleted assessment, so `forget` unlinks a lock file while it is held.
A process that was waiting on the unlinked file then locks a fresh one, finds the record gone
and gets NotFound (and forgets that file too): mutual exclusion only matters while the record
exists, and an id is never reused.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from filelock import FileLock, Timeout

from clustercli.storage.api import Busy
from clustercli.storage.atomic import FILE_MODE

# Long enough for any real save by another process (milliseconds), short enough that a stuck
# one is reported rather than waited on forever.
WAIT_SECONDS = 30.0


class Locks:
    def __init__(self, folder: Path, wait: float = WAIT_SECONDS) -> None:
        self.folder = folder
        self.wait = wait
        self._held: dict[str, FileLock] = {}

    def _lock(self, name: str) -> FileLock:
        # One FileLock object per name and store: filelock counts re-entry per object.
        lock = self._held.get(name)
        if lock is None:
            lock = FileLock(self.folder / f"{name}.lock", timeout=self.wait, mode=FILE_MODE)
            self._held[name] = lock
        return lock

    @contextmanager
    def _hold(self, name: str) -> Iterator[None]:
        lock = self._lock(name)
        try:
            lock.acquire()
        except Timeout:
            raise Busy("store.busy", file=str(lock.lock_file)) from None
        try:
            yield
        finally:
            lock.release()

    def assessment(self, assessment_id: str):
        return self._hold(assessment_id)

    def index(self):
        return self._hold("index")

    def sets(self):
        return self._hold("sets")

    def forget(self, assessment_id: str) -> None:
        """Remove the lock file of an assessment that no longer exists (call while holding it)."""
        self._held.pop(assessment_id, None)
        with suppress(FileNotFoundError):
            os.unlink(self.folder / f"{assessment_id}.lock")
