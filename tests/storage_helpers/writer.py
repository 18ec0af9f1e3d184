"""Child process of the concurrency test: many saves into one assessment, with index updates.

    python writer.py DATA_DIR ASSESSMENT_ID PREFIX COUNT

Waits for a line on stdin (so that two writers start together), then saves COUNT answers
PREFIX0 .. PREFIX<COUNT-1>; after every 25th it completes and reopens the assessment, which
writes the index. Prints "done" at the end.
"""

from __future__ import annotations

import sys
from pathlib import Path

from clustercli.profile.summary import Summary
from clustercli.storage import open_store


def main() -> int:
    data, assessment_id, prefix, count = sys.argv[1:5]
    store = open_store(Path(data))
    sys.stdin.readline()
    for n in range(int(count)):
        store.save_answer(assessment_id, f"{prefix}{n}", n)
        if n % 25 == 24:
            store.complete(assessment_id, lambda record, n=n: Summary(
                f"{prefix}{n}", {}, {}, {"answered": len(record.answers)}))
            store.reopen(assessment_id)
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
