"""Every kind of broken question set: exit 2, a located message, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import VALID_SET

VALID = VALID_SET.read_text(encoding="utf-8")


def _edit(old: str, new: str, count: int = 1) -> str:
    assert old in VALID, old
    return VALID.replace(old, new, count)


# (name, file text, fragments the English message must contain)
CASES = [
    ("syntax error", _edit("languages: [nl, en]", "languages: [nl, en"),
     ["not valid YAML", "valid.yaml:"]),
    ("duplicate mapping key", _edit('version: "1.0"', 'version: "1.0"\nversion: "2.0"'),
     ["'version' appears twice", "first on line 3", ":4:"]),
    ("duplicate question id", _edit("- id: trust_2", "- id: trust_1"),
     ["question id 'trust_1' is used 2 times"]),
    ("dangling when", _edit("when: {question: cooperates, equals: true}",
                            "when: {question: ghost, equals: true}"),
     ["question 'motives'", "'ghost', which does not exist", "valid.yaml:33:"]),
    ("forward when", _edit("when: {question: cooperates, equals: true}",
                           "when: {question: employees, at_least: 3}"),
     ["'employees', which comes later"]),
    ("unknown option value in when", _edit("when: {question: cooperates, equals: true}",
                                           "when: {question: sector, equals: bouw}"),
     ["'sector' can never be bouw", "ict, other"]),
    ("yes/no compared with text", _edit("when: {question: cooperates, equals: true}",
                                        "when: {question: cooperates, equals: yes}"),
     ["'cooperates' can never be yes", "true, false"]),
    ("missing translation", _edit('en: "Do you cooperate with other firms?"', "fr: x"),
     ["question 'cooperates'", "no text in 'en'", "'fr'"]),
    ("wrong type", _edit("weight: 2", "weight: heavy"),
     ["question 'trust_3'", "field 'weight'", "expected number"]),
    ("boolean written as text", _edit("required: false", "required: 'no'"),
     ["field 'required'", "expected true/false"]),
    ("min not below max", _edit("min: 1\n    max: 100000", "min: 10\n    max: 10"),
     ["question 'employees'", "min (10.0) must be below max (10.0)"]),
    ("unknown source", _edit("source: [F3]", "source: [F13]"),
     ["question 'cooperates'", "unknown source 'F13'"]),
    ("no source", _edit("source: [F3]", "source: []"), ["no source given"]),
    ("source twice", _edit("source: [F3]", "source: [F3, F3]"),
     ["question 'cooperates'", "the source 'F3' is listed twice"]),
    ("dimension id twice", _edit("dimensions:\n", "dimensions:\n  - id: trust\n    title: "
                                 "{nl: X, en: X}\n    source: [F8]\n"),
     ["dimension id 'trust' is used 2 times", "valid.yaml:14:"]),
    ("empty file", "", ["the file is empty"]),
    ("only a comment", "# nothing here\n", ["the file is empty"]),
    ("list at top level", "- id: x\n- id: y\n", ["must hold a mapping", "not a list"]),
    ("alias bomb", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a]\n"
                   "c: &c [*b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c]\n",
     ["aliases are not allowed", "valid.yaml:1:"]),
    ("scale labels count", _edit("en: [Strongly disagree, Disagree, Neutral, Agree, "
                                 "Strongly agree]", "en: [No, Yes]"),
     ["5 points but 2 labels in 'en'"]),
    ("unknown dimension", _edit("dimension: trust\n    weight: 2",
                                "dimension: trusst\n    weight: 2"),
     ["unknown dimension 'trusst'", "dimension 'trust' has too few scored questions: 2"]),
    ("missing required field", _edit('    text: {nl: Opmerkingen, en: Remarks}\n', ""),
     ["question 'remarks'", "field 'text'", "required"]),
    ("misspelt field", _edit("    help: {nl:", "    hlep: {nl:"),
     ["question 'remarks'", "field 'hlep'", "unknown field"]),
    ("id not a slug", _edit("- id: remarks", "- id: Remarks Field"),
     ["'Remarks Field' is not a valid id"]),
    ("unknown type", _edit("type: text", "type: essay"), ["'essay' is not allowed"]),
    ("score out of range", _edit("score: 5", "score: 7"), ["field 'options[2].score'"]),
    ("explicit bad date", _edit('version: "1.0"', "version: !!timestamp 2001-02-30"),
     ["a value cannot be read"]),
    ("nested too deeply", "a: " + "[" * 5000 + "]" * 5000 + "\n", ["nested too deeply"]),
    ("scored yes/no question", _edit("    source: [F3]", "    dimension: trust\n"
                                     "    source: [F3]"), ["a yesno question cannot be scored"]),
    ("impossible default", _edit("default: 5", "default: 0"),
     ["the default 0 is not a possible answer"]),
    ("unknown named scale", _edit("scale: agree\n    dimension: trust\n    reverse",
                                  "scale: agreee\n    dimension: trust\n    reverse"),
     ["unknown scale 'agreee'"]),
    ("choice with one option", _edit("      - key: other\n        label: {nl: Anders, "
                                     "en: Other}\n", ""), ["at least two options"]),
    ("reserved option key", _edit("key: other", "key: unknown"), ["reserved"]),
    ("undeclared language", _edit("title: {nl: Testlijst, en: Test set}",
                                  "title: {nl: Testlijst, en: Test set, de: Testliste}"),
     ["a text in 'de'"]),
    ("version missing", _edit('version: "1.0"\n', ""), ["field 'version'", "required"]),
    ("unknown language", _edit("languages: [nl, en]", "languages: [nl, en, fy]"),
     ["unknown language 'fy'"]),
    ("tab indentation", _edit("  - id: trust\n", "  - id: trust\n\t"), ["not valid YAML"]),
]


@pytest.fixture(params=["libyaml", "pure-python"])
def parser(request, monkeypatch):
    """Each case through both parsers: the C one where PyYAML has it, and the fallback."""
    from clustercli import yamlfile

    if request.param == "libyaml":
        if yamlfile.C_LOADER is None:
            pytest.skip("this PyYAML has no libyaml")
        monkeypatch.setattr(yamlfile, "LOADER", yamlfile.C_LOADER)
    else:
        monkeypatch.setattr(yamlfile, "LOADER", yamlfile.PURE_LOADER)
    return request.param


@pytest.mark.parametrize(("name", "text", "fragments"), CASES, ids=[c[0] for c in CASES])
def test_malformed_set_exits_2_with_located_message(cli, tmp_path, parser, name, text,
                                                    fragments):
    path = tmp_path / "valid.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("questions", "check", str(path), "--lang", "en")
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert result.stdout == ""
    for fragment in fragments:
        assert fragment in result.stderr, (fragment, result.stderr)


def test_there_are_at_least_twenty_cases():
    assert len(CASES) >= 20


def test_not_utf8(cli, tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title: caf\xe9\n".encode("latin-1"))
    result = cli("questions", "check", str(path), "--lang", "en")
    assert result.exit_code == 2 and "not UTF-8" in result.stderr


@pytest.mark.parametrize(("target", "fragment"), [("missing.yaml", "file not found"),
                                                  (".", "a folder")])
def test_missing_file_or_folder(cli, tmp_path, target, fragment):
    result = cli("questions", "check", str(tmp_path / target), "--lang", "en")
    assert result.exit_code == 2 and fragment in result.stderr


def test_all_problems_of_form_listed_at_once(cli, tmp_path):
    text = _edit("weight: 2", "weight: -1").replace("required: false", "required: 'no'")
    text = text.replace('version: "1.0"', 'version: "1.0"\nversion: "1.1"')
    path = tmp_path / "two.yaml"
    path.write_text(text.replace('    source: [F3]', '    source: [F3]\n    source: [F4]'),
                    encoding="utf-8")
    result = cli("questions", "check", str(path), "--lang", "en")
    assert result.exit_code == 2
    assert "'version' appears twice" in result.stderr  # every repeated key, not the first
    assert "'source' appears twice" in result.stderr
    path.write_text(text.replace('version: "1.0"\nversion: "1.1"', 'version: "1.0"'),
                    encoding="utf-8")
    result = cli("questions", "check", str(path), "--lang", "en")
    assert "(count: 2)" in result.stderr
    assert "field 'weight'" in result.stderr and "field 'required'" in result.stderr
    assert "Once they are fixed, the check also looks at the meaning" in result.stderr


def test_semantic_problems_all_listed(cli, tmp_path):
    text = _edit("source: [F3]", "source: [F99]").replace("when: {question: cooperates, "
                                                          "equals: true}", "when: {answered: x}")
    path = tmp_path / "two.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("questions", "check", str(path), "--lang", "en")
    assert "(count: 2)" in result.stderr
    assert "'F99'" in result.stderr and "'x', which does not exist" in result.stderr


def test_dutch_messages_by_default(cli, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(_edit("source: [F3]", "source: [F13]"), encoding="utf-8")
    result = cli("questions", "check", str(path))
    assert result.exit_code == 2 and "onbekende bron 'F13'" in result.stderr


@pytest.mark.slow
def test_real_process_gives_no_traceback(tmp_path):
    path = tmp_path / "bomb.yaml"
    path.write_text(CASES[[c[0] for c in CASES].index("alias bomb")][1], encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "clustercli", "questions", "check", str(path)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "alias" in proc.stderr
