"""pydantic's validation errors as our located, translatable Problems.

Every data file the tool reads (question sets, rules, organisations) is shaped by pydantic; this
turns each of pydantic's error dicts into a Problem with a catalogue key, so that the user reads
"expected number, found heavy" in their language instead of pydantic's English.
"""

from __future__ import annotations

from typing import Any

from clustercli.conditions import ConditionError
from clustercli.errors import Problem
from clustercli.yamlfile import line_of

# pydantic's error types, mapped to our catalogue; anything else keeps pydantic's own words.
_KEYS = {
    "missing": "schema.missing",
    "extra_forbidden": "schema.unknown_field",
    "string_pattern_mismatch": "schema.not_slug",
    "literal_error": "schema.not_allowed",
    "greater_than_equal": "schema.out_of_range",
    "less_than_equal": "schema.out_of_range",
    "greater_than": "schema.out_of_range",
    "less_than": "schema.out_of_range",
    "too_short": "schema.too_short",
    "string_too_short": "schema.too_short",
    "too_long": "schema.too_long",
    "string_too_long": "schema.too_long",
}
_BOUNDS = (("gt", ">"), ("ge", "≥"), ("lt", "<"), ("le", "≤"))
_TYPE_NAMES = {
    "string_type": "text", "int_type": "integer", "float_type": "number",
    "bool_type": "true/false", "list_type": "list", "dict_type": "mapping",
    "model_type": "mapping", "model_attributes_type": "mapping", "int_from_float": "integer",
}


def from_pydantic(error: dict[str, Any], raw: Any, file: str, field: str | None,
                  question: str | None = None) -> Problem:
    """One pydantic error as a Problem; the caller names the field (and question) its way."""
    loc = tuple(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    params: dict[str, Any] = {"detail": error["msg"]}
    if kind == "value_error" and isinstance(ctx.get("error"), ConditionError):
        cond_error = ctx["error"]  # a condition: name the spot inside it
        key = cond_error.key
        params = dict(cond_error.params)
        field = f"{field}{cond_error.path[len('when'):]}" if field else cond_error.path
    elif kind in _TYPE_NAMES:
        key = "schema.wrong_type"
        params["expected"] = _TYPE_NAMES[kind]
        params["value"] = short(error.get("input"))
    else:
        key = _KEYS.get(kind, "schema.invalid")
        params.update({k: v if k == "expected" else short(v) for k, v in ctx.items()})
        params["value"] = short(error.get("input"))
        # Our own words for the bound or length, not pydantic's English sentence.
        params["bound"] = " ".join(f"{symbol} {_number(ctx[name])}" for name, symbol in _BOUNDS
                                   if name in ctx)
        params["limit"] = ctx.get("min_length", ctx.get("max_length", ""))
    return Problem(key, params, file=file, line=line_of(raw, loc), question=question,
                   field=field)


def short(value: Any) -> Any:
    """A value as shown in a message: at most 60 characters."""
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= 60 else text[:57] + "..."


def _number(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value
