"""`clustercli stats`: figures over a small hand-computed store, beside the study's."""

from __future__ import annotations

from datetime import date

import pytest

from clustercli.advisor.labels import Labels
from clustercli.advisor.layout import to_text
from clustercli.advisor.stats import parse_since, pooled, select
from clustercli.advisor.stats_view import stats_document
from clustercli.errors import BadInput
from clustercli.profile.summary import Summary
from clustercli.records import IndexRow, SetRef
from tests.test_advisor_support import as_json, run_start, shipped_answers

SET = SetRef("s", "1", "h" * 64)


def row(number: int, answers: dict, level: str | None = None, scores: dict | None = None,
        status: str = "completed", client: str = "Firma", summary: bool = True) -> IndexRow:
    stamp = f"2025-01-{number:02d}T10:00:00.000000Z"
    done = stamp if status == "completed" else None
    kept = Summary(level, scores or {}, {}, answers)
    return IndexRow(f"id-{number}", client, "", status, 30, SET, stamp, stamp, done,
                    level if done else None, kept if summary else None)


# Each row's part in the figures, worked out by hand:
#   F3 (cooperates and said where): rows 1-4, of which 1 (yes) and 2 (partly) count -> 2 of 4
#   F4 (not cooperating regionally, answered wants): rows 3, 4 (cooperate, not regionally),
#       5, 6 (do not cooperate); 3 and 5 would like to -> 2 of 4; row 7 never answered, and
#       row 10 cooperates (regionally or not: unknown)
#   F9 (a number): rows 1, 2, 3, 5, 6 (row 4 said "unknown") -> 5, 4, 5 count -> 3 of 5
#   motives: rows 1, 2, 3, 5 -> quality 2, market_position 1, new_products 1 of 4
#   levels: rows 1-5; mean a over rows 1-4 = 50.0, mean b over rows 2-4 = 30.0
STORE = [
    row(1, {"cooperates": True, "cooperates_regionally": "yes", "stimulation_important": 5,
            "motives": ["market_position", "quality"]}, "klaar", {"a": 80.0, "b": None}),
    row(2, {"cooperates": True, "cooperates_regionally": "partly", "stimulation_important": 4,
            "motives": ["new_products"]}, "opbouwen", {"a": 60.0, "b": 50.0}),
    row(3, {"cooperates": True, "cooperates_regionally": "no", "wants_regional": True,
            "stimulation_important": 3, "motives": []}, "opbouwen", {"a": 40.0, "b": 30.0}),
    row(4, {"cooperates": True, "cooperates_regionally": "no", "wants_regional": False,
            "stimulation_important": "unknown"}, "verkennen", {"a": 20.0, "b": 10.0}),
    row(5, {"cooperates": False, "wants_regional": True, "stimulation_important": 2,
            "motives": ["quality"]}, "verkennen"),
    row(6, {"cooperates": False, "wants_regional": False, "stimulation_important": 5}),
    row(7, {"cooperates": False}),
    row(8, {"cooperates": True, "cooperates_regionally": "yes"}, status="in_progress"),
    row(9, {"cooperates": True, "cooperates_regionally": "yes"}, summary=False),
    # A set that asks everyone `wants_regional` and not `cooperates_regionally`: a cooperating
    # firm, so in neither F3 (where unknown) nor F4 (it may well cooperate regionally).
    row(10, {"cooperates": True, "wants_regional": True}),
]


def test_figures_over_a_hand_computed_store():
    stats = pooled(select(STORE))
    assert stats.n == 8  # completed with a summary: not rows 8 and 9
    assert (stats.regional.count, stats.regional.n) == (2, 4)
    assert (stats.would_like.count, stats.would_like.n) == (2, 4)
    assert (stats.stimulation.count, stats.stimulation.n) == (3, 5)
    assert stats.motives_n == 4
    assert [(key, share.count) for key, share in stats.motives] == [
        ("quality", 2), ("market_position", 1), ("new_products", 1)]
    assert stats.levels == {"klaar": 1, "opbouwen": 2, "verkennen": 2} and stats.levels_n == 5
    assert [(m.dimension, m.mean, m.n) for m in stats.means] == [("a", 50.0, 4), ("b", 30.0, 3)]
    assert not stats.regional.representative  # n = 4


def test_below_ten_a_caution_from_ten_none():
    labels = Labels()
    small = to_text(stats_document(pooled(select(STORE)), labels, "en"))
    assert small.count("not representative") == 6  # F3, F4, F9, motives, levels, means
    ten = [row(n, {"cooperates": True, "cooperates_regionally": "yes",
                   "stimulation_important": 4, "motives": ["quality"]}, "klaar", {"a": 50.0})
           for n in range(1, 11)]
    text = " ".join(to_text(stats_document(pooled(select(ten)), labels, "en")).split())
    assert "not representative" not in text
    assert "No answers for this figure yet (n = 0)" in text  # F4: nobody outside the region
    assert "100% do so (partly) with firms in their own region: 10 of 10 (n = 10)" in text


