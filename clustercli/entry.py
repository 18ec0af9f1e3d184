"""The `clustercli` command's entry point: signals first, then the one question answered before
the CLI loads.

The stop signals (Ctrl-C, `kill`, a closed terminal) get our handler the moment this module is
imported, before anything heavy (clustercli.interrupts): a signal during start-up ends the run
like one at a prompt, with one line, exit 128 + the signal, and no traceback.

`clustercli --version` needs nothing but the version; loading typer for it would cost about a
hundred milliseconds here. Everything else, `--help` included, goes to the typer application.
"""

from __future__ import annotations

from clustercli import interrupts

# On import: `clustercli` and `python -m clustercli` import this module before anything else.
# Until the command line is parsed, a signal is held: acted on there, not inside an import.
interrupts.install(starting=True)

import sys  # noqa: E402  (after the handler)


def main() -> None:
    try:
        if sys.argv[1:] == ["--version"]:
            interrupts.begin()
            from clustercli import __version__

            sys.stdout.write(f"clustercli {__version__}\n")
            return
        from clustercli.cli import main as run  # still held: the heavy imports

        run()  # begins as it parses the command line (ClusterGroup.make_context)
    except KeyboardInterrupt:  # before the CLI could take it, or after
        interrupts.end()
    finally:
        interrupts.stopping()  # the run is over: a signal now changes nothing
