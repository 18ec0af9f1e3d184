"""Mutating a valid set at random only ever yields a valid set or the tool's own error."""

from __future__ import annotations

import copy
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clustercli.errors import InputProblems
from clustercli.messages import format_error
from clustercli.questionset.loader import from_data, load_from_text
from clustercli.questionset.model import QuestionSet
from tests.conftest import VALID_SET

BASE = yaml.safe_load(VALID_SET.read_text(encoding="utf-8"))

REPLACEMENTS = st.one_of(
    st.none(), st.booleans(), st.integers(-10, 10), st.floats(allow_nan=False, width=32),
    st.text(max_size=8), st.sampled_from(["unknown", "F13", "trust", "cooperates", "", "F1"]),
    st.lists(st.text(max_size=3), max_size=3), st.dictionaries(st.text(max_size=3),
                                                               st.integers(), max_size=2),
    st.just({"question": "sector", "equals": "ict"}), st.just({"all": []}),
)


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


def _parent(data: Any, path: tuple) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


@st.composite
def mutated_sets(draw: st.DrawFn) -> Any:
    data = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(data)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent, last = _parent(data, path), path[-1]
        operation = draw(st.sampled_from(["drop", "retype", "duplicate"]))
        if operation == "drop":
            del parent[last]
        elif operation == "retype":
            parent[last] = copy.deepcopy(draw(REPLACEMENTS))
        elif isinstance(parent, list):
            parent.insert(last, copy.deepcopy(parent[last]))
        else:
            parent[f"{last}_copy" if isinstance(last, str) else last] = copy.deepcopy(
                parent[last])
    return data


def _outcome(load) -> None:
    try:
        result = load()
    except InputProblems as error:
        assert error.problems
        for lang in ("nl", "en"):
            assert format_error(error, lang).strip()
        return
    assert isinstance(result, QuestionSet)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_sets())
def test_mutated_data_gives_a_set_or_our_error(data):
    _outcome(lambda: from_data(data, "mutated.yaml"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_sets())
def test_mutated_yaml_text_gives_a_set_or_our_error(data):
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    _outcome(lambda: load_from_text(text, "mutated.yaml"))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_gives_a_set_or_our_error(text):
    _outcome(lambda: load_from_text(text, "random.yaml"))
