"""Loading a valid question set, and its three views: JSON, listing, trace."""

from __future__ import annotations

import json

from clustercli.questionset.describe import to_json_data, to_text, trace_markdown
from clustercli.questionset.loader import canonical_json, content_hash, from_data, load
from tests.conftest import VALID_SET


def test_valid_set_loads_and_resolves_named_scales():
    qset = load(VALID_SET)
    assert qset.id == "test-set"
    trust_1 = qset.question("trust_1")
    assert (trust_1.min, trust_1.max) == (1, 5)
    assert trust_1.labels["en"][4] == "Strongly agree"
    assert qset.question("motives").when is not None
    assert [q.id for q in qset.scored_questions("trust")] == ["trust_1", "trust_2", "trust_3"]


def test_yaml_reads_yes_and_no_as_text_and_dates_as_text(valid_text):
    text = valid_text.replace("key: other", "key: 'no'").replace('version: "1.0"',
                                                                   "version: 2001-02-30")
    from clustercli.questionset.loader import load_from_text

    qset = load_from_text(text, "x.yaml")
    assert qset.version == "2001-02-30"
    assert "no" in qset.question("sector").option_keys


def test_stored_copy_loads_back_identically():
    qset = load(VALID_SET)
    again = from_data(json.loads(canonical_json(qset)), "copy.json")
    assert canonical_json(again) == canonical_json(qset)
    assert content_hash(again) == content_hash(qset)


def test_json_contract():
    data = to_json_data(load(VALID_SET))
    assert set(data) == {"id", "version", "languages", "title", "dimensions", "questions"}
    assert data["dimensions"][0] == {"id": "trust", "title": {"nl": "Vertrouwen",
                                                              "en": "Trust"}, "source": ["F8"]}
    by_id = {q["id"]: q for q in data["questions"]}
    common = {"id", "type", "text", "allow_unknown", "required", "default", "when",
              "dimension", "weight", "reverse", "source"}
    assert common <= set(by_id["cooperates"])
    assert "options" not in by_id["cooperates"] and "min" not in by_id["cooperates"]
    assert by_id["sector"]["options"][0] == {"key": "ict", "label": {"nl": "ICT", "en": "ICT"}}
    assert by_id["trust_1"]["min"] == 1 and by_id["trust_1"]["max"] == 5
    assert by_id["trust_3"]["options"][2]["score"] == 5
    assert by_id["motives"]["when"] == {"question": "cooperates", "equals": True}
    assert by_id["employees"]["default"] == 5
    assert by_id["trust_2"]["reverse"] is True and by_id["trust_3"]["weight"] == 2
    json.dumps(data)  # serialisable as is


def test_show_json_through_cli(cli):
    result = cli("questions", "show", str(VALID_SET), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == "test-set"


def test_text_listing_in_both_languages():
    qset = load(VALID_SET)
    english = to_text(qset, "en")
    dutch = to_text(qset, "nl")
    assert "1. Which sector are you in?" in english and "5 = Strongly agree" in english
    assert "asked when: cooperates = true" in english
    assert "1. In welke sector werkt u?" in dutch and "gesteld als" in dutch
    assert "reverse-worded" in english


def test_trace_lists_findings_and_other_bases():
    text = trace_markdown(load(VALID_SET), "en")
    assert "| F8 | dimension `trust`, question `trust_1`, question `trust_2`, question " \
           "`trust_3` |" in text
    assert "| profile | question `sector`, question `employees` |" in text
    assert "Findings cited by nothing: F1, F2, F4" in text


def test_check_through_cli(cli):
    result = cli("questions", "check", str(VALID_SET), "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout.startswith("OK: ")
    assert "8 questions, 1 area," in result.stdout  # its real plural form
