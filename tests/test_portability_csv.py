"""`clustercli export --format csv`: read back with the csv module, every value checked, in
both dialects; formula escaping; columns of several question sets."""

from __future__ import annotations

import csv
import io

import pytest

from clustercli.portability.table import Dialect, cell, escape_text, unescape_text
from clustercli.storage import open_store
from tests.conftest import DATA, VALID_SET
from tests.sheet_support import fill, sheet_set, shown, spreadsheet_value
from tests.test_portability_support import FULL, home, session_with_history, start

FIXED = ["id", "client", "respondent", "question_set", "question_set_version", "language",
         "created", "updated", "completed", "status", "level"]
QUESTIONS = ["sector", "cooperates", "motives", "trust_1", "trust_2", "trust_3", "employees",
             "remarks"]


def read_back(text: str, excel: bool) -> list[dict[str, str]]:
    if excel:
        assert text.startswith("\ufeff")
        text = text[1:]
    else:
        assert not text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if excel else ","))
    header = rows[0]
    assert header == FIXED + [f"q_{q}" for q in QUESTIONS] + ["score_trust"]
    assert all(len(row) == len(header) for row in rows)
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


def export(cli, *args: str) -> str:
    result = cli("export", "--format", "csv", *args)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes.decode("utf-8")


def test_every_value_read_back(cli, tmp_path):
    first = start(cli, tmp_path, "=Bakkerij Zoë & Café", respondent="@eigenaar")
    second = session_with_history(home(), "'t Hoekje", complete=False)
    records = {r.id: r for r in (open_store(home()).load(i) for i in (first, second))}
    rows = read_back(export(cli), excel=False)
    assert [row["id"] for row in rows] == [first, second]  # oldest first
    one, two = rows
    done, busy = records[first], records[second]
    kept = done.summary.scores["trust"]
    assert isinstance(kept, float) and kept != int(kept)  # kept with a decimal, 83.3 ...
    trust = int(kept)  # ... and written as every output shows it: whole points, rounded down
    assert one == {
        "id": first, "client": "'=Bakkerij Zoë & Café", "respondent": "'@eigenaar",
        "question_set": "test-set", "question_set_version": "1.0", "language": "nl",
        "created": done.created, "updated": done.updated, "completed": done.completed,
        "status": "completed", "level": done.summary.level,
        "q_sector": "ict", "q_cooperates": "true", "q_motives": "market_position|new_products",
        "q_trust_1": "4", "q_trust_2": "2", "q_trust_3": "weekly", "q_employees": "12",
        "q_remarks": "Samenwerking met 't Hoekje",
        "score_trust": str(trust)}
    assert done.summary.level  # a real level, not an empty cell by accident
    assert two == {
        "id": second, "client": "''t Hoekje", "respondent": "eigenaar",
        "question_set": "test-set", "question_set_version": "1.0", "language": "nl",
        "created": busy.created, "updated": busy.updated, "completed": "",
        "status": "in_progress", "level": "",
        "q_sector": "ict", "q_cooperates": "false", "q_motives": "",  # no longer applies
        "q_trust_1": "unknown", "q_trust_2": "5", "q_trust_3": "monthly", "q_employees": "40",
        "q_remarks": "'=SUM(A1:A9) en \"aanhalingstekens\"\nnieuwe regel",
        "score_trust": ""}
    assert unescape_text(two["client"]) == "'t Hoekje"
    assert unescape_text(one["client"]) == "=Bakkerij Zoë & Café"


def test_negative_numbers_stay_numbers_and_text_is_escaped(cli, tmp_path):
    signed = tmp_path / "signed.yaml"
    signed.write_text(VALID_SET.read_text(encoding="utf-8").replace(
        "    min: 1\n    max: 100000", "    min: -1000\n    max: 100000"), encoding="utf-8")
    start(cli, tmp_path, "+31 Bakkerij", {**FULL, "employees": -3, "remarks": "-3"},
          questions=signed)
    [row] = read_back(export(cli), excel=False)
    assert row["q_employees"] == "-3"  # the number minus three: not a formula, not escaped
    assert row["q_remarks"] == "'-3"  # the text "-3" typed in a text answer
    assert row["client"] == "'+31 Bakkerij"
    [row] = read_back(export(cli, "--excel"), excel=True)
    assert row["q_employees"] == "-3"
    assert row["q_remarks"] == '="-3"' and row["client"] == '="+31 Bakkerij"'


