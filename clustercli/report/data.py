"""The JSON form of a report: what `clustercli show --format json` prints.

Field by field in docs/report-json.md, as a schema in docs/report.schema.json; a test checks
every snapshot against that schema. The form is stable within a `schema_version`: a field is
only added, renamed or dropped with a new version. A score is the number every output shows:
whole points, rounded down (`formatting.score`); the band always comes from the exact score.
"""

from __future__ import annotations

from typing import Any

from clustercli.report.model import SCHEMA_VERSION, Advice, Point, Report


def report_data(report: Report) -> dict[str, Any]:
    meta = report.meta
    level = report.level
    return {
        "schema_version": SCHEMA_VERSION,
        "id": meta.id,
        "client": meta.client,
        "respondent": meta.respondent,
        "language": report.lang,
        "status": meta.status,
        "unfinished": report.unfinished,
        "progress": {"answered": meta.answered, "applicable": meta.applicable},
        "question_set": {"id": meta.question_set.id, "version": meta.question_set.version,
                         "hash": meta.question_set.hash, "title": meta.question_set.title},
        "timestamps": {"created": meta.created, "updated": meta.updated,
                       "completed": meta.completed},
        "thresholds": {"sterk": report.thresholds.sterk,
                       "aandachtspunt": report.thresholds.aandachtspunt},
        "scores": {d.id: {"title": d.title,
                          "score": d.shown,
                          "band": d.band, "band_label": d.band_label,
                          "answered": d.answered, "applicable": d.applicable}
                   for d in report.dimensions},
        "level": None if level is None else {
            "id": level.id, "title": level.title, "meaning": level.meaning,
            "rank": level.rank, "of": level.of, "reached": level.reached,
            "capped": level.capped,
            "caps": [{"id": c.id, "reason": c.reason, "source": list(c.source)}
                     for c in level.caps]},
        "level_note": report.level_note,
        "notices": [_advice(a) for a in report.notices],
        "actions": [{"advice": a.advice, "step": a.step, "why": a.why, "source": list(a.source)}
                    for a in report.actions],
        "advice": [_advice(a) for a in report.advice],
        "strongest": [_point(p) for p in report.strongest],
        "weakest": [_point(p) for p in report.weakest],
        "unscored": [_point(p) for p in report.unscored],
        "organisations": [
            {"id": o.id, "name": o.name, "aka": list(o.aka), "via": o.via, "kind": o.kind,
             "about": o.about, "why": o.why, "reason": o.reason, "verified": o.verified,
             "url": o.url,
             "caveat": o.caveat, "source": list(o.source)}
            for o in report.organisations],
        "mirror": [{"finding": m.finding, "figure": m.figure, "position": m.position,
                    "source": m.source_note, "year": m.year} for m in report.mirror],
        "sources": {"study": report.study,
                    "cited": [{"id": s.id, "text": s.text, "cited_in": list(s.cited_in),
                               "stated_in": list(s.stated_in)}
                              for s in report.sources],
                    "organisations": report.organisation_facts},
        "disclaimer": report.disclaimer,
        "notes": None if report.notes is None else [
            {"question": n.question, "question_text": n.question_text, "answer": n.answer,
             "note": n.note} for n in report.notes],
        "since": {"title": report.since[0], "lines": list(report.since[1:])}
        if report.since else None,
    }


def _advice(advice: Advice) -> dict[str, Any]:
    return {"id": advice.id, "text": advice.text, "source": list(advice.source)}


def _point(point: Point) -> dict[str, Any]:
    return {"dimension": point.dimension, "band": point.band,
            "description": point.description, "weakest": list(point.weakest),
            "lift": list(point.lift)}
