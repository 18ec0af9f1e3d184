"""`clustercli start | resume | edit | list`: running the self-check and finding it again."""


import functools
import os
import shlex
import sys
from pathlib import Path
from typing import Annotated

import typer

from clustercli.cli.app import (
    CheckLangOption,
    ClusterCommand,
    H,
    LangOption,
    _run,
    chosen_language,
    clean_id,
    clean_name,
    data_store,
    echo_error,
    prose_room,
    table_room,
    use_language,
    write_output,
)
from clustercli.cli.output import LIST_FORMATS, ListFormat, Listing, emit
from clustercli.cli.startup import collector_back, collector_paused

Plain = Annotated[bool, typer.Option("--plain", help=H("cli.opt.plain"))]


def resume_command(assessment_id: str, mode: str = "terminal") -> str:
    """The exact command to continue, as it can be pasted into a shell."""
    explicit = _run.get("data_dir")
    prefix = f"clustercli --data-dir {shlex.quote(str(explicit))} " if explicit else \
        "clustercli "
    plain = " --plain" if mode == "plain" else ""
    return f"{prefix}resume {assessment_id}{plain}"


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


def _converse(session, mode: str, *, notes: bool, intro: bool, at_review: bool = False,
              notices: list[str] = ()) -> None:
    """Run the interview in `mode`; on pause, say how to continue and exit 130."""
    from clustercli.engine import driver, flow
    from clustercli.errors import BadInput, Interrupted
    from clustercli.i18n import t

    lang = session.lang
    if mode == "batch":
        for notice in notices:
            echo_error(notice)
        missing = flow.missing_after_defaults(session)
        if missing:
            raise BadInput("engine.missing_answers", questions=", ".join(missing),
                           command=resume_command(session.id, mode))
        return
    screen = _screen() if mode == "terminal" else None
    ui = _interface(mode, screen)
    info = flow.intro(session.qset)
    if mode == "terminal":
        if intro:
            from clustercli.prompts.keys import key_help
            from clustercli.render import screens

            screens.intro(screens.console(screen), lang, info.questions, info.minutes,
                          key_help(lang, notes))
    else:
        if intro:
            ui.notice(t("engine.intro", lang, questions=info.questions, minutes=info.minutes))
        ui.commands_hint(lang, notes)
    for notice in notices:
        ui.notice(notice)
    try:
        driver.run(session, ui, notes=notes, start_at_review=at_review,
                   shown=collector_back)
    except driver.Paused:
        unsaved = session.unsaved_notes()
        if unsaved:  # typed before the question had an answer: nothing to keep them with
            ui.notice(t("engine.notes_not_saved", lang, questions=", ".join(unsaved)))
        raise Interrupted("engine.paused", command=resume_command(session.id, mode)) from None


def _finish(session, mode: str) -> None:
    """Complete the assessment and show it. On a terminal: a screen that fits (saved, the
    level, the scores, the first actions) with the `show` commands for the whole report, so
    that nothing of it scrolls away; into a file or a pipe: every answer, then the report."""
    from clustercli.profile.build import summarise

    if session.record.status != "completed":  # an `edit` without changes stays as it was
        session.complete(summarise)
    if sys.stdout.isatty():
        from clustercli.cli.report_cmd import print_end_screen

        print_end_screen(session.record, session.qset, session.lang,
                         rich=mode == "terminal")
        return
    from clustercli.cli.report_cmd import print_report
    from clustercli.engine.driver import review_sections

    write_output(_summary_text(session, review_sections(session)), None)
    print_report(session.record, session.qset, session.lang, store=session.store,
                 plain=True, stream=sys.stdout)
    if mode == "terminal":
        from clustercli.render import screens

        # the summary and report went to a file: say so where the user is looking
        screens.summary_elsewhere(screens.console(_screen()), session.lang, session.id)


def _summary_text(session, sections) -> str:
    """The end of a run into a file or a pipe: every answer in plain lines, no styling,
    wrapped at word boundaries (`terminal.width`)."""
    from clustercli.formatting import wrap
    from clustercli.i18n import pick, t
    from clustercli.render.terminal import width

    lang = session.lang
    lines = [t("engine.done", lang), t("engine.assessment_id", lang, id=session.id), "",
             t("engine.summary_title", lang)]
    for section in sections:
        lines.append(f"{section.title}")
        lines += [f"  - {pick(item.question.text, lang)} {item.answer}"
                  for item in section.items]
    return "\n".join(part for line in lines for part in wrap(line, width()))


