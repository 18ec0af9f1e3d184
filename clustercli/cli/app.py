"""The typer application: its global options, the options commands share, and the helpers
every command uses (the data folder, ids and names as typed, writing text).

Commands stay thin: they parse options, call the core, and print what it returns. The core raises
its own exceptions (clustercli.errors); the root group (cli/commands.py) turns each into a
message in the user's language on stderr and its exit code, so no command repeats that and no
traceback reaches the user. Only typer and the standard library are imported at the top, so
that `--help` and `--version` stay fast; everything else is imported inside the command that
needs it.
"""


from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias

import typer

from clustercli import __version__
from clustercli.cli import usage
from clustercli.cli.commands import (
    ClusterCommand,
    ClusterGroup,
    ClusterSubgroup,
    SetCommand,
    echo_error,
    stopped,
)
from clustercli.cli.helpscreen import H
from clustercli.cli.run import (
    _run,
    chosen_language,
    current_language,
    data_dir_given,
    remember_data_dir,
    use_check_language,
    use_language,
)
from clustercli.textwidth import prose_room, table_room

if TYPE_CHECKING:
    from clustercli.records import Store

__all__ = [
    "ClusterCommand",
    "ClusterSubgroup",
    "H",
    "SetCommand",
    "_run",
    "chosen_language",
    "current_language",
    "echo_error",
    "prose_room",
    "stopped",
    "table_room",
    "use_check_language",
    "use_language",
]

usage.install()  # typer's own gettext words in the language of the run


def data_dir_option() -> Path:
    """The data folder of this run (`--data-dir` before or after the command's name,
    CLUSTERCLI_HOME, platform default)."""
    from clustercli.paths import data_dir

    return data_dir(data_dir_given())


def data_store() -> "Store":
    """The store in this run's data folder: the one way a command opens it."""
    from clustercli.storage import open_store

    return open_store(data_dir_option())


def clean_id(value: str | None) -> str | None:
    """An id as typed or pasted: surrounding spaces and capitals do not make another id."""
    return value.strip().lower() if isinstance(value, str) else value


def clean_name(param: typer.CallbackParam, value: str | None) -> str | None:
    """A client or respondent name as given; refused (exit 2) if it holds a control
    character, which would reach every terminal, report and spreadsheet it is shown in."""
    if isinstance(value, str):
        from clustercli.names import control_characters

        found = control_characters(value)
        if found:
            from clustercli.errors import BadInput

            raise BadInput("cli.control_in_name", option=(param.opts or [param.name])[0],
                           chars=" ".join(found))
    return value


app = typer.Typer(
    cls=ClusterGroup,
    name="clustercli",
    help=H("cli.app.help"),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Language(StrEnum):
    nl = "nl"
    en = "en"


def lang_option(help_key: str) -> Any:
    """`--lang`, with the help that says what a command does without it."""
    return Annotated[Language | None, typer.Option("--lang", help=H(help_key),
                                                   show_default=False)]


# A Language is a str, and a command goes on with the language as text (`use_language`): to a
# type checker the option is the text it gives.
if TYPE_CHECKING:
    LangOption: TypeAlias = str | None
    CheckLangOption: TypeAlias = str | None
else:
    LangOption = lang_option("cli.opt.lang")
    # for a command about one self-check: without --lang, its language
    CheckLangOption = lang_option("cli.opt.lang_check")
# -o FILE: what the command writes goes to this file (clustercli.cli.output.write_file).
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help=H("cli.opt.output"),
                                                   metavar=H("cli.metavar.file"),
                                                   show_default=False)]


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"clustercli {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    data_dir: Annotated[Path | None, typer.Option(
        "--data-dir", help=H("cli.opt.data_dir"), metavar=H("cli.metavar.folder"),
        show_default=False)] = None,
    lang: LangOption = None,  # for the help and errors; it is also the commands' language
    version: Annotated[bool, typer.Option(
        "--version", help=H("cli.opt.version"), callback=_show_version, is_eager=True)] = False,
) -> None:
    remember_data_dir(data_dir)  # a `--data-dir` after the command's name comes later


def write_output(text: str, output: Path | None = None) -> None:
    """Text for people, ending in a newline: on stdout, or in `-o FILE` through the one writer
    (clustercli.cli.output, where every format and output file goes)."""
    from clustercli.cli.output import write

    write(text if text.endswith("\n") else text + "\n", output)
