"""The rules file beside a question set: loading, storing with the set, every kind of mistake."""

from __future__ import annotations

import json

import pytest

from clustercli.questionset.loader import canonical_json, content_hash, from_data, load
from tests.test_profile_answers import READINESS, VALID

VALID_TEXT = VALID.read_text(encoding="utf-8")
RULES = VALID.with_name("valid.rules.yaml")
RULES_TEXT = RULES.read_text(encoding="utf-8")


def test_rules_are_attached_and_stored_with_the_set():
    qset = load(VALID)
    assert [level.id for level in qset.rules.levels] == ["start", "halfway", "ready"]
    data = json.loads(canonical_json(qset))
    assert data["rules"]["caps"][0]["when"] == {"question": "cooperates", "equals": False}
    again = from_data(data, "copy.json")
    assert canonical_json(again) == canonical_json(qset)
    assert content_hash(again) == content_hash(qset)


def test_rules_change_the_hash_and_a_set_without_rules_keeps_its_own(tmp_path):
    (tmp_path / "valid.yaml").write_text(VALID_TEXT, encoding="utf-8")
    bare = load(tmp_path / "valid.yaml")
    assert bare.rules is None and "rules" not in json.loads(canonical_json(bare))
    (tmp_path / "valid.rules.yaml").write_text(RULES_TEXT, encoding="utf-8")
    with_rules = load(tmp_path / "valid.yaml")
    assert content_hash(with_rules) == content_hash(load(VALID))
    assert content_hash(with_rules) != content_hash(bare)
    edited = RULES_TEXT.replace("en: Call KVK.", "en: Phone KVK.")
    (tmp_path / "valid.rules.yaml").write_text(edited, encoding="utf-8")
    assert content_hash(load(tmp_path / "valid.yaml")) != content_hash(with_rules)


def test_check_and_trace_show_the_rules(cli):
    result = cli("questions", "check", str(VALID), "--lang", "en")
    assert result.exit_code == 0
    assert "Rules: " in result.stdout and "3 levels, 1 cap, 8 advice rules" in result.stdout
    trace = cli("questions", "trace", str(READINESS), "--lang", "en").stdout
    assert "| F7 | dimension `win_win`, question `ww_1`" in trace
    assert "level cap `win_win`, advice `win_win_low`, advice `many_bottlenecks` |" in trace
    assert "advice `knowledge_and_new_products`" in trace.split("| F1 |")[1].split("\n")[0]
    assert "level rule `exploring`" in trace.split("| design |")[1]
    dutch = cli("questions", "trace", str(READINESS), "--lang", "nl").stdout
    assert "niveauplafond `win_win`" in dutch and "advies `kvk`" in dutch


def test_check_without_rules_says_so(cli, tmp_path):
    (tmp_path / "mine.yaml").write_text(VALID_TEXT, encoding="utf-8")
    result = cli("questions", "check", str(tmp_path / "mine.yaml"), "--lang", "en")
    assert result.exit_code == 0 and "No rules file" in result.stdout


def _edit(old: str, new: str) -> str:
    assert old in RULES_TEXT, old
    return RULES_TEXT.replace(old, new, 1)


