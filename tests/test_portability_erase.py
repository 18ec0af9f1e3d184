"""`clustercli delete` and `clustercli purge`: erasure leaves no trace anywhere in the data
folder, asks first, and retention removes exactly the old ones."""

from __future__ import annotations

import json
import os
import unicodedata
from datetime import UTC, datetime, timedelta

import pytest

from clustercli import clock
from clustercli.cli import data_cmd
from clustercli.storage import open_store
from tests.conftest import VALID_SET
from tests.test_portability_support import home, session_with_history, snapshot, start

NAME = "Bakkerij Zoë & Café"


def traces(folder, needles: list[str]) -> list[str]:
    """Every file (by name or by content) in which one of `needles` occurs."""
    found = []
    for path in folder.rglob("*"):
        content = b"" if path.is_dir() else path.read_bytes()
        for needle in needles:
            if needle in path.name or needle.encode("utf-8") in content:
                found.append(f"{path.relative_to(folder)}: {needle!r}")
    return found


def forms_of(name: str) -> list[str]:
    return [name, name.lower(), name.upper(), json.dumps(name)[1:-1],  # "Zo\u00eb & Caf\u00e9"
            json.dumps(name.lower())[1:-1], unicodedata.normalize("NFD", name)]


def test_delete_client_leaves_no_trace_and_keeps_the_others(cli, tmp_path):
    other_set = tmp_path / "own.yaml"
    other_set.write_text(VALID_SET.read_text(encoding="utf-8").replace(
        "id: test-set", "id: only-zoe"), encoding="utf-8")  # a set only this client uses
    mine = [start(cli, tmp_path, NAME, respondent="Zoë zelf"),
            session_with_history(home(), "bakkerij ZOË & café", complete=False),
            start(cli, tmp_path, " Bakkerij Zoe & Cafe ", questions=other_set)]
    others = [start(cli, tmp_path, "Garage Jansen"),
              session_with_history(home(), "Café de Zon")]
    data = home()
    store = open_store(data)
    kept = {assessment_id: store.load(assessment_id) for assessment_id in others}
    [set_copy] = [p for p in (data / "sets").iterdir()
                  if store.load(mine[2]).question_set.hash in p.name]
    set_copy.write_bytes(b"{damaged")  # the tool moves a damaged copy aside and writes anew
    start(cli, tmp_path, NAME, questions=other_set)
    mine.append(open_store(data).list()[0].id)
    assert any("damaged" in p.name for p in (data / "sets").iterdir())
    # a temp file with the record in it, of a writer that is still alive as far as the sweep
    # at start can tell (this very process): only erasure itself removes it
    (data / "assessments" / f".{mine[0]}.json.{os.getpid()}.ab12cd34.tmp").write_text(NAME)
    assert traces(data, [NAME, *mine]) != []

    result = cli("delete", "--client", "bakkerij zoe & cafe", "--yes", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Erased: 4 self-checks" in result.stdout
    assert traces(data, forms_of(NAME) + forms_of("Zoë zelf") + mine) == []
    store = open_store(data)
    assert {row.id for row in store.list()} == set(others)
    assert {assessment_id: store.load(assessment_id) for assessment_id in others} == kept
    # only the set the others still use is left
    assert [p.name for p in (data / "sets").iterdir()] == [
        f"{kept[others[0]].question_set.hash}.json"]


def test_delete_by_id(cli, tmp_path):
    gone = start(cli, tmp_path, NAME)
    kept = start(cli, tmp_path, NAME)
    result = cli("delete", gone, "--yes", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert traces(home(), [gone]) == []
    assert [row.id for row in open_store(home()).list()] == [kept]


def test_without_a_terminal_delete_needs_yes(cli, tmp_path):
    start(cli, tmp_path, NAME)
    before = snapshot(home())
    result = cli("delete", "--client", NAME, "--lang", "en")
    assert result.exit_code == 2 and "--yes" in result.stderr
    assert snapshot(home()) == before


@pytest.mark.parametrize(("typed", "erased"), [("j\n", True), ("yes\n", True), ("n\n", False),
                                                ("\n", False), ("", False)])
def test_at_a_terminal_delete_asks(cli, tmp_path, monkeypatch, typed, erased):
    assessment_id = start(cli, tmp_path, NAME)
    monkeypatch.setattr(data_cmd, "_interactive", lambda: True)
    result = cli("delete", assessment_id, input=typed)
    assert result.exit_code == 0, result.output
    assert "Deze zelftest voorgoed wissen? [j/N]" in result.stdout
    assert assessment_id in result.stdout  # the listing of what would go
    assert (open_store(home()).list() == []) is erased
    assert ("Er is niets gewist." in result.stdout) is not erased


@pytest.mark.parametrize("args", [[], ["some-id", "--client", "X"]])
def test_delete_needs_an_id_or_a_client(cli, args):
    result = cli("delete", *args, "--yes", "--lang", "en")
    assert result.exit_code == 2 and "--client" in result.stderr


def test_delete_unknown(cli, tmp_path):
    start(cli, tmp_path, NAME)
    for args in (["0b0b0b0b-0000-4000-8000-000000000000"], ["--client", "Nobody"]):
        result = cli("delete", *args, "--yes", "--lang", "en")
        assert result.exit_code == 2
    assert len(open_store(home()).list()) == 1


def test_purge_dry_run_then_effect(cli, tmp_path, monkeypatch):
    now = datetime.now(UTC)
    made = {}
    for label, days_ago in (("old", 3 * 366), ("middle", 300), ("new", 0)):
        moment = (now - timedelta(days=days_ago)).isoformat().replace("+00:00", "Z")
        with monkeypatch.context() as patch:  # the assessment is made, and last changed, then
            patch.setattr(clock, "now", lambda moment=moment: moment)
            made[label] = start(cli, tmp_path, f"Klant {label}")
    before = snapshot(home())

    result = cli("purge", "--older-than", "2y", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert made["old"] in result.stdout
    assert made["middle"] not in result.stdout and made["new"] not in result.stdout
    assert "Nothing has been erased yet" in result.stdout and "--yes" in result.stdout
    assert snapshot(home()) == before

    result = cli("purge", "--older-than", "2y", "--yes", "--lang", "en")
    assert result.exit_code == 0 and "Erased: 1" in result.stdout
    assert {row.id for row in open_store(home()).list()} == {made["middle"], made["new"]}
    assert traces(home(), [made["old"], "Klant old"]) == []

    result = cli("purge", "--older-than", "2y", "--yes", "--lang", "en")
    assert result.exit_code == 0 and "Nothing to erase" in result.stdout
    result = cli("purge", "--older-than", "6m", "--yes", "--lang", "en")
    assert {row.id for row in open_store(home()).list()} == {made["new"]}


@pytest.mark.parametrize("bad", ["", "2", "y", "2 years", "-1y", "0d", "1.5y", "2x"])
def test_purge_refuses_what_is_not_a_period(cli, bad):
    result = cli("purge", "--older-than", bad, "--yes", "--lang", "en")
    assert result.exit_code == 2 and "is not a period" in result.stderr


def test_clock_is_what_purge_compares_with():
    # the generated times are the tool's own format, which purge parses
    assert clock.parse(clock.now()).tzinfo is not None
    assert clock.parse(clock.now()) <= datetime.now(UTC)
