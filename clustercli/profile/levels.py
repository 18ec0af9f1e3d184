"""The readiness level: the highest level whose rule holds, lowered by every cap that holds.

Levels and caps are data in the set's rules file (see `clustercli.questionset.rules`), evaluated by
the one evaluator, `conditions.evaluate`, over the active answers and the dimension facts. A set
without levels has no level (None).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from clustercli import conditions
from clustercli.conditions import DimensionFact
from clustercli.questionset.rules import Rules


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
    """The level for these active answers and dimension facts; None without level rules."""
    if rules is None or not rules.levels:
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
