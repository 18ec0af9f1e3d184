"""Questions answered yes or no: true or false, typed as ja/nee (yes/no) or 1/2."""

from __future__ import annotations

from typing import Any

from clustercli.i18n import t
from clustercli.questionset.types.base import QuestionType, Values
from clustercli.questionset.types.fields import QuestionFields

YES_WORDS = {"ja", "j", "yes", "y", "true"}
NO_WORDS = {"nee", "n", "no", "false"}


class YesNoType(QuestionType):
    name = "yesno"

    def possible(self, values: Values, op: str, value: Any) -> bool:
        return isinstance(value, bool)

    def shown(self, values: Values) -> list[str]:
        return ["true", "false"]

    def accepts(self, q: QuestionFields, value: Any) -> bool:
        return isinstance(value, bool)

    def allowed(self, q: QuestionFields, lang: str, in_file: bool) -> str:
        return "true, false" if in_file else t("engine.values.yesno", lang)

    def parse(self, q: QuestionFields, text: str, lang: str) -> Any:
        found = self.by_number(q, text, lang)
        if found is not None:
            return found
        word = text.lower()
        if word in YES_WORDS:
            return True
        if word in NO_WORDS:
            return False
        raise self.refuse(q, text, lang)

    def entries(self, q: QuestionFields, lang: str) -> list[tuple[int, str, Any]]:
        return [(1, t("engine.values.yes", lang), True), (2, t("engine.values.no", lang), False)]

    def word(self, q: QuestionFields, value: Any, lang: str) -> str:
        return t("engine.values.yes" if value else "engine.values.no", lang)
