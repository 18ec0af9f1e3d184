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

# readiness.yaml, a cooperating firm. Points (0-1) and weights:
#   win_win:      ww_1 4 -> .75 (w1); ww_2 2, reversed -> 1 - .25 = .75 (w1);
#                 ww_3 "agreed", score 4 -> .75 (w2)            => 3 / 4 = 75.0, sterk
#   relationship: rel_1 unknown (left out); rel_2 3 -> .5 (w1); rel_3 7 on 1-7 -> 1 (w .5);
#                 rel_4 4, reversed -> .25 (w1)                 => 1.25 / 2.5 = 50.0
#   knowledge:    kl_1, kl_2 unknown, kl_3 5: 1 of 3 answered    => not enough answers
COOPERATING = {
    "cooperates": True, "cooperates_regionally": "yes",
    "motives": ["market_position", "new_products"],
    "ww_1": 4, "ww_2": 2, "ww_3": "agreed",
    "rel_1": "unknown", "rel_2": 3, "rel_3": 7, "rel_4": 4,
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
    assert (rel.score, rel.band, rel.applicable, rel.answered) == (50.0, "aandachtspunt", 4, 3)
    kl = results["knowledge_level"]
    assert (kl.score, kl.band, kl.applicable, kl.answered) == (None, "insufficient", 3, 1)
    assert kl.fact == DimensionFact(None, "insufficient")


def test_items_that_do_not_apply_are_not_counted(qset):
    # Not cooperating: rel_1 and rel_2 do not apply, and their stale answers are ignored.
    # rel_3 4 on 1-7 -> .5 (w .5); rel_4 2, reversed -> .75 (w1): 1 / 1.5 = 66.67
    answers = {**COOPERATING, "cooperates": False, "rel_1": 5, "rel_2": 5, "rel_3": 4,
               "rel_4": 2}
    rel = score_dimensions(qset, answers)["relationship"]
    assert (rel.applicable, rel.answered, rel.band) == (2, 2, "aandachtspunt")
    assert rel.score == pytest.approx(200 / 3)
    assert "rel_1" not in active_answers(qset, answers)


def test_half_answered_is_enough_fewer_is_not(qset):
    answers = {"cooperates": False, "rel_3": 4}  # 1 of 2 applicable: exactly half
    rel = score_dimensions(qset, answers)["relationship"]
    assert (rel.score, rel.band) == (50.0, "aandachtspunt")
    answers = {"cooperates": True, "rel_3": 4, "rel_1": "unknown"}  # 1 of 4
    assert score_dimensions(qset, answers)["relationship"].band == "insufficient"
    # 2 of 3 knowledge items: enough; kl_1 1 -> 0, kl_2 2 -> .25 => 12.5, knelpunt
    kl = score_dimensions(qset, {"kl_1": 1, "kl_2": 2, "kl_3": "unknown"})["knowledge_level"]
    assert (kl.score, kl.band) == (12.5, "knelpunt")


def test_option_scores_and_weights(qset):
    # ww_1 1 -> 0 (w1); ww_2 unknown; ww_3 "written", score 5 -> 1 (w2) => 2 / 3
    results = score_dimensions(qset, {"ww_1": 1, "ww_2": "unknown", "ww_3": "written"})
    assert results["win_win"].score == pytest.approx(200 / 3)
    # ww_3 "informally", score 2 -> .25 (w2); ww_1 5 -> 1; ww_2 5 reversed -> 0 => 1.5 / 4
    results = score_dimensions(qset, {"ww_1": 5, "ww_2": 5, "ww_3": "informally"})
    assert (results["win_win"].score, results["win_win"].band) == (37.5, "knelpunt")


def test_valid_set_hand_computed():
    qset = load(VALID)
    # trust_1 2 -> .25; trust_2 4 reversed -> .25; trust_3 never (score 1) -> 0, w2 => .5 / 4
    trust = score_dimensions(qset, {"trust_1": 2, "trust_2": 4, "trust_3": "never"})["trust"]
    assert (trust.score, trust.band) == (12.5, "knelpunt")


@pytest.mark.parametrize(("score", "band"), [(100, "sterk"), (75, "sterk"),
                                             (74.99, "aandachtspunt"), (50, "aandachtspunt"),
                                             (49.99, "knelpunt"), (0, "knelpunt")])
def test_band_boundaries(score, band):
    from fractions import Fraction

    assert band_for(Fraction(score)) == band


def test_bands_come_from_the_rules():
    rules = "bands: {sterk: 90, aandachtspunt: 60}\n"
    qset = load_from_text(VALID.read_text(encoding="utf-8"), "valid.yaml", rules)
    trust = score_dimensions(qset, {"trust_1": 5, "trust_2": 2, "trust_3": "weekly"})["trust"]
    assert (trust.score, trust.band) == (93.75, "sterk")
    trust = score_dimensions(qset, {"trust_1": 4, "trust_2": 2, "trust_3": "weekly"})["trust"]
    assert (trust.score, trust.band) == (87.5, "aandachtspunt")


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
    assert _level(qset, answers) == ("exploring", "building", ["win_win"])


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
    assert summary.scores == {"win_win": 75.0, "relationship": 50.0, "knowledge_level": None}
    assert summary.bands["knowledge_level"] == "insufficient"
    assert summary.level == profile.level.id
    assert summary.answers == {"cooperates": True, "cooperates_regionally": "yes",
                               "motives": ["market_position", "new_products"],
                               "stimulation_important": 4}  # the reserved ids only
    assert Summary.from_data(json.loads(json.dumps(summary.to_data()))) == summary
    json.dumps(profile.to_data())
