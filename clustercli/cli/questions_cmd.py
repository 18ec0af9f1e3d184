"""`clustercli questions check|show|trace`: the question-set format, for authors and advisors."""


from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from clustercli.cli.app import (
    ClusterSubgroup,
    H,
    LangOption,
    SetCommand,
    prose_room,
    use_language,
    write_output,
)
from clustercli.cli.output import QUESTION_SET_FORMATS, Listing, QuestionSetFormat, emit

if TYPE_CHECKING:
    from clustercli.questionset.model import QuestionSet

questions_app = typer.Typer(cls=ClusterSubgroup, help=H("cli.questions.help"), no_args_is_help=True,
                            rich_markup_mode=None)


SetPath = Annotated[Path | None, typer.Argument(help=H("cli.questions.arg_path"),
                                                metavar=H("cli.metavar.file"),
                                                show_default=False)]


def _load(path: Path | None) -> "QuestionSet":
    from clustercli.paths import shipped_set
    from clustercli.questionset.loader import load

    return load(path or shipped_set())


@questions_app.command("check", help=H("cli.questions.check.help"), cls=SetCommand)
def check(path: SetPath = None, lang: LangOption = None) -> None:
    from clustercli.errors import InputProblems
    from clustercli.i18n import t
    from clustercli.paths import shipped_set
    from clustercli.routing import data as organisations

    lang = use_language(lang)
    qset = _load(path)
    # The organisation data serves every set; against the shipped set it must also name only
    # questions, answers and dimensions that set has (a custom set may route less).
    data = organisations.shipped()
    if path is None:
        problems = organisations.check_against_question_set(data, qset)
        if problems:
            file = str(organisations.default_path())
            raise InputProblems("routing.load.invalid", problems, file=file,
                                count=len(problems))
    from clustercli.questionset.loader import rules_path_for

    def count(what: str, number: int) -> str:  # "1 area", "7 areas"
        return t(f"questions.count.{what}", lang, count=number)

    set_path = path or shipped_set()
    typer.echo(t("questions.check.ok", lang, file=str(set_path), id=qset.id,
                 version=qset.version, questions=count("questions", len(qset.questions)),
                 areas=count("areas", len(qset.dimensions)),
                 languages=", ".join(qset.languages)))
    rules_file = str(rules_path_for(set_path))
    if qset.rules is None:
        typer.echo(t("profile.rules.check_none", lang, file=rules_file))
    else:
        typer.echo(t("profile.rules.check_ok", lang, file=rules_file,
                     levels=count("levels", len(qset.rules.levels)),
                     caps=count("caps", len(qset.rules.caps)),
                     advice=count("advice", len(qset.rules.advice))))
    typer.echo(t("routing.check_ok", lang, file=str(organisations.default_path()),
                 organisations=count("organisations", len(data.organisations)),
                 routes=count("routes", len(data.routes))))


@questions_app.command("show", help=H("cli.questions.show.help"), cls=SetCommand)
def show(path: SetPath = None,
         format: Annotated[QuestionSetFormat, typer.Option(
             "--format", help=H("cli.opt.format"))] = QuestionSetFormat("text"),
         lang: LangOption = None) -> None:
    from clustercli.questionset.describe import to_json_data, to_text
    from clustercli.textwidth import wrap_lines

    lang = use_language(lang)
    qset = _load(path)
    emit(QUESTION_SET_FORMATS, format,
         Listing(text=lambda: wrap_lines(to_text(qset, lang), prose_room()),
                 data=lambda: to_json_data(qset)), None)


@questions_app.command("trace", help=H("cli.questions.trace.help"), cls=SetCommand)
def trace(path: SetPath = None, lang: LangOption = None) -> None:
    from clustercli.questionset.describe import trace_markdown
    from clustercli.routing.recommendations import cited_routes

    lang = use_language(lang)
    write_output(trace_markdown(_load(path), lang, cited_routes()), None)
