"""The index file's form (clustercli/storage/rows.py): compact rows, the earlier form still read,
anything else refused (the index is then rebuilt from the record files)."""

from __future__ import annotations

import json

import pytest

from clustercli.records import IndexRow, SetRef
from clustercli.storage.rows import (
    FORMAT,
    ShapeError,
    from_document,
    in_current_form,
    to_document,
)

ONE = SetRef("cluster-readiness", "1.0", "a" * 64)
TWO = SetRef("other", "2", "b" * 64)
STAMP = [12, 4096, 1_700_000_000_000_000_000, 1_700_000_000_000_000_001, 0o100600, 1000]


def _entries() -> dict[str, tuple[IndexRow, list[int]]]:
    rows = [
        IndexRow("id-1", "Bakkerij Zoë", "eigenaar", "completed", 31, ONE, "2025-01-01T10:00Z",
                 "2025-01-01T10:30Z", "2025-01-01T10:30Z", "klaar"),
        IndexRow("id-2", "", "", "in_progress", 3, TWO, "2025-02-01T10:00Z",
                 "2025-02-01T10:01Z"),
        IndexRow("id-3", "Smederij", "", "completed", 30, ONE, "2025-03-01T10:00Z",
                 "2025-03-01T10:30Z", "2025-03-01T10:30Z", None),
    ]
    return {row.id: (row, list(STAMP) if row.status == "completed" else []) for row in rows}


def test_rows_round_trip_with_each_set_written_once():
    document = json.loads(json.dumps(to_document(_entries())))
    assert in_current_form(document) and document["format"] == FORMAT
    assert document["sets"] == [["cluster-readiness", "1.0", "a" * 64], ["other", "2", "b" * 64]]
    assert document["rows"]["id-1"][:5] == ["Bakkerij Zoë", "eigenaar", "completed", 31, 0]
    assert from_document(document) == _entries()


def _first_form() -> dict:
    return {"rows": {key: {
        "id": row.id, "client": row.client, "respondent": row.respondent,
        "status": row.status, "answered": row.answered,
        "question_set": {"id": row.question_set.id, "version": row.question_set.version,
                         "hash": row.question_set.hash},
        "created": row.created, "updated": row.updated, "completed": row.completed,
        "level": row.level, "stamp": stamp} for key, (row, stamp) in _entries().items()}}


def test_rows_with_a_draft_round_trip():
    entries = _entries()
    entries["id-1"][0].draft = "2025-04-01T09:00Z"
    document = json.loads(json.dumps(to_document(entries)))
    assert document["rows"]["id-1"][9] == "2025-04-01T09:00Z"
    assert from_document(document) == entries


def test_the_form_before_drafts_is_still_read():
    """Format 2 (no `draft` element): read with no drafts, and not the current form, so it
    is written in the current one the next time."""
    document = json.loads(json.dumps(to_document(_entries())))
    document["format"] = 2
    for row in document["rows"].values():
        del row[9]
    assert not in_current_form(document)
    assert from_document(document) == _entries()


def test_the_first_form_is_still_read():
    assert not in_current_form(_first_form())
    assert from_document(_first_form()) == _entries()
    assert from_document({}) == {}  # an index TinyDB left empty


def _broken(change) -> dict:
    document = json.loads(json.dumps(to_document(_entries())))
    change(document)
    return document


@pytest.mark.parametrize("change", [
    lambda d: d.update(format=4),  # a later clustercli's: rebuilt rather than misread
    lambda d: d.update(extra=1),
    lambda d: d.update(sets={"x": 1}),
    lambda d: d["sets"].append(["only", "two"]),
    lambda d: d["rows"]["id-1"].__setitem__(4, 2),  # no third set
    lambda d: d["rows"]["id-1"].__setitem__(4, -1),
    lambda d: d["rows"]["id-1"].__setitem__(4, True),
    lambda d: d["rows"]["id-1"].__setitem__(2, "damaged"),
    lambda d: d["rows"]["id-1"].__setitem__(3, "31"),
    lambda d: d["rows"]["id-1"].__setitem__(0, None),
    lambda d: d["rows"]["id-1"].__setitem__(8, 3),
    lambda d: d["rows"]["id-1"].__setitem__(9, 3),  # a draft is a time
    lambda d: d["rows"]["id-2"].__setitem__(9, "2025-02-01T10:05Z"),  # not completed: no draft
    lambda d: d["rows"].__setitem__("id-1", ["too", "short"]),
    lambda d: d["rows"].__setitem__("id-1", {"client": "x"}),
])
def test_anything_else_is_refused(change):
    with pytest.raises(ShapeError):
        from_document(_broken(change))


@pytest.mark.parametrize(("field", "value"), [("id", "id-9"), ("status", "damaged"),
                                              ("answered", None), ("question_set", "x"),
                                              ("stamp", 7)])
def test_a_first_form_row_of_the_wrong_shape_is_refused(field, value):
    document = _first_form()
    document["rows"]["id-1"][field] = value
    with pytest.raises(ShapeError):
        from_document(document)
