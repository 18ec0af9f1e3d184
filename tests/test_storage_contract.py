"""What every Store promises, run against the in-memory store and the file store alike."""

from __future__ import annotations

import dataclasses
import uuid

import pytest

from clustercli.records import (
    Answer,
    Assessment,
    HistoryEntry,
    IndexRow,
    NotFound,
    SetRef,
)
from tests.conftest import summarised, summary

SET = SetRef("cluster-readiness", "1.0", "a" * 64)
SET_DATA = '{"id": "cluster-readiness", "version": "1.0"}'
OTHER = SetRef("other", "2", "b" * 64)




def new(store, client: str = "", respondent: str = "", ref: SetRef = SET) -> Assessment:
    return store.create(question_set=ref, set_data=SET_DATA, language="nl", client=client,
                        respondent=respondent)


def test_create_starts_an_empty_assessment(store, again):
    record = new(store, client="Bakkerij Zoë", respondent="eigenaar")
    assert uuid.UUID(record.id).version == 4
    assert (record.status, record.answers, record.history) == ("in_progress", {}, [])
    assert record.created == record.updated and record.completed is None
    assert (record.client, record.respondent, record.language) == ("Bakkerij Zoë", "eigenaar",
                                                                   "nl")
    assert again().load(record.id) == record
    assert again().question_set_data(SET.hash) == SET_DATA


def test_every_field_round_trips(store, again):
    record = new(store, client="Ömer & Zn.", respondent="adviseur KVK")
    values = {"text": "Wij werken samen ✓", "int": 3, "float": 2.5, "yes": True, "no": False,
              "none": None, "multi": ["a", "b"], "nested": {"k": [1, {"x": "y"}]},
              "unknown": "unknown"}
    for question, value in values.items():
        store.save_answer(record.id, question, value, note=f"note {question}")
    store.save_answer(record.id, "int", 4)
    store.deactivate(record.id, ["multi"], reason="imported")
    final = store.complete(record.id, summarised("goed", trust=62.5))
    loaded = again().load(record.id)
    assert loaded == final
    assert loaded.question_set == SET and loaded.language == "nl"
    assert loaded.answers["nested"] == Answer({"k": [1, {"x": "y"}]}, loaded.answers["nested"].at,
                                              "note nested")
    assert loaded.answers["int"].note is None
    assert [(h.question, h.value, h.note, h.reason) for h in loaded.history] == [
        ("int", 3, "note int", "changed"), ("multi", ["a", "b"], "note multi", "imported")]
    assert loaded.summary == summary("goed", trust=62.5)
    assert loaded.values()["yes"] is True and loaded.notes()["text"] == "note text"
    # an unfinished edit, with every part of a draft
    store.save_answer(record.id, "text", "first try")
    store.save_answer(record.id, "text", "second try", note="edited")
    store.save_answer(record.id, "new", 7)
    drafted = store.deactivate(record.id, ["float"])
    loaded = again().load(record.id)
    assert loaded == drafted and loaded.draft is not None
    assert set(loaded.draft.answers) == {"text", "new"} and set(loaded.draft.removed) == {"float"}
    assert [(h.value, h.reason) for h in loaded.draft.history] == [("first try", "changed")]
    # all fields of the record type are compared above, so a new field that is not stored
    # would make `loaded == final` fail
    assert set(Assessment.__dataclass_fields__) == {
        "id", "question_set", "language", "client", "respondent", "created", "updated",
        "completed", "status", "answers", "history", "summary", "draft"}


def test_a_change_goes_into_history_and_a_repeat_does_not(store):
    record = new(store)
    first = store.save_answer(record.id, "q", 2)
    same = store.save_answer(record.id, "q", 2)
    assert same.history == [] and same.updated == first.updated
    changed = store.save_answer(record.id, "q", 4)
    assert changed.history == [HistoryEntry("q", 2, first.answers["q"].at, None,
                                            changed.answers["q"].at, "changed")]
    noted = store.save_answer(record.id, "q", 4, note="checked with the owner")
    assert len(noted.history) == 2 and noted.answers["q"].note == "checked with the owner"
    assert store.save_answer(record.id, "q", 4, note="checked with the owner").history == \
        noted.history
    assert store.load(record.id).updated == noted.updated


