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
    assert info.value.problems[0].key == "yaml.not_found"


def test_empty_file_gives_no_answers(tmp_path):
    assert read(tmp_path, "").answers == {}
