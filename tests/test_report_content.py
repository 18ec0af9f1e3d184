"""What every report says, whatever the format: the content model and its small rules."""

from __future__ import annotations

import json

import pytest

from clustercli.i18n import LANGUAGES, catalogue
from clustercli.questionset.loader import content_hash, load_from_text
from clustercli.questionset.model import KNOWN_SOURCES
from clustercli.records import Answer, Assessment, SetRef
from clustercli.render.html import render_html
from clustercli.render.json_report import render_json
from clustercli.render.markdown import md, render_markdown
from clustercli.render.terminal import render_plain
from clustercli.report import build_report, shown_score
from clustercli.report.sections import SECTIONS, build_sections
from tests.conftest import VALID_SET
from tests.test_report_cases import CASES, everything_at_once, shipped, unfinished
from tests.test_report_json import SCHEMA_FILE, validate

ALL = {**CASES, "unfinished": unfinished, "everything-at-once": everything_at_once}


def test_a_shown_score_never_looks_like_a_higher_band():
    assert [shown_score(s) for s in (None, 0.0, 49.99, 74.9, 75.0, 100.0)] == [
        None, 0, 49, 74, 75, 100]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", sorted(ALL))
def test_the_study_s_figures_always_carry_source_year_and_era(name, lang):
    report = build_report(ALL[name](), shipped(), lang)
    assert report.mirror, name
    for item in report.mirror:
        assert item.year == 2001 and "2001" in item.source_note
        assert item.finding in item.source_note
    built = {s.name: s for s in build_sections(report)}
    # the comparisons are headed with the study's year; the sources give the era, once
    assert "2001" in built["mirror"].heading and "2001" in report.study
    assert "2000" in built["sources"].study
    assert "2000" not in built["mirror"].heading + " ".join(c.line for c in built["mirror"].items)


@pytest.mark.parametrize("name", sorted(ALL))
def test_every_cited_source_is_explained(name):
    report = build_report(ALL[name](), shipped(), "nl")
    cited = {s for item in (*report.notices, *report.actions, *report.advice,
                            *report.organisations) for s in item.source}
    cited |= {s for cap in (report.level.caps if report.level else ()) for s in cap.source}
    cited |= {m.finding for m in report.mirror}
    assert cited <= {s.id for s in report.sources}
    assert all(s.text and s.label and s.cited_in for s in report.sources)


def test_every_dynamic_catalogue_key_exists():
    for lang in LANGUAGES:
        texts = catalogue(lang)
        needed = [f"report.heading.{s}" for s in (*SECTIONS, "report")]
        needed += [f"report.source.{s.lower()}" for s in KNOWN_SOURCES]
        needed += [f"report.cite.{s}" for s in KNOWN_SOURCES if not s.startswith("F")]
        needed += [f"profile.band.{b}" for b in ("sterk", "aandachtspunt", "knelpunt",
                                                 "insufficient")]
        assert [key for key in needed if key not in texts] == []


def test_markdown_escapes_what_would_become_markup():
    assert md("A*B_C|D [x](y) <z> #1 `c` \\") == (
        "A\\*B\\_C\\|D \\[x\\](y) \\<z\\> \\#1 \\`c\\` \\\\")


def _no_rules_record(qset) -> Assessment:
    values = {"sector": "ict", "cooperates": True, "motives": ["market_position"], "trust_1": 4,
              "trust_2": 2, "trust_3": "weekly", "employees": 12, "remarks": "ok"}
    stamp = "2026-11-20T09:00:00.000000Z"
    return Assessment(id="77777777-7777-4777-8777-777777777777",
                      question_set=SetRef(qset.id, qset.version, content_hash(qset)),
                      language="en", client="", respondent="", created=stamp, updated=stamp,
                      completed=stamp, status="completed",
                      answers={q: Answer(v, stamp) for q, v in values.items()})


def test_a_set_without_rules_has_scores_but_no_level_and_still_renders():
    qset = load_from_text(VALID_SET.read_text(encoding="utf-8"), str(VALID_SET))
    assert qset.rules is None
    record = _no_rules_record(qset)
    assert set(record.values()) <= set(qset.by_id)
    report = build_report(record, qset, "en")
    assert report.level is None and report.advice == () and report.actions == ()
    assert "This question set has no levels." in render_markdown(report)
    assert "This question set has no levels." in render_plain(report)
    assert "This question set has no levels." in render_html(report)
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert validate(json.loads(render_json(report)), schema, schema) == []
    assert report.organisations and report.organisations[0].id == "kvk"
