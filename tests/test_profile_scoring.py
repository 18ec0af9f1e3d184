"""Scores, bands and the readiness level against cases worked out by hand."""

from __future__ import annotations

import pytest

from clustercli.conditions import DimensionFact
from clustercli.errors import BadInput
from clustercli.profile.build import build_profile
from clustercli.profile.levels import readiness_level
from clustercli.profile.scoring import active_answers, band_for, score_dimensions
from clustercli.profile.summary import Summary
from clustercli.questionset.loader import load, load_from_text
from tests.test_profile_answers import READINESS, VALID

# readiness.yaml, a cooperating firm. Points (0-1) and weights; the positive statements and
# the reverse-worded ones weigh half each (the mean of the two weighted means):
#   win_win:      ww_1 4 -> .75 (w1); ww_3 "agreed", score 4 -> .75 (w2): positive .75;
#                 ww_2 2, reversed -> 1 - .25 = .75: reverse .75   => 75.0, sterk
#   relationship: rel_1 unknown (left out); rel_2 3 -> .5 (w1); rel_3 7 on 1-7 -> 1 (w .5):
#                 positive 1 / 1.5 = 2/3; rel_4 3, reversed -> .5  => (2/3 + 1/2) / 2 = 58.33
#   knowledge:    kl_1, kl_2 unknown, kl_3 5: 1 of 3 answered    => not enough answers
COOPERATING = {
    "cooperates": True, "cooperates_regionally": "yes",
    "motives": ["market_position", "new_products"],
    "ww_1": 4, "ww_2": 2, "ww_3": "agreed",
    "rel_1": "unknown", "rel_2": 3, "rel_3": 7, "rel_4": 3,
    "kl_1": "unknown", "kl_2": "unknown", "kl_3": 5,
    "stimulation_important": 4,
}


@pytest.fixture(scope="module")
def qset():
    return load(READINESS)


def test_hand_computed_cooperating_firm(qset):
    results = score_dimensions(qset, COOPERATING)
    assert (results["win_win"].score, results["win_win"].band) == (75.0, "sterk")
    rel = results["relationship"]
    assert (rel.band, rel.applicable, rel.answered) == ("aandachtspunt", 4, 3)
    assert rel.score == pytest.approx(175 / 3)
    kl = results["knowledge_level"]
    assert (kl.score, kl.band, kl.applicable, kl.answered) == (None, "insufficient", 3, 1)
    assert kl.fact == DimensionFact(None, "insufficient")


def test_items_that_do_not_apply_are_not_counted(qset):
    # Not cooperating: rel_1 and rel_2 do not apply, and their stale answers are ignored.
    # rel_3 4 on 1-7 -> .5 (positive); rel_4 2, reversed -> .75: (.5 + .75) / 2 = 62.5
    answers = {**COOPERATING, "cooperates": False, "rel_1": 5, "rel_2": 5, "rel_3": 4,
               "rel_4": 2}
    rel = score_dimensions(qset, answers)["relationship"]
    assert (rel.applicable, rel.answered, rel.band) == (2, 2, "aandachtspunt")
    assert rel.score == 62.5
    assert "rel_1" not in active_answers(qset, answers)


def test_half_answered_is_enough_fewer_is_not(qset):
    # 2 of 4 applicable, one of each kind: exactly half
    answers = {"cooperates": True, "rel_1": "unknown", "rel_3": 4, "rel_4": 3}
    rel = score_dimensions(qset, answers)["relationship"]
    assert (rel.score, rel.band) == (50.0, "aandachtspunt")
    # 1 of 2 applicable is half, but the reverse-worded statement has no answer: too few
    rel = score_dimensions(qset, {"cooperates": False, "rel_3": 4})["relationship"]
    assert (rel.score, rel.band) == (None, "insufficient")
    answers = {"cooperates": True, "rel_3": 4, "rel_1": "unknown"}  # 1 of 4
    assert score_dimensions(qset, answers)["relationship"].band == "insufficient"
    # 2 of 3 knowledge items, all positive (one kind): enough; kl_1 1 -> 0, kl_2 2 -> .25
    # => 12.5, knelpunt
    kl = score_dimensions(qset, {"kl_1": 1, "kl_2": 2, "kl_3": "unknown"})["knowledge_level"]
    assert (kl.score, kl.band) == (12.5, "knelpunt")