def test_deactivate_keeps_the_answer_in_history(store):
    record = new(store)
    store.save_answer(record.id, "a", 1)
    store.save_answer(record.id, "b", 2)
    result = store.deactivate(record.id, ["a", "never-answered"])
    assert set(result.answers) == {"b"}
    assert [(h.question, h.value, h.reason) for h in result.history] == [
        ("a", 1, "not_applicable")]
    unchanged = store.deactivate(record.id, ["a"])
    assert unchanged.updated == result.updated and len(unchanged.history) == 1


def test_complete_and_reopen(store, again):
    record = new(store)
    store.save_answer(record.id, "q", 1)
    done = store.complete(record.id, summarised(None))
    assert done.status == "completed" and done.completed == done.updated
    [row] = again().list(with_summaries=True)
    assert (row.status, row.summary, row.completed, row.answered) == (
        "completed", summary(None), done.completed, 1)
    [row] = again().list()  # the summary only when asked for; no level in a set without levels
    assert (row.summary, row.level) == (None, None)
    reopened = store.reopen(record.id)
    assert reopened.status == "in_progress" and reopened.answers == done.answers
    assert reopened.updated >= done.updated
    assert [row.status for row in again().list()] == ["in_progress"]


def test_list_is_newest_first_with_counts(store):
    first, second, third = new(store, "A"), new(store, "B"), new(store, "C")
    store.save_answer(first.id, "q", 1)
    store.save_answer(first.id, "r", 1)
    store.save_answer(third.id, "q", 1)
    rows = store.list()
    assert [row.id for row in rows] == [third.id, first.id, second.id]
    assert [row.answered for row in rows] == [1, 2, 0]
    assert all(isinstance(row, IndexRow) and row.question_set == SET for row in rows)
    assert all(row.problem is None for row in rows)


def test_find_by_client_ignores_case_space_and_accents(store):
    zoe = new(store, "Bakkerij Zoë")
    new(store, "Bakkerij Zoe BV")
    nobody = new(store, "")
    assert [row.id for row in store.find_by_client("  bakkerij   ZOE ")] == [zoe.id]
    assert [row.id for row in store.find_by_client("")] == [nobody.id]


def test_delete_erases_the_record_and_an_unused_set(store, again):
    keep = new(store, "Keep")
    gone = new(store, "Gone", ref=OTHER)
    store.delete(gone.id)
    with pytest.raises(NotFound):
        again().load(gone.id)
    assert [row.id for row in again().list()] == [keep.id]
    with pytest.raises(NotFound):
        again().question_set_data(OTHER.hash)
    assert again().question_set_data(SET.hash) == SET_DATA  # still used by `keep`
    shared = new(store, "Shared")
    store.delete(keep.id)
    assert again().question_set_data(SET.hash) == SET_DATA  # still used by `shared`
    store.delete(shared.id)
    with pytest.raises(NotFound):
        again().question_set_data(SET.hash)
    assert again().list() == []


@pytest.mark.parametrize("unknown", [str(uuid.uuid4()), "nonsense", "../index", ""])
def test_unknown_ids_are_not_found(store, unknown):
    new(store)
    calls = [lambda: store.load(unknown), lambda: store.save_answer(unknown, "q", 1),
             lambda: store.deactivate(unknown, ["q"]), lambda: store.complete(unknown),
             lambda: store.reopen(unknown), lambda: store.delete(unknown)]
    for call in calls:
        with pytest.raises(NotFound) as caught:
            call()
        assert caught.value.key == "store.not_found" and caught.value.exit_code == 2
    with pytest.raises(NotFound):
        store.question_set_data("f" * 64)


def test_returned_records_are_copies(store):
    record = new(store)
    saved = store.save_answer(record.id, "q", ["a"])
    saved.answers["q"].value.append("b")
    saved.client = "changed"
    assert store.load(record.id).answers["q"].value == ["a"]
    assert store.load(record.id).client == ""


def test_completed_rows_carry_their_level(store, again):
    record = new(store)
    store.complete(record.id, summarised("klaar", trust=80.0))
    [row] = again().list()
    assert (row.level, row.summary) == ("klaar", None)
    [row] = again().list(with_summaries=True)
    assert row.summary == summary("klaar", trust=80.0)
    store.reopen(record.id)
    [row] = again().list(with_summaries=True)
    assert (row.status, row.level, row.summary) == ("in_progress", None, None)


# -- edits of a completed assessment are drafts (issue 14 point 1, issue 15 point 2) ----------


