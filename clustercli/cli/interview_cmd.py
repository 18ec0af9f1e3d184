"""`clustercli start | resume | edit | list`: running the self-check and finding it again."""


import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from clustercli.cli.app import (
    CheckLangOption,
    ClusterCommand,
    H,
    LangOption,
    chosen_language,
    clean_id,
    clean_name,
    data_store,
    prose_room,
    table_room,
    use_language,
    write_output,
)
from clustercli.cli.output import LIST_FORMATS, ListFormat, Listing, emit
from clustercli.cli.startup import collector_paused

if TYPE_CHECKING:
    from clustercli.engine.driver import ReviewSection
    from clustercli.engine.session import Session
    from clustercli.records import Store

Plain = Annotated[bool, typer.Option("--plain", help=H("cli.opt.plain"))]


# The conversation (cli/conversation.py) is loaded by the commands that hold one, not by
# `--help` or `list`.
def _screen() -> TextIO:
    from clustercli.cli.conversation import screen

    return screen()


def _finish(session: "Session", mode: str) -> None:
    """Complete the assessment and show it. On a terminal: a screen that fits (saved, the
    level, the scores, the first actions) with the `show` commands for the whole report, so
    that nothing of it scrolls away; into a file or a pipe: every answer, then the report.
    (Completing is conversation.complete's, before this.)"""
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


def _summary_text(session: "Session", sections: "list[ReviewSection]") -> str:
    """The end of a run into a file or a pipe: every answer in plain lines, no styling,
    wrapped at word boundaries (`textwidth.prose_room`)."""
    from clustercli.i18n import pick, t
    from clustercli.textwidth import wrap

    lang = session.lang
    lines = [t("engine.done", lang), t("engine.assessment_id", lang, id=session.id), "",
             t("engine.summary_title", lang)]
    for section in sections:
        lines.append(f"{section.title}")
        lines += [f"  - {pick(item.question.text, lang)} {item.answer}"
                  for item in section.items]
    return "\n".join(part for line in lines for part in wrap(line, prose_room()))


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
    from clustercli.cli.conversation import complete, converse, mode_for
    from clustercli.engine import answers_file, flow
    from clustercli.engine import session as sessions
    from clustercli.paths import shipped_set
    from clustercli.questionset import cache

    lang = use_language(lang)
    qset = cache.load(questions or shipped_set())
    given = answers_file.read(answers, qset, lang) if answers else None
    mode = mode_for(plain, given is not None)
    privacy: list[str] = []
    privacy_notice_once(client, lang, show=privacy.append)
    # stored once the first question is on the screen, while it is read (Session.prepare),
    # and held open for this session from then on (Session.keep_open)
    session = sessions.begin(data_store, qset, lang, client, respondent)
    session.keep_open()
    try:
        notices = flow.apply_given(session, given) if given else []
        converse(session, mode, notes=bool(client.strip()), intro=True, notices=notices,
                  privacy=privacy[0] if privacy else None)
        complete(session)
        _finish(session, mode)
    finally:
        session.close()


def _open(store: "Store", assessment_id: str, lang: str | None) -> "Session":
    """An assessment opened for an interview, held open for it (`OpenElsewhere` if another
    terminal has it)."""
    from clustercli.engine import session as sessions

    session = sessions.reopen(store, assessment_id, chosen_language(lang))
    use_language(session.lang)
    return session


@collector_paused()
def resume(
    assessment_id: Annotated[str | None, typer.Argument(
        callback=clean_id, help=H("cli.arg.resume_id"), metavar=H("cli.metavar.id"),
        show_default=False)] = None,
    lang: CheckLangOption = None,
    plain: Plain = False,
) -> None:
    """A check in progress goes on at its first open question; a completed one with an
    unfinished edit (a draft) goes on with that edit, as `edit` does."""
    from clustercli.cli.conversation import complete, converse, mode_for
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
    mode = mode_for(plain, False)
    session.keep_open()
    try:
        notices = [flow.opened(session)]
        notice = flow.set_change_notice(session, cache.load(shipped_set()))
        if notice:
            notices.append(notice)
        converse(session, mode, notes=bool(session.record.client), intro=False,
                  notices=notices, at_review=session.editing)
        complete(session)
        _finish(session, mode)
    finally:
        session.close()


@collector_paused()
def edit(
    assessment_id: Annotated[str, typer.Argument(
        callback=clean_id, help=H("cli.arg.edit_id"), metavar=H("cli.metavar.id"))],
    lang: CheckLangOption = None,
    plain: Plain = False,
) -> None:
    """Changes are a draft until the edit is finished: stopping leaves the completed check as
    it was, and `edit` (or `resume`) again goes on with the draft."""
    from clustercli.cli.conversation import complete, converse, mode_for, resume_command
    from clustercli.engine import flow
    from clustercli.errors import BadInput

    use_language(lang)
    store = data_store()
    session = _open(store, assessment_id, lang)
    if not session.editing:
        raise BadInput("engine.not_completed", id=assessment_id,
                       command=resume_command(assessment_id))
    mode = mode_for(plain, False)
    session.keep_open()
    try:
        notices = [flow.opened(session)] if session.record.draft is not None else []
        converse(session, mode, notes=bool(session.record.client), intro=False,
                  notices=notices, at_review=True)
        complete(session)
        _finish(session, mode)
    finally:
        session.close()


def list_assessments(
    format: Annotated[ListFormat, typer.Option("--format", help=H("cli.opt.format"))] = (
        ListFormat("table")),
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
