"""Questions answered from a list of options: one (choice) or several (multi).

An answer is an option key (choice) or a list of distinct keys (multi); typed, an option is its
number, its key or its label. A scored choice question gives every option a score (1-5): its
points run from 0 (score 1) to 1 (score 5). Several options (multi) are not scored.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from fractions import Fraction
from typing import Any, ClassVar

from clustercli.errors import Problem
from clustercli.i18n import pick, t
from clustercli.questionset.types.base import QuestionType, Values
from clustercli.questionset.types.fields import OPTIONS, QuestionFields


class ChoiceType(QuestionType):
    name = "choice"
    takes = frozenset({OPTIONS})
    scored = True

    def check_fields(self, q: QuestionFields, languages: Sequence[str]) -> Iterator[Problem]:
        if not q.options or len(q.options) < 2:
            yield self.problem("qset.too_few_options", q, "options")

    def check_scoring(self, q: QuestionFields) -> Iterator[Problem]:
        if any(option.score is None for option in q.options or ()):
            yield self.problem("qset.option_without_score", q, "options")

    def possible(self, values: Values, op: str, value: Any) -> bool:
        return isinstance(value, str) and value in values.keys

    def shown(self, values: Values) -> list[str]:
        return list(values.keys)

    def accepts(self, q: QuestionFields, value: Any) -> bool:
        return isinstance(value, str) and value in q.option_keys

    def parse(self, q: QuestionFields, text: str, lang: str) -> Any:
        return self.option_typed(q, text, lang)

    def option_typed(self, q: QuestionFields, text: str, lang: str) -> Any:
        """An option typed as its number, key or label ("weet niet" by its number too)."""
        found = self.by_number(q, text, lang)
        if found is not None:
            return found
        lowered = text.lower()
        for option in q.options or ():
            if lowered in (option.key, pick(option.label, lang).lower()):
                return option.key
        raise self.refuse(q, text, lang, t("engine.values.numbers_or_keys", lang,
                                           count=len(q.option_keys),
                                           keys=self.allowed_text(q, lang)))

    def entries(self, q: QuestionFields, lang: str) -> list[tuple[int, str, Any]]:
        return [(number, pick(option.label, lang), option.key)
                for number, option in enumerate(q.options or (), 1)]

    def answer_points(self, q: QuestionFields, value: Any) -> Fraction | None:
        option = q.option(value)
        if option is None or option.score is None:
            return None
        return (Fraction(option.score) - 1) / 4

    def scored_answers(self, q: QuestionFields) -> list[Any]:
        return list(q.option_keys)

    def word(self, q: QuestionFields, value: Any, lang: str) -> str:
        option = q.option(value)
        return pick(option.label, lang) if option else str(value)

    def data(self, q: QuestionFields) -> dict[str, Any]:
        return {"options": [{"key": o.key, "label": dict(o.label),
                             **({"score": o.score} if o.score is not None else {})}
                            for o in q.options or ()]}

    def listing(self, q: QuestionFields, lang: str) -> list[str]:
        return [f"   - {pick(option.label, lang)} [{option.key}]" for option in q.options or ()]


class MultiType(ChoiceType):
    name = "multi"
    ops: ClassVar[tuple[str, ...]] = ("includes",)
    scored = False
    left_open: ClassVar[Any] = []

    def accepts(self, q: QuestionFields, value: Any) -> bool:
        return (isinstance(value, list) and all(isinstance(v, str) for v in value)
                and set(value) <= set(q.option_keys) and len(set(value)) == len(value)
                and (bool(value) or not q.required))

    def parse(self, q: QuestionFields, text: str, lang: str) -> Any:
        parts = [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
        return list(dict.fromkeys(self.option_typed(q, part, lang) for part in parts))

    # not scored: a choice's option scores do not add up over several options
    def answer_points(self, q: QuestionFields, value: Any) -> Fraction | None:
        return None

    def scored_answers(self, q: QuestionFields) -> list[Any]:
        return []

    def word(self, q: QuestionFields, value: Any, lang: str) -> str:
        if not value:
            return t("engine.values.none_chosen", lang)
        one = super().word
        return ", ".join(one(q, key, lang) for key in value)
