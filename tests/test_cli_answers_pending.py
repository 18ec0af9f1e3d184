"""Answers files through the CLI when some answers depend on a question asked on the terminal:
they wait, are used without asking once their question applies, and are left out with a notice
only once it is certain their question cannot apply."""

from __future__ import annotations

import json
import re

from clustercli.engine.flow import question_list
from tests.test_advisor_support import listing, shipped, shipped_answers


def named(*ids: str) -> str:
    """The questions as the notices name them: by their text, one per line."""
    return question_list(shipped(), ids, "en")


PENDING = named("cooperates_regionally", "wants_regional", "win_win_current",
                "win_win_partners_gain", "relationship_partners", "knowledge_exchange_partners")
RULED_OUT = named("cooperates_regionally", "win_win_current", "win_win_partners_gain",
                  "relationship_partners", "knowledge_exchange_partners")
ASKED = re.compile(r"Question \d+ of \d+")


def answers_file(tmp_path) -> str:
    """Every answer of the shipped set but `cooperates`, which several `when`s read."""
    answers = shipped_answers(cooperates=None, cooperates_regionally="no", wants_regional=True,
                              support_wanted=[])
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    return str(path)


def lines(*typed: str) -> str:
    return "\n".join(typed) + "\n"


def test_plain_asks_only_the_missing_question_and_stores_the_waiting_answers(cli, tmp_path):
    result = cli("start", "--answers", answers_file(tmp_path), "--plain", "--lang", "en",
                 input=lines("yes", ""))
    assert result.exit_code == 0, result.output
    assert "Left out" not in result.output and PENDING in result.output
    assert len(ASKED.findall(result.stdout)) == 1  # cooperates only
    assert "Are those firms in your own region? No, they are all outside my region" in \
        result.stdout
    row = listing(cli)[0]
    assert row["status"] == "completed"
    assert row["answered"] == len(json.loads((tmp_path / "answers.json").read_text())) + 1


def test_plain_leaves_out_what_the_typed_answer_rules_out(cli, tmp_path):
    result = cli("start", "--answers", answers_file(tmp_path), "--plain", "--lang", "en",
                 input=lines("no", ""))
    assert result.exit_code == 0, result.output
    assert ("Left out from the answers file, because these questions do not apply to your "
            f"answers:{RULED_OUT}") in result.stdout
    assert "cooperates_regionally" not in result.stdout  # named by text, not by id
    assert len(ASKED.findall(result.stdout)) == 1
    # wants_regional applies when the firm does not cooperate: taken from the file
    assert "Would you like to work together with other firms in your own region? Yes" in \
        result.stdout


def test_answers_that_can_never_apply_are_left_out_at_once(cli, tmp_path):
    answers = shipped_answers(cooperates=False, cooperates_regionally="no", wants_regional=True,
                              support_wanted=[])
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    result = cli("start", "--answers", str(path), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert f"do not apply to your answers:{RULED_OUT}" in result.stderr
    assert "depend on questions still to be answered" not in result.stderr


def test_without_a_terminal_the_waiting_answers_stay_unstored(cli, tmp_path):
    path = answers_file(tmp_path)
    result = cli("start", "--answers", path, "--lang", "en")
    assert result.exit_code == 2
    assert PENDING in result.stderr and "Left out" not in result.stderr
    # the questions still to answer, with the ids the answers file needs
    assert "there is no terminal to ask them (question id: question):\n  - cooperates: Does " \
        "your firm work together with other firms?\n" in result.stderr
    row = listing(cli)[0]
    given = len(json.loads((tmp_path / "answers.json").read_text()))
    assert row["status"] == "in_progress" and row["answered"] == given - 6
    # resumable: the questions that now apply are asked
    result = cli("resume", row["id"], "--plain", "--lang", "en",
                 input=lines("yes", "3", "yes", "4", "4", "4", "4", ""))
    assert result.exit_code == 0, result.output
    assert len(ASKED.findall(result.stdout)) == 7
    assert listing(cli)[0]["answered"] == given + 1


def test_pausing_says_the_waiting_answers_were_not_saved(cli, tmp_path):
    result = cli("start", "--answers", answers_file(tmp_path), "--plain", "--lang", "en",
                 input=lines(":pause"))
    assert result.exit_code == 130
    assert f"were not saved, because the questions they depend on had no answer yet:" \
           f"{PENDING}" in result.output
