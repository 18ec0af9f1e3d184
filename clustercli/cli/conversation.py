"""The interview as a conversation on a terminal or in plain mode, for `start`, `resume` and
`edit`: which mode, where it is drawn, the screens before the first question (each read before
Enter), the driver's run, and what a stop says (how to go on, or that an edit left the completed
check as it was)."""

import functools
import os
import shlex
import sys
from typing import TYPE_CHECKING

from clustercli.cli.app import _run, echo_error
from clustercli.cli.startup import collector_back, wait_for_enter

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TextIO

    from rich.console import Console

    from clustercli.engine.driver import UserInterface
    from clustercli.engine.session import Session
    from clustercli.errors import Interrupted
    from clustercli.plain import PlainUI


def command_for(verb: str, assessment_id: str, mode: str = "terminal") -> str:
    """The exact command to go on (`resume ID`, `edit ID`), as it can be pasted into a shell."""
    explicit = _run.get("data_dir")
    prefix = f"clustercli --data-dir {shlex.quote(str(explicit))} " if explicit else \
        "clustercli "
    plain = " --plain" if mode == "plain" else ""
    return f"{prefix}{verb} {assessment_id}{plain}"


def resume_command(assessment_id: str, mode: str = "terminal") -> str:
    """The exact command to continue, as it can be pasted into a shell."""
    return command_for("resume", assessment_id, mode)


def mode_for(plain: bool, have_answers: bool) -> str:
    """"plain", "terminal" or "batch" (answers file, nobody to ask).

    TERM=dumb asks for plain mode on a terminal; with stdin from a file or a pipe only --plain
    reads it line by line (scriptable), and an answers file runs without asking anything."""
    if plain:
        return "plain"
    if sys.stdin.isatty():
        return "plain" if os.environ.get("TERM") == "dumb" else "terminal"
    if have_answers:
        return "batch"
    from clustercli.errors import BadInput

    raise BadInput("engine.no_terminal")


def screen() -> "TextIO":
    """Where the interview is drawn: stdout, or the terminal itself when stdout is redirected
    (`clustercli start > answers.txt`), so the prompts still reach the user and only the final
    summary goes to the file. Without a /dev/tty (rare), stderr is the next best thing."""
    if sys.stdout.isatty():
        return sys.stdout
    return _tty() or sys.stderr


@functools.cache
def _tty() -> "TextIO | None":
    """The controlling terminal, opened once and kept open for the rest of the process."""
    try:
        return open("/dev/tty", "w", encoding="utf-8")
    except OSError:
        return None


def _plain() -> "PlainUI":
    from clustercli.plain import PlainUI

    return PlainUI()


def _on_terminal(where: "TextIO") -> "UserInterface":
    from clustercli.prompts.ui import on_terminal

    return on_terminal(where)


def _opening(session: "Session", mode: str, ui: "PlainUI | None", *, notes: bool, intro: bool,
             privacy: "str | None") -> None:
    """What comes before the first question: the privacy notice of advisor mode (the first
    time), the introduction, the keys. On a terminal each is a screen the user reads before
    pressing Enter, so that neither scrolls away under the first question (the prompts are
    imported meanwhile); plain mode prints them as lines (a script's input must not lose a
    line to "press Enter")."""
    from clustercli.engine import flow
    from clustercli.i18n import t

    lang = session.lang
    info = flow.intro(session.qset, lang)
    if mode == "terminal":
        from clustercli.render import screens

        out = screens.console(screen())
        prepare: Callable[[], object] | None = _prompts  # while the first screen is read
        if privacy:
            screens.notice(out, privacy)
            _read_on(out, t("engine.press_enter", lang), prepare)
            prepare = None
        if intro:
            from clustercli.prompts.keymap import key_help

            screens.intro(out, lang, info.title, info.lines, key_help(lang, notes))
            _read_on(out, t("engine.press_enter_begin", lang), prepare)
        return
    assert ui is not None  # plain mode has its interface from the start
    if privacy:
        echo_error(privacy)  # wrapped there on a terminal
    if intro:
        for line in (info.title, *info.lines):
            ui.notice(line)
    ui.commands_hint(lang, notes)


def _prompts() -> object:
    """The prompts, imported (while a screen is read: see `wait_for_enter`)."""
    from clustercli.prompts import ui

    return ui


def _read_on(out: "Console", prompt: str, prepare: "Callable[[], object] | None") -> None:
    """Say `prompt` and wait for Enter (`prepare` running meanwhile); the line goes once it is
    pressed (and is ended, so that what is said next starts on a line of its own, when Ctrl-C
    stops it)."""
    from clustercli.render import screens

    screens.ask_enter(out, prompt)
    try:
        wait_for_enter(prepare)
    except (KeyboardInterrupt, EOFError):
        out.print()
        raise
    screens.ask_enter_done(out)


def converse(session: "Session", mode: str, *, notes: bool, intro: bool, at_review: bool = False,
             notices: "tuple[str, ...] | list[str]" = (), privacy: "str | None" = None,
             ) -> None:
    """Run the interview in `mode`; on pause, say how to continue and exit 130 (or the
    signal's code). An `edit` that stops leaves the completed self-check as it was and says
    how to take its draft up again."""
    from clustercli.engine import driver, flow
    from clustercli.errors import BadInput
    from clustercli.i18n import t

    lang = session.lang
    if mode == "batch":
        if privacy:
            echo_error(privacy)
        for notice in notices:
            echo_error(notice)
        missing = flow.missing_after_defaults(session)
        if missing:
            raise BadInput("engine.missing_answers",
                           questions=flow.question_list(session.qset, missing, lang,
                                                        with_ids=True),
                           command=resume_command(session.id, mode))
        return
    plain = _plain() if mode == "plain" else None
    ui: UserInterface | None = plain
    try:
        _opening(session, mode, plain, notes=notes, intro=intro, privacy=privacy)
        if ui is None:  # on a terminal: the prompts, imported meanwhile
            ui = _on_terminal(screen())
        for notice in notices:
            ui.notice(notice)
        driver.run(session, ui, notes=notes, start_at_review=at_review,
                   shown=collector_back)
    except (driver.Paused, KeyboardInterrupt, EOFError):
        if plain is not None:
            plain.end_line()  # Ctrl-C or the end of input came in the middle of a typed line
        unsaved = session.unsaved_notes()
        if unsaved and ui is not None:  # typed before the question had an answer
            ui.notice(t("engine.notes_not_saved", lang,
                        questions=flow.question_list(session.qset, unsaved, lang)))
        raise _stop(session, mode) from None


def _stop(session: "Session", mode: str) -> "Interrupted":
    """The message (and exit code) for an interview that stops before it is finished."""
    from clustercli.errors import Interrupted

    if not session.stored:  # stopped at the introduction: nothing was made
        return Interrupted("engine.stopped_unsaved")
    record = session.record
    if session.editing:
        if record.draft is None or not record.draft.changes():
            return Interrupted("engine.edit_unchanged")
        return Interrupted("engine.edit_paused", count=record.draft.changes(),
                           command=command_for("edit", session.id, mode))
    return Interrupted("engine.paused", command=resume_command(session.id, mode))


def complete(session: "Session") -> None:
    """Finish: a check in progress is completed, an edit's draft taken in; the summary is
    worked out by the store under the record's lock (Store.complete)."""
    from clustercli.profile.build import summarise

    if session.needs_completing:
        session.complete(summarise)