@pytest.mark.parametrize(("text", "escaped"), [
    ("=1+1", "'=1+1"), ("+31 6", "'+31 6"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tcmd", "'\tcmd"), ("\rcmd", "'\rcmd"), ("'t Hoekje", "''t Hoekje"),
    ("Zoë = Café", "Zoë = Café"), ("", ""), ("a-b", "a-b")])
def test_escaping_is_reversible(text, escaped):
    assert escape_text(text) == escaped
    assert unescape_text(escaped) == text
    assert cell(text, Dialect(excel=False)) == escaped


def test_cells_by_type():
    plain, excel = Dialect(excel=False), Dialect(excel=True)
    assert [cell(v, plain) for v in (None, True, False, 0, -3, 2.5, -0.25, ["a", "b"])] == [
        "", "true", "false", "0", "-3", "2.5", "-0.25", "a|b"]
    assert cell(["-a", "b"], plain) == "'-a|b"
    assert [cell(v, excel) for v in (None, True, 7, -3, 75.0, -0.0, 2.5, -0.25, 16.6, 1e-05,
                                     1e16, 1.5e16, ["a", "b"], ["2-9"], "ict")] == [
        "", '="true"', "7", "-3", "75", "0", "=25/10", "=-25/100", "=166/10", "=1/100000",
        "10000000000000000", "15000000000000000", "a|b", '="2-9"', "ict"]


@pytest.mark.parametrize("number", [2.5, -0.25, 16.6, 0.1, 1 / 3, 2 / 3 * 100, 12345.678,
                                    -1e-7, 1e-300])
def test_an_excel_fraction_is_exactly_the_stored_number(number):
    """`=n/10^k` evaluates (IEEE division, correctly rounded) to the float nearest to the
    decimal n/10^k, which is the float that decimal was the shortest repr of."""
    numerator, denominator = cell(number, Dialect(excel=True)).removeprefix("=").split("/")
    assert int(numerator) / int(denominator) == number


@pytest.mark.parametrize(("text", "written"), [
    ("ict", "ict"), ("market_position|new_products", "market_position|new_products"),
    ("Bakkerij Zoë & Café", "Bakkerij Zoë & Café"), ("", ""),
    ("2-9", '="2-9"'), ("10-49", '="10-49"'), ("1/2", '="1/2"'), ("3-4", '="3-4"'),
    ("0612345678", '="0612345678"'), ("12345678901234567890", '="12345678901234567890"'),
    ("Jan-05", '="Jan-05"'), ("q_1", '="q_1"'), ("true", '="true"'), ("ONWAAR", '="ONWAAR"'),
    ("#N/A", '="#N/A"'), (" x", '=" x"'), ("x ", '="x "'), ("'t Hoekje", '="\'t Hoekje"'),
    ("=SUM(A1)", '="=SUM(A1)"'), ("@x", '="@x"'), ("\tcmd", '="\tcmd"'),
    ('say "2"', '="say ""2"""'), ('a"&"1', '="a""&""1"'),
    # a line break: no spreadsheet reads it as a number or date; only the formula guard
    ("12\n34", "12\n34"), ("=1\n2", "'=1\n2"), ("'t\n1", "''t\n1"), ("\rx", "'\rx"),
])
def test_excel_text(text, written):
    assert cell(text, Dialect(excel=True)) == written


def test_excel_text_longer_than_a_formula_constant_is_joined_from_pieces():
    text = "1" * 300 + '"'
    written = cell(text, Dialect(excel=True))
    assert written == '="' + "1" * 255 + '"&"' + "1" * 45 + '"""'
    huge = "1" * 9000  # more than one formula holds: as in the plain CSV
    assert cell(huge, Dialect(excel=True)) == huge


def test_columns_of_several_sets_in_set_order(cli, tmp_path):
    other = tmp_path / "other.yaml"
    other.write_text(VALID_SET.read_text(encoding="utf-8").replace(
        "id: test-set", "id: other-set").replace(
        "  - id: remarks", "  - id: founded\n    type: number\n    text: {nl: Opgericht, "
        "en: Founded}\n    source: [profile]\n  - id: remarks"), encoding="utf-8")
    first = start(cli, tmp_path, "A")
    second = start(cli, tmp_path, "B", {**FULL, "founded": 1999}, questions=other)
    text = export(cli)
    header, *rows = list(csv.reader(io.StringIO(text, newline="")))
    questions = [name for name in header if name.startswith("q_")]
    # the first set's questions in its order; the second adds only what is new to it
    assert questions == [f"q_{q}" for q in QUESTIONS] + ["q_founded"]
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    assert by_id[first]["q_founded"] == "" and by_id[second]["q_founded"] == "1999"
    assert by_id[second]["question_set"] == "other-set"


def test_client_filter_and_output_file(cli, tmp_path):
    zoe = start(cli, tmp_path, "Bakkerij Zoë & Café")
    start(cli, tmp_path, "Garage Jansen")
    out = tmp_path / "zoe.csv"
    result = cli("export", "--client", "  BAKKERIJ zoe & cafe", "-o", str(out), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Exported 1 self-check to" in result.stderr and result.stdout == ""
    assert out.stat().st_mode & 0o777 == 0o600  # it holds the same personal data
    rows = read_back(out.read_text(encoding="utf-8"), excel=False)
    assert [row["id"] for row in rows] == [zoe]
    result = cli("export", "--client", "Nobody", "--lang", "en")
    assert result.exit_code == 2 and "no self-checks for client 'Nobody'" in result.stderr


def test_empty_store_gives_a_header(cli):
    text = export(cli)
    assert text.splitlines() == [",".join(FIXED)]


def test_excel_is_for_csv_only(cli):
    result = cli("export", "--format", "jsonl", "--excel", "--lang", "en")
    assert result.exit_code == 2 and "--excel" in result.stderr


def test_a_damaged_record_is_named_and_the_rest_exported(cli, tmp_path):
    good = start(cli, tmp_path, "Good")
    bad = start(cli, tmp_path, "Bad")
    path = home() / "assessments" / f"{bad}.json"
    path.write_bytes(b'{"assessment": {')
    result = cli("export", "--lang", "en")
    assert result.exit_code == 1
    assert str(path) in result.stderr and "1 self-check could not be exported" in result.stderr
    assert [row[0] for row in csv.reader(io.StringIO(result.stdout))][1:] == [good]
    assert path.read_bytes() == b'{"assessment": {'  # left as it was


def test_plain_csv_is_pinned_to_the_byte(cli):
    """Tools (pandas, DuckDB, scripts) read the plain CSV: the Excel dialect's guards must never
    leak into it. tests/data/sheet.plain.csv was written before the Excel dialect changed and
    is not to be regenerated lightly: a change here breaks every reader's script. (Changed once
    since, on purpose: a client name's control characters are written visibly, `\\x0a`, in
    every output, issue 15 point 10; a name can no longer be stored with one. And once more:
    scores are written in whole points, rounded down, as every output shows them, issue 14
    point 9.)"""
    qset = sheet_set()
    fill(open_store(home()), qset)
    result = cli("export")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == (DATA / "sheet.plain.csv").read_bytes()


def test_excel_dialect_says_what_the_plain_csv_says(cli):
    """Every cell of `--excel`, as a spreadsheet reads it, is the plain CSV's cell as its own
    reading rule reads it: the same values, only guarded."""
    fill(open_store(home()), sheet_set())
    plain = list(csv.reader(io.StringIO(export(cli), newline="")))
    text = export(cli, "--excel")
    assert text.startswith("\ufeff")
    excel = list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))
    assert excel[0] == plain[0]  # the header as in the plain CSV
    assert len(excel) == len(plain) > 30
    for plain_row, excel_row in zip(plain[1:], excel[1:], strict=True):
        for name, want, got in zip(plain[0], plain_row, excel_row, strict=True):
            assert spreadsheet_value(got) == shown(name, want), (name, got)
