"""The terms of the condition language: what a parsed condition is made of."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

QUESTION_OPS = ("equals", "in", "includes", "at_least", "at_most")
DIMENSION_OPS = ("band", "at_least", "at_most")
COUNT_OPS = ("at_least", "at_most")
# The bands a dimension can fall in; "insufficient" when too few of its items were answered.
BANDS = ("sterk", "aandachtspunt", "knelpunt", "insufficient")
UNKNOWN = "unknown"


def show_value(value: Any) -> str:
    """A value as a question-set author writes it: true or false for yes or no."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class ConditionError(ValueError):
    """A condition that cannot be parsed; `path` says where inside the condition."""

    def __init__(self, key: str, path: str, **params: Any) -> None:
        super().__init__(f"{path}: {key} {params}")
        self.key = key
        self.path = path
        self.params = params


@dataclass(frozen=True)
class QuestionTerm:
    question: str
    op: str
    value: Any


@dataclass(frozen=True)
class Answered:
    question: str


@dataclass(frozen=True)
class DimensionTerm:
    dimension: str
    op: str
    value: Any


@dataclass(frozen=True)
class BandCount:
    band: str
    op: str
    value: int


@dataclass(frozen=True)
class All:
    items: tuple[Condition, ...]


@dataclass(frozen=True)
class AnyOf:
    items: tuple[Condition, ...]


@dataclass(frozen=True)
class Not:
    item: Condition


Condition = QuestionTerm | Answered | DimensionTerm | BandCount | All | AnyOf | Not


