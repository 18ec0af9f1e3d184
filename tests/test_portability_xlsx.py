"""`clustercli export --format xlsx`: the workbook read back with openpyxl, cell by cell: the
type of every cell, labels beside the keys, times as date cells, no formula anywhere, the
frozen and filtered header, column widths, and the sheet that explains the columns."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from clustercli.cli import output
from clustercli.questionset.loader import content_hash
from clustercli.records import Answer
from clustercli.storage import open_store
from tests.conftest import VALID_SET
from tests.sheet_support import TRICKY_TEXTS, fill, sheet_set
from tests.sheet_support import records as records_of
from tests.test_portability_support import FULL, home, start

HEADER = [
    "id", "client", "respondent", "question_set", "question_set_version", "language",
    "created (UTC)", "updated (UTC)", "completed (UTC)", "status", "status (label)", "level",
    "level (label)", "q_employees", "q_employees (label)", "q_cooperates", "q_motives",
    "q_motives (label)", "q_trust_1", "q_trust_2", "q_trust_3", "q_turnover", "q_remarks",
    "score_trust"]


def export(cli, tmp_path: Path, *args: str) -> Path:
    path = tmp_path / "export.xlsx"
    result = cli("export", "--format", "xlsx", "-o", str(path), *args)
    assert result.exit_code == 0, result.output
    return path


def rows_of(path: Path) -> tuple[list[str], list[dict]]:
    sheet = load_workbook(path).worksheets[0]
    header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    return header, [dict(zip(header, row, strict=True)) for row in rows]


def at(stamp: str) -> datetime:
    """A stored UTC time as the sheet holds it: naive, to the millisecond (Excel's grain)."""
    moment = datetime.fromisoformat(stamp.replace("Z", ""))
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def test_every_cell_typed(cli, tmp_path):
    cases = fill(open_store(home()), sheet_set())
    path = export(cli, tmp_path)
    assert path.stat().st_mode & 0o777 == 0o600  # the same personal data as the data folder
    header, rows = rows_of(path)
    assert header == HEADER
    assert [row["id"] for row in rows] == [case.id for case in cases]  # oldest first
    first, second, third, fourth, fifth = rows[:5]
    assert first == {
        "id": cases[0].id, "client": "Bakkerij Zoë & Café", "respondent": "eigenaar",
        "question_set": "sheet-set", "question_set_version": "2-9", "language": "nl",
        "created (UTC)": at(cases[0].created), "updated (UTC)": at(cases[0].updated),
        "completed (UTC)": at(cases[0].completed), "status": "completed",
        "status (label)": "afgerond", "level": "ready", "level (label)": "Klaar",
        "q_employees": "2-9", "q_employees (label)": "2 tot en met 9", "q_cooperates": "Ja",
        "q_motives": "market_position|1-2",
        "q_motives (label)": "Marktpositie|Eén of twee producten",
        "q_trust_1": 4, "q_trust_2": 2, "q_trust_3": 5, "q_turnover": 12.5,
        "q_remarks": "Samenwerking met 't Hoekje", "score_trust": 87}
    assert second | {"id": None, "created (UTC)": None, "updated (UTC)": None} == {
        "id": None, "client": '=HYPERLINK("http://example.com")', "respondent": "@eigenaar",
        "question_set": "sheet-set", "question_set_version": "2-9", "language": "nl",
        "created (UTC)": None, "updated (UTC)": None, "completed (UTC)": None,
        "status": "in_progress", "status (label)": "bezig", "level": None, "level (label)": None,
        "q_employees": "10-49", "q_employees (label)": "10 tot en met 49", "q_cooperates": "Nee",
        "q_motives": None, "q_motives (label)": None,  # nothing chosen: empty, as in the CSV
        "q_trust_1": "Weet niet / n.v.t.", "q_trust_2": None, "q_trust_3": None,
        "q_turnover": -3, "q_remarks": None, "score_trust": None}
    assert (third["client"], third["respondent"], third["q_employees"],
            third["q_employees (label)"], third["q_cooperates"], third["q_turnover"],
            third["score_trust"]) == ("0612345678", "'t Hoekje", "3-4", "3 of 4",
                                      "Weet niet / n.v.t.", 1234567, 41)
    # a choice whose label looks like a formula: text, as everything typed into a set
    assert (fourth["q_employees"], fourth["q_employees (label)"], fourth["q_turnover"],
            fourth["score_trust"]) == ("0612345678", "=1+1", -0.25, 0)
    assert (fifth["client"], fifth["respondent"], fifth["q_employees"],
            fifth["q_employees (label)"]) == ("true", "WAAR", "unknown", "Weet niet / n.v.t.")
    # every text answer exactly as typed, whatever it looks like ("" is an empty cell)
    assert [row["q_remarks"] for row in rows[5:]] == [text or None for text in TRICKY_TEXTS]


def test_no_formula_no_error_value_and_the_types_of_cells(cli, tmp_path):
    fill(open_store(home()), sheet_set())
    book = load_workbook(export(cli, tmp_path))
    kinds: dict[str, set[str]] = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type not in ("f", "e"), (sheet.title, cell.coordinate)
                if sheet is book.worksheets[0] and cell.row > 1 and cell.value is not None:
                    name = sheet.cell(1, cell.column).value
                    kinds.setdefault(name, set()).add(type(cell.value).__name__)
    assert kinds["created (UTC)"] == {"datetime"}
    assert book.worksheets[0]["G2"].number_format == "yyyy-mm-dd hh:mm:ss"
    assert kinds["q_trust_2"] == {"int"} and kinds["q_trust_1"] == {"int", "str"}  # "weet niet"
    assert kinds["q_turnover"] == {"int", "float"} and kinds["score_trust"] <= {"int", "float"}
    assert kinds["q_remarks"] == kinds["client"] == kinds["q_employees"] == {"str"}
    with zipfile.ZipFile(export(cli, tmp_path)) as archive:  # not even a cached formula
        assert not any(b"<f>" in archive.read(name) for name in archive.namelist()
                       if name.startswith("xl/worksheets/"))


def test_header_frozen_filtered_and_wide_enough(cli, tmp_path):
    fill(open_store(home()), sheet_set())
    sheet = load_workbook(export(cli, tmp_path)).worksheets[0]
    assert sheet.freeze_panes == "A2"
    last = get_column_letter(len(HEADER))
    assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}"
    assert sheet.max_row == 1 + 5 + len(TRICKY_TEXTS)
    widths = {number: dimension.width for dimension in sheet.column_dimensions.values()
              for number in range(dimension.min, dimension.max + 1)}  # equal ones are grouped
    for number, name in enumerate(HEADER, 1):
        assert widths[number] >= len(name) + 2, name  # the header and the filter's button
        assert widths[number] <= 60
    assert all(cell.font.b for cell in sheet[1])


