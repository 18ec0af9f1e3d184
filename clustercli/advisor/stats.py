"""`clustercli stats`: the completed assessments pooled, each figure beside the study's.

Read from the index rows only (`IndexRow.summary`: level, scores, bands and the reserved answers
of `profile.summary.SUMMARY_ANSWERS`), so 10,000 assessments cost one read of the index.

Who is counted for each figure (its n), following the study's populations:
- F3, cooperating regionally: firms that cooperate (`cooperates` true) and said where
  (`cooperates_regionally` yes, partly or no); counted are yes and partly.
- F4, would like to: firms that do not cooperate regionally (`cooperates` false, or
  `cooperates_regionally` "no") and answered `wants_regional`; counted are those saying yes.
- F9, stimulation important: firms that rated `stimulation_important` with a number (a "don't
  know" is left out); counted are 4 and 5 (important, very important).
- F5, motives: firms that answered `motives`; each motive counted once per firm.
- Levels: assessments with a level; mean scores: per dimension, assessments with a score.
Below MIN_N a figure is shown with a caution: too few to stand for anything beyond these firms.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from clustercli.advisor.clients import key_of
from clustercli.errors import BadInput
from clustercli.names import client_key
from clustercli.records import IndexRow

MIN_N = 10
STUDY_YEAR = 2001
MAJORITY_MOTIVES = ("market_position", "new_products", "quality")  # F5


@dataclass(frozen=True)
class Share:
    count: int
    n: int

    @property
    def share(self) -> float | None:
        return None if self.n == 0 else self.count / self.n

    @property
    def representative(self) -> bool:
        return self.n >= MIN_N


@dataclass(frozen=True)
class Mean:
    dimension: str
    mean: float | None
    n: int


@dataclass(frozen=True)
class Stats:
    n: int  # completed assessments in the selection
    regional: Share  # F3
    would_like: Share  # F4
    stimulation: Share  # F9
    motives: tuple[tuple[str, Share], ...]  # F5; most often named first
    motives_n: int
    levels: dict[str, int]  # level id -> assessments
    levels_n: int
    means: tuple[Mean, ...]  # in the question set's order
    sets: tuple[str, ...]  # content hashes of the sets in use (for titles)


def parse_since(text: str) -> date:
    """An ISO date (2025-01-31); anything else is bad input, said plainly."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise BadInput("advisor.bad_date", value=text) from None


def select(rows: Iterable[IndexRow], client: str | None = None,
           since: date | None = None) -> list[IndexRow]:
    """Completed assessments with a summary; of one client; completed on or after `since`
    (the UTC date of completion)."""
    key = client_key(client) if client else None
    first_day = since.isoformat() if since else None
    return [row for row in rows
            if row.status == "completed" and row.summary is not None
            and (key is None or key_of(row.client) == key)
            and (first_day is None or (row.completed or "")[:10] >= first_day)]


# `type(x) in NUMBERS` rather than isinstance: it leaves out bools (their type is bool) and is
# the cheapest check in a loop over 10,000 rows.
NUMBERS = {int, float}


def pooled(rows: list[IndexRow]) -> Stats:
    """The figures over rows already selected (see `select`). Answers of an unexpected type
    (a hand-edited file) are left out of the figure they would distort; the level and scores
    are checked when the summary is read (`Summary.from_data`)."""
    regional = [0, 0]
    would_like = [0, 0]
    stimulation = [0, 0]
    motives: Counter[str] = Counter()
    motives_n = 0
    levels: Counter[str] = Counter()
    sums: dict[str, list[float]] = {}
    for row in rows:
        summary = row.summary
        if summary is None:
            continue
        answers = summary.answers
        cooperates = answers.get("cooperates")
        where = answers.get("cooperates_regionally")
        if cooperates is True and where in ("yes", "partly", "no"):
            regional[1] += 1
            regional[0] += where != "no"
        wants = answers.get("wants_regional")
        if (cooperates is False or where == "no") and type(wants) is bool:
            would_like[1] += 1
            would_like[0] += wants
        rating: Any = answers.get("stimulation_important")  # a number when counted
        if type(rating) in NUMBERS:
            stimulation[1] += 1
            stimulation[0] += rating >= 4
        named = answers.get("motives")
        if type(named) is list:
            motives_n += 1
            motives.update({key for key in named if type(key) is str})
        if summary.level is not None:
            levels[summary.level] += 1
        for dimension, score in summary.scores.items():
            total = sums.get(dimension)
            if total is None:
                total = sums[dimension] = [0.0, 0]
            if score is not None:
                total[0] += score
                total[1] += 1
    ranked = sorted(motives.items(), key=lambda item: (-item[1], item[0]))
    return Stats(
        n=len(rows),
        regional=Share(*regional),
        would_like=Share(*would_like),
        stimulation=Share(*stimulation),
        motives=tuple((key, Share(count, motives_n)) for key, count in ranked),
        motives_n=motives_n,
        levels=dict(levels),
        levels_n=sum(levels.values()),
        means=tuple(Mean(dimension, total / count if count else None, int(count))
                    for dimension, (total, count) in sums.items()),
        sets=tuple(dict.fromkeys(row.question_set.hash for row in rows if row.question_set)),
    )
