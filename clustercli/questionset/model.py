"""The question-set model: what a set is, once loaded and checked.

pydantic checks the shape (types, required fields, no unknown fields, strict: `"2"` is not a
number and `"yes"` is not a boolean); `validate.py` checks what types cannot express. After
loading, a scale question always carries its own `min`, `max` and `labels` (a set-level `scales:`
entry is resolved), and `when` is a parsed condition.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer

from clustercli import conditions
from clustercli.conditions import UNKNOWN, Domain

SLUG_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=64)]
LocalText = dict[str, str]
QuestionType = Literal["choice", "multi", "scale", "yesno", "number", "text"]
SCORED_TYPES = ("scale", "choice")
STUDY_FINDINGS = tuple(f"F{n}" for n in range(1, 13))
OTHER_BASES = ("profile", "organisations", "design")
KNOWN_SOURCES = STUDY_FINDINGS + OTHER_BASES

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
    type: QuestionType
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

    @property
    def scored(self) -> bool:
        return self.dimension is not None

    @property
    def option_keys(self) -> tuple[str, ...]:
        return tuple(option.key for option in self.options or ())

    def option(self, key: str) -> Option | None:
        return next((o for o in self.options or () if o.key == key), None)

    def domain(self) -> Domain:
        """The values this question can take, for checking conditions and answers."""
        return Domain(self.type, self.option_keys, self.min, self.max, self.allow_unknown)

    def scale_points(self) -> list[int]:
        if self.type != "scale" or self.min is None or self.max is None:
            return []
        return list(range(int(self.min), int(self.max) + 1))


# Lookups are properties, not cached: model_copy() would carry a stale cache into the copy.
class QuestionSet(_Model):
    id: Slug
    version: Annotated[str, Field(min_length=1, max_length=40)]
    languages: list[str] = Field(min_length=1)
    title: LocalText
    description: LocalText | None = None
    scales: dict[str, ScaleDefinition] = Field(default_factory=dict)
    dimensions: list[Dimension] = Field(default_factory=list)
    questions: list[Question] = Field(min_length=1)
    # The set's rules (clustercli.questionset.rules.Rules) or None; attached by the loader from the
    # rules file beside the set, never read from the set file itself.
    rules: Annotated[Any, PlainSerializer(
        lambda rules: None if rules is None else rules.model_dump(mode="json"))] = None

    @property
    def by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    @property
    def dimension_by_id(self) -> dict[str, Dimension]:
        return {d.id: d for d in self.dimensions}

    def question(self, question_id: str) -> Question:
        return self.by_id[question_id]

    def scored_questions(self, dimension_id: str) -> list[Question]:
        return [q for q in self.questions if q.dimension == dimension_id]

    def applies(self, question: Question, answers: dict[str, Any]) -> bool:
        return question.when is None or conditions.evaluate(question.when, answers)


def possible_value(question: Question, value: Any) -> bool:
    """Whether `value` is a valid stored answer to `question` (the answers-file form).
    An optional question may be skipped: "" (text), [] (multi), or None (the other types)."""
    if value == UNKNOWN:
        return question.allow_unknown
    kind = question.type
    if value is None:
        return not question.required and kind not in ("text", "multi")
    if kind == "choice":
        return isinstance(value, str) and value in question.option_keys
    if kind == "multi":
        return (isinstance(value, list) and all(isinstance(v, str) for v in value)
                and set(value) <= set(question.option_keys) and len(set(value)) == len(value)
                and (bool(value) or not question.required))
    if kind == "yesno":
        return isinstance(value, bool)
    if kind == "text":
        return isinstance(value, str) and (bool(value.strip()) or not question.required)
    if not isinstance(value, int | float) or isinstance(value, bool):
        return False
    if kind == "scale" and value != int(value):
        return False
    return ((question.min is None or value >= question.min)
            and (question.max is None or value <= question.max))

