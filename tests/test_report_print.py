"""The HTML report printed by a real browser: headless Chromium to PDF, then poppler.

The shipped set's report without notes must fit on two A4 pages, in both languages, also the
report with the most in it (everything at once); the PDF's text must hold the level, the
first action, an advice text and the organisations. Without Chromium or poppler the test is skipped,
except under CI (CI=true), where a missing browser is a failure: `.ci/run` installs both.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from clustercli.render.html import render_html
from clustercli.report import build_report
from clustercli.report.text import no_level
from tests.test_report_cases import CASES, everything_at_once, shipped, unfinished

pytestmark = pytest.mark.slow  # real processes: a pseudo-terminal, a kill or a browser

BROWSERS = ("chromium", "chromium-browser")
MAX_PAGES = 2


def _tools() -> tuple[str, str, str]:
    browser = next((found for name in BROWSERS if (found := shutil.which(name))), None)
    pdfinfo, pdftotext = shutil.which("pdfinfo"), shutil.which("pdftotext")
    if browser and pdfinfo and pdftotext:
        return browser, pdfinfo, pdftotext
    missing = ", ".join(name for name, tool in (("chromium", browser), ("pdfinfo", pdfinfo),
                                                ("pdftotext", pdftotext)) if not tool)
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI needs {missing} for the print test (.ci/run installs them)")
    pytest.skip(f"{missing} not installed")


def print_pdf(browser: str, html: str, folder) -> str:
    page = folder / "report.html"
    page.write_text(html, encoding="utf-8")
    pdf = folder / "report.pdf"
    command = [browser, "--no-sandbox", "--headless", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", f"--user-data-dir={folder / 'profile'}",
               "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert pdf.exists(), proc.stderr[-2000:]
    return str(pdf)


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("make", [*CASES.values(), unfinished, everything_at_once],
                         ids=[*CASES, "unfinished", "everything-at-once"])
def test_printed_report_fits_two_pages_and_holds_the_content(make, lang, tmp_path):
    browser, pdfinfo, pdftotext = _tools()
    report = build_report(make(), shipped(), lang)
    pdf = print_pdf(browser, render_html(report), tmp_path)
    info = subprocess.run([pdfinfo, pdf], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert 1 <= pages <= MAX_PAGES
    assert "A4" in info or re.search(r"Page size:\s+59[0-9](\.\d+)? x 84[0-9]", info)
    text = _words(subprocess.run([pdftotext, pdf, "-"], capture_output=True, text=True,
                                 check=True).stdout)
    # the level, or why there is none (too few answers, not finished)
    assert _words(report.level.title if report.level else no_level(report))[:60] in text
    assert _words(report.actions[0].step)[:60] in text
    if report.advice:
        assert _words(report.advice[0].text)[:60] in text
    assert report.organisations[0].name in text and report.organisations[-1].name in text


def test_under_ci_a_missing_browser_fails_rather_than_skips(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # nothing to find here
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="chromium"):
        _tools()
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception):
        _tools()
