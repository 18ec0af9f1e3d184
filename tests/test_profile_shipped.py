"""The shipped rules (questions/cluster-readiness.rules.yaml) against the shipped question set."""

from __future__ import annotations

import random

import pytest

from clustercli.paths import shipped_set
from clustercli.profile.build import build_profile
from clustercli.questionset.loader import load
from tests.test_content import JARGON
from tests.test_profile_answers import find_witnesses, interview, random_chooser

DIMENSIONS = ("motivation", "win_win", "relationship", "knowledge_level", "knowledge_exchange",
              "ict_knowledge", "regional_network")


@pytest.fixture(scope="module")
def qset():
    return load(shipped_set())


@pytest.fixture(scope="module")
def witnesses(qset):
    return find_witnesses(qset, tries=6000, complete=True)


def test_shipped_set_has_its_rules(qset):
    rules = qset.rules
    assert (rules.bands.sterk, rules.bands.aandachtspunt) == (75, 50)
    assert [level.id for level in rules.levels] == ["verkennen", "opbouwen", "klaar", "trekker"]


def test_every_rule_level_and_cap_fires_for_a_finished_interview(qset, witnesses):
    rules = qset.rules
    wanted = ({f"advice:{a.id}" for a in rules.advice} | {f"level:{lv.id}" for lv in rules.levels}
              | {f"cap:{c.id}" for c in rules.caps})
    assert sorted(wanted - set(witnesses)) == []


def test_three_to_seven_next_steps_for_finished_interviews(qset):
    rng = random.Random(11)
    for _ in range(300):
        profile = build_profile(qset, interview(qset, random_chooser(rng, complete=True)))
        assert 3 <= len(profile.next_steps) <= 7
        assert [s.priority for s in profile.next_steps] == sorted(
            s.priority for s in profile.next_steps)


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
    assert profile.level.caps[0].source == ("F7",)
    assert profile.next_steps[0].advice == "win_win_knelpunt"


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
    assert profile.level.caps[0].source == ("F7",)
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


def test_dont_know_everywhere(qset):
    answers = _answers(qset)
    answers.update({q.id: "unknown" for q in qset.questions if q.dimension is not None})
    profile = build_profile(qset, answers)
    assert {d.band for d in profile.dimensions} == {"insufficient"}
    assert profile.level.id == "verkennen"
    assert "mostly_unknown" in [c.id for c in profile.level.caps]


# --- the content of the rules ----------------------------------------------------------------


def test_advice_covers_what_the_issue_asks(qset):
    cited = set().union(*(set(a.source) for a in qset.rules.advice))
    assert {"F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F10", "F11"} <= cited
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


def test_rule_texts_use_plain_words(qset):
    problems = []
    rules = qset.rules
    items = [(a.id, a.text) for a in rules.advice] + [(a.id, a.step) for a in rules.advice
                                                       if a.step]
    items += [(lv.id, lv.meaning) for lv in rules.levels] + [(c.id, c.reason)
                                                             for c in rules.caps]
    for item_id, texts in items:
        for lang, words in JARGON.items():
            problems += [(item_id, lang, w) for w in words if w in texts[lang].lower()]
    assert problems == []


# Words that give a figure or an opinion of the study: such a text must say it is the study's
# (with its year), never read as today's statistic (study-findings.md).
FIGURE_WORDS = {
    "nl": ("derde", "driekwart", "meerderheid", "ondernemers vond", "ondernemers vind",
           "ondernemers noem", "ondernemers zag", "ondernemers zien", "volgens ondernemers",
           "volgens de ondernemers", "de meeste mkb"),
    "en": ("third", "three quarters", "majority", "owners see", "owners saw", "owners name",
           "entrepreneurs consider", "according to", "most sme"),
}


def _texts_quoting_the_study(qset):
    from clustercli.i18n import catalogue
    from clustercli.routing.data import shipped

    for lang in ("nl", "en"):
        texts = [(rule.id, rule.text[lang]) for rule in qset.rules.advice]
        texts += [(key, reason[lang]) for key, reason in shipped().reasons.items()]
        # the mirror's lines are printed with a source line that names the study and 2001
        texts += [(key, text) for key, text in catalogue(lang).items()
                  if key.startswith("profile.") and not key.startswith("profile.mirror.")]
        for where, text in texts:
            if any(word in text.lower() for word in FIGURE_WORDS[lang]):
                yield where, text


def test_the_study_s_figures_and_opinions_always_carry_its_year(qset):
    found = list(_texts_quoting_the_study(qset))
    assert len(found) >= 10  # the scan reads the texts it is meant to read
    assert [(where, text) for where, text in found if "2001" not in text] == []
