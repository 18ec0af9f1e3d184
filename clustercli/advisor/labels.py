"""Titles of levels, dimensions and motive options, straight from a stored question set.

`clients` and `stats` only need a few titles per question set. The stored copy is the set's
canonical JSON (`questionset.loader.canonical_json`, a model dump), so its `rules.levels`,
`dimensions` and the options of `motives` can be read with `json` alone: building the pydantic
model would cost more than the rest of `clients` at 10,000 assessments.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from clustercli.errors import ClusterError

Texts = dict[str, str]  # a text per language


@dataclass
class Labels:
    """What the sets in use call things; the first set to name an id gives its title."""

    levels: dict[str, Texts] = field(default_factory=dict)  # in the order of the rules file
    dimensions: dict[str, Texts] = field(default_factory=dict)  # in the set's order
    motives: dict[str, Texts] = field(default_factory=dict)  # option key -> label

    def add(self, raw: str) -> None:
        data = json.loads(raw)
        for level in (data.get("rules") or {}).get("levels") or []:
            self.levels.setdefault(level["id"], level["title"])
        for dimension in data.get("dimensions") or []:
            self.dimensions.setdefault(dimension["id"], dimension["title"])
        for question in data.get("questions") or []:
            if question.get("id") == "motives" and question.get("type") == "multi":
                for option in question.get("options") or []:
                    self.motives.setdefault(option["key"], option["label"])

    def level_rank(self, level_id: str) -> int:
        """Position of a level (lowest first); unknown ids go last."""
        order = list(self.levels)
        return order.index(level_id) if level_id in order else len(order)


def labels_for(hashes: list[str], read: Callable[[str], str]) -> Labels:
    """The labels of the sets with these content hashes; `read` is `store.question_set_data`.
    A set copy that cannot be read costs its titles only (ids are shown instead)."""
    labels = Labels()
    for set_hash in dict.fromkeys(hashes):
        try:
            labels.add(read(set_hash))
        except (ClusterError, OSError, ValueError, KeyError, TypeError, AttributeError):
            continue
    return labels
