"""Plain mode: the interview with only `print` and `input()`.

For screen readers, braille displays, dumb terminals and scripts: no menus, no colour, no cursor
movement. Every question is text with numbered options; the answer is typed. Commands start with
a colon so they can never be mistaken for an answer, and are shown once at the start.
"""

from __future__ import annotations

from collections.abc import Callable

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
                 write: Callable[[str], None] = print) -> None:
        self.read = read
        self.write = write

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
                self.write(t("plain.unknown_command", lang, command=typed))
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
            except values.AnswerError as error:
                self.write(t(error.key, lang, **error.params))

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


def _choices(q: Question, lang: str) -> list[str]:
    """The numbered answers of a question, as typed in plain mode."""
    return [f"{number}. {label}" for number, label, _ in q.kind.numbered(q, lang)]
