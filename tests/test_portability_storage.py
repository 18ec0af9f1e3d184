"""The store's additions for portability, against the in-memory and the file store alike:
`put` (a whole record in one locked step), `delete_many`, `load_many`."""

from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest

from clustercli.records import Damaged, HistoryEntry, NotFound, SetRef
from clustercli.storage import open_store
from clustercli.storage.memory import MemoryStore
from tests.conftest import summarised, summary

SET = SetRef("cluster-readiness", "1.0", "a" * 64)
OTHER = SetRef("other", "2", "b" * 64)
SET_DATA = '{"id": "cluster-readiness"}'




def new(store, client: str = "", ref: SetRef = SET):
    return store.create(question_set=ref, set_data=SET_DATA, language="nl", client=client)


def elsewhere():
    """A record as another computer has it: not in the store under test."""
    return new(MemoryStore())


def test_put_adds_a_whole_record_with_its_history_and_set(store, again):
    source = MemoryStore()
    record = new(source, "Bakkerij Zoë")
    source.save_answer(record.id, "q", 1, note="eerst")
    source.save_answer(record.id, "q", 2)
    source.deactivate(record.id, ["q"], reason="imported")
    done = source.complete(record.id, summarised("groei"))
    seen = []

    def update(current):
        seen.append(current)
        return done

    assert store.put({done.id: update}, {OTHER.hash: "{}", SET.hash: SET_DATA}) == [done.id]
    assert seen == [None]
    assert again().load(done.id) == done
    assert [(row.id, row.status, row.summary) for row in again().list(with_summaries=True)] == [
        (done.id, "completed", summary("groei"))]
    assert again().question_set_data(SET.hash) == SET_DATA
    with pytest.raises(NotFound):  # only the sets of records written are kept
        again().question_set_data(OTHER.hash)


def test_put_sees_the_stored_version_and_may_leave_it(store, again):
    record = new(store, "A")
    store.save_answer(record.id, "q", 1)
    stored = store.load(record.id)
    assert store.put({record.id: lambda current: None}, {}) == []
    assert again().load(record.id) == stored

    def replace(current):
        assert current == stored
        current.answers.clear()
        current.history.append(HistoryEntry("q", 1, current.updated, None, current.updated,
                                            "imported"))
        return current

    assert store.put({record.id: replace}, {}) == [record.id]
    loaded = again().load(record.id)
    assert loaded.answers == {} and loaded.history[-1].reason == "imported"
    assert [row.answered for row in again().list()] == [0]


def test_put_refuses_a_record_without_its_set(store, again):
    record = elsewhere()
    with pytest.raises(NotFound):
        store.put({record.id: lambda current: record}, {})
    with pytest.raises(NotFound):
        again().load(record.id)
    assert again().list() == []


def test_put_of_a_completed_record_over_one_in_progress_updates_the_row(store, again):
    record = new(store)
    done = copy.deepcopy(record)
    done.status, done.completed, done.summary = "completed", done.updated, summary("klaar")
    store.list()
    store.put({record.id: lambda current: done}, {})
    [row] = again().list(with_summaries=True)
    assert (row.status, row.summary) == ("completed", summary("klaar"))


def test_delete_many_erases_all_or_refuses_before_any(store, again):
    a, b, c = new(store, "A"), new(store, "B", OTHER), new(store, "C")
    with pytest.raises(NotFound):
        store.delete_many([a.id, "0b0b0b0b-0000-4000-8000-000000000000"])
    assert len(again().list()) == 3
    store.delete_many([a.id, b.id, a.id])
    assert [row.id for row in again().list()] == [c.id]
    with pytest.raises(NotFound):
        again().question_set_data(OTHER.hash)
    assert again().question_set_data(SET.hash) == SET_DATA
    store.delete_many([])
    assert [row.id for row in again().list()] == [c.id]


def test_load_many(store):
    a, b = new(store, "A"), new(store, "B")
    assert dict(store.load_many()) == {a.id: a, b.id: b}
    assert list(store.load_many([b.id, "0b0b0b0b-0000-4000-8000-000000000000"])) == [(b.id, b)]


def test_load_many_gives_a_damaged_file_as_its_error(tmp_path):
    store = open_store(tmp_path / "data")
    good, bad = new(store, "Good"), new(store, "Bad")
    path = tmp_path / "data" / "assessments" / f"{bad.id}.json"
    path.write_bytes(b'{"assessment": {"x": {}}}')
    found = dict(store.load_many())
    assert found[good.id] == good
    assert isinstance(found[bad.id], Damaged) and found[bad.id].params["file"] == str(path)
    # the same verdict as `load`
    with pytest.raises(Damaged) as caught:
        store.load(bad.id)
    assert (caught.value.key, caught.value.params) == (found[bad.id].key, found[bad.id].params)


def test_put_leaves_no_lock_file_for_a_record_it_did_not_write(tmp_path):
    store = open_store(tmp_path / "data")
    record = elsewhere()
    assert store.put({record.id: lambda current: None}, {}) == []
    assert os.listdir(tmp_path / "data" / "locks") == ["sets.lock"]  # no id's lock


def test_put_refuses_a_damaged_record_and_keeps_it(tmp_path):
    store = open_store(tmp_path / "data")
    record = new(store)
    path = tmp_path / "data" / "assessments" / f"{record.id}.json"
    path.write_bytes(b"{cut")
    with pytest.raises(Damaged):
        store.put({record.id: lambda current: record}, {})
    assert path.read_bytes() == b"{cut"


def test_portability_reads_records_through_the_stores_api_only():
    """Issue 17: the export format is built from the store's public functions
    (`clustercli.storage.document_of` / `record_from`), never from its modules."""
    import ast

    package = Path(__file__).resolve().parent.parent / "clustercli" / "portability"
    internal = []
    for path in sorted(package.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else \
                [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            internal += [f"{path.name}: {name}" for name in names
                         if name.startswith("clustercli.storage.")]
    assert internal == []


def test_a_portable_document_round_trips_and_names_a_bad_field(store):
    from clustercli.storage import ShapeError, document_of, record_from

    record = store.create(question_set=SET, set_data=SET_DATA, language="nl", client="Zoë")
    record = store.save_answer(record.id, "sector", "metal", "een notitie")
    doc = document_of(record)
    assert "format" not in doc and record_from(doc) == record
    with pytest.raises(ShapeError, match="format"):
        record_from({**doc, "format": 1})
    with pytest.raises(ShapeError, match="client"):
        record_from({**doc, "client": 5})
