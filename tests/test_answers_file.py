"""Answers files: every type's valid and invalid values, unknown ids, non-applicable answers."""

from __future__ import annotations

import json

import pytest

from clustercli.engine import answers_file
from clustercli.errors import InputProblems
from clustercli.messages import format_error
from clustercli.questionset.loader import load
from tests.conftest import VALID_SET

QSET = load(VALID_SET)
VALID_TEXT = VALID_SET.read_text(encoding="utf-8")


def read(tmp_path, text: str, name: str = "answers.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return answers_file.read(path, QSET, "en")


VALID = [
    ("sector: ict", {"sector": "ict"}),
    ("cooperates: true", {"cooperates": True}),
    ("cooperates: true\nmotives: [new_products, market_position]",
     {"cooperates": True, "motives": ["new_products", "market_position"]}),
    ("trust_1: 5", {"trust_1": 5}),
    ("trust_1: unknown", {"trust_1": "unknown"}),
    ("trust_3: weekly", {"trust_3": "weekly"}),
    ("employees: 250", {"employees": 250}),
    ("employees: 2.0", {"employees": 2}),
    ("remarks: ''", {"remarks": ""}),
    ("remarks: Vrij tekst met: dubbele punt", None),  # YAML error: ': ' inside plain text
]


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_valid_values(tmp_path, text, expected):
    if expected is None:
        with pytest.raises(InputProblems):
            read(tmp_path, text)
        return
    assert read(tmp_path, text).answers == expected


INVALID = [
    ("sector: bakery", "sector", "ict, other"),
    ("sector: 1", "sector", "ict, other"),
    ("cooperates: yes", "cooperates", "true, false"),  # YAML 1.2: 'yes' is text, not true
    ("cooperates: unknown", "cooperates", "true, false"),  # not allowed on this question
    ("motives: new_products", "motives", "market_position, new_products"),
    ("motives: [quality]", "motives", "market_position, new_products"),
    ("motives: [new_products, new_products]", "motives", "market_position"),
    ("trust_1: 6", "trust_1", "1–5, unknown"),
    ("trust_1: 2.5", "trust_1", "1–5"),
    ("trust_2: unknown", "trust_2", "1–5"),
    ("trust_1: '4'", "trust_1", "1–5"),
    ("employees: 0", "employees", "from 1 to 100000"),
    ("employees: many", "employees", "from 1 to 100000"),
    ("remarks: 42", "remarks", "any text"),
]


@pytest.mark.parametrize(("text", "question", "allowed"), INVALID)
def test_invalid_values_name_question_and_allowed_values(tmp_path, text, question, allowed):
    with pytest.raises(InputProblems) as info:
        read(tmp_path, text)
    problem = info.value.problems[0]
    assert problem.question == question and problem.line == 1
    message = format_error(info.value, "en")
    assert allowed in message and "nothing was stored" in message


def test_unknown_question_id(tmp_path):
    with pytest.raises(InputProblems) as info:
        read(tmp_path, "sector: ict\nsectr: ict\n")
    assert info.value.problems[0].line == 2
    assert "there is no question 'sectr'" in format_error(info.value, "en")


def test_all_problems_reported_together(tmp_path):
    with pytest.raises(InputProblems) as info:
        read(tmp_path, "sector: x\ntrust_1: 9\nghost: 1\n")
    assert len(info.value.problems) == 3


def test_json_files_work_too(tmp_path):
    given = read(tmp_path, json.dumps({"sector": "other", "cooperates": False, "trust_1": 3}),
                 "answers.json")
    assert given.answers == {"sector": "other", "cooperates": False, "trust_1": 3}


def test_answers_to_questions_that_do_not_apply_are_left_out(tmp_path):
    given = read(tmp_path, "cooperates: false\nmotives: [new_products]\n")
    assert given.answers == {"cooperates": False}
    assert given.not_applicable == ("motives",)


@pytest.mark.parametrize(("text", "key"), [("- a\n- b\n", "answers.not_mapping"),
                                           ("a: [\n", "yaml.syntax"),
                                           ("a: 1\na: 2\n", "yaml.duplicate_key")])
def test_malformed_files(tmp_path, text, key):
    with pytest.raises(InputProblems) as info:
        read(tmp_path, text)
    assert info.value.problems[0].key == key


def test_missing_file(tmp_path):
    with pytest.raises(InputProblems) as info:
        answers_file.read(tmp_path / "nope.yaml", QSET, "en")
    assert info.value.problems[0].key == "input.not_found"


def test_empty_file_gives_no_answers(tmp_path):
    assert read(tmp_path, "").answers == {}


# --- Answers whose question is undecided: they wait for the answers they depend on ----------

CHAIN = """\
id: chain
version: "1.0"
languages: [nl, en]
title: {nl: Keten, en: Chain}
questions:
  - id: a
    type: yesno
    text: {nl: A?, en: A?}
    source: [design]
  - id: b
    type: yesno
    when: {question: a, equals: true}
    text: {nl: B?, en: B?}
    source: [design]
  - id: c
    type: yesno
    when: {question: b, equals: true}
    text: {nl: C?, en: C?}
    source: [design]
"""


@pytest.fixture
def chain(tmp_path):
    path = tmp_path / "chain.yaml"
    path.write_text(CHAIN, encoding="utf-8")
    return load(path)


def test_a_question_reading_an_unanswered_one_is_undecided_not_left_out(chain):
    settled = answers_file.settle(chain, {}, {"b": True, "c": True})
    assert settled.store == {} and settled.left_out == ()
    assert settled.pending == {"b": True, "c": True}


def test_left_out_only_when_every_question_read_is_decided(chain):
    # b reads a (answered): out. c reads b, which has no answer but can never apply: out too.
    settled = answers_file.settle(chain, {"a": False}, {"b": True, "c": True})
    assert settled.left_out == ("b", "c") and settled.pending == {}


def test_pending_answers_are_stored_along_the_chain_once_they_apply(chain):
    settled = answers_file.settle(chain, {"a": True}, {"b": True, "c": False})
    assert settled.store == {"b": True, "c": False} and settled.pending == {}
    settled = answers_file.settle(chain, {"a": True}, {"b": False, "c": True})
    assert settled.store == {"b": False} and settled.left_out == ("c",)


def test_an_answered_question_that_stops_applying_decides_nothing(chain):
    # the active answer b=True no longer applies once a=False: c depends on nothing open
    settled = answers_file.settle(chain, {"a": False, "b": True}, {"c": True})
    assert settled.left_out == ("c",)


def test_the_shipped_example_keeps_the_answers_until_cooperates_is_given(tmp_path):
    given = shipped_file(tmp_path)
    assert given.not_applicable == ()
    assert list(given.pending) == ["cooperates_regionally", "wants_regional", "win_win_current",
                                   "win_win_partners_gain", "relationship_partners",
                                   "knowledge_exchange_partners"]
    assert "cooperates" not in given.answers and "motives" in given.answers


def shipped_file(tmp_path):
    from tests.test_advisor_support import shipped, shipped_answers

    answers = shipped_answers(cooperates=None, cooperates_regionally="no", wants_regional=True,
                              support_wanted=[])
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    return answers_file.read(path, shipped(), "en")


class AnswerUI:
    """Answers `cooperates` as told; any other question asked is a failure of this fix."""

    def __init__(self, cooperates: bool) -> None:
        self.cooperates = cooperates
        self.asked: list[str] = []
        self.notices: list[str] = []

    def ask(self, ask):
        from clustercli.engine.driver import Give

        self.asked.append(ask.question.id)
        if ask.question.id != "cooperates":
            raise EOFError  # stop: the test fails on `asked`
        return Give(self.cooperates)

    def review(self, sections, lang):
        from clustercli.engine.driver import Special

        return Special.FINISH

    def ask_note(self, question, current, lang):
        return None

    def notice(self, text):
        self.notices.append(text)


def question_list(qset, ids, lang):
    from clustercli.engine.flow import question_list as listed

    return listed(qset, ids, lang)


def shipped():
    from tests.test_advisor_support import shipped as the_set

    return the_set()


def run_shipped(tmp_path, cooperates: bool):
    from clustercli.engine import driver, flow
    from clustercli.engine import session as sessions
    from clustercli.storage.memory import MemoryStore
    from tests.test_advisor_support import shipped

    given = shipped_file(tmp_path)
    store = MemoryStore()
    session = sessions.start(store, shipped(), "en")
    notices = flow.apply_given(session, given)
    assert not [n for n in notices if n.startswith("Left out")]
    assert any(question_list(shipped(), ["cooperates_regionally", "wants_regional",
                                         "win_win_current"], "en") in n for n in notices)
    ui = AnswerUI(cooperates)
    driver.run(session, ui)
    assert ui.asked == ["cooperates"]  # nothing from the file is asked again
    return store.load(session.id).values(), ui.notices


def test_the_shipped_example_stores_the_waiting_answers_after_a_yes(tmp_path):
    answers, notices = run_shipped(tmp_path, True)
    assert answers["cooperates"] is True and answers["cooperates_regionally"] == "no"
    assert answers["wants_regional"] is True and answers["win_win_current"] == 4
    assert notices == []


def test_the_shipped_example_leaves_out_what_a_no_rules_out(tmp_path):
    answers, notices = run_shipped(tmp_path, False)
    assert answers["cooperates"] is False and answers["wants_regional"] is True
    assert "cooperates_regionally" not in answers and "win_win_current" not in answers
    assert notices == ["Left out from the answers file, because these questions do not apply "
                       "to your answers:" + question_list(shipped(), [
                           "cooperates_regionally", "win_win_current", "win_win_partners_gain",
                           "relationship_partners", "knowledge_exchange_partners"], "en")]


def test_an_optional_question_of_any_type_can_be_left_open(tmp_path):
    """Skipping an optional number (or choice, scale, yes/no) stores None: answered, no value;
    a required one still needs an answer."""
    from clustercli.engine import values
    from clustercli.questionset.loader import load_from_text

    text = VALID_TEXT.replace("    default: 5\n", "    default: 5\n    required: false\n")
    qset = load_from_text(text, "optional.yaml")
    employees = qset.question("employees")
    assert values.check(employees, "", "en") is None
    assert values.parse_typed(employees, "  ", "en") is None
    assert values.label(employees, None, "en") == "(no answer)"
    path = tmp_path / "a.yaml"
    path.write_text("employees: null\n", encoding="utf-8")
    assert answers_file.read(path, qset, "en").answers == {"employees": None}
    with pytest.raises(values.AnswerError):
        values.check(QSET.question("employees"), "", "en")  # required in the test set
