"""The spreadsheet exports opened in a real spreadsheet: LibreOffice Calc, headless, in Dutch
(nl-NL) and English (en-US) settings. Each file is opened as a user opens it and saved as .xlsx
by LibreOffice, and that file is read back with openpyxl, cell by cell.

- The `--excel` CSV is opened as the issue saw it misread: semicolon-separated UTF-8 with the
  locale's own recognition of dates, times and numbers ("detect special numbers" on, formulas
  evaluated: `CSV:59,34,76,1,,<language>`). Every cell must read as what was exported
  (`shown`: the plain CSV's value): no date where there was none, numbers as numbers, text as
  text, and no formula but the dialect's own (a formula payload stays text).
- As a check that this test can fail at all, the plain CSV opened the same way *is* misread in
  each locale (`2-9` becomes a date in Dutch settings, `1/2` in English ones).
- The .xlsx keeps every cell exactly: the same type and value as openpyxl reads in the file
  itself, a formula-looking text still text, times still times.

LibreOffice's locale is set in a private profile (`ooSetupSystemLocale`), so parallel runs and
the user's own LibreOffice do not meet. `soffice` missing: skipped, or failed under CI=true
(.ci/run installs libreoffice-calc-nogui).
"""

from __future__ import annotations

import copy
import csv
import io
import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from clustercli.storage import open_store
from tests.sheet_support import fill, sheet_set, shown
from tests.test_portability_support import home

pytestmark = pytest.mark.slow

LOCALES = {"nl-NL": 1043, "en-US": 1033}
# What each locale misreads in the plain CSV (the canary): a size key, a fraction.
MISREAD = {"nl-NL": "2-9", "en-US": "1/2"}
_REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">\
<value>{locale}</value></prop></item>
</oor:items>
"""


@pytest.fixture(scope="module")
def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("soffice (LibreOffice) is missing; .ci/run installs libreoffice-calc-nogui")
    pytest.skip("LibreOffice (soffice) is not installed")


@pytest.fixture(params=list(LOCALES))
def office(request: pytest.FixtureRequest, soffice: str, tmp_path_factory: pytest.TempPathFactory):
    """Open a file in LibreOffice with this locale and save it as .xlsx: the saved file."""
    locale = request.param
    profile = tmp_path_factory.mktemp(f"lo-{locale}")
    (profile / "user").mkdir()
    (profile / "user" / "registrymodifications.xcu").write_text(
        _REGISTRY.format(locale=locale), encoding="utf-8")

    def convert(source: Path, infilter: str | None = None) -> Path:
        out = source.parent / f"{source.stem}-{locale}"
        out.mkdir()
        done = subprocess.run(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
             *([f"--infilter={infilter}"] if infilter else []),
             "--convert-to", "xlsx", "--outdir", str(out), str(source)],
            capture_output=True, text=True, timeout=180, check=False)
        saved = out / f"{source.stem}.xlsx"
        assert saved.exists(), f"LibreOffice did not convert {source}: {done.stdout}{done.stderr}"
        return saved

    convert.locale = locale  # type: ignore[attr-defined]
    convert.language = LOCALES[locale]  # type: ignore[attr-defined]
    return convert


def sheet_cells(path: Path) -> tuple[list[list], list[list]]:
    """The first sheet's rows: values as stored (formulas as their text), and as computed."""
    from openpyxl import load_workbook

    rows = [list(row) for row in load_workbook(path).worksheets[0].iter_rows(values_only=True)]
    computed = [list(row) for row in
                load_workbook(path, data_only=True).worksheets[0].iter_rows(values_only=True)]
    return rows, computed


def export_file(cli, tmp_path: Path, name: str, *args: str) -> Path:
    path = tmp_path / name
    result = cli("export", *args, "-o", str(path))
    assert result.exit_code == 0, result.output
    return path


