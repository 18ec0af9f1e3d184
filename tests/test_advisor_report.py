"""`show ID` mentions the change since the previous completed check of the same respondent."""

from __future__ import annotations

import json

from tests.test_advisor_support import run_start, shipped_answers


def _two_checks(cli, tmp_path):
    before = run_start(cli, tmp_path, shipped_answers(4, dims={"win_win": 2}),
                       "--client", "Bakkerij Zoë", "--respondent", "eigenaar")
    run_start(cli, tmp_path, shipped_answers(2), "--client", "Bakkerij Zoë", "--respondent",
              "Jan")  # another respondent: not the one to compare with
    after = run_start(cli, tmp_path, shipped_answers(4), "--client", "bakkerij zoe",
                      "--respondent", "Eigenaar")
    return before, after


def test_every_format_mentions_the_change(cli, tmp_path):
    before, after = _two_checks(cli, tmp_path)
    md = cli("show", after, "--format", "md", "--lang", "en")
    assert md.exit_code == 0, md.output
    assert "## Since the previous self-check (" in md.stdout
    assert "- Readiness level: Building the basis → Ready to lead" in md.stdout
    assert "- A gain for every partner: 25 → 75 (↑ +50)" in md.stdout
    assert "- Bottlenecks resolved: A gain for every partner" in md.stdout
    assert f"clustercli compare {before} {after}" in md.stdout

    data = json.loads(cli("show", after, "--format", "json").stdout)
    assert data["since"]["title"].startswith("Sinds de vorige zelftest (")
    assert "Knelpunten opgelost: Voordeel voor alle partners" in data["since"]["lines"]

    plain = cli("show", after, "--plain").stdout
    assert "Sinds de vorige zelftest (" in plain and "- Nieuwe knelpunten: geen" in plain
    html = cli("show", after, "--format", "html").stdout
    assert '<section id="since">' in html and "Voordeel voor alle partners: 25 → 75" in html


def test_no_mention_without_an_earlier_check(cli, tmp_path):
    before, _ = _two_checks(cli, tmp_path)
    assert json.loads(cli("show", before, "--format", "json").stdout)["since"] is None
    alone = run_start(cli, tmp_path, shipped_answers(3))
    assert "Sinds de vorige" not in cli("show", alone, "--plain").stdout