def test_selection_by_client_and_date():
    rows = [row(3, {}, client="Bakkerij Zoë"), row(4, {}, client="bakkerij zoe"),
            row(5, {}, client="Ander")]
    assert [r.id for r in select(rows, client=" BAKKERIJ ZOË ")] == ["id-3", "id-4"]
    assert [r.id for r in select(rows, since=date(2025, 1, 4))] == ["id-4", "id-5"]
    assert parse_since("2025-01-04") == date(2025, 1, 4)
    for bad in ("2025-13-01", "gisteren", "", "01-02-2025"):
        with pytest.raises(BadInput):
            parse_since(bad)


def test_stats_through_the_cli(cli, tmp_path):
    run_start(cli, tmp_path, shipped_answers(4, stimulation_important=5), "--client", "A")
    run_start(cli, tmp_path, shipped_answers(2, cooperates_regionally="no", wants_regional=True,
                                             stimulation_important=2), "--client", "B")
    run_start(cli, tmp_path, shipped_answers(3, cooperates=False, cooperates_regionally=None,
                                             wants_regional=False, motives=["innovation"]),
              "--client", "C")
    data = as_json(cli("stats", "--format", "json", "--lang", "en"))
    assert set(data) == {"schema_version", "filters", "n", "min_n", "note",
                         "regional_cooperation", "would_like_regional", "stimulation_important",
                         "motives", "levels", "dimensions"}
    assert data["n"] == 3 and data["min_n"] == 10
    assert data["filters"] == {"client": None, "since": None}
    regional = data["regional_cooperation"]
    assert {k: regional[k] for k in ("count", "n", "share", "representative")} == {
        "count": 1, "n": 2, "share": 0.5, "representative": False}
    assert regional["study"]["finding"] == "F3" and regional["study"]["year"] == 2001
    assert "around 2000" in regional["study"]["source"]
    assert (data["would_like_regional"]["count"], data["would_like_regional"]["n"]) == (1, 2)
    assert (data["stimulation_important"]["count"], data["stimulation_important"]["n"]) == (2, 3)
    motives = {item["key"]: item for item in data["motives"]["items"]}
    assert data["motives"]["n"] == 3 and motives["market_position"]["count"] == 2
    assert motives["new_products"]["count"] == 0 and motives["new_products"]["study_majority"]
    assert not motives["innovation"]["study_majority"]
    assert motives["quality"]["label"] == "Better quality of our products or processes"
    levels = [(item["id"], item["count"]) for item in data["levels"]["items"]]
    assert levels == [("verkennen", 1), ("opbouwen", 1), ("klaar", 0), ("trekker", 1)]
    assert data["levels"]["items"][0]["title"] == "Exploring"
    motivation = data["dimensions"][0]
    assert motivation == {"id": "motivation", "title": "Motives and goals", "mean": 50.0,
                          "n": 3, "representative": False}

    only_a = as_json(cli("stats", "--client", "a", "--format", "json"))
    assert only_a["n"] == 1 and only_a["filters"]["client"] == "a"
    later = as_json(cli("stats", "--since", "2999-01-01", "--format", "json"))
    assert later["n"] == 0 and later["filters"]["since"] == "2999-01-01"


def test_stats_texts(cli, tmp_path):
    run_start(cli, tmp_path, shipped_answers(4))
    text = cli("stats")
    assert text.exit_code == 0
    flat = " ".join(text.stdout.split())  # sentences are wrapped to the terminal
    assert "Samenwerken in de regio" in flat
    assert ("Studie: zeker een derde tot de helft (33% tot 50%) van de samenwerkende "
            "mkb-bedrijven werkte samen in regionale clusters.") in flat
    assert "(2001), bevinding F3" in flat and "rond 2000, niet over nu" in flat
    assert "niet representatief" in flat and "(n = 1)" in flat
    md = cli("stats", "--format", "md", "--lang", "en")
    assert md.stdout.startswith("# All completed self-checks together: 1")
    assert "## Cooperating in the region" in md.stdout and "| motive | share |" in md.stdout
    empty = cli("stats", "--since", "2999-01-01", "--lang", "en")
    assert "There are no completed self-checks to count yet." in empty.stdout


def test_a_bad_date_is_exit_2(cli):
    result = cli("stats", "--since", "31-01-2025", "--lang", "en")
    assert result.exit_code == 2
    assert "'31-01-2025' is not a date" in result.stderr and "YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.output
