"""From the data form (YAML/JSON mappings) to terms, and back."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from clustercli.conditions.terms import (
    BANDS,
    COUNT_OPS,
    DIMENSION_OPS,
    QUESTION_OPS,
    All,
    Answered,
    AnyOf,
    BandCount,
    Condition,
    ConditionError,
    DimensionTerm,
    Not,
    QuestionTerm,
)


def parse(raw: Any, path: str = "when") -> Condition:
    """Turn the data form into a Condition, or raise ConditionError naming the spot."""
    if isinstance(raw, Condition):  # already parsed (a model built in code)
        return raw
    if not isinstance(raw, Mapping) or not raw:
        raise ConditionError("cond.not_mapping", path)
    keys = set(raw)
    for combinator, cls in (("all", All), ("any", AnyOf)):
        if combinator in keys:
            _only(keys, {combinator}, path)
            items = raw[combinator]
            if not isinstance(items, list) or not items:
                raise ConditionError("cond.empty_list", path, form=combinator)
            return cls(tuple(parse(item, f"{path}.{combinator}[{i}]")
                             for i, item in enumerate(items)))
    if "not" in keys:
        _only(keys, {"not"}, path)
        return Not(parse(raw["not"], f"{path}.not"))
    if "answered" in keys:
        _only(keys, {"answered"}, path)
        return Answered(_identifier(raw["answered"], path))
    if "question" in keys:
        op = _one_op(keys - {"question"}, QUESTION_OPS, path)
        return QuestionTerm(_identifier(raw["question"], path), op,
                            _question_value(op, raw[op], path))
    if "dimension" in keys:
        op = _one_op(keys - {"dimension"}, DIMENSION_OPS, path)
        value = raw[op]
        if op == "band":
            _band(value, path)
        else:
            _number(value, path, 0, 100)
        return DimensionTerm(_identifier(raw["dimension"], path), op, value)
    if "bands" in keys:
        op = _one_op(keys - {"bands"}, COUNT_OPS, path)
        _band(raw["bands"], path)
        count = raw[op]
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise ConditionError("cond.bad_count", path, value=count)
        return BandCount(raw["bands"], op, count)
    raise ConditionError("cond.unknown_form", path, keys=", ".join(sorted(map(str, keys))))


def _only(keys: set[Any], allowed: set[str], path: str) -> None:
    extra = keys - allowed
    if extra:
        raise ConditionError("cond.extra_keys", path, keys=", ".join(sorted(map(str, extra))),
                             count=len(extra))


def _one_op(ops: set[Any], allowed: tuple[str, ...], path: str) -> str:
    if len(ops) != 1 or next(iter(ops)) not in allowed:
        raise ConditionError("cond.one_op", path, allowed=", ".join(allowed),
                             given=", ".join(sorted(map(str, ops))) or "-")
    return str(next(iter(ops)))


def _identifier(value: Any, path: str) -> str:
    if not isinstance(value, str) or not value:
        raise ConditionError("cond.bad_id", path, value=value)
    return value


def _band(value: Any, path: str) -> None:
    if value not in BANDS:
        raise ConditionError("cond.bad_band", path, value=value, allowed=", ".join(BANDS))


def _number(value: Any, path: str, low: float | None = None, high: float | None = None) -> None:
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise ConditionError("cond.not_number", path, value=value)
    if (low is not None and value < low) or (high is not None and value > high):
        raise ConditionError("cond.out_of_range", path, value=value, low=low, high=high)


def _question_value(op: str, value: Any, path: str) -> Any:
    if op == "in":
        if not isinstance(value, list) or not value:
            raise ConditionError("cond.empty_list", path, form="in")
        for item in value:
            _scalar(item, path)
        return tuple(value)
    if op in ("at_least", "at_most"):
        _number(value, path)
    elif op == "includes":
        if not isinstance(value, str):
            raise ConditionError("cond.bad_id", path, value=value)
    else:
        _scalar(value, path)
    return value


def _scalar(value: Any, path: str) -> None:
    if not isinstance(value, str | int | float | bool):
        raise ConditionError("cond.not_scalar", path, value=value)


def to_data(cond: Condition) -> dict[str, Any]:
    """The data form again (for JSON output and for storing a question set)."""
    match cond:
        case All(items):
            return {"all": [to_data(c) for c in items]}
        case AnyOf(items):
            return {"any": [to_data(c) for c in items]}
        case Not(item):
            return {"not": to_data(item)}
        case Answered(question):
            return {"answered": question}
        case QuestionTerm(question, op, value):
            return {"question": question, op: list(value) if op == "in" else value}
        case DimensionTerm(dimension, op, value):
            return {"dimension": dimension, op: value}
        case BandCount(band, op, value):
            return {"bands": band, op: value}
    raise TypeError(cond)


def questions_named(cond: Condition) -> set[str]:
    """Every question id a condition reads."""
    match cond:
        case All(items) | AnyOf(items):
            return set().union(*(questions_named(c) for c in items))
        case Not(item):
            return questions_named(item)
        case QuestionTerm(question, _, _) | Answered(question):
            return {question}
    return set()


