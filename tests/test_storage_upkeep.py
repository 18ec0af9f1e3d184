"""What the store does to the data folder besides saving: damaged index files moved aside (and
erased with what they name), lock files swept without taking a live one, a missing question-set
copy reported as damage, and the modes of a data folder that existed before."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from clustercli.messages import format_error
from clustercli.records import Damaged, NotFound, SetRef
from clustercli.storage import open_store
from tests.conftest import summarised, summary

SET = SetRef("cluster-readiness", "1.0", "e" * 64)
NAME = 'Bakkerij Zoë "de Gouden Krakeling"'


def new(store, client: str = NAME, respondent: str = "eigenaar"):
    return store.create(question_set=SET, set_data='{"id": "cluster-readiness"}',
                        language="nl", client=client, respondent=respondent)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def aside(data: Path, name: str) -> list[Path]:
    return sorted(p for p in data.iterdir() if p.name.startswith(f"{name}.damaged-"))


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_a_damaged_index_is_moved_aside_not_overwritten(data):
    store = open_store(data)
    record = new(store)
    store.complete(record.id, summarised("goed"))
    index, summaries = data / "index.json", data / "summaries.json"
    damaged_index = index.read_bytes()[:-10]  # cut off, still holding the client's name
    index.write_bytes(damaged_index)
    summaries.write_bytes(b"{not json")
    index.chmod(0o644)
    [row] = open_store(data).list(with_summaries=True)
    assert (row.status, row.summary) == ("completed", summary("goed"))
    [index_copy] = aside(data, "index.json")
    [summaries_copy] = aside(data, "summaries.json")
    assert index_copy.read_bytes() == damaged_index and mode(index_copy) == 0o600
    assert summaries_copy.read_bytes() == b"{not json"
    assert record.id in json.loads(index.read_text())["rows"]  # rebuilt in its place
    assert record.id in json.loads(summaries.read_text())["summaries"]


def test_a_damaged_summaries_file_is_moved_aside_by_a_change(data):
    store = open_store(data)
    new(store)
    (data / "summaries.json").write_bytes(b"[1, 2]")
    new(store, "Other")  # writes a row and its (empty) summary
    [copy] = aside(data, "summaries.json")
    assert copy.read_bytes() == b"[1, 2]"
    assert json.loads((data / "summaries.json").read_text()) == {"summaries": {}}


def test_a_damaged_record_without_a_row_keeps_its_names(data):
    store = open_store(data)
    record = new(store, respondent="Zoë \\ zelf")
    store.save_answer(record.id, "q", "x", note='"client":"Nep"')
    path = data / "assessments" / f"{record.id}.json"
    raw = path.read_bytes()
    path.write_bytes(raw[:raw.index(b'"created"')])  # cut off after the names
    (data / "index.json").unlink()
    [row] = open_store(data).list()
    assert (row.status, row.client, row.respondent) == ("damaged", NAME, "Zoë \\ zelf")


@pytest.mark.parametrize("via", ["store", "cli"])
def test_erasure_by_client_of_a_damaged_record_with_a_damaged_index(data, via, cli):
    store = open_store(data)
    victim, bystander = new(store), new(store, "Garage Jansen")
    for n in range(3):
        store.save_answer(victim.id, f"q{n}", f"antwoord {n}")
    path = data / "assessments" / f"{victim.id}.json"
    raw = path.read_bytes()
    path.write_bytes(raw[:raw.index(b"\"answers\"")])  # truncated: no longer loads
    index = data / "index.json"
    index.write_bytes(index.read_bytes()[:-10])  # damaged too, but still naming the client

    if via == "store":
        store = open_store(data)
        rows = store.find_by_client("bakkerij zoe \"DE gouden krakeling\"")
        assert [(row.id, row.status) for row in rows] == [(victim.id, "damaged")]
        store.delete_many([row.id for row in rows])
    else:
        result = cli("--data-dir", str(data), "delete", "--client", NAME, "--yes",
                     "--lang", "en")
        assert result.exit_code == 0, result.output
    traces = [str(p) for p in data.rglob("*")
              if victim.id in p.name or (p.is_file() and (
                  victim.id.encode() in p.read_bytes() or b"Zo\xc3\xab" in p.read_bytes()))]
    assert traces == []
    assert [row.id for row in open_store(data).list()] == [bystander.id]


def _open_with_stale_listing(data: Path, monkeypatch) -> None:
    """`open_store` as if the records folder had been listed a moment before the records in it
    were created: the race of a start against another process creating one."""
    empty = data.parent / "empty"
    empty.mkdir(exist_ok=True)
    real = os.scandir

    def stale(path="."):
        return real(empty if Path(path) == data / "assessments" else path)

    with monkeypatch.context() as patch:
        patch.setattr(os, "scandir", stale)
        open_store(data)


def test_the_lock_sweep_keeps_the_lock_of_a_record_created_after_its_listing(
        data, monkeypatch):
    store = open_store(data)
    record = new(store)
    store.save_answer(record.id, "q", 1)
    lock = data / "locks" / f"{record.id}.lock"
    assert lock.exists()
    _open_with_stale_listing(data, monkeypatch)
    assert lock.exists()


def test_the_lock_sweep_keeps_a_held_lock_of_a_record_not_written_yet(data):
    store = open_store(data)
    coming = "0c0c0c0c-0000-4000-8000-000000000000"  # as a `put` of a new id holds it
    lock = data / "locks" / f"{coming}.lock"
    with store.locks.assessment(coming):
        open_store(data)
        assert lock.exists()
    open_store(data)  # nobody holds it, no record: an orphan
    assert not lock.exists()


def test_a_missing_set_copy_is_damage_naming_the_file(data):
    store = open_store(data)
    new(store)
    copy = data / "sets" / f"{SET.hash}.json"
    copy.unlink()
    with pytest.raises(Damaged) as caught:
        store.question_set_data(SET.hash)
    error = caught.value
    assert (error.key, error.exit_code, error.params["file"]) == ("store.set_missing", 1,
                                                                  str(copy))
    for lang in ("nl", "en"):
        assert str(copy) in format_error(error, lang)
    # still "not there" to a caller asking whether the store has it (an import bringing it)
    assert isinstance(error, NotFound)
    with pytest.raises(NotFound):
        store.question_set_data("../../etc/passwd")


def test_resume_and_show_of_an_assessment_whose_set_copy_is_gone(cli, tmp_path):
    from tests.test_portability_support import home, start

    assessment_id = start(cli, tmp_path, "Garage Jansen")
    [copy] = (home() / "sets").iterdir()
    copy.unlink()
    for command in ("resume", "show"):
        result = cli(command, assessment_id, "--lang", "en")
        assert result.exit_code == 1, result.output
        assert str(copy) in " ".join(result.output.split())


def test_an_existing_data_folder_keeps_its_mode_and_ours_inside_it_are_0700(data):
    old = os.umask(0o022)
    try:
        for folder in (data, data / "assessments", data / "sets", data / "locks"):
            folder.mkdir(mode=0o755)
        new(open_store(data))
    finally:
        os.umask(old)
    assert mode(data) == 0o755  # the user's own choice
    assert {name: oct(mode(data / name)) for name in ("assessments", "sets", "locks")} == {
        name: oct(0o700) for name in ("assessments", "sets", "locks")}
