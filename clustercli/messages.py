"""Turning the core's errors into sentences in the user's language (plain text, no styling)."""

from __future__ import annotations

from clustercli.errors import ClusterError, InputProblems, Problem
from clustercli.i18n import t


def format_problem(problem: Problem, lang: str) -> str:
    place = problem.file or ""
    if problem.line is not None:
        place += f":{problem.line}"
        if problem.column is not None:
            place += f":{problem.column}"
    where = []
    if problem.question:
        where.append(t("errors.where_question", lang, question=problem.question))
    if problem.field:
        where.append(t("errors.where_field", lang, field=problem.field))
    message = t(problem.key, lang, **problem.params)
    prefix = ", ".join(where)
    text = f"{prefix}: {message}" if prefix else message
    return f"{place}: {text}" if place else text


def format_error(error: ClusterError, lang: str) -> str:
    """The whole message for an error: a headline, then one line per located problem."""
    headline = t(error.key, lang, **error.params)
    if isinstance(error, InputProblems):
        lines = [headline] + [f"  {format_problem(p, lang)}" for p in error.problems]
        if error.note:
            lines.append(t(error.note, lang))
        return "\n".join(lines)
    return headline
