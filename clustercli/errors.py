"""The core's own exceptions.

The core never prints and never exits: it raises one of these, and the CLI turns it into a
message in the user's language and an exit code (2 for bad input or usage, 1 for other failures,
130 for an interruption). A message is a catalogue key plus parameters, so that the same error
reads in Dutch or English depending on who is at the terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130


@dataclass
class Problem:
    """One thing wrong with an input file, located as precisely as we can."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    file: str | None = None
    line: int | None = None
    column: int | None = None
    question: str | None = None
    field: str | None = None


class ClusterError(Exception):
    """Base of every error the core raises on purpose."""

    exit_code = EXIT_FAILURE

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def __str__(self) -> str:  # readable in logs and tests, without the catalogue
        return f"{self.key} {self.params}" if self.params else self.key


class BadInput(ClusterError):
    """The user gave us something we cannot use: a file, a value, an id."""

    exit_code = EXIT_BAD_INPUT


class InputProblems(BadInput):
    """A file with one or more located problems (a question set, an answers file)."""

    def __init__(self, key: str, problems: list[Problem], note: str | None = None,
                 **params: Any) -> None:
        super().__init__(key, **params)
        self.problems = problems
        self.note = note  # a catalogue key said after the problems, e.g. what was not checked

    def __str__(self) -> str:
        return "\n".join(f"{p.file}:{p.line}: {p.question} {p.field} {p.key} {p.params}"
                         for p in self.problems)


class Interrupted(ClusterError):
    """The user stopped on purpose (pause, Ctrl-C, end of input); answers are saved."""

    exit_code = EXIT_INTERRUPTED
