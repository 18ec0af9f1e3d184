"""The file store: the `Store` interface over a data folder.

    <data>/assessments/<id>.json   one small TinyDB file per assessment (table `assessment`)
    <data>/sets/<hash>.json        the question sets they were started with
    <data>/index.json              rows for `list` (see index.py)
    <data>/summaries.json          completion summaries for `stats` (see index.py)
    <data>/*.json.damaged-<time>   a damaged index or summaries file, moved aside (index.py)
    <data>/locks/                  lock files (see locks.py)

A save touches one small file, whatever the number of assessments: read it, change it, replace
it atomically, under the assessment's lock. The index is written only when an assessment is
created, completed, reopened or deleted, and always in the order that leaves it, after a crash,
behind the record files rather than ahead of them: rows it must trust (completed ones) are
written after their record, and taken back (reopen) before it.
"""

from __future__ import annotations

import builtins
import contextlib
import os
import re
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document

from clustercli import clock
from clustercli.names import client_key
from clustercli.records import (
    Assessment,
    Damaged,
    IndexRow,
    NotFound,
    Reason,
    SetMissing,
    SetRef,
    Summarise,
    Update,
)
from clustercli.storage import changes
from clustercli.storage.atomic import remove_durably
from clustercli.storage.bulk import reading_many
from clustercli.storage.documents import (
    NewerFormat,
    ShapeError,
    assessment_from,
    assessment_to,
    row_of,
)
from clustercli.storage.folder import check_writable
from clustercli.storage.folder import failures_named as _failures_named
from clustercli.storage.index import Index, stamp
from clustercli.storage.jsonfile import (
    AtomicJSONStorage,
    StorageKind,
    database,
    decode,
    read_checked,
)
from clustercli.storage.locks import WAIT_SECONDS, Locks, SessionHold
from clustercli.storage.putting import put as put_whole
from clustercli.storage.sets import SetCopies

TABLE = "assessment"
_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

Change = Callable[[Assessment, str], bool]
Hook = Callable[[Assessment], None]


def _replaced_by(new: dict[str, Any]) -> Callable[[MutableMapping[Any, Any]], None]:
    """TinyDB's `update` with a dict merges it into the stored document, so a field the new
    form leaves out (a finished edit's `draft`) would stay: replace the document whole."""

    def replace(doc: MutableMapping[Any, Any]) -> None:
        doc.clear()
        doc.update(new)

    return replace


