"""Building a report's content once, from an assessment, its question set, profile and routing.

Choices made here (the renderers follow them, so every format says the same):
- A score is shown in whole points, rounded down (`formatting.score`, the rule of every output),
  so that a shown number never looks like a higher band than the exact score has (74.9 shows
  as 74, aandachtspunt, not 75).
- Strongest points: the dimensions in band sterk, best first, at most MAX_STRONGEST; when none is
  sterk, the best aandachtspunt, with what would make it sterk.
- Weakest points: knelpunt and aandachtspunt dimensions, lowest score first, at most MAX_WEAKEST,
  each with the answers that cost it most and what would lift it to the next band.
- Dimensions with too few answers are listed apart, with what to answer to get a score.
- The actions are the profile's (3 to 5, most urgent first, each with why and basis); the
  advice is what the profile shows that is neither an action nor a notice (NOTICES: said with
  the level, such as "250 or more people is outside the MKB the study is about").
- Sources: every basis the report's statements cite (level, caps, notices, actions, advice,
  organisations, mirror), the study's findings first in their own order. A finding that a
  sentence of the report already states (it names the study and cites the finding, or it is a
  comparison with the study) records where (`stated_in`: the sections that say it), so that
  a rendering's sources do not say it again.
"""

from __future__ import annotations

import re
from typing import Any

from clustercli.engine.values import label
from clustercli.formatting import score as points
from clustercli.i18n import pick, t
from clustercli.names import visible
from clustercli.profile.build import Profile, build_profile
from clustercli.profile.explain import lift_text, weakness_text
from clustercli.profile.scoring import (
    AANDACHTSPUNT,
    INSUFFICIENT,
    KNELPUNT,
    STERK,
    active_answers,
    facts,
    score_dimensions,
)
from clustercli.questionset.model import QuestionSet
from clustercli.questionset.rules import DEFAULT_BANDS
from clustercli.records import Assessment
from clustercli.report import model
from clustercli.routing.data import RoutingData, shipped
from clustercli.routing.recommendations import Recommendation, kind_label, route

MAX_STRONGEST = 2
MAX_WEAKEST = 3
# Advice rules that are a notice about the firm rather than advice: said with the level.
NOTICES = ("outside_mkb",)
_FINDING = re.compile(r"^F(\d+)$")
# A sentence that cites a finding states it when it names the study (the rules' texts cite a
# finding only where they say what the study found: tests/test_profile_texts.py).
_NAMES_STUDY = re.compile(r"\b(studie|study|EIM)\b", re.IGNORECASE)
# Other bases a report can cite, in the order the sources list shows them.
OTHER_BASES = ("design", "organisations", "profile")


def shown_score(score: float | None) -> int | None:
    """The score as the report shows it: `formatting.score`, the one rule of every output."""
    return points(score)