# (name, rules text, fragments of the English message)
CASES = [
    ("syntax", _edit("levels:", "levels: ["), ["valid.rules.yaml:", "not valid YAML"]),
    ("empty", "", ["valid.rules.yaml", "the file is empty"]),
    ("a list", "- a\n- b\n", ["must hold a mapping (bands, levels, caps, advice)"]),
    ("unknown section", RULES_TEXT + "extras: 1\n", ["field 'extras'", "unknown field"]),
    ("unknown field in advice", _edit("    priority: 2\n", "    priority: 2\n    colour: red\n"),
     ["field 'advice[new_products].colour'", "unknown field", "valid.rules.yaml:39:"]),
    ("text missing", _edit("    text: {nl: Begin klein., en: Start small.}\n", ""),
     ["field 'advice[start_cooperating].text'", "required"]),
    ("missing translation", _edit("en: Start small.", "fr: Petit."),
     ["advice[start_cooperating].text", "no text in 'en'", "a text in 'fr'"]),
    ("unknown question", _edit("{question: motives, includes: new_products}",
                               "{question: goals, includes: new_products}"),
     ["advice[new_products].when", "'goals', which does not exist", "valid.rules.yaml:34:"]),
    ("impossible value", _edit("{question: motives, includes: new_products}",
                               "{question: motives, includes: money}"),
     ["'motives' can never be money"]),
    ("unknown dimension", _edit("{dimension: trust, band: knelpunt}",
                                "{dimension: trusst, band: knelpunt}"),
     ["advice[trust_low].when", "unknown dimension 'trusst'"]),
    ("bad band", _edit("{dimension: trust, band: knelpunt}", "{dimension: trust, band: zwak}"),
     ["advice[trust_low].when", "'zwak' is not a band"]),
    ("nested condition", _edit("{question: trust_3, equals: weekly}",
                               "{question: trust_3, equals: daily}"),
     ["advice[ict_and_trusting].when.all[1].any[1]", "'trust_3' can never be daily"]),
    ("unknown source", _edit("source: [F5]", "source: [F13]"),
     ["advice[new_products].source", "unknown source 'F13'"]),
    ("no source", _edit("source: [F5]", "source: []"), ["no source given"]),
    ("duplicate id", _edit("- id: branch", "- id: talk_to_kvk"),
     ["the id 'talk_to_kvk' is used 2 times in advice"]),
    ("cap at an unknown level", _edit("max_level: halfway", "max_level: middle"),
     ["caps[not_cooperating].max_level", "unknown level 'middle'"]),
    ("cap at the top", _edit("max_level: halfway", "max_level: ready"),
     ["never lowers anything"]),
    ("lowest level with a when", _edit("    meaning: {nl: Nog geen basis., en: No basis yet.}\n",
                                       "    meaning: {nl: Nog geen basis., en: No basis yet.}\n"
                                       "    when: {answered: sector}\n"),
     ["levels[start].when", "takes no 'when'"]),
    ("level without when", _edit("    when: {dimension: trust, band: sterk}\n", ""),
     ["levels[ready].when", "needs a 'when'"]),
    ("step without priority", _edit("    priority: 2\n", ""),
     ["advice[new_products].step", "needs a priority"]),
    ("priority out of range", _edit("priority: 2", "priority: 12"),
     ["advice[new_products].priority"]),
    ("too few standing steps", _edit("    priority: 9\n", "    priority: 9\n    when: "
                                     "{answered: sector}\n"),
     ["2 rules with a step and no 'when'; at least 3"]),
    ("bands out of order", _edit("bands: {sterk: 75, aandachtspunt: 50}",
                                 "bands: {sterk: 50, aandachtspunt: 75}"),
     ["field 'bands'", "must be above"]),
    ("band out of range", _edit("sterk: 75", "sterk: 175"), ["field 'bands.sterk'"]),
]


@pytest.mark.parametrize(("name", "text", "fragments"), CASES, ids=[c[0] for c in CASES])
def test_malformed_rules_exit_2_with_located_message(cli, tmp_path, name, text, fragments):
    (tmp_path / "valid.yaml").write_text(VALID_TEXT, encoding="utf-8")
    (tmp_path / "valid.rules.yaml").write_text(text, encoding="utf-8")
    result = cli("questions", "check", str(tmp_path / "valid.yaml"), "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and result.stdout == ""
    for fragment in fragments:
        assert fragment in result.stderr, (fragment, result.stderr)
    dutch = cli("questions", "check", str(tmp_path / "valid.yaml"), "--lang", "nl")
    assert dutch.exit_code == 2 and "valid.rules.yaml" in dutch.stderr
    assert dutch.stderr != result.stderr


def test_all_rule_problems_at_once(cli, tmp_path):
    text = RULES_TEXT.replace("source: [F5]", "source: [F13]").replace(
        "max_level: halfway", "max_level: middle")
    (tmp_path / "valid.yaml").write_text(VALID_TEXT, encoding="utf-8")
    (tmp_path / "valid.rules.yaml").write_text(text, encoding="utf-8")
    result = cli("questions", "check", str(tmp_path / "valid.yaml"), "--lang", "en")
    assert "(count: 2)" in result.stderr
    assert "F13" in result.stderr and "middle" in result.stderr


def test_rules_inside_the_set_file_are_refused(cli, tmp_path):
    (tmp_path / "mine.yaml").write_text(VALID_TEXT + "rules: {}\n", encoding="utf-8")
    result = cli("questions", "check", str(tmp_path / "mine.yaml"), "--lang", "en")
    assert result.exit_code == 2
    assert "mine.rules.yaml" in result.stderr and "mine.yaml:" in result.stderr


def test_a_broken_set_is_reported_before_its_rules(cli, tmp_path):
    (tmp_path / "valid.yaml").write_text(VALID_TEXT.replace("source: [F3]", "source: [F99]"),
                                         encoding="utf-8")
    (tmp_path / "valid.rules.yaml").write_text("levels: 3\n", encoding="utf-8")
    result = cli("questions", "check", str(tmp_path / "valid.yaml"), "--lang", "en")
    assert result.exit_code == 2 and "F99" in result.stderr
