"""A question type is one object: a new type plugs in with nothing added but the type itself.

`DateType` and `PercentType` below exist only in this test. Registered, a type is checked in a
set file, its values are what conditions check against, plain mode asks it and reads what is
typed, the engine stores it, it is said in words in both languages, `questions show` describes
it, a condition on it holds or not, the report says its answers, and the CSV and xlsx exports
hold them. A scored type (`PercentType`) also counts in its area's score, and the report says
which of its answers cost the most and what would lift the score. Nothing in clustercli knows
the word "date" or "percent".
"""

from __future__ import annotations

import dataclasses
import datetime
import io
import json
import re
from collections.abc import Iterator, Sequence
from fractions import Fraction
from typing import Any

import pytest
from openpyxl import load_workbook

from clustercli import conditions
from clustercli.engine import session as sessions
from clustercli.engine import values
from clustercli.engine.driver import run
from clustercli.errors import InputProblems, Problem
from clustercli.plain import PlainUI
from clustercli.portability import table, workbook
from clustercli.portability.sheet import Sheet
from clustercli.profile.build import summarise
from clustercli.profile.scoring import possible_points, score_dimensions
from clustercli.questionset import cache, types
from clustercli.questionset.describe import to_json_data, to_text
from clustercli.questionset.loader import content_hash, load_from_text
from clustercli.questionset.model import QuestionSet
from clustercli.questionset.types import QuestionFields, QuestionType, Values
from clustercli.records import Answer, Assessment, SetRef
from clustercli.render.markdown import render_markdown
from clustercli.report import build_report
from clustercli.storage.memory import MemoryStore

MONTHS = {
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}
DUTCH_DATE = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")


def _iso(value: Any) -> datetime.date | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


class DateType(QuestionType):
    """A day, stored as "2001-05-01"; typed as that or the Dutch way, 1-5-2001."""

    name = "date"

    def check_fields(self, q: QuestionFields, languages: Sequence[str]) -> Iterator[Problem]:
        return iter(())

    def possible(self, values: Values, op: str, value: Any) -> bool:
        return _iso(value) is not None

    def shown(self, values: Values) -> list[str]:
        return ["YYYY-MM-DD"]

    def accepts(self, q: QuestionFields, value: Any) -> bool:
        return _iso(value) is not None

    def parse(self, q: QuestionFields, text: str, lang: str) -> Any:
        dutch = DUTCH_DATE.match(text)
        if dutch:
            day, month, year = map(int, dutch.groups())
            try:
                return datetime.date(year, month, day).isoformat()
            except ValueError:
                raise self.refuse(q, text, lang) from None
        if _iso(text) is None:
            raise self.refuse(q, text, lang)
        return text

    def word(self, q: QuestionFields, value: Any, lang: str) -> str:
        day = _iso(value)
        assert day is not None
        return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"


def _share(value: Any) -> bool:
    return type(value) is int and 0 <= value <= 100


class PercentType(QuestionType):
    """A share from 0 to 100 per cent, stored as a whole number, typed as 40 or 40%; scored:
    0% gives no points, 100% all."""

    name = "percent"
    ops = ("equals", "in", "at_least", "at_most")  # ordered: "60% or higher" lifts a score
    scored = True

    def possible(self, values: Values, op: str, value: Any) -> bool:
        return _share(value)

    def shown(self, values: Values) -> list[str]:
        return ["0–100"]

    def accepts(self, q: QuestionFields, value: Any) -> bool:
        return _share(value)

    def parse(self, q: QuestionFields, text: str, lang: str) -> Any:
        digits = text.removesuffix("%").strip()
        if not digits.isdigit():
            raise self.refuse(q, text, lang)
        return int(digits)

    def answer_points(self, q: QuestionFields, value: Any) -> Fraction | None:
        return Fraction(value, 100)

    def scored_answers(self, q: QuestionFields) -> list[Any]:
        return list(range(101))

    def word(self, q: QuestionFields, value: Any, lang: str) -> str:
        return f"{value}%"


SET = """
id: founding
version: "1"
languages: [nl, en]
title: {nl: Oprichting, en: Founding}
questions:
  - id: founded
    type: date
    allow_unknown: true
    text: {nl: Wanneer is uw bedrijf opgericht?, en: When was your firm founded?}
    source: [profile]
  - id: jubilee
    type: yesno
    when: {question: founded, equals: "2001-05-01"}
    text: {nl: Viert u het jubileum?, en: Will you celebrate the anniversary?}
    source: [design]
"""


SCORED_SET = """
id: regional-buying
version: "1"
languages: [nl, en]
title: {nl: Inkoop in de regio, en: Buying in the region}
dimensions:
  - id: buying
    title: {nl: Regionale inkoop, en: Regional buying}
    source: [design]
questions:
  - id: supplies
    type: percent
    dimension: buying
    text: {nl: Welk deel van uw inkoop komt uit de regio?,
           en: What share of your purchases comes from the region?}
    source: [design]
  - id: services
    type: percent
    dimension: buying
    allow_unknown: true
    text: {nl: Welk deel van uw diensten koopt u in de regio?,
           en: What share of your services do you buy in the region?}
    source: [design]
  - id: abroad
    type: percent
    dimension: buying
    reverse: true
    text: {nl: Welk deel koopt u in het buitenland?, en: What share do you buy abroad?}
    source: [design]
"""
STAMP = "2026-11-20T09:00:00.000000Z"


