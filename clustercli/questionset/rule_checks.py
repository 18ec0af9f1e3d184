"""The checks of a set's rules against the set, and where in the rules file a problem is.

They run after pydantic has accepted the rules file's shape (`clustercli.questionset.schema`),
and return problems rather than raising, as the checks of the set do.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from clustercli import conditions
from clustercli.errors import Problem
from clustercli.questionset.model import KNOWN_SOURCES, LocalText, QuestionSet
from clustercli.questionset.rules import (
    MAX_LEVELS,
    MIN_LEVELS,
    MIN_STEPS,
    SECTIONS,
    Rules,
)
from clustercli.yamlfile import LocatedDict


def check_rules(rules: Rules, qset: QuestionSet) -> list[Problem]:
    """Every way the rules do not fit the set; fields name the rule: `advice[ID].when`."""
    problems: list[Problem] = []
    if rules.bands.sterk <= rules.bands.aandachtspunt:
        problems.append(_problem("profile.rules.bands_order", "bands",
                                 sterk=rules.bands.sterk,
                                 aandachtspunt=rules.bands.aandachtspunt))
    problems += _check_ids(rules)
    problems += _check_levels(rules)
    problems += _check_texts(rules, qset.languages)
    problems += _check_sources(rules)
    problems += _check_conditions(rules, qset)
    problems += _check_steps(rules)
    return problems


def _problem(key: str, field: str, /, **params: Any) -> Problem:
    return Problem(key, params, field=field)


def _items(rules: Rules) -> Iterator[tuple[str, Any]]:
    for section in SECTIONS:
        for item in getattr(rules, section):
            yield section, item


def _check_ids(rules: Rules) -> Iterator[Problem]:
    for section in SECTIONS:
        for item_id, count in Counter(i.id for i in getattr(rules, section)).items():
            if count > 1:
                yield _problem("profile.rules.duplicate_id", f"{section}[{item_id}].id",
                               section=section, id=item_id, count=count)


def _check_levels(rules: Rules) -> Iterator[Problem]:
    levels = rules.levels
    if levels and not MIN_LEVELS <= len(levels) <= MAX_LEVELS:
        yield _problem("profile.rules.level_count", "levels", count=len(levels),
                       low=MIN_LEVELS, high=MAX_LEVELS)
    for index, level in enumerate(levels):
        if index == 0 and level.when is not None:
            yield _problem("profile.rules.lowest_level_when", f"levels[{level.id}].when")
        if index > 0 and level.when is None:
            yield _problem("profile.rules.level_without_when", f"levels[{level.id}].when")
    ids = [level.id for level in levels]
    for cap in rules.caps:
        if cap.max_level not in ids:
            yield _problem("profile.rules.unknown_level", f"caps[{cap.id}].max_level",
                           level=cap.max_level, allowed=", ".join(ids) or "-")
        elif cap.max_level == ids[-1]:
            yield _problem("profile.rules.cap_at_top", f"caps[{cap.id}].max_level",
                           level=cap.max_level)


def _texts(rules: Rules) -> Iterator[tuple[str, LocalText]]:
    for section, item in _items(rules):
        names = {"levels": ("title", "meaning"), "caps": ("reason",),
                 "advice": ("text", "step")}[section]
        for name in names:
            texts = getattr(item, name)
            if texts is not None:
                yield f"{section}[{item.id}].{name}", texts


def _check_texts(rules: Rules, languages: list[str]) -> Iterator[Problem]:
    for field, texts in _texts(rules):
        for lang in languages:
            if not texts.get(lang, "").strip():
                yield _problem("qset.missing_translation", field, language=lang)
        for lang in sorted(set(texts) - set(languages)):
            yield _problem("qset.undeclared_language", field, language=lang)


def _check_sources(rules: Rules) -> Iterator[Problem]:
    for section, item in _items(rules):
        field = f"{section}[{item.id}].source"
        if not item.source:
            yield _problem("qset.no_source", field, allowed=", ".join(KNOWN_SOURCES))
        for source in item.source:
            if source not in KNOWN_SOURCES:
                yield _problem("qset.unknown_source", field, source=source,
                               allowed="F1–F12, profile, organisations, design")


def _check_conditions(rules: Rules, qset: QuestionSet) -> Iterator[Problem]:
    domains = {q.id: q.domain() for q in qset.questions}
    dimensions = {d.id for d in qset.dimensions}
    for section, item in _items(rules):
        if item.when is None:
            continue
        for found in conditions.check(item.when, f"{section}[{item.id}].when", domains,
                                      set(domains), dimensions):
            yield _problem(found.key, found.path, **found.params)


def _check_steps(rules: Rules) -> Iterator[Problem]:
    for advice in rules.advice:
        if (advice.step is None) != (advice.priority is None):
            yield _problem("profile.rules.step_and_priority", f"advice[{advice.id}].step")
    with_steps = [a for a in rules.advice if a.step is not None]
    always = [a for a in with_steps if a.when is None]
    if with_steps and len(always) < MIN_STEPS:
        yield _problem("profile.rules.too_few_standing_steps", "advice", count=len(always),
                       minimum=MIN_STEPS)


# --- locating a problem in the file --------------------------------------------------------


def locate(raw: Any, field: str | None) -> int | None:
    """The line of `field` (`advice[ID].when...`, `bands`, ...) in the rules file as read."""
    if not isinstance(raw, LocatedDict):
        return getattr(raw, "line", None)
    field = field or ""
    head = field.split("[", 1)[0].split(".", 1)[0]
    if "[" not in field:
        return raw.key_lines.get(head, raw.line)
    name = field.split("[", 1)[1].split("]", 1)[0]
    section = raw.get(head)
    item: Any = None
    if isinstance(section, list):
        if name.isdigit() and int(name) < len(section):
            item = section[int(name)]
        else:
            item = next((i for i in section if isinstance(i, dict) and i.get("id") == name),
                        None)
    if not isinstance(item, LocatedDict):
        return raw.key_lines.get(head, raw.line)
    rest = field.split("].", 1)[1] if "]." in field else ""
    key = rest.split(".", 1)[0].split("[", 1)[0]
    return item.key_lines.get(key, item.line)
