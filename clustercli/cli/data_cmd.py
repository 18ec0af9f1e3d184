"""`clustercli export | import | delete | purge`: the user's data stays theirs.

Export and import carry assessments between computers and into pandas, DuckDB or Excel (AVG
art. 20); delete and purge erase them completely (art. 17). The formats and rules are in the
pure core (`clustercli.portability`) and in docs/export-format.md; this module reads the store,
asks before erasing, and prints.
"""


import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from clustercli.cli.app import (
    ClusterCommand,
    H,
    LangOption,
    clean_id,
    echo_error,
    use_language,
)

# Accepted as "yes" in either language: an advisor may answer in English to a Dutch screen.
YES = {"j", "ja", "y", "yes"}

Yes = Annotated[bool, typer.Option("--yes", "-y", help=H("portability.opt.yes"))]


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    xlsx = "xlsx"


def _store():
    from clustercli.cli.app import data_dir_option
    from clustercli.storage import open_store

    return open_store(data_dir_option())


def _interactive() -> bool:
    return sys.stdin.isatty()


def _to_terminal() -> bool:
    return sys.stdout.isatty()


def _say(text: str) -> None:
    typer.echo(text)


def _confirm(yes: bool, lang: str, question: str) -> bool:
    """--yes, or a "ja" typed at a terminal. Without a terminal nobody can answer: refuse."""
    from clustercli.errors import BadInput
    from clustercli.i18n import t

    if yes:
        return True
    if not _interactive():
        raise BadInput("portability.need_yes")
    typer.echo(f"{question} {t('portability.yes_no', lang)} ", nl=False)
    return sys.stdin.readline().strip().lower() in YES


def _write(data: bytes, output: Path | None) -> None:
    """To stdout as bytes (UTF-8 whatever the locale), or to FILE: atomically, and 0600 like
    the data folder, since an export holds the same personal data."""
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from clustercli.errors import BadInput
    from clustercli.storage.atomic import write_atomic

    try:
        write_atomic(output, data)
    except OSError as error:
        raise BadInput("cli.cannot_write", file=str(output),
                       detail=error.strerror or str(error)) from None


def _rows(store, client: str | None):
    from clustercli.errors import BadInput

    if client is None:
        return store.list()
    rows = store.find_by_client(client)
    if not rows:
        raise BadInput("portability.no_client", client=client)
    return rows


def export(
    format: Annotated[ExportFormat, typer.Option("--format", help=H("portability.opt.format"))] = (
        ExportFormat.csv),
    output: Annotated[Path | None, typer.Option("--output", "-o", help=H("cli.opt.output"),
                                                show_default=False)] = None,
    client: Annotated[str | None, typer.Option("--client", help=H("cli.opt.client_filter"),
                                               show_default=False)] = None,
    excel: Annotated[bool, typer.Option("--excel", help=H("portability.opt.excel"))] = False,
    lang: LangOption = None,
) -> None:
    from clustercli.errors import BadInput
    from clustercli.i18n import t
    from clustercli.messages import format_error
    from clustercli.portability import bundle, table
    from clustercli.portability.transfer import gather

    lang = use_language(lang)
    if excel and format is not ExportFormat.csv:
        raise BadInput("portability.export.excel_csv_only")
    if format is ExportFormat.xlsx and output is None and _to_terminal():
        raise BadInput("portability.export.xlsx_needs_file")  # a workbook is no terminal text
    store = _store()
    # All: straight from the files, no listing needed; a client: the index finds theirs.
    ids = None if client is None else [row.id for row in _rows(store, client)]
    found = gather(store, ids, parse_sets=format is not ExportFormat.jsonl)
    if format is ExportFormat.xlsx:
        from clustercli import clock
        from clustercli.portability import workbook
        from clustercli.portability.sheet import in_utc

        data = workbook.write(found.records, found.parsed, lang, in_utc(clock.now()))
    elif format is ExportFormat.csv:
        data = table.write(found.records, list(found.parsed.values()), excel).encode("utf-8")
    else:
        data = "".join(bundle.lines(found.records, found.sets)).encode("utf-8")
    _write(data, output)
    for assessment_id, error in found.problems:
        echo_error(t("portability.export.skipped", lang, id=assessment_id,
                     problem=format_error(error, lang)))
    if found.problems:
        echo_error(t("portability.export.incomplete", lang, count=len(found.problems),
                     exported=len(found.records)))
        raise typer.Exit(1)
    if output is not None:
        echo_error(t("portability.export.done", lang, count=len(found.records),
                     file=str(output)))


