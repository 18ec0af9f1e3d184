"""The JSON report against its schema (docs/report.schema.json), with a small validator.

The validator knows exactly the JSON Schema keywords the schema uses, and refuses any other, so
the schema cannot quietly rely on a keyword nobody checks. No new dependency for this.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from clustercli.render.json_report import render_json
from clustercli.report import SCHEMA_VERSION, build_report
from tests.test_report_cases import CASES, shipped, unfinished

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "docs" / "report.schema.json"
DOC_FILE = SCHEMA_FILE.with_name("report-json.md")
KNOWN = {"$schema", "$id", "title", "description", "$defs", "$ref", "type", "const", "enum",
         "properties", "required", "additionalProperties", "propertyNames", "items",
         "minItems", "minLength", "pattern", "minimum", "maximum", "oneOf"}
TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}


def _is(value: Any, kind: str) -> bool:
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, TYPES[kind])


def validate(value: Any, schema: dict, root: dict, at: str = "$") -> list[str]:
    """Every way `value` breaks `schema`, as "path: problem"."""
    unknown = set(schema) - KNOWN
    if unknown:
        raise ValueError(f"{at}: the validator does not know {sorted(unknown)}")
    if "$ref" in schema:
        target = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        return validate(value, target, root, at)
    errors: list[str] = []
    if "type" in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_is(value, kind) for kind in kinds):
            return [f"{at}: {value!r} is not {'/'.join(kinds)}"]
    if "const" in schema and value != schema["const"]:
        errors.append(f"{at}: {value!r} is not {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{at}: {value!r} is not one of {schema['enum']}")
    if "oneOf" in schema:
        passing = [s for s in schema["oneOf"] if not validate(value, s, root, at)]
        if len(passing) != 1:
            errors.append(f"{at}: {value!r} matches {len(passing)} of the oneOf choices")
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            errors.append(f"{at}: too short")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{at}: {value!r} does not match {schema['pattern']}")
    if _is(value, "number"):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append(f"{at}: {value} < {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            errors.append(f"{at}: {value} > {schema['maximum']}")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            errors.append(f"{at}: fewer than {schema['minItems']} items")
        for index, item in enumerate(value):
            if "items" in schema:
                errors += validate(item, schema["items"], root, f"{at}[{index}]")
    if isinstance(value, dict):
        errors += _validate_object(value, schema, root, at)
    return errors


def _validate_object(value: dict, schema: dict, root: dict, at: str) -> list[str]:
    errors = [f"{at}: missing {key}" for key in schema.get("required", []) if key not in value]
    properties = schema.get("properties", {})
    extra = schema.get("additionalProperties", True)
    for key, item in value.items():
        if "propertyNames" in schema:
            errors += validate(key, schema["propertyNames"], root, f"{at}.<{key}>")
        if key in properties:
            errors += validate(item, properties[key], root, f"{at}.{key}")
        elif extra is False:
            errors.append(f"{at}: unexpected field {key}")
        elif isinstance(extra, dict):
            errors += validate(item, extra, root, f"{at}.{key}")
    return errors


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def _json(make, lang="nl", with_notes=False) -> dict:
    return json.loads(render_json(build_report(make(), shipped(), lang, with_notes=with_notes)))


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", [*CASES, "unfinished"])
def test_every_case_is_valid(schema, name, lang):
    make = CASES.get(name, unfinished)
    for with_notes in (False, True):
        data = _json(make, lang, with_notes)
        assert validate(data, schema, schema) == []
        assert data["schema_version"] == SCHEMA_VERSION
        assert (data["notes"] is None) is not with_notes


def test_the_validator_finds_what_is_wrong(schema):
    good = _json(CASES["win-win-knelpunt"])
    assert validate(good, schema, schema) == []
    broken = copy.deepcopy(good)
    del broken["level"]
    broken["extra"] = 1
    broken["scores"]["win_win"]["band"] = "zwak"
    broken["scores"]["Not A Slug"] = broken["scores"].pop("motivation")
    broken["organisations"][0]["url"] = "http://kvk.nl"
    broken["mirror"][0]["year"] = 2024
    broken["advice"][0]["source"] = []
    broken["timestamps"]["completed"] = "yesterday"
    errors = "\n".join(validate(broken, schema, schema))
    for expected in ("missing level", "unexpected field extra", "'zwak'", "<Not A Slug>",
                     "http://kvk.nl", "2024", "fewer than 1", "$.timestamps.completed"):
        assert expected in errors


def test_the_validator_refuses_keywords_it_does_not_check(schema):
    with pytest.raises(ValueError, match="uniqueItems"):
        validate([1], {"type": "array", "uniqueItems": True}, {})


def test_the_brief_s_fields_are_there():
    data = _json(CASES["regional-cooperator"])
    assert data["question_set"].keys() >= {"id", "version", "hash"}
    assert data["timestamps"]["completed"] == "2026-11-20T09:14:00.000000Z"
    assert all(set(v) >= {"score", "band"} for v in data["scores"].values())
    assert {"id", "text", "source"} <= set(data["advice"][0])
    assert {"name", "kind", "why", "verified", "url"} <= set(data["organisations"][0])
    assert data["level"]["id"] == "trekker" and data["actions"] and data["mirror"]
    assert {"advice", "step", "why", "source"} <= set(data["actions"][0])


def test_a_score_is_null_without_enough_answers():
    scores = _json(CASES["many-unknowns"])["scores"]
    assert scores["win_win"] == {**scores["win_win"], "score": None, "band": "insufficient"}
    assert isinstance(scores["knowledge_level"]["score"], int)  # whole points, rounded down


def test_every_field_is_documented(schema):
    doc = DOC_FILE.read_text(encoding="utf-8")
    missing = [key for key in schema["properties"] if f"`{key}`" not in doc]
    assert missing == []
