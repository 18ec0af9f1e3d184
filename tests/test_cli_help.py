"""Help and usage messages in the language of the run, wrapped at word boundaries: every
command's `--help` in Dutch and English holds no word of the other language, click's and
typer's own words included; `--lang` (any case) sets the language of help and errors."""

from __future__ import annotations

import ast
import inspect
import re

import pytest
import typer.core
import typer.main

from clustercli.cli import app, helpscreen
from clustercli.cli.usage import TYPER_WORDS
from clustercli.i18n import t

# Words that betray the other language. Option names, values and file names are left out
# before looking (`--help`, `CLUSTERCLI_LANG`, `json`), and so is the study's Dutch title; the
# command names (`show`, `list`) are English in both.
ENGLISH_WORDS = {
    "the", "and", "with", "for", "this", "that", "your", "you", "are", "not", "from",
    "usage", "options", "commands", "arguments", "examples", "error", "try", "help",
    "default", "required", "missing", "invalid", "value", "such", "option", "command", "got",
    "unexpected", "extra", "argument", "self-check", "self-checks", "assessment", "file",
    "folder", "name", "key", "client", "language", "report", "answers", "version", "only",
}
DUTCH_WORDS = {
    "de", "het", "een", "van", "voor", "met", "niet", "wordt", "uw", "deze", "die", "dat",
    "zelftest", "zelftests", "klant", "vragenlijst", "opdracht", "opdrachten", "opties",
    "gebruik", "fout", "hulp", "standaard", "verplicht", "bestand", "naam", "voorbeelden",
    "sleutel", "argumenten", "toon", "taal", "rapport", "antwoorden", "versie", "alleen",
}
# click's and typer's own English, as they would print it
CLICK_ENGLISH = ("Usage:", "Options:", "Commands:", "Arguments:", "[OPTIONS]", "COMMAND [ARGS]",
                 "[default:", "[required]", "Try '", "for help", "Error:", "Invalid value",
                 "Missing option", "Missing argument", "No such option", "No such command",
                 "unexpected extra argument", "Did you mean", "Possible options",
                 "Show this message", "requires an argument", "does not take a value",
                 "Missing command", "<str>", "<path>")
STUDY_TITLE = '"Regionale clusters nader bekeken"'


def _words(text: str) -> set[str]:
    text = text.replace(STUDY_TITLE, "").replace("'Regionale clusters nader bekeken'", "")
    found = set()
    for token in text.split():
        if token.startswith(("-", "$")) or any(mark in token for mark in "_=/.@<>|{}"):
            continue  # an option, a variable, a file name or a choice of values
        word = token.strip("()[],.:;'\"!?…").lower()
        if word:
            found.add(word)
    return found


def _command_paths() -> list[list[str]]:
    root = typer.main.get_command(app)
    paths: list[list[str]] = [[]]

    def walk(group, words: list[str]) -> None:
        for name in group.list_commands(None):
            command = group.get_command(None, name)
            paths.append([*words, name])
            if hasattr(command, "list_commands"):
                walk(command, [*words, name])

    walk(root, [])
    return paths


COMMANDS = _command_paths()


def test_every_command_is_walked():
    names = {" ".join(path) for path in COMMANDS}
    assert {"", "start", "list", "show", "compare", "export", "questions",
            "questions check", "questions trace"} <= names and len(names) == 17


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", COMMANDS, ids=lambda path: " ".join(path) or "clustercli")
def test_help_holds_no_word_of_the_other_language(cli, path, lang):
    result = cli(*path, "--help", "--lang", lang)
    assert result.exit_code == 0, result.output
    other = DUTCH_WORDS if lang == "en" else ENGLISH_WORDS
    assert sorted(_words(result.output) & other) == []
    if lang == "nl":
        assert [phrase for phrase in CLICK_ENGLISH if phrase in result.output] == []
    heading = t("cli.help.usage", lang)
    assert result.output.startswith(heading)