def build_report(record: Assessment, qset: QuestionSet, lang: str, *, with_notes: bool = False,
                 routing_data: RoutingData | None = None) -> model.Report:
    """The whole report of `record` in `lang`; advisor notes only `with_notes`."""
    answers = record.values()
    active = active_answers(qset, answers)
    data = routing_data if routing_data is not None else shipped()
    # Whom to approach first: advice that needs an organisation (a step to the trade
    # association) is given only when the routing recommends one of that kind.
    recommendations = route(active, facts(score_dimensions(qset, answers)), lang, data)
    profile = build_profile(qset, answers, routed={r.kind for r in recommendations})
    meta = _meta(record, qset, active, lang)
    dimensions = tuple(_dimension(qset, d, lang) for d in profile.dimensions)
    # An unfinished check has no level yet: its unanswered parts would count as "don't know"
    # and the caps would blame the user for questions not yet asked.
    level = _level(qset, profile, lang) if record.status == "completed" else None
    actions = tuple(model.Action(advice=a.advice, step=pick(a.step, lang), why=pick(a.why, lang),
                                 source=a.source) for a in profile.actions)
    acted = {a.advice for a in actions}
    notices = tuple(model.Advice(id=a.id, text=pick(a.text, lang), source=a.source)
                    for a in profile.advice if a.id in NOTICES)
    advice = tuple(model.Advice(id=a.id, text=pick(a.text, lang), source=a.source)
                   for a in profile.advice if a.id not in acted and a.id not in NOTICES)
    organisations = tuple(_organisation(r, lang) for r in recommendations)
    mirror = tuple(model.MirrorItem(finding=m.finding, figure=m.figure.render(lang),
                                    position=m.position.render(lang),
                                    source_note=m.source.render(lang), year=m.year)
                   for m in profile.mirror)
    bands = qset.rules.bands if qset.rules is not None else DEFAULT_BANDS
    thresholds = model.Thresholds(sterk=bands.sterk, aandachtspunt=bands.aandachtspunt)
    strongest, weakest, unscored = _points(qset, profile, lang)
    statements = {"level": [*((cap.reason, cap.source) for cap in (level.caps if level else ())),
                            *((a.text, a.source) for a in notices)],
                  "actions": [(a.why, a.source) for a in actions],
                  "advice": [(a.text, a.source) for a in advice],
                  "organisations": [(o.reason, o.source) for o in organisations]}
    stated = {section: _stated(said) for section, said in statements.items()}
    stated["mirror"] = {m.finding for m in mirror}
    citing = {section: {s for _, sources in said for s in sources}
              for section, said in statements.items()}
    citing["level"].update(profile.level.source if profile.level is not None else ())
    citing["mirror"] = stated["mirror"]
    cited = _cited(profile, level, (*notices, *advice, *actions), organisations)
    return model.Report(
        lang=lang,
        meta=meta,
        unfinished=_unfinished(meta, lang),
        level=level,
        level_note=_level_note(profile, lang) if record.status == "completed" else None,
        dimensions=dimensions,
        thresholds=thresholds,
        strongest=strongest,
        weakest=weakest,
        unscored=unscored,
        notices=notices,
        actions=actions,
        advice=advice,
        organisations=organisations,
        mirror=mirror,
        study=t("report.study", lang),
        sources=tuple(model.Source(id=c, label=_source_label(c, lang),
                                   text=t(f"report.source.{c.lower()}", lang),
                                   cited_in=tuple(section for section, found in citing.items()
                                                  if c in found),
                                   stated_in=tuple(section for section, found in stated.items()
                                                   if c in found)) for c in cited),
        organisation_facts=t("report.organisation_facts", lang, gathered=data.gathered),
        disclaimer=t("report.disclaimer", lang),
        notes=_notes(record, qset, active, lang) if with_notes else None,
    )


def _organisation(found: Recommendation, lang: str) -> model.Organisation:
    return model.Organisation(
        id=found.id, name=found.name, aka=found.aka, via=found.via, kind=found.kind,
        kind_label=kind_label(found.kind, lang), about=found.about, why=found.why,
        reason=found.reason or found.why,
        verified=found.verified, url=found.url, caveat=found.caveat, source=found.source)


def _meta(record: Assessment, qset: QuestionSet, active: dict[str, Any],
          lang: str) -> model.Meta:
    # Walking in order settles which questions apply (a `when` reads only earlier ones).
    applicable = [q for q in qset.questions if qset.applies(q, active)]
    answered = sum(1 for q in applicable if q.id in active)
    ref = record.question_set
    return model.Meta(
        id=record.id, client=visible(record.client), respondent=visible(record.respondent),
        language=record.language, status=record.status, created=record.created,
        updated=record.updated, completed=record.completed,
        question_set=model.SetInfo(id=ref.id, version=ref.version, hash=ref.hash,
                                   title=pick(qset.title, lang)),
        answered=answered, applicable=len(applicable))


def _unfinished(meta: model.Meta, lang: str) -> str | None:
    if meta.status == "completed":
        return None
    return t("report.unfinished", lang, answered=meta.answered, total=meta.applicable,
             id=meta.id)


def _dimension(qset: QuestionSet, result: Any, lang: str) -> model.Dimension:
    description = qset.dimension_by_id[result.id].description
    return model.Dimension(
        id=result.id, title=pick(result.title, lang), description=pick(description, lang),
        score=result.score, shown=shown_score(result.score), band=result.band,
        band_label=t(f"profile.band.{result.band}", lang), answered=result.answered,
        applicable=result.applicable)


