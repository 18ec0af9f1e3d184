"""Whether a condition holds: one evaluator for `when`, levels, advice and routing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from clustercli.conditions.terms import (
    All,
    Answered,
    AnyOf,
    BandCount,
    Condition,
    DimensionTerm,
    Not,
    QuestionTerm,
)


@dataclass(frozen=True)
class DimensionFact:
    """What a condition may read about a dimension: its score (None if insufficient) and band."""

    score: float | None
    band: str


def evaluate(cond: Condition, answers: Mapping[str, Any],
             dimensions: Mapping[str, DimensionFact] | None = None) -> bool:
    """Whether `cond` holds for the active answers (and, for rules, the dimension results)."""
    match cond:
        case All(items):
            return all(evaluate(c, answers, dimensions) for c in items)
        case AnyOf(items):
            return any(evaluate(c, answers, dimensions) for c in items)
        case Not(item):
            return not evaluate(item, answers, dimensions)
        case Answered(question):
            return question in answers
        case QuestionTerm(question, op, expected):
            if question not in answers:
                return False
            return _compare(op, answers[question], expected)
        case DimensionTerm(dimension, op, expected):
            fact = (dimensions or {}).get(dimension)
            if fact is None:
                return False
            if op == "band":
                return fact.band == str(expected)
            return fact.score is not None and _compare(op, fact.score, expected)
        case BandCount(band, op, expected):
            count = sum(1 for fact in (dimensions or {}).values() if fact.band == band)
            return _compare(op, count, expected)
    raise TypeError(cond)


def _same(a: Any, b: Any) -> bool:
    # True == 1 in Python; a yes/no answer must not equal a scale answer of 1.
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return bool(a == b)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _compare(op: str, actual: Any, expected: Any) -> bool:
    if op == "equals":
        return _same(actual, expected)
    if op == "in":
        return any(_same(actual, item) for item in expected)
    if op == "includes":
        return isinstance(actual, list) and expected in actual
    if op == "at_least":
        return _is_number(actual) and actual >= expected
    if op == "at_most":
        return _is_number(actual) and actual <= expected
    raise ValueError(op)


