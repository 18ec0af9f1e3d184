"""One questionary prompt per question type, framed by a progress line and a hint line.

choice and scale are select lists ("weet niet / n.v.t." last where allowed); multi a checkbox
list; yesno a select of Ja/Nee (questionary's confirm hard-codes y/n, so it is built here, with
the j/k cursor keys off so that `j` can mean ja); number and text a validated text prompt whose
messages come from the engine's own checks, worded for a prompt that already shows its question.
A prompt ended by help or a note comes back from a `Draft`: as the user left it. Every text is
wrapped at word boundaries and every list made to fit the terminal (`fitting`); numbers and the
letter of "weet niet" answer a list at once (`picking`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import questionary
from prompt_toolkit.application import Application
from prompt_toolkit.application import application as _application_module
from prompt_toolkit.document import Document
from prompt_toolkit.filters import is_done
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.layout import ConditionalContainer, HSplit, Layout, Window
from prompt_toolkit.layout.controls import FormattedTextControl
from questionary.prompts.common import InquirerControl

from clustercli.conditions import UNKNOWN
from clustercli.engine import values
from clustercli.i18n import pick, t
from clustercli.prompts import fitting, picking
from clustercli.questionset.model import Question

# Every prompt_toolkit Application builds the library's default key bindings afresh (some 2,500
# keys parsed), and a questionary select builds three applications: nine tenths of the time
# from an answer to the next question. Those bindings keep no state of their own (their filters
# ask the running application), so one set can serve every prompt.
# (The module imports them for its own use; its types do not export them, hence the ignores.)
_application_module.load_key_bindings = functools.cache(  # type: ignore[attr-defined]
    _application_module.load_key_bindings)  # type: ignore[attr-defined]
_application_module.load_page_navigation_bindings = functools.cache(  # type: ignore[attr-defined]
    _application_module.load_page_navigation_bindings)  # type: ignore[attr-defined]

# The engine's refusals name the question's id, for answers files; on screen the question is
# right above the refusal, so the prompt says the same without it.
REFUSALS = {"engine.values.invalid": "prompts.invalid", "engine.values.required":
            "prompts.answer_needed"}
POINTER = "»"
STYLE = questionary.Style([("progress", "bold"), ("hint", "fg:ansibrightblack"),
                           ("instruction", "fg:ansibrightblack"), ("refusal", "fg:ansired")])


@dataclass(frozen=True)
class Draft:
    """What a prompt held when a special action ended it: the value under a list's pointer,
    a checkbox's ticks, a text prompt's line and cursor."""

    pointed: Any = None
    ticked: tuple[Any, ...] = ()
    text: str = ""
    cursor: int = 0


def snapshot(app: Application[Any]) -> Draft:
    control = _inquirer(app)
    if control is not None:
        return Draft(pointed=control.get_pointed_at().value,
                     ticked=tuple(control.selected_options))
    buffer = app.current_buffer
    return Draft(text=buffer.text, cursor=buffer.cursor_position)


def frame(question: questionary.Question, above: StyleAndTextTuples | None,
          below: str, lang: str) -> None:
    """Put a line above the prompt (kept once answered) and a hint line under it (only while
    it is being answered), with a list's refusal ("tick at least one") just above the hint;
    each wrapped at word boundaries, and a list made to fit what is left of the screen."""
    app = question.application
    control = _inquirer(app)

    def over() -> StyleAndTextTuples:
        return [(style, fitting.wrapped(text)) for style, text, *_ in above or ()]

    def under() -> StyleAndTextTuples:
        refusal = control.error_message if control is not None else None
        text = "".join(fragment[1] for fragment in refusal) if refusal else ""
        return [("class:refusal", fitting.wrapped(text) + "\n" if text else ""),
                ("class:hint", fitting.wrapped(below))]

    parts: list[Any] = []
    if above:
        parts.append(Window(FormattedTextControl(over), dont_extend_height=True,
                            wrap_lines=True))
    parts.append(app.layout.container)
    parts.append(ConditionalContainer(
        Window(FormattedTextControl(under), dont_extend_height=True, wrap_lines=True),
        filter=~is_done))
    root = HSplit(parts)
    app.layout = Layout(root, focused_element=app.layout.current_window)
    if control is not None:
        fitting.fit_list(control, lambda: control.pointed_at or 0, lang, lambda: root)


def _inquirer(app: Application[Any]) -> InquirerControl | None:
    """The list inside a select or checkbox prompt (None in a text prompt)."""
    return next((w.content for w in app.layout.find_all_windows()
                 if isinstance(w.content, InquirerControl)), None)


def select(message: str, choices: list[questionary.Choice], default: Any,
           instruction: str) -> questionary.Question:
    """A select list with the vi keys off (j and k may be answers) and Ctrl-N/Ctrl-P free for
    the actions; arrows and Enter choose."""
    if default is not None and default not in [c.value for c in choices]:
        default = None  # e.g. an answer from an older version of the set: point at the top
    message, instruction = fitting.message(message, instruction)
    return questionary.select(message, choices, default=default, instruction=instruction,
                              pointer=POINTER, use_jk_keys=False, use_emacs_keys=False,
                              style=STYLE)


def scale_choices(q: Question, lang: str) -> list[questionary.Choice]:
    """The points of a scale, numbered: " 1  Helemaal oneens" ... "10  ..."."""
    points = q.kind.entries(q, lang)
    width = max((len(str(number)) for number, _, _ in points), default=0)
    return [questionary.Choice(f"{number:>{width}}  {label}".rstrip(), value=value)
            for number, label, value in points]


def scale_keys(q: Question, lang: str) -> picking.Keys:
    """1–5 pick a point of the scale, and a letter "weet niet"."""
    points = q.kind.entries(q, lang)
    return picking.for_list(q, lang, [str(number) for number, _, _ in points], len(points))


def option_choices(q: Question, lang: str, checked: Any = None) -> list[questionary.Choice]:
    """The options; numbered ("1  ICT") in a list short enough for its numbers to be keys."""
    chosen = checked if isinstance(checked, list) else []
    options = q.options or ()
    numbered = picking.numbered(len(options))
    return [questionary.Choice(f"{n}  {pick(o.label, lang)}" if numbered else
                               pick(o.label, lang), value=o.key, checked=o.key in chosen)
            for n, o in enumerate(options, 1)]


def option_keys(q: Question, lang: str, ticks: bool = False) -> picking.Keys:
    """The numbers of a numbered choice list, and the letter of "weet niet"."""
    count = len(q.options or ())
    numbers = [str(n) for n in range(1, count + 1)] if picking.numbered(count) else []
    return picking.for_list(q, lang, numbers, count, ticks)


def tick_keys(q: Question, lang: str) -> picking.Keys:
    """In a checkbox list the numbers tick and untick."""
    return option_keys(q, lang, ticks=True)


def with_unknown(q: Question, lang: str, choices: list[questionary.Choice],
                 checked: bool = False) -> list[questionary.Choice]:
    if q.allow_unknown:
        choices.append(questionary.Choice(values.label(q, UNKNOWN, lang), value=UNKNOWN,
                                          checked=checked))
    return choices


def yes_no(q: Question, lang: str, message: str, default: Any) -> questionary.Question:
    """Ja / Nee (Yes / No) as a select list; the first letter answers at once."""
    yes, no = t("engine.values.yes", lang), t("engine.values.no", lang)
    choices = with_unknown(q, lang, [questionary.Choice(yes, value=True),
                                     questionary.Choice(no, value=False)])
    instruction = t("prompts.yesno_instruction", lang, yes_key=yes[0].lower(), yes=yes.lower(),
                    no_key=no[0].lower(), no=no.lower())
    question = select(message, choices, default, instruction)
    letters = KeyBindings()
    for index, word in enumerate((yes, no)):
        letters.add(word[0].lower(), eager=True)(picking.answer_at(index))
    app = question.application
    app.key_bindings = merge_key_bindings(
        [letters] if app.key_bindings is None else [app.key_bindings, letters])
    return question


def yes_no_keys(q: Question, lang: str) -> picking.Keys:
    """The letter of "weet niet" (j/n or y/n are in the instruction already)."""
    return picking.for_list(q, lang, [], 2)


def checkbox(q: Question, lang: str, message: str, default: Any,
             draft: Draft | None = None) -> questionary.Question:
    """Space ticks, Enter confirms; an empty answer to a required question is refused."""
    unknown_label = values.label(q, UNKNOWN, lang)
    if draft is not None:
        ticked = list(draft.ticked)
    else:
        ticked = default if isinstance(default, list) else [UNKNOWN] if default == UNKNOWN else []

    def validate(chosen: list[Any]) -> bool | str:
        if not chosen and q.required:
            return t("prompts.pick_at_least_one", lang)
        if UNKNOWN in chosen and len(chosen) > 1:
            return t("prompts.unknown_alone", lang, unknown=unknown_label)
        return True

    choices = with_unknown(q, lang, option_choices(q, lang, ticked), UNKNOWN in ticked)
    pointed = draft.pointed if draft is not None else None
    shown, instruction = fitting.message(message, t("prompts.checkbox_instruction", lang))
    question = questionary.checkbox(shown, choices,
                                    validate=validate, pointer=POINTER, instruction=instruction,
                                    initial_choice=pointed, use_jk_keys=False,
                                    use_emacs_keys=False, style=STYLE)
    # questionary shows the refusal in a bottom toolbar, which prompt_toolkit only draws once
    # the terminal has answered a cursor-position request (never with PROMPT_TOOLKIT_NO_CPR);
    # `frame` shows it instead, so drop that toolbar (the last part of its layout).
    layout = question.application.layout.container
    if (isinstance(layout, HSplit) and len(layout.children) == 4
            and isinstance(layout.children[-1], ConditionalContainer)):
        layout.children.pop()
    return question


def say_when_answered(question: questionary.Question, message: str,
                      said: Callable[[Any], str]) -> None:
    """Once answered, the line left on the screen: "? <question> <answer>", wrapped at word
    boundaries (questionary's own runs over the edge, and a checkbox's says "done (2
    selections)" in English whatever the language); `said` gives the answer in words from the
    prompt's result, as the review says it ("Eens (4)", not " 4  Eens")."""
    app = question.application

    def answered() -> StyleAndTextTuples:
        future = app.future
        if future is None or not future.done() or future.exception() is not None:
            return []
        try:
            answer = said(future.result())
        except (ValueError, TypeError, values.AnswerError):
            return []  # a special action (help, a note, back): the prompt is erased
        shown, answer = fitting.message(message, answer)
        return [("class:qmark", "?"), ("class:question", f" {shown} "),
                ("class:answer", answer)]

    app.layout = Layout(HSplit([
        ConditionalContainer(app.layout.container, filter=~is_done),
        ConditionalContainer(Window(FormattedTextControl(answered), dont_extend_height=True,
                                    wrap_lines=True), filter=is_done)]),
        focused_element=app.layout.current_window)