@collector_paused()
def start(
    client: Annotated[str, typer.Option("--client", help=H("cli.opt.client"),
                                        metavar=H("cli.metavar.name"),
                                        callback=clean_name)] = "",
    respondent: Annotated[str, typer.Option("--respondent", help=H("cli.opt.respondent"),
                                            metavar=H("cli.metavar.name"),
                                            callback=clean_name)] = "",
    lang: LangOption = None,
    questions: Annotated[Path | None, typer.Option("--questions", help=H("cli.opt.questions"),
                                                   metavar=H("cli.metavar.file"),
                                                   show_default=False)] = None,
    answers: Annotated[Path | None, typer.Option("--answers", help=H("cli.opt.answers"),
                                                 metavar=H("cli.metavar.file"),
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
    privacy_notice_once(client, lang)
    # stored once the first question is on the screen, while it is read (Session.prepare)
    session = sessions.begin(data_store, qset, lang, client, respondent)
    notices = flow.apply_given(session, given) if given else []
    _converse(session, mode, notes=bool(client.strip()), intro=True, notices=notices)
    _finish(session, mode)


@collector_paused()
def resume(
    assessment_id: Annotated[str | None, typer.Argument(
        callback=clean_id, help=H("cli.arg.resume_id"), metavar=H("cli.metavar.id"),
        show_default=False)] = None,
    lang: CheckLangOption = None,
    plain: Plain = False,
) -> None:
    from clustercli.engine import flow
    from clustercli.engine import session as sessions
    from clustercli.errors import BadInput
    from clustercli.paths import shipped_set
    from clustercli.questionset import cache

    use_language(lang)
    store = data_store()
    assessment_id = assessment_id or flow.latest_unfinished(store).id
    session = sessions.reopen(store, assessment_id, chosen_language(lang))
    use_language(session.lang)
    if session.record.status == "completed":
        raise BadInput("engine.already_completed", id=assessment_id)
    mode = _mode(plain, False)
    notice = flow.set_change_notice(session, cache.load(shipped_set()))
    notices = [notice] if notice else []
    _converse(session, mode, notes=bool(session.record.client), intro=False, notices=notices)
    _finish(session, mode)


@collector_paused()
def edit(
    assessment_id: Annotated[str, typer.Argument(
        callback=clean_id, help=H("cli.arg.edit_id"), metavar=H("cli.metavar.id"))],
    lang: CheckLangOption = None,
    plain: Plain = False,
) -> None:
    from clustercli.engine import session as sessions
    from clustercli.errors import BadInput

    use_language(lang)
    store = data_store()
    session = sessions.reopen(store, assessment_id, chosen_language(lang))
    use_language(session.lang)
    if session.record.status != "completed":
        raise BadInput("engine.not_completed", id=assessment_id,
                       command=resume_command(assessment_id))
    mode = _mode(plain, False)
    # Not reopened yet: only a real change makes it unfinished (see Session.answer), so
    # looking at the review and leaving leaves it completed.
    _converse(session, mode, notes=bool(session.record.client), intro=False, at_review=True)
    _finish(session, mode)


def list_assessments(
    format: Annotated[ListFormat, typer.Option("--format", help=H("cli.opt.format"))] = (
        ListFormat["table"]),
    client: Annotated[str | None, typer.Option("--client", help=H("cli.opt.client_filter"),
                                               metavar=H("cli.metavar.name"),
                                               show_default=False, callback=clean_name)] = None,
    lang: LangOption = None,
) -> None:
    from clustercli.engine.listing import list_json, list_table, no_client

    lang = use_language(lang)
    store = data_store()
    rows = store.find_by_client(client) if client else store.list()
    text = (lambda: no_client(store.list(), client, lang, prose_room())) if client and not \
        rows else (lambda: list_table(rows, lang, table_room()))
    emit(LIST_FORMATS, format, Listing(text=text, data=lambda: list_json(rows)), None)


def register(app: typer.Typer) -> None:
    app.command("start", help=H("cli.start.help"), epilog=H("cli.start.examples"),
                cls=ClusterCommand)(start)
    app.command("resume", help=H("cli.resume.help"), cls=ClusterCommand)(resume)
    app.command("edit", help=H("cli.edit.help"), cls=ClusterCommand)(edit)
    app.command("list", help=H("cli.list.help"), cls=ClusterCommand)(list_assessments)
