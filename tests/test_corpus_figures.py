"""The report's figures over the corpus, held loosely so that a regression fails.

bench/report_corpus.py prints these distributions. The limits are issue 13's targets for the
short report (`show --plain`: the level, scores, three or four actions, at most five
organisations, the comparisons with the study that apply, the sources; the long explanation
per area and the other advice behind `show --details`): at 80 columns a median of at most 70
lines and at most 100; organisations a median of at most five and at most seven; at most six
advice; three to five actions, most urgent first.
"""

from __future__ import annotations

import statistics

import pytest

from clustercli.profile.advice import MAX_ACTIONS, MAX_ADVICE, MIN_ACTIONS
from tests.corpus import figures

LINES = (70, 100)  # (median, max) of the plain report's lines at 80 columns
ORGANISATIONS = (5, 7)  # (median, max)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_report_figures_over_the_corpus(corpus_reports, lang):
    found = figures((report, plain) for _, _, report, plain in corpus_reports[lang])
    assert statistics.median(found.lines) <= LINES[0] and max(found.lines) <= LINES[1]
    assert statistics.median(found.organisations) <= ORGANISATIONS[0]
    assert max(found.organisations) <= ORGANISATIONS[1]
    assert max(found.advice) <= MAX_ADVICE
    assert MIN_ACTIONS >= 3 and MAX_ACTIONS <= 5
    assert min(found.actions) >= MIN_ACTIONS and max(found.actions) <= MAX_ACTIONS
    # the study is named where a statement rests on it, not in every sentence; KVK where it
    # is approached, not in every other line
    assert statistics.median(found.study) <= 2 and statistics.median(found.kvk) <= 5


def test_the_figures_are_of_the_wrapped_report(corpus_reports):
    """Every line of the plain report is at most 80 columns: the count is what a terminal of
    80 columns shows, not the lines the report was written in."""
    found = figures((report, plain) for _, _, report, plain in corpus_reports["nl"])
    assert found.lines == found.raw_lines
    assert all(len(line) <= 80 for _, _, _, plain in corpus_reports["nl"]
               for line in plain.splitlines())


def test_levels_over_the_corpus(corpus_reports):
    found = figures((report, plain) for _, _, report, plain in corpus_reports["nl"])
    # every level below the top turns up, and "no level" only for too few answers
    assert {"verkennen", "opbouwen", "klaar"} <= set(found.levels)
    assert found.levels["(none)"] <= len(found.levels_of) // 10
    for (case, profile, _, _), level in zip(corpus_reports["nl"], found.levels_of,
                                            strict=True):
        assert (level == "(none)") is (profile.withheld is not None), case.name


def test_the_same_answer_throughout_gives_the_same_level(corpus_reports):
    """Straight-lining: the same level whether the firm cooperates or not, whatever the answer;
    all "weet niet" gives no level and says why."""
    edges = {case.name: report for case, _, report, _ in corpus_reports["nl"]
             if "edge" in case.tags}
    levels = {name: report.level.id if report.level else None for name, report in edges.items()}
    assert levels.pop("edge-unknown") is None
    assert edges["edge-unknown"].level_note and "weet niet" in edges["edge-unknown"].level_note
    assert set(levels.values()) == {"opbouwen"}, levels
    for name, report in edges.items():
        if name != "edge-unknown":
            assert {d.band for d in report.dimensions} == {"aandachtspunt"}, name
