"""The question types, each one object (`QuestionType`), found by name in one registry.

    base.py     what a type is, and the rules every type shares ("unknown", left open)
    fields.py   a question as a type sees it, and the fields only some types take
    choice.py   choice and multi: answered from a list of options
    numbers.py  scale and number
    yesno.py    yes or no
    text.py     the user's own words

A new type is a subclass of `QuestionType` registered here (or by a test, with `register`);
the loader, the checks, conditions, answers files, plain mode, the listings, scoring (a scored
type), the report and the exports then know it. Only the terminal prompts keep a table from type
to widget (a type not in it gets a text prompt), and plain mode one of typing hints.
"""

from __future__ import annotations

from collections.abc import Iterable

from clustercli.questionset.types.base import AnswerError, QuestionType, Values, as_written
from clustercli.questionset.types.choice import ChoiceType, MultiType
from clustercli.questionset.types.fields import BOUNDS, OPTIONS, POINTS, QuestionFields
from clustercli.questionset.types.numbers import (
    MAX_SCALE_POINTS,
    NumberType,
    ScaleType,
    check_scale_labels,
    points,
)
from clustercli.questionset.types.text import TextType
from clustercli.questionset.types.yesno import YesNoType

TYPES: dict[str, QuestionType] = {}


def register(kind: QuestionType) -> QuestionType:
    """Make a type known by its name (a later one of the same name replaces it)."""
    TYPES[kind.name] = kind
    return kind


def named(name: str) -> QuestionType:
    """The type called `name`; KeyError for a name no type has."""
    return TYPES[name]


def domain_of(name: str, keys: Iterable[str] = (), minimum: float | None = None,
              maximum: float | None = None, allow_unknown: bool = False) -> Values:
    """The values of an answer of type `name` with these keys or bounds, without a question
    (the routing rules declare the answers they read this way)."""
    return Values(TYPES[name], tuple(keys), minimum, maximum, allow_unknown)


def allowed_names() -> str:
    """The type names, as a message lists them: 'choice', 'multi' or 'text'."""
    names = [f"'{name}'" for name in TYPES]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


for _kind in (ChoiceType(), MultiType(), ScaleType(), YesNoType(), NumberType(), TextType()):
    register(_kind)

__all__ = [
    "BOUNDS", "MAX_SCALE_POINTS", "OPTIONS", "POINTS", "TYPES", "AnswerError", "ChoiceType",
    "MultiType", "NumberType", "QuestionFields", "QuestionType", "ScaleType", "TextType",
    "Values", "YesNoType", "allowed_names", "as_written", "check_scale_labels", "domain_of",
    "named", "points", "register",
]
