"""Question types that exist only in the tests, and question sets that use them.

`DateType`: a day, not scored. `PercentType`: a share from 0 to 100, scored. Nothing in
clustercli knows the word "date" or "percent": a test registers one with `plug_in` (gone again
after the test) and shows that the whole tool then knows it (test_question_types.py, the asking;
test_question_types_results.py, scores, the report and the exports).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Sequence
from fractions import Fraction
from typing import Any, TypeVar

import pytest

from clustercli.errors import Problem
from clustercli.questionset import types
from clustercli.questionset.types import QuestionFields, QuestionType, Values

K = TypeVar("K", bound=QuestionType)
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


def plug_in(monkeypatch: pytest.MonkeyPatch, kind: K) -> K:
    """Register `kind` for one test (the monkeypatch takes it out again)."""
    monkeypatch.setitem(types.TYPES, kind.name, kind)
    return kind
