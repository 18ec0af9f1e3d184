"""Answer values: checking them, reading them from typed text, and saying them in words.

A stored answer is JSON-ready: a choice is an option key, multi a list of keys, scale an integer,
yesno true/false, number an int or float, text a string; "unknown" where the question allows
"weet niet / n.v.t.". Every refusal is an AnswerError whose message names the allowed values in
the user's language. What each type accepts, reads and says is the type's own
(`clustercli.questionset.types`); these are the engine's names for it.
"""

from __future__ import annotations

from typing import Any

from clustercli.questionset.model import Question
from clustercli.questionset.types import AnswerError

__all__ = ["AnswerError", "allowed_text", "check", "label", "parse_typed"]


def allowed_text(q: Question, lang: str, in_file: bool = False) -> str:
    """The allowed values, for messages: keys, ranges, ja/nee (true/false in a file)."""
    return q.kind.allowed_text(q, lang, in_file)


def check(q: Question, value: Any, lang: str, in_file: bool = False) -> Any:
    """`value` as stored, or AnswerError. Numbers that are whole become ints."""
    return q.kind.check_answer(q, value, lang, in_file)


def parse_typed(q: Question, raw: str, lang: str) -> Any:
    """Read what a user typed in plain mode: an option number or key, ja/nee, a number..."""
    return q.kind.read(q, raw, lang)


def label(q: Question, value: Any, lang: str) -> str:
    """An answer in words, as the user saw it: "Eens (4)", "Ja", "ICT, Bouw"."""
    return q.kind.label(q, value, lang)
