"""The report as one self-contained HTML page, to print (A4) or to send.

Everything is inline: the CSS, and the chart as SVG (chart.py). No script, no external style
sheet, font or image, so the page looks the same offline and years from now. The only web
addresses in it are the organisations' own websites, as plain links whose visible text is the
address itself, so that it still reads on paper (docs/report-json.md, "HTML"). Every text is
escaped: a client called "Bakkerij Zoë & Café <Noord>" stays text.

The print CSS keeps the shipped question set's report, without notes, within three A4 pages:
small but readable type, and no entry split over two pages.
"""

from __future__ import annotations

from html import escape

from clustercli.render.chart import svg_chart
from clustercli.report import text
from clustercli.report.model import Organisation, Point, Report

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


def render_html(report: Report) -> str:
    out = ["<!DOCTYPE html>", f'<html lang="{e(report.lang)}">', "<head>",
           '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{e(_page_title(report))}</title>", f"<style>{CSS}</style>", "</head>",
           "<body>", "<header>", f"<h1>{e(text.title(report))}</h1>", '<dl class="facts">']
    out += [f"<dt>{e(name)}</dt><dd>{e(value)}</dd>" for name, value in text.facts(report)]
    out.append("</dl>")
    if report.with_notes:
        out.append(f'<p class="meta"><em>{e(text.label(report, "advisor_copy"))}</em></p>')
    out.append("</header>")
    if report.unfinished:
        out.append(f'<p class="notice" id="unfinished">{e(report.unfinished)}</p>')
    out += _level(report) + _scores(report) + _since(report) + _points(report) + _advice(report)
    out += _organisations(report) + _steps(report) + _mirror(report) + _sources(report)
    out += [_open(report, "about"), f"<p>{e(report.disclaimer)}</p>", "</section>"]
    if report.notes is not None:
        out += [_open(report, "notes"), "<ul>"]
        out += [f"<li><strong>{e(n.question_text)}</strong> {e(text.note_tail(report, n))}</li>"
                for n in report.notes]
        out += ["</ul>", "</section>"]
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def _page_title(report: Report) -> str:
    client = report.meta.client
    return f"{text.title(report)} – {client}" if client else text.title(report)


def _open(report: Report, name: str) -> str:
    return f'<section id="{name}"><h2>{e(text.heading(report, name))}</h2>'


def _items(lines: list[str], tag: str = "ul", css: str = "") -> list[str]:
    attr = f' class="{css}"' if css else ""
    return [f"<{tag}{attr}>", *(f"<li>{line}</li>" for line in lines), f"</{tag}>"]


def _with_source(report: Report, body: str, sources: tuple[str, ...]) -> str:
    cite = text.label(report, "source", sources=report.cite(sources))
    return f'{e(body)} <span class="src">({e(cite)})</span>'


def _level(report: Report) -> list[str]:
    out = [_open(report, "level")]
    level = report.level
    if level is None:
        return [*out, f"<p>{e(text.no_level(report))}</p>", "</section>"]
    css = "level capped" if level.capped else "level"
    out += [f'<div class="{css}" data-level="{e(level.id)}">',
            f'<p class="name">{e(text.level_line(report, level))}</p>',
            f"<p>{e(level.meaning)}</p>"]
    if level.capped:
        out.append(f"<p>{e(text.label(report, 'capped', reached=level.reached_title))}</p>")
        out += _items([_with_source(report, c.reason, c.source) for c in level.caps])
    return [*out, "</div>", "</section>"]


def _scores(report: Report) -> list[str]:
    return [_open(report, "scores"), svg_chart(report), "</section>"]


def _point(report: Report, point: Point) -> list[str]:
    out = ['<div class="point">',
           f'<h3 class="band-{e(point.band)}">{e(text.point_line(report, point))}</h3>']
    if point.description:
        out.append(f"<p>{e(point.description)}</p>")
    if point.weakest:
        out.append(f"<p>{e(text.label(report, 'costs_most'))}</p>")
        out += _items([e(line) for line in point.weakest])
    if point.lift:
        out.append(f"<p>{e(point.lift[0])}</p>")
        out += _items([e(line) for line in point.lift[1:]])
    return [*out, "</div>"]


