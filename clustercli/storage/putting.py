"""`put`: whole records written at once (an import), all or nothing.

An import of a hundred records must not stop after forty (a full disk, a read-only folder, a
lock held too long) and leave those forty behind. So it goes in two steps:

1. Prepare. Each record's new content is worked out from its stored version (`update`) and
   written to a temp file beside it, synced; then the set copies the records need. No reader
   sees any of it yet: on a failure the temp files (and the set copies this import added) are
   removed, and the data folder is as it was.
2. Commit. Under each record's lock, the stored file is kept under a second name (a hard link:
   no copy, no space needed) and the temp file is renamed over it (a rename needs no space
   either), after checking that the stored file is still the one the content was worked out
   from (if not, `update` runs again on the one stored now: nothing saved meanwhile is
   overwritten unseen). If a record cannot be committed (another process holds its lock far
   too long), the records already renamed get their kept file back, and a new one goes again.
   Signals wait for this step to end (`interrupts.held`): Ctrl-C does not cut an import in two.

Then one index write for the lot. The index is a cache of the record files, so a failure to
write it loses nothing: the next `list` reads the files it does not match.

A process killed during step 2 can leave part of the import in place, every file whole (as the
crash tests demand of every step); the names kept in step 2 are temp names, swept at the next
start. Importing the same file again finishes the job: what is already there is left alone.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from clustercli import interrupts
from clustercli.records import Assessment, Update
from clustercli.storage.atomic import fsync_dir, named, temp_name, write_temp
from clustercli.storage.documents import assessment_to, row_of
from clustercli.storage.folder import failures_named
from clustercli.storage.index import stamp
from clustercli.storage.jsonfile import encode, read_checked, tables
from clustercli.storage.rows import Entry

if TYPE_CHECKING:
    from clustercli.storage.files import FileStore


@dataclass
class _Staged:
    id: str
    path: Path
    update: Update
    temp: Path  # the new content, synced, not yet visible
    seen: list[int] | None  # the stamp of the stored file it was worked out from (None: new)
    record: Assessment
    kept: Path | None = None  # step 2: the replaced file, under a temp name, until the end


def put(store: FileStore, updates: Mapping[str, Update], sets: Mapping[str, str]) -> list[str]:
    store.check_writable()
    staged: list[_Staged] = []
    added_sets: list[str] = []
    try:
        with failures_named("store.import_failed"):
            for assessment_id, update in updates.items():
                item = _stage(store, assessment_id, update)
                if item is not None:
                    staged.append(item)
            added_sets = _ensure_sets(store, staged, sets)
            with interrupts.held():
                written = _commit(store, staged, sets)
    except BaseException:
        for item in staged:
            with contextlib.suppress(OSError):
                os.unlink(item.temp)
        _remove_unused(store, added_sets)
        raise
    # One index write for the lot (a row at a time would rewrite it once per record).
    if written:
        with contextlib.suppress(OSError):
            store.index.change(written)
    return list(written)


def _current(store: FileStore, assessment_id: str,
             path: Path) -> tuple[Assessment | None, list[int] | None]:
    """The stored record and the stamp of its file (None, None: there is none)."""
    found = read_checked(path)
    if found is None:
        return None, None
    raw, info = found
    doc = tables(raw, path).get("assessment", {}).get(assessment_id)
    return store._checked(doc, assessment_id, path), stamp(info)


def _content(record: Assessment) -> bytes:
    """A record file's bytes, exactly as the store's TinyDB storage writes them."""
    return encode({"assessment": {record.id: assessment_to(record)}})


def _stage(store: FileStore, assessment_id: str, update: Update) -> _Staged | None:
    path = store._path(assessment_id)
    current, seen = _current(store, assessment_id, path)
    record = update(current)
    if record is None:
        return None
    if record.id != assessment_id:
        raise ValueError(f"record {record.id} put under id {assessment_id}")
    try:
        temp = write_temp(path, _content(record))
    except OSError as error:
        raise named(error, path) from error
    return _Staged(assessment_id, path, update, temp, seen, record)


def _ensure_sets(store: FileStore, staged: list[_Staged], sets: Mapping[str, str]) -> list[str]:
    """Every set copy the staged records need, written if missing; the hashes it added."""
    needed = dict.fromkeys(item.record.question_set.hash for item in staged)
    added = []
    with store.locks.sets():
        try:
            for set_hash in needed:
                if set_hash not in sets:
                    store.sets.read(set_hash)  # NotFound: a record must never lack its set
                    continue
                path = store.sets.path(set_hash)
                existed = path is not None and os.path.lexists(path)
                store.sets.ensure(set_hash, sets[set_hash])
                if not existed:
                    added.append(set_hash)
        except BaseException:
            for set_hash in added:
                with contextlib.suppress(OSError):
                    store.sets.remove(set_hash)
            raise
    return added


def _commit(store: FileStore, staged: list[_Staged],
            sets: Mapping[str, str]) -> dict[str, Entry | None]:
    done: list[_Staged] = []
    written: dict[str, Entry | None] = {}
    try:
        for item in staged:
            entry = _commit_one(store, item, sets)
            done.append(item)
            if entry is not None:
                written[item.id] = entry
        fsync_dir(store.records)
    except BaseException:
        _put_back(store, done)
        raise
    for item in done:  # committed for good: the replaced files go
        if item.kept is not None:
            with contextlib.suppress(OSError):
                os.unlink(item.kept)
    return written


def _commit_one(store: FileStore, item: _Staged, sets: Mapping[str, str]) -> Entry | None:
    with store.locks.assessment(item.id):
        try:
            with store.locks.sets():
                set_hash = item.record.question_set.hash
                copy = store.sets.path(set_hash)
                if copy is None or not os.path.lexists(copy):  # erased meanwhile
                    if set_hash not in sets:
                        store.sets.read(set_hash)  # NotFound
                    store.sets.ensure(set_hash, sets[set_hash])
                current, now = _current(store, item.id, item.path)
                if now != item.seen:  # saved meanwhile: work it out again from what is there
                    os.unlink(item.temp)
                    record = item.update(current)
                    if record is None:
                        return None
                    item.record, item.seen = record, now
                    item.temp = write_temp(item.path, _content(record))
                if now is not None:
                    item.kept = temp_name(item.path)
                    os.link(item.path, item.kept)
                try:
                    os.replace(item.temp, item.path)
                except BaseException:
                    if item.kept is not None:  # not replaced: nothing to keep
                        with contextlib.suppress(OSError):
                            os.unlink(item.kept)
                    raise
            return row_of(item.record), stamp(os.stat(item.path))
        finally:
            if not os.path.lexists(item.path):  # nothing written for a new id: no lock file
                store.locks.forget(item.id)


def _put_back(store: FileStore, done: list[_Staged]) -> None:
    """Undo the committed records of a failed commit: the kept file back, a new one gone."""
    for item in reversed(done):
        with store.locks.assessment(item.id), contextlib.suppress(OSError):
            if item.kept is not None:
                os.replace(item.kept, item.path)
            else:
                os.unlink(item.path)
                store.locks.forget(item.id)
    with contextlib.suppress(OSError):
        fsync_dir(store.records)


def _remove_unused(store: FileStore, added: list[str]) -> None:
    """The set copies this import added, unless a record uses one by now (a new assessment
    started meanwhile with the same set)."""
    if not added:
        return
    with contextlib.suppress(OSError), store.locks.sets():
        rows = store.index.scan(store._files(), store._read)
        if any(row.question_set is None for row in rows):
            return  # a damaged record might use any of them: keep them
        in_use = {row.question_set.hash for row in rows if row.question_set is not None}
        for set_hash in added:
            if set_hash not in in_use:
                store.sets.remove(set_hash)
