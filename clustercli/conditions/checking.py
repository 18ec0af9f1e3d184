"""Checking a condition against a question set: only known questions, possible values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from clustercli.conditions.terms import (
    UNKNOWN,
    All,
    Answered,
    AnyOf,
    BandCount,
    Condition,
    DimensionTerm,
    Not,
    QuestionTerm,
    show_value,
)


class Domain(Protocol):
    """The values a question can take, as far as conditions care. The question's type gives
    it (`clustercli.questionset.types`): the operators that fit, the operands that can be
    true of an answer, and how to name the values in a message."""

    @property
    def type(self) -> str: ...  # the type's name, for messages

    @property
    def ops(self) -> tuple[str, ...]: ...

    @property
    def allow_unknown(self) -> bool: ...

    def possible(self, op: str, value: Any) -> bool: ...

    def shown(self) -> list[str]: ...


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
    if op not in domain.ops:
        return [CheckProblem("cond.op_not_for_type", where,
                             {"question": question, "op": op, "type": domain.type,
                              "allowed": ", ".join(domain.ops)})]
    values = value if op == "in" else (value,)
    bad = [v for v in values if not _possible(domain, op, v)]
    if not bad:
        return []
    return [CheckProblem("cond.impossible_value", where,
                         {"question": question, "value": ", ".join(map(show_value, bad)),
                          "allowed": describe_values(domain)})]


def _possible(domain: Domain, op: str, value: Any) -> bool:
    if value == UNKNOWN and op in ("equals", "in"):
        return domain.allow_unknown
    return domain.possible(op, value)


def describe_values(domain: Domain) -> str:
    """The values a question takes, for messages: "a, b, c" or "1-5" or "true, false"."""
    return ", ".join([*domain.shown(), UNKNOWN] if domain.allow_unknown else domain.shown())