@pytest.mark.parametrize("env_lang", ["EN", "en", " En "])
def test_lang_in_any_case_works_as_the_environment_does(cli, env_lang):
    by_option = cli("list", "--lang", env_lang.strip())
    by_env = cli("list", env={"CLUSTERCLI_LANG": env_lang})
    assert by_option.exit_code == by_env.exit_code == 0, by_option.output
    assert "There are no self-checks" in by_option.stdout
    assert by_option.stdout == by_env.stdout
    assert cli("list", "--help", "--lang", "EN").output.startswith("Usage:")


def test_lang_sets_the_language_of_help_and_errors_over_the_environment(cli):
    dutch = {"CLUSTERCLI_LANG": "nl"}
    assert cli("show", "--help", "--lang", "en", env=dutch).output.startswith("Usage:")
    assert cli("--lang", "en", "--help", env=dutch).output.startswith("Usage:")
    missing = cli("show", "no-such-id", "--lang", "en", env=dutch)
    assert missing.exit_code == 2 and "There is no self-check with id no-such-id" in \
        missing.stderr
    usage = cli("list", "--format", "xml", "--lang", "en", env=dutch)
    assert usage.exit_code == 2
    assert "Error: Invalid value for '--format': 'xml' is not one of 'table', 'json'." in \
        usage.stderr
    english = {"CLUSTERCLI_LANG": "en"}
    assert cli("list", "--help", "--lang", "nl", env=english).output.startswith("Gebruik:")
    before = cli("--lang", "nl", "list", "--format", "xml", env=english)
    assert "Fout: Ongeldige waarde voor '--format'" in before.stderr
    assert "Er zijn nog geen zelftests" in cli("--lang", "nl", "list", env=english).stdout


# A wrong command line of each kind click knows, and what it says in our words.
USAGE_ERRORS = [
    (["list", "--format", "xml"], "Ongeldige waarde voor '--format': 'xml' is niet een van",
     "Invalid value for '--format': 'xml' is not one of"),
    (["list", "--formaat", "json"], "De optie --formaat bestaat niet. Bedoelt u --format?",
     "There is no option --formaat. Did you mean --format?"),
    (["lsit"], "De opdracht 'lsit' bestaat niet. Bedoelt u list?",
     "There is no command 'lsit'. Did you mean list?"),
    (["questions", "chek"], "De opdracht 'chek' bestaat niet. Bedoelt u check?",
     "There is no command 'chek'. Did you mean check?"),
    (["show"], "'ID' ontbreekt.", "'ID' is missing."),
    (["purge"], "De optie '--older-than' ontbreekt.", "The option '--older-than' is missing."),
    (["show", "a", "b"], "Eén argument te veel: b", "One argument too many: b"),
    (["list", "x", "y"], "2 argumenten te veel: x y", "2 arguments too many: x y"),
    (["list", "--client"], "De optie --client heeft een waarde nodig.",
     "The option --client needs a value."),
    (["list", "--help=x"], "De optie --help krijgt geen waarde.",
     "The option --help takes no value."),
    (["--data-dir", "/tmp"], "Geef een opdracht.", "Give a command."),
]


@pytest.mark.parametrize(("args", "dutch", "english"), USAGE_ERRORS,
                         ids=lambda value: " ".join(value) if isinstance(value, list) else "")
def test_click_usage_errors_in_both_languages(cli, args, dutch, english):
    nl = cli(*args)
    assert nl.exit_code == 2, nl.output
    assert f"Fout: {dutch}" in nl.stderr
    assert [phrase for phrase in CLICK_ENGLISH if phrase in nl.output] == []
    en = cli(*args, env={"CLUSTERCLI_LANG": "en"})
    assert en.exit_code == 2 and f"Error: {english}" in en.stderr
    if "Gebruik:" in nl.stderr:  # with its context: the usage line and how to get help
        assert "[OPTIES]" in nl.stderr and "Hulp: clustercli" in nl.stderr
        assert "[OPTIONS]" in en.stderr and "For help: clustercli" in en.stderr


