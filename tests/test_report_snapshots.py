"""Markdown and JSON reports against reviewed snapshots (tests/snapshots/).

Representative assessments on the shipped set (tests/test_report_cases.py): a regional
cooperator, a firm that does not cooperate but wants to, a win-win knelpunt that caps the level,
many "don't know" answers (the advisor's copy, in English), and an unfinished self-check. Ids and
timestamps are fixed, so a difference is a change in what the report says.

When a change is intended, rewrite them with
    CLUSTERCLI_UPDATE_SNAPSHOTS=1 uv run pytest tests/test_report_snapshots.py
and read every changed snapshot before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from clustercli.render.json_report import render_json
from clustercli.render.markdown import render_markdown
from clustercli.report import build_report
from tests.test_report_cases import CASES, shipped, unfinished

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("CLUSTERCLI_UPDATE_SNAPSHOTS") == "1"

# (case, language, with advisor notes)
SNAPSHOT_CASES = [("regional-cooperator", "nl", False), ("wants-to-cooperate", "nl", False),
                  ("win-win-knelpunt", "nl", False), ("many-unknowns", "en", True),
                  ("unfinished", "nl", False)]
RENDERERS = {"md": render_markdown, "json": render_json}


def _report(name: str, lang: str, notes: bool):
    make = CASES.get(name, unfinished)
    return build_report(make(), shipped(), lang, with_notes=notes)


@pytest.mark.parametrize("suffix", sorted(RENDERERS))
@pytest.mark.parametrize(("name", "lang", "notes"), SNAPSHOT_CASES)
def test_snapshot(name, lang, notes, suffix):
    produced = RENDERERS[suffix](_report(name, lang, notes))
    path = SNAPSHOTS / f"{name}.{lang}.{suffix}"
    if UPDATE:
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(produced, encoding="utf-8")
    assert path.exists(), f"no snapshot {path.name}: run with CLUSTERCLI_UPDATE_SNAPSHOTS=1"
    assert produced == path.read_text(encoding="utf-8")


def test_no_stale_snapshots():
    expected = {f"{n}.{lang}.{suffix}" for n, lang, _ in SNAPSHOT_CASES for suffix in RENDERERS}
    assert sorted(p.name for p in SNAPSHOTS.iterdir()) == sorted(expected)
