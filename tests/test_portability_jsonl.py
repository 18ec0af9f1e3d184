"""`clustercli export --format jsonl` and `clustercli import`: a complete round trip, merging
by id, idempotence, conflicts that keep both versions, and all or nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clustercli.engine import session as sessions
from clustercli.storage import open_store
from tests.test_portability_support import home, session_with_history, snapshot, start


def export(cli, target: Path, *args: str) -> list[dict]:
    result = cli(*args, "export", "--format", "jsonl", "-o", str(target))
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]


def do_import(cli, data_dir: Path, file: Path):
    return cli("--data-dir", str(data_dir), "import", str(file), "--lang", "en")


def records(data_dir: Path) -> dict:
    store = open_store(data_dir)
    return {row.id: store.load(row.id) for row in store.list()}


def test_round_trip_into_an_empty_folder_gives_identical_records(cli, tmp_path):
    ids = [session_with_history(home(), "Bakkerij Zoë & Café"),
           session_with_history(home(), "Garage Jansen", complete=False),
           start(cli, tmp_path, "Drukkerij 't Hoekje")]
    lines = export(cli, tmp_path / "all.jsonl")
    assert [line["kind"] for line in lines] == ["question_set"] + ["assessment"] * 3
    assert all(line["schema_version"] == 1 for line in lines)
    assert "Bakkerij Zoë" in (tmp_path / "all.jsonl").read_text(encoding="utf-8")
    other = tmp_path / "elsewhere"
    result = do_import(cli, other, tmp_path / "all.jsonl")
    assert result.exit_code == 0, result.output
    assert "Added: 3" in result.stdout and "Unchanged: 0" in result.stdout
    assert all(assessment_id in result.stdout for assessment_id in ids)
    before, after = records(home()), records(other)
    assert after == before and len(after) == 3
    # complete: the records come with their question set, so they score and resume there
    for record in after.values():
        assert sessions.stored_set(open_store(other), record).id == "test-set"
    assert open_store(other).list() == open_store(home()).list()
    # the history (a changed answer, one that stopped applying, notes) came along
    noted = after[ids[0]]
    assert {h.reason for h in noted.history} == {"changed", "not_applicable"}
    assert noted.notes()["remarks"] == "Klant wil -5% korting; @partners"


def test_importing_twice_changes_nothing(cli, tmp_path):
    session_with_history(home(), "A")
    start(cli, tmp_path, "B")
    export(cli, tmp_path / "e.jsonl")
    other = tmp_path / "other"
    assert do_import(cli, other, tmp_path / "e.jsonl").exit_code == 0
    first = snapshot(other)
    result = do_import(cli, other, tmp_path / "e.jsonl")
    assert result.exit_code == 0
    assert "Added: 0" in result.stdout and "Updated: 0" in result.stdout
    assert "Unchanged: 2" in result.stdout
    assert snapshot(other) == first
    # and into the folder it came from
    before = snapshot(home())
    assert "Unchanged: 2" in do_import(cli, home(), tmp_path / "e.jsonl").stdout
    assert snapshot(home()) == before


def change(data_dir: Path, assessment_id: str, question: str, value, note=None):
    """An edit of a completed check, finished (an unfinished one is a draft, which stays
    local: tests/test_edit_drafts.py)."""
    from clustercli.profile.build import summarise

    store = open_store(data_dir)
    session = sessions.reopen(store, assessment_id)
    session.answer(session.qset.question(question), value, note=note)
    session.complete(summarise)


def test_a_conflict_keeps_both_versions_and_both_sides_agree(cli, tmp_path):
    assessment_id = start(cli, tmp_path, "Bakkerij Zoë & Café")
    other = tmp_path / "other"
    export(cli, tmp_path / "base.jsonl")
    assert do_import(cli, other, tmp_path / "base.jsonl").exit_code == 0
    change(home(), assessment_id, "trust_2", 5, note="hier gewijzigd")  # here, first
    change(other, assessment_id, "trust_1", 1)  # there, later: the newer version
    change(other, assessment_id, "employees", 99)
    export(cli, tmp_path / "here.jsonl")
    export(cli, tmp_path / "there.jsonl", "--data-dir", str(other))
    there = open_store(other).load(assessment_id)

    result = do_import(cli, home(), tmp_path / "there.jsonl")
    assert result.exit_code == 0, result.output
    assert "Updated: 1" in result.stdout and assessment_id in result.stdout
    merged = open_store(home()).load(assessment_id)
    assert merged.answers == there.answers and merged.updated == there.updated
    # the version made here is kept in the history: its differing answer, with its note
    imported = [h for h in merged.history if h.reason == "imported"]
    assert [(h.question, h.value, h.note, h.inactive_since) for h in imported] == [
        ("trust_2", 5, "hier gewijzigd", there.updated)]
    # what each side had in its history is all there
    assert {(h.question, h.value) for h in there.history} <= \
        {(h.question, h.value) for h in merged.history}

    # the other way round gives the very same record
    result = do_import(cli, other, tmp_path / "here.jsonl")
    assert result.exit_code == 0 and "Updated: 1" in result.stdout
    assert open_store(other).load(assessment_id) == merged
    # and again is no change on either side
    for folder, file in ((home(), "there.jsonl"), (other, "here.jsonl")):
        before = snapshot(folder)
        assert "Unchanged: 1" in do_import(cli, folder, tmp_path / file).stdout
        assert snapshot(folder) == before


def test_an_older_version_only_adds_to_the_history(cli, tmp_path):
    assessment_id = start(cli, tmp_path, "A")
    export(cli, tmp_path / "old.jsonl")
    change(home(), assessment_id, "trust_1", 2)
    now = open_store(home()).load(assessment_id)
    result = do_import(cli, home(), tmp_path / "old.jsonl")
    # the old file is an earlier state of this very record: nothing to add
    assert "Unchanged: 1" in result.stdout
    assert open_store(home()).load(assessment_id) == now


def valid_file(cli, tmp_path) -> tuple[Path, list[str]]:
    session_with_history(home(), "Bakkerij Zoë & Café")
    start(cli, tmp_path, "Garage Jansen")
    path = tmp_path / "e.jsonl"
    export(cli, path)
    return path, path.read_text(encoding="utf-8").splitlines()


def _set_hash(line: dict) -> dict:
    line["question_set"]["hash"] = "0" * 64
    return line


def _tamper_set(line: dict) -> dict:
    line["data"] = line["data"].replace("Testlijst", "Andere lijst")
    return line


# (what is done to the last line, the field named, words of the message)
BREAKAGES = {
    "not json": (lambda text: text[:-5], None, "not valid JSON"),
    "not utf-8": (lambda text: text.encode().replace(b"Garage", b"Gar\xe9ge"), None,
                  "not UTF-8"),
    "an array": (lambda text: "[1, 2]", None, "one JSON object"),
    "newer": (lambda d: {**d, "schema_version": 2}, "schema_version", "newer clustercli"),
    "no kind": (lambda d: {k: v for k, v in d.items() if k != "kind"}, "kind", "must be"),
    "no answers": (lambda d: {k: v for k, v in d.items() if k != "answers"}, "answers",
                   "missing"),
    "extra field": (lambda d: {**d, "secret": 1}, "secret", "missing"),
    "bad status": (lambda d: {**d, "status": "half"}, "status", "missing"),
    "bad id": (lambda d: {**d, "id": "../../etc/passwd"}, "id", "missing"),
    "naive time": (lambda d: {**d, "updated": "2025-01-01T10:00:00"}, "updated", "time zone"),
    "unknown question": (lambda d: {**d, "answers": {**d["answers"], "nope": {
        "value": 1, "at": d["updated"], "note": None}}}, "answers.nope", "no such question"),
    "impossible answer": (lambda d: {**d, "answers": {**d["answers"], "trust_1": {
        "value": 9, "at": d["updated"], "note": None}}}, "answers.trust_1.value",
        "9 is not a possible answer"),
    "missing set": (_set_hash, "question_set.hash", "neither in the file"),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_a_bad_line_imports_nothing(cli, tmp_path, breakage):
    path, lines = valid_file(cli, tmp_path)
    target = tmp_path / "target"
    start(cli, tmp_path, "Already there", data_dir=target)
    before = snapshot(target)
    breaker, field, words = BREAKAGES[breakage]
    last = lines[-1]
    try:
        broken = json.dumps(breaker(json.loads(last)), ensure_ascii=False)
    except (TypeError, KeyError, AttributeError, json.JSONDecodeError):
        broken = breaker(last)
    data = ("\n".join(lines[:-1]) + "\n").encode() + (
        broken if isinstance(broken, bytes) else broken.encode())
    path.write_bytes(data)
    result = do_import(cli, target, path)
    assert result.exit_code == 2, result.output
    assert f"{path}:{len(lines)}:" in result.stderr, result.stderr
    if field:
        assert f"field '{field}'" in result.stderr
    assert words in result.stderr and "Nothing has been imported" in result.stderr
    assert snapshot(target) == before  # not one byte of the good lines went in


def test_a_changed_question_set_is_refused_by_its_hash(cli, tmp_path):
    path, lines = valid_file(cli, tmp_path)
    lines[0] = json.dumps(_tamper_set(json.loads(lines[0])), ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = do_import(cli, tmp_path / "t", path)
    assert result.exit_code == 2 and f"{path}:1:" in result.stderr
    assert "does not match its hash" in result.stderr
    assert not (tmp_path / "t").exists()  # checked before the data folder is even made


def test_the_same_id_twice_names_both_lines(cli, tmp_path):
    path, lines = valid_file(cli, tmp_path)
    path.write_text("\n".join([*lines, lines[-1]]) + "\n", encoding="utf-8")
    result = do_import(cli, tmp_path / "t", path)
    assert result.exit_code == 2
    assert f"{path}:{len(lines) + 1}:" in result.stderr
    assert f"also on line {len(lines)}" in result.stderr


def test_an_id_with_another_question_set_here_is_refused(cli, tmp_path):
    path, lines = valid_file(cli, tmp_path)
    record = json.loads(lines[-1])
    target = tmp_path / "target"
    assert do_import(cli, target, path).exit_code == 0
    store = open_store(target)
    store.put({record["id"]: lambda current: _with_other_set(current)}, {"f" * 64: "{}"})
    before = snapshot(target)
    result = do_import(cli, target, path)
    assert result.exit_code == 2 and "another question set" in result.stderr
    assert snapshot(target) == before


def _with_other_set(current):
    current.question_set.hash = "f" * 64
    return current


def test_every_problem_is_listed(cli, tmp_path):
    path, lines = valid_file(cli, tmp_path)
    path.write_text("\n".join(["not json", *lines, "", "{}"]) + "\n", encoding="utf-8")
    result = do_import(cli, tmp_path / "t", path)
    assert result.exit_code == 2
    assert "(problems: 2)" in result.stderr
    assert f"{path}:1:" in result.stderr and f"{path}:{len(lines) + 3}:" in result.stderr


def test_an_unreadable_file(cli, tmp_path):
    result = do_import(cli, tmp_path / "t", tmp_path / "missing.jsonl")
    assert result.exit_code == 2 and "missing.jsonl" in result.stderr


def test_the_summary_of_an_imported_record_is_worked_out_not_believed(cli, tmp_path):
    """A file that claims a level and scores its answers do not give: the index (clients,
    stats, CSV) gets what the answers give, and importing it twice still changes nothing."""
    assessment_id = start(cli, tmp_path, "Smederij")
    lines = export(cli, tmp_path / "e.jsonl")
    honest = next(line for line in lines if line.get("id") == assessment_id)["summary"]
    forged = [dict(line, summary={**line["summary"], "level": "trekker",
                                  "scores": {"trust": 99.0}})
              if line.get("id") == assessment_id else line for line in lines]
    path = tmp_path / "forged.jsonl"
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in forged),
                    encoding="utf-8")
    other = tmp_path / "other"
    assert do_import(cli, other, path).exit_code == 0
    [row] = open_store(other).list(with_summaries=True)
    assert row.summary.to_data() == honest and row.summary.scores["trust"] != 99.0
    assert "Unchanged: 1" in do_import(cli, other, path).stdout


# --- a file that is no export at all: one sentence, not a "not valid JSON" per line ---------

def _csv_export(cli, tmp_path: Path, *args: str) -> Path:
    start(cli, tmp_path, "Bakkerij Zoë")
    start(cli, tmp_path, "Garage Jansen")
    target = tmp_path / "export.csv"
    assert cli("export", *args, "-o", str(target)).exit_code == 0
    return target


@pytest.mark.parametrize("args", [[], ["--excel"]])
def test_the_csv_export_is_named_as_such(cli, tmp_path, args):
    target = _csv_export(cli, tmp_path, *args)
    before = snapshot(home())
    result = cli("import", str(target), "--lang", "en")
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{target} is a CSV export; import takes the JSONL export")
    assert snapshot(home()) == before


@pytest.mark.parametrize(("content", "words"), [
    (b'[{"id": 1}, {"id": 2}]', "holds JSON, but not a clustercli export"),
    (b'{\n  "clients": [],\n  "without_client": 0\n}\n', "holds JSON, but not a clustercli"),
    (b'{"event": "a"}\n{"event": "b"}\n{"event": "c"}\n', "holds JSON, but not a clustercli"),
    (b"PK\x03\x04\x14\x00\x06\x00rest of a zip", "is a spreadsheet"),
    (b"Dear advisor,\nplease find attached\n", "is not a clustercli export"),
])
def test_another_tools_file_gets_one_sentence(cli, tmp_path, content, words):
    target = tmp_path / "file"
    target.write_bytes(content)
    result = cli("import", str(target), "--lang", "en")
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{target} {words}") and "Nothing has been imported" in line


def test_the_json_of_list_and_show_is_not_an_export(cli, tmp_path):
    assessment_id = start(cli, tmp_path, "Bakkerij Zoë")
    for args in (["list", "--format", "json"], ["show", assessment_id, "--format", "json"]):
        target = tmp_path / "out.json"
        target.write_text(cli(*args).stdout, encoding="utf-8")
        result = cli("import", str(target), "--lang", "en")
        assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1, result.stderr
        assert "holds JSON, but not a clustercli export" in result.stderr


def test_an_empty_file_is_the_export_of_an_empty_folder(cli, tmp_path):
    target = tmp_path / "empty.jsonl"
    assert cli("export", "--format", "jsonl", "-o", str(target)).exit_code == 0
    assert target.read_bytes() == b""
    result = cli("import", str(target), "--lang", "en")
    assert result.exit_code == 0 and "Added: 0" in result.stdout
