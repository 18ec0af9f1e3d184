"""Scores per dimension, 0-100, and their bands.

A scored item counts when its question applies (its `when` holds). Its answer becomes points
between 0 and 1, as its type says (`QuestionType.answer_points`: a scale answer linearly from
the scale's min (0) to its max (1), a choice option's `score` likewise on 1-5); `reverse` flips
it (1 - points). "unknown" is left out.

Fair to every firm (design): the positive statements and the reverse-worded ones weigh half
each. The score is the mean of the two halves, each the weighted mean of its answered items, so
how many items of each kind apply (a firm that cooperates answers more) does not move the score
of a user who gives the same answer throughout: that is always exactly 50. Each counted item's
`share` is its part of the score (the shares add up to 1); a dimension with statements of one
kind only is the weighted mean of them.

Too few real answers: with fewer than half of the applicable items answered, or, in a
dimension that has both kinds of statement, without an answer on each kind, there is no score
and the band is `insufficient` ("onvoldoende gegevens").

All arithmetic is exact (fractions), so a band boundary is never crossed by rounding.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

from clustercli.conditions import UNKNOWN, DimensionFact
from clustercli.errors import BadInput
from clustercli.questionset.model import Question, QuestionSet, possible_value
from clustercli.questionset.rules import DEFAULT_BANDS, Bands

STERK, AANDACHTSPUNT, KNELPUNT, INSUFFICIENT = "sterk", "aandachtspunt", "knelpunt", "insufficient"
BAND_ORDER = (KNELPUNT, AANDACHTSPUNT, STERK)  # low to high; insufficient is outside the order


def active_answers(qset: QuestionSet, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The answers that count: to questions of the set that apply, given the earlier ones.

    Walking the questions in order settles every `when` (it may only read earlier questions).
    An answer the question cannot take is a BadInput; ids the set does not know are ignored.
    """
    active: dict[str, Any] = {}
    for question in qset.questions:
        if question.id not in answers or not qset.applies(question, active):
            continue
        value = answers[question.id]
        if not possible_value(question, value):
            raise BadInput("profile.bad_answer", question=question.id, value=value)
        active[question.id] = value
    return active


def points(question: Question, value: Any) -> Fraction | None:
    """An answer as points 0-1 (reverse applied), or None for "unknown" or no answer."""
    if value is None or value == UNKNOWN:
        return None
    raw = question.kind.answer_points(question, value)
    if raw is None:
        return None
    return 1 - raw if question.reverse else raw


def possible_points(question: Question) -> list[tuple[Any, Fraction]]:
    """Every answer a scored question can take with its points, lowest points first."""
    pairs = [(value, points(question, value))
             for value in question.kind.scored_answers(question)]
    return sorted(((v, p) for v, p in pairs if p is not None), key=lambda pair: pair[1])


def band_for(score: Fraction, bands: Bands = DEFAULT_BANDS) -> str:
    if score >= Fraction(bands.sterk):
        return STERK
    if score >= Fraction(bands.aandachtspunt):
        return AANDACHTSPUNT
    return KNELPUNT


@dataclass(frozen=True)
class Item:
    """One applicable scored item: its answer (None if none) and points (None if not counted);
    `share`: its part of the dimension's score (None when not counted or there is no score)."""

    question: str
    weight: Fraction
    value: Any
    points: Fraction | None
    reverse: bool = False
    share: Fraction | None = None


@dataclass(frozen=True)
class DimensionResult:
    id: str
    title: dict[str, str]
    score: float | None  # 0-100; None when insufficient
    band: str
    applicable: int
    answered: int
    items: tuple[Item, ...]
    exact: Fraction | None = None  # the score as an exact fraction, for explanations

    @property
    def fact(self) -> DimensionFact:
        return DimensionFact(self.score, self.band)


def score_dimension(qset: QuestionSet, dimension_id: str, active: Mapping[str, Any],
                    bands: Bands = DEFAULT_BANDS) -> DimensionResult:
    """One dimension over already-active answers (see `active_answers`)."""
    so_far = dict(active)
    items = tuple(
        Item(q.id, Fraction(q.weight), active.get(q.id), points(q, active.get(q.id)), q.reverse)
        for q in qset.scored_questions(dimension_id) if qset.applies(q, so_far))
    counted = [item for item in items if item.points is not None]
    title = dict(qset.dimension_by_id[dimension_id].title)
    if not enough_answers(items):
        return DimensionResult(dimension_id, title, None, INSUFFICIENT, len(items),
                               len(counted), items)
    shares = _shares(items)
    items = tuple(replace(item, share=shares.get(index)) for index, item in enumerate(items))
    exact = 100 * sum((item.share * item.points for item in items
                       if item.share is not None and item.points is not None), Fraction(0))
    return DimensionResult(dimension_id, title, float(exact), band_for(exact, bands), len(items),
                           len(counted), items, exact)


def kinds(items: tuple[Item, ...] | list[Item]) -> set[bool]:
    """The kinds of statement among these items: False positive, True reverse-worded."""
    return {item.reverse for item in items}


def enough_answers(items: tuple[Item, ...] | list[Item]) -> bool:
    """At least half of the applicable items answered, and every kind of statement that
    applies answered at least once."""
    counted = [item for item in items if item.points is not None]
    return bool(counted) and 2 * len(counted) >= len(items) and kinds(counted) == kinds(items)


def _shares(items: tuple[Item, ...]) -> dict[int, Fraction]:
    """Each counted item's part of the score, by position: half for each kind of statement
    (all for the one kind a dimension has), split by weight among its answered items."""
    counted = [(index, item) for index, item in enumerate(items) if item.points is not None]
    groups = kinds([item for _, item in counted])
    shares: dict[int, Fraction] = {}
    for kind in groups:
        members = [(index, item) for index, item in counted if item.reverse is kind]
        total = sum(item.weight for _, item in members)
        for index, item in members:
            shares[index] = item.weight / total / len(groups)
    return shares


def score_dimensions(qset: QuestionSet, answers: Mapping[str, Any],
                     bands: Bands | None = None) -> dict[str, DimensionResult]:
    """Every dimension of the set, in the set's order. Bands: the set's rules, else defaults."""
    if bands is None:
        bands = qset.rules.bands if qset.rules is not None else DEFAULT_BANDS
    active = active_answers(qset, answers)
    return {d.id: score_dimension(qset, d.id, active, bands) for d in qset.dimensions}


def facts(results: Mapping[str, DimensionResult]) -> dict[str, DimensionFact]:
    """What rule conditions read about the dimensions."""
    return {dimension: result.fact for dimension, result in results.items()}
