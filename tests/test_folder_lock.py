"""A folder opened whole is locked once, and kept apart from its files opened one by one
(goaltui.files.folder_lock).

- ``goaltui DIR`` takes one lock file, ``DIR/..goaltui-lock``, with the record of a file's
  lock, and makes no lock file beside its files; quitting removes it.
- While a folder is open whole, none of its files can be opened one by one, nor the folder
  again, nor a folder above or below it that opens the same files; and while a file is open,
  its folder cannot be opened whole. The refusal names who holds what, and the folder or file
  to open read-only.
- Each side looks at the other's lock only after taking its own: in every order of the two
  openers' steps at most one of them starts (both may be refused).
- The folder's lock handles what a file's lock handles: another host's record (not taken
  silently, ``break_other_host`` takes it), a link or a pipe where it goes, the folder's
  permissions (at most), a holder killed with SIGKILL.
- A file of the folder that is a link to a file outside it is locked beside that file.
"""

from __future__ import annotations

import fcntl
import itertools
import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from reviewfiles import BASE, NOBODY, as_nobody, write

from goaltui.files.folder_lock import (
    FOLDER_LOCK,
    FolderHeld,
    folder_lock_path,
    look,
    take_all,
)
from goaltui.files.lock import HOST, Held, HeldElsewhere, lock_path, take, take_at
from goaltui.files.paths import review_paths

HOLD = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from goaltui.files.folder_lock import take_all

    folders = [Path(sys.argv[1])] if sys.argv[1] else []
    locks, refused = take_all([Path(p) for p in sys.argv[2:]], folders)
    print(json.dumps({"taken": not refused, "refused": [str(e) for e in refused]}), flush=True)
    sys.stdin.readline()
    for lock in locks:
        lock.release()
    """
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    team = tmp_path / "team"
    for name in ("a.toml", "b.toml", "sub/c.toml"):
        (team / name).parent.mkdir(parents=True, exist_ok=True)
        write(team, BASE, name)
    return team


def files(folder: Path) -> list[Path]:
    """The files ``goaltui FOLDER`` opens."""
    return review_paths([str(folder)])[0]


def record(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def lock_files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*goaltui-lock"))


# -- one lock for the folder -----------------------------------------------------------------------


def test_a_folder_opened_whole_takes_one_lock_file_and_removes_it_on_quitting(folder):
    locks, refused = take_all(files(folder), [folder])
    assert refused == [] and len(locks) == 1
    assert lock_files(folder) == [FOLDER_LOCK]
    data = record(folder / FOLDER_LOCK)
    assert (data["pid"], data["host"]) == (os.getpid(), HOST)
    locks[0].release()
    assert lock_files(folder) == []


def test_files_named_one_by_one_are_locked_beside_each(folder):
    locks, refused = take_all(files(folder)[:2])
    assert refused == [] and len(locks) == 2
    assert lock_files(folder) == [".a.toml.goaltui-lock", ".b.toml.goaltui-lock"]
    for held in locks:
        held.release()


def test_a_file_of_the_folder_linked_from_outside_is_locked_beside_its_target(tmp_path, folder):
    outside = write(tmp_path, BASE, "elsewhere.toml")
    (folder / "linked.toml").symlink_to(outside)
    locks, refused = take_all(files(folder), [folder])
    assert refused == [] and len(locks) == 2
    assert lock_path(outside).exists() and (folder / FOLDER_LOCK).exists()
    with pytest.raises(Held):
        take(outside)
    for held in locks:
        held.release()


# -- the two kinds exclude each other ------------------------------------------------------------


def test_a_file_of_a_folder_open_whole_cannot_be_opened_alone_and_is_told_why(folder):
    locks, _ = take_all(files(folder), [folder])
    a = folder / "a.toml"
    taken, refused = take_all([a])
    assert taken == [] and len(refused) == 1
    [error] = refused
    assert isinstance(error, FolderHeld) and error.argument == a
    assert str(error).startswith(
        f"is open in another goaltui, which has the folder {folder} open: pid {os.getpid()} "
        f"on host {HOST} since "
    )
    assert not lock_path(a).exists()  # its own lock was let go of again
    for held in locks:
        held.release()
    taken, refused = take_all([a])
    assert refused == [] and len(taken) == 1
    taken[0].release()


def test_a_folder_with_a_file_open_cannot_be_opened_whole(folder):
    with take(folder / "sub" / "c.toml"):
        taken, refused = take_all(files(folder), [folder])
        assert taken == [] and not (folder / FOLDER_LOCK).exists()
        [error] = refused
        assert isinstance(error, Held) and error.review == folder / "sub" / "c.toml"
        assert error.argument == folder  # what to open read-only instead
        assert str(error).startswith(f"is open in another goaltui: pid {os.getpid()}")


def test_a_stale_lock_file_of_a_file_does_not_stop_the_folder(folder):
    lock_path(folder / "a.toml").write_text(json.dumps({"pid": 1, "host": HOST, "since": "x"}))
    locks, refused = take_all(files(folder), [folder])
    assert refused == [] and len(locks) == 1
    locks[0].release()


@pytest.mark.parametrize("first", ["team", "team/sub"])
def test_folders_above_and_below_each_other_exclude_each_other(folder, first):
    second = "team/sub" if first == "team" else "team"
    root = folder.parent
    held, refused = take_all(files(root / first), [root / first])
    assert refused == []
    taken, refused = take_all(files(root / second), [root / second])
    assert taken == [] and len(refused) == 1 and isinstance(refused[0], FolderHeld)
    assert refused[0].argument == root / second
    assert refused[0].folder == root / first
    for lock in held:
        lock.release()


def test_a_hidden_folder_below_is_not_covered_by_the_folder(folder):
    hidden = folder / ".drafts"
    hidden.mkdir()
    draft = write(hidden, BASE, "d.toml")
    locks, refused = take_all(files(folder), [folder])
    assert refused == [] and draft not in files(folder)
    taken, refused = take_all([draft])  # not opened with the folder: free
    assert refused == [] and len(taken) == 1
    for lock in [*locks, *taken]:
        lock.release()


def test_in_every_order_of_their_steps_at_most_one_of_two_openers_starts(folder):
    """A file's opener and the folder's opener each take their lock, then look at the
    other's. In all six orders of those four steps, never both may start."""
    a = folder / "a.toml"
    steps = {
        "file takes": lambda s: s.update(file=take(a)),
        "file looks": lambda s: s.update(file_ok=look(a, folder / FOLDER_LOCK) is None),
        "folder takes": lambda s: s.update(folder=take_at(folder, folder / FOLDER_LOCK)),
        "folder looks": lambda s: s.update(folder_ok=look(a, lock_path(a)) is None),
    }
    outcomes = set()
    for order in itertools.permutations(steps):
        if order.index("file takes") > order.index("file looks"):
            continue
        if order.index("folder takes") > order.index("folder looks"):
            continue
        state: dict = {}
        for step in order:
            steps[step](state)
        outcomes.add((state["file_ok"], state["folder_ok"]))
        state["file"].release()
        state["folder"].release()
    assert (True, True) not in outcomes
    assert outcomes == {(True, False), (False, True), (False, False)}


