"""A store of N completed assessments of the shipped set, for benchmarks.

Run on its own: uv run python bench/_bigstore.py DIR [N]   (DIR must not exist yet)

Used by bench/advisor.py (list, clients, stats, export). The records are written in the file
store's own format (record files and the set copy through `storage.documents` and
`storage.jsonfile`, the index and its summaries through the store's own `Index.rebuild`), as
`open_store` would have left them after N runs of `clustercli start --answers`; one save per
answer through the store would take many minutes and measure nothing these benchmarks want. A
final `list` through the real store checks that every index row is accepted as it is (no
rescan), so the timed commands see a warm, valid index.

The answers are random but plausible and seeded (the same N gives the same store): each firm has
a readiness leaning, so levels and scores spread; clients come back (several assessments per
client, several respondents), and completion dates spread over two years. Records carry what an
advisor's records carry: a note on some answers and a few changed answers in their history.
PATTERNS distinct answer sets are profiled once each and shared out among the records, which
keeps building 10,000 records to seconds.
"""

from __future__ import annotations

import os
import random
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clustercli import conditions
from clustercli.paths import shipped_set
from clustercli.profile.build import summarise
from clustercli.questionset.loader import canonical_json, content_hash, load
from clustercli.questionset.model import Question, QuestionSet
from clustercli.records import Answer, Assessment, HistoryEntry, SetRef
from clustercli.storage import open_store
from clustercli.storage.documents import assessment_to, row_of
from clustercli.storage.index import stamp
from clustercli.storage.jsonfile import encode

PATTERNS = 500
NOTES = ("Vraagt door over de kosten.", "Twijfelt; komt hierop terug.",
         "Partner denkt hier anders over.")
RESPONDENTS = ("eigenaar", "directeur", "bedrijfsleider", "Jan de Vries", "Fatma Yılmaz")
START = datetime(2024, 1, 1, 9, 0, tzinfo=UTC)


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds").replace("+00:00", "Z")


def _value(q: Question, leaning: float, rng: random.Random) -> Any:
    if q.type == "yesno":
        return rng.random() < 0.6
    if q.type == "choice":
        return rng.choice(q.option_keys)
    if q.type == "multi":
        return rng.sample(list(q.option_keys), rng.randint(1, min(3, len(q.option_keys))))
    if q.type == "scale":
        if q.allow_unknown and rng.random() < 0.05:
            return conditions.UNKNOWN
        low, high = int(q.min), int(q.max)
        value = min(high, max(low, round(rng.gauss(leaning, 1.0))))
        return low + high - value if q.reverse else value  # a strong firm disagrees with these
    if q.type == "number":
        return rng.randint(int(q.min or 0), int(min(q.max or 500, 500)))
    return None  # text: left out (never required in the shipped set)


def random_answers(qset: QuestionSet, rng: random.Random) -> dict[str, Any]:
    """A complete, valid set of answers, walking the questions in order (a `when` only reads
    earlier ones)."""
    leaning = rng.uniform(1.5, 5.0)
    answers: dict[str, Any] = {}
    for q in qset.questions:
        if q.when is not None and not conditions.evaluate(q.when, answers):
            continue
        value = _value(q, leaning, rng)
        if value is not None:
            answers[q.id] = value
    return answers


def build(folder: Path, count: int, seed: int = 2001, clients: int | None = None) -> list[str]:
    """Write `count` completed assessments into `folder` (a new data folder); return their ids.
    About three assessments per client unless `clients` says how many clients."""
    rng = random.Random(seed)
    qset = load(shipped_set())
    ref = SetRef(qset.id, qset.version, content_hash(qset))
    store = open_store(folder)  # the folders, with their modes
    (store.sets.folder / f"{ref.hash}.json").write_text(canonical_json(qset), encoding="utf-8")
    os.chmod(store.sets.folder / f"{ref.hash}.json", 0o600)
    firms = [f"Bedrijf {n} BV" for n in range(clients or max(1, count // 3))]
    patterns = []
    for _ in range(min(count, PATTERNS)):
        answers = random_answers(qset, rng)
        patterns.append((answers, summarise(qset, answers)))
    rows, ids = {}, []
    for _ in range(count):
        answers, summary = rng.choice(patterns)
        created = START + timedelta(minutes=rng.randint(0, 2 * 365 * 24 * 60))
        at, done = _stamp(created), _stamp(created + timedelta(minutes=rng.randint(8, 40)))
        earlier = rng.choice(patterns)[0]  # an answer given first, then changed
        history = [HistoryEntry(question, earlier[question], at, None, at, "changed")
                   for question in rng.sample(sorted(answers), rng.randint(0, 3))
                   if question in earlier and earlier[question] != answers[question]]
        record = Assessment(
            str(uuid.uuid4()), ref, "nl", rng.choice(firms), rng.choice(RESPONDENTS),
            at, done, done, "completed",
            {question: Answer(value, at, rng.choice(NOTES) if rng.random() < 0.12 else None)
             for question, value in answers.items()},
            history, summary)
        path = store.records / f"{record.id}.json"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with open(fd, "wb") as handle:
            handle.write(encode({"assessment": {record.id: assessment_to(record)}}))
        rows[record.id] = (row_of(record), stamp(os.stat(path)))
        ids.append(record.id)
    store.index.rebuild(rows)  # the index and its summaries, as the store itself writes them
    listed = open_store(folder).list()
    assert len(listed) == count and all(row.status == "completed" for row in listed)
    return ids


if __name__ == "__main__":
    target = Path(sys.argv[1])
    if target.exists():
        sys.exit(f"{target} exists; give a new folder")
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    print(f"{len(build(target, size))} completed assessments in {target}")