def test_every_gettext_word_of_typer_has_ours():
    """typer.core says a few words through gettext; a new one in a typer release would be
    English in Dutch output, so it must be added to TYPER_WORDS."""
    tree = ast.parse(inspect.getsource(typer.core))
    said = {node.args[0].value for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id == "_" and node.args and isinstance(node.args[0], ast.Constant)}
    assert said and said <= set(TYPER_WORDS), sorted(said - set(TYPER_WORDS))
    assert typer.core._("required") in ("verplicht", "required")  # ours is in place
    for key in TYPER_WORDS.values():
        assert t(key, "nl") != key and t(key, "en") != key


def test_data_dir_after_the_command_and_in_its_help(cli, tmp_path):
    import json

    from tests.test_advisor_support import shipped_answers

    other = tmp_path / "elsewhere"
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(shipped_answers(3)), encoding="utf-8")
    assert cli("start", "--answers", str(answers), "--data-dir", str(other)).exit_code == 0
    assert cli("list", "--format", "json").stdout.strip() == "[]"  # not in the default folder
    listed = json.loads(cli("list", "--data-dir", str(other), "--format", "json").stdout)
    made = listed[0]["id"]
    assert made in cli("--data-dir", str(other), "list").stdout
    shown = cli("show", made, "--data-dir", str(other), "--lang", "en")
    assert shown.exit_code == 0, shown.output
    for path in COMMANDS:
        text = cli(*path, "--help", "--lang", "en").output
        expected = bool(path) and path[0] != "questions"
        assert ("--data-dir FOLDER" in text) is (expected or not path), path


@pytest.mark.parametrize("columns", [60, 80, 200])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_help_fits_the_terminal_and_breaks_no_word(cli, columns, lang):
    """Every line within the terminal (and a readable 100), and every help text whole in the
    output: a word cut in two ("self-c|heck") would break the run of its words."""
    root = typer.main.get_command(app)
    for path in COMMANDS:
        result = cli(*path, "--help", "--lang", lang, env={"COLUMNS": str(columns)})
        assert result.exit_code == 0, result.output
        lines = result.output.splitlines()
        assert max(map(len, lines)) <= min(columns - 1, 100), (path, lines)
        flat = " ".join(result.output.split())
        command = root
        for word in path:
            command = command.get_command(None, word)
        keys = [command.help or "", *(param.help or "" for param in command.params)]
        for text in (helpscreen.text(key, lang) for key in keys):
            assert " ".join(text.split()) in flat, (path, text)


def test_the_command_list_gives_each_summary_whole(cli):
    for lang in ("nl", "en"):
        commands = cli("--help", "--lang", lang).output.split(t("cli.help.commands", lang))[1]
        flat = " ".join(commands.split())
        assert "..." not in flat and "…" not in flat
        for key in ("cli.start.help", "advisor.help.clients", "advisor.help.compare",
                    "portability.export.help", "portability.delete.help", "report.cli.help"):
            first = re.split(r"(?<=\.)\s", t(key, lang))[0]
            assert first in flat, (lang, key)


@pytest.mark.parametrize("command", ["start", "show", "export"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_start_show_and_export_end_with_examples_that_parse(cli, command, lang):
    text = cli(command, "--help", "--lang", lang).output
    heading = t("cli.help.examples", lang) + ":"
    assert heading in text
    examples = text.split(heading, 1)[1]
    commands = [line.split() for line in examples.splitlines()
                if line.strip().startswith("clustercli ")]
    assert 2 <= len(commands) <= 3
    for words in commands:
        assert words[1] == command
        # every option of the example exists and has its value (an eager --help stops
        # before the command runs, after click has parsed the whole line)
        result = cli(*[word.strip('"') for word in words[1:]], "--help")
        assert result.exit_code == 0, (words, result.output)
