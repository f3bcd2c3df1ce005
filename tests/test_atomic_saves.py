"""A save replaces the file in one step: the complete old bytes or the complete new ones, always.

Every step of :func:`goaltui.files.atomic.write_atomic` is made to fail in turn (creating the
temporary file, writing it, flushing, fsync, chmod, the rename, and the folder fsync after the
rename) with the errors a reviewer meets in practice: a full disk, a read-only file or file
system, a folder that vanished. The machine runs the tests as root, so the errors are injected
with monkeypatch rather than with file modes. Then a writer is killed with SIGKILL at random
moments while it saves a 2 MB review over and over: the file must always read back whole.
"""

from __future__ import annotations

import errno
import io
import os
import random
import re
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
from reviewfiles import BASE, NOBODY, as_nobody, clean_env, goaltui_script, run, write

from goaltui.files import atomic, tomlparse
from goaltui.files.canonical import render
from goaltui.files.document import ChangedOnDisk, Document, write_snapshot
from goaltui.files.loading import load
from goaltui.files.paths import review_paths
from goaltui.files.problems import SaveError
from goaltui.review.model import Goal, PeriodEntry, Review, Status

NEW = BASE.replace('[goals.periods.Q2]\nstatus = "Toteutuu"\n', "", 1).encode()
assert BASE.encode() != NEW

PERMISSION = "permission denied: the file or its folder is read-only"
REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EACCES: PERMISSION,
    errno.EPERM: PERMISSION,
    errno.EROFS: PERMISSION,
    errno.ENOENT: "its folder no longer exists",
    errno.EIO: os.strerror(errno.EIO),  # anything else: the system's own words
}
ERRNOS = list(REASONS)


def fault(code: int) -> OSError:
    return OSError(code, os.strerror(code))


class Module:
    """A stand-in for a module (``os``, ``tempfile``) as goaltui.files.atomic sees it.

    Only goaltui.files.atomic is given the stand-in, so the recovery journal, pytest and the rest of
    the process keep the real functions.
    """

    def __init__(self, real: Any, **replaced: Any) -> None:
        self._real = real
        self.__dict__.update(replaced)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


