"""The terminal interview: what the driver asks, shown as questionary prompts.

`TerminalUI` implements the driver's `UserInterface`. It only shows and reads; the driver decides
what comes next. Everything runs in the prompt_toolkit session it is given (the user's terminal
even when stdout is redirected, or a pipe in the tests), or the current one.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

import questionary
from prompt_toolkit import print_formatted_text
from prompt_toolkit.application import create_app_session, get_app_session
from prompt_toolkit.formatted_text import FormattedText, StyleAndTextTuples
from prompt_toolkit.input import Input
from prompt_toolkit.output import Output, create_output

from clustercli.engine.driver import Ask, Change, Give, ReviewSection, Special
from clustercli.i18n import pick, t
from clustercli.prompts import keys, widgets
from clustercli.questionset.model import Question

LIST_TYPES = ("choice", "scale", "yesno", "multi")


class TerminalUI:
    def __init__(self, input: Input | None = None, output: Output | None = None) -> None:
        self._input = input
        self._output = output

    @contextmanager
    def _session(self) -> Iterator[None]:
        if self._input is None and self._output is None:
            yield
            return
        with create_app_session(input=self._input, output=self._output):
            yield

    def notice(self, text: str) -> None:
        with self._session():
            print_formatted_text(FormattedText([("", text)]))

    def ask(self, ask: Ask) -> Give | Special:
        q, lang = ask.question, ask.lang
        offered = keys.offer(back=ask.can_go_back, help=bool(q.help), note=ask.notes,
                             in_list=q.type in LIST_TYPES)
        above: StyleAndTextTuples = [("class:progress", t(
            "prompts.progress", lang, number=ask.progress.number, total=ask.progress.total,
            section=ask.section))]
        if ask.note:
            above.append(("", "\n" + t("prompts.current_note", lang, note=ask.note)))
        with self._session():
            question = _build(q, lang, ask.suggestion)
            keys.bind(question.application, offered)
            widgets.frame(question, above, keys.hint(offered, lang))
            result = question.unsafe_ask()
        if isinstance(result, Special):
            return result
        if q.type == "multi":
            return Give(widgets.multi_value(result))
        if q.type in ("number", "text"):
            return Give(widgets.typed_value(q, result, lang))
        return Give(result)

    def ask_note(self, question: Question, current: str | None, lang: str) -> str | None:
        with self._session():
            prompt = questionary.text(t("prompts.note_prompt", lang), default=current or "",
                                      style=widgets.STYLE)
            keys.bind(prompt.application, keys.Offer((), in_list=False))
            typed = prompt.unsafe_ask()
        return typed.strip() or None

    def review(self, sections: list[ReviewSection], lang: str) -> Change | Special:
        """Two levels, so that no list is taller than the terminal: first the parts (each
        dimension, split into pages if it is long), then the answers of the part chosen."""
        pages = _pages(sections, lang, self._rows() - 6)
        pointed: Any = Special.FINISH
        while True:
            choices = [questionary.Choice(title, value=index)
                       for index, (title, _) in enumerate(pages)]
            choices.append(questionary.Choice(t("prompts.review_finish", lang),
                                              value=Special.FINISH))
            picked = self._pick(t("prompts.review_title", lang), choices, pointed,
                                t("prompts.review_instruction", lang), lang)
            if isinstance(picked, Special):
                return picked
            pointed = picked
            title, items = pages[picked]
            width = self._columns() - 6
            choices = [questionary.Choice(_fit(f"{pick(item.question.text, lang)} — "
                                               f"{item.answer}"
                                               + (" ✎" if item.note else ""), width),
                                          value=Change(item.question.id)) for item in items]
            choices.append(questionary.Choice(t("prompts.review_to_overview", lang),
                                              value=Special.BACK))
            chosen = self._pick(title, choices, None, t("prompts.review_pick", lang), lang)
            if chosen is not Special.BACK:
                return chosen

    def _pick(self, message: str, choices: list[questionary.Choice], pointed: Any,
              instruction: str, lang: str) -> Any:
        offered = keys.offer(back=True, help=False, note=False, in_list=True)
        with self._session():
            question = widgets.select(message, choices, pointed, instruction)
            keys.bind(question.application, offered)
            widgets.frame(question, None, keys.hint(offered, lang))
            return question.unsafe_ask()

    def _rows(self) -> int:
        with self._session():
            return get_app_session().output.get_size().rows

    def _columns(self) -> int:
        with self._session():
            return get_app_session().output.get_size().columns


def _build(q: Question, lang: str, suggestion: Any) -> questionary.Question:
    message = pick(q.text, lang)
    if q.type == "yesno":
        return widgets.yes_no(q, lang, message, suggestion)
    if q.type == "multi":
        return widgets.checkbox(q, lang, message, suggestion)
    if q.type in ("number", "text"):
        return widgets.typed(q, lang, message, suggestion)
    options = widgets.scale_choices(q, lang) if q.type == "scale" else \
        widgets.option_choices(q, lang)
    return widgets.select(message, widgets.with_unknown(q, lang, options), suggestion,
                          t("prompts.list_instruction", lang))


def _pages(sections: list[ReviewSection], lang: str,
           height: int) -> list[tuple[str, tuple[Any, ...]]]:
    """(title, items) per part of the review; a long dimension becomes several pages."""
    size = max(3, height)
    pages = []
    for section in sections:
        chunks = [section.items[i:i + size] for i in range(0, len(section.items), size)]
        for number, chunk in enumerate(chunks, 1):
            title = t("prompts.review_part", lang, title=section.title, count=len(chunk))
            if len(chunks) > 1:
                title = t("prompts.review_page", lang, title=section.title, page=number,
                          pages=len(chunks), count=len(chunk))
            pages.append((title, chunk))
    return pages


def _fit(text: str, width: int) -> str:
    """One line per answer: a list taller than it looks would push the top off the screen."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[:max(1, width - 1)] + "…"


def on_terminal(stream: TextIO) -> TerminalUI:
    """The interface drawing on `stream`: stdout, or the terminal itself when stdout is
    redirected (then prompt_toolkit would otherwise draw plain text into the file)."""
    if stream is sys.stdout:
        return TerminalUI()
    return TerminalUI(output=create_output(stdout=stream))
