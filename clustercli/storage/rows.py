"""The index file's form (`index.json`): one compact array per row, and the forms before it.

    {"format": 3,
     "sets": [["cluster-readiness", "1.0", "<hash>"], ...],
     "rows": {"<id>": [client, respondent, status, answered, set, created, updated,
                       completed, level, draft, <the record file's stamp: ino, size, ...>], ...}}

`draft` is when an unfinished edit of the (completed) assessment was last changed, or null:
`resume` without an id finds the latest unfinished work without opening every file. Format 2
was the same without it (written before edits were drafts, so its rows have none); it is still
read, and written in format 3 the next time the index is written.

`set` is a place in `sets` (null for none). Arrays rather than objects, and each question set
written once rather than in every row: `list` and `clients` decode the whole index on every
run, and at 10,000 rows this form is half the bytes and a third of the decoding of the first
one, which was an object per row, keyed by field name, with its question set in full:

    {"rows": {"<id>": {"id": ..., "client": ..., ..., "question_set": {...}, "stamp": [...]}}}

That first form is still read (an index written by an earlier clustercli), and replaced by
the current one the next time the index is written. Anything else is `ShapeError`: the index is
rebuilt from the record files (see index.py).
"""

from __future__ import annotations

from typing import Any

from clustercli.records import IndexRow, SetRef

FORMAT = 3
WITHOUT_DRAFT = 2  # the form before drafts: no `draft` element
STATUSES = ("in_progress", "completed")  # never "damaged": those rows come from the files

Entry = tuple[IndexRow, list[int]]  # a row and the stamp of the record file it came from


class ShapeError(ValueError):
    """An index that is JSON but not one we wrote."""


def to_document(entries: dict[str, Entry]) -> dict[str, Any]:
    sets: dict[tuple[str, str, str], int] = {}
    rows = {}
    for key, (row, stamp) in entries.items():
        ref = row.question_set
        place = None if ref is None else sets.setdefault((ref.id, ref.version, ref.hash),
                                                         len(sets))
        rows[key] = [row.client, row.respondent, row.status, row.answered, place,
                     row.created, row.updated, row.completed, row.level, row.draft, *stamp]
    return {"format": FORMAT, "sets": [list(ref) for ref in sets], "rows": rows}


def in_current_form(data: Any) -> bool:
    return type(data) is dict and data.get("format") == FORMAT


def from_document(data: Any) -> dict[str, Entry]:
    """Every row by id, from either form; `ShapeError` for anything else."""
    if type(data) is not dict:
        raise ShapeError("index")
    if "format" not in data:
        return _first_form(data)
    form = data.get("format")
    if form not in (WITHOUT_DRAFT, FORMAT) or type(form) is not int \
            or data.keys() != {"format", "sets", "rows"}:
        raise ShapeError("index")
    drafts = form == FORMAT
    sets, rows = data["sets"], data["rows"]
    if type(sets) is not list or type(rows) is not dict:
        raise ShapeError("index")
    refs: list[SetRef] = []
    for ref in sets:
        if type(ref) is not list or len(ref) != 3 or not all(type(p) is str for p in ref):
            raise ShapeError("sets")
        refs.append(SetRef(*ref))
    entries = {}
    # One pass with every check inline: `list` reads 10,000 of these. The stamp is not
    # checked: one that is not the file's (whatever it holds) only has the file read again.
    for key, row in rows.items():
        try:
            (client, respondent, status, answered, place, created, updated, completed,
             level, *stamp) = row
            draft = stamp.pop(0) if drafts else None
        except (TypeError, ValueError, IndexError):
            raise ShapeError("row") from None
        if place is None:
            ref = None
        elif type(place) is int and 0 <= place < len(refs):
            ref = refs[place]
        else:
            raise ShapeError("row")
        if not (type(client) is str and type(respondent) is str and status in STATUSES
                and type(answered) is int and type(created) is str and type(updated) is str
                and (completed is None or type(completed) is str)
                and (level is None or type(level) is str)
                and (draft is None or (type(draft) is str and status == "completed"))):
            raise ShapeError("row")
        entries[key] = (IndexRow(key, client, respondent, status, answered, ref, created,
                                 updated, completed, level, draft=draft), stamp)
    return entries


def _first_form(data: dict[str, Any]) -> dict[str, Entry]:
    rows = data.get("rows", {})  # TinyDB's table; other tables were never ours to read
    if type(rows) is not dict:
        raise ShapeError("index")
    entries = {}
    for key, doc in rows.items():
        try:
            ref = doc["question_set"]
            row = IndexRow(doc["id"], doc["client"], doc["respondent"], doc["status"],
                           doc["answered"], None if ref is None else SetRef(
                               ref["id"], ref["version"], ref["hash"]),
                           doc["created"], doc["updated"], doc["completed"], doc["level"])
            stamp = doc["stamp"]
        except (KeyError, TypeError):
            raise ShapeError("row") from None
        texts = (row.id, row.client, row.respondent, row.created, row.updated)
        if not (all(type(text) is str for text in texts) and row.id == key
                and row.status in STATUSES and type(row.answered) is int
                and (row.completed is None or type(row.completed) is str)
                and (row.level is None or type(row.level) is str)
                and (ref is None or all(type(part) is str for part in (ref["id"], ref["version"],
                                                                        ref["hash"])))
                and type(stamp) is list):
            raise ShapeError("row")
        entries[key] = (row, stamp)
    return entries
