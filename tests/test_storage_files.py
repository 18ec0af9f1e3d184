"""The file store's own promises: durability, permissions, layout, the index, no traces."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from filelock import FileLock

from clustercli.profile.summary import Summary
from clustercli.records import Busy, NotFound, SetRef
from clustercli.storage import open_store
from clustercli.storage.atomic import is_temp, write_atomic
from clustercli.storage.rows import from_document
from tests.conftest import summarised, summary

SET = SetRef("cluster-readiness", "1.0", "c" * 64)


def new(store, client: str = "Bakkerij Zoë"):
    return store.create(question_set=SET, set_data='{"id": "cluster-readiness"}',
                        language="nl", client=client, respondent="eigenaar")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_one_save_is_two_fsyncs_file_then_folder(data, monkeypatch):
    store = open_store(data)
    record = new(store)
    events = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        events.append(("fsync", os.fstat(fd).st_mode & 0o170000 == 0o040000))
        real_fsync(fd)

    def replace(src, dst):
        events.append(("replace", Path(dst).name))
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    store.save_answer(record.id, "q", 1)
    # the temp file (not a folder) is synced, then renamed over the record, then the folder
    assert events == [("fsync", False), ("replace", f"{record.id}.json"), ("fsync", True)]
    events.clear()
    store.save_answer(record.id, "q", 1)  # no change, no write
    assert events == []


def test_a_save_does_not_touch_the_index(data):
    store = open_store(data)
    record = new(store)
    index = data / "index.json"
    before = (os.stat(index).st_ino, index.read_bytes())
    for n in range(5):
        store.save_answer(record.id, f"q{n}", n)
    assert (os.stat(index).st_ino, index.read_bytes()) == before


@pytest.mark.parametrize("umask", [0o000, 0o377])
def test_files_0600_and_folders_0700_whatever_the_umask(tmp_path, umask):
    # 000 would leave everything open to all; 377 would leave us unable to write our own files
    old = os.umask(umask)
    try:
        root = tmp_path / "deep" / "data"
        store = open_store(root)
        record = new(store)
        store.save_answer(record.id, "q", 1)
        store.complete(record.id, summarised())
        other = new(store, "Other")
        store.delete(other.id)
        store.list()
    finally:
        os.umask(old)
    found = {path: path.stat().st_mode & 0o777 for path in [root.parent, root,
                                                            *root.rglob("*")]}
    assert {p.name for p in found} >= {"index.json", f"{record.id}.json", f"{record.id}.lock",
                                       "index.lock", f"{SET.hash}.json", "assessments"}
    wrong = {str(p): oct(mode) for p, mode in found.items()
             if mode != (0o700 if p.is_dir() else 0o600)}
    assert wrong == {}


@pytest.mark.parametrize("index", ["whole", "damaged"])
def test_delete_leaves_no_trace_of_id_or_client(data, index):
    store = open_store(data)
    keep = new(store, "Keep Corp")
    gone = new(store, "Bakkerij Zoë")
    for n in range(3):
        store.save_answer(gone.id, f"q{n}", f"antwoord {n}")
    named = Summary("goed", {}, {}, {"sector": "Bakkerij Zoë"})  # the summary holds it too
    store.complete(gone.id, lambda record: named)
    store.save_answer(keep.id, "q", 1)
    (data / "assessments" / f".{gone.id}.json.999999.dead.tmp").write_text("Bakkerij Zoë")
    if index == "damaged":  # cut off, but still holding the name
        whole = (data / "index.json").read_bytes()
        (data / "index.json").write_bytes(whole[:-10])
        assert "Bakkerij Zoë".encode() in whole[:-10]
    store.delete(gone.id)
    traces = [path for path in data.rglob("*")
              if gone.id in path.name or (path.is_file() and (
                  gone.id.encode() in path.read_bytes()
                  or "Bakkerij Zoë".encode() in path.read_bytes()))]
    assert traces == []
    assert store.load(keep.id).client == "Keep Corp"


def test_names_are_stored_searchable(data):
    # erasure (and a user with grep) must find "Zoë" as written, not as "Zo\u00eb"
    store = open_store(data)
    record = new(store)
    assert "Bakkerij Zoë".encode() in (data / "assessments" / f"{record.id}.json").read_bytes()
    assert "Bakkerij Zoë".encode() in (data / "index.json").read_bytes()


def test_reopen_takes_the_completed_row_back_at_once(data):
    store = open_store(data)
    record = new(store)
    store.complete(record.id, summarised())
    store.reopen(record.id)
    rows = from_document(json.loads((data / "index.json").read_text()))
    assert rows[record.id][0].status == "in_progress"


def test_a_record_deleted_while_a_save_waits_for_its_lock(data):
    store = open_store(data)
    record = new(store)
    lock_file = data / "locks" / f"{record.id}.lock"
    outcome = []

    def save():
        try:
            store.save_answer(record.id, "q", 1)
        except NotFound as error:
            outcome.append(error.key)

    with FileLock(lock_file):  # another process, in the middle of `delete`
        waiter = threading.Thread(target=save)
        waiter.start()
        time.sleep(0.2)
        (data / "assessments" / f"{record.id}.json").unlink()
    waiter.join(10)
    assert outcome == ["store.not_found"]
    assert not lock_file.exists()


@pytest.mark.slow
def test_sweep_removes_temp_files_of_dead_writers_only(data):
    store = open_store(data)
    record = new(store)
    folder = data / "assessments"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    stale = folder / f".{record.id}.json.{dead}.ab12cd34.tmp"
    live = folder / f".{record.id}.json.{os.getpid()}.ab12cd34.tmp"
    index_stale = data / f".index.json.{dead}.0000.tmp"
    for path in (stale, live, index_stale):
        path.write_text("{half")
    lost_lock = data / "locks" / "0b0b0b0b-0000-4000-8000-000000000000.lock"
    lost_lock.write_text("")
    open_store(data)
    assert not stale.exists() and not index_stale.exists() and not lost_lock.exists()
    assert live.exists()  # a live process may be about to rename it
    assert (data / "locks" / "index.lock").exists()
    assert is_temp(live.name) and not is_temp(f"{record.id}.json")


def test_write_atomic_leaves_old_content_when_interrupted(tmp_path, monkeypatch):
    target = tmp_path / "f.json"
    write_atomic(target, b'{"old": 1}')

    def broken(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b'{"new": 2}')
    assert target.read_bytes() == b'{"old": 1}'
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


def test_missing_index_is_rebuilt_with_summaries(data):
    store = open_store(data)
    done, busy = new(store, "Done"), new(store, "Busy")
    store.save_answer(done.id, "q", 1)
    store.complete(done.id, summarised("goed"))
    store.save_answer(busy.id, "q", 2)
    before = store.list(with_summaries=True)
    (data / "index.json").unlink()
    (data / "summaries.json").unlink()
    assert open_store(data).list(with_summaries=True) == before
    rows = from_document(json.loads((data / "index.json").read_text()))
    assert rows[done.id][0].level == "goed" and busy.id in rows
    summaries = json.loads((data / "summaries.json").read_text())["summaries"]
    assert summaries == {done.id: summary("goed").to_data()}


@pytest.mark.parametrize("damage", ["missing", "garbage", "row left out"])
def test_a_lost_summary_is_read_again_from_the_record(data, damage):
    """The rows of `list` do not need the summaries file; `stats` does, and a completed row
    whose summary is gone is re-read from its record (which holds the summary too)."""
    store = open_store(data)
    done = new(store, "Done")
    store.complete(done.id, summarised("goed", trust=75.0))
    path = data / "summaries.json"
    if damage == "missing":
        path.unlink()
    elif damage == "garbage":
        path.write_bytes(b"{not json")
    else:
        path.write_text('{"summaries": {}}')
    [row] = open_store(data).list()
    assert (row.level, row.summary) == ("goed", None)
    [row] = open_store(data).list(with_summaries=True)
    assert row.summary == summary("goed", trust=75.0)
    assert json.loads(path.read_text())["summaries"][done.id]["level"] == "goed"  # repaired


@pytest.mark.parametrize("garbage", [b"", b"{\"rows\": {", b"not json", b"[1, 2]",
                                     b'{"rows": {"x": {"id": "x"}}}'])
def test_damaged_index_is_rebuilt(data, garbage):
    store = open_store(data)
    record = new(store)
    store.complete(record.id, summarised("klaar"))
    before = store.list()
    (data / "index.json").write_bytes(garbage)
    store = open_store(data)
    store.save_answer(new(store, "Second").id, "q", 1)  # creating with a damaged index works
    rows = store.list()
    assert [row for row in rows if row.id == record.id] == before
    assert len(rows) == 2 and all(row.status != "damaged" for row in rows)
    assert set(json.loads((data / "index.json").read_text())["rows"]) == {r.id for r in rows}


def test_index_behind_the_files_is_repaired(data):
    store = open_store(data)
    record = new(store)
    store.complete(record.id, summarised())
    index = data / "index.json"
    completed_index = index.read_bytes()
    store.reopen(record.id)
    store.save_answer(record.id, "q", 1)
    # as if the index write of `reopen` had been lost: it still says completed
    index.write_bytes(completed_index)
    [row] = store.list()
    assert (row.status, row.answered) == ("in_progress", 1)
    # a record file the index does not know, and a row whose file is gone
    orphan_row = new(store)
    (data / "assessments" / f"{orphan_row.id}.json").unlink()
    index.write_bytes(completed_index)
    extra = new(store)
    index.write_bytes(completed_index)
    assert {row.id for row in store.list()} == {record.id, extra.id}
    assert set(json.loads(index.read_text())["rows"]) == {record.id, extra.id}


def test_a_held_lock_makes_a_save_wait_then_report_busy(data):
    store = open_store(data, lock_wait=0.2)
    record = new(store)
    with FileLock(data / "locks" / f"{record.id}.lock"), pytest.raises(Busy) as caught:
        store.save_answer(record.id, "q", 1)
    assert caught.value.key == "store.busy" and caught.value.exit_code == 1
    assert store.save_answer(record.id, "q", 1).answers["q"].value == 1


def test_a_damaged_set_copy_is_moved_aside_when_a_new_assessment_needs_it(data):
    store = open_store(data)
    new(store)
    copy = data / "sets" / f"{SET.hash}.json"
    copy.write_bytes(b"{trunc")
    new(store)
    assert copy.read_text() == '{"id": "cluster-readiness"}'
    [aside] = [p for p in (data / "sets").iterdir() if "damaged" in p.name]
    assert aside.read_bytes() == b"{trunc"


def test_bad_set_hash_is_refused(data):
    store = open_store(data)
    with pytest.raises(ValueError):
        store.create(question_set=SetRef("x", "1", "../../etc"), set_data="{}", language="nl")
    assert list((data / "assessments").iterdir()) == []
