"""The typer application: global options, and the one place core errors become exit codes.

Commands stay thin: they parse options, call the core, and print what it returns. The core raises
its own exceptions (clustercli.errors); `ClusterGroup.invoke` turns each into a message in the
user's language on stderr and its exit code, so no command repeats that and no traceback reaches
the user. Only typer and the standard library are imported at the top, so that `--help` and
`--version` stay fast; everything else is imported inside the command that needs it.
"""


import contextlib
import os
import sys
from enum import Enum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, get_args, get_origin

import typer
from typer.core import TyperCommand, TyperGroup

from clustercli import __version__, interrupts
from clustercli.errors import EXIT_FAILURE, ClusterError, Interrupted
from clustercli.i18n import resolve_language, t

if TYPE_CHECKING:
    from clustercli.records import Store

DEBUG_ENV = "CLUSTERCLI_DEBUG"


def H(key: str) -> str:
    """Help text in the language the user asked for through CLUSTERCLI_LANG."""
    return t(key, resolve_language())


# What this run settled: the root callback resets it, commands fill it in. A module-level
# record is enough for a CLI process, and lets the error handler speak the user's language.
_run: dict[str, Any] = {"lang": None, "data_dir": None}


def current_language() -> str:
    return _run["lang"] or resolve_language()


def use_language(explicit: str | None) -> str:
    """Settle the language of this run (`--lang`, env, Dutch) and remember it for errors."""
    _run["lang"] = resolve_language(explicit)
    return _run["lang"]


def data_dir_option() -> Path:
    """The data folder of this run (global `--data-dir`, CLUSTERCLI_HOME, platform default)."""
    from clustercli.paths import data_dir

    return data_dir(_run["data_dir"])


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


def echo_error(text: str) -> None:
    """A message on stderr; on a terminal wrapped at word boundaries to its width."""
    from clustercli import lines

    # A terminal closed under us (SIGHUP) cannot be told anything: no second error about that.
    with contextlib.suppress(OSError):
        typer.echo(lines.wrap(text, lines.columns(sys.stderr)), err=True)


def stopped() -> NoReturn:
    """A signal (or Ctrl-C, or the end of input) stopped the run: one line, exit 128 + it."""
    interrupts.end(current_language())


# Help screens in the user's language: typer words its headings, the usage prefix and the help
# option in English; these small subclasses put our catalogue's words in their place.
class _Formatter(typer.Context.formatter_class):  # type: ignore[misc,name-defined]
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, t("cli.help.usage", current_language()) + " ")

    def write_heading(self, heading: str) -> None:
        key = {"Options": "cli.help.options", "Commands": "cli.help.commands",
               "Arguments": "cli.help.arguments"}.get(heading)
        super().write_heading(t(key, current_language()) if key else heading)


class _Context(typer.Context):
    formatter_class = _Formatter


class _PlainCoercion:
    """Typer turns every option value through a pydantic TypeAdapter, and building the first
    one imports pydantic (~110 ms here) even for `list`, which needs none of it. Our options are
    only text, paths, flags and choices (one, or a repeated text option such as `--recipient`);
    this converts those the obvious way, with typer's own BadParameter for a wrong choice. A
    test checks that `list` does not load pydantic."""

    def __init__(self, annotation: type, many: bool = False) -> None:
        self.annotation = annotation
        self.many = many

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        if self.many and value is not None:
            return [self._one(item, param, ctx) for item in value]
        return self._one(value, param, ctx)

    def _one(self, value: Any, param: Any, ctx: Any) -> Any:
        if value is None or isinstance(value, self.annotation):
            return value
        if issubclass(self.annotation, Enum):
            try:
                return self.annotation(value)
            except ValueError:
                choices = ", ".join(repr(member.value) for member in self.annotation)
                raise typer.BadParameter(t("cli.bad_choice", current_language(), value=value,
                                           choices=choices), ctx=ctx, param=param) from None
        return self.annotation(value)


def _plain_coercion(params: list[Any]) -> None:
    for param in params:
        annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
        multi = getattr(param, "multiple", False) or getattr(param, "nargs", 1) != 1
        if multi and get_origin(annotation) is list and get_args(annotation) in ((str,), (Path,)):
            coercion = _PlainCoercion(get_args(annotation)[0], many=True)
        elif not multi and isinstance(annotation, type) and (
                annotation in (str, Path, bool) or issubclass(annotation, Enum)):
            coercion = _PlainCoercion(annotation)
        else:
            continue
        # typer's private attribute (no public hook does this): pyproject.toml bounds typer
        # for it, and tests/test_architecture.py checks that it still takes effect
        param._runtime_param = coercion


class _Localized:
    context_class = _Context

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _plain_coercion(self.params)  # type: ignore[attr-defined]

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = t("cli.help.option", current_language())
            _plain_coercion([option])  # made on demand, so not among the params at __init__
        return option


class ClusterCommand(_Localized, TyperCommand):
    """Every command: localized help."""


class ClusterSubgroup(_Localized, TyperGroup):
    """A group below the root (e.g. `questions`): localized help."""


class ClusterGroup(_Localized, TyperGroup):
    """The root group: maps the core's exceptions to messages and exit codes.

    A stop signal (clustercli.interrupts) is a KeyboardInterrupt: "Stopped." and exit 128 + the
    signal, or, during an interview, the pause with how to continue, exit the same. Whatever
    breaks once a signal came (the terminal of a SIGHUP is gone) is that stop, not a bug."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            interrupts.begin()  # the imports are done: a signal held since start-up acts now
            return super().make_context(*args, **kwargs)
        except KeyboardInterrupt:  # click would exit 130 without a word, whatever the signal
            stopped()

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except ClusterError as error:
            from clustercli.messages import format_error

            if isinstance(error, Interrupted):  # paused, or stopped at a prompt
                interrupts.stopping()
            echo_error(format_error(error, current_language()))
            code = interrupts.exit_code() if isinstance(error, Interrupted) else error.exit_code
            raise typer.Exit(code) from None
        except (KeyboardInterrupt, EOFError):
            stopped()
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except Exception as error:
            if interrupts.received() is not None:
                stopped()
            if os.environ.get(DEBUG_ENV):
                raise
            echo_error(t("cli.internal_error", current_language(),
                         error=f"{type(error).__name__}: {error}", env=DEBUG_ENV))
            raise typer.Exit(EXIT_FAILURE) from None


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


LangOption = Annotated[Language | None, typer.Option("--lang", help=H("cli.opt.lang"),
                                                     show_default=False)]
# -o FILE: what the command writes goes to this file (clustercli.cli.output.write_file).
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help=H("cli.opt.output"),
                                                   show_default=False)]


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"clustercli {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    data_dir: Annotated[Path | None, typer.Option(
        "--data-dir", help=H("cli.opt.data_dir"), show_default=False)] = None,
    version: Annotated[bool, typer.Option(
        "--version", help=H("cli.opt.version"), callback=_show_version, is_eager=True)] = False,
) -> None:
    _run.update(lang=None, data_dir=data_dir)


def write_output(text: str, output: Path | None = None) -> None:
    """Text for people, ending in a newline: on stdout, or in `-o FILE` through the one writer
    (clustercli.cli.output, where every format and output file goes)."""
    from clustercli.cli.output import write

    write(text if text.endswith("\n") else text + "\n", output)
