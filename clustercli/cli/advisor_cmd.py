"""`clustercli clients | compare | stats`, and the privacy notice of advisor mode.

Thin as every command: options in, the pure functions of `clustercli.advisor` do the work,
the result printed in the chosen format.
"""


import contextlib
from collections.abc import Callable
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
    data_dir_option,
    data_store,
    echo_error,
    lang_option,
    table_room,
    use_check_language,
    use_language,
)
from clustercli.cli.output import (
    DOCUMENT_FORMATS,
    LIST_FORMATS,
    Documented,
    DocumentFormat,
    ListFormat,
    Listing,
    emit,
)

# Written in the data folder once the privacy notice has been shown there; holds no client data.
PRIVACY_MARKER = ".privacy-notice-shown"

# without --lang: the language of the two self-checks when they share one
if TYPE_CHECKING:
    CompareLangOption: TypeAlias = str | None
else:
    CompareLangOption = lang_option("cli.opt.lang_compare")
DocumentFormatOption = Annotated[DocumentFormat, typer.Option(
    "--format", help=H("advisor.opt.report_format"))]


def _document(format: str, content: Documented, output: Path | None, lang: str) -> None:
    from clustercli.i18n import t

    emit(DOCUMENT_FORMATS, format, content, output)
    if output is not None:
        echo_error(t("cli.written", lang, file=str(output)))


def privacy_notice_once(client: str, lang: str,
                        show: Callable[[str], None] = echo_error) -> bool:
    """The first time a client is named in a data folder: what is stored, where, and how to
    export or erase it (through `show`: the interview shows it as a screen of its own and
    waits for Enter). A marker file remembers that it was shown (atomically, 0600). Returns
    whether it was shown."""
    if not client.strip():
        return False
    from clustercli.clock import now
    from clustercli.i18n import t
    from clustercli.storage import ensure_dir, write_atomic

    folder = data_dir_option()
    marker = folder / PRIVACY_MARKER
    if marker.exists():
        return False
    show(t("advisor.privacy", lang, folder=str(folder.resolve())))
    # Best effort: a folder that cannot be written is the store's to report, before it changes
    # anything (the notice is then simply shown again next time).
    with contextlib.suppress(OSError):
        ensure_dir(folder)
        write_atomic(marker, f"privacy notice shown {now()}\n".encode())
    return True


def clients(
    format: Annotated[ListFormat, typer.Option("--format", help=H("advisor.opt.clients_format"))]
    = ListFormat("table"),
    lang: LangOption = None,
) -> None:
    from clustercli.advisor.clients import clients_text, level_sets, overview, overview_json
    from clustercli.advisor.labels import labels_for

    lang = use_language(lang)
    store = data_store()
    found = overview(store.list())
    labels = labels_for(level_sets(found), store.question_set_data)
    emit(LIST_FORMATS, format, Listing(text=lambda: clients_text(found, labels, lang,
                                                                 table_room()),
                                       data=lambda: overview_json(found, labels, lang)), None)


def compare(
    first: Annotated[str, typer.Argument(
        callback=clean_id, help=H("advisor.arg.first"), metavar=H("advisor.metavar.first"))],
    second: Annotated[str, typer.Argument(
        callback=clean_id, help=H("advisor.arg.second"), metavar=H("advisor.metavar.second"))],
    format: DocumentFormatOption = DocumentFormat("terminal"),
    output: OutputOption = None,
    lang: CompareLangOption = None,
) -> None:
    from clustercli.advisor.compare import compare as compare_two
    from clustercli.advisor.compare_view import compare_document, compare_json

    use_language(lang)  # for a message before the two are found
    comparison = compare_two(data_store(), first.strip(), second.strip())
    lang = use_check_language(lang, comparison.first.language, comparison.second.language)
    _document(format, Documented(document=lambda: compare_document(comparison, lang),
                                 data=lambda: compare_json(comparison, lang)), output, lang)


def stats(
    client: Annotated[str | None, typer.Option("--client", help=H("advisor.opt.stats_client"),
                                               metavar=H("cli.metavar.name"),
                                               show_default=False, callback=clean_name)] = None,
    since: Annotated[str | None, typer.Option("--since", help=H("advisor.opt.since"),
                                              metavar=H("cli.metavar.date"),
                                              show_default=False)] = None,
    format: DocumentFormatOption = DocumentFormat("terminal"),
    output: OutputOption = None,
    lang: LangOption = None,
) -> None:
    from clustercli.advisor.labels import labels_for
    from clustercli.advisor.stats import parse_since, pooled, select
    from clustercli.advisor.stats_view import stats_document, stats_json

    lang = use_language(lang)
    first_day = parse_since(since) if since is not None else None  # before touching the store
    store = data_store()
    found = pooled(select(store.list(with_summaries=True), client, first_day))
    labels = labels_for(list(found.sets), store.question_set_data)
    _document(format, Documented(
        document=lambda: stats_document(found, labels, lang, client, first_day),
        data=lambda: stats_json(found, labels, lang, client, first_day)), output, lang)


def register(app: typer.Typer) -> None:
    app.command("clients", help=H("advisor.help.clients"), cls=ClusterCommand)(clients)
    app.command("compare", help=H("advisor.help.compare"), cls=ClusterCommand)(compare)
    app.command("stats", help=H("advisor.help.stats"), cls=ClusterCommand)(stats)

