"""Paths that are not review files: named pipes, devices, sockets, folders, loops of links.

Reading a named pipe (FIFO) waits for a writer forever, so ``goaltui check``, ``summary``,
``fmt`` and the app must look at what a path is before reading it, and say so at the path:
never a hang, never a traceback, exit 1. Through the installed ``goaltui``, with a timeout that
turns a hang into a failure.
"""

from __future__ import annotations

import os
import socket
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from reviewfiles import BASE, clean_env, goaltui_script, write

from goaltui.files import atomic
from goaltui.files.document import Document, write_snapshot
from goaltui.files.loading import load
from goaltui.files.problems import ReviewError, SaveError
from goaltui.files.regular import NotRegularFile, open_regular

HANG = 20  # seconds: far more than any of these takes, far less than forever


def goaltui(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            [goaltui_script(), *map(str, args)],
            cwd=cwd,
            env=clean_env(),
            capture_output=True,
            text=True,
            timeout=HANG,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"goaltui {' '.join(map(str, args))} hung")


def fifo(folder: Path, name: str = "review.toml") -> Path:
    path = folder / name
    os.mkfifo(path)
    return path


def unix_socket(folder: Path, name: str = "review.toml") -> Path:
    path = folder / name
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the socket file stays
    return path


def device(folder: Path, name: str = "review.toml") -> Path:
    path = folder / name
    path.symlink_to("/dev/zero")  # endless: a read would never finish
    return path


SPECIAL = {
    "fifo": (fifo, "a named pipe (FIFO)"),
    "socket": (unix_socket, "a socket"),
    "device": (device, "a character device"),
}


# Every command on a FIFO (each of them blocked forever); a socket and a device once each.
REFUSALS = [
    *(
        (fifo, "a named pipe (FIFO)", command)
        for command in (
            ["check"],
            ["summary"],
            ["summary", "--format", "json"],
            ["fmt"],
            ["fmt", "--check"],
        )
    ),
    (unix_socket, "a socket", ["summary", "--format", "json"]),
    (device, "a character device", ["check"]),
]


@pytest.mark.parametrize(
    ("make", "kind", "command"),
    REFUSALS,
    ids=[f"{make.__name__} {' '.join(command)}" for make, _, command in REFUSALS],
)
def test_commands_refuse_what_is_not_a_regular_file(tmp_path, make, kind, command):
    make(tmp_path)
    good = write(tmp_path, BASE, "good.toml")
    result = goaltui(*command, "review.toml", "good.toml", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    message = f"review.toml: error: is {kind}, not a review file"
    assert message in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    if command == ["summary", "--format", "json"]:  # the other file is still summarised
        assert '"path": "good.toml"' in result.stdout
    assert good.read_text(encoding="utf-8") == BASE


def test_a_fifo_in_a_folder_is_not_waited_for(tmp_path):
    """A folder stands for its regular *.toml files; a pipe named *.toml is left out."""
    folder = tmp_path / "data"
    folder.mkdir()
    write(folder, BASE, "good.toml")
    fifo(folder, "pipe.toml")
    result = goaltui("check", "data", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == "goaltui check: 1 file, 0 error(s), 0 warning(s)\n"


def within(seconds: float, call: Callable[[], object]) -> object:
    """``call()``, in a thread that a hang cannot take the test run down with."""
    done: list[object] = []
    thread = threading.Thread(target=lambda: done.append(_outcome(call)), daemon=True)
    thread.start()
    thread.join(seconds)
    if not done:
        pytest.fail(f"{call} hung")
    return done[0]


def _outcome(call: Callable[[], object]) -> object:
    try:
        return call()
    except Exception as error:
        return error


@pytest.mark.parametrize(("make", "kind"), SPECIAL.values(), ids=SPECIAL.keys())
def test_the_loader_and_the_document_refuse_before_reading(tmp_path, make, kind):
    path = make(tmp_path)
    for opener in (load, Document.open):
        error = within(HANG, lambda: opener(path))  # noqa: B023 - called at once
        assert isinstance(error, ReviewError), error
        [problem] = error.problems
        assert str(problem) == f"{path}: error: is {kind}, not a review file"


def test_open_regular_takes_regular_files_only(tmp_path):
    os.close(open_regular(write(tmp_path, BASE)))
    for make, kind in SPECIAL.values():
        with pytest.raises(NotRegularFile) as caught:
            open_regular(make(tmp_path, f"x-{kind[2:5]}"))
        assert caught.value.kind == kind
    with pytest.raises(NotRegularFile) as caught:
        open_regular(tmp_path)
    assert str(caught.value) == "is a folder, not a regular file"


# -- a loop of links, a file that became a folder --------------------------------------------


def link_loop(folder: Path) -> Path:
    (folder / "a.toml").symlink_to("b.toml")
    (folder / "b.toml").symlink_to("a.toml")
    return folder / "a.toml"


@pytest.mark.parametrize("command", [["check"], ["summary"], ["fmt"]])
def test_a_loop_of_links_is_called_a_loop(tmp_path, command):
    link_loop(tmp_path)
    result = goaltui(*command, "a.toml", cwd=tmp_path)
    assert result.returncode == 1
    assert "a.toml: error: its symbolic links form a loop" in result.stdout + result.stderr
    assert "no such file" not in result.stdout + result.stderr


def test_a_loop_of_links_is_a_loop_for_the_loader_and_for_a_save(tmp_path):
    path = link_loop(tmp_path)
    with pytest.raises(ReviewError) as caught:
        load(path)
    assert caught.value.problems[0].message == "cannot be read: its symbolic links form a loop"
    with pytest.raises(SaveError) as saving:
        atomic.write_atomic(path, BASE.encode())
    assert saving.value.reason == "its symbolic links form a loop"


def test_a_file_that_became_a_folder_is_a_save_error_in_words(tmp_path):
    path = write(tmp_path, BASE)
    doc = Document.open(path)
    doc.session.set_status("liikkeelle", "Q3", "Toteutuu")
    path.unlink()
    path.mkdir()
    for overwrite in (False, True):
        with pytest.raises(SaveError) as caught:
            write_snapshot(doc.snapshot(overwrite=overwrite))
        assert caught.value.reason == "is a folder, not a regular file"
        assert "Errno" not in str(caught.value) and "IsADirectoryError" not in str(caught.value)
    assert path.is_dir() and not list(path.iterdir())
    assert doc.dirty


@pytest.mark.parametrize("change", [-7, +7], ids=["grew", "shrank"])
def test_a_file_that_changes_size_while_opened_is_read_to_its_end(tmp_path, monkeypatch, change):
    from goaltui.files import regular

    path = write(tmp_path, BASE)
    real_fstat = os.fstat

    def fstat(fd: int) -> os.stat_result:  # the size it had a moment before it was read
        found = list(real_fstat(fd))
        found[6] += change  # st_size
        return os.stat_result(found)

    monkeypatch.setattr(regular.os, "fstat", fstat)
    data, _status = regular.read_regular(path, 1 << 20)
    assert data == path.read_bytes()
    with pytest.raises(regular.TooLarge) as caught:
        regular.read_regular(path, len(BASE.encode()) - 1 if change < 0 else 10)
    assert caught.value.grew == (change < 0)
