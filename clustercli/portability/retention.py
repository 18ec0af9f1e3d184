"""Retention: durations like `2y`, `18m`, `30d` (or `1y6m`), and which assessments are older.

Age is measured from `updated`, the last time anything in the assessment changed: an intake
that was finished long ago but corrected last month is a month old. Years and months are
calendar ones (31 March minus one month is the last day of February), days are days.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from clustercli import clock
from clustercli.errors import BadInput
from clustercli.records import IndexRow

_PART = re.compile(r"(\d+)([ymwd])")
_WHOLE = re.compile(r"(?:\d+[ymwd])+")


@dataclass(frozen=True)
class Duration:
    months: int
    days: int


def parse_duration(text: str) -> Duration:
    compact = text.strip().lower().replace(" ", "")
    if not _WHOLE.fullmatch(compact):
        raise BadInput("portability.purge.bad_duration", value=text)
    months = days = 0
    for amount, unit in _PART.findall(compact):
        number = int(amount)
        if unit == "y":
            months += 12 * number
        elif unit == "m":
            months += number
        elif unit == "w":
            days += 7 * number
        else:
            days += number
    if months == 0 and days == 0:  # "0d" would erase everything: surely not meant
        raise BadInput("portability.purge.bad_duration", value=text)
    return Duration(months, days)


def cutoff(now: datetime, duration: Duration) -> datetime:
    """The moment `duration` before `now`."""
    year, month = divmod(now.year * 12 + now.month - 1 - duration.months, 12)
    month += 1
    try:
        day = min(now.day, calendar.monthrange(year, month)[1])
        return now.replace(year=year, month=month, day=day) - timedelta(days=duration.days)
    except (ValueError, OverflowError):  # before the year 1: nothing is that old
        return now.replace(year=1, month=1, day=1, hour=0, minute=0, second=0, microsecond=0)


def older_than(rows: list[IndexRow], moment: datetime) -> list[IndexRow]:
    """Rows last changed before `moment`. A damaged file whose time is unknown is not among
    them: its age cannot be told (`delete ID` erases it)."""
    old = []
    for row in rows:
        try:
            updated = clock.parse(row.updated)
        except ValueError:
            continue
        if updated.tzinfo is not None and updated < moment:
            old.append(row)
    return old
