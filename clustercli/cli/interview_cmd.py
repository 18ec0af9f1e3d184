"""`clustercli start | resume | edit | list`: running the self-check and finding it again."""


import functools
import os
import shlex
import sys
from pathlib import Path
from typing import Annotated

import typer

from clustercli import lines
from clustercli.cli.app import (
    ClusterCommand,
    H,
    LangOption,
    _run,
    clean_id,
    clean_name,
    data_store,
    echo_error,
    use_language,
    write_output,
)
from clustercli.cli.output import LIST_FORMATS, ListFormat, Listing, emit
from clustercli.cli.startup import collector_back, collector_paused, preload, wait_for_enter

Plain = Annotated[bool, typer.Option("--plain", help=H("cli.opt.plain"))]


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


def _mode(plain: bool, have_answers: bool) -> str:
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


def _screen():
    """Where the interview is drawn: stdout, or the terminal itself when stdout is redirected
    (`clustercli start > answers.txt`), so the prompts still reach the user and only the final
    summary goes to the file. Without a /dev/tty (rare), stderr is the next best thing."""
    if sys.stdout.isatty():
        return sys.stdout
    return _tty() or sys.stderr


@functools.cache
def _tty():
    """The controlling terminal, opened once and kept open for the rest of the process."""
    try:
        return open("/dev/tty", "w", encoding="utf-8")
    except OSError:
        return None


def _interface(mode: str, screen=None):
    if mode == "terminal":
        from clustercli.prompts.ui import on_terminal

        return on_terminal(screen or sys.stdout)
    from clustercli.plain import PlainUI

    return PlainUI()


def _opening(session, mode: str, ui, *, notes: bool, intro: bool, privacy: str | None) -> None:
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

        preload(_prompts)
        out = screens.console(_screen())
        if privacy:
            screens.notice(out, privacy)
            _read_on(out, t("engine.press_enter", lang))
        if intro:
            from clustercli.prompts.keymap import key_help

            screens.intro(out, lang, info.title, info.lines, key_help(lang, notes))
            _read_on(out, t("engine.press_enter_begin", lang))
        return
    if privacy:
        echo_error(lines.wrap(privacy, lines.columns(sys.stderr)))
    if intro:
        for line in (info.title, *info.lines):
            ui.notice(line)
    ui.commands_hint(lang, notes)


def _prompts() -> object:
    """The prompts, imported (see `preload`)."""
    from clustercli.prompts import ui

    return ui


def _read_on(out, prompt: str) -> None:
    """Say `prompt` and wait for Enter; the line goes once it is pressed (and is ended, so
    that what is said next starts on a line of its own, when Ctrl-C stops it)."""
    from clustercli.render import screens

    screens.ask_enter(out, prompt)
    try:
        wait_for_enter()
    except (KeyboardInterrupt, EOFError):
        out.print()
        raise
    screens.ask_enter_done(out)


def _converse(session, mode: str, *, notes: bool, intro: bool, at_review: bool = False,
              notices: list[str] = (), privacy: str | None = None) -> None:
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
    screen = _screen() if mode == "terminal" else None
    ui = None if mode == "terminal" else _interface(mode)
    try:
        _opening(session, mode, ui, notes=notes, intro=intro, privacy=privacy)
        if ui is None:
            ui = _interface(mode, screen)
        for notice in notices:
            ui.notice(notice)
        driver.run(session, ui, notes=notes, start_at_review=at_review,
                   shown=collector_back)
    except (driver.Paused, KeyboardInterrupt, EOFError):
        if mode == "plain" and ui is not None:
            ui.end_line()  # Ctrl-C or the end of input came in the middle of a typed line
        unsaved = session.unsaved_notes()
        if unsaved and ui is not None:  # typed before the question had an answer
            ui.notice(t("engine.notes_not_saved", lang,
                        questions=flow.question_list(session.qset, unsaved, lang)))
        raise _stop(session, mode) from None


def _stop(session, mode: str):
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


def _complete(session) -> None:
    """Finish: a check in progress is completed, an edit's draft taken in; the summary is
    worked out by the store under the record's lock (Store.complete)."""
    from clustercli.profile.build import summarise

    if session.needs_completing:
        session.complete(summarise)


def _finish(session, mode: str) -> None:
    """Complete the assessment and show it: its id and every answer, then the report."""
    from clustercli.cli.report_cmd import print_report
    from clustercli.engine.driver import review_sections
    from clustercli.profile.build import summarise

    if session.record.status != "completed":  # an `edit` without changes stays as it was
        session.complete(summarise)
    sections = review_sections(session)
    if mode == "terminal" and sys.stdout.isatty():
        from clustercli.render import screens

        screens.end(screens.console(sys.stdout), session.lang, session.id, sections)
    else:  # plain mode, an answers file, or stdout into a file: plain lines, no panels
        write_output(_summary_text(session, sections), None)
    print_report(session.record, session.qset, session.lang, store=session.store,
                 plain=mode != "terminal" or not sys.stdout.isatty(), stream=sys.stdout)
    if mode == "terminal" and not sys.stdout.isatty():
        from clustercli.render import screens

        # the summary and report went to a file: say so where the user is looking
        screens.summary_elsewhere(screens.console(_screen()), session.lang, session.id)


