"""The canonical JSON of a question set and its content hash never change.

Stored records name their set by this hash, and the data folder keeps each set's canonical JSON
under it: a new way of loading or holding a set must give the same bytes for the same set. The
hashes below were taken before question sets stopped being pydantic models at run time.
"""

from __future__ import annotations

import json

import pytest

from clustercli.questionset.loader import canonical_json, content_hash, load, load_from_text
from tests.conftest import DATA

VALID = (DATA / "valid.yaml").read_text(encoding="utf-8")
VALID_RULES = (DATA / "valid.rules.yaml").read_text(encoding="utf-8")
NO_BANDS = VALID_RULES.replace("bands: {sterk: 75, aandachtspunt: 50}\n", "")

PINNED = {
    "valid.yaml with its rules":
        "105fc840da0001fc48e4666bcc88683add02e6b7a8d2928e70239718440aa430",
    "valid.yaml alone": "c9dff3fd41e0cdc845bd67a2057eb8908beaf07b12843814eb4e3e2bafca5182",
    # readiness.rules.yaml was edited since 23ce35f; that version's loader gives this hash too
    "readiness.yaml with its rules":
        "aeebd2462044787b3e97fe1f72e893fe844e8f27038b4232271197a4663bc938",
    # default bands are written as the numbers a rules file would give: 75.0 and 50.0
    "valid.yaml, rules without bands":
        "105fc840da0001fc48e4666bcc88683add02e6b7a8d2928e70239718440aa430",
}
LOADS = {
    "valid.yaml with its rules": lambda: load(DATA / "valid.yaml"),
    "valid.yaml alone": lambda: load_from_text(VALID, "valid.yaml"),
    "readiness.yaml with its rules": lambda: load(DATA / "readiness.yaml"),
    "valid.yaml, rules without bands": lambda: load_from_text(VALID, "valid.yaml", NO_BANDS),
}


@pytest.mark.parametrize("case", PINNED)
def test_the_content_hash_of_a_set_is_pinned(case):
    assert content_hash(LOADS[case]()) == PINNED[case]


def test_the_canonical_form_spells_every_field():
    data = json.loads(canonical_json(load(DATA / "valid.yaml")))
    assert list(data) == sorted(data)  # keys sorted, no spaces: the bytes are the form
    assert set(data) == {"description", "dimensions", "id", "languages", "questions", "rules",
                         "scales", "title", "version"}
    trust_1 = next(q for q in data["questions"] if q["id"] == "trust_1")
    assert trust_1 == {
        "allow_unknown": True, "default": None, "dimension": "trust", "help": None,
        "id": "trust_1", "labels": {
            "en": ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"],
            "nl": ["Helemaal oneens", "Oneens", "Neutraal", "Eens", "Helemaal eens"]},
        "max": 5.0, "min": 1.0, "options": None, "required": True, "reverse": False,
        "scale": None, "source": ["F8"], "text": {"en": "We trust our partners.",
                                                  "nl": "Wij vertrouwen onze partners."},
        "type": "scale", "weight": 1.0, "when": None}
    assert data["rules"]["bands"] == {"aandachtspunt": 50.0, "sterk": 75.0}
    assert "rules" not in json.loads(canonical_json(load_from_text(VALID, "valid.yaml")))


def test_the_file_shape_and_the_run_time_model_name_the_same_fields():
    """schema.py checks a file, model.py and rules.py hold what passed: a field added to one
    and not the other would be dropped on load, or never checked."""
    import dataclasses

    from clustercli.questionset import model, rules, schema

    pairs = [(schema.Option, model.Option), (schema.ScaleDefinition, model.ScaleDefinition),
             (schema.Dimension, model.Dimension), (schema.Question, model.Question),
             (schema.Bands, rules.Bands), (schema.Level, rules.Level), (schema.Cap, rules.Cap),
             (schema.Advice, rules.Advice), (schema.Rules, rules.Rules)]
    for shape, held in pairs:
        names = {f.name for f in dataclasses.fields(held) if f.init}
        assert set(shape.model_fields) == names, held.__name__
    held_set = {f.name for f in dataclasses.fields(model.QuestionSet) if f.init}
    assert set(schema.QuestionSet.model_fields) == held_set - {"rules"}  # from the rules file
