"""What the routing tests share (no tests here): the shipped organisation data, a firm that
innovates, knowledge dimensions that are a knelpunt, and ways to pick from a list of
recommendations. Entries are named by id; their names come from the data."""

from __future__ import annotations

from clustercli.conditions import DimensionFact
from clustercli.i18n import pick
from clustercli.routing.data import shipped

DATA = shipped()
PROVINCES = DATA.answers["province"].keys
INNOVATOR = {"own_rnd": True, "international": True, "wants_regional": True,
             "motives": ["market_position", "new_products", "innovation", "knowledge_access"],
             "support_wanted": ["conditions", "contacts", "information"], "employees": "10-49"}
KNELPUNT = {"knowledge_level": DimensionFact(30.0, "knelpunt"),
            "knowledge_exchange": DimensionFact(35.0, "knelpunt")}


def ids(recs, kind=None):
    return [r.id for r in recs if kind is None or r.kind == kind]


def by_id(recs, org_id):
    return next(r for r in recs if r.id == org_id)


def reason(key, lang, **values):
    """The start of a reason's text, up to its first placeholder."""
    return pick(DATA.reasons[key], lang).split("{")[0].format(**values)
