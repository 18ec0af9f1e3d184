"""A generated store of many assessments of the shipped question set, for the export benchmark.

Run by bench/export.py (or alone: uv run python bench/_exportstore.py DIR [SIZE]).

Each record answers every question of the shipped set with a possible value drawn at random
(seeded, so every run makes the same store), a note on some answers, a little history, and on
completion the summary the tool itself computes (`build_profile`) for those answers, so the CSV
has levels and scores to write. Files are written directly, like bench/save_answer.py does:
a save per answer through the store would take minutes and measure nothing export does.
"""

from __future__ import annotations

import os
import random
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clustercli.paths import shipped_set
from clustercli.profile import build_profile
from clustercli.questionset.loader import canonical_json, content_hash, load
from clustercli.questionset.model import Question, QuestionSet
from clustercli.storage import open_store
from clustercli.storage.api import Answer, Assessment, HistoryEntry, SetRef
from clustercli.storage.jsonfile import encode
from clustercli.storage.records import assessment_to, row_of, row_to

PATTERNS = 50  # distinct answer sets (each profiled once); records cycle through them
CLIENTS = ["Bakkerij Zoë", "Garage Jansen", "Café 't Hoekje", "Installatiebedrijf Smit",
           "Drukkerij De Vries", "=Formule BV", "Metaal & Co"]


def value_for(q: Question, rng: random.Random):
    if q.type == "choice":
        return rng.choice(q.option_keys)
    if q.type == "multi":
        return rng.sample(q.option_keys, rng.randint(1, len(q.option_keys)))
    if q.type == "yesno":
        return rng.random() < 0.5
    if q.type == "scale":
        return rng.randint(int(q.min), int(q.max))
    if q.type == "number":
        return rng.randint(int(q.min or 1), int(min(q.max or 250, 250)))
    return rng.choice(["Wij zoeken partners in de regio.", "-", "Geen opmerkingen."])


def patterns(qset: QuestionSet, rng: random.Random) -> list[tuple[dict, dict]]:
    found = []
    for _ in range(PATTERNS):
        answers = {q.id: value_for(q, rng) for q in qset.questions}
        found.append((answers, build_profile(qset, answers).summary()))
    return found


def stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds").replace("+00:00", "Z")


def generate(folder: Path, size: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    qset = load(shipped_set())
    ref = SetRef(qset.id, qset.version, content_hash(qset))
    store = open_store(folder)  # the folders, with their modes
    (folder / "sets" / f"{ref.hash}.json").write_text(canonical_json(qset), encoding="utf-8")
    pool = patterns(qset, rng)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    rows = {}
    for number in range(size):
        answers, summary = pool[number % len(pool)]
        created = start + timedelta(minutes=37 * number)
        at = stamp(created + timedelta(minutes=10))
        done = number % 10 != 0  # one in ten still in progress
        record = Assessment(
            str(uuid.UUID(int=rng.getrandbits(128), version=4)), ref, "nl",
            f"{CLIENTS[number % len(CLIENTS)]} {number}", "eigenaar", stamp(created), at,
            at if done else None, "completed" if done else "in_progress",
            {q: Answer(v, at, "besproken" if i % 9 == 0 else None)
             for i, (q, v) in enumerate(answers.items())},
            [HistoryEntry("sector", "other", stamp(created), None, at, "changed")],
            summary if done else None)
        path = store.records / f"{record.id}.json"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with open(fd, "wb") as handle:
            handle.write(encode({"assessment": {record.id: assessment_to(record)}}))
        info = os.stat(path)
        rows[record.id] = row_to(row_of(record), [info.st_ino, info.st_size, info.st_mtime_ns])
    (folder / "index.json").write_bytes(encode({"rows": rows}))


if __name__ == "__main__":
    generate(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 10_000)
