"""The xlsx export: the columns and rows of `sheet.py` written with XlsxWriter, as bytes.

Only this module imports xlsxwriter, and only inside `write`, so that every other command (and
`--help`) starts without it. XlsxWriter rather than openpyxl for speed: both are maintained and
write correct workbooks, but for 10,000 self-checks of the shipped set openpyxl's write-only
mode took over 6 s (over 5 s with lxml) against a target of 5 s; XlsxWriter takes about half
of openpyxl's time for the same cells (bench/advisor.py). The rows stream through XlsxWriter's
temporary files (its constant-memory mode, again for speed); those are kept in a private
temporary folder (0700, files 0600) that is removed when the workbook is done, also after an
error or Ctrl-C. The workbook itself is returned as bytes, for the caller to write atomically.

Every text is a text cell (`write_string`), whatever it looks like: a text that starts with `=`
is never a formula, `#N/A` never an error value, `0612345678` never a number, so nothing a
respondent typed is ever evaluated or changed. XlsxWriter escapes what XML cannot hold (control
characters become `_x0007_`, which Excel reads as the character). One of its shortcuts needs
a guard: it stores a text that starts with `<r>` and ends with `</r>` as ready-made XML (its
form for a rich string), so such a text is written as a rich string of three plain pieces, which
XlsxWriter escapes like any other text. A cell holds at most 32,767 characters (Excel's limit);
XlsxWriter cuts a longer text there.

Sheet 1 (the self-checks): header row frozen and filtered, columns wide enough for their
header (and their values, up to a limit). Sheet 2 ("Over deze export" / "About this export"):
when it was made, from which question sets, how to read it, and what every column holds.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterable, Mapping
from datetime import datetime
from itertools import zip_longest
from typing import TYPE_CHECKING, Any

from clustercli.errors import BadInput
from clustercli.i18n import t
from clustercli.portability.sheet import Sheet
from clustercli.records import Assessment

if TYPE_CHECKING:
    from clustercli.questionset.model import QuestionSet

MAX_WIDTH = 50  # characters: a long answer wraps on screen rather than widen its column
FILTER_BUTTON = 3  # characters the filter's drop-down button takes from a header
TIME_WIDTH = 20  # "2025-01-31 09:30:00"
WIDTH_SAMPLE = 1000  # rows looked at for the widths of the columns
TIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
# constant_memory: each row goes to a temporary file as soon as the next one starts (0.7 s of 5
# at 10,000 rows, and a tenth of the memory); the texts are then written inline in the sheet.
_OPTIONS = {"constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
            "strings_to_urls": False}


def write(records: Iterable[Assessment], sets: Mapping[str, QuestionSet], lang: str,
          moment: datetime) -> bytes:
    """The workbook of these records (oldest first), whose question sets are `sets` by hash;
    texts in `lang`; `moment` (naive UTC) is when the export was made."""
    import xlsxwriter  # type: ignore[import-untyped]  # typed, but no py.typed marker

    sheet = Sheet(sets, lang)
    rows = [sheet.row(record) for record in records]
    buffer = io.BytesIO()
    try:
        with tempfile.TemporaryDirectory(prefix="clustercli-xlsx-") as scratch:
            _write_book(xlsxwriter.Workbook(buffer, {**_OPTIONS, "tmpdir": scratch}), sheet,
                        rows, sets, lang, moment)
    except OSError as error:  # the temporary folder: missing, full, not writable
        raise BadInput("sheet.no_temporary_folder", folder=error.filename or tempfile.gettempdir(),
                       detail=error.strerror or str(error)) from None
    return buffer.getvalue()


def _write_book(book: Any, sheet: Sheet, rows: list[list[Any]],
                sets: Mapping[str, QuestionSet], lang: str, moment: datetime) -> None:
    book.set_properties({"author": "clustercli", "created": moment})
    bold = book.add_format({"bold": True})
    time = book.add_format({"num_format": TIME_FORMAT})

    data = book.add_worksheet(t("sheet.title", lang))
    headers = [column.name for column in sheet.columns]
    for number, width in enumerate(_widths(headers, rows)):
        data.set_column(number, number, width)
    data.freeze_panes(1, 0)
    data.autofilter(0, 0, len(rows), len(headers) - 1)
    _write_row(data, 0, headers, bold, time)
    for number, row in enumerate(rows, 1):
        _write_row(data, number, row, None, time)

    about = book.add_worksheet(t("sheet.about.sheet", lang))
    lines = sheet.about(sets.values(), len(rows), moment)
    for number, width in enumerate(_widths([], lines, limit=80)):
        about.set_column(number, number, width)
    for number, line in enumerate(lines):
        header = number == 0 or line[:1] == [t("sheet.about.column", lang)]
        _write_row(about, number, line, bold if header else None, time)
    book.close()


def _write_row(worksheet: Any, row: int, values: list[Any], style: Any, time: Any) -> None:
    text, number, moment = worksheet.write_string, worksheet.write_number, \
        worksheet.write_datetime
    for column, value in enumerate(values):
        kind = type(value)
        if kind is str:
            if not value:
                continue  # an empty text is an empty cell, as in the CSV
            if value.startswith("<r>") and value.endswith("</r>"):  # see the module docstring
                worksheet.write_rich_string(row, column, value[:1], value[1:2], value[2:],
                                            *([style] if style is not None else []))
            else:
                text(row, column, value, style)
        elif kind is int or kind is float:
            number(row, column, value, style)
        elif kind is datetime:
            moment(row, column, value, time)


def _widths(headers: list[str], rows: list[list[Any]], limit: int = MAX_WIDTH) -> list[int]:
    """Per column: room for its header and filter button, and for its longest value up to
    `limit` characters (a date: its whole date and time). Looked for in at most WIDTH_SAMPLE
    rows spread over the sheet: a width is for the eye, and 10,000 rows would cost time."""
    sample = rows[::max(1, len(rows) // WIDTH_SAMPLE)]
    found = []
    for number, column in enumerate(zip_longest(*sample)):
        header = len(headers[number]) + FILTER_BUTTON if number < len(headers) else 0
        texts = [value for value in column if type(value) is str]
        numbers = [value for value in column if type(value) in (int, float)]
        times = TIME_WIDTH if any(type(value) is datetime for value in column) else 0
        longest = max(max(map(len, texts), default=0), max(map(len, map(str, numbers)),
                                                           default=0), times)
        found.append(max(header, min(max(longest, 8), limit)) + 1)
    return found + [len(header) + FILTER_BUTTON + 1 for header in headers[len(found):]]
