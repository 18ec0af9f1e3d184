"""Edits are drafts (issue 14 point 1) where they meet export and import: an export holds a
check as it was last completed, import never brings a draft and never takes one away, and a
second edit goes on with the draft (issue 15 point 2)."""

from __future__ import annotations

import json
from pathlib import Path

from clustercli.engine import session as sessions
from clustercli.profile.build import summarise
from clustercli.storage import open_store
from tests.test_portability_support import home, snapshot, start


def _draft(data_dir: Path, assessment_id: str, question: str, value) -> None:
    """Change one answer in an edit and stop (no `complete`): a draft."""
    session = sessions.reopen(open_store(data_dir), assessment_id)
    session.answer(session.qset.question(question), value)
    assert open_store(data_dir).load(assessment_id).draft is not None


def _export(cli, target: Path, *args: str) -> bytes:
    result = cli(*args, "export", *(["--format", "jsonl"] if target.suffix == ".jsonl" else []),
                 "-o", str(target))
    assert result.exit_code == 0, result.output
    return target.read_bytes()


def test_exports_hold_the_check_as_it_was_completed(cli, tmp_path):
    assessment_id = start(cli, tmp_path, "Bakkerij Zoë")
    before = {kind: _export(cli, tmp_path / f"before.{kind}") for kind in ("jsonl", "csv")}
    stats = cli("stats", "--format", "json").stdout
    clients = cli("clients", "--format", "json").stdout
    _draft(home(), assessment_id, "trust_1", 1)
    for kind in ("jsonl", "csv"):
        assert _export(cli, tmp_path / f"after.{kind}") == before[kind]
    assert cli("stats", "--format", "json").stdout == stats
    assert cli("clients", "--format", "json").stdout == clients
    assert b"draft" not in before["jsonl"]


def test_an_import_keeps_the_local_draft_and_never_brings_one(cli, tmp_path):
    assessment_id = start(cli, tmp_path, "Bakkerij Zoë")
    other = tmp_path / "other"
    _export(cli, tmp_path / "base.jsonl")
    assert cli("--data-dir", str(other), "import", str(tmp_path / "base.jsonl")).exit_code == 0
    # there: a finished edit (a newer completed version); here: an unfinished one
    session = sessions.reopen(open_store(other), assessment_id)
    session.answer(session.qset.question("employees"), 99)
    session.complete(summarise)
    _export(cli, tmp_path / "there.jsonl", "--data-dir", str(other))
    _draft(home(), assessment_id, "trust_1", 1)
    result = cli("import", str(tmp_path / "there.jsonl"), "--lang", "en")
    assert result.exit_code == 0 and "Updated: 1" in result.stdout
    merged = open_store(home()).load(assessment_id)
    assert merged.values()["employees"] == 99  # the newer completed version is current
    assert merged.draft is not None and merged.draft.answers["trust_1"].value == 1  # kept
    before = snapshot(home())
    assert "Unchanged: 1" in cli("import", str(tmp_path / "there.jsonl"), "--lang", "en").stdout
    assert snapshot(home()) == before
    # finishing the edit puts its change on top of the imported answers
    session = sessions.reopen(open_store(home()), assessment_id)
    session.complete(summarise)
    done = open_store(home()).load(assessment_id)
    assert (done.values()["employees"], done.values()["trust_1"], done.draft) == (99, 1, None)


def test_an_export_line_with_a_draft_is_refused(cli, tmp_path):
    start(cli, tmp_path, "Bakkerij Zoë")
    path = tmp_path / "e.jsonl"
    _export(cli, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[-1])
    record["draft"] = {"started": record["updated"], "updated": record["updated"],
                       "answers": {}, "removed": {}, "history": []}
    path.write_text("\n".join([*lines[:-1], json.dumps(record)]) + "\n", encoding="utf-8")
    result = cli("--data-dir", str(tmp_path / "t"), "import", str(path), "--lang", "en")
    assert result.exit_code == 2 and "field 'draft'" in result.stderr


def test_a_second_edit_after_an_interrupted_one_goes_on_with_the_draft(cli, tmp_path):
    """Issue 15 point 2: it used to exit 2 ("not completed yet, continue with resume")."""
    assessment_id = start(cli, tmp_path, "Bakkerij Zoë")
    _draft(home(), assessment_id, "trust_1", 1)
    result = cli("edit", assessment_id, "--plain", "--lang", "en", input="\n")
    assert result.exit_code == 0, result.output
    assert "unfinished edit" in result.stdout
    done = open_store(home()).load(assessment_id)
    assert (done.status, done.values()["trust_1"], done.draft) == ("completed", 1, None)
    assert done.summary == summarise(sessions.stored_set(open_store(home()), done),
                                     done.values())


def test_resume_without_an_id_finds_an_interrupted_edit(cli, tmp_path):
    older = start(cli, tmp_path, "Garage Jansen")
    cli("start", "--plain", "--questions", str(Path(__file__).parent / "data" / "valid.yaml"),
        input="1\n:pause\n")
    assessment_id = start(cli, tmp_path, "Bakkerij Zoë")
    _draft(home(), assessment_id, "trust_1", 1)  # the latest unfinished work
    result = cli("resume", "--plain", "--lang", "en", input=":pause\n")
    assert result.exit_code == 130
    assert "Opened: your unfinished edit of the self-check of Bakkerij Zoë" in result.stdout
    assert f"clustercli edit {assessment_id}" in result.stderr
    assert older not in result.output
