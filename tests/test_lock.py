"""One goaltui per review file: the lock beside the file (goaltui.files.lock).

- While one process holds it, no other takes it (also not a second take in the same process),
  and the refusal says who holds it: pid, host, since.
- A holder that dies in any way (SIGKILL) leaves the lock free; a holder that quits removes
  the lock file.
- A lock file that names another host is not taken silently (the other host's goaltui may
  still run, on a file system that does not share locks); ``break_other_host`` takes it.
- The lock file is never followed as a link, never a pipe, takes the review's permissions
  (at most), and a quitting holder's removal never lets two processes hold it.

The app's side (the messages, ``--read-only``, the drill with two terminals) is in
tests/tui/test_tui_lock.py.
"""

from __future__ import annotations

import fcntl
import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest
from reviewfiles import BASE, NOBODY, as_nobody, write

from goaltui.files import lock
from goaltui.files.lock import HOST, Held, HeldElsewhere, LockError, lock_path, take

TAKE = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from goaltui.files.lock import LockError, take

    try:
        held = take(Path(sys.argv[1]), break_other_host=sys.argv[2:] == ["break"])
    except LockError as error:
        holder = getattr(error, "holder", None)
        print(json.dumps({"refused": type(error).__name__, "message": str(error),
                          "pid": holder and holder.pid, "host": holder and holder.host}))
        sys.exit(0)
    print(json.dumps({"taken": True}), flush=True)
    sys.stdin.readline()  # hold it until told (or killed)
    held.release()
    """
)


def other_process(review: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", TAKE, str(review), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def answer(process: subprocess.Popen[str]) -> dict:
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line, process.stderr.read() if process.stderr else "no answer"
    return json.loads(line)


@pytest.fixture
def review(tmp_path: Path) -> Path:
    return write(tmp_path, BASE)


def record(path: Path) -> dict:
    return json.loads(lock_path(path).read_text(encoding="utf-8"))


# -- one holder at a time ------------------------------------------------------------------


def test_another_process_cannot_take_it_and_is_told_who_holds_it(review):
    with take(review) as held:
        assert held.held and held.path == lock_path(review)
        other = other_process(review)
        refused = answer(other)
        other.wait(timeout=30)
    assert refused["refused"] == "Held"
    assert (refused["pid"], refused["host"]) == (os.getpid(), HOST)
    assert refused["message"].startswith(f"is open in another goaltui: pid {os.getpid()} on host")


def test_a_second_take_in_the_same_process_is_refused_too(review):
    with take(review), pytest.raises(Held) as caught:
        take(review)
    holder = caught.value.holder
    assert holder is not None and (holder.pid, holder.host) == (os.getpid(), HOST)
    since = datetime.fromisoformat(holder.since or "")
    assert abs((datetime.now().astimezone() - since).total_seconds()) < 60
    assert str(caught.value) == (
        f"is open in another goaltui: pid {os.getpid()} on host {HOST} "
        f"since {holder.since.replace('T', ' ')}"  # type: ignore[union-attr]
    )


def test_the_lock_file_says_who_holds_it(review):
    with take(review):
        data = record(review)
    assert data["pid"] == os.getpid() and data["host"] == HOST
    datetime.fromisoformat(data["since"])


def test_a_holder_killed_with_sigkill_leaves_it_free(review):
    other = other_process(review)
    assert answer(other) == {"taken": True}
    assert record(review)["pid"] == other.pid
    with pytest.raises(Held):
        take(review)
    os.kill(other.pid, signal.SIGKILL)
    other.wait(timeout=30)
    assert lock_path(review).exists()  # left behind by the dead process, with its pid
    with take(review):  # ...and free: the kernel let go of it
        assert record(review)["pid"] == os.getpid()


def test_a_holder_that_quits_removes_the_lock_file(review):
    held = take(review)
    held.release()
    assert not held.held and not lock_path(review).exists()
    held.release()  # twice is harmless
    other = other_process(review)
    assert answer(other) == {"taken": True}
    other.communicate("\n", timeout=30)
    assert not lock_path(review).exists()
    assert review.read_text(encoding="utf-8") == BASE


def test_a_file_reached_through_a_link_shares_the_lock_of_the_file(tmp_path):
    real = write(tmp_path, BASE, "shared/review.toml")
    link = tmp_path / "mine.toml"
    link.symlink_to(real)
    with take(real), pytest.raises(Held):
        take(link)
    assert lock_path(link) == real.with_name(".review.toml.goaltui-lock")


# -- a lock file that names another host ------------------------------------------------------


def another_host_was_here(review: Path) -> dict:
    left = {"pid": 4321, "host": "build-07.example.org", "since": "2026-03-02T09:15:00+02:00"}
    lock_path(review).write_text(json.dumps(left), encoding="utf-8")
    return left


def test_a_lock_file_of_another_host_is_not_taken_silently(review):
    another_host_was_here(review)
    with pytest.raises(HeldElsewhere) as caught:
        take(review)
    assert str(caught.value) == (
        "was opened by goaltui on host build-07.example.org (pid 4321 since "
        "2026-03-02 09:15:00+02:00), and from here it cannot be told whether that one still runs"
    )
    assert record(review)["host"] == "build-07.example.org"  # left as it was
    with take(review, break_other_host=True):  # the person knows it no longer runs
        assert record(review) | {"since": None} == {"pid": os.getpid(), "host": HOST, "since": None}
    assert not lock_path(review).exists()


def test_a_lock_held_by_another_host_on_a_shared_file_system_names_that_host(review):
    """Where locks are shared (NFS with locking), the record names the other host."""
    left = another_host_was_here(review)
    fd = os.open(lock_path(review), os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)  # as the other host's lock would look from here
    try:
        with pytest.raises(Held) as caught:
            take(review, break_other_host=True)  # a running holder is never broken
    finally:
        os.close(fd)
    holder = caught.value.holder
    assert holder is not None and holder.elsewhere
    assert (holder.pid, holder.host) == (left["pid"], left["host"])


@pytest.mark.parametrize(
    "content", [b"", b"\x00\xff junk", b"[1, 2]", b'{"pid": "x", "host": 7}', b"[" * 100_000]
)
def test_a_free_lock_file_that_says_nothing_readable_is_taken(review, content):
    lock_path(review).write_bytes(content)
    with take(review):
        assert record(review)["pid"] == os.getpid()


# -- what stands where the lock file goes --------------------------------------------------------


def test_a_link_where_the_lock_file_goes_is_not_followed(review, tmp_path):
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    lock_path(review).symlink_to(target)
    with pytest.raises(LockError) as caught:
        take(review)
    assert "is a symbolic link, which goaltui does not follow; remove it" in str(caught.value)
    assert target.read_text() == "keep me"


def test_a_pipe_where_the_lock_file_goes_is_refused_not_waited_for(review):
    os.mkfifo(lock_path(review))
    with pytest.raises(LockError) as caught:
        take(review)
    assert "is a named pipe (FIFO), not a regular file" in str(caught.value)


@pytest.mark.parametrize(("review_mode", "lock_mode"), [(0o600, 0o600), (0o640, 0o640)], ids=oct)
def test_the_lock_file_takes_the_reviews_permissions_at_most(review, review_mode, lock_mode):
    review.chmod(review_mode)
    old = os.umask(0o022)
    try:
        with take(review):
            assert stat.S_IMODE(lock_path(review).stat().st_mode) == lock_mode
    finally:
        os.umask(old)


def test_a_quitting_holder_never_lets_two_take_it(review, monkeypatch):
    """B opens the lock file just before A quits (and removes it); C then takes a new one.
    B, locking the removed file, must see that it is no longer the lock, and C's holds."""
    first = take(review)
    stale = os.open(lock_path(review), os.O_RDWR)  # B, a moment before A quits
    first.release()
    real_open = lock._open
    calls = []

    def b_opens(review: Path, path: Path) -> tuple[int, bool]:
        calls.append(path)
        return (stale, True) if len(calls) == 1 else real_open(review, path)

    with take(review):  # C
        monkeypatch.setattr(lock, "_open", b_opens)
        with pytest.raises(Held):  # B: the removed file locked, then the real one held by C
            take(review)
    assert len(calls) == 2


