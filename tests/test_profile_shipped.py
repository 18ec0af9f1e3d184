"""The shipped rules (questions/cluster-readiness.rules.yaml) against the shipped question set."""

from __future__ import annotations

import random

import pytest

from clustercli.paths import shipped_set
from clustercli.profile.build import build_profile
from clustercli.questionset.loader import load
from tests.test_profile_answers import find_witnesses, interview, random_chooser

DIMENSIONS = ("motivation", "win_win", "relationship", "knowledge_level", "knowledge_exchange",
              "ict_knowledge", "regional_network")


@pytest.fixture(scope="module")
def qset():
    return load(shipped_set())


@pytest.fixture(scope="module")
def witnesses(qset):
    found = find_witnesses(qset, tries=6000, complete=True, routed={"branch_association"})
    # the top level is rare among random answers: a firm strong throughout that cooperates
    found.setdefault("level:trekker", _answers(qset, **dict.fromkeys(DIMENSIONS, 5)))
    assert build_profile(qset, found["level:trekker"]).level.id == "trekker"
    # as rare: the same strong firm that does not cooperate yet, held below the top level
    idle = {key: value for key, value in _answers(qset, **dict.fromkeys(DIMENSIONS, 5)).items()
            if key != "cooperates_regionally"}
    found.setdefault("cap:no_cooperation_yet", {**idle, "cooperates": False,
                                                "wants_regional": True})
    capped = build_profile(qset, found["cap:no_cooperation_yet"]).level
    assert "no_cooperation_yet" in [cap.id for cap in capped.caps]
    return found


def test_shipped_set_has_its_rules(qset):
    rules = qset.rules
    assert (rules.bands.sterk, rules.bands.aandachtspunt) == (75, 50)
    assert [level.id for level in rules.levels] == ["verkennen", "opbouwen", "klaar", "trekker"]


def test_every_rule_level_and_cap_fires_for_a_finished_interview(qset, witnesses):
    rules = qset.rules
    wanted = ({f"advice:{a.id}" for a in rules.advice} | {f"level:{lv.id}" for lv in rules.levels}
              | {f"cap:{c.id}" for c in rules.caps})
    assert sorted(wanted - set(witnesses)) == []


def test_three_to_five_actions_for_finished_interviews(qset):
    rng = random.Random(11)
    for _ in range(300):
        profile = build_profile(qset, interview(qset, random_chooser(rng, complete=True)))
        assert 3 <= len(profile.actions) <= 5 and len(profile.advice) <= 6
        assert [a.priority for a in profile.actions] == sorted(
            a.priority for a in profile.actions)


def _answers(qset, **scores):
    """A finished interview: every statement of a dimension at the level given (1-5, as if
    agreeing; reverse-worded statements get the mirrored answer), a cooperating firm."""
    answers = {"sector": "metal", "province": "utrecht", "employees": "10-49",
               "international": False, "own_rnd": False, "cooperates": True,
               "cooperates_regionally": "yes", "motives": ["quality"],
               "stimulation_important": 3, "support_wanted": []}
    for question in qset.questions:
        if question.dimension is not None:
            level = scores.get(question.dimension, 4)
            answers[question.id] = 6 - level if question.reverse else level
    return answers


def test_all_strong_is_ready_to_lead(qset):
    profile = build_profile(qset, _answers(qset, **dict.fromkeys(DIMENSIONS, 5)))
    assert {d.band for d in profile.dimensions} == {"sterk"}
    assert profile.level.id == "trekker" and profile.level.caps == ()
    assert "success_factors_sterk" in [a.id for a in profile.advice]


def test_win_win_knelpunt_caps_a_firm_that_is_otherwise_ready(qset):
    profile = build_profile(qset, _answers(qset, win_win=2, motivation=5, relationship=5))
    assert profile.dimension("win_win").band == "knelpunt"
    assert profile.level.reached == "klaar"
    assert (profile.level.id, [c.id for c in profile.level.caps]) == (
        "opbouwen", ["win_win_knelpunt"])
    assert profile.level.caps[0].source == ("F7", "design")
    assert profile.actions[0].advice == "win_win_knelpunt"


def test_dont_know_on_win_win_does_not_get_round_the_cap(qset):
    """All win-win statements "weet niet", everything else strong: without answers on what
    the study calls crucial (F7), the level stays where a knelpunt there would keep it."""
    answers = _answers(qset, **dict.fromkeys(DIMENSIONS, 5))
    answers.update({q.id: "unknown" for q in qset.scored_questions("win_win")})
    profile = build_profile(qset, answers)
    assert profile.dimension("win_win").band == "insufficient"
    assert profile.level.reached == "klaar"
    assert (profile.level.id, [c.id for c in profile.level.caps]) == (
        "opbouwen", ["win_win_unknown"])
    assert profile.level.caps[0].source == ("F7", "design")
    assert "win_win_unknown" in [a.id for a in profile.advice]


