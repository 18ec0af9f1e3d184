"""Representative assessments on the shipped question set, for the report tests.

Each case is built the way the engine asks: questions in order, an answer only where the
question applies (its `when` holds given the earlier answers). Ids and timestamps are fixed so
that the snapshots are deterministic. The tests at the bottom check that every case really is
what its name says, so a change to the rules cannot quietly turn a snapshot into another case.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from clustercli.conditions import UNKNOWN
from clustercli.paths import shipped_set
from clustercli.profile.advice import MAX_ACTIONS, MAX_ADVICE
from clustercli.profile.build import build_profile
from clustercli.questionset.loader import content_hash, load
from clustercli.questionset.model import QuestionSet
from clustercli.records import Answer, Assessment, SetRef

CREATED = "2026-11-20T09:00:00.000000Z"
UPDATED = "2026-11-20T09:14:00.000000Z"


@cache
def shipped() -> QuestionSet:
    return load(shipped_set())


def walk(qset: QuestionSet, profile: dict[str, Any], levels: dict[str, Any],
         overrides: dict[str, Any], stop_after: str | None = None) -> dict[str, Any]:
    """Answers in question order, only to questions that apply. A scored statement gets the
    level of its dimension (as agreement: a reverse-worded one gets the mirrored answer, or
    "unknown" when the level is UNKNOWN); `overrides` wins; `stop_after` ends the interview
    early (an unfinished assessment)."""
    answers: dict[str, Any] = {}
    for question in qset.questions:
        if not qset.applies(question, answers):
            continue
        if question.id in overrides:
            value = overrides[question.id]
        elif question.id not in profile and not question.required and question.dimension is None:
            continue  # an optional question the case leaves open (e.g. a sub-sector)
        elif question.dimension is not None:
            level = levels.get(question.dimension, 3)
            value = level if level == UNKNOWN or not question.reverse else 6 - level
        else:
            value = profile[question.id]
        answers[question.id] = value
        if question.id == stop_after:
            break
    return answers


def record(case_id: str, answers: dict[str, Any], *, client: str, respondent: str,
           lang: str = "nl", notes: dict[str, str] | None = None,
           completed: bool = True) -> Assessment:
    qset = shipped()
    notes = notes or {}
    return Assessment(
        id=case_id, question_set=SetRef(qset.id, qset.version, content_hash(qset)),
        language=lang, client=client, respondent=respondent, created=CREATED,
        updated=UPDATED, completed=UPDATED if completed else None,
        status="completed" if completed else "in_progress",
        answers={q: Answer(v, CREATED, notes.get(q)) for q, v in answers.items()})


def regional_cooperator() -> Assessment:
    profile = {"sector": "metal", "province": "noord-brabant", "employees": "10-49",
               "international": True, "own_rnd": True, "cooperates": True,
               "cooperates_regionally": "yes",
               "motives": ["market_position", "new_products", "quality"],
               "stimulation_important": 4, "support_wanted": ["contacts"]}
    levels = {"motivation": 5, "win_win": 5, "relationship": 4, "knowledge_level": 5,
              "knowledge_exchange": 4, "ict_knowledge": 4, "regional_network": 5}
    answers = walk(shipped(), profile, levels, {"relationship_trust": 5,
                                                "knowledge_exchange_learn": 5})
    return record("11111111-1111-4111-8111-111111111111", answers,
                  client="Metaalbewerking De Vries B.V.", respondent="Jan de Vries")


def wants_to_cooperate() -> Assessment:
    profile = {"sector": "food", "province": "groningen", "employees": "2-9",
               "international": False, "own_rnd": False, "cooperates": False,
               "wants_regional": True, "motives": ["new_products", "knowledge_access"],
               "stimulation_important": 5, "support_wanted": ["contacts", "information"]}
    levels = {"motivation": 4, "win_win": 4, "relationship": 3, "knowledge_level": 3,
              "knowledge_exchange": 3, "ict_knowledge": 2, "regional_network": 2}
    answers = walk(shipped(), profile, levels, {"relationship_trust": 4})
    return record("22222222-2222-4222-8222-222222222222", answers,
                  client="Bakkerij Zoë & Café <Noord>", respondent="Zoë \"Zo\" Jansen")


def win_win_knelpunt() -> Assessment:
    profile = {"sector": "ict", "province": "zuid-holland", "employees": "10-49",
               "international": False, "own_rnd": False, "cooperates": True,
               "cooperates_regionally": "partly", "motives": ["market_position"],
               "stimulation_important": 3, "support_wanted": []}
    levels = {"motivation": 5, "win_win": 2, "relationship": 5, "knowledge_level": 4,
              "knowledge_exchange": 4, "ict_knowledge": 5, "regional_network": 3}
    answers = walk(shipped(), profile, levels, {"win_win_what_we_offer": 3})
    return record("33333333-3333-4333-8333-333333333333", answers,
                  client="Datadienst Delft", respondent="Priya Bakker")


def many_unknowns(lang: str = "en") -> Assessment:
    profile = {"sector": "other", "province": "zeeland", "employees": "solo",
               "international": False, "own_rnd": False, "cooperates": True,
               "cooperates_regionally": "no", "wants_regional": False,
               "motives": ["quality"], "stimulation_important": 2, "support_wanted": []}
    levels = {"motivation": UNKNOWN, "win_win": UNKNOWN, "relationship": UNKNOWN,
              "knowledge_level": 3, "knowledge_exchange": UNKNOWN, "ict_knowledge": 2,
              "regional_network": UNKNOWN}
    answers = walk(shipped(), profile, levels, {"motivation_market": 3, "win_win_current": 2})
    return record("44444444-4444-4444-8444-444444444444", answers, client="",
                  respondent="", lang=lang,
                  notes={"cooperates_regionally": "Works with a supplier in Antwerp.",
                         "ict_behind": "Still invoices on paper <b>by hand</b>."})


def unfinished() -> Assessment:
    profile = {"sector": "construction", "province": "utrecht", "employees": "50-249",
               "international": False, "own_rnd": False, "cooperates": False,
               "wants_regional": True, "motives": ["quality"]}
    answers = walk(shipped(), profile, {"motivation": 4, "win_win": 3}, {},
                   stop_after="win_win_what_we_offer")
    return record("55555555-5555-4555-8555-555555555555", answers,
                  client="Bouwbedrijf Utrecht", respondent="", completed=False)


def everything_at_once(lang: str = "nl") -> Assessment:
    """As much report as the shipped set can give: the province with the most clusters, every
    programme (international, own R&D, every motive), every kind of support wanted, three
    knelpunten and a dimension without a score. The print test holds this to three pages."""
    qset = shipped()
    profile = {"sector": "metal", "tech_market": "high_tech", "province": "noord-brabant",
               "employees": "10-49",
               "international": True, "own_rnd": True, "cooperates": False,
               "wants_regional": True, "motives": list(qset.question("motives").option_keys),
               "stimulation_important": 5,
               "support_wanted": list(qset.question("support_wanted").option_keys)}
    levels = {"motivation": 2, "win_win": 2, "relationship": UNKNOWN, "knowledge_level": 1,
              "knowledge_exchange": 2, "ict_knowledge": 1, "regional_network": 2}
    answers = walk(qset, profile, levels, {"relationship_fear_copying": 5,
                                           "motivation_market": 3})
    return record("66666666-6666-4666-8666-666666666666", answers,
                  client="Bakkerij Zoë & Café <Noord> en Zonen Holding B.V.",
                  respondent="Anna de Groot-Vermeulen", lang=lang)


def flat(text: str) -> str:
    """Text with every run of white space (a line wrapped to the terminal) as one space."""
    return " ".join(text.split())


CASES = {"regional-cooperator": regional_cooperator, "wants-to-cooperate": wants_to_cooperate,
         "win-win-knelpunt": win_win_knelpunt, "many-unknowns": many_unknowns}


# --- the cases are what their names say ------------------------------------------------------


def _profile(case):
    return build_profile(shipped(), case.values())


def test_answers_respect_when():
    qset = shipped()
    for make in (*CASES.values(), unfinished, everything_at_once):
        answers = make().values()
        so_far: dict[str, Any] = {}
        for question in qset.questions:
            if question.id in answers:
                assert qset.applies(question, so_far), (make.__name__, question.id)
                so_far[question.id] = answers[question.id]
        assert so_far == answers


def test_regional_cooperator_is_a_regional_cooperator_at_the_top():
    profile = _profile(regional_cooperator())
    assert profile.level.id == "trekker" and not profile.level.caps
    assert [m.finding for m in profile.mirror][:1] == ["F3"]


def test_wants_to_cooperate_does_not_yet_and_wants_to():
    case = wants_to_cooperate()
    assert case.values()["cooperates"] is False and case.values()["wants_regional"] is True
    assert "not_cooperating_regional" in [a.id for a in _profile(case).advice]


def test_win_win_knelpunt_is_capped_by_f7():
    level = _profile(win_win_knelpunt()).level
    assert level.reached in ("klaar", "trekker") and level.id == "opbouwen"
    assert [c.id for c in level.caps] == ["win_win_knelpunt"]


def test_many_unknowns_leave_most_areas_without_a_score():
    profile = _profile(many_unknowns())
    assert sum(d.band == "insufficient" for d in profile.dimensions) >= 4
    assert profile.level is None and profile.withheld is not None  # too little for a level


def test_everything_at_once_fills_every_section():
    from clustercli.report import build_report

    report = build_report(everything_at_once(), shipped(), "nl")
    # the most the routing names: five, and more only with a stated reason (at most seven)
    assert 5 <= len(report.organisations) <= 7
    # the most actions; the advice: what is not an action, at most six with them
    assert len(report.actions) == MAX_ACTIONS and 1 <= len(report.advice) <= MAX_ADVICE
    assert len(report.weakest) == 3 and report.unscored


@pytest.mark.parametrize("make", [unfinished])
def test_unfinished_stops_early(make):
    case = make()
    assert case.status == "in_progress" and "stimulation_important" not in case.values()
