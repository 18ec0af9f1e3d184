"""The shape of a question-set file and of its rules file, checked by pydantic.

Strict: types, required fields, no unknown fields, `"2"` is not a number and `"yes"` is not a
boolean; a `when` is parsed into a condition (a bad one is a located problem). What types cannot
express is checked after this (`checks.py`, `rule_checks.py`). The loader then builds the set as
the tool holds it (`model.QuestionSet.from_data`) from the shape's data; only the loader imports
this module, so that a run of an unchanged set (cached, `cache.py`) never loads pydantic.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    field_validator,
)
from pydantic_core import PydanticCustomError

from clustercli import conditions
from clustercli.questionset import types
from clustercli.questionset.model import SLUG_PATTERN, LocalText
from clustercli.questionset.rules import DEFAULT_AANDACHTSPUNT, DEFAULT_STERK

Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=64)]

ParsedCondition = Annotated[
    Any,  # a conditions.Condition; pydantic need not know its dataclasses
    BeforeValidator(lambda raw: None if raw is None else conditions.parse(raw)),
    PlainSerializer(lambda cond: conditions.to_data(cond) if cond is not None else None),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Option(_Model):
    key: Slug
    label: LocalText
    score: float | None = Field(default=None, ge=1, le=5)


class ScaleDefinition(_Model):
    min: int
    max: int
    labels: dict[str, list[str]]


class Dimension(_Model):
    id: Slug
    title: LocalText
    description: LocalText | None = None
    source: list[str]


class Question(_Model):
    id: Slug
    type: str  # the name of a registered question type
    text: LocalText
    help: LocalText | None = None
    options: list[Option] | None = None
    scale: str | None = None  # name of a set-level scale; resolved on load
    min: float | None = None
    max: float | None = None
    labels: dict[str, list[str]] | None = None
    allow_unknown: bool = False
    required: bool = True
    default: Any = None
    when: ParsedCondition = None
    dimension: str | None = None
    weight: float = Field(default=1.0, gt=0, le=10)
    reverse: bool = False
    source: list[str]

    @field_validator("type")
    @classmethod
    def _known_type(cls, name: str) -> str:
        if name not in types.TYPES:  # worded as pydantic words a Literal, for schema_errors
            raise PydanticCustomError("literal_error", "Input should be {expected}",
                                      {"expected": types.allowed_names()})
        return name


class QuestionSet(_Model):
    id: Slug
    version: Annotated[str, Field(min_length=1, max_length=40)]
    languages: list[str] = Field(min_length=1)
    title: LocalText
    description: LocalText | None = None
    scales: dict[str, ScaleDefinition] = Field(default_factory=dict)
    dimensions: list[Dimension] = Field(default_factory=list)
    questions: list[Question] = Field(min_length=1)


class Bands(_Model):
    """The lowest score (0-100) of each band; below `aandachtspunt` is knelpunt."""

    sterk: float = Field(default=DEFAULT_STERK, ge=0, le=100)
    aandachtspunt: float = Field(default=DEFAULT_AANDACHTSPUNT, ge=0, le=100)


class Level(_Model):
    id: Slug
    title: LocalText
    meaning: LocalText
    when: ParsedCondition = None
    source: list[str]


class Cap(_Model):
    id: Slug
    when: ParsedCondition
    max_level: Slug
    reason: LocalText
    source: list[str]


class Advice(_Model):
    id: Slug
    when: ParsedCondition = None
    routed: Slug | None = None
    text: LocalText
    source: list[str]
    step: LocalText | None = None
    priority: int | None = Field(default=None, ge=1, le=9)


class Rules(_Model):
    bands: Bands = Field(default_factory=Bands)
    levels: list[Level] = Field(default_factory=list)
    caps: list[Cap] = Field(default_factory=list)
    advice: list[Advice] = Field(default_factory=list)
