"""The report as plain text: no escape codes at all and no bars, each score said in words.

What `show --plain`, NO_COLOR, TERM=dumb, a pipe and `show --format terminal -o FILE` give: a
screen reader reads it as it is (a row of block characters would be read out as noise).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain

from clustercli.report import parts
from clustercli.report.model import Report
from clustercli.report.sections import SECTIONS, compose


class _Plain:
    """Each part as lines of plain text; a section opens with a blank line and its heading."""

    def head(self, head: parts.Head) -> list[str]:
        out = [head.title, "", *(f"{name}: {value}" for name, value in head.facts)]
        if head.advisor_copy:
            out.append(head.advisor_copy)
        return out + (["", head.unfinished] if head.unfinished else [])

    def level(self, s: parts.LevelSection) -> list[str]:
        if s.line is None:
            return ["", s.heading, s.empty or ""]
        out = ["", s.heading, s.line, s.meaning]
        if s.capped:
            out += [s.capped, *(f"- {cap.line}" for cap in s.caps)]
        return out

    def scores(self, s: parts.ScoresSection) -> list[str]:
        out = ["", s.heading, *(f"- {row.line}" for row in s.rows)]
        if s.since:
            out += ["", s.since.heading, *(f"- {line}" for line in s.since.lines)]
        return out

    def points(self, s: parts.PointsSection) -> list[str]:
        out = ["", s.heading, *([s.empty] if s.empty else [])]
        for point in s.items:
            out.append(f"- {point.line}")
            if point.description:
                out.append(f"  {point.description}")
            if point.costs_most:
                out += [f"  {point.costs_most}", *(f"  - {line}" for line in point.weakest)]
            if point.lift_head:
                out += [f"  {point.lift_head}", *(f"  - {line}" for line in point.lift)]
        return out

    def advice(self, s: parts.AdviceSection) -> list[str]:
        return ["", s.heading, *(f"- {item.line}" for item in s.items),
                *([s.empty] if s.empty else [])]

    def organisations(self, s: parts.OrganisationsSection) -> list[str]:
        out = ["", s.heading]
        for group in s.items:
            if group.shared:
                out.append(group.shared)
            for org in group.members:
                out += [org.name, *(f"  {line}" for _, line in org.lines)]
        return out + ([s.empty] if s.empty else [])

    def next_steps(self, s: parts.StepsSection) -> list[str]:
        return ["", s.heading, *(f"{n}. {step}" for n, step in enumerate(s.items, 1)),
                *([s.empty] if s.empty else [])]

    def mirror(self, s: parts.MirrorSection) -> list[str]:
        return ["", s.heading, *(f"- {item.text}" for item in s.items),
                *([s.empty] if s.empty else [])]

    def sources(self, s: parts.SourcesSection) -> list[str]:
        return ["", s.heading, *source_lines(s)]

    def about(self, s: parts.AboutSection) -> list[str]:
        return ["", s.heading, s.text]

    def notes(self, s: parts.NotesSection) -> list[str]:
        return ["", s.heading, *(f"- {question} {tail}" for question, tail in s.items)]


def render_plain(report: Report, sections: Sequence[str] = SECTIONS) -> str:
    """The report as plain text: no escape codes, no bars, every score in words."""
    return "\n".join(chain.from_iterable(compose(report, _Plain(), sections))) + "\n"


def source_lines(s: parts.SourcesSection) -> list[str]:
    return [s.study, s.cited, *(f"- {label}: {line}" for label, line in s.items),
            s.organisation_facts]
