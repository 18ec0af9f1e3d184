"""Explanations: the weakest answers, and the claim of what lifts a dimension, which must hold."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clustercli.conditions import UNKNOWN
from clustercli.profile.build import build_profile
from clustercli.profile.explain import Target, conditioned_questions, lift_text, weakness_text
from clustercli.profile.scoring import BAND_ORDER
from clustercli.questionset.loader import load
from tests.test_profile_answers import READINESS, SHIPPED, SKIP, VALID, values_of, walk

SETS = {"valid": load(VALID), "readiness": load(READINESS)}
if SHIPPED.exists():
    SETS["shipped"] = load(SHIPPED)


def test_two_of_three_at_five():
    qset = SETS["readiness"]
    explanation = build_profile(qset, {"kl_1": 3, "kl_2": 3, "kl_3": 3}).explanations[
        "knowledge_level"]
    lift = explanation.lift
    assert (lift.to_band, lift.need) == ("sterk", 2)
    assert lift.targets == tuple(Target(q, "at_least", 5) for q in ("kl_1", "kl_2", "kl_3"))
    lines = lift_text(qset, lift, "en")
    assert lines[0] == "To reach 'strong', any 2 of these 3 answers would have to change:"
    assert lines[1] == '"We lead in our trade." – 5 (Strongly agree)'
    assert lift_text(qset, lift, "nl")[0].startswith("Om 'sterk' te halen, zouden 2 van deze 3")


def test_one_of_two_and_a_target_below_the_top():
    qset = SETS["readiness"]
    # kl 2, 2, 5 -> .25, .25, 1 => 50; to 75 the gap is .75: either weak item at 5 gains .75
    lift = build_profile(qset, {"kl_1": 2, "kl_2": 2, "kl_3": 5}).explanations[
        "knowledge_level"].lift
    assert (lift.need, lift.targets) == (1, (Target("kl_1", "at_least", 5),
                                             Target("kl_2", "at_least", 5)))
    assert lift_text(qset, lift, "en")[0] == (
        "To reach 'strong', one of these 2 answers would have to change (any one):")
    # kl 2, 3, 3 => 41.67; to 50 the gap is .25: kl_1 at 3 closes it
    lift = build_profile(qset, {"kl_1": 2, "kl_2": 3, "kl_3": 3}).explanations[
        "knowledge_level"].lift
    assert lift_text(qset, lift, "en") == [
        "To reach 'point of attention', this answer would have to change:",
        '"We lead in our trade." – 3 (Neutral) or higher']


def test_option_and_reverse_targets():
    qset = SETS["readiness"]
    # win_win, each kind of statement half: positive ww_1 4 -> .75 (w1), ww_3 informally ->
    # .25 (w2) => 1.25 / 3; reverse ww_2 3 -> .5 => (5/12 + 1/2) / 2 = 11/24 = 45.83.
    # Shares: ww_1 1/6, ww_3 1/3, ww_2 1/2. To 50 the gap is 1/24: ww_2 at 2 or lower gains
    # 1/2 * .25, ww_3 at "agreed" or better 1/3 * .5; either closes it.
    profile = build_profile(qset, {"ww_1": 4, "ww_2": 3, "ww_3": "informally"})
    assert profile.dimension("win_win").score == pytest.approx(1100 / 24)
    lift = profile.explanations["win_win"].lift
    assert (lift.to_band, lift.need) == ("aandachtspunt", 1)
    assert lift.targets == (Target("ww_2", "at_most", 2),
                            Target("ww_3", "in", ("agreed", "written")))
    assert lift_text(qset, lift, "en")[0] == (
        "To reach 'point of attention', one of these 2 answers would have to change (any one):")
    assert lift_text(qset, lift, "en")[2] == '"How do you share the gains?" – Agreed or In writing'
    # ww_1 5 -> 1, ww_3 written -> 1; ww_2 5 reversed -> 0 => (1 + 0) / 2 = 50; to 75 the gap
    # is .25: ww_2 at 3 or lower (reversed: .5, share 1/2) closes it alone.
    lift = build_profile(qset, {"ww_1": 5, "ww_2": 5, "ww_3": "written"}).explanations[
        "win_win"].lift
    assert (lift.to_band, lift.need, lift.targets) == ("sterk", 1, (Target("ww_2", "at_most", 3),))
    assert lift_text(qset, lift, "en")[1].endswith(" – 3 (Neutral) or lower")


def test_weakest_answers_by_cost():
    qset = SETS["valid"]
    # trust_1 4 -> .75 and trust_3 monthly -> .5 (w2) are the positive half, trust_2 2
    # reversed -> .75 the reverse half. Shares 1/6, 1/3, 1/2; costs share * (1 - points) * 100,
    # shown in whole points rounded down (formatting.score): 16.67 costs 16.
    explanation = build_profile(qset, {"trust_1": 4, "trust_2": 2, "trust_3": "monthly"}
                                ).explanations["trust"]
    assert [(w.question, round(w.cost, 2)) for w in explanation.weakest] == [
        ("trust_3", 16.67), ("trust_2", 12.5), ("trust_1", 4.17)]
    assert weakness_text(qset, explanation.weakest[0], "en") == (
        '"How often do you talk with partners?" – your answer: Monthly (costs 16 points)')


def test_sterk_has_no_lift_and_insufficient_asks_for_answers():
    qset = SETS["readiness"]
    profile = build_profile(qset, {"kl_1": 5, "kl_2": 5, "kl_3": 5, "ww_2": "unknown"})
    assert profile.explanations["knowledge_level"].lift is None
    # 0 of 3 answered: half is 2, and the one reverse-worded statement must be among them,
    # which only "all 3" guarantees
    lift = profile.explanations["win_win"].lift
    assert (lift.to_band, lift.need) == (None, 3)
    assert [t.question for t in lift.targets] == ["ww_1", "ww_2", "ww_3"]
    assert lift_text(qset, lift, "en")[0].startswith("To get a score, answer all 3")


def test_a_missing_kind_of_statement_is_asked_for():
    qset = SETS["readiness"]
    # both positive statements answered, the reverse one "don't know": enough answers, but
    # no answer on the reverse kind, so no score; answering it is what is needed
    profile = build_profile(qset, {"ww_1": 5, "ww_2": "unknown", "ww_3": "written"})
    assert profile.dimension("win_win").band == "insufficient"
    lift = profile.explanations["win_win"].lift
    assert (lift.need, lift.targets) == (1, (Target("ww_2", "answered"),))


def test_questions_a_when_reads_are_never_targets():
    qset = SETS["readiness"]
    assert conditioned_questions(qset) == {"cooperates", "cooperates_regionally"}


def _answers(data, qset):
    def choose(question, _):
        options = [*values_of(question), SKIP]
        return data.draw(st.sampled_from(options), label=question.id)

    return walk(qset, choose)


def _rank(band):
    return BAND_ORDER.index(band) if band in BAND_ORDER else -1


@pytest.mark.parametrize("name", sorted(SETS))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_lift_claim_holds(name, data):
    """Apply ANY `need` of the targets, each with ANY value it allows: the band is reached."""
    qset = SETS[name]
    answers = _answers(data, qset)
    profile = build_profile(qset, answers)
    for result in profile.dimensions:
        lift = profile.explanations[result.id].lift
        if result.band == "sterk":
            assert lift is None
        if lift is None:
            continue
        assert 1 <= lift.need <= len(lift.targets)
        assert not any(target.holds(answers) for target in lift.targets)
        picked = data.draw(st.lists(st.sampled_from(lift.targets), min_size=lift.need,
                                    max_size=lift.need, unique=True), label="targets")
        changed = dict(answers)
        for target in picked:
            question = qset.question(target.question)
            allowed = [v for v in values_of(question) if v != UNKNOWN
                       and target.holds({**changed, target.question: v})]
            changed[target.question] = data.draw(st.sampled_from(allowed), label=target.question)
        after = build_profile(qset, changed).dimension(result.id)
        if lift.to_band is None:
            assert after.band != "insufficient"
        else:
            assert _rank(after.band) >= _rank(lift.to_band) > _rank(result.band)