def test_option_scores_and_weights(qset):
    # ww_1 1 -> 0 (w1); ww_3 "written", score 5 -> 1 (w2): positive 2 / 3; ww_2 4 reversed
    # -> .25 => (2/3 + 1/4) / 2 = 11/24
    results = score_dimensions(qset, {"ww_1": 1, "ww_2": 4, "ww_3": "written"})
    assert results["win_win"].score == pytest.approx(1100 / 24)
    # ww_3 "informally", score 2 -> .25 (w2); ww_1 5 -> 1: positive 1.5 / 3; ww_2 5 reversed
    # -> 0 => 25
    results = score_dimensions(qset, {"ww_1": 5, "ww_2": 5, "ww_3": "informally"})
    assert (results["win_win"].score, results["win_win"].band) == (25.0, "knelpunt")


def test_valid_set_hand_computed():
    qset = load(VALID)
    # trust_1 2 -> .25, trust_3 never (score 1) -> 0 (w2): positive .25 / 3; trust_2 4
    # reversed -> .25 => (1/12 + 1/4) / 2 = 1/6
    trust = score_dimensions(qset, {"trust_1": 2, "trust_2": 4, "trust_3": "never"})["trust"]
    assert (trust.score, trust.band) == (pytest.approx(100 / 6), "knelpunt")


@pytest.mark.parametrize(("score", "band"), [(100, "sterk"), (75, "sterk"),
                                             (74.99, "aandachtspunt"), (50, "aandachtspunt"),
                                             (49.99, "knelpunt"), (0, "knelpunt")])
def test_band_boundaries(score, band):
    from fractions import Fraction

    assert band_for(Fraction(score)) == band


def test_bands_come_from_the_rules():
    rules = "bands: {sterk: 90, aandachtspunt: 60}\n"
    qset = load_from_text(VALID.read_text(encoding="utf-8"), "valid.yaml", rules)
    # positive (.75 + 2) / 3 = 11/12 with reverse 1 => 23/24; with reverse .75 => 5/6
    trust = score_dimensions(qset, {"trust_1": 4, "trust_2": 1, "trust_3": "weekly"})["trust"]
    assert (trust.score, trust.band) == (pytest.approx(2300 / 24), "sterk")
    trust = score_dimensions(qset, {"trust_1": 4, "trust_2": 2, "trust_3": "weekly"})["trust"]
    assert (trust.score, trust.band) == (pytest.approx(250 / 3), "aandachtspunt")


def test_impossible_answer_is_bad_input(qset):
    with pytest.raises(BadInput) as caught:
        active_answers(qset, {"ww_1": 9})
    assert caught.value.key == "profile.bad_answer"


# --- levels and caps (readiness.rules.yaml) -------------------------------------------------

STRONG = {"ww_1": 5, "ww_2": 1, "ww_3": "written"}
WEAK_WIN_WIN = {"ww_1": 1, "ww_2": 5, "ww_3": "not_at_all"}
STRONG_REL = {"cooperates": True, "cooperates_regionally": "yes", "motives": ["quality"],
              "rel_1": 5, "rel_2": 5, "rel_3": 7, "rel_4": 1}
WEAK_REL = {"cooperates": True, "cooperates_regionally": "yes", "motives": ["quality"],
            "rel_1": 1, "rel_2": 1, "rel_3": 1, "rel_4": 5}
STRONG_KL = {"kl_1": 5, "kl_2": 5, "kl_3": 4}


def _level(qset, answers):
    level = build_profile(qset, answers).level
    return level.id, level.reached, [cap.id for cap in level.caps]


def test_level_without_caps(qset):
    assert _level(qset, {**STRONG, **STRONG_REL, **STRONG_KL}) == ("ready", "ready", [])


def test_win_win_knelpunt_caps_the_level(qset):
    # Two sterk, one knelpunt: the level rules give "ready"; the win-win cap (F7) lowers it.
    assert _level(qset, {**WEAK_WIN_WIN, **STRONG_REL, **STRONG_KL}) == (
        "exploring", "ready", ["win_win"])
    level = build_profile(qset, {**WEAK_WIN_WIN, **STRONG_REL, **STRONG_KL}).level
    assert level.capped and level.rank == 1 and level.of == 3
    assert level.caps[0].source == ("F7",) and level.caps[0].reason["en"]


def test_relationship_knelpunt_caps_at_the_middle(qset):
    assert _level(qset, {**STRONG, **WEAK_REL, **STRONG_KL}) == (
        "building", "ready", ["relationship"])


