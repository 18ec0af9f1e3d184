"""The dimension scores as an inline SVG bar chart, for the HTML report.

Plain SVG text, no script and no external reference, so it shows in any browser and prints as
it looks. One horizontal bar per dimension on a 0-100 axis, coloured by band, with dashed lines
where the bands begin (aandachtspunt and sterk). The score and band are written beside each bar,
so the chart still reads in black and white; a dimension without a score gets no bar but the
words "not enough answers". `<title>` and `<desc>` carry the same in words for screen readers.
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


def _x(score: float) -> float:
    return round(BAR_X + BAR_W * max(0.0, min(100.0, score)) / 100, 1)


def _short(title: str) -> str:
    return title if len(title) <= MAX_TITLE else title[:MAX_TITLE - 1].rstrip() + "…"


def svg_chart(scores: parts.ScoresSection) -> str:
    rows = scores.rows
    height = TOP + ROW_H * len(rows) + 22
    out = [f'<svg class="chart" role="img" '
           f'viewBox="0 0 {WIDTH} {height}" width="100%" aria-labelledby="chart-title '
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
    # the band thresholds, labelled with where each band begins
    for mark in scores.marks:
        x = _x(mark.value)
        out.append(f'<line x1="{x}" y1="{TOP - 8}" x2="{x}" y2="{bottom}" '
                   f'class="threshold" stroke="#555" stroke-width="1" '
                   f'stroke-dasharray="4 3" data-band="{mark.band}"/>')
        out.append(f'<text x="{x}" y="{TOP - 11}" class="tick" '
                   f'text-anchor="middle">{escape(mark.label)}</text>')
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
            width = round(_x(dim.score) - BAR_X, 1)
            out.append(f'<rect x="{BAR_X}" y="{y + 5}" width="{width}" height="{ROW_H - 10}" '
                       f'fill="{FILLS.get(dim.band, "#777")}" class="bar"/>')
            out.append(f'<text x="{VALUE_X}" y="{middle}" class="value">'
                       f'{dim.shown} · {escape(dim.band_label)}</text>')
        out.append('</g>')
    out.append("</svg>")
    return "\n".join(out)
