"""The `clustercli` command's entry point: the one question answered before the CLI loads.

`clustercli --version` needs nothing but the version; loading typer for it would cost about a
hundred milliseconds here. Everything else, `--help` included, goes to the typer application.
"""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from clustercli import __version__

        sys.stdout.write(f"clustercli {__version__}\n")
        return
    from clustercli.cli import main as run

    run()