def test_one_success_factor_knelpunt_still_allows_ready_two_do_not(qset):
    one = build_profile(qset, _answers(qset, relationship=2, motivation=5, win_win=5))
    assert one.level.id == "klaar"
    two = build_profile(qset, _answers(qset, relationship=2, knowledge_exchange=2,
                                       motivation=5, win_win=5))
    assert (two.level.reached, two.level.id) == ("klaar", "opbouwen")
    assert [c.id for c in two.level.caps] == ["success_factors_knelpunt"]


def test_many_knelpunten_is_exploring(qset):
    profile = build_profile(qset, _answers(qset, **dict.fromkeys(DIMENSIONS, 2)))
    assert profile.level.id == "verkennen" and profile.level.caps == ()


def test_dont_know_everywhere_gives_no_level(qset):
    """All "weet niet": every part "onvoldoende gegevens", and no level at all, so nothing
    like "on the scores alone your level would be Basis opbouwen"."""
    answers = _answers(qset)
    answers.update({q.id: "unknown" for q in qset.questions if q.dimension is not None})
    profile = build_profile(qset, answers)
    assert {d.band for d in profile.dimensions} == {"insufficient"}
    assert profile.level is None
    assert profile.withheld.unscored == DIMENSIONS and profile.withheld.of == 7


@pytest.mark.parametrize(("unknown_parts", "level"), [(2, "opbouwen"), (3, None)])
def test_a_level_needs_scores_on_two_thirds_of_the_parts(qset, unknown_parts, level):
    answers = _answers(qset, **dict.fromkeys(DIMENSIONS, 5))
    for dimension in DIMENSIONS[-unknown_parts:]:
        answers.update({q.id: "unknown" for q in qset.scored_questions(dimension)})
    profile = build_profile(qset, answers)
    assert (profile.level.id if profile.level else None) == level
    assert (profile.withheld is None) is (level is not None)


# --- fair scores (issue 13, point 5) ---------------------------------------------------------


@pytest.mark.parametrize("value", [1, 2, 3, 4, 5])
@pytest.mark.parametrize("cooperates", [True, False])
def test_the_same_answer_throughout_scores_50_whether_or_not_the_firm_cooperates(
        qset, value, cooperates):
    """A band does not depend on how many items apply: straight-lining is 50 everywhere."""
    answers = _answers(qset)
    answers.update({"cooperates": cooperates, "cooperates_regionally": "yes",
                    "wants_regional": True})
    if not cooperates:
        answers.pop("cooperates_regionally")
    answers.update({q.id: value for q in qset.questions if q.dimension is not None})
    profile = build_profile(qset, answers)
    assert {d.score for d in profile.dimensions} == {50.0}
    assert {d.band for d in profile.dimensions} == {"aandachtspunt"}
    assert profile.level.id == "opbouwen"


def test_the_top_level_needs_experience_of_cooperating(qset):
    answers = _answers(qset, **dict.fromkeys(DIMENSIONS, 5))
    answers.update({"cooperates": False, "wants_regional": True})
    answers.pop("cooperates_regionally")
    profile = build_profile(qset, answers)
    assert {d.band for d in profile.dimensions} == {"sterk"}
    assert (profile.level.reached, profile.level.id) == ("trekker", "klaar")
    assert [c.id for c in profile.level.caps] == ["no_cooperation_yet"]


# --- the content of the rules ----------------------------------------------------------------


def test_advice_covers_what_the_issue_asks(qset):
    # F3, F4, F5 and F9 are the mirror's (each study statement once in a report); F6 is the
    # trend behind the IT part, whose advice is the tool's own (design); F11 is said where the
    # report names KVK and the trade associations (whom to approach)
    from clustercli.routing.data import shipped

    cited = set().union(*(set(a.source) for a in qset.rules.advice))
    assert {"F1", "F2", "F7", "F8", "F10", "design", "profile"} <= cited
    assert "F11" in {s for org in shipped().organisations for r in org.routes for s in r.source}
    named = " ".join(str(a.when) for a in qset.rules.advice)
    for term in ("new_products", "market_position", "quality", "support_wanted",
                 "wants_regional", "cooperates", *DIMENSIONS):
        assert term in named, term


def test_every_dimension_knelpunt_has_a_step(qset):
    for dimension in DIMENSIONS:
        profile = build_profile(qset, _answers(qset, **{dimension: 1}))
        assert profile.dimension(dimension).band == "knelpunt"
        assert any(dimension in str(step.advice) or dimension in str(
            next(a.when for a in profile.advice if a.id == step.advice))
            for step in profile.next_steps), dimension
