"""The one line of why for a recommendation: the reason's text, then the answers or scores that
made its scope and route true ("sector: metal, automotive; province: Noord-Brabant"), found by
walking the conditions. Negations say nothing ("not 250 or more" is no reason to name a body).
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from clustercli import conditions
from clustercli.conditions import (
    All,
    Answered,
    AnyOf,
    BandCount,
    Condition,
    DimensionFact,
    DimensionTerm,
    Not,
    QuestionTerm,
)
from clustercli.formatting import score as points
from clustercli.i18n import pick, t
from clustercli.routing.model import RoutingData

# Follow-up answers that add nothing to the sector's own name.
_NOT_A_SUB_SECTOR = ("other", conditions.UNKNOWN)


def reason_sentence(reason: str, data: RoutingData, answers: Mapping[str, Any],
                    lang: str) -> str:
    """The text of `reason` for this firm, on its own: its placeholders filled in."""
    template = pick(data.reasons[reason], lang)
    values = {answer: sector_label(data, answers, lang) if answer == "sector"
              else answer_label(answer, answers.get(answer), lang)
              for answer in _placeholders(template)}
    return template.format(**values)


def reason_text(reason: str, data: RoutingData, answers: Mapping[str, Any],
                dimensions: Mapping[str, DimensionFact], lang: str,
                held: Iterable[Condition]) -> str:
    """The text of `reason` for this firm, with the answers that made `held` true."""
    text = reason_sentence(reason, data, answers, lang)
    phrases = _phrases([term for cond in held
                        for term in _terms_that_hold(cond, answers, dimensions)],
                       answers, dimensions, lang)
    if not phrases:
        return text
    return t("routing.because", lang, text=text, answers="; ".join(phrases))


@cache
def _placeholders(template: str) -> tuple[str, ...]:
    return tuple(name for _, name, _, _ in string.Formatter().parse(template) if name)


def sector_label(data: RoutingData, answers: Mapping[str, Any], lang: str) -> str:
    """The sector as answered, with its sub-sector where one was given: "food shops, bakery"."""
    sector = answers.get("sector")
    label = answer_label("sector", sector, lang)
    follow_up = data.follow_up(sector) if isinstance(sector, str) else None
    sub = answers.get(follow_up) if follow_up else None
    if follow_up is None or sub is None or sub in _NOT_A_SUB_SECTOR:
        return label
    return f"{label}, {answer_label(follow_up, sub, lang)}"


def _terms_that_hold(cond: Condition, answers: Mapping[str, Any],
                     dimensions: Mapping[str, DimensionFact]) -> list[Condition]:
    """The answer and score terms that make a true condition true (negations say nothing)."""
    if not conditions.evaluate(cond, answers, dimensions):
        return []
    match cond:
        case All(items) | AnyOf(items):
            return [term for item in items
                    for term in _terms_that_hold(item, answers, dimensions)]
        case QuestionTerm() | DimensionTerm() | BandCount():
            return [cond]
        case Not() | Answered():
            return []
    raise TypeError(cond)


def _phrases(found: list[Condition], answers: Mapping[str, Any],
             dimensions: Mapping[str, DimensionFact], lang: str) -> list[str]:
    """One phrase per question ("motive: new products, innovating together") and per score."""
    values: dict[str, list[Any]] = {}  # question -> the answers that counted, in order
    phrases: list[str | None] = []
    where: dict[str, int] = {}
    for term in found:
        if isinstance(term, QuestionTerm):
            shown = term.value if term.op == "includes" else answers[term.question]
            if term.question not in values:
                values[term.question] = []
                where[term.question] = len(phrases)
                phrases.append(None)
            if shown not in values[term.question]:
                values[term.question].append(shown)
            continue
        phrase = _phrase(term, dimensions, lang)
        if phrase not in phrases:
            phrases.append(phrase)
    for question, shown in values.items():
        phrases[where[question]] = t(
            "routing.answered", lang, question=t(f"routing.answer.{question}", lang),
            value=", ".join(answer_label(question, value, lang) for value in shown))
    return [phrase for phrase in phrases if phrase is not None]


def _phrase(term: Condition, dimensions: Mapping[str, DimensionFact], lang: str) -> str:
    match term:
        case DimensionTerm(dimension, _, _):
            fact = dimensions[dimension]
            band = t(f"routing.band.{fact.band}", lang)
            name = t(f"routing.dimension.{dimension}", lang)
            if fact.score is None:
                return t("routing.scored_no_score", lang, dimension=name, band=band)
            return t("routing.scored", lang, dimension=name, band=band,
                     score=points(fact.score))
        case BandCount(band, _, _):
            count = sum(1 for fact in dimensions.values() if fact.band == band)
            return t("routing.band_count", lang, band=t(f"routing.band.{band}", lang),
                     count=count)
    raise TypeError(term)


def answer_label(question: str, value: Any, lang: str) -> str:
    if value is None:
        return t("routing.unanswered", lang)
    if isinstance(value, bool):
        return t("routing.value.yes" if value else "routing.value.no", lang)
    if isinstance(value, list):
        return ", ".join(answer_label(question, item, lang) for item in value)
    if value == conditions.UNKNOWN:
        return t("routing.value.unknown", lang)
    key = f"routing.value.{question}.{value}"
    text = t(key, lang)
    return str(value) if text == key else text
