"""The index: one row per assessment, so that `list` need not open 10,000 files.

A JSON file (`index.json`) of compact rows keyed by assessment id (its form, and the form
earlier versions wrote, are in rows.py), replaced whole and atomically like every file of
ours. It is written when an assessment is created, completed, reopened or deleted, never when
an answer is saved: the cost of a save stays flat however many assessments there are.

The index is a cache of the record files, and `scan` treats it as one:
- a completed row is trusted only while its record file is the very file the row was taken
  from (same inode, size, modification and change time, mode and owner: `stamp`); every
  write replaces the file, so any later change shows. Change time, mode and owner are there
  for what leaves the content alone: a chmod or chown that makes the file unreadable must
  show it as damaged (mode and owner too, since the change time ticks coarsely: a chmod in
  the same tick as the write leaves it as it was). Rows with the older, shorter stamp never
  match, so their files are simply read once more. Completed rows are what `clients` and
  `stats` read by the thousand;
- in-progress rows change with every answer, so they are always re-read from their files;
- a record file with no row gets one, a row with no record file is dropped.
So a crash between writing a record and writing the index costs nothing: the next `list`
repairs the row.

Why rebuilding a damaged or missing index is safe: every field of a row, the completed
summary included, is copied from a record file (the record holds its summary too). Rebuilding
reads them all again, so it loses nothing; a record that cannot be read is listed as damaged
from its own file whether the index had it or not. A damaged `index.json` or `summaries.json`
is still never written over: it is moved aside first (`<name>.damaged-<UTC time>`), as the
promise for every damaged file goes, and erasure removes those copies (see `remove_aside`).
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from clustercli.profile.summary import BadSummary, Summary
from clustercli.records import Assessment, Damaged, IndexRow, NotFound
from clustercli.storage.atomic import move_aside, remove_durably, write_atomic
from clustercli.storage.documents import row_of
from clustercli.storage.jsonfile import StorageKind, decode, encode, read_checked
from clustercli.storage.locks import Locks
from clustercli.storage.rows import Entry, from_document, in_current_form, to_document
from clustercli.storage.rows import ShapeError as BadIndex

SUMMARIES = "summaries"  # table of summaries.json: assessment id -> completion summary

Reader = Callable[[str], tuple[Assessment, list[int]]]


def stamp(info: os.stat_result) -> list[int]:
    return [info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_mode,
            info.st_uid]


class Index:
    """`index.json` holds the rows; `summaries.json` beside it the completion summaries.

    Two files because the summaries are most of the bulk (scores, answers) and only `stats`
    reads them: `list` and `clients` at 10,000 assessments decode 5 MB instead of 11. Both are
    written under the index lock, summaries first: a crash in between leaves a summary without
    its row (harmless) rather than a trusted row without its summary; and a completed row
    whose summary is missing is read again from its record file, which holds the summary too.
    """

    def __init__(self, path: Path, storage: StorageKind, locks: Locks) -> None:
        self.path = path
        self.summaries_path = path.with_name("summaries.json")
        self.storage = storage
        self.locks = locks

    def read(self) -> dict[str, Entry] | None:
        """Every row by id; {} for no index yet, None for one that must be rebuilt."""
        found = self._read()
        return None if found is None else found[0]

    def _read(self) -> tuple[dict[str, Entry], bool] | None:
        """The rows, and whether the file is in the current form (see rows.py)."""
        try:
            # The file itself, not through TinyDB: the rows are compact arrays, and a read-only
            # pass over 10,000 of them needs none of TinyDB's Document objects.
            found = read_checked(self.path)
            if found is None:
                return {}, True
            data = decode(found[0], self.path)
            return from_document(data), in_current_form(data)
        except (Damaged, BadIndex):
            return None

    def read_summaries(self) -> dict[str, Any] | None:
        """Summaries by id; None when the file is damaged (the rows are then re-read)."""
        try:
            data = self.storage(str(self.summaries_path)).read() or {}
        except Damaged:
            return None
        return data.get(SUMMARIES, {})

    def put(self, row: IndexRow, record_stamp: list[int]) -> None:
        self.change({row.id: (row, record_stamp)})

    def change(self, changes: Mapping[str, Entry | None]) -> None:
        """Apply row changes under the index lock. If the index cannot be read, leave it: the
        next `scan` rebuilds it from the record files, which already hold these changes."""
        with self.locks.index():
            self._change_summaries(changes)
            entries = self.read()
            if entries is None:
                return
            for key, entry in changes.items():
                if entry is None:
                    entries.pop(key, None)
                else:
                    entries[key] = entry
            self._write(entries)

    def _write(self, entries: dict[str, Entry]) -> None:
        write_atomic(self.path, encode(to_document(entries)))

    def _change_summaries(self, changes: Mapping[str, Entry | None]) -> None:
        summaries = self.read_summaries()
        if summaries is None:  # damaged: moved aside, and started afresh from the changes
            self._aside(self.summaries_path)
            summaries = {}
        before = dict(summaries)
        for key, entry in changes.items():
            summary = entry[0].summary if entry is not None else None
            if summary is None:
                summaries.pop(key, None)
            else:
                summaries[key] = summary.to_data()
        if summaries != before or not self.summaries_path.exists():
            self.storage(str(self.summaries_path)).write({SUMMARIES: summaries})

    def rebuild(self, entries: dict[str, Entry]) -> None:
        """Replace the index by these rows (the old one was unreadable when `scan` looked)."""
        with self.locks.index():
            # Looked at again under the lock: another process may have rebuilt it meanwhile.
            if self.read() is None:
                self._aside(self.path)
            if self.read_summaries() is None:
                self._aside(self.summaries_path)
            self.storage(str(self.summaries_path)).write({SUMMARIES: {
                key: summary.to_data() for key, (row, _) in entries.items()
                if (summary := row.summary) is not None}})
            self._write(entries)

    def _aside(self, path: Path) -> None:
        move_aside(path, f"{path.name}.damaged-")

    def remove_aside(self) -> None:
        """Erasure: the damaged copies moved aside hold rows of every client, erased ones
        too. They are only a cache of the record files (each row was copied from one), so
        removing all of them loses nothing that is not in a record file still."""
        with self.locks.index(), os.scandir(self.path.parent) as entries:
            aside = [entry.path for entry in entries if entry.name.startswith(
                (f"{self.path.name}.damaged-", f"{self.summaries_path.name}.damaged-"))
                and not entry.is_dir(follow_symlinks=False)]
            for path in aside:
                remove_durably(Path(path))

    def scan(self, files: dict[str, str], read: Reader,
             with_summaries: bool = False) -> list[IndexRow]:
        """A row for every record file, refreshed as the module docstring says; repairs the
        index on the way (best effort: a read-only data folder still lists)."""
        found = self._read()
        rebuild = found is None
        known, current = found or ({}, True)
        summaries = (self.read_summaries() or {}) if with_summaries else {}
        rows: list[IndexRow] = []
        changes: dict[str, Entry | None] = {}
        lstat = os.lstat
        for assessment_id, path in files.items():
            entry = known.get(assessment_id)
            # The common case first, and lean: 10,000 completed rows, each trusted while its
            # record file is the very file it was taken from.
            if entry is not None and entry[0].status == "completed":
                row = entry[0]
                if with_summaries:
                    row.summary = _summary(summaries.get(assessment_id))
                if row.summary is not None or not with_summaries:
                    try:
                        # lstat: a symlink put in the record's place is not the file we read
                        if entry[1] == stamp(lstat(path)):
                            rows.append(row)
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
            elif changes or not current:  # an index of an earlier version: in today's form
                self.change(changes)
        except OSError:
            pass
        return rows


def _summary(data: object) -> Summary | None:
    """A summary of the summaries file; None for one that is missing or not a summary (the
    row is then read again from its record, which holds the summary too)."""
    if data is None:
        return None
    try:
        return Summary.from_data(data)
    except BadSummary:
        return None


def _damaged_row(assessment_id: str, error: Damaged, entry: Entry | None,
                 path: str) -> IndexRow:
    """What we still know of a damaged record: its last index row, else its file's time and
    the names still legible in it."""
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
    client, respondent = _names_in(path)
    return IndexRow(assessment_id, client, respondent, "damaged", 0, None, moment, moment,
                    problem=error.key, problem_params=dict(error.params))


def _names_in(path: str) -> tuple[str, str]:
    """Client and respondent as written in a damaged record's bytes, best effort: so that
    `list --client` finds it and `delete --client` erases it even without its index row.
    The first match is the record's own field: it is written before answers, notes and the
    summary (and a quote inside a note is escaped, so a note cannot fake the pattern)."""
    try:
        found = read_checked(Path(path))
    except Damaged:  # unreadable: nothing more to know
        return "", ""
    raw = found[0] if found is not None else b""
    return _text_field(raw, b"client"), _text_field(raw, b"respondent")


def _text_field(raw: bytes, name: bytes) -> str:
    match = re.search(rb'"' + name + rb'"\s*:\s*("(?:[^"\\]|\\.)*")', raw)
    try:
        value = json.loads(match.group(1).decode("utf-8")) if match else ""
    except ValueError:  # UnicodeDecodeError too
        return ""
    return value if isinstance(value, str) else ""