def test_about_sheet(cli, tmp_path):
    cases = fill(open_store(home()), sheet_set())
    book = load_workbook(export(cli, tmp_path))
    assert book.sheetnames == ["Zelftests", "Over deze export"]
    lines = [[value for value in row if value is not None]
             for row in book.worksheets[1].iter_rows(values_only=True)]
    assert lines[0] == ["Zelftests uit clustercli"]
    label, made = lines[1]
    assert label == "Gemaakt op (UTC)" and isinstance(made, datetime)
    assert abs((datetime.now(UTC).replace(tzinfo=None) - made).total_seconds()) < 600
    assert lines[2] == ["Aantal zelftests", len(cases)]
    assert lines[3] == ["Vragenlijst (id, versie, titel)", "sheet-set", "2-9", "Spreadsheettest"]
    assert any("UTC" in line[0] for line in lines if line)
    table = lines[lines.index(["Kolom", "Wat erin staat", "Mogelijke antwoorden"]) + 1:]
    by_column = {line[0]: line[1:] for line in table}
    assert list(by_column) == HEADER  # every column, in order
    assert by_column["q_employees"] == [
        "Hoeveel mensen werken er in uw bedrijf?",
        "solo = Alleen ikzelf; 2-9 = 2 tot en met 9; 10-49 = 10 tot en met 49; 3-4 = 3 of 4; "
        "0612345678 = =1+1; Weet niet / n.v.t."]
    assert by_column["q_trust_2"][1].startswith("1 = Helemaal oneens; 2 = Oneens")
    assert by_column["q_remarks"] == ["Opmerkingen"]
    assert by_column["score_trust"] == ["Score van 0 tot 100 voor: Vertrouwen"]
    assert by_column["q_employees (label)"] == ["Kolom q_employees in woorden"]


def test_in_english(cli, tmp_path):
    fill(open_store(home()), sheet_set())
    book = load_workbook(export(cli, tmp_path, "--lang", "en"))
    assert book.sheetnames == ["Self-checks", "About this export"]
    header, rows = rows_of(export(cli, tmp_path, "--lang", "en"))
    assert header == HEADER  # the columns are the CSV's names in every language
    first, second = rows[:2]
    assert (first["q_cooperates"], first["q_employees (label)"], first["status (label)"],
            first["level (label)"], second["q_trust_1"]) == (
        "Yes", "2 to 9", "completed", "Ready", "Don't know / not applicable")