def _level(qset: QuestionSet, profile: Profile, lang: str) -> model.Level | None:
    level = profile.level
    if level is None or qset.rules is None:  # a level comes from the rules
        return None
    titles = {rule.id: rule.title for rule in qset.rules.levels}
    return model.Level(
        id=level.id, title=pick(level.title, lang), meaning=pick(level.meaning, lang),
        rank=level.rank, of=level.of, reached=level.reached,
        reached_title=pick(titles[level.reached], lang),
        caps=tuple(model.Cap(id=c.id, reason=pick(c.reason, lang), source=c.source)
                   for c in level.caps))


def _level_note(profile: Profile, lang: str) -> str | None:
    """Why a finished check has no level although the set has levels (too few answers)."""
    held = profile.withheld
    if held is None:
        return None
    return t("profile.level.withheld", lang, count=len(held.unscored), of=held.of)


def _point(qset: QuestionSet, profile: Profile, dimension_id: str, lang: str, *,
           answers: bool = False, describe: bool = False) -> model.Point:
    result = profile.dimension(dimension_id)
    explanation = profile.explanations[dimension_id]
    weakest = tuple(weakness_text(qset, w, lang) for w in explanation.weakest) if answers else ()
    lift = tuple(lift_text(qset, explanation.lift, lang)) if explanation.lift else ()
    description = pick(qset.dimension_by_id[dimension_id].description, lang) if describe else ""
    return model.Point(dimension=dimension_id, title=pick(result.title, lang),
                       description=description, shown=shown_score(result.score),
                       band=result.band, band_label=t(f"profile.band.{result.band}", lang),
                       weakest=weakest, lift=lift)


def _points(qset: QuestionSet, profile: Profile, lang: str
            ) -> tuple[tuple[model.Point, ...], ...]:
    scored = [d for d in profile.dimensions if d.score is not None]

    def score(result: Any) -> float:
        return float(result.score or 0.0)  # every one in `scored` has a score

    strong = sorted((d for d in scored if d.band == STERK), key=lambda d: -score(d))
    if not strong:
        strong = sorted((d for d in scored if d.band == AANDACHTSPUNT),
                        key=lambda d: -score(d))[:1]
    strong = strong[:MAX_STRONGEST]
    chosen = {d.id for d in strong}
    weak = sorted((d for d in scored if d.band in (KNELPUNT, AANDACHTSPUNT)
                   and d.id not in chosen), key=score)[:MAX_WEAKEST]
    unscored = [d for d in profile.dimensions if d.band == INSUFFICIENT]
    # A strong point says what the dimension is about; a weak one which answers cost it most.
    return (tuple(_point(qset, profile, d.id, lang, describe=True) for d in strong),
            tuple(_point(qset, profile, d.id, lang, answers=True) for d in weak),
            tuple(_point(qset, profile, d.id, lang) for d in unscored))


def _stated(statements: list[tuple[str, tuple[str, ...]]]) -> set[str]:
    """The findings these (text, sources) state: a text that names the study states the
    findings it cites."""
    return {source for text, sources in statements if _NAMES_STUDY.search(text)
            for source in sources if _FINDING.match(source)}


def _cited(profile: Profile, level: model.Level | None,
           items: tuple[model.Advice | model.Action, ...],
           organisations: tuple[model.Organisation, ...]) -> list[str]:
    """Every basis the report's statements cite (level, caps, notices, actions, advice,
    organisations, mirror): findings F1-F12 in number order, then the others. The dimensions'
    own bases are left to `clustercli questions trace`: listing them too would name nearly
    every finding every time."""
    found: set[str] = set()
    if profile.level is not None:
        found.update(profile.level.source)
    if level is not None:
        for cap in level.caps:
            found.update(cap.source)
    for sources in (*(a.source for a in items), *(o.source for o in organisations)):
        found.update(sources)
    found.update(m.finding for m in profile.mirror)
    findings = sorted((s for s in found if _FINDING.match(s)), key=lambda s: int(s[1:]))
    return findings + [s for s in OTHER_BASES if s in found]


def _source_label(source: str, lang: str) -> str:
    if _FINDING.match(source):
        return source
    return t(f"report.cite.{source}", lang)


def _notes(record: Assessment, qset: QuestionSet, active: dict[str, Any],
           lang: str) -> tuple[model.Note, ...]:
    """The advisor's notes on the answers that count, in the order of the questions."""
    notes = record.notes()
    return tuple(
        model.Note(question=q.id, question_text=pick(q.text, lang),
                   answer=label(q, active[q.id], lang), note=notes[q.id])
        for q in qset.questions if q.id in notes and q.id in active)