def test_excel_csv_reads_as_written(cli, tmp_path, office):
    fill(open_store(home()), sheet_set())
    plain = export_file(cli, tmp_path, "plain.csv").read_text(encoding="utf-8")
    expected = list(csv.reader(io.StringIO(plain, newline="")))
    source = export_file(cli, tmp_path, "excel.csv", "--excel")
    text = source.read_text(encoding="utf-8-sig")
    written = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    formulas, values = sheet_cells(office(source, f"CSV:59,34,76,1,,{office.language}"))
    assert values[0] == expected[0]
    assert len(values) == len(written) == len(expected) > 30
    width = len(expected[0])
    for plain_row, cells, stored, read in zip(expected[1:], written[1:], formulas[1:],
                                              values[1:], strict=True):
        stored, read = _padded(stored, width), _padded(read, width)
        for name, want, cell, as_stored, value in zip(expected[0], plain_row, cells, stored,
                                                       read, strict=True):
            assert value == shown(name, want), (name, cell, value)
            assert not isinstance(value, datetime | bool), (name, cell, value)
            assert isinstance(value, str) == isinstance(shown(name, want), str), (name, value)
            if isinstance(as_stored, str) and as_stored.startswith("="):
                assert as_stored == cell, (name, cell, as_stored)  # only our own formulas


def _read(value: object) -> object:
    """openpyxl reads OOXML's escape of an underscore (`_x005F_`) in a shared string but not in
    an inline one; ours are inline, LibreOffice's shared: compare them as openpyxl reads the
    shared ones. (Control characters stay escaped, `_x0007_`, in both.)"""
    return value.replace("x005F_", "") if isinstance(value, str) else value


def _padded(row: list, width: int) -> list:
    return row + [None] * (width - len(row))


def test_the_plain_csv_is_misread_there_so_the_test_above_can_fail(cli, tmp_path, office):
    fill(open_store(home()), sheet_set())
    source = export_file(cli, tmp_path, "plain.csv")
    written = list(csv.reader(io.StringIO(source.read_text(encoding="utf-8"), newline="")))
    _, values = sheet_cells(office(source, f"CSV:44,34,76,1,,{office.language}"))
    misread = MISREAD[office.locale]
    found = [value for cells, read in zip(written, values, strict=True)
             for cell, value in zip(cells, read, strict=False) if cell == misread]
    assert found and all(isinstance(value, datetime) for value in found), found


def test_xlsx_keeps_every_cell(cli, tmp_path, office):
    store = open_store(home())
    cases = fill(store, sheet_set())
    odd = []  # texts only the xlsx writer has to take care with
    for number, client in enumerate(["<r><t>x</t></r>", "<r>a</r>", "bel\x07 en _x0041_"]):
        case = copy.deepcopy(cases[number])
        case.id, case.client = f"{90 + number:08d}" + case.id[8:], client
        odd.append(case)
    store.put({case.id: (lambda current, case=case: case) for case in odd}, {})
    source = export_file(cli, tmp_path, "export.xlsx", "--format", "xlsx")
    saved = office(source)
    from openpyxl import load_workbook

    ours, theirs = load_workbook(source), load_workbook(saved)
    assert theirs.sheetnames == ours.sheetnames
    for mine, read in zip(ours.worksheets, theirs.worksheets, strict=True):
        want = [list(row) for row in mine.iter_rows(values_only=True)]
        got = [_padded(list(row), len(want[0])) for row in read.iter_rows(values_only=True)]
        assert len(got) == len(want) > 3
        for wanted, found in zip(want, got, strict=True):
            for value, back in zip(wanted, _padded(found, len(wanted)), strict=True):
                if isinstance(value, datetime):
                    assert isinstance(back, datetime), (value, back)
                    assert abs((back - value).total_seconds()) < 0.001, (value, back)
                else:
                    assert _read(back) == _read(value), (value, back)
                    assert type(back) is type(value), (value, back)
        assert not [cell.coordinate for row in read.iter_rows() for cell in row
                    if cell.data_type in ("f", "e")]
    # (The frozen header is a view setting, which headless LibreOffice does not keep.)
    assert theirs.worksheets[0].auto_filter.ref == ours.worksheets[0].auto_filter.ref