def holder(*argv: Path | str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", HOLD, *map(str, argv)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_processes_started_together_never_both_hold_the_same_file(folder):
    for _round in range(6):
        one = holder(folder, *files(folder))
        two = holder("", folder / "a.toml")
        answers = []
        for process in (one, two):
            assert process.stdout is not None
            answers.append(json.loads(process.stdout.readline()))
        for process in (one, two):
            process.communicate("\n", timeout=30)
        assert [a["taken"] for a in answers].count(True) <= 1, answers
        assert lock_files(folder) == []


# -- what a file's lock handles, the folder's handles too ---------------------------------------


def another_host_was_here(path: Path) -> None:
    left = {"pid": 4321, "host": "build-07.example.org", "since": "2026-03-02T09:15:00+02:00"}
    path.write_text(json.dumps(left), encoding="utf-8")


def test_a_folder_lock_of_another_host_is_not_taken_silently(folder):
    another_host_was_here(folder / FOLDER_LOCK)
    taken, [error] = take_all(files(folder), [folder])
    assert taken == [] and isinstance(error, HeldElsewhere) and error.review == folder
    assert "build-07" in (folder / FOLDER_LOCK).read_text()
    locks, refused = take_all(files(folder), [folder], break_other_host=True)
    assert refused == [] and record(folder / FOLDER_LOCK)["host"] == HOST
    locks[0].release()
    assert lock_files(folder) == []


def test_a_file_opened_alone_under_another_hosts_folder_lock_is_not_opened_silently(folder):
    another_host_was_here(folder / FOLDER_LOCK)
    taken, [error] = take_all([folder / "a.toml"])
    assert taken == [] and isinstance(error, HeldElsewhere)
    assert error.lock == folder / FOLDER_LOCK
    locks, refused = take_all([folder / "a.toml"], break_other_host=True)
    assert refused == []
    locks[0].release()
    assert (folder / FOLDER_LOCK).exists()  # not the file's to remove


def test_a_file_lock_of_another_host_stops_its_folder_unless_broken(folder):
    another_host_was_here(lock_path(folder / "b.toml"))
    _, [error] = take_all(files(folder), [folder])
    assert isinstance(error, HeldElsewhere) and error.review == folder / "b.toml"
    assert error.argument == folder and not (folder / FOLDER_LOCK).exists()
    locks, refused = take_all(files(folder), [folder], break_other_host=True)
    assert refused == []
    locks[0].release()


def test_a_folder_lock_held_on_a_shared_file_system_names_its_host(folder):
    another_host_was_here(folder / FOLDER_LOCK)
    fd = os.open(folder / FOLDER_LOCK, os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        _, [error] = take_all([folder / "a.toml"], break_other_host=True)
    finally:
        os.close(fd)
    assert isinstance(error, FolderHeld) and error.holder is not None
    assert error.holder.host == "build-07.example.org"


def test_a_link_where_the_folder_lock_goes_is_not_followed(folder, tmp_path):
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    (folder / FOLDER_LOCK).symlink_to(target)
    _, [error] = take_all(files(folder), [folder])
    assert "is a symbolic link, which goaltui does not follow; remove it" in str(error)
    assert target.read_text() == "keep me"
    locks, refused = take_all([folder / "a.toml"])  # no folder goaltui can hold a link
    assert refused == []
    locks[0].release()


def test_a_pipe_where_the_folder_lock_goes_is_refused_not_waited_for(folder):
    os.mkfifo(folder / FOLDER_LOCK)
    _, [error] = take_all(files(folder), [folder])
    assert "is a named pipe (FIFO), not a regular file" in str(error)
    locks, refused = take_all([folder / "a.toml"])
    assert refused == []
    locks[0].release()


def test_the_folder_lock_takes_the_folders_permissions_at_most(folder):
    folder.chmod(0o750)
    old = os.umask(0o022)
    try:
        locks, _ = take_all(files(folder), [folder])
        assert stat.S_IMODE((folder / FOLDER_LOCK).stat().st_mode) == 0o640
    finally:
        os.umask(old)
    locks[0].release()


def test_a_folder_reached_through_a_link_is_locked_where_it_is(folder, tmp_path):
    link = tmp_path / "ours"
    link.symlink_to(folder)
    assert folder_lock_path(link) == folder / FOLDER_LOCK
    locks, _ = take_all(files(link), [link])
    _, [error] = take_all(files(folder), [folder])
    assert isinstance(error, Held)
    locks[0].release()


def test_a_folder_holder_killed_with_sigkill_leaves_it_free(folder):
    other = holder(folder, *files(folder))
    assert other.stdout is not None
    assert json.loads(other.stdout.readline())["taken"]
    assert record(folder / FOLDER_LOCK)["pid"] == other.pid
    assert isinstance(take_all([folder / "a.toml"])[1][0], FolderHeld)
    os.kill(other.pid, signal.SIGKILL)
    other.wait(timeout=30)
    locks, refused = take_all(files(folder), [folder])
    assert refused == [] and record(folder / FOLDER_LOCK)["pid"] == os.getpid()
    locks[0].release()


def test_a_lock_file_that_cannot_be_read_is_not_taken_for_free(open_folder):
    team = open_folder / "team"
    team.mkdir()
    os.chown(team, NOBODY, NOBODY)
    for name in ("a.toml", "b.toml"):
        os.chown(write(team, BASE, name), NOBODY, NOBODY)
    path = lock_path(team / "a.toml")
    path.write_text("{}")
    path.chmod(0o600)  # root's: nobody cannot look whether it is held
    result = subprocess.run(
        [*as_nobody(), sys.executable, "-c", HOLD, str(team), *map(str, files(team))],
        input="\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    answer = json.loads(result.stdout.splitlines()[0])
    assert answer == {
        "taken": False,
        "refused": [
            f"cannot be opened: {path} cannot be read, so it cannot be told whether another "
            "goaltui has it open: Permission denied"
        ],
    }, result.stderr
    assert lock_files(team) == [".a.toml.goaltui-lock"]
