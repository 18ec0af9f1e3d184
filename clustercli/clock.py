"""Timestamps: UTC, ISO 8601, to the microsecond so that "newest first" is well defined."""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def parse(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def local(stamp: str) -> str:
    """A stored time as the user's clock shows it, to the minute: "2026-03-05 14:02"."""
    try:
        return parse(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp
