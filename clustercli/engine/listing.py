"""`clustercli list`: the assessments as a table for people and as JSON for tools."""

from __future__ import annotations

from typing import Any

from clustercli.i18n import t
from clustercli.names import visible
from clustercli.records import IndexRow


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
    """"2026-11-26T19:21:36.123456Z" -> "2026-11-26 19:21 UTC" (short enough for a table)."""
    return f"{stamp[:10]} {stamp[11:16]} UTC" if len(stamp) >= 16 else stamp


def list_table(rows: list[IndexRow], lang: str) -> str:
    if not rows:
        return t("engine.list_empty", lang)
    header = [t("engine.col_id", lang), t("engine.col_client", lang),
              t("engine.col_respondent", lang), t("engine.col_status", lang),
              t("engine.col_answered", lang), t("engine.col_updated", lang)]
    status = {name: t(f"engine.status_{name}", lang)
              for name in ("in_progress", "completed", "damaged")}
    body = [(row.id, visible(row.client) or "-", visible(row.respondent) or "-", status[row.status],
             str(row.answered), _when(row.updated)) for row in rows]
    widths = [max(map(len, column)) for column in zip(header, *body, strict=True)]
    # One format string for every line: a table of 10,000 rows in a few milliseconds.
    line = "  ".join(f"{{:<{width}}}" for width in widths)
    lines = [line.format(*header).rstrip(), "  ".join("-" * width for width in widths)]
    lines += [line.format(*cells).rstrip() for cells in body]
    for row in rows:
        if row.status == "damaged":
            damage = row.damage()
            problem = t(damage.key, lang, **damage.params) if damage else ""
            lines.append(t("engine.damaged_row", lang, id=row.id, problem=problem))
    return "\n".join(lines)