class FileStore:
    def __init__(self, root: Path, storage: StorageKind = AtomicJSONStorage,
                 lock_wait: float = WAIT_SECONDS) -> None:
        self.root = root
        self.records = root / "assessments"
        self.storage = storage
        self.locks = Locks(root / "locks", lock_wait)
        self.sets = SetCopies(root / "sets")
        self.index = Index(root / "index.json", storage, self.locks)

    # -- reading ---------------------------------------------------------------------------

    def _path(self, assessment_id: str) -> Path:
        # Anything but one of our ids (a typo, "../x") names no file: never build a path from it.
        if not isinstance(assessment_id, str) or not _ID.fullmatch(assessment_id):
            raise NotFound("store.not_found", id=assessment_id)
        return self.records / f"{assessment_id}.json"

    def _existing(self, assessment_id: str) -> Path:
        path = self._path(assessment_id)
        if not os.path.lexists(path):
            raise NotFound("store.not_found", id=assessment_id)
        return path

    def _record(self, db: TinyDB, assessment_id: str, path: Path) -> Assessment:
        # our documents' ids are text (jsonfile: document_id_class); tinydb's types say int
        doc = db.table(TABLE).get(doc_id=assessment_id)  # type: ignore[call-overload]
        return self._checked(doc, assessment_id, path)

    def _checked(self, doc: dict[str, Any] | None, assessment_id: str,
                 path: Path | str) -> Assessment:
        if doc is None:
            if not os.path.lexists(path):  # deleted by another process a moment ago
                raise NotFound("store.not_found", id=assessment_id)
            raise Damaged("store.damaged_shape", file=str(path), detail=TABLE)
        try:
            record = assessment_from(dict(doc))
        except ShapeError as error:
            raise Damaged("store.damaged_shape", file=str(path), detail=error.args[0]) from None
        except NewerFormat as error:
            raise Damaged("store.damaged_newer", file=str(path), format=error.args[0]) from None
        if record.id != assessment_id:
            raise Damaged("store.damaged_shape", file=str(path), detail="id")
        return record

    def _read(self, path: Path | str) -> tuple[Assessment, list[int]]:
        """A record and the stamp of the very file it was read from (for the index)."""
        path = Path(path)
        with database(path, self.storage) as db:
            record = self._record(db, path.stem, path)
            info = getattr(db.storage, "last_stat", None)
        return record, stamp(info if info is not None else os.stat(path))

    def load(self, assessment_id: str) -> Assessment:
        # No lock: every write replaces the whole file atomically, so a reader sees the old
        # record or the new one.
        return self._read(self._existing(assessment_id))[0]

    def load_many(self, assessment_ids: Iterable[str] | None = None,
                  ) -> Iterator[tuple[str, Assessment | Damaged]]:
        if assessment_ids is None:
            paths: Iterable[tuple[str, str | Path]] = self._files().items()
        else:
            paths = ((key, self._path(key)) for key in assessment_ids if _ID.fullmatch(key))
        if self.storage is not AtomicJSONStorage:  # a test's own storage: through TinyDB
            for assessment_id, _ in paths:
                try:
                    yield assessment_id, self.load(assessment_id)
                except NotFound:
                    continue
                except Damaged as error:
                    yield assessment_id, error
            return
        with reading_many():  # see bulk.py: a third of an export was the cycle collector
            for assessment_id, path in paths:
                try:
                    record = self._read_fast(assessment_id, path)
                except NotFound:
                    continue
                except Damaged as error:
                    yield assessment_id, error
                else:
                    if record is not None:
                        yield assessment_id, record

    def _read_fast(self, assessment_id: str, path: str | Path) -> Assessment | None:
        """`load` without TinyDB's table machinery or a Path per file: the same checks, at
        half the cost (export reads 10,000 of these). None if the file is gone."""
        found = read_checked(path)
        if found is None:
            return None  # erased since it was listed
        data = decode(found[0], path)
        table = data.get(TABLE) if type(data) is dict else None
        doc = table.get(assessment_id) if type(table) is dict else None
        if type(table) is not dict or type(doc) is not dict or len(data) != 1 or len(table) != 1:
            # not the one table of one document we write: let the storage name what is wrong
            tables = AtomicJSONStorage(str(path)).read() or {}
            doc = tables.get(TABLE, {}).get(assessment_id)
        return self._checked(doc, assessment_id, path)

    def _files(self) -> dict[str, str]:
        # Paths as text: 10,000 Path objects cost more than the rest of `list` together.
        with os.scandir(self.records) as entries:
            return {entry.name[:-5]: entry.path for entry in entries
                    if entry.name.endswith(".json") and _ID.fullmatch(entry.name[:-5])}

    def list(self, with_summaries: bool = False) -> list[IndexRow]:
        with _failures_named(), reading_many():  # rows that live to the end: see bulk.py
            rows = self.index.scan(self._files(), self._read, with_summaries)
        return sorted(rows, key=lambda row: row.updated, reverse=True)

    def find_by_client(self, client: str) -> builtins.list[IndexRow]:
        key = client_key(client)
        return [row for row in self.list() if client_key(row.client) == key]

    def question_set_data(self, set_hash: str) -> str:
        try:
            return self.sets.read(set_hash)
        except NotFound:
            path = self.sets.path(set_hash)
            if path is None:  # not a hash we could have written: no file to name
                raise
            raise SetMissing("store.set_missing", file=str(path)) from None

    # -- changing --------------------------------------------------------------------------

    def check_writable(self) -> None:
        """BadInput naming the folder, unless every folder a change may write in lets us:
        asked before a change, so that a read-only data folder stops it untouched."""
        check_writable(self.root, (self.root, self.records, self.sets.folder,
                                   self.locks.folder))

    def create(self, *, question_set: SetRef, set_data: str, language: str, client: str = "",
               respondent: str = "") -> Assessment:
        now = clock.now()
        record = Assessment(id=str(uuid.uuid4()), question_set=question_set, language=language,
                            client=client, respondent=respondent, created=now, updated=now)
        path = self._path(record.id)
        self.check_writable()
        with _failures_named():
            # The set copy and the record under one lock: `delete` of the last assessment
            # that used this set cannot remove the copy in between.
            with self.locks.sets():
                self.sets.ensure(question_set.hash, set_data)
                with database(path, self.storage) as db:
                    db.table(TABLE).insert(Document(
                        assessment_to(record), doc_id=record.id))  # type: ignore[arg-type]
                info = os.stat(path)
            try:
                self.index.put(row_of(record), stamp(info))
            except BaseException:
                # No half-made assessment left behind: a new one exists only once it is listed.
                with contextlib.suppress(OSError):
                    remove_durably(path)
                raise
        return record

    def _change(self, assessment_id: str, change: Change,
                after_write: Hook | None = None) -> Assessment:
        """Read, change and write one record under its lock; a damaged one raises `Damaged`
        before anything is written, so it stays exactly as it was."""
        path = self._existing(assessment_id)
        with _failures_named(), self.locks.assessment(assessment_id):
            with database(path, self.storage) as db:  # written once, as the block ends
                try:
                    record = self._record(db, assessment_id, path)
                except NotFound:  # deleted while we waited for the lock
                    self.locks.forget(assessment_id)
                    raise
                completed = record.status == "completed"
                if not change(record, clock.now()):
                    return record
                db.table(TABLE).update(_replaced_by(assessment_to(record)),
                                       doc_ids=[assessment_id])  # type: ignore[list-item]
                if completed and record.status != "completed":
                    # reopened, or unfinished by a change (changes.py): the index row stops
                    # claiming "completed" before the record does (see the docstring)
                    self.index.put(row_of(record), [])
            if after_write:
                after_write(record)
        return record

    def save_answer(self, assessment_id: str, question: str, value: Any,
                    note: str | None = None) -> Assessment:
        return self._change(assessment_id, lambda record, now: changes.save_answer(
            record, question, value, note, now))

    def deactivate(self, assessment_id: str, questions: builtins.list[str],
                   reason: Reason = "not_applicable") -> Assessment:
        return self._change(assessment_id, lambda record, now: changes.deactivate(
            record, questions, reason, now))

    def complete(self, assessment_id: str, summarise: Summarise | None = None) -> Assessment:
        # The summary from the record read under its lock, and the index row from that record
        # before the lock is let go: two processes completing one record cannot leave a level
        # that belongs to other answers than the ones stored.
        path = self._path(assessment_id)
        return self._change(
            assessment_id, lambda record, now: changes.complete(record, summarise, now),
            after_write=lambda record: self.index.put(row_of(record), stamp(os.stat(path))))

    def reopen(self, assessment_id: str) -> Assessment:
        return self._change(assessment_id, changes.reopen)

    def hold(self, assessment_id: str) -> SessionHold:
        self._existing(assessment_id)
        with _failures_named():
            return self.locks.open_session(assessment_id)

    def delete(self, assessment_id: str) -> None:
        self.delete_many([assessment_id])

    def delete_many(self, assessment_ids: Iterable[str]) -> None:
        from clustercli.storage.erase import erase

        erase(self, assessment_ids)

    def put(self, updates: Mapping[str, Update], sets: Mapping[str, str]) -> builtins.list[str]:
        return put_whole(self, updates, sets)

    def _set_of(self, assessment_id: str, path: Path) -> str | None:
        try:
            return self._read(path)[0].question_set.hash
        except Damaged:  # a damaged record can still be erased; its set is known to the index
            entry = (self.index.read() or {}).get(assessment_id)
            row = entry[0] if entry else None
            return row.question_set.hash if row and row.question_set else None
