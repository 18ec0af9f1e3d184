"""The report's sections are written once: `SECTIONS` is the order of every rendering, each
section's content is built once (report/sections.py), and a renderer only draws kinds.

Checked on all four renderings that draw sections (rich, plain, Markdown, HTML): reordering or
dropping names in the list reorders or drops them everywhere; a new section of a kind the
renderers know needs no renderer change; every renderer draws every kind. And the report's
model is built by keyword, so a new field cannot shift the others' values.
"""

from __future__ import annotations

import dataclasses
import html
import io
import re

import pytest
from rich.console import Console

from clustercli.render.html import render_html
from clustercli.render.markdown import render_markdown
from clustercli.render.plain import render_plain
from clustercli.render.terminal import print_rich
from clustercli.report import build_report, model, parts, sections
from clustercli.report.text import heading, label
from clustercli.routing.recommendations import Recommendation, route
from tests.test_report_cases import CASES, everything_at_once, shipped


def _rich(report, names) -> str:
    stream = io.StringIO()
    print_rich(report, Console(file=stream, width=120), names)
    return stream.getvalue()


def _html(report, names) -> str:
    return html.unescape(render_html(report, names))


RENDERINGS = {"plain": render_plain, "md": render_markdown, "html": _html, "rich": _rich}


def _full_report():
    """Every section has something to say: notes, unscored parts, a change since before."""
    report = build_report(everything_at_once("en"), shipped(), "en", with_notes=True)
    assert report.unscored and report.organisations and report.level
    note = model.Note(question="ict_behind", question_text="Are you behind?", answer="Agree",
                      note="Invoices on paper.")
    return dataclasses.replace(report, since=("Since the check of 2026-01-01", "Level: same"),
                               notes=(note,))


def _positions(out: str, report, names) -> list[int]:
    found = []
    for name in names:
        match = re.search(rf"(^|[#>│╭─ ]){re.escape(heading(report, name))}", out, re.M)
        assert match, name
        found.append(match.start())
    return found


@pytest.mark.parametrize("rendering", sorted(RENDERINGS))
def test_every_rendering_follows_the_one_list(rendering):
    report = _full_report()
    out = RENDERINGS[rendering](report, sections.SECTIONS)
    positions = _positions(out, report, sections.SECTIONS)
    assert positions == sorted(positions)


@pytest.mark.parametrize("rendering", sorted(RENDERINGS))
def test_reordering_the_list_reorders_every_rendering(rendering):
    report = _full_report()
    reordered = tuple(reversed(sections.SECTIONS))
    out = RENDERINGS[rendering](report, reordered)
    positions = _positions(out, report, reordered)
    assert positions == sorted(positions)


@pytest.mark.parametrize("rendering", sorted(RENDERINGS))
def test_dropping_a_name_drops_the_section_everywhere(rendering):
    report = _full_report()
    short = ("level", "scores", "advice", "organisations", "mirror", "sources")
    out = RENDERINGS[rendering](report, short)
    assert _positions(out, report, short) == sorted(_positions(out, report, short))
    for name in set(sections.SECTIONS) - set(short):
        assert heading(report, name) not in out, name
    assert label(report, "costs_most") not in out  # the long explanation per area is gone


@pytest.mark.parametrize("rendering", sorted(RENDERINGS))
def test_a_new_section_of_a_known_kind_needs_no_renderer_change(monkeypatch, rendering):
    """A `details` variant: one builder and one name in the list, nothing in the renderers."""
    report = _full_report()

    def extra(report, name):
        return dataclasses.replace(sections.BUILDERS["weakest"](report, "weakest"), name=name,
                                   heading="Every area explained")

    monkeypatch.setitem(sections.BUILDERS, "explained", extra)
    out = RENDERINGS[rendering](report, ("level", "explained", "sources"))
    assert out.index(report.level.title) < out.index("Every area explained")
    assert out.index("Every area explained") < out.index(heading(report, "sources"))
    assert label(report, "costs_most") in out


def test_every_renderer_draws_every_kind():
    kinds = {cls.kind for cls in vars(parts).values()
             if isinstance(cls, type) and issubclass(cls, parts.Section) and "kind" in vars(cls)}
    protocol = {name for name in vars(parts.SectionRenderer) if not name.startswith("_")}
    assert kinds | {"head"} == protocol
    from clustercli.render import html, markdown, plain, rich_report

    for renderer in (plain._Plain, rich_report._Rich, markdown._Markdown, html._Html):
        assert protocol <= set(vars(renderer)), renderer


def test_every_name_in_the_list_has_a_builder_and_a_heading():
    report = _full_report()
    built = sections.build_sections(report)
    assert [s.name for s in built] == list(sections.SECTIONS)
    assert all(s.heading == heading(report, s.name) for s in built)


def test_sections_with_nothing_to_say_are_left_out():
    report = build_report(CASES["regional-cooperator"](), shipped(), "nl")
    assert report.notes is None and not report.unscored
    names = [s.name for s in sections.build_sections(report)]
    assert "notes" not in names and "unscored" not in names
    assert "strongest" in names and "weakest" in names  # these say "none" instead


# --- the model, by keyword -------------------------------------------------------------------


def test_the_model_cannot_be_filled_by_position():
    with pytest.raises(TypeError):
        model.Advice("a", "text", ("F7",))  # type: ignore[misc]


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_organisation_carries_its_recommendation_field_by_field(name):
    from clustercli.profile.build import build_profile
    from clustercli.profile.scoring import active_answers, facts

    record = CASES[name]()
    qset = shipped()
    profile = build_profile(qset, record.values())
    found = route(active_answers(qset, record.values()),
                  facts({d.id: d for d in profile.dimensions}), "nl")
    report = build_report(record, qset, "nl")
    shared = {f.name for f in dataclasses.fields(model.Organisation)} & {
        f.name for f in dataclasses.fields(Recommendation)}
    assert len(shared) == 12
    assert len(report.organisations) == len(found)
    for org, recommendation in zip(report.organisations, found, strict=True):
        for field in shared:
            assert getattr(org, field) == getattr(recommendation, field), field
