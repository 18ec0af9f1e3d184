"""The README's command and option tables, made from the commands' own help: the very texts,
usage and defaults that `clustercli COMMAND --help` prints, in English.

    uv run python tests/readme_help.py          # rewrite the tables in README.md
    uv run python tests/readme_help.py --print  # print README.md as it should be

A table is placed by a marker line in README.md; what follows it up to `<!-- /help -->` is
made here (anything written there by hand is replaced):

    <!-- help: commands start, resume, questions check -->   one row per command
    <!-- help: options list -->           `list`'s usage and what it does, a row per option
    <!-- help: options -->                the global options

Every command with options must have its options table, so a new one cannot be left out.
tests/test_readme.py fails when README.md differs from what this makes.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

README = Path(__file__).resolve().parent.parent / "README.md"
REGENERATE = "uv run python tests/readme_help.py"
MARKER = re.compile(r"<!-- help: (commands|options)\s*(.*?)\s*-->")
END = "<!-- /help -->"
PROG = "clustercli"


class Unknown(ValueError):
    """A marker that names no command of the CLI."""


def _root() -> Any:
    """The click command tree. The help texts are made when the CLI is imported, in the
    language of CLUSTERCLI_LANG at that moment: English, set before the import."""
    os.environ["CLUSTERCLI_LANG"] = "en"
    import typer.main

    from clustercli.cli import app

    return typer.main.get_command(app)


def commands(root: Any) -> dict[str, tuple[Any, Any]]:
    """Every command by its words ("list", "questions check"), with a context for it, in the
    order `--help` lists them; groups (`questions`) too."""
    found: dict[str, tuple[Any, Any]] = {}

    def walk(group: Any, parent: Any, words: list[str]) -> None:
        for name in group.list_commands(parent):
            command = group.get_command(parent, name)
            here = [*words, name]
            context = command.make_context(name, [], parent=parent, resilient_parsing=True)
            found[" ".join(here)] = (command, context)
            if hasattr(command, "list_commands"):
                walk(command, context, here)

    root_context = root.make_context(PROG, [], resilient_parsing=True)
    found[""] = (root, root_context)
    walk(root, root_context, [])
    return found


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _code(text: str) -> str:
    return f"`{_cell(text)}`"


def usage(words: str, command: Any, context: Any) -> str:
    """`clustercli show [options] ID`: the arguments by the name `--help` gives them, optional
    ones in brackets."""
    pieces = [PROG, *words.split()]
    if _options(command, context):
        pieces.append("[options]")
    for param in command.params:
        if param.param_type_name == "argument":
            name = param.metavar or (param.name or "").upper()
            pieces.append(name if param.required else f"[{name}]")
    if hasattr(command, "list_commands"):
        pieces.append("COMMAND")
    return " ".join(pieces)


def _what(command: Any) -> str:
    return _cell(command.get_short_help_str(limit=1000))


def commands_table(found: dict[str, tuple[Any, Any]], names: list[str]) -> list[str]:
    lines = ["| command | what it does |", "|---|---|"]
    for name in names:
        if name not in found or not name:
            raise Unknown(name)
        command, context = found[name]
        lines.append(f"| {_code(usage(name, command, context))} | {_what(command)} |")
    return lines


def _options(command: Any, context: Any) -> list[tuple[str, str]]:
    """What `--help` says of each option, but -h/--help itself (every command has it)."""
    records = [param.get_help_record(context) for param in command.get_params(context)
               if param.param_type_name == "option"]
    return [record for record in records if record is not None and "--help" not in record[0]]


def options_table(found: dict[str, tuple[Any, Any]], name: str) -> list[str]:
    """A command's usage and what it does, then its options (the global ones: just those)."""
    if name not in found:
        raise Unknown(name)
    command, context = found[name]
    lines = [f"{_code(usage(name, command, context))}: {_what(command)}", ""] if name else []
    lines += ["| option | what it does |", "|---|---|"]
    lines += [f"| {_code(flags)} | {_cell(text)} |" for flags, text in _options(command, context)]
    return lines


def render(text: str, found: dict[str, tuple[Any, Any]]) -> str:
    """README text with every marked table made afresh. `Unknown` for a marker naming no
    command, ValueError when a command has no options table."""
    lines = text.split("\n")
    out: list[str] = []
    with_options: set[str] = set()
    index = 0
    while index < len(lines):
        line = lines[index]
        out.append(line)
        index += 1
        match = MARKER.fullmatch(line.strip())
        if not match:
            continue
        kind, what = match.groups()
        if kind == "commands":
            out += commands_table(found, [word.strip() for word in what.split(",")])
        else:
            out += options_table(found, what)
            with_options.add(what)
        out += ["", END]  # a blank line first: the table ends before the marker
        try:
            index = lines.index(END, index) + 1  # past what was there
        except ValueError:
            raise ValueError(f"README.md: '{line.strip()}' has no '{END}' after it") from None
    missing = [name or PROG for name, pair in found.items()
               if name not in with_options and _options(*pair)]
    if missing:
        raise ValueError(f"no options table for: {', '.join(missing)} "
                         f"(add '<!-- help: options NAME -->' to README.md)")
    return "\n".join(out)


def main(argv: list[str]) -> int:
    found = commands(_root())
    text = render(README.read_text(encoding="utf-8"), found)
    if "--print" in argv:
        sys.stdout.write(text)
    else:
        README.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
