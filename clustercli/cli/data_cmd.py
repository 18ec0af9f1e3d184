"""`clustercli export | import | delete | purge`: the user's data stays theirs.

Export and import carry assessments between computers and into pandas, DuckDB or Excel (AVG
art. 20); delete and purge erase them completely (art. 17). The formats and rules are in the
pure core (`clustercli.portability`) and in docs/export-format.md; this module reads the store,
asks before erasing, and prints.
"""


import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeAlias

import typer

from clustercli.cli.app import (
    ClusterCommand,
    H,
    LangOption,
    OutputOption,
    clean_id,
    clean_name,
    current_language,
    data_store,
    echo_error,
    lang_option,
    table_room,
    use_check_language,
    use_language,
)
from clustercli.cli.output import EXPORT_FORMATS, Export, ExportFormat, emit

# Accepted as "yes" in either language: an advisor may answer in English to a Dutch screen.
YES = {"j", "ja", "y", "yes"}

# without --lang: the language of the self-check named by its id
if TYPE_CHECKING:
    from clustercli.records import IndexRow, Store

    DeleteLangOption: TypeAlias = str | None
else:
    DeleteLangOption = lang_option("cli.opt.lang_delete")
Yes = Annotated[bool, typer.Option("--yes", "-y", help=H("portability.opt.yes"))]


def _interactive() -> bool:
    return sys.stdin.isatty()


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


def _rows(store: "Store", client: str | None) -> "list[IndexRow]":
    from clustercli.errors import BadInput

    if client is None:
        return store.list()
    rows = store.find_by_client(client)
    if not rows:
        raise BadInput("portability.no_client", client=client)
    return rows


def export(
    ctx: typer.Context,  # typer gives it
    format: Annotated[ExportFormat, typer.Option("--format", help=H("portability.opt.format"))] = (
        ExportFormat("csv")),
    output: OutputOption = None,
    client: Annotated[str | None, typer.Option("--client", help=H("cli.opt.client_filter"),
                                               metavar=H("cli.metavar.name"),
                                               show_default=False, callback=clean_name)] = None,
    excel: Annotated[bool, typer.Option("--excel", help=H("portability.opt.excel"))] = False,
    encrypt: Annotated[bool, typer.Option("--encrypt", help=H("portability.opt.encrypt"))] = False,
    recipient: Annotated[list[str] | None, typer.Option(
        "--recipient", help=H("portability.opt.recipient"), metavar=H("cli.metavar.key"),
        show_default=False)] = None,
    lang: LangOption = None,
) -> None:
    from clustercli.errors import BadInput
    from clustercli.i18n import t
    from clustercli.messages import format_error
    from clustercli.portability.transfer import gather

    lang = use_language(lang)
    sealing = _Sealing.asked(encrypt, recipient, output, lang)  # before anything is exported
    source = ctx.get_parameter_source("format")
    if sealing is not None and source is not None and source.name == "DEFAULT":
        format = ExportFormat("jsonl")  # the one `import` takes
    if excel and format != "csv":
        raise BadInput("portability.export.excel_csv_only")
    store = data_store()
    # All: straight from the files, no listing needed; a client: the index finds theirs.
    ids = None if client is None else [row.id for row in _rows(store, client)]
    # Only the complete bundle does without the parsed sets (and so without pydantic); a
    # table needs their questions for its columns.
    found = gather(store, ids, parse_sets=format != "jsonl")
    emit(EXPORT_FORMATS, format, Export(found, excel, lang), output,
         seal=None if sealing is None else sealing.seal)
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
    if sealing is not None:
        echo_error(sealing.note(lang))


# -- encrypted exports (age, through clustercli.portability.sealed) -------------------------

PASSPHRASE_ENV = "CLUSTERCLI_PASSPHRASE"


def _terminal() -> bool:
    """Whether there is a terminal to ask a passphrase on (getpass reads /dev/tty)."""
    try:
        with open("/dev/tty", "rb"):
            return True
    except OSError:
        return False


def _passphrase(prompt: str, no_terminal: str, twice: bool = False, **params: str) -> str:
    """CLUSTERCLI_PASSPHRASE (for scripts), else typed on the terminal without echo (twice
    when it is being set); BadInput `no_terminal` when there is none to ask on."""
    from clustercli.errors import BadInput
    from clustercli.i18n import t

    lang = current_language()
    given = os.environ.get(PASSPHRASE_ENV)
    if given is None:
        if not _terminal():
            raise BadInput(no_terminal, **params)
        import getpass

        given = getpass.getpass(t(prompt, lang, **params))
        if twice and given and getpass.getpass(t("portability.encrypt.again", lang)) != given:
            raise BadInput("portability.encrypt.mismatch")
    if not given:
        raise BadInput("portability.encrypt.empty")
    return given