def import_file(
    file: Annotated[Path, typer.Argument(help=H("portability.arg.import_file"))],
    lang: LangOption = None,
) -> None:
    from clustercli.errors import BadInput
    from clustercli.i18n import t
    from clustercli.portability import bundle
    from clustercli.portability.transfer import import_bundle

    lang = use_language(lang)
    try:
        raw = file.read_bytes()
    except OSError as error:
        raise BadInput("portability.import.cannot_read", file=str(file),
                       detail=error.strerror or str(error)) from None
    found = bundle.read(raw, str(file))  # every line checked before the store is opened
    outcome = import_bundle(_store(), found, str(file))
    for kind in ("added", "updated"):
        ids = outcome[kind]
        _say(t(f"portability.import.{kind}", lang, count=len(ids)))
        for assessment_id in ids:
            client = found.records[assessment_id].client or "-"
            _say(f"  {assessment_id}  {client}")
    _say(t("portability.import.unchanged", lang, count=len(outcome["unchanged"])))


def delete(
    assessment_id: Annotated[str | None, typer.Argument(
        callback=clean_id, help=H("portability.arg.delete_id"), show_default=False)] = None,
    client: Annotated[str | None, typer.Option("--client", help=H("portability.opt.client"),
                                               show_default=False)] = None,
    yes: Yes = False,
    lang: LangOption = None,
) -> None:
    from clustercli.engine.listing import list_table
    from clustercli.errors import BadInput
    from clustercli.i18n import t
    from clustercli.records import NotFound

    lang = use_language(lang)
    if (assessment_id is None) == (client is None):
        raise BadInput("portability.delete.id_or_client")
    store = _store()
    if client is None:
        rows = [row for row in store.list() if row.id == assessment_id]
        if not rows:
            raise NotFound("store.not_found", id=assessment_id)
    else:
        rows = _rows(store, client)
    _say(list_table(rows, lang))
    if not _confirm(yes, lang, t("portability.delete.confirm", lang, count=len(rows))):
        _say(t("portability.nothing_deleted", lang))
        return
    store.delete_many([row.id for row in rows])
    _say(t("portability.deleted", lang, count=len(rows)))


def purge(
    older_than: Annotated[str, typer.Option("--older-than", help=H("portability.opt.older_than"),
                                            metavar="2y|18m|30d", show_default=False)],
    yes: Annotated[bool, typer.Option("--yes", "-y", help=H("portability.opt.purge_yes"))] = False,
    lang: LangOption = None,
) -> None:
    from clustercli import clock
    from clustercli.engine.listing import list_table
    from clustercli.i18n import t
    from clustercli.portability import retention

    lang = use_language(lang)
    moment = retention.cutoff(clock.parse(clock.now()), retention.parse_duration(older_than))
    when = moment.strftime("%Y-%m-%d %H:%M UTC")
    store = _store()
    rows = retention.older_than(store.list(), moment)
    if not rows:
        _say(t("portability.purge.none", lang, moment=when))
        return
    _say(t("portability.purge.found", lang, count=len(rows), moment=when))
    _say(list_table(rows, lang))
    if not yes:
        _say(t("portability.purge.dry_run", lang, count=len(rows), older_than=older_than))
        return
    store.delete_many([row.id for row in rows])
    _say(t("portability.deleted", lang, count=len(rows)))


def register(app: typer.Typer) -> None:
    app.command("export", help=H("portability.export.help"), cls=ClusterCommand)(export)
    app.command("import", help=H("portability.import.help"), cls=ClusterCommand)(import_file)
    app.command("delete", help=H("portability.delete.help"), cls=ClusterCommand)(delete)
    app.command("purge", help=H("portability.purge.help"), cls=ClusterCommand)(purge)