def multi_value(chosen: list[Any]) -> Any:
    """The checkbox result as stored: "unknown" on its own, else the keys ticked."""
    return UNKNOWN if chosen == [UNKNOWN] else chosen


def typed(q: Question, lang: str, message: str, default: Any, draft: Draft | None = None,
          *, show_allowed: bool = True) -> questionary.Question:
    """A typed answer (number, text, ...): the question's type reads and checks what is typed,
    as in plain mode; the values allowed are shown beside it unless they go without saying."""

    def validate(text: str) -> bool | str:
        if not text.strip() and q.required:
            return t("prompts.answer_needed", lang)
        try:
            values.parse_typed(q, text, lang)
        except values.AnswerError as error:
            return t(REFUSALS.get(error.key, error.key), lang, **error.params)
        return True

    if show_allowed:  # an optional one left empty is stored as None by the engine
        allowed = values.allowed_text(q, lang)
        instruction = t("prompts.number_optional", lang, allowed=allowed) if not q.required \
            else f"({allowed})"
    else:
        instruction = t("prompts.text_optional", lang) if not q.required else ""
    if default is None:
        shown = ""
    else:  # a word parse_typed reads back as "unknown"
        shown = t("prompts.unknown_word", lang) if default == UNKNOWN else str(default)
    message, instruction = fitting.message(message, instruction)
    question = questionary.text(message, default=shown, validate=validate,
                                instruction=instruction, validate_while_typing=False,
                                style=STYLE)
    buffer = question.application.layout.current_buffer
    if draft is not None and buffer is not None:
        buffer.reset(Document(draft.text, draft.cursor))
    return question


def typed_value(q: Question, text: str, lang: str) -> Any:
    return values.parse_typed(q, text, lang)

