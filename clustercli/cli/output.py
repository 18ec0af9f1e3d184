"""The one way out: every `--format` is an entry in a registry, every `-o FILE` goes through
one writer.

A registry (`Formats`) maps a format name to a renderer for one kind of content: a report
(`show`), a document (`compare`, `stats`), an export, a listing (`list`, `clients`, `questions
show`). A renderer returns the whole output, as text (str: written as UTF-8 to a file, in the
terminal's encoding to stdout) or as bytes (written as they are: an export, an xlsx). Adding a
format is one entry here; the command's `--format` choices are made from the registry. A
renderer is named "module:function" where its module is heavy, so that `--help` imports none.

`write` puts the output on stdout, or in the user's file by `write_file`: through the store's
atomic writer (a temp file made 0600 beside the file, written, fsynced, renamed over it with
`os.replace`, then the folder fsynced), so the file is 0600 whatever the umask (an advisor's
copy holds client names and notes), a crash leaves the old file or the new one, and a symlink
at the destination is replaced, never followed: the file it pointed to stays as it was. A
failure names the file and the reason: exit 2 for a path the user got wrong (no such folder, a
folder, no permission, a read-only file system), 1 for anything else (a full disk).
"""

import errno
import json
import os
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from clustercli.errors import BadInput, ClusterError

if TYPE_CHECKING:
    from clustercli.advisor.layout import Document
    from clustercli.portability.transfer import Gathered

T = TypeVar("T")
Rendered = str | bytes

# What the user can put right: the path itself. Anything else (a full disk, an I/O error) is ours
# or the machine's, exit 1.
_PATH_ERRORS = frozenset({errno.ENOENT, errno.ENOTDIR, errno.EISDIR, errno.EACCES, errno.EPERM,
                          errno.EROFS, errno.ENAMETOOLONG, errno.ELOOP})


@dataclass(frozen=True)
class Format(Generic[T]):
    """One format: its name on the command line and what renders it. `binary`: not text, so
    it goes to a file or a pipe, never to the terminal's screen."""

    name: str
    renderer: str | Callable[[T], Rendered]  # a function, or "module:function" (imported late)
    binary: bool = False

    def render(self, content: T) -> Rendered:
        function = self.renderer
        if isinstance(function, str):
            module, _, name = function.partition(":")
            function = getattr(import_module(module), name)
        return function(content)


class Formats(Generic[T]):
    """The formats of one kind of content, in the order `--help` lists them."""

    def __init__(self, *formats: Format[T]) -> None:
        self._formats = {entry.name: entry for entry in formats}

    def __getitem__(self, name: str) -> Format[T]:
        return self._formats[str(name)]

    def __iter__(self) -> Iterator[str]:
        return iter(self._formats)

    def __contains__(self, name: object) -> bool:
        return name in self._formats

    @property
    def entries(self) -> tuple[Format[T], ...]:
        return tuple(self._formats.values())

    def choices(self, enum_name: str) -> type[StrEnum]:
        """The names as an Enum: what typer makes `--format`'s choices of."""
        members = [(name, name) for name in self._formats]
        return StrEnum(enum_name, members)  # type: ignore[return-value]


# --- what commands other than `show` hand to a format ----------------------------------------


@dataclass(frozen=True)
class Listing:
    """A table or listing for people, and the documented JSON form of the same; each made only
    when its format is asked for."""

    text: Callable[[], str]
    data: Callable[[], Any]


@dataclass(frozen=True)
class Documented:
    """A document of sections (compare, stats), laid out as text or Markdown, and its JSON."""

    document: Callable[[], "Document"]
    data: Callable[[], Any]


@dataclass(frozen=True)
class Shown:
    """A report and the sections to show (`report.sections.SHORT`, or `SECTIONS` with the
    details); the HTML always shows all of them, the JSON is the whole report's data."""

    report: Any  # clustercli.report.model.Report
    sections: tuple[str, ...]


@dataclass(frozen=True)
class Export:
    """What an export writes: the gathered records and their question sets, `--excel`, and
    the language a workbook's labels and notes are written in."""

    found: "Gathered"
    excel: bool = False
    lang: str = "nl"


