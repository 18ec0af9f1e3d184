"""`clustercli show` on the file store, and `print_report` for the end of an interview."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from clustercli.cli.report_cmd import print_report
from clustercli.paths import data_dir
from clustercli.questionset.loader import canonical_json, content_hash
from clustercli.records import SetRef
from clustercli.storage import open_store
from clustercli.storage.memory import MemoryStore
from tests.test_report_cases import (
    flat,
    many_unknowns,
    shipped,
    unfinished,
    wants_to_cooperate,
    win_win_knelpunt,
)


def stored(case, store=None) -> str:
    """Put a case into a store (the file store of this test's data folder by default) the way
    the engine does: create, answer in order, complete. Returns its id."""
    store = store if store is not None else open_store(data_dir())
    qset = shipped()
    record = store.create(question_set=SetRef(qset.id, qset.version, content_hash(qset)),
                          set_data=canonical_json(qset), language=case.language,
                          client=case.client, respondent=case.respondent)
    for question, answer in case.answers.items():
        store.save_answer(record.id, question, answer.value, answer.note)
    if case.status == "completed":
        store.complete(record.id)
    return record.id


def test_show_prints_plain_text_where_stdout_is_no_terminal(cli):
    ident = stored(win_win_knelpunt())
    result = cli("show", ident)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "█" not in result.stdout
    assert "Niveau 2 van 4: Basis opbouwen" in result.stdout
    assert "Voordeel voor alle partners: 28 van 100, knelpunt" in result.stdout


@pytest.mark.parametrize(("form", "marker"), [("md", "## Wat u nu het best kunt doen"),
                                              ("html", "<svg"), ("json", '"schema_version": 2')])
def test_show_in_each_format(cli, form, marker):
    ident = stored(win_win_knelpunt())
    result = cli("show", ident, "--format", form)
    assert result.exit_code == 0, result.output
    assert marker in result.stdout and ident in result.stdout


def test_language_is_the_assessment_s_unless_asked(cli):
    ident = stored(many_unknowns("en"))
    assert "How ready is your firm?" in cli("show", ident).stdout
    assert "Hoe klaar is uw bedrijf?" in cli("show", ident, "--lang", "nl").stdout
    data = json.loads(cli("show", ident, "--format", "json", "--lang", "nl").stdout)
    assert data["language"] == "nl"


def test_notes_only_with_notes(cli):
    ident = stored(many_unknowns("en"))
    assert "Works with a supplier" not in cli("show", ident, "--format", "md").stdout
    with_notes = cli("show", ident, "--format", "md", "--with-notes").stdout
    assert "## Advisor's notes" in with_notes and "Works with a supplier" in with_notes


def test_output_file(cli, tmp_path):
    ident = stored(wants_to_cooperate())
    target = tmp_path / "rapport.html"
    result = cli("show", ident, "--format", "html", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and str(target) in result.stderr
    assert "Bakkerij Zoë &amp; Café &lt;Noord&gt;" in target.read_text(encoding="utf-8")


def test_output_to_an_unwritable_place_is_a_clear_error(cli, tmp_path):
    ident = stored(wants_to_cooperate())
    result = cli("show", ident, "--format", "md", "-o", str(tmp_path / "no" / "such" / "r.md"))
    assert result.exit_code == 2
    assert "r.md" in result.stderr and "Traceback" not in result.output


def test_unknown_id(cli):
    result = cli("show", "00000000-0000-4000-8000-000000000000")
    assert result.exit_code == 2
    assert "00000000-0000-4000-8000-000000000000" in result.stderr
    assert "clustercli list" in result.stderr


def test_unfinished_says_so_and_shows_what_it_can(cli):
    ident = stored(unfinished())
    result = cli("show", ident)
    assert result.exit_code == 0, result.output
    assert "nog niet af" in flat(result.stdout)
    assert f"clustercli resume {ident}" in result.stdout  # a command is never broken
    assert "Motieven en doelen: 75 van 100, sterk" in result.stdout
    as_json = cli("show", ident, "--format", "json")
    assert "nog niet af" in as_json.stderr
    data = json.loads(as_json.stdout)
    assert data["status"] == "in_progress" and data["timestamps"]["completed"] is None


def test_print_report_for_the_end_of_an_interview(monkeypatch):
    store = MemoryStore()
    ident = stored(win_win_knelpunt(), store)
    record = store.load(ident)
    stream = io.StringIO()
    print_report(record, shipped(), "en", stream=stream)
    out = stream.getvalue()
    assert "Level 2 of 4: Building the basis" in out and "\x1b" not in out
    assert out.index("How ready is your firm?") < out.index("What to do now")


@pytest.mark.slow
def test_show_help_does_not_load_the_report(tmp_path):
    import subprocess
    import sys

    probe = ("import runpy, sys\n"
             "sys.argv = ['clustercli', 'show', '--help']\n"
             "try:\n    runpy.run_module('clustercli', run_name='__main__')\n"
             "except SystemExit:\n    pass\n"
             "print(sorted(m for m in sys.modules if m.startswith(('rich', 'clustercli.report',"
             " 'clustercli.render'))), file=sys.stderr)\n")
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "CLUSTERCLI_HOME": str(tmp_path)},
                          cwd=Path(__file__).resolve().parent.parent)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize(("name", "starts"), [("r.html", "<!DOCTYPE html>"), ("r.HTM", "<!DOCTYPE"),
                                              ("r.md", "# "), ("r.json", "{"),
                                              ("r.txt", "Klaar voor")])
def test_the_file_s_name_picks_the_format(cli, tmp_path, name, starts):
    ident = stored(win_win_knelpunt())
    target = tmp_path / name
    result = cli("show", ident, "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith(starts)
    forced = cli("show", ident, "--format", "md", "-o", str(target))  # --format wins
    assert forced.exit_code == 0 and target.read_text(encoding="utf-8").startswith("# ")


@pytest.mark.parametrize("form", ["terminal", "md"])
def test_details_add_the_explanation_per_area_and_the_rest_of_the_advice(cli, form):
    ident = stored(win_win_knelpunt())
    short = flat(cli("show", ident, "--format", form).stdout)
    details = flat(cli("show", ident, "--format", form, "--details").stdout)
    for text in (short, details):
        assert "Wat u nu het best kunt doen" in text and "Wie kunt u benaderen?" in text
    assert "Deze antwoorden kosten de meeste punten" not in short
    assert "Deze antwoorden kosten de meeste punten" in details
    assert "Ook goed om te weten" not in short and "Ook goed om te weten" in details