def _completed(store) -> Assessment:
    record = new(store, client="Bakkerij Zoë")
    store.save_answer(record.id, "a", 1, note="kept")
    store.save_answer(record.id, "b", 2)
    store.save_answer(record.id, "c", 3)
    return store.complete(record.id, lambda record: summary(
        "goed", total=float(sum(record.values().values()))))


def test_a_change_to_a_completed_assessment_goes_into_its_draft(store, again):
    done = _completed(store)
    [row_before] = again().list(with_summaries=True)
    store.save_answer(done.id, "a", 5)
    store.deactivate(done.id, ["b"])
    changed = store.save_answer(done.id, "d", 4)
    stored = again().load(done.id)
    assert stored == changed
    # the completed assessment is exactly as it was: answers, history, summary, status, times
    assert (stored.status, stored.answers, stored.history, stored.summary, stored.completed,
            stored.updated) == (done.status, done.answers, done.history, done.summary,
                                done.completed, done.updated)
    assert stored.draft is not None and stored.draft.changes() == 3
    assert stored.editing_values() == {"a": 5, "c": 3, "d": 4}
    [row] = again().list(with_summaries=True)
    assert row.draft == stored.draft.updated
    assert row == dataclasses.replace(row_before, draft=stored.draft.updated)


def test_finishing_the_edit_takes_the_draft_in_under_the_summary(store, again):
    done = _completed(store)
    store.save_answer(done.id, "a", 4)
    store.save_answer(done.id, "a", 5, note="kept")  # changed twice within the edit
    store.deactivate(done.id, ["b"])
    store.save_answer(done.id, "d", 4)
    seen = []

    def summarise(record):
        seen.append(record.values())
        return summary("beter", total=float(sum(record.values().values())))

    finished = store.complete(done.id, summarise)
    assert seen == [{"a": 5, "c": 3, "d": 4}]  # worked out on the answers the edit left
    stored = again().load(finished.id)
    assert stored == finished and stored.draft is None and stored.status == "completed"
    assert stored.values() == {"a": 5, "c": 3, "d": 4}
    assert stored.summary == summary("beter", total=12.0)
    assert stored.completed == stored.updated > done.completed
    # every answer it replaced or set aside is in the history, the edit's own first try too
    assert [(h.question, h.value, h.reason) for h in stored.history] == [
        ("a", 1, "changed"), ("a", 4, "changed"), ("b", 2, "not_applicable")]
    [row] = again().list()
    assert (row.status, row.level, row.draft) == ("completed", "beter", None)


def test_a_change_back_to_the_completed_answer_leaves_it_as_it_was(store):
    done = _completed(store)
    store.save_answer(done.id, "a", 5)
    back = store.save_answer(done.id, "a", 1, note="kept")
    assert back.draft is not None and back.draft.changes() == 0
    assert [(h.value, h.reason) for h in back.draft.history] == [(5, "changed")]
    finished = store.complete(done.id)
    assert finished.answers["a"] == done.answers["a"]  # the very same answer, its time too
    assert [(h.question, h.value) for h in finished.history] == [("a", 5)]


def test_an_answer_set_aside_in_the_edit_and_given_again(store):
    done = _completed(store)
    store.deactivate(done.id, ["a"])
    again_given = store.save_answer(done.id, "a", 1, note="kept")
    assert again_given.draft.removed == {} and again_given.editing_values()["a"] == 1
    store.deactivate(done.id, ["c"])
    store.save_answer(done.id, "c", 4)
    finished = store.complete(done.id)
    assert finished.values() == {"a": 1, "b": 2, "c": 4}
    assert [(h.question, h.value, h.reason) for h in finished.history] == [("c", 3, "changed")]


def test_nothing_to_set_aside_is_no_draft(store):
    done = _completed(store)
    unchanged = store.deactivate(done.id, ["never-answered"])
    assert unchanged.draft is None
    same = store.save_answer(done.id, "b", 2)
    assert same.draft is None and store.load(done.id) == done


def test_reopen_takes_a_draft_in(store):
    done = _completed(store)
    store.save_answer(done.id, "b", 9)
    reopened = store.reopen(done.id)
    assert (reopened.status, reopened.draft, reopened.values()["b"]) == ("in_progress", None, 9)
    assert [(h.question, h.value) for h in reopened.history] == [("b", 2)]
