"""What a question type is: one object that knows everything that differs between types.

A type knows its own checks (the fields of a question that it takes, and what they must say),
its possible values (a stored answer; the operands a condition may compare it with), how to read
typed text, how to say a value in words, how to describe itself in `questions show`, and (a
scored type) what an answer's points are and how an explanation of a score says it. The
rest of the tool asks the type and never branches on its name; only the edges keep a table from
type to widget (`clustercli.prompts.ui`, and in plain mode the hint line).

A stored answer is JSON-ready. "unknown" is an answer to any question that allows it ("weet niet
/ n.v.t."), and an optional question left open is stored as the type's `left_open` value: None,
or "" (text) or [] (multi). Those two rules are the same for every type and live here.

A type sees a question through `QuestionFields` (fields.py), so this package does not import the
model (`clustercli.questionset.model.Question` has every field, and finds its type here by name).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, ClassVar

from clustercli.conditions import UNKNOWN, show_value
from clustercli.errors import BadInput, Problem
from clustercli.i18n import t
from clustercli.questionset.types.fields import BOUNDS, OPTIONS, POINTS, QuestionFields

UNKNOWN_WORDS = {"?", "weet niet", "unknown", "n.v.t.", "nvt", "don't know"}

class AnswerError(BadInput):
    """A value that is not a possible answer to this question."""


@dataclass(frozen=True)
class Values:
    """The values a question can take, as its type judges them: what conditions check against
    (a `clustercli.conditions.Domain`)."""

    kind: QuestionType
    keys: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    allow_unknown: bool = False

    @property
    def type(self) -> str:
        return self.kind.name

    @property
    def ops(self) -> tuple[str, ...]:
        return self.kind.ops

    def possible(self, op: str, value: Any) -> bool:
        return self.kind.possible(self, op, value)

    def shown(self) -> list[str]:
        return self.kind.shown(self)


class QuestionType(ABC):
    """One type of question. A subclass names itself, says which fields it takes, and
    overrides what its values are; the generic parts (unknown, left open, the order of the
    checks) are here, once."""

    name: ClassVar[str]
    takes: ClassVar[frozenset[str]] = frozenset()  # of OPTIONS, POINTS, BOUNDS
    ops: ClassVar[tuple[str, ...]] = ("equals", "in")  # the condition operators that fit
    scored: ClassVar[bool] = False  # may count towards a dimension's score
    may_be_unknown: ClassVar[bool] = True  # may offer "weet niet / n.v.t."
    left_open: ClassVar[Any] = None  # an optional question's answer when left open

    # --- checks of a question set -------------------------------------------------------

    def check(self, q: QuestionFields, languages: Sequence[str]) -> Iterator[Problem]:
        """What is wrong with the type's fields of `q`: fields of other types, then its own."""
        if OPTIONS not in self.takes and q.options is not None:
            yield self.problem("qset.field_not_for_type", q, "options", type=self.name)
        if POINTS not in self.takes and (q.labels is not None or q.scale is not None):
            yield self.problem("qset.field_not_for_type", q,
                               "labels" if q.labels is not None else "scale", type=self.name)
        if BOUNDS not in self.takes and (q.min is not None or q.max is not None):
            yield self.problem("qset.field_not_for_type", q, "min/max", type=self.name)
        if not self.may_be_unknown and q.allow_unknown:
            yield self.problem("qset.field_not_for_type", q, "allow_unknown", type=self.name)
        yield from self.check_fields(q, languages)

    def check_fields(self, q: QuestionFields, languages: Sequence[str]) -> Iterator[Problem]:
        """The type's own fields (options, points, bounds), when it takes any."""
        return iter(())

    def check_scoring(self, q: QuestionFields) -> Iterator[Problem]:
        """A scored question (it names a dimension) of a scored type: what scoring needs."""
        return iter(())

    @staticmethod
    def problem(key: str, q: QuestionFields, field: str, /, **params: Any) -> Problem:
        return Problem(key, params, question=q.id, field=field)

    # --- possible values -----------------------------------------------------------------

    def values(self, q: QuestionFields) -> Values:
        return Values(self, q.option_keys, q.min, q.max, q.allow_unknown)

    @abstractmethod
    def possible(self, values: Values, op: str, value: Any) -> bool:
        """Whether a condition may compare an answer with `value` by `op` ("unknown" is
        judged by the condition checker itself)."""

    @abstractmethod
    def shown(self, values: Values) -> list[str]:
        """The values as a question-set author writes them: "a, b", "1–5", "true, false"."""

    @abstractmethod
    def accepts(self, q: QuestionFields, value: Any) -> bool:
        """Whether `value` (not None, not "unknown") is a possible stored answer to `q`."""

    def normalise(self, q: QuestionFields, value: Any) -> Any:
        """`value` in its stored form (a whole number as an int, ...), before it is judged."""
        return value

    def possible_answer(self, q: QuestionFields, value: Any) -> bool:
        """Whether `value` is a valid stored answer to `q` (the answers-file form)."""
        if value == UNKNOWN:
            return q.allow_unknown
        if value is None:
            return not q.required and self.left_open is None
        return self.accepts(q, value)

    def check_answer(self, q: QuestionFields, value: Any, lang: str,
                     in_file: bool = False) -> Any:
        """`value` as stored, or AnswerError naming the values allowed."""
        value = self.normalise(q, value)
        if not q.required and self.left_open is None and _is_empty(value):
            value = None  # an optional question left open
        if not self.possible_answer(q, value):
            key = "engine.values.required" if _is_empty(value) and q.required else \
                "engine.values.invalid"
            raise AnswerError(key, question=q.id, value=show_value(value),
                              allowed=self.allowed_text(q, lang, in_file))
        return value

    def allowed(self, q: QuestionFields, lang: str, in_file: bool) -> str:
        """The values allowed, for a message to the user (or about a file)."""
        return ", ".join(self.shown(self.values(q)))

    def allowed_text(self, q: QuestionFields, lang: str, in_file: bool = False) -> str:
        values = self.allowed(q, lang, in_file)
        return f"{values}, {UNKNOWN}" if q.allow_unknown else values

    # --- typed text ----------------------------------------------------------------------

    def read(self, q: QuestionFields, raw: str, lang: str) -> Any:
        """What a user typed (plain mode, a text prompt) as a stored answer, or AnswerError."""
        text = raw.strip()
        if q.allow_unknown and text.lower() in UNKNOWN_WORDS:
            return UNKNOWN
        if not text and not q.required:
            return self.check_answer(q, "" if self.left_open is None else self.left_open, lang)
        return self.check_answer(q, self.parse(q, text, lang), lang)

    def parse(self, q: QuestionFields, text: str, lang: str) -> Any:
        """Typed text (stripped, not empty unless required) as a value to check."""
        return text

    def refuse(self, q: QuestionFields, text: str, lang: str, allowed: str | None = None,
               ) -> AnswerError:
        return AnswerError("engine.values.invalid", question=q.id, value=text,
                           allowed=allowed or self.allowed_text(q, lang))

    def entries(self, q: QuestionFields, lang: str) -> list[tuple[int, str, Any]]:
        """The answers offered by number, as (number, label, value); none for typed types."""
        return []

    def numbered(self, q: QuestionFields, lang: str) -> list[tuple[int, str, Any]]:
        """`entries`, with "weet niet" after the last where the question allows it (its
        number reads back as "unknown")."""
        offered = self.entries(q, lang)
        if offered and q.allow_unknown:
            offered.append((offered[-1][0] + 1, self.label(q, UNKNOWN, lang), UNKNOWN))
        return offered

    def by_number(self, q: QuestionFields, text: str, lang: str) -> Any:
        """The value of a numbered entry typed as its number; None if `text` is none."""
        if text.isdigit():
            for number, _, value in self.numbered(q, lang):
                if number == int(text):
                    return value
        return None

    # --- scoring (a `scored` type) -------------------------------------------------------

    @property
    def ordered(self) -> bool:
        """Whether its answers lie on a line (conditions may say at_least, at_most): what
        would lift a score is then "this or higher", else "one of these"."""
        return "at_least" in self.ops

    def answer_points(self, q: QuestionFields, value: Any) -> Fraction | None:
        """An answer (not None, not "unknown") as points from 0 to 1, before the question's
        `reverse`; None where it does not count."""
        return None

    def scored_answers(self, q: QuestionFields) -> list[Any]:
        """The answers that can score, in the question's order."""
        return []

    def explained(self, q: QuestionFields, value: Any, lang: str) -> str:
        """A scored answer as an explanation of its score says it ("4 (Eens)", an option's
        label)."""
        return self.word(q, value, lang)

    # --- words ---------------------------------------------------------------------------

    def label(self, q: QuestionFields, value: Any, lang: str) -> str:
        """An answer in words, as the user saw it: "Eens (4)", "Ja", "ICT, Bouw"."""
        if value == UNKNOWN:
            return t("engine.values.unknown_label", lang)
        if value is None:
            return t("engine.values.empty", lang)
        return self.word(q, value, lang)

    def word(self, q: QuestionFields, value: Any, lang: str) -> str:
        return show_value(value)

    # --- describing itself ---------------------------------------------------------------

    def data(self, q: QuestionFields) -> dict[str, Any]:
        """The type's fields in the JSON contract of `questions show --format json`."""
        return {}

    def listing(self, q: QuestionFields, lang: str) -> list[str]:
        """The type's lines in the printable listing of `questions show`."""
        return []


def _is_empty(value: Any) -> bool:
    return value in ("", []) or (isinstance(value, str) and not value.strip())


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def as_written(value: float | None) -> int | float | None:
    """A number as a person writes it: 5, not 5.0."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value
