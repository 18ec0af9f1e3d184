"""Why a dimension scored as it did, and what would lift it to the next band.

`weakest`: the answers that cost the dimension most, in score points: an answer with points p and
share s of the score (scoring.py: each kind of statement weighs half) costs s * (1 - p) * 100.

`lift`: a claim "any `need` of these `targets` becoming true reaches `to_band`", computed exactly.
Each target is a condition on one answer ("at 4 or higher", "at 2 or lower" for a reverse-worded
statement, "one of these options"). Setting an item to the weakest value its target allows gains
s * (points_then - points_now); the shares do not change, since the answered items stay
answered. The claim holds when even the `need` smallest gains among the targets close the gap
to the band's threshold. Among all such claims the one with the fewest answers to change is
chosen, then the lowest target, then the widest choice.

For a dimension with too few answers the lift is "answer `need` of these questions" (any real
answer, not "don't know"), which gives it a score: any `need` of the targets make at least half
answered and every kind of statement answered once (scoring.enough_answers). Questions that some
`when` reads are never targets: changing them could change which items apply, and the claim
would no longer be exact.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from clustercli import conditions
from clustercli.conditions import UNKNOWN
from clustercli.formatting import score as points
from clustercli.i18n import pick, t
from clustercli.profile.scoring import (
    BAND_ORDER,
    INSUFFICIENT,
    DimensionResult,
    Item,
    kinds,
    possible_points,
)
from clustercli.questionset.model import QuestionSet
from clustercli.questionset.rules import Bands

MAX_WEAKEST = 3
MAX_TARGETS = 6


@dataclass(frozen=True)
class Weakness:
    question: str
    value: Any
    points: float  # this answer on 0-100 (reverse applied)
    cost: float  # score points of the dimension this answer cost


@dataclass(frozen=True)
class Target:
    """One answer that would have to become true: `op` is at_least, at_most, in or answered."""

    question: str
    op: str
    value: Any = None  # a scale point, a tuple of option keys, or None for "answered"

    def condition(self) -> conditions.Condition:
        if self.op == "answered":
            return conditions.All((conditions.Answered(self.question), conditions.Not(
                conditions.QuestionTerm(self.question, "equals", UNKNOWN))))
        return conditions.QuestionTerm(self.question, self.op, self.value)

    def holds(self, answers: Mapping[str, Any]) -> bool:
        return conditions.evaluate(self.condition(), answers)


@dataclass(frozen=True)
class Lift:
    to_band: str | None  # the band reached; None: from "not enough answers" to a score
    need: int
    targets: tuple[Target, ...]


@dataclass(frozen=True)
class Explanation:
    dimension: str
    weakest: tuple[Weakness, ...]
    lift: Lift | None  # None when sterk, or when no exact claim exists


def conditioned_questions(qset: QuestionSet) -> set[str]:
    """Every question some `when` of the set reads."""
    named: set[str] = set()
    for question in qset.questions:
        if question.when is not None:
            named |= conditions.questions_named(question.when)
    return named


@dataclass(frozen=True)
class _Scored:
    """An item that counts in the score: its points and its share of the score."""

    item: Item
    points: Fraction
    share: Fraction

    @property
    def question(self) -> str:
        return self.item.question


def _scored(result: DimensionResult) -> list[_Scored]:
    return [_Scored(item, item.points, item.share) for item in result.items
            if item.points is not None and item.share is not None]


def explain(qset: QuestionSet, result: DimensionResult, bands: Bands) -> Explanation:
    counted = _scored(result)
    fixed = conditioned_questions(qset)
    if result.band == INSUFFICIENT:
        lift = _answer_lift(result, fixed)
    else:
        lift = _raise_lift(qset, result, bands, counted, fixed)
    return Explanation(result.id, _weakest(counted), lift)


def _weakest(counted: list[_Scored]) -> tuple[Weakness, ...]:
    costs = [(c.share * (1 - c.points) * 100, index, c)
             for index, c in enumerate(counted) if c.points < 1]
    costs.sort(key=lambda entry: (-entry[0], entry[1]))
    return tuple(Weakness(c.question, c.item.value, float(c.points * 100), float(cost))
                 for cost, _, c in costs[:MAX_WEAKEST])


def _answer_lift(result: DimensionResult, fixed: set[str]) -> Lift | None:
    if not result.applicable:
        return None
    counted = [item for item in result.items if item.points is not None]
    open_items = [item for item in result.items
                  if item.points is None and item.question not in fixed]
    missing = kinds(result.items) - kinds(counted)
    # The targets: every open item, or (one kind missing) only the open items of that kind.
    candidates = [open_items] + [[item for item in open_items if item.reverse is kind]
                                 for kind in missing if len(missing) == 1]
    best: tuple[int, list[Item]] | None = None
    for targets in candidates:
        need = _answers_needed(result, counted, targets, missing)
        if need is not None and (best is None or need < best[0]):
            best = (need, targets)
    if best is None:
        return None
    return Lift(None, best[0], tuple(Target(item.question, "answered") for item in best[1]))


def _answers_needed(result: DimensionResult, counted: list[Item], targets: list[Item],
                    missing: set[bool]) -> int | None:
    """The fewest k such that answering ANY k of `targets` is enough: at least half answered,
    and every missing kind among any k of them (more than the targets of other kinds)."""
    need = max(1, (result.applicable + 1) // 2 - len(counted))
    for kind in missing:
        of_kind = sum(1 for item in targets if item.reverse is kind)
        if not of_kind:
            return None
        need = max(need, len(targets) - of_kind + 1)
    return need if need <= len(targets) else None


def _raise_lift(qset: QuestionSet, result: DimensionResult, bands: Bands,
                counted: list[_Scored], fixed: set[str]) -> Lift | None:
    position = BAND_ORDER.index(result.band)
    if position == len(BAND_ORDER) - 1:
        return None
    to_band = BAND_ORDER[position + 1]
    deficit = Fraction(getattr(bands, to_band)) / 100 - sum(
        (c.share * c.points for c in counted), Fraction(0))
    movable = [c for c in counted if c.question not in fixed]
    choices = {c.question: possible_points(qset.question(c.question)) for c in movable}
    levels = sorted({p for c in movable for _, p in choices[c.question] if p > c.points})
    best: tuple[tuple[int, Fraction, int], Fraction, list[tuple[Fraction, _Scored]]] | None
    best = None
    for level in levels:
        gains: list[tuple[Fraction, _Scored]] = []
        for c in movable:
            reach = [p for _, p in choices[c.question] if p >= level]
            if reach and c.points < level:
                gains.append((c.share * (min(reach) - c.points), c))
        gains.sort(key=lambda entry: -entry[0])  # stable: set order among equal gains
        for n in range(1, min(len(gains), MAX_TARGETS) + 1):
            need = _need(sorted(gain for gain, _ in gains[:n]), deficit)
            if need is not None:
                key = (need, level, -n)
                if best is None or key < best[0]:
                    best = (key, level, gains[:n])
    if best is None:
        return None
    (need, _, _), level, chosen = best
    chosen_ids = {c.question for _, c in chosen}
    targets = tuple(_target(qset, c.question, level, choices[c.question])
                    for c in counted if c.question in chosen_ids)
    return Lift(to_band, need, targets)


def _need(ascending: list[Fraction], deficit: Fraction) -> int | None:
    """How many of these gains, the smallest first, it takes to close the deficit."""
    reached = Fraction(0)
    for count, gain in enumerate(ascending, 1):
        reached += gain
        if reached >= deficit:
            return count
    return None


def _target(qset: QuestionSet, question_id: str, level: Fraction,
            choices: list[tuple[Any, Fraction]]) -> Target:
    question = qset.question(question_id)
    good = [value for value, p in choices if p >= level]
    if not question.kind.ordered:  # one of these options, in the question's order
        answers = question.kind.scored_answers(question)
        return Target(question_id, "in", tuple(value for value in answers if value in good))
    if question.reverse:
        return Target(question_id, "at_most", max(good))
    return Target(question_id, "at_least", min(good))


# --- in words, for the reports ---------------------------------------------------------------


def answer_text(qset: QuestionSet, question_id: str, value: Any, lang: str) -> str:
    """A scored answer as the user saw it: "4 (Eens)" or an option's label."""
    question = qset.question(question_id)
    if value == UNKNOWN:
        return t("profile.explain.unknown", lang)
    return question.kind.explained(question, value, lang)


