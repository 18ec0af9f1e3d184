"""The corpus generator (tests/corpus.py): big enough, deterministic, complete, stratified, and
generic, so that a question added to the set is answered and spread without a change there."""

from __future__ import annotations

from collections import Counter

from clustercli.engine.interview import Interview
from clustercli.paths import shipped_set
from clustercli.questionset.loader import load_from_text
from tests.corpus import CORPUS_SIZE, EDGES, generate, wrapped_lines

STRATA = ("sector", "province", "employees", "cooperates", "wants_regional", "own_rnd",
          "international")


def test_size_and_determinism(corpus):
    qset, cases = corpus
    assert len(cases) == CORPUS_SIZE + len(EDGES) >= 200
    assert [c.answers for c in generate(qset)] == [c.answers for c in cases]
    assert len({repr(sorted(c.answers.items())) for c in cases}) == len(cases)
    other = generate(qset, seed=7)
    assert [c.answers for c in other] != [c.answers for c in cases]


def test_every_case_is_a_finished_self_check(corpus):
    qset, cases = corpus
    for case in cases:
        interview = Interview(qset, case.answers)
        assert interview.next_unanswered() is None, case.name
        assert interview.missing_required() == [], case.name
        assert interview.no_longer_applicable() == [], case.name


def _spread(qset, cases, question_id):
    return Counter(c.answers[question_id] for c in cases if question_id in c.answers)


def test_stratified_over_every_value_of_the_firm_s_facts(corpus):
    qset, cases = corpus
    for question_id in STRATA:
        question = qset.question(question_id)
        values = list(question.option_keys) if question.type == "choice" else [True, False]
        spread = _spread(qset, cases, question_id)
        assert set(values) <= set(spread), question_id
        assert min(spread[v] for v in values) >= 3, (question_id, spread)
        # dealt from a deck: no value more than a few times as often as another
        assert max(spread.values()) <= 2 * min(spread[v] for v in values) + 2, spread


def test_every_band_turns_up_and_edges_are_straight(corpus):
    from clustercli.profile.build import build_profile

    qset, cases = corpus
    bands = Counter(d.band for c in cases for d in build_profile(qset, c.answers).dimensions)
    assert set(bands) == {"sterk", "aandachtspunt", "knelpunt", "insufficient"}
    edges = {c.name: c for c in cases if "edge" in c.tags}
    assert {f"edge-{name}" for name, _, _ in EDGES} == set(edges)
    for name, throughout, cooperates in EDGES:
        case = edges[f"edge-{name}"]
        assert case.answers["cooperates"] is cooperates
        scored = {case.answers[q.id] for q in qset.questions
                  if q.dimension is not None and q.id in case.answers}
        assert len(scored) == 1, (name, scored)  # the same answer throughout
        assert (scored == {"unknown"}) is (throughout == "unknown")


def test_a_question_added_to_the_set_is_answered_and_spread():
    text = shipped_set().read_text(encoding="utf-8")
    added = """
  - id: metal_kind
    type: choice
    when: {question: sector, in: [metal, technology]}
    text: {nl: "Wat voor metaalbedrijf?", en: "What kind of metal firm?"}
    options:
      - {key: toolmaking, label: {nl: Gereedschap, en: Tools}}
      - {key: sheet, label: {nl: Plaatwerk, en: Sheet metal}}
      - {key: machining, label: {nl: Verspanen, en: Machining}}
    source: [profile]
"""
    marker = "\n  - id: province\n"
    assert text.count(marker) == 1
    qset = load_from_text(text.replace(marker, added + marker), "added.yaml")
    cases = generate(qset)
    asked = [c for c in cases if c.answers.get("sector") in ("metal", "technology")]
    assert asked and all("metal_kind" in c.answers for c in asked)
    assert not any("metal_kind" in c.answers for c in cases if c not in asked)
    assert set(_spread(qset, asked, "metal_kind")) == {"toolmaking", "sheet", "machining"}


def test_lines_are_counted_as_an_80_column_terminal_shows_them():
    assert wrapped_lines("kort\n\n" + "woord " * 20) == 4  # 120 characters: two lines
    assert wrapped_lines("a" * 100) == 1  # a long word is not broken
    assert wrapped_lines(("word " * 40).strip()) == 3  # 199 characters
