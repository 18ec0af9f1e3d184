"""What `compare` says, and what a report says about the change since the previous check.

`compare_document` is laid out by `layout` (terminal or Markdown); `compare_json` is the
documented JSON form; `since_lines` are the few lines `show` adds to a report.
"""

from __future__ import annotations

from typing import Any

from clustercli.advisor.compare import DISCUSS_AT, Comparison, DimensionChange, Side
from clustercli.advisor.layout import Document, Section
from clustercli.formatting import day, score_text, signed
from clustercli.i18n import pick, t

SCHEMA_VERSION = 1
ARROWS = {"up": "↑", "down": "↓", "same": "→"}


def _who(side: Side, lang: str) -> str:
    names = [name.strip() for name in (side.client, side.respondent) if name.strip()]
    return ", ".join(names) or t("advisor.compare.nobody", lang)


def _level(side: Side, lang: str) -> str:
    return pick(side.level_title, lang) if side.level_title else t("advisor.no_level", lang)


def _labels(comparison: Comparison, lang: str) -> tuple[str, str]:
    if comparison.kind == "progress":
        return t("advisor.compare.side_earlier", lang), t("advisor.compare.side_later", lang)
    return t("advisor.compare.side_a", lang), t("advisor.compare.side_b", lang)


def _score(score: int | None, band: str | None, lang: str) -> str:
    if band is None:
        return t("advisor.compare.not_in_set", lang)
    return t("advisor.compare.no_score", lang) if score is None else str(score)


def _change(d: DimensionChange, lang: str) -> str:
    if d.direction is None:
        return "-"
    return f"{ARROWS[d.direction]} {signed(d.change)}"


def _difference(d: DimensionChange, lang: str) -> str:
    """How far two views are apart, without a direction: neither is the later one."""
    return "-" if d.change is None else score_text(abs(d.change))


def _band(d: DimensionChange, lang: str) -> str:
    """The band, or how it changed ("aandachtspunt → knelpunt"; the change column has the
    direction)."""
    names = [t(f"profile.band.{band}", lang) for band in (d.first_band, d.second_band) if band]
    return " → ".join(dict.fromkeys(names))


def _titles(comparison: Comparison, ids: tuple[str, ...], lang: str) -> str:
    return "; ".join(pick(comparison.title(i), lang) for i in ids) or t("advisor.none", lang)


def notices(comparison: Comparison, lang: str) -> list[str]:
    lines = [t("advisor.compare.unfinished", lang, id=side.id) for side in comparison.unfinished]
    if not comparison.same_set:
        first, second = comparison.first, comparison.second
        lines.append(t("advisor.compare.other_set", lang,
                       first=f"{first.set_id} {first.set_version}",
                       second=f"{second.set_id} {second.set_version}"))
    return lines