# -- another user's lock file, and a folder that cannot take one ----------------------------------


def as_nobody_take(review: Path) -> subprocess.CompletedProcess[str]:
    code = (
        "import sys\nfrom pathlib import Path\nfrom goaltui.files.lock import LockError, take\n"
        "try:\n    held = take(Path(sys.argv[1]))\nexcept LockError as error:\n"
        "    print('refused:', error)\nelse:\n    print('taken')\n"
        "    print(Path(held.path).stat().st_uid)\n    held.release()\n"
    )
    return subprocess.run(
        [*as_nobody(), sys.executable, "-c", code, str(review)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_a_free_lock_file_left_by_another_user_is_replaced(open_folder):
    folder = open_folder / "team"
    folder.mkdir()
    os.chown(folder, NOBODY, NOBODY)
    review = write(folder, BASE)
    os.chown(review, NOBODY, NOBODY)
    lock_path(review).write_text(json.dumps({"pid": 1, "host": HOST, "since": "x"}))
    lock_path(review).chmod(0o644)  # root's, left by a crash: nobody cannot write it
    result = as_nobody_take(review)
    assert result.stdout.splitlines() == ["taken", str(NOBODY)], result.stderr


def test_a_folder_where_no_lock_file_can_be_made_says_so(open_folder):
    review = write(open_folder, BASE)  # root's folder: nobody may read, not write
    review.chmod(0o644)
    result = as_nobody_take(review)
    assert result.stdout == (
        f"refused: cannot be locked: its lock file {lock_path(review)} cannot be made: "
        "the folder is read-only\n"
    ), result.stderr
