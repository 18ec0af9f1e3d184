"""The session lock (issue 14 point 4): an interview holds its assessment open for as long as it
runs; a second session is told it is open elsewhere. Released on release and on any end of the
process, a SIGKILL included (flock), and erased with the assessment."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from clustercli.records import OpenElsewhere
from clustercli.storage import open_store
from tests.test_storage_contract import new


def test_a_second_hold_is_refused_until_the_first_is_released(store):
    record = new(store)
    first = store.hold(record.id)
    with pytest.raises(OpenElsewhere) as caught:
        store.hold(record.id)
    assert caught.value.params["id"] == record.id and caught.value.exit_code == 1
    other = new(store)
    store.hold(other.id).release()  # another assessment is not held by it
    first.release()
    first.release()  # again: nothing
    store.hold(record.id).release()


def test_saves_go_on_without_the_hold(store):
    """The store is right without the session lock: it only keeps two sessions apart."""
    record = new(store)
    held = store.hold(record.id)
    store.save_answer(record.id, "q", 1)
    assert store.load(record.id).values() == {"q": 1}
    held.release()


def test_the_refusal_says_since_when(tmp_path):
    store = open_store(tmp_path / "data")
    record = new(store)
    held = store.hold(record.id)
    with pytest.raises(OpenElsewhere) as caught:
        open_store(tmp_path / "data").hold(record.id)
    assert caught.value.key == "store.open_elsewhere"
    assert len(caught.value.params["since"]) == 5  # "14:05": opened today
    lock = tmp_path / "data" / "locks" / f"{record.id}.session.lock"
    assert lock.stat().st_mode & 0o777 == 0o600
    assert lock.read_text(encoding="ascii").split()[0] == str(os.getpid())
    held.release()
    assert not lock.exists()  # nothing left behind that names the assessment


@pytest.mark.slow
def test_a_killed_session_holds_nothing(tmp_path):
    store = open_store(tmp_path / "data")
    record = new(store)
    code = textwrap.dedent(f"""
        import sys, time
        from clustercli.storage import open_store
        open_store(sys.argv[1]).hold({record.id!r})
        print("held", flush=True)
        time.sleep(60)
    """)
    child = subprocess.Popen([sys.executable, "-c", code, str(tmp_path / "data")],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "held"
        with pytest.raises(OpenElsewhere):
            store.hold(record.id)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    store.hold(record.id).release()  # the kernel let go of it with the process


def test_erasure_takes_a_session_lock_file_along(tmp_path):
    store = open_store(tmp_path / "data")
    record = new(store)
    held = store.hold(record.id)  # erased while open elsewhere: the file goes all the same
    store.delete(record.id)
    assert not any(record.id in path.name for path in (tmp_path / "data").rglob("*"))
    held.release()


def test_an_orphaned_session_lock_is_swept_and_a_live_one_kept(tmp_path):
    store = open_store(tmp_path / "data")
    kept, gone = new(store), new(store)
    locks = tmp_path / "data" / "locks"
    (locks / f"{kept.id}.session.lock").write_text("1 x\n", encoding="ascii")
    (locks / f"{gone.id}.session.lock").write_text("1 x\n", encoding="ascii")
    (tmp_path / "data" / "assessments" / f"{gone.id}.json").unlink()  # killed inside delete
    open_store(tmp_path / "data")
    assert (locks / f"{kept.id}.session.lock").exists()
    assert not (locks / f"{gone.id}.session.lock").exists()