def test_several_question_sets(cli, tmp_path):
    """Each set adds the columns the earlier ones lacked; a row leaves the others empty and
    takes its labels from its own set."""
    one = start(cli, tmp_path, "A")  # tests/data/valid.yaml
    other = tmp_path / "other.yaml"
    other.write_text(VALID_SET.read_text(encoding="utf-8").replace(
        "id: test-set", "id: other-set").replace(
        "label: {nl: ICT, en: ICT}", "label: {nl: Informatica, en: Computing}").replace(
        "  - id: remarks", "  - id: founded\n    type: number\n    text: {nl: Opgericht, "
        "en: Founded}\n    source: [profile]\n  - id: remarks"), encoding="utf-8")
    two = start(cli, tmp_path, "B", {**FULL, "founded": 1999}, questions=other)
    header, rows = rows_of(export(cli, tmp_path))
    assert header[-3:] == ["q_remarks", "q_founded", "score_trust"]
    by_id = {row["id"]: row for row in rows}
    assert by_id[one]["q_founded"] is None and by_id[two]["q_founded"] == 1999
    assert by_id[one]["q_sector (label)"] == "ICT"
    assert by_id[two]["q_sector (label)"] == "Informatica"
    assert by_id[one]["q_motives (label)"] == "Marktpositie|Nieuwe producten"


def test_text_that_looks_like_markup_or_holds_control_characters(tmp_path):
    from clustercli.portability import workbook

    qset = sheet_set()
    cases = fill(open_store(home()), qset)[:3]
    cases[0].client = "<r><t>x</t></r>"  # XlsxWriter's own form of a rich string
    cases[1].client = "<r>a</r>"
    cases[2].client = "bel\x07 en _x0041_"
    data = workbook.write(cases, {content_hash(qset): qset}, "nl", datetime(2025, 1, 31))
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    assert [sheet.cell(row, 2).value for row in (2, 3)] == ["<r><t>x</t></r>", "<r>a</r>"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        strings = "".join(archive.read(name).decode("utf-8") for name in archive.namelist()
                          if name.endswith(".xml"))
    # OOXML's escapes, which Excel reads back as the control character and the literal text
    assert "bel_x0007_ en _x005F_x0041_" in strings
    assert "<r><t>x" not in strings  # the markup-looking text escaped, not taken as markup


def test_leaves_no_temporary_files_and_names_a_temporary_folder_it_cannot_use(
        cli, tmp_path, monkeypatch):
    import tempfile

    fill(open_store(home()), sheet_set())
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    export(cli, tmp_path)
    assert list(scratch.iterdir()) == []  # XlsxWriter's files went with their folder
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "gone"))
    result = cli("export", "--format", "xlsx", "-o", str(tmp_path / "y.xlsx"), "--lang", "en")
    assert result.exit_code == 2 and str(tmp_path / "gone") in result.stderr
    assert "Traceback" not in result.output and not (tmp_path / "y.xlsx").exists()


def test_to_a_pipe_and_not_to_a_terminal(cli, monkeypatch):
    fill(open_store(home()), sheet_set())
    result = cli("export", "--format", "xlsx")
    assert result.exit_code == 0 and result.stdout_bytes.startswith(b"PK\x03\x04")
    monkeypatch.setattr(output, "on_screen", lambda: True)
    result = cli("export", "--format", "xlsx", "--lang", "en")
    assert result.exit_code == 2 and "-o" in result.stderr and result.stdout == ""


@pytest.mark.parametrize("args", [["--excel"], ["--excel", "-o", "x.xlsx"]])
def test_excel_is_for_csv_only(cli, args):
    result = cli("export", "--format", "xlsx", *args, "--lang", "en")
    assert result.exit_code == 2 and "--excel" in result.stderr


def test_empty_store_gives_the_header_and_the_about_sheet(cli, tmp_path):
    header, rows = rows_of(export(cli, tmp_path))
    assert rows == [] and header[:6] == HEADER[:6]


def test_a_damaged_record_is_named_and_the_rest_exported(cli, tmp_path):
    good = start(cli, tmp_path, "Good")
    bad = start(cli, tmp_path, "Bad")
    (home() / "assessments" / f"{bad}.json").write_bytes(b'{"assessment": {')
    path = tmp_path / "x.xlsx"
    result = cli("export", "--format", "xlsx", "-o", str(path), "--lang", "en")
    assert result.exit_code == 1 and bad in result.stderr
    assert [row["id"] for row in rows_of(path)[1]] == [good]


def test_unknown_is_words_only_where_the_question_allows_it():
    """"unknown" is "weet niet / n.v.t." for a question that allows it; typed into a text
    question that does not, it is the text itself."""
    from clustercli.portability.sheet import Sheet

    qset = sheet_set()
    case = records_of(qset)[1]
    case.answers["remarks"] = Answer("unknown", case.created)
    sheet = Sheet({content_hash(qset): qset}, "en")
    row = dict(zip([column.name for column in sheet.columns], sheet.row(case), strict=True))
    assert row["q_remarks"] == "unknown"
    assert row["q_trust_1"] == "Don't know / not applicable"
