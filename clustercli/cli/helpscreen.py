"""The help screens: in the language of the run, wrapped at word boundaries to the terminal,
with examples where a command has them.

Help texts are given as catalogue keys (`H`) and put in place (`HelpTexts.put`) when a
command's context is made or its summary is listed, in the language of the run (cli/run.py).
typer builds the command tree before it reads the arguments, so a text chosen when the modules
are imported would be in the language of the environment, not of `--lang`.

Click's formatter cuts a word that does not fit its column and caps the width at 80; ours
never breaks a word (nor at a hyphen), uses the terminal's width up to a readable line
(textwidth.prose_room), and at a narrow terminal puts each option's text below the option
instead of beside it. The lines are wrapped by textwidth's one rule.
"""


from collections.abc import Sequence
from typing import Any

from typer._click.formatting import HelpFormatter

from clustercli.cli.run import current_language
from clustercli.cli.usage import COMMAND_METAVAR, OPTIONS_METAVAR
from clustercli.i18n import t
from clustercli.textwidth import prose_room, wrap

MIN_COLUMN = 28  # narrower than this, an option's text goes below the option
COMMAND_MARK = "$ "  # an example's command line, in the catalogue's `examples` texts

_KEYS: set[str] = set()
_WORDS = {OPTIONS_METAVAR: "cli.usage.options_metavar",
          COMMAND_METAVAR: "cli.usage.command_metavar"}


def H(key: str) -> str:
    """A help text by its catalogue key, for `help=`, `epilog=` and `metavar=`: the text
    itself is put in place when the help is made, in the language of the run."""
    _KEYS.add(key)
    return key


def text(value: str, lang: str) -> str:
    if value in _KEYS:
        return t(value, lang)
    if value in _WORDS:
        return t(_WORDS[value], lang)
    return value


def summary(help_text: str) -> str:
    """The first sentence of a help text: what the command list shows (never cut short)."""
    paragraph = help_text.split("\n\n", 1)[0]
    words = paragraph.split()
    for index, word in enumerate(words):
        if word.endswith("."):
            return " ".join(words[:index + 1])
    return " ".join(words)


class HelpTexts:
    """A command's help texts by key, put in place in a language: its help, examples and
    usage words, and its parameters' help and value names."""

    OWN = ("help", "epilog", "options_metavar", "subcommand_metavar")

    def __init__(self, command: Any) -> None:
        self.command = command
        self.own = {name: getattr(command, name, None) for name in self.OWN}
        self.params: list[tuple[Any, Any, Any]] | None = None  # once the tree is complete

    def put(self, lang: str, params: bool = True) -> None:
        for name, value in self.own.items():
            if isinstance(value, str):
                setattr(self.command, name, text(value, lang))
        if not params:
            return
        if self.params is None:
            self.params = [(param, param.help, param.metavar) for param in self.command.params]
        for param, help_key, metavar in self.params:
            if isinstance(help_key, str):
                param.help = text(help_key, lang)
            if isinstance(metavar, str):
                param.metavar = text(metavar, lang)


class Formatter(HelpFormatter):
    """Click's help formatter, wrapping as the module's docstring says."""

    def __init__(self, indent_increment: int = 2, width: int | None = None,
                 max_width: int | None = None) -> None:
        if width is None:
            width = prose_room() if max_width is None else min(prose_room(), max_width)
        super().__init__(indent_increment, width=width, max_width=max_width)

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        first = f"{' ' * self.current_indent}{t('cli.help.usage', current_language())} {prog} "
        if len(first) + 20 <= self.width:
            lines = wrap(args, self.width, first, " " * len(first))
        else:  # a long command path: the arguments below it
            indent = " " * (self.current_indent + 4)
            lines = [first.rstrip(), *wrap(args, self.width, indent, indent)]
        self.write("\n".join(lines) + "\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        paragraphs = [" ".join(part.split()) for part in text.split("\n\n") if part.strip()]
        self.write("\n\n".join("\n".join(wrap(part, self.width, indent, indent))
                               for part in paragraphs) + "\n")

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30,
                 col_spacing: int = 2) -> None:
        rows = list(rows)
        indent = " " * self.current_indent
        first_col = min(max((len(first) for first, _ in rows), default=0), col_max) + col_spacing
        beside = self.width - self.current_indent - first_col
        for first, second in rows:
            if beside < MIN_COLUMN:  # narrow: the text below, indented
                below = indent + " " * 4
                self.write(f"{indent}{first}\n")
                if second:
                    self.write("\n".join(wrap(second, self.width, below, below)) + "\n")
                continue
            lines = wrap(second, beside) if second else []
            if not lines:
                self.write(f"{indent}{first}\n")
                continue
            if len(first) > first_col - col_spacing:  # too long: its text on the next line
                self.write(f"{indent}{first}\n")
            else:
                self.write(f"{indent}{first:<{first_col}}{lines.pop(0)}\n")
            pad = indent + " " * first_col
            self.write("".join(f"{pad}{line}\n" for line in lines))


def write_examples(formatter: Formatter, examples: str, lang: str) -> None:
    """A command's examples after its options: each line of the text is a sentence saying
    what the next does, or (after `$ `) a command, written whole and never wrapped."""
    with formatter.section(t("cli.help.examples", lang)):
        for line in examples.split("\n"):
            if line.startswith(COMMAND_MARK):
                formatter.write(f"{' ' * (formatter.current_indent + 2)}"
                                f"{line[len(COMMAND_MARK):]}\n")
            elif line.strip():
                formatter.write_text(line)
