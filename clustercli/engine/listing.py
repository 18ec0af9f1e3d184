"""`clustercli list`: the assessments as a table for people and as JSON for tools."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from clustercli.i18n import t
from clustercli.names import client_key, similar, visible
from clustercli.records import IndexRow
from clustercli.tables import Column, fit
from clustercli.textwidth import TABLE_WIDTH, ellipsize, width, wrap


def list_json(rows: list[IndexRow]) -> list[dict[str, Any]]:
    """The documented JSON form: newest first, one object per assessment."""
    return [{
        "id": row.id,
        "client": visible(row.client),
        "respondent": visible(row.respondent),
        "status": row.status,
        "answered": row.answered,
        "question_set": (f"{row.question_set.id} {row.question_set.version}"
                         if row.question_set else None),
        "created": row.created,
        "updated": row.updated,
    } for row in rows]


def _when(stamp: str) -> str:
    """"2026-11-26T19:21:36.123456Z" -> "2026-11-26 19:21 UTC"."""
    return f"{stamp[:10]} {stamp[11:16]} UTC" if len(stamp) >= 16 else stamp


def _layouts(rows: list[IndexRow], lang: str) -> Iterator[list[Column]]:
    """The table's layouts, fullest first: the time goes, then the number of answers, then
    client and respondent share a column ("Bakkerij Zoë (Jan)"), then the respondent goes,
    then the date, then the client. The id always stays whole: it is what `show` takes."""
    status = {name: t(f"engine.status_{name}", lang)
              for name in ("in_progress", "completed", "damaged")}
    clients = [visible(row.client) or "-" for row in rows]
    respondents = [visible(row.respondent) or "-" for row in rows]
    ids = Column(t("engine.col_id", lang), [row.id for row in rows])
    client = Column(t("engine.col_client", lang), clients, least=10)
    respondent = Column(t("engine.col_respondent", lang), respondents, least=10)
    state = Column(t("engine.col_status", lang), [status[row.status] for row in rows])
    answered = Column(t("engine.col_answered", lang), [str(row.answered) for row in rows])
    updated = t("engine.col_updated", lang)
    moment = Column(updated, [_when(row.updated) for row in rows])
    day = Column(updated, [row.updated[:10] for row in rows])
    yield [ids, client, respondent, state, answered, moment]
    yield [ids, client, respondent, state, answered, day]
    yield [ids, client, respondent, state, day]
    both = [f"{name} ({who})" if who != "-" else name
            for name, who in zip(clients, respondents, strict=True)]

    shortened: dict[tuple[str, str, int], str] = {}  # names repeat: each pair cut once

    def shorten(row: int, room: int) -> str:  # the client gives way first, then the respondent
        key = (clients[row], respondents[row], room)
        if key not in shortened:
            shortened[key] = _shorter(*key)
        return shortened[key]

    together = Column(t("cli.list.col_client_respondent", lang), both, least=14,
                      shorten=shorten)
    yield [ids, together, state, day]
    yield [ids, client, state, day]
    yield [ids, Column(client.header, clients, least=8), state]
    yield [ids, state]


def no_client(rows: list[IndexRow], client: str, lang: str, room: int = TABLE_WIDTH) -> str:
    """`list --client NAME` without a match: no self-check of that client here, with the
    clients among `rows` whose names are close."""
    key = client_key(client)
    close = dict.fromkeys(visible(row.client.strip()) for row in rows
                          if similar(key, client_key(row.client)))
    text = t("cli.list.no_client", lang, client=visible(client))
    if close:
        text += " " + t("cli.list.similar", lang, count=len(close), names="; ".join(close))
    return "\n".join(wrap(text, room))


def _shorter(name: str, who: str, room: int) -> str:
    """"Bakkerij Zoë (Jan)" in `room` columns: the client's name gives way first."""
    if who == "-":
        return ellipsize(name, room)
    head = ellipsize(name, max(room - width(who) - 3, min(room // 2, width(name))))
    rest = room - width(head) - 3  # " (" and ")"
    return f"{head} ({ellipsize(who, rest)})" if rest > 0 else ellipsize(name, room)


def list_table(rows: list[IndexRow], lang: str, room: int = TABLE_WIDTH) -> str:
    """The self-checks as a table of at most `room` columns (see `_layouts`), and a line on
    each damaged one below it, wrapped to `room`."""
    if not rows:
        return t("engine.list_empty", lang)
    lines = fit(_layouts(rows, lang), room)
    for row in rows:
        if row.status == "damaged":
            damage = row.damage()
            problem = t(damage.key, lang, **damage.params) if damage else ""
            lines += wrap(t("engine.damaged_row", lang, id=row.id, problem=problem), room,
                          hanging="  ")
    return "\n".join(lines)
