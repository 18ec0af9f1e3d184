"""Click's and typer's own words in the user's language: usage errors and the small print of
the help.

typer 0.29 carries its own copy of click (`typer._click`), and in that copy the messages are
plain f-strings, not gettext calls: "Error: …", "Try '… -h' for help.", "Invalid value for …",
"Missing option …", "No such option: …", "Got unexpected extra argument(s) (…)". Their
exceptions keep what a message is about (the parameter, the option, the close matches), so
`LocalizedUsageError` says it anew from that, in the words of our catalogue (cli.json,
`usage.*`); the root group (cli/app.py) raises it in place of click's. Typer's own core still
routes its few words through gettext (`from gettext import gettext as _`: "default: {default}",
"required", "Missing command.", the headings); gettext has no way to hand the default domain a
catalogue that is not a .mo file found through LANGUAGE, so `install` puts a gettext
translations object of ours (`Translations.gettext`) in the place of that `_`.
"""


import gettext
from typing import IO, Any

import typer.core
from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
)
from typer._click.exceptions import (
    UsageError as UsageError,  # the commands catch it (cli/app.py)
)

from clustercli.cli.run import current_language
from clustercli.i18n import t, template
from clustercli.names import visible

# typer.core's gettext message ids and our key for each (tests/test_cli_help.py checks that
# every `_("…")` of typer.core is here). The translation keeps typer's placeholders.
TYPER_WORDS = {
    "(dynamic)": "cli.usage.dynamic",
    "Aborted!": "cli.usage.aborted",
    "default: {default}": "cli.usage.default",
    "required": "cli.usage.required",
    "env var: {var}": "cli.usage.env_var",
    "Arguments": "cli.help.arguments",
    "Options": "cli.help.options",
    "Commands": "cli.help.commands",
    "Missing command.": "cli.usage.missing_command",
    "No such command {name!r}.": "cli.usage.no_such_command_typer",
}

HELP_OPTIONS = ("-h", "--help")  # the app's help_option_names

# click's usage-line placeholders, as typer writes them, and our words for them
OPTIONS_METAVAR = "[OPTIONS]"
COMMAND_METAVAR = "COMMAND [ARGS]..."


class Translations(gettext.NullTranslations):
    """typer's gettext words in the language of the run (see the module's docstring)."""

    def gettext(self, message: str) -> str:
        key = TYPER_WORDS.get(message)
        return message if key is None else template(key, current_language())

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)


def install() -> None:
    """typer.core's `_` (gettext.gettext, imported under that name) becomes ours."""
    typer.core._ = Translations().gettext  # type: ignore[attr-defined]


def _hint(error: BadParameter) -> str:
    if error.param_hint is not None:
        hint = error.param_hint
        return hint if isinstance(hint, str) else " / ".join(repr(item) for item in hint)
    return error.param.get_error_hint() if error.param is not None else ""


def message(error: UsageError, lang: str, root: Any = None) -> str:
    """What went wrong, in `lang`, from what the exception knows (and, for an option used
    wrongly, whether that option takes a value: its command's, or any of `root`'s)."""
    if isinstance(error, MissingParameter):
        kind = error.param_type or (error.param.param_type_name if error.param else "")
        key = "cli.usage.missing_argument" if kind == "argument" else "cli.usage.missing_option"
        return t(key, lang, param=_hint(error))
    if isinstance(error, BadParameter):
        hint = _hint(error)
        if not hint:
            return t("cli.usage.invalid", lang, message=error.message)
        return t("cli.usage.invalid_value", lang, param=hint, message=error.message)
    if isinstance(error, NoSuchOption):
        text = t("cli.usage.no_such_option", lang, option=visible(error.option_name))
        if error.possibilities:
            text += " " + t("cli.usage.did_you_mean", lang,
                            options=", ".join(sorted(error.possibilities)))
        return text
    if isinstance(error, BadOptionUsage):
        if _is_flag(error.option_name, error.ctx.command if error.ctx else root):
            return t("cli.usage.takes_no_value", lang, option=error.option_name)
        return t("cli.usage.needs_value", lang, option=error.option_name)
    return error.message  # ours (already in `lang`), or typer's through Translations


def _is_flag(name: str, command: Any) -> bool:
    """Whether the option `name` takes no value: the help option, or a flag of `command` or
    of a command below it (click's parser raises without saying which command it parsed; an
    option has the same form in every command that has it)."""
    if command is None:
        return False
    if name in HELP_OPTIONS:
        return True
    if any(name in getattr(param, "opts", ()) and getattr(param, "is_flag", False)
           for param in command.params):
        return True
    return any(_is_flag(name, sub) for sub in getattr(command, "commands", {}).values())


class LocalizedUsageError(UsageError):
    """Click's usage error, said in the user's language: the usage line, how to get help, and
    what went wrong (exit 2, as click's)."""

    def __init__(self, original: UsageError, root: Any = None) -> None:
        super().__init__(original.message, original.ctx)
        self.original, self.root = original, root

    def format_message(self) -> str:
        return message(self.original, current_language(), self.root)

    def show(self, file: IO[Any] | None = None) -> None:
        lang = current_language()
        lines = []
        if self.ctx is not None:
            lines.append(self.ctx.get_usage())
            if self.ctx.command.get_help_option(self.ctx) is not None:
                lines.append(t("cli.usage.try_help", lang, command=self.ctx.command_path,
                               option=self.ctx.help_option_names[0]))
            lines.append("")
        lines.append(t("cli.usage.error", lang, message=self.format_message()))
        typer.echo("\n".join(lines), file=file, err=file is None)


def localized(error: UsageError, root: Any = None) -> UsageError:
    """The error to raise in place of click's (`root`: the command tree it came from): help
    asked by giving no arguments stays as it is (it shows the help, which is ours already)."""
    if isinstance(error, (LocalizedUsageError, NoArgsIsHelpError)):
        return error
    return LocalizedUsageError(error, root)


def extra_arguments(args: list[str], lang: str) -> str:
    return t("cli.usage.extra_arguments", lang, count=len(args),
             args=" ".join(visible(str(arg)) for arg in args))
