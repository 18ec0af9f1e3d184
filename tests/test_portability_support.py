"""Shared helpers of the portability tests (no tests here): data made through the CLI and the
session API, and snapshots of a data folder down to the byte."""

from __future__ import annotations

import os
from pathlib import Path

from clustercli.engine import session as sessions
from clustercli.profile.build import summarise
from clustercli.questionset.loader import load
from clustercli.storage import open_store
from tests.conftest import VALID_SET

SET = ["--questions", str(VALID_SET)]
FULL = {"sector": "ict", "cooperates": True, "motives": ["market_position", "new_products"],
        "trust_1": 4, "trust_2": 2, "trust_3": "weekly", "employees": 12,
        "remarks": "Samenwerking met 't Hoekje"}


def home() -> Path:
    return Path(os.environ["CLUSTERCLI_HOME"])


def answers_yaml(folder: Path, answers: dict, name: str = "answers.json") -> Path:
    import json

    path = folder / name
    path.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    return path


def start(cli, folder: Path, client: str, answers: dict | None = None, respondent: str = "",
          questions: Path = VALID_SET, data_dir: Path | None = None) -> str:
    """A completed assessment made by `clustercli start --answers` (no terminal); its id."""
    before = {row.id for row in open_store(data_dir or home()).list()}
    path = answers_yaml(folder, answers or FULL, f"answers-{len(before)}.json")
    prefix = ["--data-dir", str(data_dir)] if data_dir else []
    result = cli(*prefix, "start", "--questions", str(questions), "--answers", str(path),
                 "--client", client, "--respondent", respondent)
    assert result.exit_code == 0, result.output
    [new] = {row.id for row in open_store(data_dir or home()).list()} - before
    return new


def session_with_history(data_dir: Path, client: str, complete: bool = True) -> str:
    """An assessment with notes, changed answers and one that stopped applying: every kind of
    thing a record holds. Made through the session API, as the interview makes them."""
    qset = load(VALID_SET)
    session = sessions.start(open_store(data_dir), qset, "nl", client, "eigenaar")
    q = qset.question
    session.answer(q("sector"), "other", note="Eerst gedacht: anders")
    session.answer(q("sector"), "ict")
    session.answer(q("cooperates"), True)
    session.answer(q("motives"), ["new_products"], note="Vooral export")
    session.answer(q("cooperates"), False)  # motives no longer applies: into history
    for question, value in [("trust_1", "unknown"), ("trust_2", 5), ("trust_3", "monthly"),
                            ("employees", 40)]:
        session.answer(q(question), value)
    session.answer(q("remarks"), "=SUM(A1:A9) en \"aanhalingstekens\"\nnieuwe regel",
                   note="Klant wil -5% korting; @partners")
    if complete:
        session.complete(summarise)
    return session.id


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file's bytes and every folder (as None), by relative path."""
    return {str(path.relative_to(folder)): None if path.is_dir() else path.read_bytes()
            for path in sorted(folder.rglob("*"))}
