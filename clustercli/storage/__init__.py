"""The local store of assessments: `open_store` gives one.

What a store promises (the records' types and the `Store` protocol) is the core's own
(`clustercli.records`); this package implements it. Only this package imports tinydb (and
filelock); the rest of the tool sees the `Store` interface, and tests of the layers above use
`MemoryStore`.

    atomic.py    write a file so that a crash leaves the old content or the new
    jsonfile.py  the TinyDB storage on top of that, and what "damaged" means for a file
    documents.py records and index rows as JSON documents, checked field by field
    changes.py   what each change does to a record (shared with the in-memory store)
    locks.py     the lock files that serialise read-modify-write between processes
    sets.py      the copies of question sets, by content hash
    index.py     the rows `list` shows, and how they are kept honest
    rows.py      the index file's form (and the form earlier versions wrote)
    bulk.py      reading thousands of records at once without the cycle collector
    folder.py    what is wrong with a data folder that cannot be written, said before a change
    putting.py   whole records written at once (an import), all or nothing
    erase.py     every trace of some assessments (delete, purge)
    files.py     the file store itself

`document_of` and `record_from` are the portable form of a record (an export line), for
`clustercli.portability`, which imports nothing else of this package."""

from __future__ import annotations

import contextlib
import functools
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clustercli.records import Assessment, Store
from clustercli.storage.atomic import ensure_dir, write_atomic
from clustercli.storage.documents import (
    PLAIN_FORMAT,
    ShapeError,
    assessment_from,
    assessment_to,
)

if TYPE_CHECKING:
    from clustercli.storage.files import FileStore

# What the rest of the tool may use (tests/test_architecture.py: nothing outside this package
# imports its modules): a store, the atomic, private (0600) write of one file beside it, and the
# portable form of a record.
__all__ = ["ShapeError", "document_of", "ensure_dir", "open_store", "record_from", "write_atomic"]


def document_of(record: Assessment) -> dict[str, Any]:
    """Every field of a record as JSON-ready values: the portable form of what the store
    writes (an export line), without the store's own file-format number, and without an
    unfinished edit (`draft`): that is work in progress on this computer, and an export holds
    the assessment as it was last completed (docs/export-format.md)."""
    doc = assessment_to(record)
    del doc["format"]
    doc.pop("draft", None)
    return doc


def record_from(doc: dict[str, Any]) -> Assessment:
    """The record in a portable document (`document_of`'s form), checked field by field;
    `ShapeError` naming the first field that is missing, unknown or of the wrong kind."""
    for field in ("format", "draft"):  # the store's own, never in a portable document
        if field in doc:
            raise ShapeError(field)
    return assessment_from({"format": PLAIN_FORMAT, **doc})


def open_store(data_dir: Path, **options: Any) -> Store:
    """The file store in `data_dir` (created 0700 if missing; one the user made keeps its
    mode, but the folders we keep in it are 0700 whatever they were), after sweeping up what
    killed processes left behind. `options` go to `FileStore` (the tests choose the TinyDB
    storage)."""
    from clustercli.storage.atomic import ensure_dir, ensure_private_dir
    from clustercli.storage.files import FileStore
    from clustercli.storage.folder import problem

    store = FileStore(Path(data_dir), **options)
    try:
        ensure_dir(store.root)
        for folder in (store.records, store.sets.folder, store.locks.folder):
            ensure_private_dir(folder)
        records = list(os.scandir(store.records))  # one look at a folder of 10,000 files
    except OSError as error:  # a file in the way, no permission, a read-only file system
        raise problem(store.root, error) from None
    # Upkeep, as far as the folder lets us: a read-only one can still be listed and exported.
    with contextlib.suppress(OSError):
        _upkeep(store, records)
    return store


def _upkeep(store: FileStore, records: list[os.DirEntry[str]]) -> None:
    from clustercli.storage.atomic import sweep

    for folder in (store.root, store.sets.folder):
        sweep(folder)
    sweep(store.records, records)
    _sweep_orphan_locks(store.locks.folder, store.records,
                        {entry.name.removesuffix(".json") for entry in records})


def _sweep_orphan_locks(locks: Path, records: Path, present: set[str]) -> None:
    """Lock files of assessments that no longer exist (a process killed inside `delete`):
    nobody needs them, and they name an erased assessment. A session lock (`<id>.session.lock`,
    left by a session that was killed) belongs to its assessment like the other.

    `present` is a listing taken a moment ago, so a record missing from it may have been
    created since, or be about to be (a `put` of a new id holds its lock first). So each lock
    file goes only if nobody holds it and, looked at again while we hold it, its record is
    still absent (`Locks.forget_if_unused`)."""
    from clustercli.storage.locks import SESSION, Locks

    with os.scandir(locks) as entries:
        orphans = [(name, owner) for entry in entries if entry.name.endswith(".lock")
                   and (name := entry.name[:-5]) not in ("index", "sets")
                   and (owner := name.removesuffix(SESSION)) not in present]
    if not orphans:  # the usual case: no Locks, so no import of filelock
        return
    held = Locks(locks)
    for name, owner in orphans:
        held.forget_if_unused(name, functools.partial(_gone, records / f"{owner}.json"))


def _gone(path: Path) -> bool:
    return not os.path.lexists(path)
