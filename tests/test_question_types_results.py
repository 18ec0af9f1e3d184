"""A new question type in what follows an interview, with nothing added but the type itself.

The fake types of tests/fake_types.py: the report says a date answer in words and the CSV, Excel
CSV and xlsx exports hold it; a scored type (percent) counts in its area's score, the report
says which of its answers cost the most and what would lift the score, and the exports hold the
answers and the score. Nothing in clustercli knows the word "date" or "percent".
"""

from __future__ import annotations

import dataclasses
import datetime
import io
from fractions import Fraction
from typing import Any

import pytest
from openpyxl import load_workbook

from clustercli import conditions
from clustercli.portability import table, workbook
from clustercli.portability.sheet import Sheet
from clustercli.profile.build import summarise
from clustercli.profile.scoring import possible_points, score_dimensions
from clustercli.questionset.loader import content_hash, load_from_text
from clustercli.questionset.model import QuestionSet
from clustercli.records import Answer, Assessment, SetRef
from clustercli.render.markdown import render_markdown
from clustercli.report import build_report
from clustercli.report.sections import SECTIONS
from tests.fake_types import SCORED_SET, SET, DateType, PercentType, plug_in

STAMP = "2026-11-20T09:00:00.000000Z"


@pytest.fixture
def date_type(monkeypatch: pytest.MonkeyPatch) -> DateType:
    return plug_in(monkeypatch, DateType())


@pytest.fixture
def percent_type(monkeypatch: pytest.MonkeyPatch) -> PercentType:
    return plug_in(monkeypatch, PercentType())


def _completed(qset: QuestionSet, answers: dict[str, Any], number: int,
               notes: dict[str, str] | None = None) -> Assessment:
    """A completed self-check with these answers, its summary worked out as the store does."""
    record = Assessment(
        id=f"{number:08d}-0000-4000-8000-000000000000",
        question_set=SetRef(qset.id, qset.version, content_hash(qset)), language="en",
        client="Bakkerij Jansen", respondent="", created=STAMP, updated=STAMP,
        completed=STAMP, status="completed",
        answers={q: Answer(v, STAMP, (notes or {}).get(q)) for q, v in answers.items()})
    return dataclasses.replace(record, summary=summarise(qset, record.values()))


def _xlsx(qset: QuestionSet, records: list[Assessment], lang: str) -> list[list[Any]]:
    """The first sheet of the xlsx export, as values (header first)."""
    data = workbook.write(records, {content_hash(qset): qset}, lang,
                          datetime.datetime(2026, 11, 20))
    book = load_workbook(io.BytesIO(data), read_only=True)
    return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]


def test_the_report_says_it_and_the_exports_hold_it(date_type):
    qset = load_from_text(SET, "founding.yaml")
    founded = _completed(qset, {"founded": "2001-05-01", "jubilee": True}, 1,
                         notes={"founded": "Oprichter is de vader"})
    unknown = _completed(qset, {"founded": conditions.UNKNOWN}, 2)
    # the advisor's copy of the report says each noted answer in words, in its language
    for lang, said in (("nl", "1 mei 2001"), ("en", "1 May 2001")):
        report = build_report(founded, qset, lang, with_notes=True)
        assert report.notes is not None
        assert [(n.question, n.answer) for n in report.notes] == [("founded", said)]
        assert said in render_markdown(report)
    # CSV: the stored value; Excel's CSV guards it against being read as a date
    plain = table.write([founded, unknown], [qset], excel=False).splitlines()
    assert plain[0].endswith(",q_founded,q_jubilee")
    assert plain[1].endswith(",2001-05-01,true") and plain[2].endswith(",unknown,")
    excel = table.write([founded], [qset], excel=True).splitlines()[1]
    assert excel.endswith(';"=""2001-05-01""";"=""true"""')
    # xlsx: the value as text, "don't know" in words; no label column (its answers are not
    # option keys); the about sheet lists the one answer in words it has
    sheet = Sheet({content_hash(qset): qset}, "en")
    about = {column.name: column.answers for column in sheet.columns}
    assert about["q_founded"] == "Don't know / not applicable" and "q_founded (label)" not in about
    assert about["q_jubilee"] == "Yes; No"
    header, *rows = _xlsx(qset, [founded, unknown], "en")
    columns = [dict(zip(header, row, strict=True)) for row in rows]
    assert [(c["q_founded"], c["q_jubilee"]) for c in columns] == [
        ("2001-05-01", "Yes"), ("Don't know / not applicable", None)]


def test_a_scored_type_counts_in_the_score_and_the_report_explains_it(percent_type):
    qset = load_from_text(SCORED_SET, "buying.yaml")
    assert [q.kind for q in qset.scored_questions("buying")] == [percent_type] * 3
    answers = {"supplies": 40, "services": 30, "abroad": 50}
    result = score_dimensions(qset, answers)["buying"]
    # half for the two positive statements (40% and 30%), half for the reverse one (50%)
    assert result.exact == 100 * (Fraction(1, 2) * Fraction(35, 100) + Fraction(1, 4))
    assert (result.score, result.band) == (42.5, "knelpunt")
    assert possible_points(qset.question("abroad"))[0] == (100, 0)  # reverse: 100% scores 0
    # "don't know" does not count; too few answers: no score
    assert score_dimensions(qset, {"services": conditions.UNKNOWN})["buying"].score is None
    record = _completed(qset, answers, 3, notes={"supplies": "Meest hout"})
    assert record.summary is not None and record.summary.scores == {"buying": 42.5}
    report = build_report(record, qset, "en", with_notes=True)
    [weak] = report.weakest
    assert weak.weakest[0] == \
        '"What share do you buy abroad?" – your answer: 50% (costs 25 points)'
    assert weak.lift[-1] == \
        '"What share of your services do you buy in the region?" – 60% or higher'
    assert report.notes is not None and report.notes[0].answer == "40%"
    nl = build_report(record, qset, "nl")
    assert "'Welk deel koopt u in het buitenland?' – uw antwoord: 50% (kost 25 punten)" in \
        render_markdown(nl, SECTIONS)  # the explanation per area: the report with its details
    # the exports: the answers as numbers, the score beside them (whole points, as shown)
    assert table.write([record], [qset], excel=False).splitlines()[1].endswith(",40,30,50,42")
    header, row = _xlsx(qset, [record], "nl")
    cells = dict(zip(header, row, strict=True))
    assert [cells[c] for c in ("q_supplies", "q_services", "q_abroad", "score_buying")] == [
        40, 30, 50, 42]
