"""Advice rules, actions and the mirror: every rule reachable, at most six advice, three to five
distinct actions with why and basis, figures honest."""

from __future__ import annotations

import random

import pytest

from clustercli.profile.advice import MAX_ACTIONS, MAX_ADVICE, actions, next_steps
from clustercli.profile.build import build_profile
from clustercli.questionset.loader import load
from tests.test_profile_answers import (
    READINESS,
    VALID,
    find_witnesses,
    random_chooser,
    walk,
)

SETS = {"valid": VALID, "readiness": READINESS}


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_rule_level_and_cap_can_fire(name):
    qset = load(SETS[name])
    found = find_witnesses(qset)
    rules = qset.rules
    wanted = ({f"advice:{a.id}" for a in rules.advice} | {f"level:{lv.id}" for lv in rules.levels}
              | {f"cap:{c.id}" for c in rules.caps})
    assert sorted(wanted - set(found)) == []
    for key, answers in found.items():  # the witness really does it
        profile = build_profile(qset, answers)
        kind, rule_id = key.split(":")
        if kind == "advice":
            assert rule_id in [a.id for a in profile.fired]
        elif kind == "level":
            assert profile.level.id == rule_id
        else:
            assert rule_id in [c.id for c in profile.level.caps]


def test_advice_in_file_order_with_why_and_source():
    qset = load(READINESS)
    answers = {"cooperates": False, "wants_regional": True, "ww_1": 1, "ww_2": 5,
               "ww_3": "not_at_all", "rel_3": 1, "rel_4": 5, "kl_1": 1, "kl_2": 1, "kl_3": 1}
    profile = build_profile(qset, answers)
    fired = ["win_win_low", "relationship_low", "would_like_regional", "many_bottlenecks",
             "kvk", "branch", "information", "extra_1", "extra_2"]
    assert [a.id for a in profile.fired] == fired
    # the file's order is the order of importance: the first six are shown
    assert MAX_ADVICE == 6 and [a.id for a in profile.advice] == fired[:6]
    first = profile.advice[0]
    assert first.when == {"dimension": "win_win", "band": "knelpunt"}
    assert first.source == ("F7",) and first.text["nl"] and first.text["en"]
    # eight steps fire; the three that fired for this firm (a `when` that held) are the
    # actions, most urgent first; the standing steps (no `when`) only make up three
    assert [a.advice for a in profile.actions] == [
        "win_win_low", "relationship_low", "would_like_regional"]
    assert [a.priority for a in profile.actions] == [1, 2, 3]
    action = profile.actions[0]
    assert action.why == first.text and action.source == ("F7",)
    assert action.step["en"] == "Discuss what each partner gains."
    assert [s.advice for s in profile.next_steps] == [a.advice for a in profile.actions]


def test_dimension_score_terms_in_advice():
    qset = load(READINESS)
    # relationship (not cooperating): rel_3 4 -> .5 (w .5), rel_4 4 reversed -> .25 => 33.3
    profile = build_profile(qset, {"cooperates": False, "rel_3": 4, "rel_4": 4})
    assert "relationship_low" in [a.id for a in profile.advice]
    profile = build_profile(qset, {"cooperates": False, "rel_3": 4, "rel_4": 3})  # 50
    assert "relationship_low" not in [a.id for a in profile.advice]


@pytest.mark.parametrize("name", sorted(SETS))
def test_three_to_five_actions_always(name):
    qset = load(SETS[name])
    rng = random.Random(3)
    for _ in range(300):
        profile = build_profile(qset, walk(qset, random_chooser(rng)))
        chosen = profile.actions
        assert 3 <= len(chosen) <= MAX_ACTIONS <= 5
        assert [a.priority for a in chosen] == sorted(a.priority for a in chosen)
        assert len({a.advice for a in chosen}) == len(chosen)
        assert len({tuple(sorted(a.step.items())) for a in chosen}) == len(chosen)
        assert len(profile.advice) <= MAX_ADVICE


def test_a_step_is_given_once():
    from clustercli.profile.advice import FiredAdvice

    step = {"nl": "Bel de KVK.", "en": "Call KVK."}
    fired = (FiredAdvice("a", {"nl": "A.", "en": "A."}, ("F11",), None, step, 2),
             FiredAdvice("b", {"nl": "B.", "en": "B."}, ("design",), None, step, 1),
             FiredAdvice("c", {"nl": "C.", "en": "C."}, ("design",), None, None, None))
    assert [a.advice for a in actions(fired)] == ["b"]


