"""The report as Markdown: the same content as every other rendering, for mail or a wiki.

Every text from the report is escaped (`md`), so a client called "Zoë & Café <Noord>" or an
answer with `*` or `|` cannot turn into markup or break the scores table. The short report
(`SHORT`) unless asked for the details (`SECTIONS`, `show --format md --details`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import chain

from clustercli.formatting import md
from clustercli.report import parts
from clustercli.report.model import Report
from clustercli.report.sections import SHORT, compose

_BLANKS = re.compile(r"\n{3,}")  # sections join with blank lines; one is enough


class _Markdown:
    """Each part as Markdown lines; a section is a level-2 heading with its body."""

    def head(self, head: parts.Head) -> list[str]:
        out = [f"# {md(head.title)}", ""]
        out += [f"- **{md(name)}:** {md(value)}" for name, value in head.facts]
        if head.advisor_copy:
            out += ["", f"_{md(head.advisor_copy)}_"]
        return out + (["", f"> **{md(head.unfinished)}**"] if head.unfinished else [])

    def level(self, s: parts.LevelSection) -> list[str]:
        out = _section(s.heading)
        if s.line is None:
            out.append(md(s.empty or ""))
        else:
            out += [f"**{md(s.line)}**", "", md(s.meaning)]
            if s.capped:
                out += ["", md(s.capped), "", *(f"- {md(cap.line)}" for cap in s.caps)]
        return out + [line for notice in s.notices for line in ("", f"**{md(notice.line)}**")]

    def scores(self, s: parts.ScoresSection) -> list[str]:
        out = _section(s.heading)
        out += ["| " + " | ".join(md(column) for column in s.columns) + " |", "|---|---:|---|"]
        for row in s.rows:
            shown = "–" if row.dimension.shown is None else str(row.dimension.shown)
            out.append(f"| {md(row.dimension.title)} | {shown} | {md(row.band_text)} |")
        if s.since:
            out += [*_section(s.since.heading), *(f"- {md(line)}" for line in s.since.lines)]
        return out

    def points(self, s: parts.PointsSection) -> list[str]:
        out = _section(s.heading) + ([md(s.empty)] if s.empty else [])
        for point in s.items:
            out += ["", f"### {md(point.line)}"]
            if point.description:
                out += ["", md(point.description)]
            if point.costs_most:
                out += ["", md(point.costs_most), "", *(f"- {md(line)}" for line in point.weakest)]
            if point.lift_head:
                out += ["", md(point.lift_head), "", *(f"- {md(line)}" for line in point.lift)]
        return out

    def actions(self, s: parts.ActionsSection) -> list[str]:
        return _listed(s.heading, [f"{n}. **{md(a.step)}**  \n   {md(a.why.line)}"
                                   for n, a in enumerate(s.items, 1)], s.empty)

    def advice(self, s: parts.AdviceSection) -> list[str]:
        return _listed(s.heading, [f"- {md(item.line)}" for item in s.items], s.empty)

    def organisations(self, s: parts.OrganisationsSection) -> list[str]:
        out = _section(s.heading) + ([md(s.empty)] if s.empty else [])
        for group in s.items:
            for org in group.members:
                # a link, shown as the address itself
                url = f" – <{org.url}>" if org.url else ""
                lines = [org.about, org.why.line if org.why else None, org.caveat]
                out.append(f"{org.rank}. **{md(org.title)}**{url}" + "".join(
                    f"  \n   {md(line)}" for line in lines if line))
            if group.shared:
                out += ["", f"   {md(group.shared.line)}", ""]
        return out

    def mirror(self, s: parts.MirrorSection) -> list[str]:
        return _listed(s.heading, [f"- {md(item.line)}" for item in s.items], s.empty)

    def sources(self, s: parts.SourcesSection) -> list[str]:
        return [*_section(s.heading), md(s.study), "",
                *(f"- **{md(label)}** – {md(line)}" for label, line in s.items),
                "", f"{md(s.unmarked)} {md(s.organisation_facts)}", "", md(s.disclaimer)]

    def notes(self, s: parts.NotesSection) -> list[str]:
        return [*_section(s.heading),
                *(f"- **{md(question)}** {md(tail)}" for question, tail in s.items)]


def render_markdown(report: Report, sections: Sequence[str] = SHORT) -> str:
    lines = chain.from_iterable(compose(report, _Markdown(), sections))
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip() + "\n"


def _section(heading: str) -> list[str]:
    return ["", f"## {md(heading)}", ""]


def _listed(heading: str, items: list[str], empty: str | None) -> list[str]:
    return [*_section(heading), *items, *([md(empty)] if empty else [])]
