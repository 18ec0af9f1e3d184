"""`clustercli clients`: one line per client, from the index rows alone.

Names are grouped by `names.client_key`, so "Bakkerij Zoë" and " bakkerij  zoe " are one client;
a line shows the spelling of the client's most recent assessment. Respondents are grouped the
same way. Assessments without a client (an entrepreneur on their own) belong to no line; they
are only counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from clustercli.advisor.labels import Labels
from clustercli.formatting import day
from clustercli.i18n import pick, t
from clustercli.names import client_key, visible
from clustercli.records import IndexRow
from clustercli.tables import Column, fit
from clustercli.textwidth import TABLE_WIDTH, wrap

# client_key is cached itself: thousands of rows share a few hundred names.
key_of = client_key


@dataclass(frozen=True)
class ClientLine:
    client: str  # as typed in the client's most recent assessment
    assessments: int  # every status, damaged ones included
    completed: int
    respondents: tuple[str, ...]  # named respondents, alphabetical
    last_date: str  # the newest `updated` of its assessments (UTC ISO 8601)
    last_level: str | None  # level id of its most recently completed assessment
    last_set: str | None  # content hash of the set that level comes from


@dataclass(frozen=True)
class Overview:
    clients: tuple[ClientLine, ...]  # alphabetical by client key
    without_client: int  # assessments with no client named


def overview(rows: Iterable[IndexRow]) -> Overview:
    groups: dict[str, list[IndexRow]] = {}
    without = 0
    for row in rows:
        key = key_of(row.client)
        if key:
            groups.setdefault(key, []).append(row)
        else:
            without += 1
    lines = [_line(group) for _, group in sorted(groups.items())]
    return Overview(tuple(lines), without)


def _line(rows: list[IndexRow]) -> ClientLine:
    newest = max(rows, key=lambda row: row.updated)
    respondents: dict[str, tuple[str, str]] = {}  # key -> (updated, spelling)
    for row in rows:
        key = key_of(row.respondent)
        if key and (key not in respondents or row.updated > respondents[key][0]):
            respondents[key] = (row.updated, visible(row.respondent.strip()))
    done = [row for row in rows if row.status == "completed" and row.completed]
    last = max(done, key=lambda row: row.completed or "") if done else None
    level = last.level if last else None
    return ClientLine(
        client=visible(newest.client.strip()),
        assessments=len(rows),
        completed=len(done),
        respondents=tuple(spelling for _, (_, spelling) in sorted(respondents.items())),
        last_date=newest.updated,
        last_level=level if isinstance(level, str) else None,
        last_set=last.question_set.hash if last and last.question_set and level else None,
    )


def level_sets(found: Overview) -> list[str]:
    """The sets whose level titles the overview needs."""
    return [line.last_set for line in found.clients if line.last_set]


def level_title(labels: Labels, level_id: str | None, lang: str) -> str | None:
    if level_id is None:
        return None
    return pick(labels.levels.get(level_id), lang) or level_id


def overview_json(found: Overview, labels: Labels, lang: str) -> dict[str, Any]:
    """The documented JSON form of `clients --format json`."""
    return {
        "clients": [{
            "client": line.client,
            "assessments": line.assessments,
            "completed": line.completed,
            "respondents": list(line.respondents),
            "last_date": line.last_date,
            "last_level": None if line.last_level is None else {
                "id": line.last_level, "title": level_title(labels, line.last_level, lang)},
        } for line in found.clients],
        "without_client": found.without_client,
    }


def clients_text(found: Overview, labels: Labels, lang: str, room: int = TABLE_WIDTH) -> str:
    """The clients as a table of at most `room` columns: names and respondents made narrower
    (with "…") as needed, then without the respondents, then without the date."""
    lines = []
    if found.clients:
        header = [t(f"advisor.clients.col_{name}", lang) for name in
                  ("client", "assessments", "respondents", "last_date", "last_level")]
        cells = [[line.client for line in found.clients],
                 [str(line.assessments) for line in found.clients],
                 [", ".join(line.respondents) or "-" for line in found.clients],
                 [day(line.last_date, "-") for line in found.clients],
                 [level_title(labels, line.last_level, lang) or "-" for line in found.clients]]
        least = (12, None, 12, None, None)  # a level title is short: never cut
        columns = [Column(name, column, narrowest) for name, column, narrowest
                   in zip(header, cells, least, strict=True)]
        lines += fit([columns, [columns[i] for i in (0, 1, 3, 4)],
                      [columns[i] for i in (0, 1, 4)]], room)
    else:
        lines += wrap(t("advisor.clients.empty", lang), room)
    if found.without_client:
        lines += ["", t("advisor.clients.without_client", lang, count=found.without_client)]
    return "\n".join(lines)
