"""The rules of a question set: bands, readiness levels, caps and advice, as data.

For `questions/X.yaml` they live beside it in `questions/X.rules.yaml`; the loader checks them
against the set and attaches them (`QuestionSet.rules`), so a set's canonical JSON and content
hash cover its questions and its rules together. Every condition is written in the one condition
language (`clustercli.conditions`) and may read any question of the set and every dimension.

    bands: {sterk: 75, aandachtspunt: 50}      # optional; these are the defaults
    levels:                                    # lowest first; the first has no `when`
      - {id: ..., title: {..}, meaning: {..}, when: COND, source: [..]}
    caps:                                      # a cap that holds limits the level
      - {id: ..., when: COND, max_level: LEVEL_ID, reason: {..}, source: [..]}
    advice:                                    # no `when`: always given
      - {id: ..., when: COND, text: {..}, source: [..], step: {..}, priority: 1-9,
         routed: KIND}                           # KIND: only when the report recommends one

The level is the highest level whose `when` holds, lowered to the `max_level` of every cap that
holds. A set without rules file scores with the default bands and has no level (None) and no
advice: the tool does not invent a level for a set whose author gave no level rules.

These are the rules as the tool holds them once checked: plain frozen dataclasses, built from
checked data (`Rules.from_data`) and written back to it (`to_data`). The shape of a rules file
is checked by `clustercli.questionset.schema`, their fit with the set by `rule_checks`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clustercli import conditions

RULES_SUFFIX = ".rules.yaml"
DEFAULT_STERK = 75
DEFAULT_AANDACHTSPUNT = 50
MIN_LEVELS, MAX_LEVELS = 2, 6
MIN_STEPS, MAX_STEPS = 3, 7
SECTIONS = ("levels", "caps", "advice")

LocalText = dict[str, str]


def rules_path_for(path: Path) -> Path:
    """Where the rules of the set in `path` are: `X.rules.yaml` beside `X.yaml`."""
    return path.with_name(path.name.removesuffix(path.suffix) + RULES_SUFFIX)


@dataclass(frozen=True)
class Bands:
    """The lowest score (0-100) of each band; below `aandachtspunt` is knelpunt."""

    sterk: float = DEFAULT_STERK
    aandachtspunt: float = DEFAULT_AANDACHTSPUNT


@dataclass(frozen=True)
class Level:
    id: str
    title: LocalText
    meaning: LocalText
    when: conditions.Condition | None = None
    source: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Cap:
    id: str
    when: conditions.Condition
    max_level: str
    reason: LocalText
    source: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Advice:
    id: str
    text: LocalText
    when: conditions.Condition | None = None
    # Fires only when whom-to-approach recommends an organisation of this kind (e.g.
    # branch_association): the profile is told the kinds the report's routing found.
    routed: str | None = None
    source: list[str] = field(default_factory=list)
    step: LocalText | None = None
    priority: int | None = None


@dataclass(frozen=True)
class Rules:
    bands: Bands = field(default_factory=Bands)
    levels: list[Level] = field(default_factory=list)
    caps: list[Cap] = field(default_factory=list)
    advice: list[Advice] = field(default_factory=list)

    def level_rank(self, level_id: str) -> int:
        """1 for the lowest level; 0 for an unknown id."""
        ids = [level.id for level in self.levels]
        return ids.index(level_id) + 1 if level_id in ids else 0

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Rules:
        """The rules from checked data (a checked rules file, or a stored set's `rules`)."""
        bands = data.get("bands") or {}
        return cls(
            bands=Bands(bands.get("sterk", DEFAULT_STERK),
                        bands.get("aandachtspunt", DEFAULT_AANDACHTSPUNT)),
            levels=[Level(item["id"], item["title"], item["meaning"], _when(item),
                          list(item["source"])) for item in data.get("levels") or ()],
            caps=[Cap(item["id"], conditions.parse(item["when"]), item["max_level"],
                      item["reason"], list(item["source"])) for item in data.get("caps") or ()],
            advice=[Advice(item["id"], item["text"], _when(item), item.get("routed"),
                           list(item["source"]), item.get("step"), item.get("priority"))
                    for item in data.get("advice") or ()])

    def to_data(self) -> dict[str, Any]:
        """The data form, every field spelled out: part of a set's canonical JSON."""
        return {
            "bands": {"sterk": float(self.bands.sterk),
                      "aandachtspunt": float(self.bands.aandachtspunt)},
            "levels": [{"id": level.id, "title": level.title, "meaning": level.meaning,
                        "when": _data(level.when), "source": level.source}
                       for level in self.levels],
            "caps": [{"id": cap.id, "when": _data(cap.when), "max_level": cap.max_level,
                      "reason": cap.reason, "source": cap.source} for cap in self.caps],
            # `routed` only where given: the canonical JSON (and hash) of a set without it
            # stays what it was before the field existed
            "advice": [{"id": rule.id, "when": _data(rule.when),
                        **({"routed": rule.routed} if rule.routed is not None else {}),
                        "text": rule.text, "source": rule.source, "step": rule.step,
                        "priority": rule.priority}
                       for rule in self.advice],
        }


DEFAULT_BANDS = Bands()


def _when(item: Mapping[str, Any]) -> conditions.Condition | None:
    raw = item.get("when")
    return None if raw is None else conditions.parse(raw)


def _data(cond: conditions.Condition | None) -> dict[str, Any] | None:
    return None if cond is None else conditions.to_data(cond)
