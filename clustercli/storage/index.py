"""The index: one row per assessment, so that `list` need not open 10,000 files.

A TinyDB file (`index.json`, table `rows`, keyed by assessment id). It is written when an
assessment is created, completed, reopened or deleted, never when an answer is saved: the cost
of a save stays flat however many assessments there are.

The index is a cache of the record files, and `scan` treats it as one:
- a completed row is trusted only while its record file is the very file the row was taken
  from (same inode, size and modification time: `stamp`); every write replaces the file, so any
  later change shows. Completed rows are what `clients` and `stats` read by the thousand;
- in-progress rows change with every answer, so they are always re-read from their files;
- a record file with no row gets one, a row with no record file is dropped.
So a crash between writing a record and writing the index costs nothing: the next `list`
repairs the row.

Why rebuilding a damaged or missing index is safe: every field of a row, the completed
summary included, is copied from a record file (the record holds its summary too). Rebuilding
reads them all again, so it loses nothing; a record that cannot be read is listed as damaged
from its own file whether the index had it or not.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from tinydb import Storage
from tinydb.table import Document

from clustercli.storage.api import Assessment, Damaged, IndexRow, NotFound
from clustercli.storage.jsonfile import database
from clustercli.storage.locks import Locks
from clustercli.storage.records import ShapeError, row_from, row_of, row_to

TABLE = "rows"
SUMMARIES = "summaries"  # table of summaries.json: assessment id -> completion summary

Entry = tuple[IndexRow, list[int]]  # a row and the stamp of the record file it came from
Reader = Callable[[str], tuple[Assessment, list[int]]]


def stamp(info: os.stat_result) -> list[int]:
    return [info.st_ino, info.st_size, info.st_mtime_ns]


class Index:
    """`index.json` holds the rows; `summaries.json` beside it the completion summaries.

    Two files because the summaries are most of the bulk (scores, answers) and only `stats`
    reads them: `list` and `clients` at 10,000 assessments decode 5 MB instead of 11. Both are
    written under the index lock, summaries first: a crash in between leaves a summary without
    its row (harmless) rather than a trusted row without its summary; and a completed row
    whose summary is missing is read again from its record file, which holds the summary too.
    """

    def __init__(self, path: Path, storage: type[Storage], locks: Locks) -> None:
        self.path = path
        self.summaries_path = path.with_name("summaries.json")
        self.storage = storage
        self.locks = locks

    def read(self) -> dict[str, Entry] | None:
        """Every row by id; {} for no index yet, None for one that must be rebuilt."""
        try:
            # Straight from the storage, not through TinyDB's table: a read-only pass over
            # 10,000 rows needs none of its Document objects, which cost more than the JSON.
            data = self.storage(str(self.path)).read() or {}
            entries = {key: row_from(doc) for key, doc in data.get(TABLE, {}).items()}
        except (Damaged, ShapeError):
            return None
        if any(row.id != key for key, (row, _) in entries.items()):
            return None
        return entries

    def read_summaries(self) -> dict[str, dict] | None:
        """Summaries by id; None when the file is damaged (the rows are then re-read)."""
        try:
            data = self.storage(str(self.summaries_path)).read() or {}
        except Damaged:
            return None
        return data.get(SUMMARIES, {})

    def put(self, row: IndexRow, record_stamp: list[int]) -> None:
        self.change({row.id: (row, record_stamp)})

    def drop(self, assessment_id: str) -> None:
        self.change({assessment_id: None})

    def change(self, changes: dict[str, Entry | None]) -> None:
        """Apply row changes under the index lock. If the index cannot be read, leave it: the
        next `scan` rebuilds it from the record files, which already hold these changes."""
        with self.locks.index():
            try:
                self._change_summaries(changes)
                with database(self.path, self.storage) as db:
                    table = db.table(TABLE)
                    # Two whole-table operations however many rows change (TinyDB copies the
                    # table once per operation; a row at a time would be quadratic). Only ids
                    # it has: TinyDB before 4.9 fails on the others.
                    table.remove(doc_ids=[key for key in changes if table.contains(doc_id=key)])
                    table.insert_multiple(Document(row_to(*entry), doc_id=key)
                                          for key, entry in changes.items() if entry is not None)
            except Damaged:
                return

    def _change_summaries(self, changes: dict[str, Entry | None]) -> None:
        summaries = self.read_summaries() or {}  # a damaged file is rebuilt from the changes
        before = dict(summaries)
        for key, entry in changes.items():
            summary = entry[0].summary if entry is not None else None
            if summary is None:
                summaries.pop(key, None)
            else:
                summaries[key] = summary
        if summaries != before or not self.summaries_path.exists():
            self.storage(str(self.summaries_path)).write({SUMMARIES: summaries})

    def rebuild(self, entries: dict[str, Entry]) -> None:
        """Replace the index by these rows, without reading the old one (it is unreadable)."""
        with self.locks.index():
            self.storage(str(self.summaries_path)).write({SUMMARIES: {
                key: entry[0].summary for key, entry in entries.items()
                if entry[0].summary is not None}})
            self.storage(str(self.path)).write(
                {TABLE: {key: row_to(*entry) for key, entry in entries.items()}})

    def scan(self, files: dict[str, str], read: Reader,
             with_summaries: bool = False) -> list[IndexRow]:
        """A row for every record file, refreshed as the module docstring says; repairs the
        index on the way (best effort: a read-only data folder still lists)."""
        known = self.read()
        rebuild = known is None
        known = known or {}
        summaries = (self.read_summaries() or {}) if with_summaries else {}
        rows: list[IndexRow] = []
        changes: dict[str, Entry | None] = {}
        for assessment_id, path in files.items():
            entry = known.get(assessment_id)
            if entry is not None and entry[0].status == "completed" and (
                    not with_summaries or assessment_id in summaries):
                try:
                    if entry[1] == stamp(os.stat(path)):
                        if with_summaries:
                            entry[0].summary = summaries[assessment_id]
                        rows.append(entry[0])
                        continue
                except FileNotFoundError:  # deleted since we listed the folder
                    continue
            try:
                record, record_stamp = read(path)
            except Damaged as error:
                rows.append(_damaged_row(assessment_id, error, entry, path))
                continue
            except (FileNotFoundError, NotFound):  # deleted since we listed the folder
                continue
            row = row_of(record)
            if rebuild or entry is None or "completed" in (row.status, entry[0].status):
                changes[assessment_id] = (row, record_stamp)
            if not with_summaries and row.summary is not None:
                row = dataclasses.replace(row, summary=None)  # the same answer either way
            rows.append(row)
        for assessment_id in known.keys() - files.keys():
            changes[assessment_id] = None
        try:
            if rebuild and (changes or self.path.exists()):
                self.rebuild({k: v for k, v in changes.items() if v is not None})
            elif changes:
                self.change(changes)
        except OSError:
            pass
        return rows


def _damaged_row(assessment_id: str, error: Damaged, entry: Entry | None,
                 path: str) -> IndexRow:
    """What we still know of a damaged record: its last index row, else only its file's time."""
    if entry is not None:
        base = entry[0]
        return IndexRow(assessment_id, base.client, base.respondent, "damaged", base.answered,
                        base.question_set, base.created, base.updated,
                        problem=error.key, problem_params=dict(error.params))
    try:
        when = datetime.fromtimestamp(os.lstat(path).st_mtime, UTC)
        moment = when.isoformat(timespec="microseconds").replace("+00:00", "Z")
    except OSError:
        moment = ""
    return IndexRow(assessment_id, "", "", "damaged", 0, None, moment, moment,
                    problem=error.key, problem_params=dict(error.params))
