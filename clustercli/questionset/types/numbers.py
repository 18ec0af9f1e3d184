"""Questions answered with a number: a point on a labelled scale, or a number in bounds.

A scale has whole points from `min` to `max` (at most 11), a label for each point in every
language, and may be scored (its points run from 0 at `min` to 1 at `max`); typed, a point is its
number, and "weet niet" the number after the last point. A number question takes any number
within its optional bounds.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from fractions import Fraction
from typing import Any, ClassVar

from clustercli.conditions import show_value
from clustercli.errors import Problem
from clustercli.i18n import t
from clustercli.questionset.types.base import QuestionType, Values, as_written, is_number
from clustercli.questionset.types.fields import BOUNDS, POINTS, QuestionFields

MAX_SCALE_POINTS = 11
ORDER_OPS = ("equals", "in", "at_least", "at_most")


def check_scale_labels(question: str | None, field: str, low: float | None, high: float | None,
                       labels: dict[str, list[str]] | None,
                       languages: Sequence[str]) -> Iterator[Problem]:
    """The points of a scale and a label for each, in every language (a scale question's own,
    or a named `scales:` entry of the set)."""
    if low is None or high is None:
        return
    if low >= high:
        yield Problem("qset.min_not_below_max", {"min": low, "max": high}, question=question,
                      field=field)
        return
    points = int(high) - int(low) + 1
    if points > MAX_SCALE_POINTS:
        yield Problem("qset.scale_too_long", {"points": points, "limit": MAX_SCALE_POINTS},
                      question=question, field=field)
        return
    for lang in languages:
        given = (labels or {}).get(lang)
        if given is None:
            yield Problem("qset.missing_translation", {"language": lang}, question=question,
                          field=field)
        elif len(given) != points or not all(label.strip() for label in given):
            yield Problem("qset.scale_labels_count", {"language": lang, "points": points,
                          "given": len(given)}, question=question, field=field)


class NumberType(QuestionType):
    name = "number"
    takes = frozenset({BOUNDS})
    ops: ClassVar[tuple[str, ...]] = ORDER_OPS

    def check_fields(self, q: QuestionFields, languages: Sequence[str]) -> Iterator[Problem]:
        if q.min is not None and q.max is not None and q.min >= q.max:
            yield self.problem("qset.min_not_below_max", q, "min", min=q.min, max=q.max)

    def possible(self, values: Values, op: str, value: Any) -> bool:
        return is_number(value) and _within(value, values.minimum, values.maximum)

    def shown(self, values: Values) -> list[str]:
        low = "" if values.minimum is None else show_value(values.minimum)
        high = "" if values.maximum is None else show_value(values.maximum)
        return [f"{low}–{high}" if (low or high) else "number"]

    def accepts(self, q: QuestionFields, value: Any) -> bool:
        return is_number(value) and math.isfinite(value) and _within(value, q.min, q.max)

    def normalise(self, q: QuestionFields, value: Any) -> Any:
        return int(value) if isinstance(value, float) and value.is_integer() else value

    def allowed(self, q: QuestionFields, lang: str, in_file: bool) -> str:
        return t("engine.values.number", lang, min=_written(q.min, "−∞"),
                 max=_written(q.max, "∞"))

    def parse(self, q: QuestionFields, text: str, lang: str) -> Any:
        cleaned = text.replace(" ", "").replace(",", ".")
        try:
            number = float(cleaned)
        except ValueError:
            raise self.refuse(q, text, lang) from None
        return int(number) if number.is_integer() else number

    def data(self, q: QuestionFields) -> dict[str, Any]:
        return {"min": as_written(q.min), "max": as_written(q.max)}

    def listing(self, q: QuestionFields, lang: str) -> list[str]:
        if q.min is None and q.max is None:
            return []
        return ["   " + t("questions.show.bounds", lang, min=as_written(q.min) or "",
                          max=as_written(q.max) or "")]


class ScaleType(NumberType):
    name = "scale"
    takes = frozenset({POINTS, BOUNDS})
    scored = True

    def check_fields(self, q: QuestionFields, languages: Sequence[str]) -> Iterator[Problem]:
        if q.min is None or q.max is None:
            yield self.problem("qset.scale_without_points", q, "scale")
            return
        yield from check_scale_labels(q.id, "labels", q.min, q.max, q.labels, languages)
        if q.min != int(q.min) or q.max != int(q.max):
            yield self.problem("qset.scale_not_whole", q, "min")

    def possible(self, values: Values, op: str, value: Any) -> bool:
        if is_number(value) and op in ("equals", "in") and not _whole(value):
            return False
        return super().possible(values, op, value)

    def accepts(self, q: QuestionFields, value: Any) -> bool:
        return super().accepts(q, value) and _whole(value)

    def allowed(self, q: QuestionFields, lang: str, in_file: bool) -> str:
        return f"{int(q.min or 0)}–{int(q.max or 0)}"

    def parse(self, q: QuestionFields, text: str, lang: str) -> Any:
        found = self.by_number(q, text, lang)
        return found if found is not None else super().parse(q, text, lang)

    def entries(self, q: QuestionFields, lang: str) -> list[tuple[int, str, Any]]:
        labels = point_labels(q, lang)
        return [(point, labels[i] if i < len(labels) else "", point)
                for i, point in enumerate(points(q))]

    def answer_points(self, q: QuestionFields, value: Any) -> Fraction | None:
        low, high = Fraction(q.min or 0), Fraction(q.max or 0)
        return (Fraction(value) - low) / (high - low)

    def scored_answers(self, q: QuestionFields) -> list[Any]:
        return list(points(q))

    def word(self, q: QuestionFields, value: Any, lang: str) -> str:
        label = point_label(q, value, lang)
        return f"{label} ({value})" if label else str(value)

    def explained(self, q: QuestionFields, value: Any, lang: str) -> str:
        return f"{value} ({point_label(q, value, lang) or value})"

    def data(self, q: QuestionFields) -> dict[str, Any]:
        data = super().data(q)
        if q.labels:
            data["labels"] = {lang: list(labels) for lang, labels in q.labels.items()}
        return data

    def listing(self, q: QuestionFields, lang: str) -> list[str]:
        return [f"   {number} = {label}" for number, label, _ in self.entries(q, lang)]


def points(q: QuestionFields) -> list[int]:
    """The points of a scale question, lowest first."""
    if q.min is None or q.max is None:
        return []
    return list(range(int(q.min), int(q.max) + 1))


def point_labels(q: QuestionFields, lang: str) -> list[str]:
    """The labels of a scale's points in `lang`, else in the set's first language."""
    labels = q.labels or {}
    return labels.get(lang) or next(iter(labels.values()), [])


def point_label(q: QuestionFields, value: Any, lang: str) -> str:
    """The label of one point of a scale ("" for a point it has no label for)."""
    labels = point_labels(q, lang)
    index = int(value) - int(q.min or 0)
    return labels[index] if 0 <= index < len(labels) else ""


def _within(value: Any, low: float | None, high: float | None) -> bool:
    return (low is None or value >= low) and (high is None or value <= high)


def _whole(value: int | float) -> bool:
    return isinstance(value, int) or value.is_integer()


def _written(value: float | None, missing: str) -> str:
    return missing if value is None else str(as_written(value))
