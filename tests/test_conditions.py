"""The condition language: parsing, evaluation against a truth table, checks against a set."""

from __future__ import annotations

import pytest

from clustercli import conditions as c
from clustercli.conditions import ConditionError, DimensionFact, Domain, evaluate, parse
from clustercli.questionset.types import domain_of

ANSWERS = {
    "sector": "ict",
    "cooperates": True,
    "scale": 4,
    "unsure": "unknown",
    "motives": ["market_position", "quality"],
    "count": 12,
    "one": 1,
}

# (condition, expected) — every form, on answered, unanswered and "unknown" questions.
TRUTH_TABLE = [
    ({"question": "sector", "equals": "ict"}, True),
    ({"question": "sector", "equals": "bouw"}, False),
    ({"question": "missing", "equals": "ict"}, False),
    ({"question": "sector", "in": ["bouw", "ict"]}, True),
    ({"question": "sector", "in": ["bouw"]}, False),
    ({"question": "cooperates", "equals": True}, True),
    ({"question": "cooperates", "equals": False}, False),
    ({"question": "one", "equals": True}, False),  # 1 is not true
    ({"question": "cooperates", "equals": 1}, False),  # true is not 1
    ({"question": "motives", "includes": "quality"}, True),
    ({"question": "motives", "includes": "new_products"}, False),
    ({"question": "sector", "includes": "ict"}, False),  # not a list
    ({"question": "scale", "at_least": 4}, True),
    ({"question": "scale", "at_least": 5}, False),
    ({"question": "scale", "at_most": 4}, True),
    ({"question": "scale", "at_most": 3}, False),
    ({"question": "unsure", "at_least": 1}, False),  # unknown is no number
    ({"question": "unsure", "at_most": 5}, False),
    ({"question": "unsure", "equals": "unknown"}, True),
    ({"question": "count", "at_least": 10}, True),
    ({"question": "cooperates", "at_least": 0}, False),  # a boolean is no number
    ({"answered": "sector"}, True),
    ({"answered": "missing"}, False),
    ({"all": [{"answered": "sector"}, {"question": "scale", "at_least": 3}]}, True),
    ({"all": [{"answered": "sector"}, {"answered": "missing"}]}, False),
    ({"any": [{"answered": "missing"}, {"question": "scale", "at_least": 3}]}, True),
    ({"any": [{"answered": "missing"}, {"question": "scale", "at_least": 5}]}, False),
    ({"not": {"answered": "missing"}}, True),
    ({"not": {"question": "missing", "equals": "x"}}, True),
    ({"not": {"answered": "sector"}}, False),
    ({"not": {"not": {"answered": "sector"}}}, True),
]


@pytest.mark.parametrize(("raw", "expected"), TRUTH_TABLE)
def test_truth_table(raw, expected):
    assert evaluate(parse(raw), ANSWERS) is expected


DIMS = {
    "win_win": DimensionFact(40.0, "knelpunt"),
    "trust": DimensionFact(80.0, "sterk"),
    "ict": DimensionFact(60.0, "aandachtspunt"),
    "thin": DimensionFact(None, "insufficient"),
}

DIMENSION_TABLE = [
    ({"dimension": "win_win", "band": "knelpunt"}, True),
    ({"dimension": "win_win", "band": "sterk"}, False),
    ({"dimension": "trust", "at_least": 75}, True),
    ({"dimension": "trust", "at_most": 75}, False),
    ({"dimension": "thin", "at_least": 0}, False),  # no score: no comparison holds
    ({"dimension": "thin", "band": "insufficient"}, True),
    ({"dimension": "nowhere", "band": "sterk"}, False),
    ({"bands": "knelpunt", "at_least": 1}, True),
    ({"bands": "knelpunt", "at_most": 0}, False),
    ({"bands": "sterk", "at_most": 1}, True),
    ({"all": [{"dimension": "trust", "band": "sterk"}, {"question": "sector", "equals": "ict"}]},
     True),
]


@pytest.mark.parametrize(("raw", "expected"), DIMENSION_TABLE)
def test_dimension_terms(raw, expected):
    assert evaluate(parse(raw), ANSWERS, DIMS) is expected


def test_dimension_terms_without_scores_are_false():
    assert evaluate(parse({"dimension": "trust", "band": "sterk"}), ANSWERS) is False


