"""A question type is one object: a new type plugs in with nothing added but the type itself.

`DateType` (tests/fake_types.py) exists only in the tests. Registered, it is checked in a set
file, its values are what conditions check against, plain mode asks it and reads what is typed,
the engine stores it, it is said in words in both languages, `questions show` describes it, and
a condition on it holds or not. What follows an interview (scores, the report, the exports) is
test_question_types_results.py. Nothing in clustercli knows the word "date".
"""

from __future__ import annotations

import json

import pytest

from clustercli import conditions
from clustercli.engine import session as sessions
from clustercli.engine import values
from clustercli.engine.driver import run
from clustercli.errors import InputProblems
from clustercli.plain import PlainUI
from clustercli.questionset import cache, types
from clustercli.questionset.describe import to_json_data, to_text
from clustercli.questionset.loader import load_from_text
from clustercli.storage.memory import MemoryStore
from tests.fake_types import SET, DateType, plug_in


@pytest.fixture
def date_type(monkeypatch: pytest.MonkeyPatch) -> DateType:
    return plug_in(monkeypatch, DateType())


def test_a_set_with_an_unregistered_type_is_refused_naming_the_types():
    with pytest.raises(InputProblems) as info:
        load_from_text(SET, "founding.yaml")
    [problem] = info.value.problems
    assert (problem.key, problem.question, problem.line) == ("schema.not_allowed", "founded", 8)
    assert problem.params["value"] == "date"
    assert "'yesno', 'number' or 'text'" in problem.params["expected"]


def test_a_registered_type_is_checked_in_the_set_and_its_conditions(date_type):
    qset = load_from_text(SET, "founding.yaml")
    assert qset.question("founded").kind is date_type
    with pytest.raises(InputProblems) as info:
        load_from_text(SET.replace('equals: "2001-05-01"', "equals: yesterday")
                       .replace("allow_unknown: true", "allow_unknown: true\n    min: 3"),
                       "founding.yaml")
    found = {(p.key, p.question, p.field): p.params for p in info.value.problems}
    assert found[("qset.field_not_for_type", "founded", "min/max")] == {"type": "date"}
    assert found[("cond.impossible_value", "jubilee", "when")]["allowed"] == \
        "YYYY-MM-DD, unknown"
    with pytest.raises(InputProblems) as info:
        load_from_text(SET.replace("allow_unknown: true", "default: 1-5-2001"), "founding.yaml")
    assert [p.key for p in info.value.problems] == ["qset.bad_default"]


def test_plain_mode_asks_it_and_the_engine_stores_it(date_type):
    qset = load_from_text(SET, "founding.yaml")
    store = MemoryStore()
    session = sessions.start(store, qset, "en")
    typed = iter(["yesterday", "1-5-2001", "ja"])
    written: list[str] = []

    def read(prompt: str) -> str:
        written.append(prompt)
        return next(typed)

    ui = PlainUI(read=read, write=written.append)
    with pytest.raises(StopIteration):  # the review asks for more than the script has
        run(session, ui)
    out = "\n".join(written)
    assert "'yesterday' is not a possible answer" in out and "YYYY-MM-DD, unknown" in out
    record = store.load(session.id)
    # typed the Dutch way, stored the ISO way; the condition on it held, so jubilee was asked
    assert record.values() == {"founded": "2001-05-01", "jubilee": True}
    assert "Question 2 of 2" in out


def test_it_is_said_in_words_checked_and_described(date_type):
    qset = load_from_text(SET, "founding.yaml")
    founded = qset.question("founded")
    assert values.label(founded, "2001-05-01", "nl") == "1 mei 2001"
    assert values.label(founded, "2001-05-01", "en") == "1 May 2001"
    assert values.label(founded, conditions.UNKNOWN, "en") == "Don't know / not applicable"
    assert values.check(founded, "2001-05-01", "en") == "2001-05-01"
    with pytest.raises(values.AnswerError):
        values.check(founded, "2001-02-30", "en", in_file=True)
    jubilee = qset.question("jubilee").when
    assert jubilee is not None
    assert conditions.evaluate(jubilee, {"founded": "2001-05-01"})
    assert not conditions.evaluate(jubilee, {"founded": "2001-05-02"})
    described = next(q for q in to_json_data(qset)["questions"] if q["id"] == "founded")
    assert described["type"] == "date" and described["allow_unknown"] is True
    assert "id founded · date · source profile" in to_text(qset, "en")
    json.dumps(described)


def test_the_cache_knows_the_types_it_was_checked_with(date_type, tmp_path):
    path = tmp_path / "founding.yaml"
    path.write_text(SET, encoding="utf-8")
    folder = tmp_path / "cache"
    first = cache.load(path, folder)
    assert cache.load(path, folder) == first  # the second from the cache
    del types.TYPES["date"]  # without the type, the entry is not this code's: checked again
    with pytest.raises(InputProblems):
        cache.load(path, folder)
