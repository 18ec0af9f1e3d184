"""`clustercli compare`: progress over time, two views with the 25-point rule, and the change
since the previous check that `show` mentions."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from clustercli.advisor.compare import (
    DimensionChange,
    change_since_previous,
    compare,
    differ_enough,
    shown,
)
from clustercli.advisor.compare_view import since_lines
from clustercli.engine import session as sessions
from clustercli.profile.build import summarise
from clustercli.storage import open_store
from tests.test_advisor_support import as_json, run_start, shipped, shipped_answers

LABELS = ", ".join(f'"p{i}"' for i in range(11))
# Weights chosen so that one answer of 10 and the rest 0 score 24.921875 ("near", shown 24:
# the weights are exact in binary) and exactly 25.0 ("far"): the boundary of the 25-point
# rule, reached through real scoring.
FINE_SET = f"""
id: fine-set
version: "1.0"
languages: [nl, en]
title: {{nl: Fijn, en: Fine}}
scales:
  eleven: {{min: 0, max: 10, labels: {{nl: [{LABELS}], en: [{LABELS}]}}}}
dimensions:
  - {{id: near, title: {{nl: Bijna, en: Near}}, source: [design]}}
  - {{id: far, title: {{nl: Ver, en: Far}}, source: [design]}}
questions:
""" + "".join(
    f"  - {{id: {qid}, type: scale, scale: eleven, weight: {weight}, dimension: {dim}, "
    f"text: {{nl: {qid}, en: {qid}}}, source: [design]}}\n"
    for qid, weight, dim in [("n1", 2.4921875, "near"), ("n2", 5, "near"),
                             ("n3", 2.5078125, "near"), ("f1", 2.5, "far"), ("f2", 5, "far"),
                             ("f3", 2.5, "far")])


def test_the_25_point_rule_on_scores_as_shown():
    # scores are shown in whole points, rounded down (formatting.score), and compared as shown
    assert not differ_enough(0.0, 24.9) and differ_enough(0.0, 25.0)
    assert differ_enough(75.0, 50.0)  # either direction
    assert not differ_enough(Fraction(511, 10), 75.0)  # shown 51 and 75: 24 apart
    assert differ_enough(Fraction(5099, 100), 75.0)  # shown 50 (rounded down): 25 apart
    assert not differ_enough(0, Fraction(2499, 100))  # 24.99 shows as 24
    assert shown(Fraction(7499, 100)) == 74  # never shown as 75, a higher band
    assert shown(66.6) == 66 and shown(Fraction(2, 3) * 100) == 66
    assert not differ_enough(None, 100.0)  # no score, no verdict
    change = DimensionChange("d", {}, 50, 24, "aandachtspunt", "knelpunt", discuss=False)
    assert (change.change, change.direction, change.band_change) == (-26, "down", "lower")


def test_two_views_at_the_boundary(cli, tmp_path):
    questions = tmp_path / "fine.yaml"
    questions.write_text(FINE_SET, encoding="utf-8")
    one = dict(n1=10, n2=0, n3=0, f1=10, f2=0, f3=0)
    zero = dict.fromkeys(one, 0)
    a = run_start(cli, tmp_path, one, "--questions", str(questions), "--client", "Smid",
                  "--respondent", "Ans")
    b = run_start(cli, tmp_path, zero, "--questions", str(questions), "--client", "Smid",
                  "--respondent", "Bert")
    for first, second in ((a, b), (b, a)):
        data = as_json(cli("compare", first, second, "--format", "json", "--lang", "en"))
        assert set(data) == {"schema_version", "kind", "first", "second", "same_question_set",
                             "dimensions", "knelpunten", "points_to_discuss", "discuss_at",
                             "notices"}
        assert set(data["first"]) == {"id", "client", "respondent", "status", "created",
                                      "completed", "question_set", "level"}
        assert all(set(d) == {"id", "title", "first", "second", "change", "direction",
                              "band_change", "discuss"} for d in data["dimensions"])
        assert data["kind"] == "views" and data["first"]["id"] == first  # order as given
        by_id = {d["id"]: d for d in data["dimensions"]}
        assert abs(by_id["near"]["change"]) == 24 and not by_id["near"]["discuss"]
        assert abs(by_id["far"]["change"]) == 25 and by_id["far"]["discuss"]
        assert data["points_to_discuss"] == ["far"] and data["discuss_at"] == 25
    text = cli("compare", a, b)
    assert text.exit_code == 0
    far = next(line for line in text.stdout.splitlines() if line.strip().startswith("Ver"))
    near = next(line for line in text.stdout.splitlines() if line.strip().startswith("Bijna"))
    assert far.split()[-1] == "ja" and near.split()[-1] != "ja"  # the column "bespreekpunt"
    # two views side by side: how far apart, not a change over time; whole points
    assert "25" in far.split() and not any(mark in text.stdout for mark in "↑↓→")
    assert "(lager)" not in text.stdout
    assert "24" in near.split() and "24,9" not in near
    assert "Bespreekpunten (de twee verschillen 25 punten of meer): Ver" in text.stdout
    assert "Niveau" not in text.stdout  # a set without levels: no level line


def test_progress_of_one_respondent_reads_older_first(cli, tmp_path):
    older = run_start(cli, tmp_path, shipped_answers(4, dims={"win_win": 2}),
                      "--client", "Bakkerij Zoë", "--respondent", "eigenaar")
    newer = run_start(cli, tmp_path, shipped_answers(4, dims={"relationship": 3}),
                      "--client", "  bakkerij zoe", "--respondent", "Eigenaar")
    data = as_json(cli("compare", newer, older, "--format", "json", "--lang", "en"))
    assert data["kind"] == "progress"
    assert (data["first"]["id"], data["second"]["id"]) == (older, newer)
    assert data["first"]["level"] == {"id": "opbouwen", "title": "Building the basis"}
    assert data["second"]["level"]["id"] != "opbouwen"
    by_id = {d["id"]: d for d in data["dimensions"]}
    assert by_id["win_win"]["first"] == {"score": 25, "band": "knelpunt"}
    assert by_id["win_win"]["second"] == {"score": 75, "band": "sterk"}
    assert (by_id["win_win"]["change"], by_id["win_win"]["direction"]) == (50, "up")
    assert by_id["win_win"]["band_change"] == "higher"
    assert (by_id["relationship"]["direction"], by_id["relationship"]["band_change"]) == (
        "down", "lower")
    assert by_id["motivation"]["direction"] == "same"
    assert data["knelpunten"] == {"closed": ["win_win"], "new": []}
    assert data["points_to_discuss"] == []  # progress over time is not a difference of views
    assert data["notices"] == [] and data["same_question_set"] is True

    text = cli("compare", newer, older, "--lang", "en")
    assert "Progress of" in text.stdout and "Bottlenecks resolved: A gain for every partner" \
        in text.stdout
    assert "↑ +50" in text.stdout and "point to discuss" not in text.stdout
    assert "Readiness level: Building the basis →" in text.stdout

    md = cli("compare", older, newer, "--format", "md")
    assert md.exit_code == 0 and md.stdout.startswith("# Voortgang van Bakkerij Zoë (eigenaar)")
    assert "| onderdeel | eerder | later | verandering | beoordeling |" in md.stdout
    assert "|---|---|---|---|---|" in md.stdout


def test_an_unfinished_assessment_is_said_plainly(cli, tmp_path):
    done = run_start(cli, tmp_path, shipped_answers(3), "--client", "A", "--respondent", "x")
    partial = {key: value for key, value in shipped_answers(3).items()
               if not key.startswith(("knowledge", "ict", "regional", "stimulation"))}
    open_id = run_start(cli, tmp_path, partial, "--client", "A", "--respondent", "y")
    data = as_json(cli("compare", done, open_id, "--format", "json", "--lang", "en"))
    assert data["second"]["status"] == "in_progress"
    assert any(open_id in notice and "not finished" in notice for notice in data["notices"])
    by_id = {d["id"]: d for d in data["dimensions"]}
    assert by_id["knowledge_level"]["second"] == {"score": None, "band": "insufficient"}
    assert by_id["knowledge_level"]["direction"] is None
    text = cli("compare", done, open_id, "--lang", "en").stdout
    assert "NOT FINISHED" in text and "no score" in text


def test_bad_pairs_are_bad_input(cli, tmp_path):
    one = run_start(cli, tmp_path, shipped_answers(3))
    same = cli("compare", one, one, "--lang", "en")
    assert same.exit_code == 2 and "the same self-check twice" in same.stderr
    missing = cli("compare", one, "00000000-0000-0000-0000-000000000000", "--lang", "en")
    assert missing.exit_code == 2 and "Traceback" not in missing.output


def test_different_question_sets_are_flagged(cli, tmp_path):
    questions = tmp_path / "fine.yaml"
    questions.write_text(FINE_SET, encoding="utf-8")
    a = run_start(cli, tmp_path, shipped_answers(3), "--client", "A")
    b = run_start(cli, tmp_path, dict.fromkeys(["n1", "n2", "n3", "f1", "f2", "f3"], 5),
                  "--questions", str(questions), "--client", "B")
    data = as_json(cli("compare", a, b, "--format", "json", "--lang", "en"))
    assert data["same_question_set"] is False
    assert any("different question lists" in notice for notice in data["notices"])
    by_id = {d["id"]: d for d in data["dimensions"]}
    assert by_id["near"]["first"] == {"score": None, "band": None}  # not in the first set
    assert by_id["motivation"]["second"] == {"score": None, "band": None}


# -- the change since the previous check (for `show`) ---------------------------------------

def _complete(store, answers, client="", respondent=""):
    session = sessions.start(store, shipped(), "nl", client, respondent)
    for question in shipped().questions:
        if question.id in answers and question.id in {
                q.id for q in session.interview().applicable()}:
            session.answer(question, answers[question.id])
    session.complete(summarise)
    return session.record


@pytest.fixture
def store(tmp_path: Path):
    return open_store(tmp_path / "data")


def test_change_since_previous_takes_the_latest_earlier_of_the_same_respondent(store):
    _complete(store, shipped_answers(2), "Bakkerij Zoë", "eigenaar")
    middle = _complete(store, shipped_answers(3), "bakkerij zoe", "Eigenaar")
    _complete(store, shipped_answers(5), "Bakkerij Zoë", "Jan")  # another respondent
    latest = _complete(store, shipped_answers(4), "BAKKERIJ ZOË", "eigenaar")
    change = change_since_previous(store, latest)
    assert change is not None and change.kind == "progress"
    assert (change.first.id, change.second.id) == (middle.id, latest.id)
    assert all(d.change == 25 for d in change.dimensions)
    lines = since_lines(change, "en")
    assert lines[0] == f"Since the previous self-check ({middle.completed[:10]})"
    assert "Motives and goals: 50 → 75 (↑ +25)" in lines
    assert "New bottlenecks: none" in lines
    assert lines[-1] == ("Everything side by side: clustercli compare "
                         f"{middle.id} {latest.id}")


def test_no_change_without_an_earlier_one(store):
    first = _complete(store, shipped_answers(3), "A", "x")
    assert change_since_previous(store, first) is None
    other = _complete(store, shipped_answers(3), "A", "y")
    assert change_since_previous(store, other) is None  # a different respondent
    alone = _complete(store, shipped_answers(3))
    _complete(store, shipped_answers(3))
    assert change_since_previous(store, alone) is None  # no client: nothing to follow


def test_compare_reads_the_stored_set_not_the_shipped_one(store):
    a = _complete(store, shipped_answers(2), "A", "x")
    b = _complete(store, shipped_answers(4), "A", "x")
    result = compare(store, b.id, a.id)
    assert result.first.id == a.id and result.first.set_hash == a.question_set.hash
    assert result.closed == tuple(d.id for d in shipped().dimensions)
