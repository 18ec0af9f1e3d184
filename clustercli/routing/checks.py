"""What the organisation data must mean, beyond its shape (see organisations.py for the list).

Split from loading so that each module holds one idea: organisations.py reads and shapes the file,
this module says whether it makes sense.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Iterator
from typing import Any

from clustercli import conditions
from clustercli.errors import Problem
from clustercli.i18n import LANGUAGES, catalogue
from clustercli.questionset.model import KNOWN_SOURCES, SLUG_PATTERN
from clustercli.routing.model import (
    _VERIFIED,
    LocalText,
    Organisation,
    RoutingData,
)
from clustercli.yamlfile import line_of


def check_data(data: RoutingData, raw: Any = None) -> Iterator[Problem]:
    """Every way the data does not hold together; lines from `raw` where it is given."""

    def problem(key: str, loc: tuple[Any, ...], field: str, /, **params: Any) -> Problem:
        return Problem(key, params, line=line_of(raw, loc) if raw is not None else None,
                       field=field)

    yield from _check_ids(data, problem)
    yield from _check_answers(data, problem)
    yield from _check_reasons(data, problem)
    seen = set(data.websites_seen)
    for i, org in enumerate(data.organisations):
        yield from _check_organisation(org, i, seen, problem)
    yield from _check_rules(data, problem)


def _check_ids(data: RoutingData, problem) -> Iterator[Problem]:
    for section, ids in (("organisations", [o.id for o in data.organisations]),
                         ("rules", [r.id for r in data.rules])):
        for item_id, count in Counter(ids).items():
            if count > 1:
                index = ids.index(item_id)
                yield problem("routing.load.duplicate_id", (section, index, "id"),
                              f"{section}[{item_id}].id", id=item_id, count=count)
    for name, count in Counter(o.name for o in data.organisations).items():
        if count > 1:
            index = [o.name for o in data.organisations].index(name)
            org = data.organisations[index]
            yield problem("routing.load.duplicate_name", ("organisations", index, "name"),
                          f"organisations[{org.id}].name", name=name, count=count)


def _check_answers(data: RoutingData, problem) -> Iterator[Problem]:
    labels = catalogue("nl").keys() & catalogue("en").keys()
    for answer, spec in data.answers.items():
        loc = ("answers", answer)
        if not re.match(SLUG_PATTERN, answer):
            yield problem("schema.not_slug", loc, f"answers[{answer}]", value=answer)
        if spec.type == "yesno" and spec.keys:
            yield problem("routing.load.keys_not_for_yesno", (*loc, "keys"),
                          f"answers[{answer}].keys")
        if spec.type != "yesno" and len(spec.keys) < 2:
            yield problem("routing.load.too_few_keys", (*loc, "keys"),
                          f"answers[{answer}].keys")
        needed = [f"routing.answer.{answer}"]
        needed += [f"routing.value.{answer}.{key}" for key in spec.keys]
        for key in needed:
            if key not in labels:
                yield problem("routing.load.no_label", loc, f"answers[{answer}]", label=key)
    for dimension in data.dimensions:
        if f"routing.dimension.{dimension}" not in labels:
            yield problem("routing.load.no_label", ("dimensions",), "dimensions",
                          label=f"routing.dimension.{dimension}")


def _check_texts(texts: LocalText, loc: tuple[Any, ...], field: str,
                 problem) -> Iterator[Problem]:
    for lang in LANGUAGES:
        if not texts.get(lang, "").strip():
            yield problem("routing.load.missing_translation", loc, field, language=lang)
    for lang in sorted(set(texts) - set(LANGUAGES)):
        yield problem("routing.load.unknown_language", loc, field, language=lang,
                      allowed=", ".join(LANGUAGES))


def placeholders(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return {"{"}


def _check_reasons(data: RoutingData, problem) -> Iterator[Problem]:
    for reason, texts in data.reasons.items():
        loc = ("reasons", reason)
        field = f"reasons[{reason}]"
        yield from _check_texts(texts, loc, field, problem)
        names = {lang: placeholders(text) for lang, text in texts.items()}
        for lang, found in names.items():
            unknown = sorted(found - set(data.answers))
            if unknown:
                yield problem("routing.load.unknown_placeholder", loc, field, language=lang,
                              names=", ".join(unknown), allowed=", ".join(data.answers))
        if len({frozenset(found) for found in names.values()}) > 1:
            shown = "; ".join(f"{lang}: {', '.join(sorted(found)) or '-'}"
                              for lang, found in sorted(names.items()))
            yield problem("routing.load.placeholder_mismatch", loc, field, found=shown)


def _check_organisation(org: Organisation, i: int, seen: set[str],
                        problem) -> Iterator[Problem]:
    loc = ("organisations", i)
    field = f"organisations[{org.id}]"
    if not _VERIFIED.match(org.verified):
        yield problem("routing.load.bad_verified", (*loc, "verified"), f"{field}.verified",
                      value=org.verified)
    if org.website is not None and org.website not in seen:
        yield problem("routing.load.website_not_seen", (*loc, "website"), f"{field}.website",
                      website=org.website)
    if org.confidence == "M" and org.caveat is None:
        yield problem("routing.load.caveat_needed", (*loc, "confidence"), f"{field}.caveat")
    yield from _check_texts(org.about, (*loc, "about"), f"{field}.about", problem)
    if org.caveat is not None:
        yield from _check_texts(org.caveat, (*loc, "caveat"), f"{field}.caveat", problem)


def _check_rules(data: RoutingData, problem) -> Iterator[Problem]:
    known = {o.id for o in data.organisations}
    domains = {answer: spec.domain() for answer, spec in data.answers.items()}
    reached: set[str] = set()
    for i, rule in enumerate(data.rules):
        loc = ("rules", i)
        field = f"rules[{rule.id}]"
        if bool(rule.recommend) == (rule.to_kind is not None):
            yield problem("routing.load.recommend_or_to_kind", loc, field)
        for org_id in rule.recommend:
            if org_id in known:
                reached.add(org_id)
            else:
                yield problem("routing.load.unknown_entry", (*loc, "recommend"),
                              f"{field}.recommend", id=org_id)
        if rule.why not in data.reasons:
            yield problem("routing.load.unknown_reason", (*loc, "why"), f"{field}.why",
                          reason=rule.why, allowed=", ".join(data.reasons))
        if not rule.source:
            yield problem("routing.load.no_source", (*loc, "source"), f"{field}.source",
                          allowed=", ".join(KNOWN_SOURCES))
        for source in rule.source:
            if source not in KNOWN_SOURCES:
                yield problem("routing.load.unknown_source", (*loc, "source"),
                              f"{field}.source", source=source,
                              allowed="F1–F12, profile, organisations, design")
        if rule.when is not None:
            for found in conditions.check(rule.when, "when", domains, set(domains),
                                          set(data.dimensions)):
                yield problem(found.key, (*loc, "when"), f"{field}.{found.path}",
                              **found.params)
    for i, org in enumerate(data.organisations):
        if org.id not in reached:
            yield problem("routing.load.unreachable", ("organisations", i, "id"),
                          f"organisations[{org.id}]", id=org.id)


# --- against a question set ----------------------------------------------------------------


def check_against_question_set(data: RoutingData, qset: Any) -> list[Problem]:
    """Where the answers and dimensions the rules read do not exist in `qset` as declared.

    `qset` is a loaded QuestionSet; a problem names the routing answer and what the set has.
    """
    problems: list[Problem] = []
    for answer, spec in data.answers.items():
        question = qset.by_id.get(answer)
        field = f"answers[{answer}]"
        if question is None:
            problems.append(Problem("routing.load.answer_not_in_set", {"question": answer},
                                    field=field))
            continue
        if question.type != spec.type:
            problems.append(Problem("routing.load.answer_type_differs",
                                    {"question": answer, "declared": spec.type,
                                     "actual": question.type}, field=field))
            continue
        missing = [key for key in spec.keys if key not in question.option_keys]
        if missing:
            problems.append(Problem("routing.load.answer_keys_missing",
                                    {"question": answer, "keys": ", ".join(missing)},
                                    field=field))
    for dimension in data.dimensions:
        if dimension not in qset.dimension_by_id:
            problems.append(Problem("routing.load.dimension_not_in_set",
                                    {"dimension": dimension}, field="dimensions"))
    return problems
