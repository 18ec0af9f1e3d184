"""The report as plain text: no escape codes at all and no bars, each score said in words.

What `show --plain`, NO_COLOR, TERM=dumb, a pipe and `show --format terminal -o FILE` give: a
screen reader reads it as it is (a row of block characters would be read out as noise). Every
line is wrapped at spaces to `width` columns (`textwidth.wrap`), the continuation indented
under its text, so that no word is broken and nothing is cut.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import chain

from clustercli.report import parts
from clustercli.report.model import Report
from clustercli.report.sections import END, SHORT, build_sections, compose
from clustercli.textwidth import width as cells
from clustercli.textwidth import wrap

WIDTH = 80  # columns, when the caller does not say (a file, a test)


class _Plain:
    """Each part as lines of plain text; a section opens with a blank line and its heading."""

    def head(self, head: parts.Head) -> list[str]:
        out = [head.title, " · ".join(f"{name}: {value}" for name, value in head.facts)]
        if head.advisor_copy:
            out.append(head.advisor_copy)
        return out + (["", head.unfinished] if head.unfinished else [])

    def level(self, s: parts.LevelSection) -> list[str]:
        out = ["", s.heading]
        if s.line is None:
            out.append(s.empty or "")
        else:
            out.append(f"{s.line}. {s.meaning}")
            if s.capped:
                out += [s.capped, *(f"- {cap.line}" for cap in s.caps)]
        return out + [notice.line for notice in s.notices]

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

    def actions(self, s: parts.ActionsSection) -> list[str]:
        out = ["", s.heading, *([s.empty] if s.empty else [])]
        # the step, then why in the same paragraph: one numbered item each
        return out + [f"{n}. {action.step} {action.why.line}"
                      for n, action in enumerate(s.items, 1)]

    def advice(self, s: parts.AdviceSection) -> list[str]:
        return ["", s.heading, *(f"- {item.line}" for item in s.items)]

    def organisations(self, s: parts.OrganisationsSection) -> list[str]:
        out = ["", s.heading, *([s.empty] if s.empty else [])]
        for group in s.items:
            for org in group.members:
                out += organisation_lines(org)
            if group.shared:
                out.append(f"   {group.shared.line}")
        return out

    def mirror(self, s: parts.MirrorSection) -> list[str]:
        return ["", s.heading, *(f"- {item.line}" for item in s.items)]

    def sources(self, s: parts.SourcesSection) -> list[str]:
        return ["", s.heading, *source_lines(s)]

    def notes(self, s: parts.NotesSection) -> list[str]:
        return ["", s.heading, *(f"- {question} {tail}" for question, tail in s.items)]


def organisation_lines(org: parts.OrganisationItem) -> list[str]:
    """"1. Name: why. https://…" (what it is first, for a cluster), then a caveat, indented."""
    text = " ".join(part for part in (org.about, org.why.line if org.why else None, org.url)
                    if part)
    return [f"{org.rank}. {org.name}: {text}" if text else f"{org.rank}. {org.name}",
            *([f"   {org.caveat}"] if org.caveat else [])]


def render_plain(report: Report, sections: Sequence[str] = SHORT, width: int = WIDTH) -> str:
    """The report as plain text: no escape codes, no bars, every score in words, every line
    at most `width` columns (a word longer than that stands whole on a line of its own)."""
    lines = chain.from_iterable(compose(report, _Plain(), sections))
    return "\n".join(chain.from_iterable(wrap(line, width) for line in lines)) + "\n"


def end_text(report: Report, saved: str, commands: Sequence[tuple[str, str]], width: int,
             height: int) -> str:
    """The end of the self-check in plain text, as `rich_report.end_screen` draws it in rich:
    saved, the level, the scores, the first actions that fit in `height` lines, the commands."""
    level, scores, actions = build_sections(report, END)
    assert isinstance(level, parts.LevelSection) and isinstance(scores, parts.ScoresSection)
    assert isinstance(actions, parts.ActionsSection)
    about = [level.empty or ""] if level.line is None else [f"{level.line}. {level.meaning}"]
    head = [saved, *about, "", scores.heading, *(f"- {row.line}" for row in scores.rows),
            "", actions.heading]
    # a command is never wrapped (it is copied whole): beside its label where both fit, else
    # on a line of its own
    tail = [""]
    for label, command in commands:
        tail += [f"{label} {command}"] if cells(f"{label} {command}") <= width else [
            *wrap(label, width), command]

    def lines(texts: Sequence[str]) -> list[str]:
        return list(chain.from_iterable(wrap(text, width) for text in texts))

    steps = [f"{n}. {action.step}" for n, action in enumerate(actions.items, 1)]
    room = height - 1 - len(lines(head)) - len(tail)  # a line for the prompt after
    shown = most_that_fit(len(steps), lambda n: len(lines(steps[:n])), room)
    return "\n".join([*lines([*head, *steps[:shown]]), *tail]) + "\n"


def most_that_fit(count: int, height: Callable[[int], int], room: int) -> int:
    """How many of `count` items (the first, at least) fit in `room` lines, `height(n)` being
    the lines the first n take."""
    shown = min(count, 1)
    while shown < count and height(shown + 1) <= room:
        shown += 1
    return shown


def source_lines(s: parts.SourcesSection) -> list[str]:
    return [s.study, *(f"- {label}: {line}" for label, line in s.items),
            f"{s.unmarked} {s.organisation_facts} {s.disclaimer}"]