class FailingFile:
    """The temporary file: ``fail_at`` ("write" or "flush") fails once half the data is in."""

    def __init__(self, real: io.BufferedWriter, fail_at: str, error: BaseException) -> None:
        self.real, self.fail_at, self.error = real, fail_at, error

    def __enter__(self) -> FailingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.real.close()

    def fileno(self) -> int:
        return self.real.fileno()

    def write(self, data: Any) -> int:
        if self.fail_at == "write":
            self.real.write(bytes(data[: len(data) // 2]))  # a part made it to the disk
            self.real.flush()
            raise self.error
        return self.real.write(data)

    def flush(self) -> None:
        if self.fail_at == "flush":
            raise self.error
        self.real.flush()


def inject(monkeypatch: pytest.MonkeyPatch, step: str, error: OSError) -> None:
    """Make one step of write_atomic fail with ``error``."""
    real_os, real_tempfile = atomic.os, atomic.tempfile

    def fails(*args: Any, **kwargs: Any) -> Any:
        raise error

    def is_folder(fd: int) -> bool:
        return stat.S_ISDIR(real_os.fstat(fd).st_mode)

    if step == "mkstemp":
        monkeypatch.setattr(atomic, "tempfile", Module(real_tempfile, mkstemp=fails))
    elif step in ("write", "flush"):

        def fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> FailingFile:
            return FailingFile(real_os.fdopen(fd, mode, *args, **kwargs), step, error)

        monkeypatch.setattr(atomic, "os", Module(real_os, fdopen=fdopen))
    elif step == "fsync":

        def fsync(fd: int) -> None:
            if not is_folder(fd):
                raise error
            real_os.fsync(fd)

        monkeypatch.setattr(atomic, "os", Module(real_os, fsync=fsync))
    elif step == "chmod":
        monkeypatch.setattr(atomic, "os", Module(real_os, chmod=fails))
    elif step == "replace":
        monkeypatch.setattr(atomic, "os", Module(real_os, replace=fails))
    elif step == "folder fsync":

        def folder_fsync(fd: int) -> None:
            if is_folder(fd):
                raise error
            real_os.fsync(fd)

        monkeypatch.setattr(atomic, "os", Module(real_os, fsync=folder_fsync))
    elif step == "folder open":
        monkeypatch.setattr(atomic, "os", Module(real_os, open=fails))
    else:  # pragma: no cover
        raise AssertionError(step)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "review.toml")


# -- a failure at each step ------------------------------------------------------------------

BEFORE_THE_RENAME = ["mkstemp", "write", "flush", "fsync", "chmod", "replace"]


@pytest.mark.parametrize("code", ERRNOS, ids=errno.errorcode.get)
@pytest.mark.parametrize("step", BEFORE_THE_RENAME)
def test_a_failure_before_the_rename_keeps_the_old_file_whole(tmp_path, monkeypatch, step, code):
    path = write(tmp_path, BASE)
    path.chmod(0o640)
    inject(monkeypatch, step, fault(code))

    with pytest.raises(SaveError) as caught:
        atomic.write_atomic(path, NEW)

    error = caught.value
    assert type(error) is SaveError  # not an OSError, nothing else
    assert error.path == path
    assert error.reason == REASONS[code]
    assert str(error) == f"{path}: not saved: {REASONS[code]}"
    assert error.__cause__ is None and error.__suppress_context__  # no chained OSError
    assert path.read_bytes() == BASE.encode()  # the complete old bytes
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []  # no temporary file left behind


@pytest.mark.parametrize("step", ["folder fsync", "folder open"])
@pytest.mark.parametrize("code", [errno.EIO, errno.EACCES, errno.EINVAL], ids=errno.errorcode.get)
def test_a_failure_after_the_rename_leaves_the_new_file_whole(tmp_path, monkeypatch, step, code):
    """The file is already replaced: the save did happen and must not be reported as failed
    (a SaveError says the file is unchanged, which would be false)."""
    path = write(tmp_path, BASE)
    inject(monkeypatch, step, fault(code))
    atomic.write_atomic(path, NEW)
    assert path.read_bytes() == NEW
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_an_interrupt_during_a_save_removes_the_temporary_file_and_is_not_swallowed(
    tmp_path, monkeypatch, step
):
    path = write(tmp_path, BASE)
    real_os = atomic.os
    if step == "write":

        def fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> FailingFile:
            return FailingFile(real_os.fdopen(fd, mode), "write", KeyboardInterrupt())

        monkeypatch.setattr(atomic, "os", Module(real_os, fdopen=fdopen))
    else:

        def interrupted(*args: Any) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(atomic, "os", Module(real_os, **{step: interrupted}))
    with pytest.raises(KeyboardInterrupt):
        atomic.write_atomic(path, NEW)
    assert path.read_bytes() == BASE.encode()
    assert leftovers(tmp_path) == []


def test_a_file_that_cannot_even_be_looked_at_is_a_save_error(tmp_path, monkeypatch):
    """What a folder without search permission does to a non-root user: stat and lstat fail."""
    path = write(tmp_path, BASE)
    real_stat = Path.stat

    def stat_(self: Path, *args: Any, **kwargs: Any) -> os.stat_result:
        if self == path:
            raise fault(errno.EACCES)
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", stat_)
    with pytest.raises(SaveError) as caught:
        atomic.write_atomic(path, NEW)
    assert caught.value.reason == PERMISSION
    monkeypatch.undo()
    assert path.read_bytes() == BASE.encode()
    assert leftovers(tmp_path) == []


# -- the real thing, where it can be done as root ------------------------------------------------


def test_a_folder_that_vanished_before_the_save(tmp_path):
    folder = tmp_path / "team"
    path = write(folder, BASE)
    shutil.rmtree(folder)
    with pytest.raises(SaveError) as caught:
        atomic.write_atomic(path, NEW)
    assert type(caught.value) is SaveError
    assert caught.value.reason == "its folder no longer exists"
    assert not folder.exists()  # nothing was made up in its place


def test_a_document_whose_folder_vanished_asks_first_and_then_says_why(tmp_path):
    """write_snapshot sees the file gone (ChangedOnDisk); told to write anyway, it says why not."""
    folder = tmp_path / "team"
    path = write(folder, BASE)
    doc = Document.open(path)
    doc.session.set_status("liikkeelle", "Q3", "Toteutuu")
    shutil.rmtree(folder)
    with pytest.raises(ChangedOnDisk) as changed:
        write_snapshot(doc.snapshot())
    assert changed.value.deleted
    with pytest.raises(SaveError) as caught:
        write_snapshot(doc.snapshot(overwrite=True))
    assert caught.value.reason == "its folder no longer exists"
    assert doc.dirty and doc.review.goal("liikkeelle").status_in("Q3") == "Toteutuu"


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES], ids=errno.errorcode.get)
def test_a_failed_document_save_changes_nothing_in_the_document(tmp_path, monkeypatch, code):
    path = write(tmp_path, BASE)
    doc = Document.open(path)
    fingerprint = doc.source.fingerprint
    doc.session.set_status("liikkeelle", "Q3", "Toteutuu")
    inject(monkeypatch, "replace", fault(code))
    with pytest.raises(SaveError):
        write_snapshot(doc.snapshot())
    assert doc.dirty and doc.source.fingerprint == fingerprint
    assert path.read_bytes() == BASE.encode()
    monkeypatch.undo()
    doc.finish_save(write_snapshot(doc.snapshot()))  # the fault is gone: the same edit saves
    assert load(path).review.goal("liikkeelle").status_in("Q3") == "Toteutuu"
    assert not doc.dirty