def test_caps_are_listed_lowest_first_and_only_when_they_lower(qset):
    answers = {**WEAK_WIN_WIN, **WEAK_REL, **STRONG_KL}  # two knelpunten: rules give exploring
    assert _level(qset, answers) == ("exploring", "exploring", [])
    answers = {**WEAK_WIN_WIN, **STRONG_REL, "kl_1": "unknown", "kl_2": "unknown",
               "kl_3": "unknown"}
    # one knelpunt, one sterk, one insufficient: the rules give "building"; two caps lower it
    assert _level(qset, answers) == ("exploring", "building", ["win_win", "too_little"])


def test_not_a_plain_average(qset):
    # The uneven firm has the higher mean score, but its win-win bottleneck puts it lower.
    even = {"ww_1": 3, "ww_2": 3, "ww_3": "agreed", "cooperates": False, "rel_3": 4,
            "rel_4": 3, "kl_1": 3, "kl_2": 3, "kl_3": 3}  # 62.5, 50, 50
    uneven = {**WEAK_WIN_WIN, "cooperates": False, "rel_3": 7, "rel_4": 1, **STRONG_KL}
    first, second = build_profile(qset, even), build_profile(qset, uneven)

    def mean(profile):
        return sum(d.score for d in profile.dimensions) / len(profile.dimensions)

    assert mean(second) > mean(first)
    assert (first.level.id, second.level.id) == ("building", "exploring")


def test_no_rules_no_level_default_bands():
    qset = load_from_text(VALID.read_text(encoding="utf-8"), "valid.yaml")
    assert qset.rules is None
    profile = build_profile(qset, {"trust_1": 4, "trust_2": 2, "trust_3": "monthly"})
    assert profile.level is None and profile.advice == () and profile.next_steps == ()
    assert profile.dimension("trust").band == "aandachtspunt"
    assert readiness_level(None, {}, {}) is None


def test_summary_is_small_and_json_ready(qset):
    import json

    profile = build_profile(qset, COOPERATING)
    summary = profile.summary(COOPERATING)
    assert summary.scores == {"win_win": 75.0, "relationship": 58.3, "knowledge_level": None}
    assert summary.bands["knowledge_level"] == "insufficient"
    assert summary.level == profile.level.id
    assert summary.answers == {"cooperates": True, "cooperates_regionally": "yes",
                               "motives": ["market_position", "new_products"],
                               "stimulation_important": 4}  # the reserved ids only
    assert Summary.from_data(json.loads(json.dumps(summary.to_data()))) == summary
    json.dumps(profile.to_data())


# --- each kind of statement weighs half (fair to every firm) ---------------------------------


def _random_answers(data, qset):
    from hypothesis import strategies as st

    from tests.test_profile_answers import SKIP, values_of, walk

    def choose(question, _):
        return data.draw(st.sampled_from([*values_of(question), SKIP]), label=question.id)

    return walk(qset, choose)


SCORED_SETS = {"readiness": READINESS, "valid": VALID}


@pytest.mark.parametrize("name", sorted(SCORED_SETS))
def test_shares_add_up_and_make_the_score(name):
    from fractions import Fraction

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    qset = load(SCORED_SETS[name])

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.data())
    def check(data):
        for result in score_dimensions(qset, _random_answers(data, qset)).values():
            shares = [item.share for item in result.items if item.share is not None]
            if result.score is None:
                assert shares == []
                continue
            assert sum(shares) == 1
            assert result.exact == 100 * sum(item.share * item.points for item in result.items
                                             if item.share is not None)
            kinds = {item.reverse for item in result.items}
            for kind in kinds:  # each kind present weighs the same part of the score
                assert sum(item.share for item in result.items if item.share is not None
                           and item.reverse is kind) == Fraction(1, len(kinds))

    check()


def test_the_same_answer_throughout_scores_the_middle_whatever_applies():
    qset = load(READINESS)
    for cooperates in (True, False):
        for value in (1, 3, 5):  # the same place on the 1-5 and the 1-7 scale (rel_3)
            answers = {"cooperates": cooperates, "rel_1": value, "rel_2": value,
                       "rel_3": {1: 1, 3: 4, 5: 7}[value], "rel_4": value}
            rel = score_dimensions(qset, answers)["relationship"]
            assert rel.score == 50.0, (cooperates, value)
