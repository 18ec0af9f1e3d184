"""The report as one self-contained HTML page, to print (A4) or to send.

Everything is inline: the CSS, and the chart as SVG (chart.py). No script, no external style
sheet, font or image, so the page looks the same offline and years from now. The only web
addresses in it are the organisations' own websites, as plain links whose visible text is the
address itself, so that it still reads on paper (docs/report-json.md, "HTML"). Every text is
escaped: a client called "Bakkerij Zoë & Café <Noord>" stays text.

The page has the whole report with the long explanation per area (`SECTIONS`). The print CSS
keeps the shipped question set's report, without notes, within two A4 pages: small but
readable type, two columns where lists are long, and no entry split over two pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from itertools import chain

from clustercli.render.chart import svg_chart
from clustercli.report import parts
from clustercli.report.model import Report
from clustercli.report.sections import SECTIONS, compose

CSS = """
:root { --ink: #1d1d1d; --soft: #555; --line: #d0d0d0; }
* { box-sizing: border-box; }
body { font-family: Arial, Helvetica, "Liberation Sans", "DejaVu Sans", sans-serif;
  color: var(--ink); max-width: 52rem; margin: 1.5rem auto; padding: 0 1rem;
  font-size: 11pt; line-height: 1.4; }
h1 { font-size: 1.45em; margin: 0 0 .3em; }
h2 { font-size: 1.12em; margin: 1.1em 0 .35em; padding-bottom: .1em;
  border-bottom: 1px solid var(--line); break-after: avoid; }
h3 { font-size: 1em; margin: .6em 0 .15em; break-after: avoid; }
p, ul, ol { margin: .25em 0; }
ul, ol { padding-left: 1.3em; }
li { margin: .1em 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0 .8em; margin: 0; }
dl.facts dt { color: var(--soft); }
dl.facts dd { margin: 0; }
.notice { border: 2px solid #d89b00; padding: .4em .6em; font-weight: bold; }
.level { border-left: 6px solid #2e7d32; padding: .3em .7em; background: #f3f7f3; }
.level.capped { border-left-color: #d89b00; background: #fbf7ec; }
.level .name { font-size: 1.15em; font-weight: bold; }
.src, .meta { color: var(--soft); font-size: .9em; }
.band-sterk { color: #2e7d32; } .band-aandachtspunt { color: #8a6300; }
.band-knelpunt { color: #c62828; } .band-insufficient { color: var(--soft); }
.org { break-inside: avoid; margin: 0 0 .45em; }
.org p { margin: .05em 0; }
.why-all { font-style: italic; margin: .4em 0 .1em; }
li { break-inside: avoid; }
svg.chart { max-width: 100%; height: auto; font-size: 12px; }
svg.chart text { fill: var(--ink); }
svg.chart .tick, svg.chart .none { fill: var(--soft); font-size: 11px; }
.sources li, .mirror li { font-size: .92em; }
a { color: #0b4f8a; }
@page { size: A4; margin: 11mm 12mm; }
@media print {
  body { font-size: 7.8pt; line-height: 1.22; margin: 0; padding: 0; max-width: none; }
  dl.facts { grid-template-columns: max-content 1fr max-content 1fr; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  h2 { margin: .7em 0 .25em; }
  h3 { margin: .4em 0 .1em; }
  p, ul, ol { margin: .15em 0; }
  li { margin: 0 0 .05em; }
  .cols { column-count: 2; column-gap: 1.4em; }
  .cols > :first-child { margin-top: 0; }
}
"""


def e(value: object) -> str:
    return escape(str(value), quote=True)


class _Html:
    """Each part as lines of HTML; a section is a <section> with its id and an <h2>."""

    def head(self, head: parts.Head) -> list[str]:
        out = ["<!DOCTYPE html>", f'<html lang="{e(head.lang)}">', "<head>",
               '<meta charset="utf-8">',
               '<meta name="viewport" content="width=device-width, initial-scale=1">',
               f"<title>{e(head.page_title)}</title>", f"<style>{CSS}</style>", "</head>",
               "<body>", "<header>", f"<h1>{e(head.title)}</h1>", '<dl class="facts">',
               *(f"<dt>{e(name)}</dt><dd>{e(value)}</dd>" for name, value in head.facts),
               "</dl>"]
        if head.advisor_copy:
            out.append(f'<p class="meta"><em>{e(head.advisor_copy)}</em></p>')
        out.append("</header>")
        if head.unfinished:
            out.append(f'<p class="notice" id="unfinished">{e(head.unfinished)}</p>')
        return out

    def level(self, s: parts.LevelSection) -> list[str]:
        if s.line is None:
            return [_open(s), f"<p>{e(s.empty)}</p>", *_notices(s), "</section>"]
        css = "level capped" if s.capped else "level"
        out = [_open(s), f'<div class="{css}" data-level="{e(s.level_id)}">',
               f'<p class="name">{e(s.line)}</p>', f"<p>{e(s.meaning)}</p>"]
        if s.capped:
            out += [f"<p>{e(s.capped)}</p>", *_items([_with_source(cap) for cap in s.caps])]
        return [*out, "</div>", *_notices(s), "</section>"]

    def scores(self, s: parts.ScoresSection) -> list[str]:
        out = [_open(s), svg_chart(s), "</section>"]
        if s.since:
            out += ['<section id="since">', f"<h2>{e(s.since.heading)}</h2>",
                    *_items([e(line) for line in s.since.lines]), "</section>"]
        return out

    def points(self, s: parts.PointsSection) -> list[str]:
        out = [_open(s), *([f"<p>{e(s.empty)}</p>"] if s.empty else []), '<div class="cols">']
        for point in s.items:
            out += ['<div class="point">',
                    f'<h3 class="band-{e(point.band)}">{e(point.line)}</h3>']
            if point.description:
                out.append(f"<p>{e(point.description)}</p>")
            if point.costs_most:
                out += [f"<p>{e(point.costs_most)}</p>", *_items([e(w) for w in point.weakest])]
            if point.lift_head:
                out += [f"<p>{e(point.lift_head)}</p>", *_items([e(line) for line in point.lift])]
            out.append("</div>")
        return [*out, "</div>", "</section>"]

    def actions(self, s: parts.ActionsSection) -> list[str]:
        if s.empty:
            return [_open(s), f"<p>{e(s.empty)}</p>", "</section>"]
        lines = [f"<strong>{e(a.step)}</strong><br>{_with_source(a.why)}" for a in s.items]
        return [_open(s), '<div class="cols">', *_items(lines, "ol", css="actions"), "</div>",
                "</section>"]

    def advice(self, s: parts.AdviceSection) -> list[str]:
        return [_open(s), '<div class="cols">',
                *_items([_with_source(item) for item in s.items], css="advice"), "</div>",
                "</section>"]

    def organisations(self, s: parts.OrganisationsSection) -> list[str]:
        if s.empty:
            return [_open(s), f"<p>{e(s.empty)}</p>", "</section>"]
        out = [_open(s), '<div class="orgs cols">']
        for group in s.items:
            for org in group.members:
                out += _organisation(org)
            if group.shared:
                out.append(f'<p class="why-all">{_with_source(group.shared)}</p>')
        return [*out, "</div>", "</section>"]

    def mirror(self, s: parts.MirrorSection) -> list[str]:
        lines = [f'{e(m.figure)} <strong>{e(m.position)}</strong> <span class="src">'
                 f"({e(m.cite)})</span>" for m in s.items]
        return [_open(s), '<div class="cols">', *_items(lines, css="mirror"), "</div>",
                "</section>"]

    def sources(self, s: parts.SourcesSection) -> list[str]:
        lines = [f"<strong>{e(label)}</strong> – {e(line)}" for label, line in s.items]
        return [_open(s), f"<p>{e(s.study)}</p>", '<div class="cols">',
                *_items(lines, css="sources"), "</div>",
                f"<p>{e(s.unmarked)} {e(s.organisation_facts)}</p>",
                f'<p class="src">{e(s.disclaimer)}</p>', "</section>"]

    def notes(self, s: parts.NotesSection) -> list[str]:
        return [_open(s), "<ul>",
                *(f"<li><strong>{e(question)}</strong> {e(tail)}</li>"
                  for question, tail in s.items), "</ul>", "</section>"]


def render_html(report: Report, sections: Sequence[str] = SECTIONS) -> str:
    parts = compose(report, _Html(), sections)
    return "\n".join([*chain.from_iterable(parts), "</body>", "</html>"]) + "\n"


def _open(s: parts.Section) -> str:
    return f'<section id="{s.name}"><h2>{e(s.heading)}</h2>'


def _items(lines: list[str], tag: str = "ul", css: str = "") -> list[str]:
    attr = f' class="{css}"' if css else ""
    return [f"<{tag}{attr}>", *(f"<li>{line}</li>" for line in lines), f"</{tag}>"]


def _with_source(item: parts.Sourced) -> str:
    if not item.cite:  # the self-check's own: the sources say so once
        return e(item.text)
    return f'{e(item.text)} <span class="src">({e(item.cite)})</span>'


def _organisation(org: parts.OrganisationItem) -> list[str]:
    """Its rank and name, what kind it is and when its facts were checked, then what it is (a
    cluster), why, a caveat; the website as a link whose text is the address: on paper too."""
    meta = " · ".join(part for part in (org.kind_label, org.checked) if part)
    link = f' – <a href="{e(org.url)}">{e(org.url)}</a>' if org.url else ""
    out = [f'<div class="org" data-kind="{e(org.kind)}">',
           f"<h3>{org.rank}. {e(org.name)}</h3>",
           f'<p class="meta">{e(meta[:1].upper() + meta[1:])}{link}</p>']
    out += [f"<p>{body}</p>" for body in (e(org.about) if org.about else None,
                                          _with_source(org.why) if org.why else None,
                                          e(org.caveat) if org.caveat else None) if body]
    return [*out, "</div>"]


def _notices(s: parts.LevelSection) -> list[str]:
    return [f'<p class="notice">{_with_source(notice)}</p>' for notice in s.notices]