# -- what a save keeps -------------------------------------------------------------------------


@pytest.mark.parametrize("mode", [0o640, 0o600, 0o664, 0o644], ids=oct)
def test_the_file_mode_is_kept(tmp_path, mode):
    path = write(tmp_path, BASE)
    path.chmod(mode)
    doc = Document.open(path)
    doc.session.set_status("liikkeelle", "Q3", "Toteutuu")
    doc.finish_save(write_snapshot(doc.snapshot()))
    assert stat.S_IMODE(path.stat().st_mode) == mode
    atomic.write_atomic(path, NEW)
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert path.read_bytes() == NEW


def test_the_new_text_and_then_the_rename_are_flushed_to_the_disk(tmp_path, monkeypatch):
    """Without the fsync of the folder after the rename, a power cut may bring back the old
    name's old file: the rename itself must reach the disk."""
    path = write(tmp_path, BASE)
    real_os = atomic.os
    events: list[str] = []

    def fsync(fd: int) -> None:
        folder = stat.S_ISDIR(real_os.fstat(fd).st_mode)
        events.append("fsync folder" if folder else "fsync file")
        real_os.fsync(fd)

    def replace(source: str, target: Path) -> None:
        events.append("rename")
        real_os.replace(source, target)

    monkeypatch.setattr(atomic, "os", Module(real_os, fsync=fsync, replace=replace))
    atomic.write_atomic(path, NEW)
    assert events == ["fsync file", "rename", "fsync folder"]
    assert path.read_bytes() == NEW


def test_a_new_file_is_made_readable_like_any_new_file(tmp_path):
    """A temporary file starts as 0600; a review written where there was none gets 0644."""
    old = os.umask(0o022)
    try:
        atomic.write_atomic(tmp_path / "new.toml", NEW)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.toml").stat().st_mode) == 0o644


# -- read-only files ---------------------------------------------------------------------------
#
# A save renames a new file over the old one, which needs only a writable folder: a file made
# read-only (chmod a-w) would be replaced without a word. Its mode bits decide, so that root,
# who may write anything, is stopped as well.

MESSY = BASE.replace("year = 2021", "year   = 2021")


@pytest.mark.parametrize("mode", [0o444, 0o400, 0o044], ids=oct)
def test_a_read_only_file_is_not_replaced_and_the_message_says_how_to_proceed(tmp_path, mode):
    path = write(tmp_path, BASE)
    path.chmod(mode)
    doc = Document.open(path)
    doc.session.set_status("liikkeelle", "Q3", "Toteutuu")
    for save in (lambda: atomic.write_atomic(path, NEW), lambda: write_snapshot(doc.snapshot())):
        with pytest.raises(SaveError) as caught:
            save()
        assert caught.value.reason == (
            f"the file is read-only ({stat.filemode(stat.S_IFREG | mode)}); "
            f"to allow saving, run: chmod u+w {path}"
        )
    assert path.read_bytes() == BASE.encode()
    assert leftovers(tmp_path) == [".review.toml.goaltui-recovery.json"]  # no temporary file
    path.chmod(mode | stat.S_IWUSR)  # as the message says
    doc.finish_save(write_snapshot(doc.snapshot()))
    assert load(path).review.goal("liikkeelle").status_in("Q3") == "Toteutuu"


