"""A question as a type sees it (`QuestionFields`), and the fields only some types take.

`clustercli.questionset.model.Question` has every field; a type reads it through this protocol,
so that the types do not import the model (the model finds its type by name).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

# The fields that belong to some types only: the name a type lists in `takes`, and how a
# problem names the field when a question of another type has it.
OPTIONS, POINTS, BOUNDS = "options", "points", "bounds"


class OptionFields(Protocol):
    @property
    def key(self) -> str: ...

    @property
    def label(self) -> dict[str, str]: ...

    @property
    def score(self) -> float | None: ...


class QuestionFields(Protocol):
    """What a type reads of a question."""

    @property
    def id(self) -> str: ...

    @property
    def options(self) -> Sequence[OptionFields] | None: ...

    @property
    def scale(self) -> str | None: ...

    @property
    def min(self) -> float | None: ...

    @property
    def max(self) -> float | None: ...

    @property
    def labels(self) -> dict[str, list[str]] | None: ...

    @property
    def allow_unknown(self) -> bool: ...

    @property
    def required(self) -> bool: ...

    @property
    def option_keys(self) -> tuple[str, ...]: ...

    def option(self, key: str) -> OptionFields | None: ...
