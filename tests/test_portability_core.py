"""The pure core: merge rules and retention periods, without files."""

from __future__ import annotations

import copy
from datetime import UTC, datetime

import pytest

from clustercli.errors import BadInput
from clustercli.portability.merge import merge
from clustercli.portability.retention import Duration, cutoff, older_than, parse_duration
from clustercli.records import Answer, Assessment, HistoryEntry, IndexRow, SetRef

REF = SetRef("s", "1", "a" * 64)
T = [f"2025-01-0{n}T10:00:00.000000Z" for n in range(1, 10)]


def record(answers: dict, updated: str, history=(), client="A") -> Assessment:
    return Assessment("0b0b0b0b-0000-4000-8000-000000000000", REF, "nl", client, "", T[0],
                      updated, answers={q: Answer(v, at, note) for q, (v, at, note)
                                        in answers.items()}, history=list(history))


def test_new_and_identical():
    incoming = record({"q": (1, T[1], None)}, T[1])
    assert merge(None, incoming) == incoming and merge(None, incoming) is not incoming
    assert merge(copy.deepcopy(incoming), incoming) is None


def test_newer_incoming_becomes_current_and_the_local_answers_go_to_history():
    local = record({"q": (1, T[1], None), "r": (2, T[1], "n"), "same": (5, T[1], None)}, T[2])
    incoming = record({"q": (3, T[3], None), "same": (5, T[3], None)}, T[4], client="B")
    merged = merge(local, incoming)
    assert merged.answers == incoming.answers and merged.client == "B"
    assert merged.updated == T[4]
    assert merged.history == [HistoryEntry("q", 1, T[1], None, T[4], "imported"),
                              HistoryEntry("r", 2, T[1], "n", T[4], "imported")]


def test_older_incoming_only_adds_what_is_not_known():
    local = record({"q": (3, T[3], None)}, T[4],
                   history=[HistoryEntry("q", 1, T[1], None, T[3], "changed")])
    earlier = record({"q": (1, T[1], None)}, T[2])  # an earlier state of the same record
    assert merge(local, earlier) is None
    other = record({"q": (2, T[1], None)}, T[2])
    merged = merge(local, other)
    assert merged.answers == local.answers
    assert merged.history[-1] == HistoryEntry("q", 2, T[1], None, T[4], "imported")


def test_histories_are_joined_in_time_order_whoever_imports():
    one = record({"q": (1, T[5], None)}, T[6],
                 history=[HistoryEntry("x", 1, T[1], None, T[4], "changed")])
    two = record({"q": (2, T[3], None)}, T[7],
                 history=[HistoryEntry("y", 1, T[1], None, T[2], "not_applicable")])
    here, there = merge(one, two), merge(two, one)
    assert here == there
    assert [h.inactive_since for h in here.history] == [T[2], T[4], T[7]]
    assert merge(here, two) is None and merge(here, one) is None  # idempotent


def test_a_tie_keeps_the_local_version_current():
    local = record({"q": (1, T[1], None)}, T[2])
    incoming = record({"q": (2, T[1], None)}, T[2])
    merged = merge(local, incoming)
    assert merged.answers == local.answers and merged.history[0].value == 2
    assert merge(merged, incoming) is None


def test_true_is_not_one():
    local = record({"q": (True, T[1], None)}, T[2])
    incoming = record({"q": (1, T[1], None)}, T[3])
    assert merge(local, incoming).history[0].value is True


@pytest.mark.parametrize(("text", "months", "days"), [
    ("2y", 24, 0), ("18m", 18, 0), ("30d", 0, 30), ("6w", 0, 42), ("1y6m", 18, 0),
    (" 1Y 2D ", 12, 2)])
def test_durations(text, months, days):
    assert parse_duration(text) == Duration(months, days)


@pytest.mark.parametrize("text", ["", "2", "y", "2 years", "-1y", "0d", "0y0m", "1.5y", "2x"])
def test_bad_durations(text):
    with pytest.raises(BadInput) as caught:
        parse_duration(text)
    assert caught.value.key == "portability.purge.bad_duration"


def moment(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(("now", "period", "expected"), [
    ("2025-03-31T12:00:00", "1m", "2025-02-28T12:00:00"),  # no 31 February: its last day
    ("2024-02-29T08:00:00", "1y", "2023-02-28T08:00:00"),
    ("2025-01-15T00:00:00", "2m", "2024-11-15T00:00:00"),
    ("2025-01-15T00:00:00", "1y1d", "2024-01-14T00:00:00"),
    ("2025-01-15T00:00:00", "3000y", "0001-01-01T00:00:00")])
def test_cutoff_is_calendar_months_then_days(now, period, expected):
    assert cutoff(moment(now), parse_duration(period)) == moment(expected)


def test_older_than_is_strict_and_skips_unknown_times():
    def row(updated: str) -> IndexRow:
        return IndexRow(updated, "", "", "completed", 0, REF, updated, updated)

    rows = [row("2024-01-01T00:00:00.000000Z"), row("2024-01-02T00:00:00.000000Z"),
            row(""), row("2023-12-31T23:59:59.999999Z")]
    picked = older_than(rows, moment("2024-01-01T00:00:00"))
    assert [r.updated for r in picked] == ["2023-12-31T23:59:59.999999Z"]
