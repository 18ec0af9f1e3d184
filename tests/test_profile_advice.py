"""Advice rules, next steps and the mirror: every rule reachable, steps 3-7, figures honest."""

from __future__ import annotations

import random

import pytest

from clustercli.profile.advice import next_steps
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
            assert rule_id in [a.id for a in profile.advice]
        elif kind == "level":
            assert profile.level.id == rule_id
        else:
            assert rule_id in [c.id for c in profile.level.caps]


def test_advice_in_file_order_with_why_and_source():
    qset = load(READINESS)
    answers = {"cooperates": False, "wants_regional": True, "ww_1": 1, "ww_2": 5,
               "ww_3": "not_at_all", "rel_3": 1, "rel_4": 5, "kl_1": 1, "kl_2": 1, "kl_3": 1}
    profile = build_profile(qset, answers)
    ids = [a.id for a in profile.advice]
    assert ids == ["win_win_low", "relationship_low", "would_like_regional", "many_bottlenecks",
                   "kvk", "branch", "information", "extra_1", "extra_2"]
    first = profile.advice[0]
    assert first.when == {"dimension": "win_win", "band": "knelpunt"}
    assert first.source == ("F7",) and first.text["nl"] and first.text["en"]
    # eight steps fire; the seven most urgent are kept, in priority and then file order
    assert [s.advice for s in profile.next_steps] == [
        "win_win_low", "relationship_low", "would_like_regional", "kvk", "branch",
        "information", "extra_1"]
    assert [s.priority for s in profile.next_steps] == [1, 2, 3, 7, 7, 8, 9]


def test_dimension_score_terms_in_advice():
    qset = load(READINESS)
    # relationship (not cooperating): rel_3 4 -> .5 (w .5), rel_4 4 reversed -> .25 => 33.3
    profile = build_profile(qset, {"cooperates": False, "rel_3": 4, "rel_4": 4})
    assert "relationship_low" in [a.id for a in profile.advice]
    profile = build_profile(qset, {"cooperates": False, "rel_3": 4, "rel_4": 3})  # 50
    assert "relationship_low" not in [a.id for a in profile.advice]


@pytest.mark.parametrize("name", sorted(SETS))
def test_three_to_seven_next_steps_always(name):
    qset = load(SETS[name])
    rng = random.Random(3)
    for _ in range(300):
        steps = build_profile(qset, walk(qset, random_chooser(rng))).next_steps
        assert 3 <= len(steps) <= 7
        assert [s.priority for s in steps] == sorted(s.priority for s in steps)
        assert len({s.advice for s in steps}) == len(steps)


def test_next_steps_of_nothing():
    assert next_steps(()) == ()


# --- the mirror ------------------------------------------------------------------------------


def _mirror(answers, lang="en"):
    profile = build_profile(load(READINESS), answers)
    return {line.finding: line.render(lang) for line in profile.mirror}


def test_mirror_cooperating_regionally():
    lines = _mirror({"cooperates": True, "cooperates_regionally": "yes",
                     "motives": ["new_products", "knowledge_access"],
                     "stimulation_important": 5})
    assert set(lines) == {"F3", "F5", "F9"}  # F4 is about firms that do not cooperate regionally
    assert "one third to one half" in lines["F3"] and "like that group" in lines["F3"]
    assert "Of these you name: New products." in lines["F5"]
    assert "almost three quarters" in lines["F9"].lower() and "important too" in lines["F9"]
    for finding, text in lines.items():
        assert "EIM" in text and "2001" in text and "around 2000" in text and finding in text


def test_mirror_not_cooperating_but_would_like_to():
    lines = _mirror({"cooperates": False, "wants_regional": True, "stimulation_important": 1},
                    "nl")
    assert set(lines) == {"F3", "F4", "F9"}
    assert "bijna een derde" in lines["F4"] and "wil dat ook" in lines["F4"]
    assert "gaat over bedrijven die dat wel doen" in lines["F3"]
    assert "minder belangrijk" in lines["F9"]
    assert all("rond 2000" in text and "2001" in text for text in lines.values())


@pytest.mark.parametrize(("motives", "fragment"), [
    (["market_position", "new_products", "quality"], "You name all three."),
    (["knowledge_access"], "You name none of these three"),
    (["quality", "market_position"], "Of these you name: Market position, Quality.")])
def test_mirror_motives(motives, fragment):
    lines = _mirror({"cooperates": True, "cooperates_regionally": "no", "motives": motives,
                     "wants_regional": False})
    assert fragment in lines["F5"]
    assert "not (yet) regionally" in lines["F3"] and "does not want to" in lines["F4"]


def test_mirror_leaves_out_what_it_cannot_say():
    assert _mirror({"stimulation_important": "unknown"}) == {}
    assert _mirror({"stimulation_important": 3})["F9"].count("neutral") == 1
    assert build_profile(load(VALID), {"cooperates": False}).mirror[0].finding == "F3"

