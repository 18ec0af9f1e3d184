"""What `start` does to come up sooner, and that none of it shows: the garbage collector waits
for the first question, and the assessment is stored while the user reads it."""

from __future__ import annotations

import gc
import json

import pytest

from tests.test_cli_interview import SET, TYPED, UUID, lines


@pytest.fixture(autouse=True)
def _unfrozen():
    """`start` freezes what exists once a question is shown (other tests' runs too); give it
    back to the collector."""
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_the_collector_is_back_once_a_question_was_shown(cli):
    assert gc.isenabled() and gc.get_freeze_count() == 0
    result = cli("start", "--plain", "--lang", "en", *SET, input=lines(*TYPED))
    assert result.exit_code == 0, result.output
    assert gc.isenabled() and gc.get_freeze_count() > 0


@pytest.mark.parametrize("args", [
    ["start", "--plain", "--questions", "missing.yaml"],  # stops before any question
    ["start", "--answers", "missing.yaml", *SET],
    ["resume", "--plain"],  # nothing to resume
])
def test_the_collector_is_back_whatever_ends_the_command(cli, args):
    result = cli(*args, input="")
    assert result.exit_code == 2, result.output
    assert gc.isenabled()


def test_the_collector_is_left_alone_when_it_was_off(cli):
    gc.disable()
    try:
        result = cli("start", "--plain", "--lang", "en", *SET, input=lines(*TYPED))
        assert result.exit_code == 0, result.output
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_paused_at_the_first_question_it_can_be_resumed(cli):
    """Stored while the first question was read (or when the pause asked for its id)."""
    result = cli("start", "--plain", "--lang", "en", *SET, input=lines(":pause"))
    assert result.exit_code == 130
    [assessment_id] = UUID.findall(result.stderr)
    listed = json.loads(cli("list", "--format", "json").stdout)
    assert [row["id"] for row in listed] == [assessment_id]
    again = cli("resume", assessment_id, "--plain", "--lang", "en", input=lines(*TYPED))
    assert again.exit_code == 0, again.output
