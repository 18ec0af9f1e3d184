"""Three views of a question set: the JSON contract, a printable listing, the trace table.

Pure text in, text out; the CLI only prints what these return.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from clustercli import conditions
from clustercli.i18n import pick, t
from clustercli.questionset.model import OTHER_BASES, STUDY_FINDINGS, Question, QuestionSet
from clustercli.questionset.types import as_written


def to_json_data(qset: QuestionSet) -> dict[str, Any]:
    """The documented JSON form (`questions show --format json`), stable for other tools."""
    return {
        "id": qset.id,
        "version": qset.version,
        "languages": list(qset.languages),
        "title": dict(qset.title),
        "dimensions": [{"id": d.id, "title": dict(d.title), "source": list(d.source)}
                       for d in qset.dimensions],
        "questions": [_question_data(q) for q in qset.questions],
    }


def _question_data(q: Question) -> dict[str, Any]:
    data: dict[str, Any] = {"id": q.id, "type": q.type, "text": dict(q.text)}
    if q.help:
        data["help"] = dict(q.help)
    data.update(q.kind.data(q))
    data.update({
        "allow_unknown": q.allow_unknown,
        "required": q.required,
        "default": q.default,
        "when": conditions.to_data(q.when) if q.when is not None else None,
        "dimension": q.dimension,
        "weight": as_written(q.weight),
        "reverse": q.reverse,
        "source": list(q.source),
    })
    return data


def to_text(qset: QuestionSet, lang: str) -> str:
    """A listing an advisor can read or print: every question with its answers."""
    out = [pick(qset.title, lang), f"{qset.id} {qset.version}", ""]
    dims = {d.id: pick(d.title, lang) for d in qset.dimensions}
    for number, q in enumerate(qset.questions, 1):
        out.append(f"{number}. {pick(q.text, lang)}")
        out.append("   " + t("questions.show.meta", lang, id=q.id, type=q.type,
                               source=", ".join(q.source)))
        if q.dimension:
            out.append("   " + t("questions.show.dimension", lang, dimension=dims.get(
                q.dimension, q.dimension), weight=as_written(q.weight),
                reverse=t("questions.show.reversed", lang) if q.reverse else ""))
        if q.when is not None:
            out.append("   " + t("questions.show.when", lang,
                                   condition=describe_condition(q.when)))
        out += q.kind.listing(q, lang)
        if q.allow_unknown:
            out.append("   - " + t("questions.show.unknown", lang))
        if q.help:
            out.append("   " + t("questions.show.help", lang, help=pick(q.help, lang)))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def describe_condition(cond: conditions.Condition) -> str:
    """A compact, readable form of a condition, e.g. `cooperates = true and motives ∋ x`."""
    match cond:
        case conditions.All(items):
            return " and ".join(_wrap(c) for c in items)
        case conditions.AnyOf(items):
            return " or ".join(_wrap(c) for c in items)
        case conditions.Not(item):
            return f"not {_wrap(item)}"
        case conditions.Answered(question):
            return f"{question} answered"
        case conditions.QuestionTerm(question, op, value):
            symbol = {"equals": "=", "in": "in", "includes": "includes", "at_least": "≥",
                      "at_most": "≤"}[op]
            shown = ("[" + ", ".join(map(conditions.show_value, value)) + "]" if op == "in"
                     else conditions.show_value(value))
            return f"{question} {symbol} {shown}"
        case conditions.DimensionTerm(dimension, op, value):
            symbol = {"band": "band =", "at_least": "≥", "at_most": "≤"}[op]
            return f"{dimension} {symbol} {value}"
        case conditions.BandCount(band, op, value):
            symbol = {"at_least": "≥", "at_most": "≤"}[op]
            return f"#{band} {symbol} {value}"
    raise TypeError(cond)


def _wrap(cond: conditions.Condition) -> str:
    text = describe_condition(cond)
    return f"({text})" if isinstance(cond, conditions.All | conditions.AnyOf) else text


@dataclass(frozen=True)
class Cited:
    """Something that names its basis: a question, a dimension, later an advice rule."""

    kind: str  # "question", "dimension", "advice", ...
    id: str
    source: tuple[str, ...]


def cited_items(qset: QuestionSet) -> list[Cited]:
    """Dimensions and questions, then the rules of the set: levels, caps, advice."""
    items = [Cited("dimension", d.id, tuple(d.source)) for d in qset.dimensions]
    items += [Cited("question", q.id, tuple(q.source)) for q in qset.questions]
    if qset.rules is not None:
        items += [Cited("level", level.id, tuple(level.source)) for level in qset.rules.levels]
        items += [Cited("cap", cap.id, tuple(cap.source)) for cap in qset.rules.caps]
        items += [Cited("advice", rule.id, tuple(rule.source)) for rule in qset.rules.advice]
    return items


def trace_markdown(qset: QuestionSet, lang: str, extra: Iterable[Cited] = ()) -> str:
    """Each finding F1-F12 with what cites it, then what rests on another basis."""
    items = cited_items(qset) + list(extra)
    out = [f"# {t('questions.trace.title', lang, id=qset.id, version=qset.version)}", "",
           t("questions.trace.intro", lang), "",
           f"| {t('questions.trace.finding', lang)} | {t('questions.trace.cited_by', lang)} |",
           "|---|---|"]
    for finding in STUDY_FINDINGS:
        citing = [_item(i, lang) for i in items if finding in i.source]
        out.append(f"| {finding} | {', '.join(citing) or t('questions.trace.none', lang)} |")
    out += ["", f"## {t('questions.trace.other_bases', lang)}", "",
            f"| {t('questions.trace.basis', lang)} | {t('questions.trace.items', lang)} |",
            "|---|---|"]
    for basis in OTHER_BASES:
        resting = [_item(i, lang) for i in items
                   if basis in i.source and not set(i.source) & set(STUDY_FINDINGS)]
        out.append(f"| {basis} | {', '.join(resting) or t('questions.trace.none', lang)} |")
    uncited = [f for f in STUDY_FINDINGS if not any(f in i.source for i in items)]
    out += ["", t("questions.trace.uncited", lang,
                  findings=", ".join(uncited) or t("questions.trace.none", lang)), ""]
    return "\n".join(out)


def _item(item: Cited, lang: str) -> str:
    return f"{t('questions.trace.kind_' + item.kind, lang)} `{item.id}`"
