"""Questions answered in the user's own words: any text (left open: "")."""

from __future__ import annotations

from typing import Any, ClassVar

from clustercli.i18n import t
from clustercli.questionset.types.base import QuestionType, Values
from clustercli.questionset.types.fields import QuestionFields


class TextType(QuestionType):
    name = "text"
    may_be_unknown = False
    left_open: ClassVar[Any] = ""

    def possible(self, values: Values, op: str, value: Any) -> bool:
        return isinstance(value, str)

    def shown(self, values: Values) -> list[str]:
        return ["text"]

    def accepts(self, q: QuestionFields, value: Any) -> bool:
        return isinstance(value, str) and (bool(value.strip()) or not q.required)

    def allowed(self, q: QuestionFields, lang: str, in_file: bool) -> str:
        return t("engine.values.text", lang)

    def word(self, q: QuestionFields, value: Any, lang: str) -> str:
        return value if value else t("engine.values.empty", lang)
