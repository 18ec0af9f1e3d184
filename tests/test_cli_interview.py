"""start, resume, edit and list through the CLI in plain mode and with answers files."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import VALID_SET

SET = ["--questions", str(VALID_SET)]
TYPED = ["1", "ja", "1", "4", "2", "3", "12", "fine", ""]  # a whole run of the test set
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def lines(*typed: str) -> str:
    return "\n".join(typed) + "\n"


def listing(cli):
    result = cli("list", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_full_plain_run(cli):
    result = cli("start", "--plain", "--lang", "en", *SET, input=lines(*TYPED))
    assert result.exit_code == 0, result.output
    # a set of one's own: its own title, how long; unscored questions under a neutral heading
    assert result.stdout.startswith("Test set\nIt has 7–8 questions and takes about 3 minutes.")
    assert "Question 1 of 7 · General questions" in result.stdout
    assert "Done. Your answers are saved." in result.stdout
    assert "Trust" in result.stdout and "Agree (4)" in result.stdout
    rows = listing(cli)
    assert len(rows) == 1 and rows[0]["status"] == "completed" and rows[0]["answered"] == 8
    assert rows[0]["id"] in result.stdout
    assert set(rows[0]) == {"id", "client", "respondent", "status", "answered",
                            "question_set", "created", "updated"}
    assert rows[0]["question_set"] == "test-set 1.0"


def test_dutch_by_default_and_from_the_environment(cli):
    result = cli("start", "--plain", *SET, input=lines("1", ":pauze"))
    assert "Het zijn 7–8 vragen" in result.stdout and "Gepauzeerd" in result.stderr
    result = cli("start", "--plain", *SET, input=lines("1", ":pause"),
                 env={"CLUSTERCLI_LANG": "en"})
    assert "It has 7–8 questions" in result.stdout


def test_pause_and_resume(cli):
    result = cli("start", "--plain", "--lang", "en", *SET, input=lines("1", "ja", ":pause"))
    assert result.exit_code == 130
    assert "Your answers so far are saved" in result.stderr
    command = re.search(r"clustercli resume (\S+)", result.stderr)
    assert command
    assessment_id = command.group(1)
    assert listing(cli)[0]["answered"] == 2
    result = cli("resume", assessment_id, "--plain", input=lines(*TYPED[2:]))
    assert result.exit_code == 0, result.output
    assert "Question 3 of 8" in result.stdout  # continues at the first unanswered question
    assert listing(cli)[0]["status"] == "completed"


def test_resume_without_id_takes_the_latest_unfinished(cli):
    cli("start", "--plain", *SET, input=lines("1", ":pause"))
    cli("start", "--plain", *SET, input=lines("2", ":pause"))
    newest = listing(cli)[0]["id"]
    result = cli("resume", "--plain", "--lang", "en", input=lines(":pause"))
    assert result.exit_code == 130 and newest in result.stderr


def test_resume_with_nothing_to_resume(cli):
    result = cli("resume", "--plain", "--lang", "en")
    assert result.exit_code == 2 and "no unfinished self-check" in result.stderr


def test_end_of_input_pauses(cli):
    result = cli("start", "--plain", *SET, input=lines("1"))
    assert result.exit_code == 130 and "clustercli resume" in result.stderr
    assert listing(cli)[0]["answered"] == 1


def test_unknown_id(cli):
    result = cli("resume", "no-such-id", "--plain", "--lang", "en")
    assert result.exit_code == 2 and "no self-check with id no-such-id" in result.stderr


def test_no_terminal_without_plain_or_answers(cli):
    result = cli("start", *SET, "--lang", "en")
    assert result.exit_code == 2
    assert "Use --plain" in result.stderr and "Traceback" not in result.output
    assert listing(cli) == []


def test_term_dumb_without_a_terminal_needs_plain_or_answers(cli, tmp_path):
    """TERM=dumb asks for plain mode on a terminal (tests/test_terminal_pty.py); with stdin
    from a pipe it changes nothing: --plain reads the pipe, an answers file runs on its own."""
    result = cli("start", *SET, "--lang", "en", input=lines("1"), env={"TERM": "dumb"})
    assert result.exit_code == 2 and "Use --plain" in result.stderr
    answers = tmp_path / "a.yaml"
    answers.write_text("sector: ict\ncooperates: false\ntrust_1: 4\ntrust_2: 2\n"
                       "trust_3: weekly\n", encoding="utf-8")
    result = cli("start", *SET, "--answers", str(answers), env={"TERM": "dumb"})
    assert result.exit_code == 0, result.output
    result = cli("start", *SET, "--plain", "--lang", "en", input=lines("1", ":pause"),
                 env={"TERM": "dumb"})
    assert result.exit_code == 130 and "Question 1 of 7" in result.stdout


def test_complete_answers_file_without_terminal(cli, tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text("sector: ict\ncooperates: false\nmotives: [new_products]\ntrust_1: 4\n"
                       "trust_2: 2\ntrust_3: weekly\n", encoding="utf-8")
    result = cli("start", *SET, "--answers", str(answers), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Left out from the answers file, because these questions do not apply to your " \
        "answers:\n  - Why do you cooperate?" in result.stderr
    row = listing(cli)[0]
    # employees takes its default; the optional remarks stay unanswered
    assert row["status"] == "completed" and row["answered"] == 7 - 1


def test_missing_answers_without_terminal_are_listed_and_resumable(cli, tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text("sector: ict\n", encoding="utf-8")
    result = cli("start", *SET, "--answers", str(answers), "--lang", "en")
    assert result.exit_code == 2
    assert "(question id: question):\n  - cooperates: Do you cooperate with other firms?\n" \
        "  - trust_1: " in result.stderr and "  - trust_3: " in result.stderr
    assert "clustercli resume" in result.stderr
    row = listing(cli)[0]
    assert row["status"] == "in_progress" and row["answered"] == 2  # sector + default
    result = cli("resume", row["id"], "--plain", input=lines("nee", "4", "2", "3", "", "", ""))
    assert result.exit_code == 0, result.output


def test_invalid_answers_file_stores_nothing(cli, tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text("sector: ict\ntrust_1: 9\n", encoding="utf-8")
    result = cli("start", *SET, "--answers", str(answers), "--plain", "--lang", "en")
    assert result.exit_code == 2 and "a.yaml:2" in result.stderr and "1–5" in result.stderr
    assert listing(cli) == []


def test_answers_file_then_plain_asks_only_the_rest(cli, tmp_path):
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"sector": "ict", "cooperates": False}), encoding="utf-8")
    result = cli("start", *SET, "--answers", str(answers), "--plain", "--lang", "en",
                 input=lines("4", "2", "3", "", "", ""))
    assert result.exit_code == 0, result.output
    assert "Question 1 of" not in result.stdout and "Question 3 of 7" in result.stdout


def test_edit_a_completed_assessment(cli):
    cli("start", "--plain", *SET, input=lines(*TYPED))
    assessment_id = listing(cli)[0]["id"]
    result = cli("edit", assessment_id, "--plain", "--lang", "en", input=lines("1", "2", ""))
    assert result.exit_code == 0, result.output
    assert "Overview of your answers" in result.stdout
    assert listing(cli)[0]["status"] == "completed"
    import os

    from clustercli.storage import open_store
    record = open_store(__import__("pathlib").Path(os.environ["CLUSTERCLI_HOME"])).load(
        assessment_id)
    assert record.values()["sector"] == "other"
    assert [(h.question, h.value) for h in record.history] == [("sector", "ict")]


def test_edit_refuses_unfinished_and_resume_refuses_completed(cli):
    cli("start", "--plain", *SET, input=lines("1", ":pause"))
    unfinished = listing(cli)[0]["id"]
    result = cli("edit", unfinished, "--plain", "--lang", "en")
    assert result.exit_code == 2 and "not completed yet" in result.stderr
    cli("resume", unfinished, "--plain", input=lines(*TYPED[1:]))
    result = cli("resume", unfinished, "--plain", "--lang", "en")
    assert result.exit_code == 2 and f"clustercli edit {unfinished}" in result.stderr


def test_advisor_notes_in_plain_mode(cli):
    result = cli("start", "--plain", "--client", "Bakkerij Zoë", "--respondent", "owner", *SET,
                 "--lang", "en", input=lines(":note", "Family firm", *TYPED))
    assert result.exit_code == 0, result.output
    rows = listing(cli)
    assert rows[0]["client"] == "Bakkerij Zoë" and rows[0]["respondent"] == "owner"


def test_list_table_and_client_filter(cli):
    cli("start", "--plain", "--client", "Bakkerij Zoë", *SET, input=lines("1", ":pause"))
    cli("start", "--plain", "--client", "Garage Jansen", *SET, input=lines("1", ":pause"))
    result = cli("list", "--client", "  bakkerij ZOE ", "--lang", "en")
    assert result.exit_code == 0
    assert "Bakkerij Zoë" in result.stdout and "Garage Jansen" not in result.stdout
    assert "in progress" in result.stdout


def test_list_when_empty(cli):
    result = cli("list", "--lang", "en")
    assert result.exit_code == 0 and "no self-checks" in result.stdout


@pytest.mark.parametrize("data_dir_first", [True])
def test_data_dir_option_overrides_environment(cli, tmp_path, data_dir_first):
    other = tmp_path / "elsewhere"
    result = cli("--data-dir", str(other), "start", "--plain", *SET, input=lines(":pause"))
    assert result.exit_code == 130
    assert f"--data-dir {other}" in result.stderr
    assert listing(cli) == []
    assert any(other.rglob("*"))


def test_list_shows_a_damaged_file_and_keeps_going(cli):
    import os
    from pathlib import Path

    cli("start", "--plain", *SET, input=lines("1", ":pause"))
    cli("start", "--plain", *SET, input=lines("2", ":pause"))
    home = Path(os.environ["CLUSTERCLI_HOME"])
    victim = listing(cli)[0]["id"]
    damaged = next(p for p in home.rglob(f"{victim}*") if p.is_file() and p.suffix == ".json")
    damaged.write_text('{"truncated', encoding="utf-8")
    result = cli("list", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "DAMAGED" in result.stdout and str(damaged) in result.stdout
    assert "store." not in result.stdout  # the message, not its catalogue key
    assert "in progress" in result.stdout  # the other one is still listed
    result = cli("resume", victim, "--plain", "--lang", "en")
    assert result.exit_code == 1 and str(damaged) in result.stderr
    assert damaged.read_text(encoding="utf-8") == '{"truncated'


def test_completion_keeps_a_summary_in_the_index(cli):
    import os
    from pathlib import Path

    from clustercli.storage import open_store

    cli("start", "--plain", *SET, input=lines(*TYPED))
    row = open_store(Path(os.environ["CLUSTERCLI_HOME"])).list(with_summaries=True)[0]
    assert row.summary.scores["trust"] is not None
    assert row.summary.answers == {"sector": "ict", "cooperates": True, "employees": 12,
                                   "motives": ["market_position"]}


def test_opening_edit_and_leaving_keeps_it_completed(cli):
    cli("start", "--plain", *SET, input=lines(*TYPED))
    assessment_id = listing(cli)[0]["id"]
    before = listing(cli)[0]
    result = cli("edit", assessment_id, "--plain", "--lang", "en", input=lines(":pause"))
    assert result.exit_code == 130
    assert listing(cli)[0] == before  # still completed, not even touched
    result = cli("edit", assessment_id, "--plain", "--lang", "en", input=lines(""))
    assert result.exit_code == 0 and listing(cli)[0] == before  # finished without a change


def test_a_change_in_edit_then_pause_keeps_it_completed_and_the_draft(cli):
    """Issue 14 point 1: an interrupted edit is a draft. The completed check stays exactly as
    it was (list, clients, stats, export read it); the user is told so, with the command that
    takes the draft up again; `edit` again (issue 15 point 2) and `resume` both continue it."""
    cli("start", "--plain", *SET, input=lines(*TYPED))
    assessment_id = listing(cli)[0]["id"]
    before = listing(cli)[0]
    export_before = cli("export").stdout
    result = cli("edit", assessment_id, "--plain", "--lang", "en",
                 input=lines("1", "2", ":pause"))
    assert result.exit_code == 130
    assert "The completed self-check stays exactly as it was" in result.stderr
    assert "Your change (1 question) is kept as a draft" in result.stderr
    assert f"clustercli edit {assessment_id} --plain" in result.stderr
    assert listing(cli)[0] == before and cli("export").stdout == export_before
    # a second edit goes on with the draft, says so, and changes it further
    result = cli("edit", assessment_id, "--plain", "--lang", "en", input=lines("1", "1", ":pause"))
    assert result.exit_code == 130, result.output
    assert "your unfinished edit of the self-check" in result.stdout
    assert "(1 question changed so far)" in result.stdout
    assert "Nothing was changed" in result.stderr  # back to the completed answer
    # resume of a check with a draft goes on with it too, as edit does
    result = cli("resume", assessment_id, "--plain", "--lang", "en", input=lines("1", "2", ""))
    assert result.exit_code == 0, result.output
    assert listing(cli)[0]["status"] == "completed"
    import os
    from pathlib import Path

    from clustercli.storage import open_store

    record = open_store(Path(os.environ["CLUSTERCLI_HOME"])).load(assessment_id)
    assert record.draft is None and record.values()["sector"] == "other"
    # nothing typed was lost: the edit's first try (taken back in the second edit), then the
    # completed answer the finished edit replaced
    assert [(h.question, h.value, h.reason) for h in record.history] == [
        ("sector", "other", "changed"), ("sector", "ict", "changed")]


def test_resume_command_is_exact_for_the_shell(cli, tmp_path):
    folder = tmp_path / "my data"
    result = cli("--data-dir", str(folder), "start", "--plain", *SET, "--lang", "en",
                 input=lines(":pause"))
    assert result.exit_code == 130
    assert f"clustercli --data-dir '{folder}' resume " in result.stderr
    assert result.stderr.rstrip().endswith("--plain")


def test_a_note_without_an_answer_is_reported_lost_on_pause(cli):
    result = cli("start", "--plain", "--client", "X", *SET, "--lang", "en",
                 input=lines(":note", "ask about exports", ":pause"))
    assert result.exit_code == 130
    assert "was not kept, because they had no answer yet:\n  - Which sector are you in?" in \
        result.stdout


def test_an_id_pasted_in_capitals_or_with_spaces_is_found(cli):
    cli("start", "--plain", *SET, input=lines("1", ":pause"))
    assessment_id = listing(cli)[0]["id"]
    result = cli("resume", f" {assessment_id.upper()} ", "--plain", input=lines(":pause"))
    assert result.exit_code == 130 and assessment_id in result.stderr


def test_pause_typed_at_the_note_prompt_pauses(cli):
    result = cli("start", "--plain", "--client", "X", *SET, "--lang", "en",
                 input=lines("1", ":note", ":pause"))
    assert result.exit_code == 130
    assert listing(cli)[0]["answered"] == 1


def test_the_report_at_the_end_says_what_changed_since_the_previous_check(cli, tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text("sector: ict\ncooperates: false\ntrust_1: 2\ntrust_2: 4\n"
                       "trust_3: never\n", encoding="utf-8")
    first = cli("start", *SET, "--client", "Zoë", "--respondent", "owner",
                "--answers", str(answers), "--lang", "en")
    assert first.exit_code == 0 and "Since the previous self-check" not in first.stdout
    answers.write_text("sector: ict\ncooperates: false\ntrust_1: 5\ntrust_2: 1\n"
                       "trust_3: weekly\n", encoding="utf-8")
    second = cli("start", *SET, "--client", "zoe", "--respondent", "Owner",
                 "--answers", str(answers), "--lang", "en")
    assert second.exit_code == 0, second.output
    assert "Since the previous self-check" in second.stdout


def test_resume_under_a_changed_shipped_set_says_what_changed(cli, tmp_path):
    """A check begun with an older version of the shipped set goes on with that version, and
    `resume` says what the new version changed."""
    from clustercli.paths import shipped_set

    text = shipped_set().read_text(encoding="utf-8")
    older = text.replace('version: "1.0"', 'version: "0.9"', 1).replace(
        "In welke provincie is uw bedrijf gevestigd?", "In welke provincie zit u?", 1)
    assert older != text
    older_path = tmp_path / "cluster-readiness.yaml"
    older_path.write_text(older, encoding="utf-8")
    rules = shipped_set().with_name("cluster-readiness.rules.yaml")
    (tmp_path / rules.name).write_text(rules.read_text(encoding="utf-8"), encoding="utf-8")
    result = cli("start", "--plain", "--questions", str(older_path), "--lang", "en",
                 input=lines("1", ":pause"))
    assert result.exit_code == 130
    result = cli("resume", "--plain", "--lang", "en", input=lines(":pause"))
    assert result.exit_code == 130
    assert "version 0.9 -> 1.0" in result.stdout
    assert "continues with version 0.9" in result.stdout
    assert "Changed questions: In which province is your firm based?" in result.stdout


def test_back_and_help_in_plain_mode_through_the_command(cli):
    result = cli("start", "--plain", *SET, "--lang", "en",
                 input=lines("1", ":back", "2", ":help", ":pause"))
    assert result.exit_code == 130
    out = result.stdout
    assert out.count("Question 1 of 7") == 2  # back from question 2 to question 1
    assert "There is no extra explanation for this question." in out
    assert listing(cli)[0]["answered"] == 1