@pytest.fixture
def date_type(monkeypatch: pytest.MonkeyPatch) -> DateType:
    kind = DateType()
    monkeypatch.setitem(types.TYPES, kind.name, kind)  # gone again after the test
    return kind


@pytest.fixture
def percent_type(monkeypatch: pytest.MonkeyPatch) -> PercentType:
    kind = PercentType()
    monkeypatch.setitem(types.TYPES, kind.name, kind)
    return kind


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


def test_a_set_with_an_unregistered_type_is_refused_naming_the_types():
    with pytest.raises(InputProblems) as info:
        load_from_text(SET, "founding.yaml")
    [problem] = info.value.problems
    assert (problem.key, problem.question, problem.line) == ("schema.not_allowed", "founded", 8)
    assert problem.params["value"] == "date"
    assert "'yesno', 'number' or 'text'" in problem.params["expected"]


def test_a_registered_type_is_checked_in_the_set_and_its_conditions(date_type):
    qset = load_from_text(SET, "founding.yaml")
    assert qset.question("founded").kind is date_type
    with pytest.raises(InputProblems) as info:
        load_from_text(SET.replace('equals: "2001-05-01"', "equals: yesterday")
                       .replace("allow_unknown: true", "allow_unknown: true\n    min: 3"),
                       "founding.yaml")
    found = {(p.key, p.question, p.field): p.params for p in info.value.problems}
    assert found[("qset.field_not_for_type", "founded", "min/max")] == {"type": "date"}
    assert found[("cond.impossible_value", "jubilee", "when")]["allowed"] == \
        "YYYY-MM-DD, unknown"
    with pytest.raises(InputProblems) as info:
        load_from_text(SET.replace("allow_unknown: true", "default: 1-5-2001"), "founding.yaml")
    assert [p.key for p in info.value.problems] == ["qset.bad_default"]


def test_plain_mode_asks_it_and_the_engine_stores_it(date_type):
    qset = load_from_text(SET, "founding.yaml")
    store = MemoryStore()
    session = sessions.start(store, qset, "en")
    typed = iter(["yesterday", "1-5-2001", "ja"])
    written: list[str] = []

    def read(prompt: str) -> str:
        written.append(prompt)
        return next(typed)

    ui = PlainUI(read=read, write=written.append)
    with pytest.raises(StopIteration):  # the review asks for more than the script has
        run(session, ui)
    out = "\n".join(written)
    assert "'yesterday' is not a possible answer" in out and "YYYY-MM-DD, unknown" in out
    record = store.load(session.id)
    # typed the Dutch way, stored the ISO way; the condition on it held, so jubilee was asked
    assert record.values() == {"founded": "2001-05-01", "jubilee": True}
    assert "Question 2 of 2" in out


def test_it_is_said_in_words_checked_and_described(date_type):
    qset = load_from_text(SET, "founding.yaml")
    founded = qset.question("founded")
    assert values.label(founded, "2001-05-01", "nl") == "1 mei 2001"
    assert values.label(founded, "2001-05-01", "en") == "1 May 2001"
    assert values.label(founded, conditions.UNKNOWN, "en") == "Don't know / not applicable"
    assert values.check(founded, "2001-05-01", "en") == "2001-05-01"
    with pytest.raises(values.AnswerError):
        values.check(founded, "2001-02-30", "en", in_file=True)
    jubilee = qset.question("jubilee").when
    assert jubilee is not None
    assert conditions.evaluate(jubilee, {"founded": "2001-05-01"})
    assert not conditions.evaluate(jubilee, {"founded": "2001-05-02"})
    described = next(q for q in to_json_data(qset)["questions"] if q["id"] == "founded")
    assert described["type"] == "date" and described["allow_unknown"] is True
    assert "id founded · date · source profile" in to_text(qset, "en")
    json.dumps(described)


def test_the_cache_knows_the_types_it_was_checked_with(date_type, tmp_path):
    path = tmp_path / "founding.yaml"
    path.write_text(SET, encoding="utf-8")
    folder = tmp_path / "cache"
    first = cache.load(path, folder)
    assert cache.load(path, folder) == first  # the second from the cache
    del types.TYPES["date"]  # without the type, the entry is not this code's: checked again
    with pytest.raises(InputProblems):
        cache.load(path, folder)


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
        render_markdown(nl)
    # the exports: the answers as numbers, the score beside them
    assert table.write([record], [qset], excel=False).splitlines()[1].endswith(",40,30,50,42.5")
    header, row = _xlsx(qset, [record], "nl")
    cells = dict(zip(header, row, strict=True))
    assert [cells[c] for c in ("q_supplies", "q_services", "q_abroad", "score_buying")] == [
        40, 30, 50, 42.5]