@pytest.mark.parametrize("raw", [cond for cond, _ in TRUTH_TABLE + DIMENSION_TABLE])
def test_round_trip(raw):
    assert parse(c.to_data(parse(raw))) == parse(raw)


BAD = [
    ("just text", "cond.not_mapping"),
    ({}, "cond.not_mapping"),
    ({"all": []}, "cond.empty_list"),
    ({"any": "x"}, "cond.empty_list"),
    ({"all": [{"answered": "a"}], "extra": 1}, "cond.extra_keys"),
    ({"question": "a"}, "cond.one_op"),
    ({"question": "a", "equals": 1, "in": [1]}, "cond.one_op"),
    ({"question": "a", "like": 1}, "cond.one_op"),
    ({"question": 5, "equals": 1}, "cond.bad_id"),
    ({"question": "a", "in": []}, "cond.empty_list"),
    ({"question": "a", "at_least": "3"}, "cond.not_number"),
    ({"question": "a", "at_least": True}, "cond.not_number"),
    ({"question": "a", "equals": [1]}, "cond.not_scalar"),
    ({"question": "a", "includes": 3}, "cond.bad_id"),
    ({"dimension": "d", "band": "great"}, "cond.bad_band"),
    ({"dimension": "d", "at_least": 150}, "cond.out_of_range"),
    ({"bands": "knelpunt", "at_least": -1}, "cond.bad_count"),
    ({"eval": "__import__('os')"}, "cond.unknown_form"),
]


@pytest.mark.parametrize(("raw", "key"), BAD)
def test_parse_errors(raw, key):
    with pytest.raises(ConditionError) as info:
        parse(raw)
    assert info.value.key == key


def test_parse_error_names_the_spot():
    with pytest.raises(ConditionError) as info:
        parse({"all": [{"answered": "a"}, {"any": [{"answered": "b"}, {"nope": 1}]}]})
    assert info.value.path == "when.all[1].any[1]"


DOMAINS: dict[str, Domain] = {  # the question types give the values a condition checks
    "kind": domain_of("choice", ("a", "b")),
    "many": domain_of("multi", ("x", "y")),
    "yes": domain_of("yesno", allow_unknown=True),
    "level": domain_of("scale", minimum=1, maximum=5),
}


def _check(raw, dimensions=None):
    return [p.key for p in c.check(parse(raw), "when", DOMAINS, set(DOMAINS) | {"later"},
                                   dimensions)]


@pytest.mark.parametrize(("raw", "keys"), [
    ({"question": "kind", "equals": "a"}, []),
    ({"question": "kind", "equals": "z"}, ["cond.impossible_value"]),
    ({"question": "kind", "in": ["a", "z"]}, ["cond.impossible_value"]),
    ({"question": "kind", "includes": "a"}, ["cond.op_not_for_type"]),
    ({"question": "many", "includes": "x"}, []),
    ({"question": "many", "includes": "q"}, ["cond.impossible_value"]),
    ({"question": "many", "equals": "x"}, ["cond.op_not_for_type"]),
    ({"question": "yes", "equals": True}, []),
    ({"question": "yes", "equals": "unknown"}, []),
    ({"question": "yes", "equals": "yes"}, ["cond.impossible_value"]),
    ({"question": "kind", "equals": "unknown"}, ["cond.impossible_value"]),
    ({"question": "level", "at_least": 4}, []),
    ({"question": "level", "at_least": 9}, ["cond.impossible_value"]),
    ({"question": "level", "equals": 2.5}, ["cond.impossible_value"]),
    ({"question": "later", "equals": "a"}, ["cond.later_question"]),
    ({"answered": "ghost"}, ["cond.unknown_question"]),
    ({"dimension": "trust", "band": "sterk"}, ["cond.no_scores_here"]),
    ({"bands": "sterk", "at_least": 1}, ["cond.no_scores_here"]),
    ({"not": {"any": [{"answered": "kind"}, {"answered": "ghost"}]}},
     ["cond.unknown_question"]),
])
def test_check_against_domains(raw, keys):
    assert _check(raw) == keys


def test_check_dimension_terms_where_allowed():
    assert _check({"dimension": "trust", "band": "sterk"}, {"trust"}) == []
    assert _check({"dimension": "nope", "band": "sterk"}, {"trust"}) == [
        "cond.unknown_dimension"]
