"""Answering a list by a key: the number in front of an answer picks it, and one letter picks
"weet niet / n.v.t." (its first letter: w in Dutch, d in English).

On a scale (" 1  Helemaal oneens" ... " 5  Helemaal eens") typing 4 answers "Eens" at once, as
j and n answer a yes/no question; in a short choice list (at most nine answers, numbered the
same way) the number picks that answer; in a checkbox list it ticks or unticks it. A list whose
numbers are not single keys (a scale of 0–10, the 24 sectors) has none: the arrows go on working
everywhere. The hint line under the question says which keys there are (`hint`).
"""

from __future__ import annotations

from dataclasses import dataclass

import questionary
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent, merge_key_bindings
from prompt_toolkit.key_binding.key_bindings import KeyHandlerCallable
from questionary.prompts.common import InquirerControl

from clustercli.conditions import UNKNOWN
from clustercli.engine import values
from clustercli.i18n import t
from clustercli.questionset.model import Question

MOST_NUMBERED = 9  # a choice list is numbered (and its numbers are keys) up to this many


@dataclass(frozen=True)
class Keys:
    """Which key picks which entry of a list (by its place), and how the hint says it."""

    by_key: dict[str, int]
    numbers: tuple[str, ...]  # the number keys, in order ("1" ... "5")
    unknown: str | None  # the letter of "weet niet", if the list has it
    ticks: bool  # a checkbox: the key ticks rather than answers


def numbered(count: int) -> bool:
    return count <= MOST_NUMBERED


def unknown_key(q: Question, lang: str) -> str | None:
    """The letter that answers "weet niet / n.v.t.", where the question allows it."""
    if not q.allow_unknown:
        return None
    return values.label(q, UNKNOWN, lang)[:1].lower() or None


def for_list(q: Question, lang: str, numbers: list[str], entries: int,
             ticks: bool = False) -> Keys:
    """The keys of a list of `entries` answers (then "weet niet", where allowed) whose first
    ones carry `numbers` (as shown in front of them); no number keys when a number is not one
    key, or two entries share one."""
    by_key: dict[str, int] = {}
    if numbers and all(len(number) == 1 for number in numbers) and \
            len(set(numbers)) == len(numbers):
        by_key = {number: index for index, number in enumerate(numbers)}
    else:
        numbers = []
    letter = unknown_key(q, lang)
    if letter is not None and letter not in by_key:
        by_key[letter] = entries  # "weet niet" comes right after the answers
    else:
        letter = None
    return Keys(by_key, tuple(numbers), letter, ticks)


def bind(question: questionary.Question, keys: Keys) -> None:
    """Add the keys to the prompt: answer (or tick) the entry at their place."""
    if not keys.by_key:
        return
    bindings = KeyBindings()
    for key, index in keys.by_key.items():
        bindings.add(key, eager=True)(_tick_at(index) if keys.ticks else answer_at(index))
    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), bindings])


def hint(keys: Keys, lang: str) -> list[str]:
    """The hint line's words for these keys: "1–5 kiezen", "w weet niet"."""
    parts = []
    if keys.numbers:
        span = keys.numbers[0] if len(keys.numbers) == 1 else \
            f"{keys.numbers[0]}–{keys.numbers[-1]}"
        parts.append(t("prompts.keys_tick" if keys.ticks else "prompts.keys_pick", lang,
                       keys=span))
    if keys.unknown:
        parts.append(t("prompts.keys_unknown", lang, key=keys.unknown))
    return parts


def _inquirer(event: KeyPressEvent) -> InquirerControl:
    control = next((w.content for w in event.app.layout.find_all_windows()
                    if isinstance(w.content, InquirerControl)), None)
    assert control is not None  # a list prompt always has its list
    return control


def answer_at(index: int) -> KeyHandlerCallable:
    def handler(event: KeyPressEvent) -> None:
        control = _inquirer(event)
        control.pointed_at = index
        control.is_answered = True  # so the finished prompt shows the answer, as Enter would
        event.app.exit(result=control.get_pointed_at().value)

    return handler


def _tick_at(index: int) -> KeyHandlerCallable:
    def handler(event: KeyPressEvent) -> None:
        control = _inquirer(event)
        control.pointed_at = index
        value = control.get_pointed_at().value
        if value in control.selected_options:
            control.selected_options.remove(value)
        else:
            control.selected_options.append(value)

    return handler