def _points(report: Report) -> list[str]:
    out: list[str] = []
    for name, points, empty in (("strongest", report.strongest, "none_strong"),
                                ("weakest", report.weakest, "none_weak"),
                                ("unscored", report.unscored, None)):
        if not points and empty is None:
            continue
        out.append(_open(report, name))
        if not points:
            out.append(f"<p>{e(text.label(report, empty))}</p>")
        out.append('<div class="cols">')
        for point in points:
            out += _point(report, point)
        out += ["</div>", "</section>"]
    return out


def _advice(report: Report) -> list[str]:
    out = [_open(report, "advice")]
    if not report.advice:
        return [*out, f"<p>{e(text.label(report, 'no_advice'))}</p>", "</section>"]
    lines = [_with_source(report, a.text, a.source) for a in report.advice]
    return [*out, '<div class="cols">', *_items(lines, css="advice"), "</div>", "</section>"]


def _organisations(report: Report) -> list[str]:
    out = [_open(report, "organisations")]
    if not report.organisations:
        return [*out, f"<p>{e(text.label(report, 'no_organisations'))}</p>", "</section>"]
    out.append('<div class="orgs cols">')
    for why, members in text.organisation_groups(report):
        if why is not None:
            out.append(f'<p class="why-all">{e(text.shared_why(report, why, len(members)))}</p>')
        for org in members:
            out += _organisation(report, org, shared=why is not None)
    return [*out, "</div>", "</section>"]


def _organisation(report: Report, org: Organisation, *, shared: bool) -> list[str]:
    out = [f'<div class="org" data-kind="{e(org.kind)}">',
           f"<h3>{e(text.organisation_name(org))}</h3>"]
    for kind, line in text.organisation_lines(report, org, shared):
        if kind == "website":  # the address as the link's own text: readable on paper
            body = f'{e(line.removesuffix(org.url))}<a href="{e(org.url)}">{e(org.url)}</a>'
        else:
            body = e(line)
        css = ' class="meta"' if kind == "meta" else ""
        out.append(f"<p{css}>{body}</p>")
    return [*out, "</div>"]


def _steps(report: Report) -> list[str]:
    out = [_open(report, "next_steps")]
    if not report.next_steps:
        return [*out, f"<p>{e(text.label(report, 'no_steps'))}</p>", "</section>"]
    return [*out, *_items([e(s.text) for s in report.next_steps], "ol"), "</section>"]


def _since(report: Report) -> list[str]:
    if not report.since:
        return []
    return ['<section id="since">', f"<h2>{e(report.since[0])}</h2>",
            *_items([e(line) for line in report.since[1:]]), "</section>"]


def _mirror(report: Report) -> list[str]:
    out = [_open(report, "mirror")]
    if not report.mirror:
        return [*out, f"<p>{e(text.label(report, 'no_mirror'))}</p>", "</section>"]
    lines = [f'{e(m.figure)} <strong>{e(m.position)}</strong> <span class="src">'
             f"{e(m.source_note)}</span>" for m in report.mirror]
    return [*out, '<div class="cols">', *_items(lines, css="mirror"), "</div>", "</section>"]


def _sources(report: Report) -> list[str]:
    lines = [f"<strong>{e(s.label)}</strong> – {e(s.text)}" for s in report.sources]
    return [_open(report, "sources"),
            f"<p>{e(text.label(report, 'study', study=report.study))}</p>",
            f"<p>{e(text.label(report, 'cited'))}</p>", '<div class="cols">',
            *_items(lines, css="sources"), "</div>",
            f"<p>{e(report.organisation_facts)}</p>", "</section>"]
