"""The data behind "whom to approach": organisations, clusters and the rules that route to them.

The data lives in `questions/organisations.yaml` (shipped in the wheel), so that an advisor can
correct or extend it without touching code. Loading goes file -> YAML -> shape (pydantic) ->
meaning (the checks below) -> RoutingData; whatever is wrong comes back as one InputProblems
listing every problem, each located by file, line and entry (`organisations[kvk].website`).
Nothing else escapes from `load`.

What the checks guarantee, so that routing can rely on it:
- every text exists in Dutch and English, and a reason's {placeholders} name declared answers;
- every entry has a `verified` date (YYYY-MM or YYYY-MM-DD) and a confidence; an M entry has a
  caveat;
- a website only where its domain is in `websites_seen` (the list organisations.md gives);
- every rule's `when` is a valid condition over the declared answers and dimensions, and names
  only values those answers can take; every rule names existing entries and a known reason;
- every entry is reached by at least one rule.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from clustercli import conditions
from clustercli.conditions import ConditionError, Domain
from clustercli.errors import InputProblems, Problem
from clustercli.i18n import LANGUAGES, catalogue
from clustercli.questionset.model import KNOWN_SOURCES, SLUG_PATTERN, ParsedCondition
from clustercli.yamlfile import YamlError, line_of, load_file

DATA_FILE = "organisations.yaml"

# What a recommendation can be; the order is only for listing them.
KINDS = ("chamber", "branch_association", "rom", "cluster", "government_programme",
         "knowledge_institution", "topsector", "regional_board", "employers_association",
         "een")
CONFIDENCES = ("H", "M")
FACT_FILES = ("organisations.md", "regional-clusters.md")
ANSWER_TYPES = ("choice", "multi", "yesno")
_VERIFIED = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?$")

Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=64)]
Name = Annotated[str, Field(min_length=1, max_length=120)]
LocalText = dict[str, str]
Kind = Literal["chamber", "branch_association", "rom", "cluster", "government_programme",
               "knowledge_institution", "topsector", "regional_board", "employers_association",
               "een"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class AnswerSpec(_Model):
    """An answer the rules read, as the question set defines it."""

    type: Literal["choice", "multi", "yesno"]
    keys: list[Slug] = Field(default_factory=list)

    def domain(self) -> Domain:
        return Domain(self.type, tuple(self.keys))


class Organisation(_Model):
    """One organisation, cluster, campus, network or programme, exactly as the facts name it."""

    id: Slug
    name: Name
    aka: list[Name] = Field(default_factory=list)  # former, full or related names, shown too
    via: Name | None = None  # the body that runs a programme (e.g. RVO)
    kind: Kind
    facts: Literal["organisations.md", "regional-clusters.md"]
    confidence: Literal["H", "M"]
    verified: str
    website: str | None = None  # a bare domain from `websites_seen`
    about: LocalText
    caveat: LocalText | None = None

    @property
    def url(self) -> str | None:
        return f"https://{self.website}" if self.website else None


class Rule(_Model):
    """A condition -> the entries it recommends, with the reason why."""

    id: Slug
    when: ParsedCondition = None  # absent: always
    unless_kind: Kind | None = None  # only if no rule above recommended an entry of this kind
    recommend: list[Slug] = Field(default_factory=list)
    to_kind: Kind | None = None  # instead of `recommend`: the entries of this kind above
    why: Slug  # a key of `reasons`
    source: list[str]


class RoutingData(_Model):
    id: Slug
    version: Annotated[str, Field(min_length=1, max_length=40)]
    gathered: str
    websites_seen: list[str]
    answers: dict[str, AnswerSpec]
    dimensions: list[Slug]
    reasons: dict[str, LocalText]
    organisations: list[Organisation] = Field(min_length=1)
    rules: list[Rule] = Field(min_length=1)

    def organisation(self, org_id: str) -> Organisation:
        return next(o for o in self.organisations if o.id == org_id)


# --- loading -------------------------------------------------------------------------------


def default_path() -> Path:
    from clustercli.paths import questions_dir

    return questions_dir() / DATA_FILE


@cache
def _load_cached(path: Path, mtime_ns: int) -> RoutingData:
    return load(path)


def shipped() -> RoutingData:
    """The data that comes with clustercli (read once per change of the file)."""
    path = default_path()
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = -1
    return _load_cached(path, mtime)


def load(path: Path) -> RoutingData:
    """The routing data in `path`, checked; or InputProblems."""
    try:
        raw = load_file(path)
    except YamlError as exc:
        problem = Problem(exc.key, exc.params, file=exc.file, line=exc.line, column=exc.column)
        raise InputProblems("routing.load.invalid", [problem], file=exc.file, count=1) from None
    return from_data(raw, str(path))


def from_data(raw: Any, file: str) -> RoutingData:
    """Check already-parsed data."""
    if raw is None:
        raise _single("routing.load.empty", file, None)
    if not isinstance(raw, dict):
        raise _single("routing.load.not_mapping", file, getattr(raw, "line", 1),
                      found="list" if isinstance(raw, list) else type(raw).__name__)
    try:
        data = RoutingData.model_validate(raw)
    except ValidationError as exc:
        problems = [_from_pydantic(error, raw, file) for error in exc.errors()]
        raise InputProblems("routing.load.invalid", problems, file=file,
                            count=len(problems)) from None
    problems = sorted(check_data(data, raw), key=lambda p: p.line or 0)
    if problems:
        for problem in problems:
            problem.file = file
        raise InputProblems("routing.load.invalid", problems, file=file, count=len(problems))
    return data


def _single(key: str, file: str, line: int | None, **params: Any) -> InputProblems:
    return InputProblems("routing.load.invalid", [Problem(key, params, file=file, line=line)],
                         file=file, count=1)


_PYDANTIC_KEYS = {
    "missing": "schema.missing",
    "extra_forbidden": "schema.unknown_field",
    "string_pattern_mismatch": "schema.not_slug",
    "literal_error": "schema.not_allowed",
    "too_short": "schema.too_short",
    "string_too_short": "schema.too_short",
    "too_long": "schema.too_long",
    "string_too_long": "schema.too_long",
}
_TYPE_NAMES = {
    "string_type": "text", "list_type": "list", "dict_type": "mapping",
    "model_type": "mapping", "model_attributes_type": "mapping", "bool_type": "true/false",
}


def _from_pydantic(error: dict[str, Any], raw: dict, file: str) -> Problem:
    loc = tuple(error["loc"])
    field = _field_name(loc, raw)
    kind = error["type"]
    ctx = error.get("ctx") or {}
    params: dict[str, Any] = {"detail": error["msg"]}
    if kind == "value_error" and isinstance(ctx.get("error"), ConditionError):
        cond_error = ctx["error"]
        key = cond_error.key
        params = dict(cond_error.params)
        field = f"{field}{cond_error.path[len('when'):]}"
    elif kind in _TYPE_NAMES:
        key = "schema.wrong_type"
        params["expected"] = _TYPE_NAMES[kind]
        params["value"] = _short(error.get("input"))
    else:
        key = _PYDANTIC_KEYS.get(kind, "schema.invalid")
        params.update({k: v if k == "expected" else _short(v) for k, v in ctx.items()})
        params["value"] = _short(error.get("input"))
    return Problem(key, params, file=file, line=line_of(raw, loc), field=field)


def _field_name(loc: tuple[Any, ...], raw: Any) -> str:
    """`organisations[kvk].website` for ("organisations", 0, "website"): entries by their id."""
    name = ""
    node = raw
    for part in loc:
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and part < len(node) else None
            label = item.get("id") if isinstance(item, dict) else None
            name += f"[{label}]" if isinstance(label, str) and label else f"[#{part + 1}]"
            node = item
        else:
            name += f".{part}" if name else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return name


def _short(value: Any) -> Any:
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= 60 else text[:57] + "..."


# --- meaning -------------------------------------------------------------------------------


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
