"""Answer values: checking them, reading them from typed text, and saying them in words.

A stored answer is JSON-ready: a choice is an option key, multi a list of keys, scale an integer,
yesno true/false, number an int or float, text a string; "unknown" where the question allows
"weet niet / n.v.t.". Every refusal is an AnswerError whose message names the allowed values in
the user's language.
"""

from __future__ import annotations

from typing import Any

from clustercli import formatting
from clustercli.conditions import UNKNOWN
from clustercli.errors import BadInput
from clustercli.i18n import pick, t
from clustercli.questionset.model import Question, possible_value

YES_WORDS = {"ja", "j", "yes", "y", "true"}
NO_WORDS = {"nee", "n", "no", "false"}
UNKNOWN_WORDS = {"?", "weet niet", "unknown", "n.v.t.", "nvt", "don't know"}


class AnswerError(BadInput):
    """A value that is not a possible answer to this question."""


def allowed_text(q: Question, lang: str, in_file: bool = False) -> str:
    """The allowed values, for messages: keys, ranges, ja/nee (true/false in a file)."""
    if q.type in ("choice", "multi"):
        values = ", ".join(q.option_keys)
    elif q.type == "yesno":
        values = "true, false" if in_file else t("engine.values.yesno", lang)
    elif q.type == "scale":
        values = f"{int(q.min)}–{int(q.max)}"
    elif q.type == "number":
        values = t("engine.values.number", lang, min=formatting.number(q.min, "−∞"),
                   max=formatting.number(q.max, "∞"))
    else:
        values = t("engine.values.text", lang)
    if q.allow_unknown:
        values += f", {UNKNOWN}"
    return values


def check(q: Question, value: Any, lang: str, in_file: bool = False) -> Any:
    """`value` as stored, or AnswerError. Numbers that are whole become ints."""
    if isinstance(value, float) and value.is_integer() and q.type in ("scale", "number"):
        value = int(value)
    if not q.required and q.type not in ("text", "multi") and _is_empty(value):
        value = None  # an optional number, choice, scale or yes/no left open
    if not possible_value(q, value):
        key = "engine.values.required" if _is_empty(value) and q.required else \
            "engine.values.invalid"
        raise AnswerError(key, question=q.id, value=_show(value),
                          allowed=allowed_text(q, lang, in_file))
    return value


def _is_empty(value: Any) -> bool:
    return value in ("", []) or (isinstance(value, str) and not value.strip())


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def parse_typed(q: Question, raw: str, lang: str) -> Any:
    """Read what a user typed in plain mode: an option number or key, ja/nee, a number..."""
    text = raw.strip()
    if q.allow_unknown and text.lower() in UNKNOWN_WORDS:
        return UNKNOWN
    if not text and not q.required:  # left open: "" for text, [] for multi, else None
        return check(q, [] if q.type == "multi" else "", lang)
    if q.type == "choice":
        return check(q, _option_by_number_or_key(q, text, lang), lang)
    if q.type == "multi":
        if not text:
            return check(q, [], lang)
        parts = [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
        keys = [_option_by_number_or_key(q, part, lang) for part in parts]
        return check(q, list(dict.fromkeys(keys)), lang)
    if q.type == "yesno":
        word = text.lower()
        if word == "3" and q.allow_unknown:  # plain mode numbers: 1 yes, 2 no, 3 unknown
            return UNKNOWN
        if word in YES_WORDS or word == "1":
            return True
        if word in NO_WORDS or word == "2":
            return False
        raise AnswerError("engine.values.invalid", question=q.id, value=text,
                          allowed=allowed_text(q, lang))
    if q.type in ("scale", "number"):
        return check(q, _number(q, text, lang), lang)
    return check(q, text, lang)


def _option_by_number_or_key(q: Question, text: str, lang: str) -> str:
    keys = q.option_keys
    if text.isdigit() and 1 <= int(text) <= len(keys):
        return keys[int(text) - 1]
    if text.isdigit() and q.allow_unknown and int(text) == len(keys) + 1:
        return UNKNOWN
    lowered = text.lower()
    for option in q.options or ():
        if lowered in (option.key, pick(option.label, lang).lower()):
            return option.key
    raise AnswerError("engine.values.invalid", question=q.id, value=text,
                      allowed=t("engine.values.numbers_or_keys", lang, count=len(keys),
                                keys=allowed_text(q, lang)))


def _number(q: Question, text: str, lang: str) -> int | float:
    if q.type == "scale" and q.allow_unknown and text.isdigit() and q.max is not None \
            and int(text) == int(q.max) + 1:
        return UNKNOWN  # type: ignore[return-value]  # the "weet niet" entry after the scale
    cleaned = text.replace(" ", "").replace(",", ".")
    try:
        number = float(cleaned)
    except ValueError:
        raise AnswerError("engine.values.invalid", question=q.id, value=text,
                          allowed=allowed_text(q, lang)) from None
    return int(number) if number.is_integer() else number


def label(q: Question, value: Any, lang: str) -> str:
    """An answer in words, as the user saw it: "Eens (4)", "Ja", "ICT, Bouw"."""
    if value == UNKNOWN:
        return t("engine.values.unknown_label", lang)
    if value is None:
        return t("engine.values.empty", lang)
    if q.type == "choice":
        option = q.option(value)
        return pick(option.label, lang) if option else str(value)
    if q.type == "multi":
        if not value:
            return t("engine.values.none_chosen", lang)
        return ", ".join(pick(o.label, lang) if (o := q.option(k)) else k for k in value)
    if q.type == "yesno":
        return t("engine.values.yes" if value else "engine.values.no", lang)
    if q.type == "scale":
        labels = (q.labels or {}).get(lang) or []
        index = int(value) - int(q.min or 0)
        word = labels[index] if 0 <= index < len(labels) else ""
        return f"{word} ({value})" if word else str(value)
    if q.type == "text":
        return value if value else t("engine.values.empty", lang)
    return _show(value)
