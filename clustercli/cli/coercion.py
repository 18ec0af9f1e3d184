"""Option values converted without pydantic.

Typer turns every option value through a pydantic TypeAdapter, and building the first one
imports pydantic (~110 ms here) even for `list`, which needs none of it. Our options are only
text, paths, flags and choices (one, or a repeated text option such as `--recipient`); this
converts those the obvious way, with typer's own BadParameter for a wrong choice. A choice is
taken in any case (`--lang EN`), as CLUSTERCLI_LANG is. Tests check that `list` does not load
pydantic and that the conversion is in place.
"""

from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

import typer

from clustercli.cli.run import current_language
from clustercli.i18n import t


class _PlainCoercion:
    """Typer turns every option value through a pydantic TypeAdapter, and building the first
    one imports pydantic (~110 ms here) even for `list`, which needs none of it. Our options are
    only text, paths, flags and choices (one, or a repeated text option such as `--recipient`);
    this converts those the obvious way, with typer's own BadParameter for a wrong choice. A
    test checks that `list` does not load pydantic."""

    def __init__(self, annotation: type[Any], many: bool = False) -> None:
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
            try:  # `--lang EN` as `--lang en`, as CLUSTERCLI_LANG=EN is
                return self.annotation(value.strip().lower())
            except (ValueError, AttributeError):
                choices = ", ".join(repr(member.value) for member in self.annotation)
                raise typer.BadParameter(t("cli.bad_choice", current_language(), value=value,
                                           choices=choices), ctx=ctx, param=param) from None
        return self.annotation(value)


def plain_coercion(params: list[Any]) -> None:
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
