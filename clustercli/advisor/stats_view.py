"""What `stats` says: each figure with its n, beside the study's figure, source and year.

The study's figures describe Dutch SMEs around 2000 (EIM, 2001); every line that quotes one says
so. A figure with n below MIN_N carries a caution.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from clustercli.advisor.labels import Labels
from clustercli.advisor.layout import Document, Section
from clustercli.advisor.stats import MAJORITY_MOTIVES, MIN_N, STUDY_YEAR, Share, Stats
from clustercli.formatting import percent, score_text
from clustercli.formatting import score as points
from clustercli.i18n import pick, t

SCHEMA_VERSION = 1
FIGURES = (("F3", "regional"), ("F4", "would_like"), ("F9", "stimulation"))


def _source(finding: str, lang: str) -> str:
    return t("advisor.stats.study_source", lang, year=STUDY_YEAR, finding=finding)


def _caution(n: int, lang: str) -> list[str]:
    if n == 0:
        return [t("advisor.stats.no_answers", lang)]
    return [] if n >= MIN_N else [t("advisor.stats.caution", lang, min=MIN_N)]


def motive_shares(stats: Stats, labels: Labels) -> list[tuple[str, Share]]:
    """Every motive named, most often first; the study's three (F5) always, even at 0."""
    found = list(stats.motives)
    named = {key for key, _ in found}
    found += [(key, Share(0, stats.motives_n)) for key in MAJORITY_MOTIVES
              if key not in named and key in labels.motives]
    return found


def level_counts(stats: Stats, labels: Labels) -> list[tuple[str, int]]:
    """Every level of the sets in use, lowest first, with how many reached it (also 0)."""
    ids = sorted({*labels.levels, *stats.levels}, key=labels.level_rank)
    return [(level, stats.levels.get(level, 0)) for level in ids]


def _study(finding: str, lang: str) -> dict[str, Any]:
    return {"finding": finding, "year": STUDY_YEAR,
            "figure": t(f"advisor.stats.{finding.lower()}_study", lang),
            "source": _source(finding, lang)}


def stats_document(stats: Stats, labels: Labels, lang: str, client: str | None = None,
                   since: date | None = None) -> Document:
    intro = []
    if client:
        intro.append(t("advisor.stats.filter_client", lang, client=client))
    if since:
        intro.append(t("advisor.stats.filter_since", lang, date=since.isoformat()))
    if stats.n == 0:
        return Document(t("advisor.stats.title", lang, n=0),
                        [*intro, t("advisor.stats.empty", lang)])
    intro.append(t("advisor.stats.own_note", lang))
    sections = []
    for finding, name in FIGURES:
        share: Share = getattr(stats, name)
        code = finding.lower()
        lines = [t(f"advisor.stats.{code}_ours", lang, share=percent(share.share),
                   count=share.count, n=share.n)] if share.n else []
        sections.append(Section(t(f"advisor.stats.{code}_title", lang), lines,
                                notes=[t(f"advisor.stats.{code}_study", lang),
                                       _source(finding, lang), *_caution(share.n, lang)]))
    majority = t("advisor.stats.f5_majority_mark", lang)
    sections.append(Section(
        t("advisor.stats.f5_title", lang, n=stats.motives_n),
        header=[t("advisor.stats.col_motive", lang), t("advisor.stats.col_share", lang),
                t("advisor.stats.col_count", lang), t("advisor.stats.col_study", lang)],
        rows=[[pick(labels.motives.get(key), lang) or key, percent(share.share),
               str(share.count), majority if key in MAJORITY_MOTIVES else ""]
              for key, share in motive_shares(stats, labels)],
        notes=[t("advisor.stats.f5_study", lang), _source("F5", lang),
               *_caution(stats.motives_n, lang)],
        least={0: 20}, drop=[(3,)]))  # the notes say what the study found, too
    sections.append(Section(
        t("advisor.stats.levels_title", lang, n=stats.levels_n),
        header=[t("advisor.stats.col_level", lang), t("advisor.stats.col_count", lang),
                t("advisor.stats.col_share", lang)],
        rows=[[pick(labels.levels.get(level), lang) or level, str(count),
               percent(count / stats.levels_n if stats.levels_n else None)]
              for level, count in level_counts(stats, labels)],
        notes=_caution(stats.levels_n, lang), least={0: 16}))
    cautious = [mean for mean in stats.means if mean.n < MIN_N]
    sections.append(Section(
        t("advisor.stats.means_title", lang),
        header=[t("advisor.stats.col_dimension", lang), t("advisor.stats.col_mean", lang),
                t("advisor.stats.col_n", lang)],
        rows=[[pick(labels.dimensions.get(mean.dimension), lang) or mean.dimension,
               score_text(mean.mean), str(mean.n)] for mean in stats.means],
        notes=_caution(min(mean.n for mean in cautious), lang) if cautious else [],
        least={0: 16}))
    return Document(t("advisor.stats.title", lang, n=stats.n), intro, sections)


def _share_json(share: Share) -> dict[str, Any]:
    return {"count": share.count, "n": share.n, "share": share.share,
            "representative": share.representative}


def stats_json(stats: Stats, labels: Labels, lang: str, client: str | None = None,
               since: date | None = None) -> dict[str, Any]:
    """The documented JSON form of `stats --format json` (shares as fractions, 0 to 1)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "filters": {"client": client, "since": since.isoformat() if since else None},
        "n": stats.n,
        "min_n": MIN_N,
        "note": t("advisor.stats.own_note", lang),
        "regional_cooperation": {**_share_json(stats.regional), "study": _study("F3", lang)},
        "would_like_regional": {**_share_json(stats.would_like), "study": _study("F4", lang)},
        "stimulation_important": {**_share_json(stats.stimulation),
                                  "study": _study("F9", lang)},
        "motives": {
            "n": stats.motives_n, "representative": stats.motives_n >= MIN_N,
            "items": [{"key": key, "label": pick(labels.motives.get(key), lang) or key,
                       "study_majority": key in MAJORITY_MOTIVES, **_share_json(share)}
                      for key, share in motive_shares(stats, labels)],
            "study": _study("F5", lang)},
        "levels": {
            "n": stats.levels_n, "representative": stats.levels_n >= MIN_N,
            "items": [{"id": level, "title": pick(labels.levels.get(level), lang) or level,
                       **_share_json(Share(count, stats.levels_n))}
                      for level, count in level_counts(stats, labels)]},
        "dimensions": [{"id": mean.dimension,
                        "title": pick(labels.dimensions.get(mean.dimension), lang)
                        or mean.dimension,
                        "mean": points(mean.mean),
                        "n": mean.n, "representative": mean.n >= MIN_N}
                       for mean in stats.means],
    }