class _Sealing:
    """How `export --encrypt` seals its output: settled (keys checked, passphrase asked)
    before anything is exported."""

    def __init__(self, passphrase: str | None, to: list[str]) -> None:
        self.passphrase, self.to = passphrase, to

    @classmethod
    def asked(cls, encrypt: bool, recipients: list[str] | None, output: Path | None,
              lang: str) -> "_Sealing | None":
        if not (encrypt or recipients):
            return None
        from clustercli.errors import BadInput
        from clustercli.portability import sealed

        if output is None and sys.stdout.isatty():
            raise BadInput("portability.encrypt.not_to_terminal")
        to = sealed.recipients(recipients or [])
        phrase = None if to else _passphrase("portability.encrypt.passphrase",
                                             "portability.encrypt.no_terminal", twice=True)
        return cls(phrase, to)

    def seal(self, data: bytes) -> bytes:
        from clustercli.portability import sealed

        return sealed.seal(data, passphrase=self.passphrase, to=self.to)

    def note(self, lang: str) -> str:
        from clustercli.i18n import t

        if not self.to:
            return t("portability.encrypt.done_passphrase", lang)
        return t("portability.encrypt.done_keys", lang, count=len(self.to))


def import_file(
    file: Annotated[Path, typer.Argument(help=H("portability.arg.import_file"),
                                         metavar=H("cli.metavar.file"))],
    identity: Annotated[Path | None, typer.Option(
        "--identity", help=H("portability.opt.identity"), metavar=H("cli.metavar.file"),
        show_default=False)] = None,
    lang: LangOption = None,
) -> None:
    from clustercli.i18n import t
    from clustercli.portability import bundle
    from clustercli.portability.kinds import is_encrypted
    from clustercli.portability.transfer import import_bundle

    lang = use_language(lang)
    raw = bundle.read_file(file)
    if is_encrypted(raw):  # opened before anything is checked or written
        from clustercli.portability import sealed

        raw = sealed.unseal(raw, str(file), identity=identity, passphrase=lambda: _passphrase(
            "portability.sealed.passphrase", "portability.sealed.no_terminal", file=str(file)))
    found = bundle.read(raw, str(file))  # checked before the store opens
    outcome = import_bundle(data_store(), found, str(file))
    for kind in ("added", "updated"):
        ids = outcome[kind]
        _say(t(f"portability.import.{kind}", lang, count=len(ids)))
        for assessment_id in ids:
            client = found.records[assessment_id].client or "-"
            _say(f"  {assessment_id}  {client}")
    _say(t("portability.import.unchanged", lang, count=len(outcome["unchanged"])))


def delete(
    assessment_id: Annotated[str | None, typer.Argument(
        callback=clean_id, help=H("portability.arg.delete_id"), metavar=H("cli.metavar.id"),
        show_default=False)] = None,
    client: Annotated[str | None, typer.Option("--client", help=H("portability.opt.client"),
                                               metavar=H("cli.metavar.name"),
                                               show_default=False, callback=clean_name)] = None,
    yes: Yes = False,
    lang: DeleteLangOption = None,
) -> None:
    from clustercli.engine.listing import list_table
    from clustercli.errors import BadInput
    from clustercli.i18n import t
    from clustercli.names import client_key, similar
    from clustercli.records import NotFound

    explicit, lang = lang, use_language(lang)
    if (assessment_id is None) == (client is None):
        raise BadInput("portability.delete.id_or_client")
    store = data_store()
    every = store.list()
    near = []
    if client is None:
        rows = [row for row in every if row.id == assessment_id]
        if not rows:
            raise NotFound("store.not_found", id=assessment_id)
        if rows[0].status != "damaged":  # said in the language of the self-check
            lang = use_check_language(explicit, store.load(rows[0].id).language)
    else:
        # Every record that will go, and the ones whose name is close but will stay: an
        # advisor sees both before saying yes (a stray space, a "B.V.", a typo).
        key = client_key(client)
        rows = [row for row in every if client_key(row.client) == key]
        if not rows:
            raise BadInput("portability.no_client", client=client)
        near = [row for row in every if similar(key, client_key(row.client))]
    count = len(rows)
    _say(t("portability.delete.will_erase", lang, count=count))
    _say(list_table(rows, lang, table_room()))
    if near:
        _say("")
        _say(t("portability.delete.near", lang, count=len(near)))
        _say(list_table(near, lang, table_room()))
    if not _confirm(yes, lang, t("portability.delete.confirm", lang, count=count)):
        _say(t("portability.nothing_deleted", lang))
        return
    store.delete_many([row.id for row in rows])
    _say(t("portability.deleted", lang,
           count=count))


def purge(
    older_than: Annotated[str, typer.Option("--older-than", help=H("portability.opt.older_than"),
                                            metavar=H("cli.metavar.period"),
                                            show_default=False)],
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
    store = data_store()
    rows = retention.older_than(store.list(), moment)
    if not rows:
        _say(t("portability.purge.none", lang, moment=when))
        return
    _say(t("portability.purge.found", lang, count=len(rows), moment=when))
    _say(list_table(rows, lang, table_room()))
    if not yes:
        _say(t("portability.purge.dry_run", lang, count=len(rows), older_than=older_than))
        return
    store.delete_many([row.id for row in rows])
    _say(t("portability.deleted", lang,
           count=len(rows)))


def register(app: typer.Typer) -> None:
    app.command("export", help=H("portability.export.help"),
                epilog=H("portability.export.examples"), cls=ClusterCommand)(export)
    app.command("import", help=H("portability.import.help"), cls=ClusterCommand)(import_file)
    app.command("delete", help=H("portability.delete.help"), cls=ClusterCommand)(delete)
    app.command("purge", help=H("portability.purge.help"), cls=ClusterCommand)(purge)
