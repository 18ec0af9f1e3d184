"""The click commands every clustercli command is made of: help and usage in the language of
the run, `--data-dir` also after a command's name, and the root group, the one place where the
core's exceptions become a message on stderr and an exit code (and a stop signal one line and
128 + the signal), so that no command repeats that and no traceback reaches the user.
"""


import contextlib
import copy
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from typer.core import TyperCommand, TyperGroup

from clustercli import interrupts, textwidth
from clustercli.cli import usage
from clustercli.cli.coercion import plain_coercion
from clustercli.cli.helpscreen import Formatter, HelpTexts, summary, write_examples
from clustercli.cli.run import current_language, look_ahead, remember_data_dir
from clustercli.errors import EXIT_FAILURE, ClusterError, Interrupted
from clustercli.i18n import t

if TYPE_CHECKING:
    from typer._click.core import Command as ClickCommand
    from typer._click.core import Context as ClickContext

    _OnACommand = ClickCommand  # _Localized is mixed into typer's command and group
else:
    _OnACommand = object

DEBUG_ENV = "CLUSTERCLI_DEBUG"


def echo_error(text: str) -> None:
    """A message on stderr: on a terminal wrapped at word boundaries to its width; into a
    file or a pipe (a log, a script) as it is, a line per sentence group, easy to search."""
    # A terminal closed under us (SIGHUP) cannot be told anything: no second error about that.
    with contextlib.suppress(OSError):
        typer.echo(textwidth.for_terminal(text, textwidth.columns(sys.stderr)), err=True)


def stopped() -> NoReturn:
    """A signal (or Ctrl-C, or the end of input) stopped the run: one line, exit 128 + it."""
    interrupts.end(current_language())


class _Context(typer.Context):
    formatter_class = Formatter  # our words, wrapped at word boundaries to the terminal


class _Localized(_OnACommand):
    """Help and usage in the language of the run (cli/helpscreen.py, cli/usage.py)."""

    context_class: "type[ClickContext]" = _Context

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        plain_coercion(self.params)
        self.texts = HelpTexts(self)

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        self.texts.put(current_language())  # before --help, an error or the command need them
        return super().make_context(*args, **kwargs)

    def get_short_help_str(self, limit: int = 45) -> str:
        """The first sentence of the help, whole: the command list wraps it, never cuts it."""
        self.texts.put(current_language(), params=False)
        return summary(self.help or "")

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        if self.epilog:
            write_examples(formatter, self.epilog, current_language())

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = t("cli.help.option", current_language())
            plain_coercion([option])  # made on demand, so not among the params at __init__
        return option


class ClusterCommand(_Localized, TyperCommand):
    """Every command: localized help; `--data-dir` after the command's name too (given to it
    by the root group, see ClusterGroup) when it `uses_data_folder`."""

    uses_data_folder = True

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        """`[OPTIONS] ID`: an argument by its name, in brackets when it may be left out (typer
        writes a required one as `{ID}`)."""
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = _argument_name(param)
                pieces.append(name if param.required else f"[{name}]")
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        """Arguments by their name and help (typer adds its type, `ID <str>`), then the
        options as typer writes them."""
        lang = current_language()
        arguments, options = [], []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                said = getattr(param, "help", None) or ""
                extra = f"  [{t('cli.usage.required', lang)}]" if param.required else ""
                arguments.append((_argument_name(param), said + extra))
            else:
                record = param.get_help_record(ctx)
                if record is not None:
                    options.append(record)
        for heading, rows in (("cli.help.arguments", arguments), ("cli.help.options", options)):
            if rows:
                with formatter.section(t(heading, lang)):
                    formatter.write_dl(rows)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """click's own check of extra arguments, said in the user's language."""
        allowed, ctx.allow_extra_args = ctx.allow_extra_args, True
        try:
            rest = super().parse_args(ctx, args)
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            ctx.fail(usage.extra_arguments(rest, current_language()))
        return rest


def _argument_name(param: Any) -> str:
    return str(param.metavar or (param.name or "").upper())


class SetCommand(ClusterCommand):
    """A command about a question set, not about the data folder (`questions …`)."""

    uses_data_folder = False


class ClusterSubgroup(_Localized, TyperGroup):
    """A group below the root (e.g. `questions`): localized help."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        _refuse_unknown(self, ctx, args)
        return super().resolve_command(ctx, args)


def _refuse_unknown(group: Any, ctx: Any, args: list[str]) -> None:
    """An unknown command's name, said in the user's language with the names it resembles
    (typer adds an English "Did you mean"); a known one is left to the group to resolve."""
    name = args[0]
    if group.get_command(ctx, name) is not None or ctx.resilient_parsing or name.startswith("-"):
        return
    from difflib import get_close_matches

    lang = current_language()
    said = t("cli.usage.no_such_command", lang, name=name)
    close = get_close_matches(name, group.list_commands(ctx))
    if close:
        said += " " + t("cli.usage.did_you_mean", lang, options=", ".join(close))
    ctx.fail(said)


def _spread(group: Any, data_dir: Any, lang: Any) -> None:
    """The root's `--data-dir`, also after the name of every command that uses the data
    folder, and its `--lang` in every group below it (a command has its own): each option
    copied, its value recorded for the run (`--lang` by the look-ahead) instead of passed."""
    for command in group.commands.values():
        if hasattr(command, "commands"):
            command.params.append(_recording(lang, lambda value: None))
            _spread(command, data_dir, lang)
        elif getattr(command, "uses_data_folder", False):
            command.params.append(_recording(data_dir, remember_data_dir))


def _recording(option: Any, record: Any) -> Any:
    own = copy.copy(option)
    own.expose_value = False
    own.callback = lambda ctx, param, value: record(value)
    return own


class ClusterGroup(_Localized, TyperGroup):
    """The root group: settles what the run looks ahead for (`--lang`), says click's usage
    errors in the user's language, and maps the core's exceptions to messages and exit codes.

    A stop signal (clustercli.interrupts) is a KeyboardInterrupt: "Stopped." and exit 128 + the
    signal, or, during an interview, the pause with how to continue, exit the same. Whatever
    breaks once a signal came (the terminal of a SIGHUP is gone) is that stop, not a bug."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        options = {param.name: param for param in self.params}
        if "data_dir" in options:  # a group made for a test may have neither
            _spread(self, options["data_dir"], options["lang"])

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        args = list(sys.argv[1:] if args is None else args)
        look_ahead(args)  # the language of help and errors, before click parses anything
        return super().main(args, *rest, **kwargs)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        _refuse_unknown(self, ctx, args)
        return super().resolve_command(ctx, args)

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            interrupts.begin()  # the imports are done: a signal held since start-up acts now
            return super().make_context(*args, **kwargs)
        except KeyboardInterrupt:  # click would exit 130 without a word, whatever the signal
            stopped()
        except usage.UsageError as error:
            raise usage.localized(error, self) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except usage.UsageError as error:
            raise usage.localized(error, self) from None
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
