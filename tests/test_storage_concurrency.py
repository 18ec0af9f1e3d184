"""Two terminals on one assessment: two processes each save 200 answers into it (and write the
index by completing and reopening it now and then). None is lost; every file stays valid."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from clustercli.records import SetRef
from clustercli.storage import open_store

WRITER = Path(__file__).parent / "storage_helpers" / "writer.py"
COUNT = 200


@pytest.mark.slow
def test_two_processes_saving_into_one_assessment_lose_nothing(tmp_path):
    data = tmp_path / "data"
    store = open_store(data)
    record = store.create(question_set=SetRef("s", "1", "e" * 64), set_data="{}", language="nl",
                          client="Samen BV")
    writers = [subprocess.Popen([sys.executable, str(WRITER), str(data), record.id, prefix,
                                 str(COUNT)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
               for prefix in ("a", "b")]
    for writer in writers:  # both are started and waiting: let them go at once
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0 and out == "done\n", err

    loaded = open_store(data).load(record.id)
    expected = {f"{prefix}{n}": n for prefix in "ab" for n in range(COUNT)}
    assert loaded.values() == expected
    assert loaded.history == [] and loaded.status == "in_progress"
    for path in [data / "index.json", data / "assessments" / f"{record.id}.json"]:
        json.loads(path.read_bytes())
    [row] = open_store(data).list()
    assert (row.id, row.answered, row.status) == (record.id, 2 * COUNT, "in_progress")
