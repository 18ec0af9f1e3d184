"""`clustercli clients`, `list --client` name matching, and the privacy notice of advisor mode."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from clustercli.advisor.clients import overview
from clustercli.cli.advisor_cmd import PRIVACY_MARKER
from clustercli.records import IndexRow, SetRef
from tests.test_advisor_support import as_json, listing, run_start, shipped_answers

SET = SetRef("s", "1", "h" * 64)


def row(number: int, client: str, respondent: str = "", status: str = "completed",
        level: str | None = "klaar", updated: str | None = None) -> IndexRow:
    stamp = updated or f"2025-01-{number:02d}T10:00:00.000000Z"
    done = stamp if status == "completed" else None
    return IndexRow(f"id-{number}", client, respondent, status, 30, SET, stamp, stamp, done,
                    level if done else None)


def test_overview_groups_names_case_space_and_accent_insensitively():
    found = overview([
        row(1, "Bakkerij Zoë", "eigenaar", level="verkennen"),
        row(2, " bakkerij  zoe ", "Eigenaar ", level="klaar"),
        row(3, "BAKKERIJ ZOË", "Jan", status="in_progress"),
        row(4, "Smederij Één"),
        row(5, ""),
        row(6, "   "),
    ])
    assert [line.client for line in found.clients] == ["BAKKERIJ ZOË", "Smederij Één"]
    bakery = found.clients[0]
    assert (bakery.assessments, bakery.completed) == (3, 2)
    assert bakery.respondents == ("Eigenaar", "Jan")  # "eigenaar" and "Eigenaar " are one
    assert bakery.last_date.startswith("2025-01-03")
    assert bakery.last_level == "klaar"  # of the most recently completed one, not the newest
    assert found.without_client == 2


def test_last_level_follows_completion_not_start():
    early_start_late_finish = IndexRow(
        "x", "A", "", "completed", 30, SET, "2025-01-01T00:00:00Z", "2025-03-01T00:00:00Z",
        "2025-03-01T00:00:00Z", "trekker")
    found = overview([early_start_late_finish, row(2, "a", level="verkennen")])
    assert found.clients[0].last_level == "trekker"


def test_clients_through_the_cli(cli, tmp_path):
    run_start(cli, tmp_path, shipped_answers(2), "--client", "Bakkerij Zoë", "--respondent",
              "eigenaar")
    run_start(cli, tmp_path, shipped_answers(4), "--client", "bakkerij zoe", "--respondent",
              "Jan")
    run_start(cli, tmp_path, shipped_answers(3), "--client", "Smid & Zonen")
    run_start(cli, tmp_path, shipped_answers(3))
    data = as_json(cli("clients", "--format", "json", "--lang", "en"))
    assert set(data) == {"clients", "without_client"} and data["without_client"] == 1
    assert [c["client"] for c in data["clients"]] == ["bakkerij zoe", "Smid & Zonen"]
    bakery = data["clients"][0]
    assert set(bakery) == {"client", "assessments", "completed", "respondents", "last_date",
                           "last_level"}
    assert bakery["assessments"] == 2 and bakery["respondents"] == ["eigenaar", "Jan"]
    assert bakery["last_level"] == {"id": "trekker", "title": "Ready to lead"}
    assert data["clients"][1]["last_level"]["id"] == "opbouwen"

    table = cli("clients")  # Dutch by default: the level title in Dutch
    assert table.exit_code == 0
    assert "Klaar om te trekken" in table.stdout and "Basis opbouwen" in table.stdout
    assert "eigenaar, Jan" in table.stdout and "Zelftests zonder klant: 1" in table.stdout


def test_clients_in_an_empty_folder(cli):
    result = cli("clients", "--lang", "en")
    assert result.exit_code == 0 and "no clients yet" in result.stdout
    assert as_json(cli("clients", "--format", "json")) == {"clients": [], "without_client": 0}


def test_list_client_filter_matches_like_clients(cli, tmp_path):
    first = run_start(cli, tmp_path, shipped_answers(3), "--client", "Café Zoë")
    run_start(cli, tmp_path, shipped_answers(3), "--client", "Café Zoe B.V.")
    for spelling in ("café zoë", "CAFE ZOE", "  Cafe   Zoë "):
        rows = as_json(cli("list", "--client", spelling, "--format", "json"))
        assert [r["id"] for r in rows] == [first], spelling


# -- the privacy notice ---------------------------------------------------------------------

def test_privacy_notice_once_per_data_folder(cli, tmp_path):
    home = os.environ["CLUSTERCLI_HOME"]
    first = cli("start", "--answers", str(_answers(tmp_path)), "--client", "Bakkerij Zoë",
                "--lang", "en")
    assert first.exit_code == 0, first.output
    assert "About privacy" in first.stderr and home in first.stderr
    assert "clustercli export --client NAME" in first.stderr
    assert "clustercli delete --client NAME" in first.stderr
    again = cli("start", "--answers", str(_answers(tmp_path)), "--client", "Ander Bedrijf",
                "--lang", "en")
    assert again.exit_code == 0 and "privacy" not in again.stderr.lower()

    marker = Path(home) / PRIVACY_MARKER
    assert stat.S_IMODE(marker.stat().st_mode) == 0o600
    content = marker.read_text(encoding="utf-8")
    assert "Zo" not in content and "Bakkerij" not in content and "Ander" not in content
    assert not [name for name in os.listdir(home) if name.endswith(".tmp")]

    other = tmp_path / "elsewhere"
    third = cli("--data-dir", str(other), "start", "--answers", str(_answers(tmp_path)),
                "--client", "Bakkerij Zoë")
    assert third.exit_code == 0 and "Over privacy" in third.stderr  # Dutch by default
    assert str(other) in third.stderr and "clustercli delete --client NAAM" in third.stderr


def test_no_notice_and_no_marker_without_a_client(cli, tmp_path):
    for client in ([], ["--client", "  "]):
        result = cli("start", "--answers", str(_answers(tmp_path)), *client)
        assert result.exit_code == 0 and "privacy" not in result.stderr.lower()
    assert not os.path.exists(os.path.join(os.environ["CLUSTERCLI_HOME"], PRIVACY_MARKER))


def test_notice_follows_the_language_setting(cli, tmp_path):
    result = cli("start", "--answers", str(_answers(tmp_path)), "--client", "X",
                 env={"CLUSTERCLI_LANG": "en"})
    assert "About privacy" in result.stderr and "Over privacy" not in result.stderr
    assert listing(cli)[0]["client"] == "X"


def _answers(tmp_path):
    path = tmp_path / "privacy-answers.json"
    path.write_text(json.dumps(shipped_answers(3)), encoding="utf-8")
    return path
