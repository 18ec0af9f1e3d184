"""The one condition language: parsed from data, checked against a question set, evaluated.

Question conditions (`when`), readiness levels, advice rules and routing rules all use it, so
there is one parser, one validator and one evaluator. It is data, never code: nothing here calls
`eval`. The forms:

    {question: ID, equals: VALUE}      {question: ID, in: [VALUES]}
    {question: ID, includes: KEY}      (multi)
    {question: ID, at_least: N}        {question: ID, at_most: N}
    {answered: ID}
    {dimension: ID, band: BAND}        {dimension: ID, at_least: N} / at_most  (score 0-100)
    {bands: BAND, at_least: N}         {bands: BAND, at_most: N}  (how many dimensions)
    {all: [...]}   {any: [...]}   {not: COND}

A question that is not answered (or whose answer is no longer active) makes every question term
false; `not` turns that into true, which is what "asked unless ..." needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

QUESTION_OPS = ("equals", "in", "includes", "at_least", "at_most")
DIMENSION_OPS = ("band", "at_least", "at_most")
COUNT_OPS = ("at_least", "at_most")
# The bands a dimension can fall in; "insufficient" when too few of its items were answered.
BANDS = ("sterk", "aandachtspunt", "knelpunt", "insufficient")
UNKNOWN = "unknown"


class ConditionError(ValueError):
    """A condition that cannot be parsed; `path` says where inside the condition."""

    def __init__(self, key: str, path: str, **params: Any) -> None:
        super().__init__(f"{path}: {key} {params}")
        self.key = key
        self.path = path
        self.params = params


@dataclass(frozen=True)
class QuestionTerm:
    question: str
    op: str
    value: Any


@dataclass(frozen=True)
class Answered:
    question: str


@dataclass(frozen=True)
class DimensionTerm:
    dimension: str
    op: str
    value: Any


@dataclass(frozen=True)
class BandCount:
    band: str
    op: str
    value: int


@dataclass(frozen=True)
class All:
    items: tuple[Condition, ...]


@dataclass(frozen=True)
class AnyOf:
    items: tuple[Condition, ...]


@dataclass(frozen=True)
class Not:
    item: Condition


Condition = QuestionTerm | Answered | DimensionTerm | BandCount | All | AnyOf | Not


# --- parsing -------------------------------------------------------------------------------


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


def _only(keys: set, allowed: set, path: str) -> None:
    extra = keys - allowed
    if extra:
        raise ConditionError("cond.extra_keys", path, keys=", ".join(sorted(map(str, extra))))


def _one_op(ops: set, allowed: tuple[str, ...], path: str) -> str:
    if len(ops) != 1 or next(iter(ops)) not in allowed:
        raise ConditionError("cond.one_op", path, allowed=", ".join(allowed),
                             given=", ".join(sorted(map(str, ops))) or "-")
    return next(iter(ops))


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


# --- evaluation ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DimensionFact:
    """What a condition may read about a dimension: its score (None if insufficient) and band."""

    score: float | None
    band: str


def evaluate(cond: Condition, answers: Mapping[str, Any],
             dimensions: Mapping[str, DimensionFact] | None = None) -> bool:
    """Whether `cond` holds for the active answers (and, for rules, the dimension results)."""
    match cond:
        case All(items):
            return all(evaluate(c, answers, dimensions) for c in items)
        case AnyOf(items):
            return any(evaluate(c, answers, dimensions) for c in items)
        case Not(item):
            return not evaluate(item, answers, dimensions)
        case Answered(question):
            return question in answers
        case QuestionTerm(question, op, expected):
            if question not in answers:
                return False
            return _compare(op, answers[question], expected)
        case DimensionTerm(dimension, op, expected):
            fact = (dimensions or {}).get(dimension)
            if fact is None:
                return False
            if op == "band":
                return fact.band == expected
            return fact.score is not None and _compare(op, fact.score, expected)
        case BandCount(band, op, expected):
            count = sum(1 for fact in (dimensions or {}).values() if fact.band == band)
            return _compare(op, count, expected)
    raise TypeError(cond)


def _same(a: Any, b: Any) -> bool:
    # True == 1 in Python; a yes/no answer must not equal a scale answer of 1.
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return a == b


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _compare(op: str, actual: Any, expected: Any) -> bool:
    if op == "equals":
        return _same(actual, expected)
    if op == "in":
        return any(_same(actual, item) for item in expected)
    if op == "includes":
        return isinstance(actual, list) and expected in actual
    if op == "at_least":
        return _is_number(actual) and actual >= expected
    if op == "at_most":
        return _is_number(actual) and actual <= expected
    raise ValueError(op)


# --- validation against a question set -----------------------------------------------------


@dataclass(frozen=True)
class Domain:
    """The values a question can take, as far as conditions care."""

    type: str
    keys: tuple[str, ...] = ()  # choice and multi option keys
    minimum: float | None = None
    maximum: float | None = None
    allow_unknown: bool = False


@dataclass(frozen=True)
class CheckProblem:
    key: str
    path: str
    params: dict[str, Any]


def check(cond: Condition, path: str, questions: Mapping[str, Domain],
          known_questions: set[str], dimensions: set[str] | None) -> list[CheckProblem]:
    """Every way `cond` does not fit the set.

    `questions` are the questions this condition may read (for a `when`: the earlier ones);
    `known_questions` all ids of the set, to tell "later question" from "unknown question";
    `dimensions` the dimension ids, or None where score terms are not allowed (a `when`).
    """
    problems: list[CheckProblem] = []

    def walk(c: Condition, where: str) -> None:
        match c:
            case All(items) | AnyOf(items):
                form = "all" if isinstance(c, All) else "any"
                for i, item in enumerate(items):
                    walk(item, f"{where}.{form}[{i}]")
            case Not(item):
                walk(item, f"{where}.not")
            case Answered(question):
                _check_question_ref(question, where)
            case QuestionTerm(question, op, value):
                domain = _check_question_ref(question, where)
                if domain is not None:
                    problems.extend(_check_value(domain, question, op, value, where))
            case DimensionTerm(dimension, _, _):
                if dimensions is None:
                    problems.append(CheckProblem("cond.no_scores_here", where, {}))
                elif dimension not in dimensions:
                    problems.append(CheckProblem("cond.unknown_dimension", where,
                                                 {"dimension": dimension}))
            case BandCount():
                if dimensions is None:
                    problems.append(CheckProblem("cond.no_scores_here", where, {}))

    def _check_question_ref(question: str, where: str) -> Domain | None:
        if question in questions:
            return questions[question]
        key = "cond.later_question" if question in known_questions else "cond.unknown_question"
        problems.append(CheckProblem(key, where, {"question": question}))
        return None

    walk(cond, path)
    return problems


def _check_value(domain: Domain, question: str, op: str, value: Any,
                 where: str) -> list[CheckProblem]:
    kind = domain.type
    allowed_ops = {
        "choice": ("equals", "in"),
        "yesno": ("equals", "in"),
        "multi": ("includes",),
        "scale": ("equals", "in", "at_least", "at_most"),
        "number": ("equals", "in", "at_least", "at_most"),
        "text": ("equals", "in"),
    }[kind]
    if op not in allowed_ops:
        return [CheckProblem("cond.op_not_for_type", where,
                             {"question": question, "op": op, "type": kind,
                              "allowed": ", ".join(allowed_ops)})]
    values = value if op == "in" else (value,)
    bad = [v for v in values if not _possible(domain, op, v)]
    if not bad:
        return []
    return [CheckProblem("cond.impossible_value", where,
                         {"question": question, "value": ", ".join(map(_show, bad)),
                          "allowed": describe_values(domain)})]


def _possible(domain: Domain, op: str, value: Any) -> bool:
    if value == UNKNOWN and op in ("equals", "in"):
        return domain.allow_unknown
    kind = domain.type
    if kind in ("choice", "multi"):
        return isinstance(value, str) and value in domain.keys
    if kind == "yesno":
        return isinstance(value, bool)
    if kind == "text":
        return isinstance(value, str)
    if not _is_number(value):
        return False
    if kind == "scale" and op in ("equals", "in") and value != int(value):
        return False
    low_ok = domain.minimum is None or value >= domain.minimum
    high_ok = domain.maximum is None or value <= domain.maximum
    return low_ok and high_ok


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def describe_values(domain: Domain) -> str:
    """The values a question takes, for messages: "a, b, c" or "1-5" or "true, false"."""
    if domain.type in ("choice", "multi"):
        values = list(domain.keys)
    elif domain.type == "yesno":
        values = ["true", "false"]
    elif domain.type in ("scale", "number"):
        low = "" if domain.minimum is None else _show(domain.minimum)
        high = "" if domain.maximum is None else _show(domain.maximum)
        values = [f"{low}–{high}" if (low or high) else "number"]
    else:
        values = ["text"]
    if domain.allow_unknown:
        values.append(UNKNOWN)
    return ", ".join(values)