def _summary_text(session, sections) -> str:
    """The end of a plain or answers-file run: plain lines, no styling."""
    from clustercli.i18n import pick, t

    lang = session.lang
    lines = [t("engine.done", lang), t("engine.assessment_id", lang, id=session.id), "",
             t("engine.summary_title", lang)]
    for section in sections:
        lines.append(f"{section.title}")
        lines += [f"  - {pick(item.question.text, lang)} {item.answer}"
                  for item in section.items]
    return "\n".join(lines)


@collector_paused()
def start(
    client: Annotated[str, typer.Option("--client", help=H("cli.opt.client"),
                                        callback=clean_name)] = "",
    respondent: Annotated[str, typer.Option("--respondent", help=H("cli.opt.respondent"),
                                            callback=clean_name)] = "",
    lang: LangOption = None,
    questions: Annotated[Path | None, typer.Option("--questions", help=H("cli.opt.questions"),
                                                   show_default=False)] = None,
    answers: Annotated[Path | None, typer.Option("--answers", help=H("cli.opt.answers"),
                                                 show_default=False)] = None,
    plain: Plain = False,
) -> None:
    from clustercli.cli.advisor_cmd import privacy_notice_once
    from clustercli.engine import answers_file, flow
    from clustercli.engine import session as sessions
    from clustercli.paths import shipped_set
    from clustercli.questionset import cache

    lang = use_language(lang)
    qset = cache.load(questions or shipped_set())
    given = answers_file.read(answers, qset, lang) if answers else None
    mode = _mode(plain, given is not None)
    privacy: list[str] = []
    privacy_notice_once(client, lang, show=privacy.append)
    # stored once the first question is on the screen, while it is read (Session.prepare),
    # and held open for this session from then on (Session.keep_open)
    session = sessions.begin(data_store, qset, lang, client, respondent)
    session.keep_open()
    try:
        notices = flow.apply_given(session, given) if given else []
        _converse(session, mode, notes=bool(client.strip()), intro=True, notices=notices,
                  privacy=privacy[0] if privacy else None)
        _complete(session)
        _finish(session, mode)
    finally:
        session.close()


def _open(store, assessment_id: str, lang: str | None):
    """An assessment opened for an interview, held open for it (`OpenElsewhere` if another
    terminal has it)."""
    from clustercli.engine import session as sessions

    session = sessions.reopen(store, assessment_id, lang)
    use_language(session.lang)
    return session


@collector_paused()
def resume(
    assessment_id: Annotated[str | None, typer.Argument(
        callback=clean_id, help=H("cli.arg.resume_id"), show_default=False)] = None,
    lang: LangOption = None,
    plain: Plain = False,
) -> None:
    """A check in progress goes on at its first open question; a completed one with an
    unfinished edit (a draft) goes on with that edit, as `edit` does."""
    from clustercli.engine import flow
    from clustercli.errors import BadInput
    from clustercli.paths import shipped_set
    from clustercli.questionset import cache

    use_language(lang)
    store = data_store()
    assessment_id = assessment_id or flow.latest_unfinished(store).id
    session = _open(store, assessment_id, lang)
    if session.editing and session.record.draft is None:
        raise BadInput("engine.already_completed", id=assessment_id)
    mode = _mode(plain, False)
    session.keep_open()
    try:
        notices = [flow.opened(session)]
        notice = flow.set_change_notice(session, cache.load(shipped_set()))
        if notice:
            notices.append(notice)
        _converse(session, mode, notes=bool(session.record.client), intro=False,
                  notices=notices, at_review=session.editing)
        _complete(session)
        _finish(session, mode)
    finally:
        session.close()


@collector_paused()
def edit(
    assessment_id: Annotated[str, typer.Argument(
        callback=clean_id, help=H("cli.arg.edit_id"))],
    lang: LangOption = None,
    plain: Plain = False,
) -> None:
    """Changes are a draft until the edit is finished: stopping leaves the completed check as
    it was, and `edit` (or `resume`) again goes on with the draft."""
    from clustercli.engine import flow
    from clustercli.errors import BadInput

    use_language(lang)
    store = data_store()
    session = _open(store, assessment_id, lang)
    if not session.editing:
        raise BadInput("engine.not_completed", id=assessment_id,
                       command=resume_command(assessment_id))
    mode = _mode(plain, False)
    session.keep_open()
    try:
        notices = [flow.opened(session)] if session.record.draft is not None else []
        _converse(session, mode, notes=bool(session.record.client), intro=False,
                  notices=notices, at_review=True)
        _complete(session)
        _finish(session, mode)
    finally:
        session.close()


def list_assessments(
    format: Annotated[ListFormat, typer.Option("--format", help=H("cli.opt.format"))] = (
        ListFormat["table"]),
    client: Annotated[str | None, typer.Option("--client", help=H("cli.opt.client_filter"),
                                               show_default=False, callback=clean_name)] = None,
    lang: LangOption = None,
) -> None:
    from clustercli.engine.listing import list_json, list_table

    lang = use_language(lang)
    store = data_store()
    rows = store.find_by_client(client) if client else store.list()
    emit(LIST_FORMATS, format, Listing(text=lambda: list_table(rows, lang),
                                       data=lambda: list_json(rows)), None)


def register(app: typer.Typer) -> None:
    app.command("start", help=H("cli.start.help"), cls=ClusterCommand)(start)
    app.command("resume", help=H("cli.resume.help"), cls=ClusterCommand)(resume)
    app.command("edit", help=H("cli.edit.help"), cls=ClusterCommand)(edit)
    app.command("list", help=H("cli.list.help"), cls=ClusterCommand)(list_assessments)