def test_advice_that_needs_an_organisation_fires_only_when_one_is_recommended():
    from clustercli.questionset.loader import load_from_text

    rules = (SETS["readiness"].with_name("readiness.rules.yaml")).read_text(encoding="utf-8")
    rules += """  - id: ask_association
    routed: branch_association
    text: {nl: De vereniging kent uw branche., en: The association knows your trade.}
    source: [design]
    step: {nl: Vraag uw branchevereniging., en: Ask your trade association.}
    priority: 1
"""
    qset = load_from_text(READINESS.read_text(encoding="utf-8"), "readiness.yaml", rules,
                          "readiness.rules.yaml")
    without = build_profile(qset, {"cooperates": False})
    assert "ask_association" not in [a.id for a in without.fired]
    routed = build_profile(qset, {"cooperates": False}, routed={"chamber", "branch_association"})
    assert routed.actions[0].advice == "ask_association"


def test_next_steps_of_nothing():
    assert next_steps(()) == () and actions(()) == ()


def test_standing_steps_only_make_up_the_minimum():
    from clustercli.profile.advice import MIN_ACTIONS, FiredAdvice

    def fired(rule_id: str, priority: int, when: dict | None) -> FiredAdvice:
        text = {"nl": f"{rule_id}.", "en": f"{rule_id}."}
        return FiredAdvice(rule_id, text, ("design",), when, dict(text), priority)

    own = {"question": "x", "equals": 1}
    standing = (fired("s1", 6, None), fired("s2", 7, None), fired("s3", 8, None))
    one = actions((fired("a", 3, own), *standing))
    assert [a.advice for a in one] == ["a", "s1", "s2"] and len(one) == MIN_ACTIONS
    many = actions((fired("a", 3, own), fired("b", 9, own), fired("c", 4, own),
                    fired("d", 5, own), fired("e", 2, own), *standing))
    assert [a.advice for a in many] == ["e", "a", "c", "d"][:MAX_ACTIONS]


# --- the mirror ------------------------------------------------------------------------------


def _mirror(answers, lang="en"):
    profile = build_profile(load(READINESS), answers)
    return {line.finding: line.render(lang) for line in profile.mirror}


def test_mirror_cooperating_regionally():
    lines = _mirror({"cooperates": True, "cooperates_regionally": "yes",
                     "motives": ["new_products", "knowledge_access"],
                     "stimulation_important": 5})
    assert set(lines) == {"F3", "F5", "F9"}  # F4 is about firms that do not cooperate regionally
    assert "a third to a half" in lines["F3"] and "in regional clusters" in lines["F3"]
    # held beside the figure, never said to be in a cluster (study-findings.md, F3)
    assert "whether that is a cluster, your answer does not say." in lines["F3"]
    assert "Of these three, you chose new products." in lines["F5"]
    assert "almost three quarters" in lines["F9"].lower() and "important too" in lines["F9"]
    for finding, text in lines.items():
        assert f"(Source: {finding}, study of 2001)" in text


def test_mirror_not_cooperating_but_would_like_to():
    lines = _mirror({"cooperates": False, "wants_regional": True, "stimulation_important": 1},
                    "nl")
    # F3 is about firms that cooperate: no comparison for one that does not
    assert set(lines) == {"F4", "F9"}
    assert "bijna een derde" in lines["F4"] and "dat wel zou willen" in lines["F4"]
    assert "minder belangrijk" in lines["F9"]
    assert all("studie uit 2001" in text for text in lines.values())


@pytest.mark.parametrize(("motives", "fragment"), [
    (["market_position", "new_products", "quality"], "You chose all three."),
    (["knowledge_access"], "You chose none of these three, but other motives."),
    (["quality", "market_position"],
     "Of these three, you chose a stronger market position and better quality.")])
def test_mirror_motives(motives, fragment):
    lines = _mirror({"cooperates": True, "cooperates_regionally": "no", "motives": motives,
                     "wants_regional": False})
    assert fragment in lines["F5"]
    assert "not with firms in your own region" in lines["F3"]
    assert "do not want to" in lines["F4"]
    assert "important motives" in lines["F5"] and "main" not in lines["F5"]  # F5


def test_mirror_compares_motives_only_when_some_were_chosen():
    from tests.test_profile_answers import SHIPPED

    profile = build_profile(load(SHIPPED), {"cooperates": False, "wants_regional": True,
                                            "motives": []})
    assert "F5" not in {line.finding for line in profile.mirror}


def test_mirror_leaves_out_what_it_cannot_say():
    assert _mirror({"stimulation_important": "unknown"}) == {}
    assert _mirror({"stimulation_important": 3})["F9"].count("neutral") == 1
    assert build_profile(load(VALID), {"cooperates": False}).mirror == ()  # F3: cooperating