def json_text(data: Any) -> str:
    """The JSON form of every command: UTF-8 as written ("Zoë"), indented, keys in order."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _lines(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"


def _json(content: Listing | Documented) -> str:
    return json_text(content.data())


def _listing_text(content: Listing) -> str:
    return _lines(content.text())


def _document_text(content: Documented) -> str:
    from clustercli.advisor.layout import to_text
    from clustercli.textwidth import prose_room

    return _lines(to_text(content.document(), prose_room()))


def _document_markdown(content: Documented) -> str:
    from clustercli.advisor.layout import to_markdown

    return to_markdown(content.document())


def _csv(export: Export) -> bytes:
    from clustercli.portability import table

    return table.write(export.found.records, list(export.found.parsed.values()),
                       export.excel).encode("utf-8")


def _jsonl(export: Export) -> bytes:
    from clustercli.portability import bundle

    return "".join(bundle.lines(export.found.records, export.found.sets)).encode("utf-8")


def _xlsx(export: Export) -> bytes:
    from clustercli import clock
    from clustercli.portability import workbook
    from clustercli.portability.sheet import in_utc

    return workbook.write(export.found.records, export.found.parsed, export.lang,
                          in_utc(clock.now()))


# --- the registries: adding a format is one entry ---------------------------------------------

def _report_plain(shown: Shown) -> str:
    from clustercli.render.terminal import render_plain
    from clustercli.textwidth import prose_room

    return render_plain(shown.report, shown.sections, prose_room())


def _report_markdown(shown: Shown) -> str:
    from clustercli.render.markdown import render_markdown

    return render_markdown(shown.report, shown.sections)


def _report_html(shown: Shown) -> str:
    from clustercli.render.html import render_html

    return render_html(shown.report)


def _report_json(shown: Shown) -> str:
    from clustercli.render.json_report import render_json

    return render_json(shown.report)


REPORT_FORMATS: Formats[Shown] = Formats(
    Format("terminal", _report_plain),  # the plain text, in a file
    Format("md", _report_markdown),
    Format("html", _report_html),
    Format("json", _report_json),
)
DOCUMENT_FORMATS: Formats[Documented] = Formats(
    Format("terminal", _document_text),
    Format("md", _document_markdown),
    Format("json", _json),
)
LIST_FORMATS: Formats[Listing] = Formats(Format("table", _listing_text), Format("json", _json))
QUESTION_SET_FORMATS: Formats[Listing] = Formats(Format("text", _listing_text),
                                                 Format("json", _json))
EXPORT_FORMATS: Formats[Export] = Formats(Format("csv", _csv), Format("jsonl", _jsonl),
                                          Format("xlsx", _xlsx, binary=True))

# `--format`'s choices, one Enum per registry (typer lists and checks them). They are made at
# run time from the registries; a type checker knows each as an Enum of strings.
if TYPE_CHECKING:
    class _Choices(StrEnum):
        """A format's name."""

    ReportFormat = _Choices
    DocumentFormat = _Choices
    ListFormat = _Choices
    QuestionSetFormat = _Choices
    ExportFormat = _Choices
else:
    ReportFormat = REPORT_FORMATS.choices("ReportFormat")
    DocumentFormat = DOCUMENT_FORMATS.choices("DocumentFormat")
    ListFormat = LIST_FORMATS.choices("ListFormat")
    QuestionSetFormat = QUESTION_SET_FORMATS.choices("QuestionSetFormat")
    ExportFormat = EXPORT_FORMATS.choices("ExportFormat")


# --- the writer -------------------------------------------------------------------------------


def emit(formats: Formats[T], name: str, content: T, destination: Path | None, *,
         seal: Callable[[bytes], bytes] | None = None) -> None:
    """`content` in format `name`, to stdout or to the file `destination`; `seal` (an
    encryption) turns the rendered bytes into the bytes written."""
    entry = formats[name]
    if (entry.binary or seal is not None) and destination is None and on_screen():
        raise BadInput("cli.binary_to_terminal", format=entry.name)
    data = entry.render(content)
    if seal is not None:
        data = seal(data.encode("utf-8") if isinstance(data, str) else data)
    write(data, destination)


def on_screen() -> bool:
    """Whether standard output is a terminal's screen (bytes do not belong there)."""
    return sys.stdout.isatty()


def write(data: Rendered, destination: Path | None) -> None:
    """Text or bytes to stdout (bytes as they are, whatever the locale), or to a file."""
    if destination is not None:
        write_file(destination, data.encode("utf-8") if isinstance(data, str) else data)
    elif isinstance(data, str):
        sys.stdout.write(data)
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()


def write_file(destination: Path, data: bytes) -> None:
    """`data` as the whole of the user's file `destination`: see the module's docstring."""
    from clustercli.storage import write_atomic

    _check_destination(destination)
    try:
        write_atomic(destination, data)
    except OSError as error:
        raise _write_error(destination, error) from None


def _check_destination(destination: Path) -> None:
    """Refuse what cannot become a file of ours: a folder (also through a link), a device, a
    pipe or a socket (where `os.replace` would swap out /dev/null rather than write to it)."""
    if destination.name in ("", ".", ".."):
        raise BadInput("cli.output_is_folder", file=str(destination))
    try:
        mode = os.lstat(destination).st_mode
        if stat.S_ISLNK(mode):
            mode = os.stat(destination).st_mode  # only to look: a link is replaced, not used
    except FileNotFoundError:
        return  # a new file, or a dangling link: both fine
    except OSError as error:
        raise _write_error(destination, error) from None
    if stat.S_ISDIR(mode):
        raise BadInput("cli.output_is_folder", file=str(destination))
    if not stat.S_ISREG(mode):
        raise BadInput("cli.output_not_a_file", file=str(destination))


def _write_error(destination: Path, error: OSError) -> ClusterError:
    if error.errno == errno.ENOENT and not destination.parent.is_dir():
        return BadInput("cli.output_no_folder", file=str(destination),
                        folder=str(destination.parent))
    kind = BadInput if error.errno in _PATH_ERRORS else ClusterError
    return kind("cli.cannot_write", file=str(destination), detail=error.strerror or str(error))
