"""The README's command and option tables are the commands' own `--help` (tests/readme_help.py
makes them), as docs/traceability.md is the trace of the shipped set (tests/test_content.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest
import typer.main

from clustercli.cli import app
from tests.readme_help import END, README, REGENERATE, Unknown, commands, render


@pytest.mark.slow
def test_the_readme_tables_are_the_help_of_today():
    made = subprocess.run([sys.executable, "tests/readme_help.py", "--print"],
                          cwd=README.parent, capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    assert made.stdout == README.read_text(encoding="utf-8"), (
        f"README.md's command or option tables are out of date; regenerate them: {REGENERATE}")


@pytest.fixture
def found(monkeypatch):
    from clustercli.cli.run import look_ahead

    monkeypatch.setenv("CLUSTERCLI_LANG", "en")  # the help's texts, in English as the README
    look_ahead([])  # a run of its own: nothing left of an earlier test's command
    return commands(typer.main.get_command(app))


def _readme(*markers: str) -> str:
    return "\n".join(f"{marker}\nold text\n{END}\n" for marker in markers)


ALL = [f"<!-- help: options {name} -->" for name in ("", "start", "resume", "edit", "list",
       "show", "clients", "compare", "stats", "export", "import", "delete", "purge",
       "questions", "questions check", "questions show", "questions trace")]


def test_tables_replace_what_stood_between_the_markers(found):
    text = render(_readme("<!-- help: commands list, questions show -->", *ALL), found)
    assert "old text" not in text
    assert "| `clustercli list [options]` |" in text
    assert "| `clustercli questions show [options] [FILE]` |" in text
    assert "`clustercli show [options] ID`: " in text
    assert "| `--with-notes` |" in text and "--help" not in text.replace("`--help`", "")
    assert render(text, found) == text  # made again: the same


def test_a_new_command_without_its_options_table_is_refused(found):
    with pytest.raises(ValueError, match="no options table for: stats"):
        render(_readme(*(marker for marker in ALL if not marker.endswith(" stats -->"))),
               found)


def test_a_marker_naming_no_command_or_without_its_end_is_refused(found):
    with pytest.raises(Unknown, match="shwo"):
        render(_readme("<!-- help: commands list, shwo -->", *ALL), found)
    with pytest.raises(ValueError, match="has no"):
        render("<!-- help: options list -->\n| old |\n", found)