def weakness_text(qset: QuestionSet, weakness: Weakness, lang: str) -> str:
    return t("profile.explain.weakness", lang,
             question=pick(qset.question(weakness.question).text, lang),
             answer=answer_text(qset, weakness.question, weakness.value, lang),
             count=points(weakness.cost))


def lift_text(qset: QuestionSet, lift: Lift, lang: str) -> list[str]:
    """A headline ("To reach 'strong', any 2 of these 3 answers ...") and one line per target."""
    count = len(lift.targets)
    how = ("one" if count == 1 else "both" if lift.need == count == 2
           else "all" if lift.need == count else "one_of" if lift.need == 1 else "some")
    kind = "answer" if lift.to_band is None else "raise"
    band = t(f"profile.band.{lift.to_band}", lang) if lift.to_band else ""
    lines = [t(f"profile.explain.{kind}_{how}", lang, band=band, need=lift.need, count=count)]
    for target in lift.targets:
        question = qset.question(target.question)
        text = pick(question.text, lang)
        if target.op == "answered":
            lines.append(t("profile.explain.answered", lang, question=text))
        elif target.op == "in":
            options = t("profile.explain.or", lang).join(
                question.kind.explained(question, key, lang) for key in target.value)
            lines.append(t("profile.explain.in", lang, question=text, options=options))
        else:
            at_end = target.value == (question.max if target.op == "at_least" else question.min)
            lines.append(t("profile.explain.exactly" if at_end else f"profile.explain.{target.op}",
                           lang, question=text,
                           answer=question.kind.explained(question, target.value, lang)))
    return lines
