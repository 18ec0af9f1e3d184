"""The readiness level: the highest level whose rule holds, lowered by every cap that holds.

Levels and caps are data in the set's rules file (see `clustercli.questionset.rules`), evaluated by
the one evaluator, `conditions.evaluate`, over the active answers and the dimension facts. A set
without levels has no level (None).

No level on too little (design): when more than a third of the dimensions have no score
("onvoldoende gegevens": too many "don't know" answers), the profile gives no level at all, and
`withheld` says why. A level there would rest on the few parts that were answered, and "on the
scores alone your level would be ..." would be said of scores that are not there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from clustercli import conditions
from clustercli.conditions import DimensionFact
from clustercli.profile.scoring import INSUFFICIENT
from clustercli.questionset.rules import Rules

MAX_UNSCORED = Fraction(1, 3)  # more than this share of dimensions without a score: no level


@dataclass(frozen=True)
class Withheld:
    """Why there is no level: these dimensions have no score, out of `of`."""

    unscored: tuple[str, ...]
    of: int
    source: tuple[str, ...] = ("design",)


def withheld(rules: Rules | None, dimensions: Mapping[str, DimensionFact]) -> Withheld | None:
    """Not None when the set has levels but too many dimensions have no score for one."""
    if rules is None or not rules.levels or not dimensions:
        return None
    unscored = tuple(d for d, fact in dimensions.items() if fact.band == INSUFFICIENT)
    if Fraction(len(unscored), len(dimensions)) > MAX_UNSCORED:
        return Withheld(unscored, len(dimensions))
    return None


@dataclass(frozen=True)
class CapHit:
    """A cap that held and lowered the level."""

    id: str
    max_level: str
    reason: dict[str, str]
    source: tuple[str, ...]
    when: dict[str, Any]  # the condition that held, in its data form


@dataclass(frozen=True)
class LevelResult:
    id: str
    rank: int  # 1 = the lowest level
    of: int  # how many levels the set has
    title: dict[str, str]
    meaning: dict[str, str]
    source: tuple[str, ...]
    reached: str  # the level the level rules alone gave, before caps
    caps: tuple[CapHit, ...]  # the caps that lowered it, lowest max_level first

    @property
    def capped(self) -> bool:
        return self.reached != self.id


def readiness_level(rules: Rules | None, answers: Mapping[str, Any],
                    dimensions: Mapping[str, DimensionFact]) -> LevelResult | None:
    """The level for these active answers and dimension facts; None without level rules, or
    when too few dimensions have a score (`withheld`)."""
    if rules is None or not rules.levels or withheld(rules, dimensions) is not None:
        return None
    reached = 0
    for index, level in enumerate(rules.levels):
        if level.when is None or conditions.evaluate(level.when, answers, dimensions):
            reached = index
    final = reached
    hits: list[tuple[int, CapHit]] = []
    for cap in rules.caps:
        rank = rules.level_rank(cap.max_level) - 1
        if rank < reached and conditions.evaluate(cap.when, answers, dimensions):
            hits.append((rank, CapHit(cap.id, cap.max_level, dict(cap.reason),
                                      tuple(cap.source), conditions.to_data(cap.when))))
            final = min(final, rank)
    level = rules.levels[final]
    return LevelResult(level.id, final + 1, len(rules.levels), dict(level.title),
                       dict(level.meaning), tuple(level.source), rules.levels[reached].id,
                       tuple(hit for _, hit in sorted(hits, key=lambda pair: pair[0])))
