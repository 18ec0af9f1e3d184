"""The HTML report, parsed: the chart, the level, the advice and the organisations are there,
every text is escaped, and nothing is loaded from elsewhere.

Decision (docs/report-json.md, "The formats"): the only web addresses in the page are the
organisations' websites, as <a href> links whose text is the address itself. No src attribute
at all, no script, no link element, no url() or @import in the CSS.
"""

from __future__ import annotations

import html
import itertools
import re
from html.parser import HTMLParser

import pytest

from clustercli.render.chart import BAR_W, BAR_X, VALUE_X, text_width
from clustercli.render.html import render_html
from clustercli.report import build_report
from tests.test_report_cases import (
    CASES,
    everything_at_once,
    many_unknowns,
    shipped,
    wants_to_cooperate,
    win_win_knelpunt,
)


class Page(HTMLParser):
    """Every start tag with its attributes and the text inside each tag path."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.texts: list[tuple[list[tuple[str, dict[str, str]]], str]] = []
        self.style = ""

    def handle_starttag(self, tag, attrs):
        entry = (tag, {k: v or "" for k, v in attrs})
        self.tags.append(entry)
        if tag not in ("meta", "br", "line", "rect"):
            self.stack.append(entry)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "style":
            self.style += data
        if data.strip():
            self.texts.append((list(self.stack), data))

    def text_in(self, **attrs) -> str:
        """All text inside elements that have these attributes (e.g. id="advice")."""
        return " ".join(data for stack, data in self.texts
                        if any(all(a.get(k) == v for k, v in attrs.items()) for _, a in stack))

    def all_text(self) -> str:
        return " ".join(data for _, data in self.texts)


def parse(report) -> Page:
    page = Page()
    page.feed(render_html(report))
    page.close()
    return page


def _report(make=win_win_knelpunt, lang="nl", notes=False):
    return build_report(make(), shipped(), lang, with_notes=notes)


def test_the_chart_has_a_bar_per_scored_dimension_and_the_thresholds():
    report = _report(many_unknowns, "en")
    page = parse(report)
    assert [t for t, _ in page.tags].count("svg") == 1
    groups = [a for t, a in page.tags if t == "g" and a.get("class") == "dimension"]
    assert [(g["data-dimension"], g["data-band"]) for g in groups] == [
        (d.id, d.band) for d in report.dimensions]
    bars = [a for t, a in page.tags if t == "rect" and a.get("class") == "bar"]
    scored = [d for d in report.dimensions if d.score is not None]
    assert len(bars) == len(scored)
    for rect, dim in zip(bars, scored, strict=True):
        assert float(rect["width"]) == pytest.approx(BAR_W * dim.score / 100, abs=0.1)
    lines = {a["data-band"]: float(a["x1"]) for t, a in page.tags if t == "line"}
    assert lines == {"aandachtspunt": BAR_X + BAR_W * 0.5, "sterk": BAR_X + BAR_W * 0.75}
    chart = page.text_in(**{"class": "chart"})
    assert "not enough answers" in chart and "25 · bottleneck" in chart


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", [*sorted(CASES), "everything-at-once"])
def test_chart_labels_fit_and_do_not_touch(name, lang):
    """Every label inside the chart's box (its width as `text_width` estimates it, more than
    the fonts need), the threshold labels apart, "66 · point of attention" whole."""
    make = everything_at_once if name == "everything-at-once" else CASES[name]
    report = build_report(make(), shipped(), lang)
    svg = re.search(r"<svg.*?</svg>", render_html(report), re.S).group(0)
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))
    boxes = []
    for attrs, text in re.findall(r"<text ([^>]*)>([^<]*)</text>", svg):
        x = float(re.search(r'x="([\d.]+)"', attrs).group(1))
        size = 11 if 'class="tick"' in attrs or 'class="none"' in attrs else 12
        extent = text_width(html.unescape(text), size)
        anchor = re.search(r'text-anchor="(\w+)"', attrs)
        left = {"end": x - extent, "middle": x - extent / 2}.get(
            anchor.group(1) if anchor else "start", x)
        assert left >= 0 and left + extent <= width, (text, left, extent, width)
        boxes.append((re.search(r'y="([\d.]+)"', attrs).group(1), left, left + extent, text))
    for y in {box[0] for box in boxes}:  # no two labels on one line overlap
        row = sorted(box[1:] for box in boxes if box[0] == y)
        for (_, end, first), (start, _, second) in itertools.pairwise(row):
            assert end + 2 <= start, (first, second)
    if lang == "en":
        assert "point of attention" in svg and "…" not in svg.split("</desc>")[1]


def test_a_long_band_label_widens_the_chart_rather_than_being_cut():
    report = build_report(win_win_knelpunt(), shipped(), "en")
    svg = re.search(r"<svg.*?</svg>", render_html(report), re.S).group(0)
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))
    assert width >= VALUE_X + text_width("50 · point of attention")


def test_the_level_and_why_it_is_capped():
    report = _report()
    level = parse(report).text_in(id="level")
    assert report.level.title in level and report.level.meaning in level
    assert report.level.caps[0].reason in level and "Klaar om mee te doen" in level


@pytest.mark.parametrize("name", sorted(CASES))
def test_advice_organisations_and_steps_are_all_there(name):
    report = _report(CASES[name])
    page = parse(report)
    advice = page.text_in(id="advice")
    assert all(a.text in advice for a in report.advice)
    organisations = page.text_in(id="organisations")
    assert all(o.name in organisations and o.verified in organisations
               for o in report.organisations)
    actions = page.text_in(id="actions")
    assert all(a.step in actions and a.why in actions for a in report.actions)
    assert report.disclaimer in page.text_in(id="sources")
    assert "2001" in page.text_in(id="sources")


@pytest.mark.parametrize("make", [everything_at_once, wants_to_cooperate, many_unknowns])
def test_nothing_is_loaded_from_elsewhere(make):
    report = _report(make, notes=True)
    page = parse(report)
    tags = {t for t, _ in page.tags}
    assert tags.isdisjoint({"script", "link", "iframe", "img", "object", "embed", "base",
                            "image", "use", "foreignobject"})
    assert all("src" not in attrs for _, attrs in page.tags)
    assert all(not k.startswith("on") for _, attrs in page.tags for k in attrs)
    urls = {o.url for o in report.organisations if o.url}
    hrefs = [attrs["href"] for tag, attrs in page.tags if "href" in attrs]
    assert hrefs and set(hrefs) <= urls and all(h.startswith("https://") for h in hrefs)
    assert "url(" not in page.style and "@import" not in page.style
    assert "http" not in page.style
    anchors = [(a["href"], d) for stack, d in page.texts for t, a in stack[-1:] if t == "a"]
    assert anchors and all(href == text for href, text in anchors)  # the address is shown


def test_every_text_is_escaped():
    html = render_html(_report(wants_to_cooperate))
    assert "Bakkerij Zoë &amp; Café &lt;Noord&gt;" in html and "<Noord>" not in html
    page = parse(_report(wants_to_cooperate))
    assert "noord" not in {t for t, _ in page.tags}
    assert "Bakkerij Zoë & Café <Noord>" in page.all_text()
    assert 'Zoë "Zo" Jansen' in page.all_text()
    noted = parse(_report(many_unknowns, "en", notes=True))
    assert "b" not in {t for t, _ in noted.tags}
    assert "Still invoices on paper <b>by hand</b>." in noted.text_in(id="notes")


def test_notes_only_in_the_advisor_s_copy():
    assert "notes" not in {a.get("id") for _, a in parse(_report(many_unknowns, "en")).tags}
    assert "Works with a supplier" not in render_html(_report(many_unknowns, "en"))


def test_language_and_print_css():
    html = render_html(_report(many_unknowns, "en"))
    assert '<html lang="en">' in html and "@page { size: A4;" in html
    assert "@media print" in html
