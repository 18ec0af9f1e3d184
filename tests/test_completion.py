"""The summary that ends a check: the profile's, typed, worked out by the store from the record
as stored, under its lock; and kept in the JSON form earlier versions wrote."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from clustercli.engine import session as sessions
from clustercli.profile.build import summarise
from clustercli.profile.summary import BadSummary, Summary
from clustercli.records import Damaged
from clustercli.storage import open_store
from tests.test_advisor_support import shipped, shipped_answers

# -- two edits of one check (issue 15, point 1) -----------------------------------------------


def _completed(store, answers: dict[str, Any]) -> str:
    session = sessions.start(store, shipped(), "nl", "Firma", "eigenaar")
    for question in shipped().questions:
        if question.id in answers and question in session.interview().applicable():
            session.answer(question, answers[question.id])
    session.complete(summarise)
    return session.id


def _two_scored_items() -> tuple[str, str]:
    """Two scored questions of one dimension that apply whatever else is answered."""
    for dimension in shipped().dimensions:
        items = [q.id for q in shipped().scored_questions(dimension.id) if q.when is None]
        if len(items) >= 2:
            return items[0], items[1]
    raise AssertionError("the shipped set has no dimension with two unconditional items")


@pytest.mark.parametrize("first", ["A", "B"])
@pytest.mark.parametrize("last", ["A", "B"])
def test_two_edits_leave_the_summary_of_the_stored_answers(store, again, first, last):
    """Two `edit`s of one completed check, interleaved step by step: A changes one answer, B
    another (in the order `first`), then both finish (`last` finishes last). Whatever the order,
    the stored summary, the index row's level and the summary `stats` reads are those of the
    answers as stored (both changes), worked out afresh."""
    qset = shipped()
    answers = shipped_answers(level=4)
    assessment_id = _completed(store, answers)
    x, y = _two_scored_items()
    # both opened the completed check before either changed anything
    editors = {name: sessions.reopen(store, assessment_id) for name in ("A", "B")}
    change = {"A": (x, 1), "B": (y, 1)}
    views = {}
    for name in (first, "B" if first == "A" else "A"):
        question, value = change[name]
        editors[name].answer(qset.question(question), value)
        views[name] = editors[name].record.values()  # what this process holds in memory
    for name in ("B" if last == "A" else "A", last):
        editors[name].complete(summarise)
    stored = again().load(assessment_id)
    assert (stored.answers[x].value, stored.answers[y].value) == (1, 1)
    fresh = summarise(qset, stored.values())
    assert stored.summary == fresh
    [row] = again().list()
    assert (row.status, row.level) == ("completed", fresh.level)
    [row] = again().list(with_summaries=True)
    assert row.summary == fresh
    # The order can tell right from wrong: the one who changed first holds a record without the
    # other's change, and its summary differs from the stored answers' one.
    assert summarise(qset, views[first]) != fresh


def test_an_edit_that_stops_after_another_finished_leaves_no_stale_level(store, again):
    """A and B edit one check; A finishes; B changes one more answer and stops (Ctrl-P). The
    record still claims only what A's completion worked out from the answers stored with it:
    B's change waits in a draft (the completed check is left as it was), and B's next `edit`
    (or `resume`) finishes it, with a summary worked out afresh."""
    qset = shipped()
    assessment_id = _completed(store, shipped_answers(level=4))
    x, y = _two_scored_items()
    a, b = (sessions.reopen(store, assessment_id) for _ in range(2))
    a.answer(qset.question(x), 1)
    b.answer(qset.question(y), 1)
    a.complete(summarise)
    b.answer(qset.question(x), 2)  # after A finished: into a new draft
    stored = again().load(assessment_id)
    assert (stored.status, stored.answers[x].value, stored.answers[y].value) == (
        "completed", 1, 1)
    assert stored.summary == summarise(qset, stored.values())
    assert stored.draft is not None and stored.draft.answers[x].value == 2
    [row] = again().list(with_summaries=True)
    assert (row.status, row.level, row.summary) == ("completed", stored.summary.level,
                                                    stored.summary)
    resumed = sessions.reopen(store, assessment_id)
    resumed.complete(summarise)
    done = again().load(assessment_id)
    assert (done.answers[x].value, done.draft) == (2, None)
    assert done.summary == summarise(qset, done.values())


def test_a_change_to_a_completed_record_leaves_it_completed(store, again):
    """The stopgap that made a changed completed record unfinished is gone: the change is a
    draft, and the record, its summary and its index row stay as they were."""
    assessment_id = _completed(store, shipped_answers(level=4))
    done = store.load(assessment_id)
    changed = store.save_answer(assessment_id, "province", "drenthe")
    assert (changed.status, changed.summary, changed.completed, changed.answers) == (
        "completed", done.summary, done.completed, done.answers)
    assert [row.status for row in again().list()] == ["completed"]
    gone = store.deactivate(assessment_id, ["province"])
    assert gone.status == "completed" and "province" in gone.draft.removed
    finished = store.complete(assessment_id,
                              lambda record: summarise(shipped(), record.values()))
    assert "province" not in finished.values() and finished.draft is None


def test_the_row_stops_claiming_completed_before_the_record_does(tmp_path, monkeypatch):
    """Crash order (storage/files.py): a row the index must trust is taken back before the
    record stops being completed (`reopen`); a change to a completed record (a draft) leaves
    the row as it is and writes the record file only."""
    store = open_store(tmp_path / "data")
    assessment_id = _completed(store, shipped_answers(level=4))
    replaced = []
    real = os.replace

    def noting(source, target, **kwargs):
        replaced.append(Path(target).name)
        real(source, target, **kwargs)

    monkeypatch.setattr(os, "replace", noting)
    store.save_answer(assessment_id, "province", "drenthe")
    assert replaced == [f"{assessment_id}.json"]
    replaced.clear()
    store.reopen(assessment_id)
    assert replaced == ["summaries.json", "index.json", f"{assessment_id}.json"]


def test_a_summary_is_worked_out_under_the_record_lock(tmp_path):
    """The file store applies `summarise` while it holds the record's lock, to the record it
    has just read: another process cannot save an answer in between."""
    store = open_store(tmp_path / "data")
    assessment_id = _completed(store, shipped_answers(level=4))
    store.reopen(assessment_id)
    lock = tmp_path / "data" / "locks" / f"{assessment_id}.lock"
    seen = []

    def summarise_and_look(record):
        from filelock import FileLock

        with pytest.raises(TimeoutError):  # held by `complete` itself
            FileLock(str(lock)).acquire(timeout=0)
        seen.append(record.values())
        return summarise(shipped(), record.values())

    done = store.complete(assessment_id, summarise_and_look)
    assert seen == [done.values()]


def test_without_a_summariser_a_check_completes_without_summary(store):
    assessment_id = _completed(store, shipped_answers(level=4))
    store.reopen(assessment_id)
    assert store.complete(assessment_id).summary is None
    [row] = store.list(with_summaries=True)
    assert (row.status, row.level, row.summary) == ("completed", None, None)


# -- the summary type -------------------------------------------------------------------------

SUMMARY_DATA = {
    "level": "klaar", "scores": {"win_win": 75.0, "trust": None, "relationship": 50},
    "bands": {"win_win": "sterk", "trust": "insufficient", "relationship": "aandachtspunt"},
    "answers": {"sector": "metal", "motives": ["quality"], "cooperates": True}}


def test_the_summary_round_trips_through_json():
    summary = Summary.from_data(json.loads(json.dumps(SUMMARY_DATA)))
    assert summary.level == "klaar" and summary.scores["relationship"] == 50
    assert summary.to_data() == SUMMARY_DATA
    summary.to_data()["scores"]["win_win"] = 0.0  # a fresh copy: the summary stays as it was
    assert summary.scores["win_win"] == 75.0


@pytest.mark.parametrize(("change", "field"), [
    ({"level": 3}, "level"),
    ({"scores": [75.0]}, "scores"),
    ({"scores": {"trust": "75"}}, "scores.trust"),
    ({"scores": {"trust": True}}, "scores.trust"),
    ({"scores": {"trust": float("nan")}}, "scores.trust"),
    ({"bands": {"trust": None}}, "bands.trust"),
    ({"answers": None}, "answers"),
    ({"extra": 1}, "extra"),
])
def test_a_summary_of_the_wrong_shape_names_its_field(change, field):
    with pytest.raises(BadSummary) as caught:
        Summary.from_data({**SUMMARY_DATA, **change})
    assert caught.value.args[0] == field
    missing = {key: value for key, value in SUMMARY_DATA.items() if key != "bands"}
    with pytest.raises(BadSummary, match="bands"):
        Summary.from_data(missing)


# -- files of the previous version ------------------------------------------------------------

RECORD_ID = "0007bba3-caff-45fa-a038-c634936e04a9"
SET_HASH = "4d95646acd29531d6e268c5ff37fe3172563bc770c884497f7cd07144a686b1c"
STAMP = "2024-01-05T19:30:00.000000Z"


def _record_bytes(client: str, summary: Any) -> bytes:
    """A completed record exactly as clustercli 0.x wrote it (before the summary was typed)."""
    record = {
        "format": 1, "id": RECORD_ID,
        "question_set": {"id": "cluster-readiness", "version": "1.0", "hash": SET_HASH},
        "language": "nl", "client": client, "respondent": "eigenaar", "created": STAMP,
        "updated": STAMP, "completed": STAMP, "status": "completed",
        "answers": {"sector": {"value": "metal", "at": STAMP, "note": None}},
        "history": [], "summary": summary}
    return json.dumps({"assessment": {RECORD_ID: record}}, ensure_ascii=False,
                      separators=(",", ":")).encode()


def _old_folder(data: Path, summary: Any = SUMMARY_DATA, client: str = "Uit het bestand",
                ) -> Path:
    """A data folder as the previous version left it: a record, its index row (with the
    stamp of the record file, so that it is trusted), and its summary beside the index."""
    for folder in ("assessments", "sets", "locks"):
        (data / folder).mkdir(parents=True, exist_ok=True, mode=0o700)
    path = data / "assessments" / f"{RECORD_ID}.json"
    path.write_bytes(_record_bytes(client, summary))
    os.chmod(path, 0o600)
    info = os.lstat(path)
    row = {"id": RECORD_ID, "client": "Uit de index", "respondent": "eigenaar",
           "status": "completed", "answered": 1,
           "question_set": {"id": "cluster-readiness", "version": "1.0", "hash": SET_HASH},
           "created": STAMP, "updated": STAMP, "completed": STAMP, "level": "klaar",
           "stamp": [info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns,
                     info.st_mode, info.st_uid]}
    (data / "index.json").write_text(json.dumps({"rows": {RECORD_ID: row}}), encoding="utf-8")
    (data / "summaries.json").write_text(json.dumps({"summaries": {RECORD_ID: SUMMARY_DATA}}),
                                         encoding="utf-8")
    for name in ("index.json", "summaries.json"):
        os.chmod(data / name, 0o600)
    return path


def test_a_record_of_the_previous_version_loads_and_is_written_back_the_same(tmp_path):
    path = _old_folder(tmp_path / "data")
    store = open_store(tmp_path / "data")
    record = store.load(RECORD_ID)
    assert record.summary == Summary.from_data(SUMMARY_DATA)
    store.reopen(RECORD_ID)  # written back: the summary in the same JSON form
    written = json.loads(path.read_bytes())["assessment"][RECORD_ID]
    assert written["summary"] == SUMMARY_DATA


def test_an_index_of_the_previous_version_is_trusted_as_it_is(tmp_path):
    _old_folder(tmp_path / "data")
    store = open_store(tmp_path / "data")
    [row] = store.list(with_summaries=True)
    # the index's row, not the file's: the row was trusted (its stamp matches the file)
    assert (row.client, row.level) == ("Uit de index", "klaar")
    assert row.summary == Summary.from_data(SUMMARY_DATA)
    # rewritten in today's form on the way, and still trusted
    index = json.loads((tmp_path / "data" / "index.json").read_text(encoding="utf-8"))
    assert index["format"] == 3 and list(index["rows"]) == [RECORD_ID]
    [row] = open_store(tmp_path / "data").list()
    assert (row.client, row.level, row.summary) == ("Uit de index", "klaar", None)


def test_a_record_whose_summary_is_not_one_is_damaged_and_named(tmp_path):
    path = _old_folder(tmp_path / "data", {**SUMMARY_DATA, "scores": {"trust": "hoog"}})
    store = open_store(tmp_path / "data")
    with pytest.raises(Damaged) as caught:
        store.load(RECORD_ID)
    assert caught.value.params == {"file": str(path), "detail": "summary.scores.trust"}


def test_a_summary_of_the_wrong_shape_in_the_summaries_file_is_read_again(tmp_path):
    data = tmp_path / "data"
    _old_folder(data)
    (data / "summaries.json").write_text(
        json.dumps({"summaries": {RECORD_ID: {"level": 3}}}), encoding="utf-8")
    [row] = open_store(data).list(with_summaries=True)
    # read from the record instead (its client, not the index's), and the file repaired
    assert (row.client, row.summary) == ("Uit het bestand", Summary.from_data(SUMMARY_DATA))
    repaired = json.loads((data / "summaries.json").read_text(encoding="utf-8"))
    assert repaired["summaries"][RECORD_ID] == SUMMARY_DATA
