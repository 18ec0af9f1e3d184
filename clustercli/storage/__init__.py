"""The local store of assessments. `api` says what it promises; `open_store` gives one.

Only this package imports tinydb (and filelock); the rest of the tool sees the `Store` interface
of `api.py`, and tests of the layers above use `MemoryStore`.

    atomic.py    write a file so that a crash leaves the old content or the new
    jsonfile.py  the TinyDB storage on top of that, and what "damaged" means for a file
    records.py   records and index rows as JSON documents, checked field by field
    changes.py   what each change does to a record (shared with the in-memory store)
    locks.py     the lock files that serialise read-modify-write between processes
    sets.py      the copies of question sets, by content hash
    index.py     the rows `list` shows, and how they are kept honest
    files.py     the file store itself
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from clustercli.storage.api import Store


def open_store(data_dir: Path, **options) -> Store:
    """The file store in `data_dir` (created 0700 if missing), after sweeping up what killed
    processes left behind. `options` go to `FileStore` (the tests choose the TinyDB storage)."""
    from clustercli.storage.atomic import ensure_dir, sweep
    from clustercli.storage.files import FileStore

    store = FileStore(Path(data_dir), **options)
    for folder in (store.root, store.records, store.sets.folder, store.locks.folder):
        ensure_dir(folder)
    for folder in (store.root, store.sets.folder):
        sweep(folder)
    records = list(os.scandir(store.records))  # one look at a folder of 10,000 files
    sweep(store.records, records)
    _sweep_orphan_locks(store.locks.folder, {entry.name.removesuffix(".json")
                                             for entry in records})
    return store


def _sweep_orphan_locks(locks: Path, present: set[str]) -> None:
    """Lock files of assessments that no longer exist (a process killed inside `delete`):
    nobody needs them, and they name an erased assessment. Unlinking one is safe even while
    it is held, since only an operation that is about to find the record gone can hold it."""
    with os.scandir(locks) as entries:
        for entry in entries:
            name = entry.name.removesuffix(".lock")
            if name not in ("index", "sets") and name not in present:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(entry.path)
