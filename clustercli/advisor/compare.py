"""Two assessments side by side: progress over time, or two views of one situation.

Both are scored afresh with `build_profile` over the question set each was started with (the
stored copy), so an assessment that is not finished still compares on what it has; the
comparison says which side is unfinished.

- Same client and same respondent (names matched with `client_key`): progress over time, the
  older assessment first whatever order the ids were given in.
- Otherwise (two partners of one firm, two firms that plan to work together): two views, in
  the order given. Every dimension where the views differ by DISCUSS_AT points or more is a
  point to discuss, as the Wilder inventory and the Partnership Assessment Tool use differing
  perceptions: as a question for the conversation, not as a verdict.

Rounding: scores are shown in whole points, rounded down from the exact score (a fraction), as
every output shows them (`formatting.score`), so a shown number never looks like a higher band
than the score has. The 25-point rule works on the numbers as shown, so no float dust decides
the boundary: 24 apart is not a point to discuss, 25 apart is.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from clustercli.errors import BadInput
from clustercli.formatting import score as points
from clustercli.names import client_key, visible
from clustercli.records import Assessment, Store

DISCUSS_AT = 25  # points on the 0-100 scale
BAND_ORDER = ("knelpunt", "aandachtspunt", "sterk")  # lowest first; "insufficient" is no band

Kind = Literal["progress", "views"]
Texts = dict[str, str]


@dataclass(frozen=True)
class Side:
    id: str
    client: str
    respondent: str
    status: str
    created: str
    completed: str | None
    set_id: str
    set_version: str
    set_hash: str
    level: str | None
    level_title: Texts | None
    language: str = ""  # the language the self-check was done in

    @property
    def finished(self) -> bool:
        return self.status == "completed"


@dataclass(frozen=True)
class DimensionChange:
    id: str
    title: Texts
    first: int | None  # score as shown (see `shown`); None: too few answers or not in set
    second: int | None
    first_band: str | None  # None: the dimension is not in that side's question set
    second_band: str | None
    discuss: bool  # two views that differ by DISCUSS_AT points or more

    @property
    def change(self) -> int | None:
        tenths = _tenths_apart(self.first, self.second)
        return None if tenths is None else tenths // 10

    @property
    def direction(self) -> str | None:
        """"up", "down" or "same" (second against first); None when a score is missing."""
        tenths = _tenths_apart(self.first, self.second)
        if tenths is None:
            return None
        return "up" if tenths > 0 else "down" if tenths < 0 else "same"

    @property
    def band_change(self) -> str | None:
        """"higher", "lower" or "same" band in the second; None when either has no band."""
        if self.first_band not in BAND_ORDER or self.second_band not in BAND_ORDER:
            return None
        step = BAND_ORDER.index(self.second_band) - BAND_ORDER.index(self.first_band)
        return "higher" if step > 0 else "lower" if step < 0 else "same"


@dataclass(frozen=True)
class Comparison:
    kind: Kind
    first: Side  # in "progress": the older one
    second: Side
    dimensions: tuple[DimensionChange, ...]
    closed: tuple[str, ...]  # knelpunt in the first, a scored better band in the second
    new: tuple[str, ...]  # knelpunt in the second, not in the first

    @property
    def same_set(self) -> bool:
        return self.first.set_hash == self.second.set_hash

    @property
    def unfinished(self) -> tuple[Side, ...]:
        return tuple(side for side in (self.first, self.second) if not side.finished)

    @property
    def to_discuss(self) -> tuple[DimensionChange, ...]:
        return tuple(d for d in self.dimensions if d.discuss)

    def title(self, dimension_id: str) -> Texts:
        return next(d.title for d in self.dimensions if d.id == dimension_id)


def shown(score: Fraction | float | None) -> int | None:
    """A score as shown: `formatting.score`, whole points rounded down."""
    return points(score)


def _tenths_apart(first: float | None, second: float | None) -> int | None:
    """Shown scores are whole tenths, so `round` only undoes the binary fraction."""
    if first is None or second is None:
        return None
    return round(second * 10) - round(first * 10)


def differ_enough(first: Fraction | float | None, second: Fraction | float | None) -> bool:
    """The 25-point rule on scores as shown."""
    tenths = _tenths_apart(shown(first), shown(second))
    return tenths is not None and abs(tenths) >= DISCUSS_AT * 10


def same_person(a: Assessment, b: Assessment) -> bool:
    return (bool(client_key(a.client)) and client_key(a.client) == client_key(b.client)
            and client_key(a.respondent) == client_key(b.respondent))


def compare(store: Store, first_id: str, second_id: str) -> Comparison:
    if first_id == second_id:
        raise BadInput("advisor.compare_same", id=first_id)
    return compare_records(store, store.load(first_id), store.load(second_id))


def compare_records(store: Store, a: Assessment, b: Assessment) -> Comparison:
    from clustercli.engine.session import stored_set
    from clustercli.profile.build import build_profile

    kind: Kind = "progress" if same_person(a, b) else "views"
    if kind == "progress" and b.created < a.created:
        a, b = b, a
    sides, results = [], []
    for record in (a, b):
        qset = stored_set(store, record)
        profile = build_profile(qset, record.values())
        level = profile.level
        ref = record.question_set
        sides.append(Side(record.id, visible(record.client), visible(record.respondent),
                          record.status,
                          record.created, record.completed, ref.id, ref.version, ref.hash,
                          None if level is None else level.id,
                          None if level is None else dict(level.title), record.language))
        results.append({d.id: d for d in profile.dimensions})
    first, second = results
    dimensions = []
    for dimension_id in dict.fromkeys([*first, *second]):
        one, two = first.get(dimension_id), second.get(dimension_id)
        either = one or two
        assert either is not None  # the id comes from one of the two
        score_one = shown(one.exact) if one else None
        score_two = shown(two.exact) if two else None
        dimensions.append(DimensionChange(
            dimension_id, dict(either.title), score_one, score_two,
            one.band if one else None, two.band if two else None,
            discuss=kind == "views" and differ_enough(score_one, score_two)))
    closed = tuple(d.id for d in dimensions if d.first_band == "knelpunt"
                   and d.second_band in ("aandachtspunt", "sterk"))
    new = tuple(d.id for d in dimensions if d.second_band == "knelpunt"
                and d.first_band != "knelpunt")
    return Comparison(kind, sides[0], sides[1], tuple(dimensions), closed, new)


def change_since_previous(store: Store, record: Assessment) -> Comparison | None:
    """For a report: this assessment against the most recent earlier completed one of the
    same client and respondent (earlier by start date), or None if there is none."""
    if not client_key(record.client):
        return None
    respondent = client_key(record.respondent)
    earlier = [row for row in store.find_by_client(record.client)
               if row.id != record.id and row.status == "completed"
               and client_key(row.respondent) == respondent and row.created < record.created]
    if not earlier:
        return None
    previous = max(earlier, key=lambda row: row.created)
    return compare_records(store, store.load(previous.id), record)