def compare_document(comparison: Comparison, lang: str) -> Document:
    first, second = comparison.first, comparison.second
    one, two = _labels(comparison, lang)
    if comparison.kind == "progress":
        respondent = f" ({first.respondent.strip()})" if first.respondent.strip() else ""
        heading = t("advisor.compare.title_progress", lang, client=first.client.strip(),
                    respondent=respondent)
    else:
        heading = t("advisor.compare.title_views", lang)
    intro = []
    for label, side in ((one, first), (two, second)):
        status = (t("advisor.compare.status_done", lang, date=day(side.completed, "-"))
                  if side.finished else t("advisor.compare.status_open", lang))
        intro.append(t("advisor.compare.side_line", lang, side=label, id=side.id,
                       who=_who(side, lang), date=day(side.created, "-"), status=status))
    intro += notices(comparison, lang)
    views = comparison.kind == "views"
    # Two views side by side: their scores and how far apart they are. Over time: the change,
    # with its direction, and the band before and after (left out when the table is too wide).
    last = ("col_discuss" if views else "col_band")
    header = [t("advisor.compare.col_dimension", lang), one, two,
              t(f"advisor.compare.col_{'difference' if views else 'change'}", lang),
              t(f"advisor.compare.{last}", lang)]
    rows = [[pick(d.title, lang), _score(d.first, d.first_band, lang),
             _score(d.second, d.second_band, lang),
             _difference(d, lang) if views else _change(d, lang),
             (t("advisor.compare.discuss", lang) if d.discuss else "") if views
             else _band(d, lang)] for d in comparison.dimensions]
    closing = []
    if first.level or second.level:  # a set without levels has nothing to say here
        closing.append(t(f"advisor.compare.level{'_views' if views else ''}", lang,
                         first=_level(first, lang), second=_level(second, lang)))
    if views:
        only_first = tuple(d.id for d in comparison.dimensions
                           if d.first_band == "knelpunt" and d.second_band != "knelpunt")
        closing += [t("advisor.compare.only_first", lang, side=one,
                      items=_titles(comparison, only_first, lang)),
                    t("advisor.compare.only_second", lang, side=two,
                      items=_titles(comparison, comparison.new, lang))]
        discuss = tuple(d.id for d in comparison.to_discuss)
        closing.append(t("advisor.compare.discuss_title", lang, points=DISCUSS_AT,
                         items=_titles(comparison, discuss, lang)) if discuss else
                       t("advisor.compare.discuss_none", lang, points=DISCUSS_AT))
        closing += [t("advisor.compare.discuss_why", lang), t("advisor.compare.rounding", lang)]
    else:
        closing += [t("advisor.compare.closed", lang,
                      items=_titles(comparison, comparison.closed, lang)),
                    t("advisor.compare.new", lang, items=_titles(comparison, comparison.new, lang))]
    section = Section(t("advisor.compare.scores_title", lang), header=header, rows=rows,
                      notes=closing, least={0: 16}, drop=[] if views else [(4,)])
    return Document(heading, intro, [section])


def _side_json(side: Side, lang: str) -> dict[str, Any]:
    return {"id": side.id, "client": side.client, "respondent": side.respondent,
            "status": side.status, "created": side.created, "completed": side.completed,
            "question_set": {"id": side.set_id, "version": side.set_version,
                             "hash": side.set_hash},
            "level": None if side.level is None else {
                "id": side.level, "title": pick(side.level_title, lang)}}


def compare_json(comparison: Comparison, lang: str) -> dict[str, Any]:
    """The documented JSON form of `compare --format json`."""
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": comparison.kind,
        "first": _side_json(comparison.first, lang),
        "second": _side_json(comparison.second, lang),
        "same_question_set": comparison.same_set,
        "dimensions": [{
            "id": d.id, "title": pick(d.title, lang),
            "first": {"score": d.first, "band": d.first_band},
            "second": {"score": d.second, "band": d.second_band},
            "change": d.change, "direction": d.direction, "band_change": d.band_change,
            "discuss": d.discuss,
        } for d in comparison.dimensions],
        "knelpunten": {"closed": list(comparison.closed), "new": list(comparison.new)},
        "points_to_discuss": [d.id for d in comparison.to_discuss],
        "discuss_at": DISCUSS_AT,
        "notices": notices(comparison, lang),
    }


def since_lines(comparison: Comparison, lang: str) -> list[str]:
    """For a report: a heading, then the change since the previous completed check of this
    respondent (level, each scored part, knelpunten resolved and new), and how to see more."""
    before, now = comparison.first, comparison.second
    lines = [t("advisor.since.title", lang, date=day(before.completed or before.created, "-"))]
    if before.level or now.level:
        lines.append(t("advisor.since.level", lang, first=_level(before, lang),
                       second=_level(now, lang)))
    for d in comparison.dimensions:
        if d.direction is not None:
            lines.append(t("advisor.since.dimension", lang, dimension=pick(d.title, lang),
                           first=str(d.first), second=str(d.second),
                           change=_change(d, lang)))
    lines += [t("advisor.since.closed", lang, items=_titles(comparison, comparison.closed, lang)),
              t("advisor.since.new", lang, items=_titles(comparison, comparison.new, lang))]
    if not now.finished:
        lines.append(t("advisor.since.unfinished", lang))
    lines.append(t("advisor.since.compare", lang, first=before.id, second=now.id))
    return lines
