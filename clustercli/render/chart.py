"""The dimension scores as an inline SVG bar chart, for the HTML report.

Plain SVG text, no script and no external reference, so it shows in any browser and prints as
it looks. One horizontal bar per dimension on a 0-100 axis, coloured by band, with dashed lines
where the bands begin (aandachtspunt and sterk). The score and band are written beside each bar,
so the chart still reads in black and white; a dimension without a score gets no bar but the
words "not enough answers". `<title>` and `<desc>` carry the same in words for screen readers.

Nothing is clipped and no two labels touch, in any language: the chart is as wide as its longest
"score · band" label needs (`text_width`, a generous estimate of the text's width), and the two
threshold labels above the bars point away from each other (the lower one ends at its line, the
higher one starts at its line).
"""

from __future__ import annotations

from html import escape

from clustercli.report import parts

WIDTH = 720
LABEL_W = 236  # the dimension titles, right-aligned against the bars
BAR_X = LABEL_W + 8
BAR_W = 340  # 0-100
VALUE_X = BAR_X + BAR_W + 8
ROW_H = 20
TOP = 24  # room for the threshold labels
MAX_TITLE = 38  # characters; a longer title is shortened in the chart (full in its <title>)
FILLS = {"sterk": "#2e7d32", "aandachtspunt": "#d89b00", "knelpunt": "#c62828"}
FONT = 12  # px, the chart's text (svg.chart in the HTML's CSS); ticks are 11
CHAR = 0.6  # a character's width in em: more than Arial, Helvetica or DejaVu Sans average
GAP = 3  # px between a threshold's line and its label


def text_width(text: str, size: float = FONT) -> float:
    """How wide `text` is at most, in px: a generous estimate (no font metrics at hand)."""
    return len(text) * CHAR * size


def _x(score: float) -> float:
    return round(BAR_X + BAR_W * max(0.0, min(100.0, score)) / 100, 1)


def _short(title: str) -> str:
    return title if len(title) <= MAX_TITLE else title[:MAX_TITLE - 1].rstrip() + "…"


def _value(row: parts.ScoreRow) -> str:
    dim = row.dimension
    return f"{dim.shown} · {dim.band_label}" if dim.score is not None else dim.band_label


def svg_chart(scores: parts.ScoresSection) -> str:
    rows = scores.rows
    height = TOP + ROW_H * len(rows) + 22
    width = max(WIDTH, round(VALUE_X + max((text_width(_value(r)) for r in rows), default=0)
                             + 4))
    out = [f'<svg class="chart" role="img" '
           f'viewBox="0 0 {width} {height}" width="100%" aria-labelledby="chart-title '
           f'chart-desc">',
           f'<title id="chart-title">{escape(scores.chart_title)}</title>',
           f'<desc id="chart-desc">{escape(scores.chart_description)}</desc>']
    bottom = TOP + ROW_H * len(rows)
    # the axis: a light frame of the 0-100 area, with 0 and 100 written below it
    out.append(f'<rect x="{BAR_X}" y="{TOP - 4}" width="{BAR_W}" height="{bottom - TOP + 4}" '
               f'fill="#f4f4f4" stroke="#bbb" stroke-width="0.5"/>')
    for value in (0, 100):
        out.append(f'<text x="{_x(value)}" y="{bottom + 14}" class="tick" '
                   f'text-anchor="middle">{value}</text>')
    # the band thresholds, labelled with where each band begins: the lower label ends at its
    # line, the higher starts at its line, so that they never run into each other
    for index, mark in enumerate(scores.marks):
        x = _x(mark.value)
        last = index == len(scores.marks) - 1
        anchor, at = ("start", x + GAP) if last else ("end", x - GAP)
        out.append(f'<line x1="{x}" y1="{TOP - 8}" x2="{x}" y2="{bottom}" '
                   f'class="threshold" stroke="#555" stroke-width="1" '
                   f'stroke-dasharray="4 3" data-band="{mark.band}"/>')
        out.append(f'<text x="{round(at, 1)}" y="{TOP - 11}" class="tick" '
                   f'text-anchor="{anchor}">{escape(mark.label)}</text>')
    for index, row in enumerate(rows):
        dim = row.dimension
        y = TOP + ROW_H * index
        middle = y + ROW_H / 2 + 4
        out.append(f'<g class="dimension" data-dimension="{escape(dim.id)}" '
                   f'data-band="{escape(dim.band)}">')
        out.append(f'<title>{escape(row.line)}</title>')
        out.append(f'<text x="{LABEL_W}" y="{middle}" text-anchor="end">'
                   f'{escape(_short(dim.title))}</text>')
        if dim.score is None:
            out.append(f'<text x="{BAR_X + 6}" y="{middle}" class="none">'
                       f'{escape(dim.band_label)}</text>')
        else:
            length = round(_x(dim.score) - BAR_X, 1)
            out.append(f'<rect x="{BAR_X}" y="{y + 5}" width="{length}" height="{ROW_H - 10}" '
                       f'fill="{FILLS.get(dim.band, "#777")}" class="bar"/>')
            out.append(f'<text x="{VALUE_X}" y="{middle}" class="value">'
                       f'{escape(_value(row))}</text>')
        out.append('</g>')
    out.append("</svg>")
    return "\n".join(out)
