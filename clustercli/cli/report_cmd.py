"""`clustercli show ID`: the report of a self-check, on the screen or as md, html or json.

Also `print_report`, which start, resume and edit call when a self-check is finished, so that
the report at the end of the interview is the very report `show` gives. Only typer and the
CLI's own helpers are imported at the top; the report, the renderers and rich only when a
report is made, so that `clustercli --help` stays fast.
"""

import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO, TypeAlias

import typer

from clustercli.cli.app import (
    ClusterCommand,
    H,
    _run,
    clean_id,
    data_store,
    echo_error,
    lang_option,
    use_check_language,
    use_language,
)
from clustercli.cli.output import REPORT_FORMATS, ReportFormat, Shown, emit
from clustercli.textwidth import PROSE_WIDTH, prose_room

if TYPE_CHECKING:
    from clustercli.questionset.model import QuestionSet
    from clustercli.records import Assessment, Store
    from clustercli.report.model import Report


def build(record: "Assessment", qset: "QuestionSet", lang: str, *,
          with_notes: bool = False) -> "Report":
    from clustercli.report import build_report

    return build_report(record, qset, lang, with_notes=with_notes)


def print_report(record: "Assessment", qset: "QuestionSet", lang: str, *,
                 store: "Store | None" = None, plain: bool = False, with_notes: bool = False,
                 stream: TextIO | None = None) -> None:
    """The report on the terminal (rich, or plain text where `terminal.use_plain` says so),
    at the end of start, resume and edit: the very report `show` gives, the change since an
    earlier check of the same client and respondent included when the store is given."""
    from clustercli.render import terminal

    report = build(record, qset, lang, with_notes=with_notes)
    if store is not None:
        report = _with_change_since_previous(report, store, record, lang)
    terminal.show(report, stream, plain=plain)


# `show ID -o FILE` without --format: the format its name asks for.
SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".json": "json"}


def report_format(format: str | None, output: Path | None) -> str:
    """The format asked for; without one, the one the file's name asks for, else terminal."""
    if format is not None:
        return str(format)
    return SUFFIXES.get(output.suffix.lower(), "terminal") if output is not None else "terminal"


def print_end_screen(record: "Assessment", qset: "QuestionSet", lang: str, *,
                     rich: bool) -> None:
    """What the user is left with on the terminal after finishing (in rich, unless `rich` is
    false or `terminal.use_plain` says plain text): saved under which id, the level, the
    scores, the first actions that fit the screen, and the commands for the whole report and
    a copy to print (render/rich_report.py `end_screen`, render/plain.py `end_text`)."""
    import shutil

    from clustercli.i18n import t
    from clustercli.render import terminal

    report = build(record, qset, lang)
    saved = t("report.end.saved", lang, id=record.id)
    commands = [(t("report.end.whole", lang), command("show", record.id)),
                (t("report.end.print", lang),
                 command("show", record.id, "-o", t("report.end.file", lang)))]
    if rich and not terminal.use_plain(sys.stdout):
        from clustercli.render import screens
        from clustercli.render.rich_report import end_screen

        end_screen(screens.console(sys.stdout, PROSE_WIDTH), report, saved, commands)
        return
    from clustercli.render.plain import end_text

    height = shutil.get_terminal_size((80, 24)).lines
    sys.stdout.write(end_text(report, saved, commands, prose_room(), height))


def command(*words: str) -> str:
    """A clustercli command as it can be pasted into a shell (with --data-dir where given)."""
    explicit = _run.get("data_dir")
    prefix = ["clustercli", *(["--data-dir", str(explicit)] if explicit else [])]
    return shlex.join([*prefix, *words])


# without --lang: the language of the self-check
if TYPE_CHECKING:
    ShowLangOption: TypeAlias = str | None
else:
    ShowLangOption = lang_option("report.cli.lang")


def show(
    assessment_id: Annotated[str, typer.Argument(
        callback=clean_id, help=H("report.cli.arg_id"), metavar=H("cli.metavar.id"))],
    format: Annotated[ReportFormat | None, typer.Option(
        "--format", help=H("report.cli.format"), show_default=False)] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help=H("report.cli.output"),
                                                metavar=H("cli.metavar.file"),
                                                show_default=False)] = None,
    details: Annotated[bool, typer.Option("--details", help=H("report.cli.details"))] = False,
    lang: ShowLangOption = None,
    with_notes: Annotated[bool, typer.Option("--with-notes",
                                             help=H("report.cli.with_notes"))] = False,
    plain: Annotated[bool, typer.Option("--plain", help=H("report.cli.plain"))] = False,
) -> None:
    from clustercli.engine.session import stored_set
    from clustercli.i18n import t

    use_language(lang)  # for a message before the assessment is found
    store = data_store()
    record = store.load(assessment_id)  # an unknown id: NotFound, exit 2
    lang = use_check_language(lang, record.language)
    report = build(record, stored_set(store, record), lang, with_notes=with_notes)
    report = _with_change_since_previous(report, store, record, lang)
    form = report_format(format, output)
    if form == "terminal" and output is None:  # on the screen: rich, or plain text
        from clustercli.render import terminal

        terminal.show(report, sys.stdout, plain=plain, sections=layout(details))
        return
    if report.unfinished and form != "terminal":
        echo_error(report.unfinished)  # also where a file or a program gets the report
    emit(REPORT_FORMATS, form, Shown(report, layout(details)), output)
    if output is not None:
        echo_error(t("report.written", lang, file=str(output)))


def layout(details: bool) -> tuple[str, ...]:
    """The sections to show: the short report, or with the long explanation per area."""
    from clustercli.report.sections import SECTIONS, SHORT

    return SECTIONS if details else SHORT


def _with_change_since_previous(report: "Report", store: "Store", record: "Assessment",
                                lang: str) -> "Report":
    from dataclasses import replace

    from clustercli.advisor.compare import change_since_previous
    from clustercli.advisor.compare_view import since_lines

    change = change_since_previous(store, record)
    return report if change is None else replace(report, since=tuple(since_lines(change, lang)))


def register(app: typer.Typer) -> None:
    app.command("show", help=H("report.cli.help"), epilog=H("cli.show.examples"),
                cls=ClusterCommand)(show)
