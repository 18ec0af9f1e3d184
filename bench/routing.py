"""How many organisations a firm is sent to, over a grid of firms: every sector (and every
sub-sector its follow-up question offers) x every province x every size x four answer patterns.

Run: uv run python bench/routing.py        (prints the distribution and the largest cases)

Not a timing benchmark: it prints the figures issue 13 sets targets for (organisations per firm
median <= 5, max <= 7), so that a change to the routing data shows what it does to them. The
grid is built from the shipped question set, so new sub-sector questions are walked too.
"""

from __future__ import annotations

import statistics
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clustercli.conditions import DimensionFact, questions_named
from clustercli.paths import shipped_set
from clustercli.questionset.loader import load
from clustercli.routing.data import shipped
from clustercli.routing.recommendations import route

# Four ways a firm can answer the rest: from "nothing asked for" to "everything asked for".
PATTERNS: dict[str, tuple[dict[str, Any], dict[str, DimensionFact]]] = {
    "quiet": ({"own_rnd": False, "international": False, "cooperates": False,
               "wants_regional": False, "motives": []}, {}),
    "regional": ({"own_rnd": False, "international": False, "cooperates": False,
                  "wants_regional": True, "motives": ["market_position"],
                  "support_wanted": ["information"]}, {}),
    "innovator": ({"own_rnd": True, "international": False, "cooperates": True,
                   "cooperates_regionally": "yes", "motives": ["knowledge_access"],
                   "support_wanted": ["contacts"]},
                  {"knowledge_level": DimensionFact(40.0, "knelpunt")}),
    "everything": ({"own_rnd": True, "international": True, "cooperates": False,
                    "wants_regional": True,
                    "motives": ["market_position", "new_products", "quality",
                                "knowledge_access", "skills_resources", "innovation",
                                "competitiveness"],
                    "support_wanted": ["conditions", "contacts", "information"]},
                   {"knowledge_level": DimensionFact(30.0, "knelpunt"),
                    "knowledge_exchange": DimensionFact(30.0, "knelpunt")}),
}


def firms() -> Iterator[tuple[dict[str, Any], dict[str, DimensionFact]]]:
    """Every firm of the grid: its answers and its dimension facts."""
    qset = load(shipped_set())
    sectors = qset.question("sector").option_keys
    follow_ups = [q for q in qset.questions
                  if q.when is not None and questions_named(q.when) == {"sector"}]
    for sector in sectors:
        subs: list[dict[str, Any]] = [{}]
        for question in follow_ups:
            if qset.applies(question, {"sector": sector}):
                subs = [{question.id: key} for key in question.option_keys]
        for sub in subs:
            for province in qset.question("province").option_keys:
                for size in qset.question("employees").option_keys:
                    for answers, dims in PATTERNS.values():
                        yield ({"sector": sector, **sub, "province": province,
                                "employees": size, **answers}, dims)


def main() -> None:
    data = shipped()
    counts: Counter[int] = Counter()
    largest: list[tuple[int, dict[str, Any]]] = []
    for answers, dims in firms():
        found = len(route(answers, dims, "nl", data))
        counts[found] += 1
        largest.append((found, answers))
    values = sorted(counts.elements())
    print(f"firms: {len(values)}")
    print(f"organisations per firm: median {statistics.median(values)}, "
          f"min {values[0]}, max {values[-1]}")
    print("count  firms")
    for count in sorted(counts):
        print(f"{count:5}  {counts[count]}")
    largest.sort(key=lambda item: -item[0])
    print("largest:")
    for found, answers in largest[:3]:
        shown = {k: v for k, v in answers.items() if k in ("sector", "province", "employees")
                 or k.endswith(("_field", "_type", "_market", "_shop"))}
        print(f"  {found}: {shown}")


if __name__ == "__main__":
    main()
