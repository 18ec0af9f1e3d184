"""Plain mode: the interview with only `print` and `input()`.

For screen readers, braille displays, dumb terminals and scripts: no menus, no colour, no cursor
movement. Every question is text with numbered options; the answer is typed. Commands start with
a colon so they can never be mistaken for an answer, and are shown once at the start. On a
terminal, lines are wrapped at word boundaries to its width (a braille line or a screen reader
then never meets half a word); into a pipe they go as they are. A refused answer gets one short
sentence saying what to type.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from clustercli import textwidth
from clustercli.engine import values
from clustercli.engine.driver import Ask, Change, Give, Paused, ReviewSection, Special
from clustercli.i18n import pick, t
from clustercli.questionset.model import Question

COMMANDS = {
    ":terug": Special.BACK, ":back": Special.BACK,
    ":hulp": Special.HELP, ":help": Special.HELP,
    ":pauze": Special.PAUSE, ":pause": Special.PAUSE,
    ":notitie": Special.NOTE, ":note": Special.NOTE,
}
FINISH_WORDS = {"", "klaar", "done", ":klaar", ":done"}
# How to type an answer, beside the prompt, where a type needs saying (the edge's one table from
# type to how it is asked; the numbered answers themselves are the type's).
TYPING_HINTS = {"multi": "plain.multi_hint"}


class PlainUI:
    def __init__(self, read: Callable[[str], str] = input,
                 write: Callable[[str], None] = print, width: int | None = None) -> None:
        """`width`: wrap lines to it; by default the terminal's, when stdout is one."""
        self._read_line = read
        self._write_line = write
        self.width = width if width is not None or write is not print else \
            textwidth.columns(sys.stdout)
        self._mid_line = False  # a read was cut off (Ctrl-C, end of input): see end_line

    def write(self, text: str) -> None:
        self._write_line(textwidth.for_terminal(text, self.width))

    def read(self, prompt: str) -> str:
        try:
            return self._read_line(prompt)
        except (KeyboardInterrupt, EOFError):
            self._mid_line = True
            raise

    def end_line(self) -> None:
        """After Ctrl-C or the end of input in the middle of a prompt: go to a new line, so
        that what is said next does not run on after "Uw antwoord:"."""
        if self._mid_line:
            self._mid_line = False
            self._write_line("")

    def commands_hint(self, lang: str, notes: bool) -> None:
        self.write(t("plain.commands", lang))
        if notes:
            self.write(t("plain.commands_note", lang))

    def notice(self, text: str) -> None:
        self.write(text)

    def ask(self, ask: Ask) -> Give | Special:
        q, lang = ask.question, ask.lang
        self.write("")
        self.write(t("plain.progress", lang, number=ask.progress.number,
                     total=ask.progress.total, section=ask.section))
        self.write(pick(q.text, lang))
        for line in _choices(q, lang):
            self.write(f"  {line}")
        if q.help:
            self.write(t("plain.has_help", lang))
        if ask.note:
            self.write(t("plain.current_note", lang, note=ask.note))
        ask.shown()
        hint = self._hint(q, ask)
        while True:
            raw = self.read(t("plain.answer_prompt", lang) + hint + ": ")
            typed = raw.strip()
            command = COMMANDS.get(typed.lower())
            if command is not None:
                if command is Special.NOTE and not ask.notes:
                    self.write(t("plain.notes_off", lang))
                    continue
                return command
            if typed.startswith(":"):
                self.write(t("plain.unknown_command_note" if ask.notes else
                             "plain.unknown_command", lang, command=typed))
                continue
            if not typed and ask.suggestion is not None:
                return Give(ask.suggestion)
            if not typed and not q.required:
                return Give(values.parse_typed(q, typed, lang))  # left open
            if not typed:
                self.write(t("plain.answer_needed", lang))
                continue
            try:
                return Give(values.parse_typed(q, typed, lang))
            except values.AnswerError:
                self.write(refusal(q, typed, lang))

    def _hint(self, q: Question, ask: Ask) -> str:
        lang = ask.lang
        if ask.suggestion is not None:
            return " " + t("plain.enter_keeps", lang,
                           answer=values.label(q, ask.suggestion, lang))
        if q.type in TYPING_HINTS:
            return " " + t(TYPING_HINTS[q.type], lang)
        if not q.required:
            return " " + t("plain.optional_hint", lang)
        return ""

    def ask_note(self, question: Question, current: str | None, lang: str) -> str | None:
        if current:
            self.write(t("plain.current_note", lang, note=current))
        typed = self.read(t("plain.note_prompt", lang) + ": ").strip()
        if typed == "-":
            return None
        command = COMMANDS.get(typed.lower())
        if command is Special.PAUSE:
            raise Paused  # ":pauze" is never meant as the text of a note
        if command is not None:
            return current  # another command: leave the note as it was
        return typed or current

    def review(self, sections: list[ReviewSection], lang: str) -> Change | Special:
        self.write("")
        self.write(t("plain.review_title", lang))
        numbered: list[str] = []
        for section in sections:
            self.write(f"== {section.title} ==")
            for item in section.items:
                numbered.append(item.question.id)
                self.write(f"  {len(numbered)}. {pick(item.question.text, lang)} "
                           f"— {item.answer}")
                if item.note:
                    self.write("     " + t("plain.current_note", lang, note=item.note))
        while True:
            typed = self.read(t("plain.review_prompt", lang) + ": ").strip().lower()
            if typed in FINISH_WORDS:
                return Special.FINISH
            command = COMMANDS.get(typed)
            if command in (Special.BACK, Special.PAUSE):
                return command
            if typed.isdigit() and 1 <= int(typed) <= len(numbered):
                return Change(numbered[int(typed) - 1])
            self.write(t("plain.review_invalid", lang, count=len(numbered)))


def refusal(q: Question, typed: str, lang: str) -> str:
    """One short sentence for an answer that cannot be taken: what to type instead, in the
    words the question was shown in (its numbers), never its internal keys or id."""
    numbered = q.kind.numbered(q, lang)
    if numbered:
        key = "plain.invalid_numbers" if q.type in TYPING_HINTS else "plain.invalid_number"
        return t(key, lang, value=typed, first=numbered[0][0], last=numbered[-1][0])
    return t("plain.invalid_typed", lang, value=typed, allowed=values.allowed_text(q, lang))


def _choices(q: Question, lang: str) -> list[str]:
    """The numbered answers of a question, as typed in plain mode."""
    return [f"{number}. {label}" for number, label, _ in q.kind.numbered(q, lang)]
