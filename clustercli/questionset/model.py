"""The question-set model: what a set is, once loaded and checked.

Plain frozen dataclasses, built from checked data (`QuestionSet.from_data`) and written back to it
(`to_data`); the checking is the loader's (`schema.py` the shape, `checks.py` the meaning). After
loading, a scale question always carries its own `min`, `max` and `labels` (a set-level `scales:`
entry is resolved), `when` is a parsed condition, and `rules` are the set's rules or None.

What differs between types of question is the type's (`Question.kind`, from
`clustercli.questionset.types`): the model only holds the fields.

The canonical JSON of a set (`canonical_json`: every field spelled out, keys sorted, no spaces)
is what the data folder keeps of it and what its content hash is taken of; stored records name
their set by that hash, so the form never changes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from clustercli import conditions
from clustercli.questionset import types
from clustercli.questionset.rules import Rules

SLUG_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
LocalText = dict[str, str]
STUDY_FINDINGS = tuple(f"F{n}" for n in range(1, 13))
OTHER_BASES = ("profile", "organisations", "design")
KNOWN_SOURCES = STUDY_FINDINGS + OTHER_BASES


@dataclass(frozen=True)
class Option:
    key: str
    label: LocalText
    score: float | None = None


@dataclass(frozen=True)
class ScaleDefinition:
    min: int
    max: int
    labels: dict[str, list[str]]


@dataclass(frozen=True)
class Dimension:
    id: str
    title: LocalText
    description: LocalText | None = None
    source: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Question:
    id: str
    type: str  # the name of its type: `kind` is the type itself
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
    when: conditions.Condition | None = None
    dimension: str | None = None
    weight: float = 1.0
    reverse: bool = False
    source: list[str] = field(default_factory=list)

    @property
    def kind(self) -> types.QuestionType:
        return types.named(self.type)

    @property
    def scored(self) -> bool:
        return self.dimension is not None

    @property
    def option_keys(self) -> tuple[str, ...]:
        return tuple(option.key for option in self.options or ())

    def option(self, key: str) -> Option | None:
        return next((o for o in self.options or () if o.key == key), None)

    def domain(self) -> conditions.Domain:
        """The values this question can take, for checking conditions and answers."""
        return self.kind.values(self)

    def scale_points(self) -> list[int]:
        return types.points(self) if types.POINTS in self.kind.takes else []

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Question:
        options = data.get("options")
        when = data.get("when")
        return cls(
            id=data["id"], type=data["type"], text=data["text"], help=data.get("help"),
            options=None if options is None else [
                Option(o["key"], o["label"], _float(o.get("score"))) for o in options],
            scale=data.get("scale"), min=_float(data.get("min")), max=_float(data.get("max")),
            labels=data.get("labels"), allow_unknown=data.get("allow_unknown", False),
            required=data.get("required", True), default=data.get("default"),
            when=None if when is None else conditions.parse(when),
            dimension=data.get("dimension"), weight=float(data.get("weight", 1.0)),
            reverse=data.get("reverse", False), source=list(data.get("source") or ()))

    def to_data(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "text": self.text, "help": self.help,
            "options": None if self.options is None else [
                {"key": o.key, "label": o.label, "score": _float(o.score)}
                for o in self.options],
            "scale": self.scale, "min": _float(self.min), "max": _float(self.max),
            "labels": self.labels, "allow_unknown": self.allow_unknown,
            "required": self.required, "default": self.default,
            "when": None if self.when is None else conditions.to_data(self.when),
            "dimension": self.dimension, "weight": float(self.weight),
            "reverse": self.reverse, "source": self.source,
        }


@dataclass(frozen=True)
class QuestionSet:
    id: str
    version: str
    languages: list[str]
    title: LocalText
    description: LocalText | None = None
    scales: dict[str, ScaleDefinition] = field(default_factory=dict)
    dimensions: list[Dimension] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    # The set's rules, from the rules file beside the set (never from the set file itself).
    rules: Rules | None = None
    # Lookups, made once (not init fields: `dataclasses.replace` makes a copy without them).
    _by_id: dict[str, Question] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {q.id: q for q in self.questions})

    @property
    def by_id(self) -> dict[str, Question]:
        return dict(self._by_id)

    @property
    def dimension_by_id(self) -> dict[str, Dimension]:
        return {d.id: d for d in self.dimensions}

    def question(self, question_id: str) -> Question:
        return self._by_id[question_id]

    def scored_questions(self, dimension_id: str) -> list[Question]:
        return [q for q in self.questions if q.dimension == dimension_id]

    def applies(self, question: Question, answers: dict[str, Any]) -> bool:
        return question.when is None or conditions.evaluate(question.when, answers)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> QuestionSet:
        """The set from checked data: a checked file, or the canonical JSON of a checked set.
        Fields left out take their defaults; nothing is checked here."""
        rules = data.get("rules")
        return cls(
            id=data["id"], version=data["version"], languages=list(data["languages"]),
            title=data["title"], description=data.get("description"),
            scales={name: ScaleDefinition(s["min"], s["max"], s["labels"])
                    for name, s in (data.get("scales") or {}).items()},
            dimensions=[Dimension(d["id"], d["title"], d.get("description"),
                                  list(d.get("source") or ()))
                        for d in data.get("dimensions") or ()],
            questions=[Question.from_data(q) for q in data.get("questions") or ()],
            rules=None if rules is None else Rules.from_data(rules))

    def to_data(self) -> dict[str, Any]:
        """Every field spelled out (the canonical form); `rules` only where the set has them,
        so that a set without rules keeps the hash it always had."""
        data: dict[str, Any] = {
            "id": self.id, "version": self.version, "languages": self.languages,
            "title": self.title, "description": self.description,
            "scales": {name: {"min": s.min, "max": s.max, "labels": s.labels}
                       for name, s in self.scales.items()},
            "dimensions": [{"id": d.id, "title": d.title, "description": d.description,
                            "source": d.source} for d in self.dimensions],
            "questions": [q.to_data() for q in self.questions],
        }
        if self.rules is not None:
            data["rules"] = self.rules.to_data()
        return data


def possible_value(question: Question, value: Any) -> bool:
    """Whether `value` is a valid stored answer to `question` (the answers-file form).
    An optional question may be skipped: "" (text), [] (multi), or None (the other types)."""
    return question.kind.possible_answer(question, value)


def canonical_json(qset: QuestionSet) -> str:
    """A stable text form of the set: what is stored and what the content hash is taken of."""
    return json.dumps(qset.to_data(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(qset: QuestionSet) -> str:
    return hashlib.sha256(canonical_json(qset).encode("utf-8")).hexdigest()


def _float(value: float | None) -> float | None:
    return None if value is None else float(value)
