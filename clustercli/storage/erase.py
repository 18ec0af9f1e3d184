"""Erasure (AVG/GDPR art. 17): every trace of some assessments, for `delete` and `purge`.

What an assessment leaves in the data folder: its record file (answers, history, notes), temp
files of writers that died while saving it, its row in the index, its lock file, and the copy of
its question set once no other assessment uses that set (with any damaged copies of that set
that were moved aside), and any damaged index or summaries file that was moved aside (it may
hold its row). All of it goes. The cost is one pass whatever the number erased: one
sync of the folder, one index write, one scan for the set copies still in use, one look for
temp files; erasing 10,000 one by one would rewrite the index 10,000 times.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from clustercli import interrupts
from clustercli.records import Damaged
from clustercli.storage.atomic import fsync_dir, remove_temps_for
from clustercli.storage.folder import failures_named

if TYPE_CHECKING:
    from clustercli.storage.files import FileStore


def erase(store: FileStore, assessment_ids: Iterable[str]) -> None:
    # Checked before anything is erased: an unknown id (NotFound), a folder where a record
    # should be (not ours to remove) or a data folder we may not write in stops the whole
    # erasure, not half of it.
    paths = {assessment_id: store._existing(assessment_id)
             for assessment_id in dict.fromkeys(assessment_ids)}
    for path in paths.values():
        if path.is_dir() and not path.is_symlink():
            raise Damaged("store.damaged_not_file", file=str(path))
    if not paths:
        return
    store.check_writable()
    set_hashes: set[str] = set()
    for assessment_id, path in paths.items():
        with store.locks.assessment(assessment_id):
            set_hash = store._set_of(assessment_id, path) if os.path.lexists(path) else None
            if set_hash is not None:
                set_hashes.add(set_hash)
    # The rows first: a write that fails here (a full disk) has erased nothing yet, so the
    # message that nothing was lost is true. A record left without its row is listed again
    # from its file, and rows another process's `list` puts back before the records are gone
    # are dropped by the scan at the end.
    # Held: a signal waits for the erasure to end rather than leave half of it done.
    with interrupts.held(), failures_named():
        store.index.change(dict.fromkeys(paths))
    with interrupts.held(), failures_named("store.erase_incomplete"):
        for assessment_id, path in paths.items():
            with store.locks.assessment(assessment_id):
                with contextlib.suppress(FileNotFoundError):  # erased meanwhile: done too
                    os.unlink(path)
                store.locks.forget(assessment_id)
        fsync_dir(store.records)
        remove_temps_for(store.records, {path.name for path in paths.values()})
        with store.locks.sets():
            # A scan of what is left: it drops the rows put back meanwhile and rebuilds an
            # index that `change` could not read, so no old copy of a row survives in it;
            # the damaged one it moved aside goes next.
            rows = store.index.scan(store._files(), store._read)
            # Those copies hold rows of every client, not only the erased ones; but the index
            # is only a cache of the record files, so dropping them all loses nothing.
            store.index.remove_aside()
            # A damaged record whose set we do not know might use any of them: keep them all.
            if any(row.question_set is None for row in rows):
                return
            in_use = {row.question_set.hash for row in rows if row.question_set is not None}
            for set_hash in set_hashes - in_use:
                store.sets.remove(set_hash)
