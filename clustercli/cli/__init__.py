"""The command line: `clustercli` and `python -m clustercli` both run `main()`.

The command modules do without `from __future__ import annotations`: typer reads every
command's signature on each run, and string annotations cost an `eval` apiece (about 25 ms for
the whole CLI here, a quarter of the `--help` budget).
"""


from clustercli.cli import advisor_cmd, data_cmd, interview_cmd, report_cmd
from clustercli.cli.app import app
from clustercli.cli.questions_cmd import questions_app

interview_cmd.register(app)
report_cmd.register(app)
advisor_cmd.register(app)
data_cmd.register(app)
app.add_typer(questions_app, name="questions")


def main() -> None:
    app(prog_name="clustercli")
