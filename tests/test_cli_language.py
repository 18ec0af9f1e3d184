"""Commands about a self-check speak its language unless told otherwise: `--lang`, then the
check's own language, then CLUSTERCLI_LANG, then Dutch; a command about checks in different
languages speaks the user's usual language (`--lang`, CLUSTERCLI_LANG, Dutch)."""

from __future__ import annotations

import json

import pytest

from tests.test_advisor_support import listing, shipped_answers


def _start(cli, tmp_path, lang: str, answers: dict, *args: str) -> str:
    path = tmp_path / f"answers-{lang}-{len(list(tmp_path.iterdir()))}.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    before = {row["id"] for row in listing(cli)}
    cli("start", "--answers", str(path), "--lang", lang, *args)
    (made,) = {row["id"] for row in listing(cli)} - before
    return made


@pytest.fixture
def english(cli, tmp_path):
    """Two completed English self-checks of one client by two people, and a Dutch one."""
    first = _start(cli, tmp_path, "en", shipped_answers(4), "--client", "Smit",
                   "--respondent", "Ans")
    second = _start(cli, tmp_path, "en", shipped_answers(2), "--client", "Smit",
                    "--respondent", "Bert")
    dutch = _start(cli, tmp_path, "nl", shipped_answers(3), "--client", "Smit",
                   "--respondent", "Cor")
    return first, second, dutch


def test_show_follows_the_check_unless_told(cli, english):
    first, _, dutch = english
    shown = cli("show", first, "--plain").stdout
    assert "This self-check is an aid" in shown and "zelftest" not in shown.lower()
    assert "zelftest" in cli("show", dutch, "--plain").stdout.lower()
    assert "zelftest" in cli("show", first, "--plain", "--lang", "nl").stdout.lower()
    assert "zelftest" in cli("--lang", "nl", "show", first, "--plain").stdout.lower()
    # the check's language before the environment's: the report is the entrepreneur's
    assert "zelftest" not in cli("show", first, "--plain",
                                 env={"CLUSTERCLI_LANG": "nl"}).stdout.lower()


def test_compare_follows_the_checks_language(cli, english):
    first, second, dutch = english
    both_english = cli("compare", first, second)
    assert both_english.exit_code == 0
    assert "How two people see it" in both_english.stdout
    told = cli("compare", first, second, "--lang", "nl")
    assert "Hoe twee mensen het zien" in told.stdout
    # different languages: the user's usual language, not either check's
    mixed = cli("compare", first, dutch)
    assert "Hoe twee mensen het zien" in mixed.stdout
    mixed_en = cli("compare", dutch, first, env={"CLUSTERCLI_LANG": "en"})
    assert "How two people see it" in mixed_en.stdout


def test_delete_asks_in_the_checks_language(cli, english):
    first, _, _ = english
    asked = cli("delete", first)  # no terminal and no --yes: shows what would go, refuses
    assert asked.exit_code == 2
    assert "This self-check will be erased" in asked.stdout
    assert "status" in asked.stdout and "completed" in asked.stdout
    assert "--yes" in asked.stderr and "zelftest" not in asked.stderr.lower()
    told = cli("delete", first, "--lang", "nl")
    assert "afgerond" in told.stdout and "--yes" in told.stderr


def test_edit_and_resume_say_their_errors_in_the_checks_language(cli, tmp_path, english):
    first, _, dutch = english
    edit = cli("edit", first)  # no terminal to ask on
    assert edit.exit_code == 2 and "terminal" in edit.stderr
    assert "zelftest" not in edit.stderr.lower() and "geen" not in edit.stderr.lower()
    assert cli("edit", first, "--lang", "nl").stderr != edit.stderr
    partial = {key: value for key, value in shipped_answers(3).items()
               if not key.startswith(("knowledge", "ict", "regional"))}
    open_one = _start(cli, tmp_path, "en", partial)
    resumed = cli("resume", open_one, env={"CLUSTERCLI_LANG": "nl"})
    assert resumed.exit_code == 2 and resumed.stderr == edit.stderr  # the same English words
    latest = cli("resume")  # without an id: the latest unfinished one, in its language
    assert latest.stderr == edit.stderr
    assert cli("edit", dutch).stderr == cli("edit", first, "--lang", "nl").stderr


def test_list_of_a_client_without_a_check_says_so(cli, english):
    none = cli("list", "--client", "Smitt", "--lang", "en")
    assert none.exit_code == 0
    flat = " ".join(none.stdout.split())
    assert "There is no self-check of the client 'Smitt'" in flat
    assert "A client with a name like it: Smit" in flat
    assert "no self-checks in this folder" not in flat
    far = " ".join(cli("list", "--client", "Jansen Bouw").stdout.split())
    assert far == ("Er is geen zelftest van de klant 'Jansen Bouw' in deze gegevensmap. "
                   "'clustercli clients' toont de klanten die er zijn.")
    assert cli("list", "--client", "Nobody", "--format", "json").stdout.strip() == "[]"


def test_english_output_holds_no_dutch_word(cli, tmp_path):
    """Everything list, clients, compare, stats, delete, purge, export and import say in
    English (the report is tested with the reports)."""
    from tests.test_cli_help import DUTCH_WORDS, _words

    same = [_start(cli, tmp_path, "en", shipped_answers(level), "--client", "Northwind",
                   "--respondent", "owner") for level in (2, 4)]
    other = _start(cli, tmp_path, "en", shipped_answers(5), "--client", "Northwind",
                   "--respondent", "partner")
    bundle = tmp_path / "all.jsonl"
    runs = [["list"], ["list", "--client", "Northwnd"], ["clients"], ["stats"],
            ["compare", *same], ["compare", same[0], other], ["delete", other],
            ["delete", "--client", "Northwind"], ["purge", "--older-than", "1d"],
            ["export", "--format", "jsonl", "-o", str(bundle)], ["import", str(bundle)],
            ["stats", "--format", "md"], ["compare", *same, "--format", "md"]]
    for args in runs:
        result = cli(*args, "--lang", "en")
        said = result.stdout + result.stderr
        assert sorted(_words(said) & DUTCH_WORDS) == [], (args, said)
