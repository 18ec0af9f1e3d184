"""The terminal interview: what the driver asks, shown as questionary prompts.

`TerminalUI` implements the driver's `UserInterface`. It only shows and reads; the driver decides
what comes next. Everything runs in the prompt_toolkit session it is given (the user's terminal
even when stdout is redirected, or a pipe in the tests), or the current one.

Help and notes end the prompt (the driver shows the help, asks for the note) and the driver then
asks the same question again with its stored answer; what the user had ticked or typed is kept
here in between and shown instead.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TextIO

import questionary
from prompt_toolkit import print_formatted_text
from prompt_toolkit.application import Application, create_app_session, get_app_session
from prompt_toolkit.formatted_text import FormattedText, StyleAndTextTuples
from prompt_toolkit.input import Input
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent, merge_key_bindings
from prompt_toolkit.output import Output, create_output

from clustercli.engine import values
from clustercli.engine.driver import Ask, Change, Give, ReviewSection, Special
from clustercli.i18n import pick, t
from clustercli.prompts import fitting, keys, picking, review, widgets
from clustercli.questionset.model import Question

REVIEW_KEYS = keys.offer(back=True, help=False, note=False, in_list=True)
NO_ACTIONS = keys.Offer((), in_list=False)  # only what every prompt has: Ctrl-C, Ctrl-D
_CANCELLED = object()  # the note prompt left with Esc


class TerminalUI:
    def __init__(self, input: Input | None = None, output: Output | None = None) -> None:
        self._input = input
        self._output = output
        self._kept: tuple[str, widgets.Draft] | None = None  # (question id, its draft)

    @contextmanager
    def _session(self) -> Iterator[None]:
        if self._input is None and self._output is None:
            yield
            return
        with create_app_session(input=self._input, output=self._output):
            yield

    def notice(self, text: str) -> None:
        with self._session():
            print_formatted_text(FormattedText([("", fitting.wrapped(text))]))

    def ask(self, ask: Ask) -> Give | Special:
        q, lang = ask.question, ask.lang
        widget = widget_for(q)
        offered = keys.offer(back=ask.can_go_back, help=bool(q.help), note=ask.notes,
                             in_list=widget.in_list)
        above: StyleAndTextTuples = [("class:progress", t(
            "prompts.progress", lang, number=ask.progress.number, total=ask.progress.total,
            section=ask.section))]
        if ask.note:
            above.append(("", "\n" + t("prompts.current_note", lang, note=ask.note)))
        kept, self._kept = self._kept, None
        draft = kept[1] if kept is not None and kept[0] == q.id else None
        with self._session():
            question = widget.build(q, lang, pick(q.text, lang), ask.suggestion, draft)
            widgets.say_when_answered(question, pick(q.text, lang),
                                      lambda result: _said(q, widget, result, lang))
            picked = widget.keys(q, lang)
            picking.bind(question, picked)
            keys.bind(question.application, offered)
            widgets.frame(question, above,
                          keys.hint(offered, lang, picking.hint(picked, lang)), lang)
            _once_drawn(question.application, ask.shown)
            result = question.unsafe_ask()
        if isinstance(result, keys.Stopped):
            if result.action in (Special.HELP, Special.NOTE):  # the same question comes back
                self._kept = (q.id, result.draft)
            return result.action
        return Give(widget.read(q, result, lang))

    def ask_note(self, question: Question, current: str | None, lang: str) -> str | None:
        """The note on an answer; Esc leaves it as it was (Ctrl-C still pauses the check)."""
        with self._session():
            message = t("prompts.note_prompt", lang)
            prompt = questionary.text(fitting.message(message, "")[0], default=current or "",
                                      style=widgets.STYLE)
            cancel = KeyBindings()

            @cancel.add("escape", eager=True)
            def _cancel(event: KeyPressEvent) -> None:
                event.app.exit(result=_CANCELLED)

            app = prompt.application
            app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), cancel])
            keys.bind(app, NO_ACTIONS)
            widgets.frame(prompt, None, t("prompts.note_hint", lang), lang)
            typed = prompt.unsafe_ask()
        if typed is _CANCELLED:
            return current
        return typed.strip() or None

    def review(self, sections: list[ReviewSection], lang: str) -> Change | Special:
        """Two levels, so that no list is taller than the terminal: first the parts (each
        dimension, split into pages if it is long), then the answers of the part chosen."""
        with self._session():
            size = get_app_session().output.get_size()
        def pick(message: str, choices: list[questionary.Choice], pointed: Any,
                 instruction: str) -> Any:
            return self._pick(message, choices, pointed, instruction, lang)

        return review.run(pick, sections, lang, size.rows, size.columns,
                          keys.hint(REVIEW_KEYS, lang))

    def _pick(self, message: str, choices: list[questionary.Choice], pointed: Any,
              instruction: str, lang: str) -> Any:
        with self._session():
            question = widgets.select(message, choices, pointed, instruction)
            question.application.erase_when_done = True  # the next page replaces it
            keys.bind(question.application, REVIEW_KEYS)
            widgets.frame(question, None, keys.hint(REVIEW_KEYS, lang), lang)
            result = question.unsafe_ask()
        return result.action if isinstance(result, keys.Stopped) else result


def _said(q: Question, widget: Widget, result: Any, lang: str) -> str:
    """A prompt's result as the answer in words; ValueError for a special action's."""
    if isinstance(result, keys.Stopped):
        raise ValueError(result.action)
    return values.label(q, widget.read(q, result, lang), lang)


def _once_drawn(app: Application[Any], then: Callable[[], None]) -> None:
    """Call `then` once the prompt is first drawn on the screen."""

    def drawn(_: Application[Any]) -> None:
        app.after_render -= drawn
        then()

    app.after_render += drawn


Build = Callable[[Question, str, str, Any, widgets.Draft | None], questionary.Question]


def _no_keys(q: Question, lang: str) -> picking.Keys:
    return picking.Keys({}, (), None, False)


@dataclass(frozen=True)
class Widget:
    """How a question of one type is asked: the prompt (for the question, the language, the
    message, the value to preselect and a draft kept over help or a note), how its result
    becomes the answer given, whether it is a list (the arrow keys move in it), and the keys
    that answer it at once (numbers, the letter of "weet niet")."""

    build: Build
    read: Callable[[Question, Any, str], Any]
    in_list: bool
    keys: Callable[[Question, str], picking.Keys] = _no_keys


def _as_chosen(q: Question, result: Any, lang: str) -> Any:
    return result


def _ticked(q: Question, result: Any, lang: str) -> Any:
    return widgets.multi_value(result)


def _pointed(suggestion: Any, draft: widgets.Draft | None) -> Any:
    return draft.pointed if draft is not None else suggestion


def _options(q: Question, lang: str, message: str, suggestion: Any,
             draft: widgets.Draft | None) -> questionary.Question:
    return widgets.select(message, widgets.with_unknown(q, lang, widgets.option_choices(q, lang)),
                          _pointed(suggestion, draft), t("prompts.list_instruction", lang))


def _points(q: Question, lang: str, message: str, suggestion: Any,
            draft: widgets.Draft | None) -> questionary.Question:
    return widgets.select(message, widgets.with_unknown(q, lang, widgets.scale_choices(q, lang)),
                          _pointed(suggestion, draft), t("prompts.list_instruction", lang))


def _yes_no(q: Question, lang: str, message: str, suggestion: Any,
            draft: widgets.Draft | None) -> questionary.Question:
    return widgets.yes_no(q, lang, message, _pointed(suggestion, draft))


def _free_text(q: Question, lang: str, message: str, suggestion: Any,
               draft: widgets.Draft | None) -> questionary.Question:
    return widgets.typed(q, lang, message, suggestion, draft, show_allowed=False)


# Any other type is typed, and read by the type itself (the allowed values shown beside it).
TYPED = Widget(widgets.typed, widgets.typed_value, in_list=False)
WIDGETS = {
    "choice": Widget(_options, _as_chosen, in_list=True, keys=widgets.option_keys),
    "multi": Widget(widgets.checkbox, _ticked, in_list=True, keys=widgets.tick_keys),
    "scale": Widget(_points, _as_chosen, in_list=True, keys=widgets.scale_keys),
    "yesno": Widget(_yes_no, _as_chosen, in_list=True, keys=widgets.yes_no_keys),
    "number": TYPED,
    "text": Widget(_free_text, widgets.typed_value, in_list=False),
}


def widget_for(q: Question) -> Widget:
    return WIDGETS.get(q.type, TYPED)


def on_terminal(stream: TextIO) -> TerminalUI:
    """The interface drawing on `stream`: stdout, or the terminal itself when stdout is
    redirected (then prompt_toolkit would otherwise draw plain text into the file)."""
    if stream is sys.stdout:
        return TerminalUI()
    return TerminalUI(output=create_output(stdout=stream))