def test_fmt_leaves_a_read_only_file_alone_and_says_why(tmp_path):
    path = write(tmp_path, MESSY)
    path.chmod(0o444)
    result = run("fmt", "review.toml", cwd=tmp_path, script=True)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "review.toml: not saved: the file is read-only (-r--r--r--); "
        "to allow saving, run: chmod u+w review.toml\n"
        "goaltui fmt: 0 files reformatted, 0 unchanged, 1 with errors\n"
    )
    assert path.read_text(encoding="utf-8") == MESSY


def test_an_ordinary_user_cannot_replace_a_read_only_file_either(open_folder):
    """As nobody: the own file made read-only, and root's file in nobody's folder."""
    folder = open_folder / "team"
    folder.mkdir()
    os.chown(folder, NOBODY, NOBODY)  # nobody may make and rename files here
    own = write(folder, MESSY, "own.toml")
    os.chown(own, NOBODY, NOBODY)
    own.chmod(0o444)
    roots = write(folder, MESSY, "roots.toml")  # root's, 0644: nobody may only read it
    command = [*as_nobody(), goaltui_script(), "fmt", "own.toml", "roots.toml"]
    result = subprocess.run(
        command, cwd=folder, env=clean_env(), capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines() == [
        "own.toml: not saved: the file is read-only (-r--r--r--); "
        "to allow saving, run: chmod u+w own.toml",
        "roots.toml: not saved: the file is read-only for you (-rw-r--r--, owner uid 0); "
        "ask its owner to make it writable",
        "goaltui fmt: 0 files reformatted, 0 unchanged, 2 with errors",
    ]
    assert own.read_text(encoding="utf-8") == MESSY
    assert roots.read_text(encoding="utf-8") == MESSY
    assert (roots.stat().st_uid, own.stat().st_uid) == (0, NOBODY)  # the very same files


@pytest.mark.parametrize("relative", [True, False], ids=["relative", "absolute"])
def test_a_symlinked_review_is_updated_through_the_link(tmp_path, relative):
    real = write(tmp_path, BASE, "shared/review.toml")
    real.chmod(0o640)
    link = tmp_path / "mine" / "review.toml"
    link.parent.mkdir()
    link.symlink_to(Path("../shared/review.toml") if relative else real)
    doc = Document.open(link)
    doc.session.set_status("liikkeelle", "Q3", "Toteutuu")
    doc.finish_save(write_snapshot(doc.snapshot()))
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert load(real).review.goal("liikkeelle").status_in("Q3") == "Toteutuu"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in real.parent.iterdir()) == ["review.toml"]
    # the journal lives beside the name the reviewer opened; it is gone after the save
    assert sorted(p.name for p in link.parent.iterdir()) == ["review.toml"]
    atomic.write_atomic(link, NEW)
    assert link.is_symlink() and real.read_bytes() == NEW


def test_a_failed_save_through_a_link_keeps_the_link_and_the_linked_file(tmp_path, monkeypatch):
    real = write(tmp_path, BASE, "shared/review.toml")
    link = tmp_path / "review.toml"
    link.symlink_to(real)
    inject(monkeypatch, "replace", fault(errno.ENOSPC))
    with pytest.raises(SaveError):
        atomic.write_atomic(link, NEW)
    assert link.is_symlink() and real.read_bytes() == BASE.encode()
    assert sorted(p.name for p in real.parent.iterdir()) == ["review.toml"]


# -- SIGKILL at random moments -------------------------------------------------------------------

STATUSES = (
    Status("On track", color="green", symbol="●"),
    Status("At risk", color="yellow", symbol="◐"),
    Status("Off track", color="red", symbol="○", explain=True),
)
KILLS = 60
EDITED = ("goal-04000", "Q2", "At risk")

# A fork server: it loads the review once, then for every line on stdin forks a writer that
# saves the two versions in turn through Document and write_snapshot (as the app does) until
# it is killed, and reports how the writer ended.
WRITER = textwrap.dedent(
    """
    import os, sys, time, traceback
    from pathlib import Path
    from goaltui.files.document import Document, write_snapshot

    path, goal, period, label = Path(sys.argv[1]), *sys.argv[2:5]
    doc = Document.open(path)
    for value in (label, None):  # once through: the text of every goal is known from now on
        started = time.monotonic()
        doc.session.set_status(goal, period, value)
        doc.finish_save(write_snapshot(doc.snapshot()))
    print("ready", time.monotonic() - started, flush=True)  # how long a save takes here
    for line in sys.stdin:
        pid = os.fork()
        if pid == 0:
            try:
                values = [label, None]
                i = 0
                while True:
                    doc.session.set_status(goal, period, values[i % 2])
                    doc.finish_save(write_snapshot(doc.snapshot(overwrite=True)))
                    i += 1
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(3)
        print(pid, flush=True)
        _, status = os.waitpid(pid, 0)
        print(status, flush=True)
    """
)


def big_review(goals: int = 8000) -> Review:
    labels = [status.label for status in STATUSES]
    return Review(
        title="A large review",
        periods=("Q1", "Q2", "Q3", "Q4"),
        statuses=STATUSES,
        goals=[
            Goal(
                id=f"goal-{i:05d}",
                objective=f"Objective number {i}: " + "goals are met " * 3,
                theme=f"Theme {i // 50}",
                periods={
                    "Q1": PeriodEntry(
                        status=labels[i % 3],
                        forecast=f"{i} %",
                        comment=f"Comment on goal {i},\nover two lines " + "x" * 40,
                    )
                },
            )
            for i in range(goals)
        ],
        year=2026,
        current="Q2",
    )


def test_a_writer_killed_at_any_moment_leaves_the_old_or_the_new_file_whole(tmp_path):
    path = tmp_path / "big.toml"
    review = big_review()
    a = render(review, path).encode()
    goal_id, period, label = EDITED
    review.replace_goal(review.goal(goal_id).with_value(period, "status", label))
    b = render(review, path).encode()
    assert len(a) > 2_000_000 and a != b
    for version in (a, b):
        tomlparse.loads(version.decode("utf-8"))
    path.write_bytes(a)
    temp_name = re.compile(rf"^\.{re.escape(path.name)}\..+\.tmp$")
    journal = f".{path.name}.goaltui-recovery.json"

    rng = random.Random(20260101)
    server = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), goal_id, period, label],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    assert server.stdin is not None and server.stdout is not None
    seen = {a: 0, b: 0}
    torn_writes = 0  # kills that left a temporary file: the kill came in the middle of a save
    started = time.monotonic()
    try:
        ready, save_seconds = server.stdout.readline().split()
        assert ready == "ready", server.stderr and server.stderr.read()
        # Kills spread over about three saves, however slow the machine is right now: some
        # land mid-write, some after a save completed.
        latest = max(0.12, 3 * float(save_seconds))
        for kill in range(KILLS):
            server.stdin.write("go\n")
            server.stdin.flush()
            pid = int(server.stdout.readline())
            time.sleep(rng.uniform(0.0, latest))
            os.kill(pid, signal.SIGKILL)
            status = int(server.stdout.readline())
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
                f"kill {kill}: the writer had stopped on its own (status {status}):\n"
                + (server.stderr.read() if server.stderr else "")
            )

            data = path.read_bytes()
            assert data in seen, (
                f"kill {kill}: the file is neither version: {len(data)} bytes "
                f"(versions: {len(a)} and {len(b)})"
            )
            seen[data] += 1  # and so it parses: both versions were parsed before the kills

            others = [p.name for p in tmp_path.iterdir() if p.name not in (path.name, journal)]
            for name in others:
                assert temp_name.match(name), f"kill {kill}: unexpected file {name}"
            found, problems = review_paths([str(tmp_path)])
            assert found == [path] and problems == []
            torn_writes += bool(others)
            for name in others:  # keep the disk small; the next kill may leave another
                (tmp_path / name).unlink()
    finally:
        server.kill()
        server.wait()
    elapsed = time.monotonic() - started
    print(f"kills: {KILLS}, A: {seen[a]}, B: {seen[b]}, torn: {torn_writes}, {elapsed:.1f} s")

    assert load(path).review.goal(goal_id).status_in(period) in (label, None)
    assert seen[b] > 0, "no save of the new version ever completed: the test proves nothing"
    assert torn_writes > 0, "no kill hit a save in progress: the test proves nothing"
    assert elapsed < 30 + KILLS * latest, f"the kill test took {elapsed:.0f} s"
