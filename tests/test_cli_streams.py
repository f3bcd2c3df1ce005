"""What the goaltui command writes where: every problem counted, and output any terminal can take.

- ``goaltui check`` counts each problem with its arguments (a missing file, an empty folder)
  in its tally, not one for all of them.
- ``goaltui summary`` on a terminal or log that cannot show "●" or "ä" (``PYTHONIOENCODING=ascii``)
  prints "?" in their place instead of dying with a UnicodeEncodeError.
- Output that cannot be written (a full disk, a closed stdout) is said on stderr and exits 3;
  a reader that goes away (``| head``) leaves summary and check with their own verdict, and
  fmt formatting every file, then exiting 3 because its list of them is incomplete.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from reviewfiles import BASE, clean_env, copy_data, goaltui_script, run, shell

from goaltui.cli import main

SYMBOLS = {"●": "On track", "◐": "At risk", "○": "Off track"}  # data/example-en.toml


def test_check_counts_each_problem_with_its_arguments(tmp_path, monkeypatch, capsys):
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)
    code = main(["check", "missing.toml", "empty"])
    out, err = capsys.readouterr()
    assert code == 1
    problems = out.splitlines()
    assert len(problems) == 2, out
    assert problems[0].startswith("missing.toml: error: ")
    assert problems[1].startswith("empty: error: ")
    assert err == "goaltui check: 0 files, 2 error(s), 0 warning(s)\n"


@pytest.mark.parametrize("fmt", ["rich", "markdown"])
def test_summary_on_an_ascii_stream_prints_question_marks_not_a_traceback(tmp_path, fmt):
    copy_data(tmp_path)
    args = ("summary", "--format", fmt, "data")
    ascii_ = run(*args, cwd=tmp_path, PYTHONIOENCODING="ascii", PYTHONUTF8="0")
    assert "Traceback" not in ascii_.stderr and "UnicodeEncodeError" not in ascii_.stderr
    assert ascii_.returncode == 0, ascii_.stderr
    out = ascii_.stdout
    assert out.isascii()
    assert "Riverton Culture" in out and "Kulttuurin ja vapaa" in out  # both files

    utf8 = run(*args, cwd=tmp_path, PYTHONIOENCODING="utf-8").stdout
    for symbol, label in SYMBOLS.items():
        assert utf8.count(f"{symbol} {label}") > 0
        assert out.count(f"? {label}") == utf8.count(f"{symbol} {label}"), label
    if fmt == "markdown":  # plain text: every character the stream cannot take becomes "?"
        assert out == "".join(c if c.isascii() else "?" for c in utf8)


# -- output that cannot be written ---------------------------------------------------------------
#
# Through the installed script in a shell, as a CI step would run it: a full disk
# (/dev/full, as a full $GITHUB_STEP_SUMMARY), a closed stdout (>&-), a reader that stops
# reading (| head -1). Never a traceback, never a silent success.

WRITERS = {
    "summary": (["summary"], "the summary"),
    "summary json": (["summary", "--format", "json"], "the summary"),
    "summary markdown": (["summary", "--format", "markdown"], "the summary"),
    "check": (["check"], "the problems found"),  # the data has three warnings
}


@pytest.mark.parametrize(("args", "results"), WRITERS.values(), ids=WRITERS.keys())
def test_a_full_disk_under_stdout_is_said_and_fails(tmp_path, args, results):
    copy_data(tmp_path)
    result = shell(f'"$GOALTUI" {" ".join(args)} data > /dev/full', tmp_path)
    assert result.returncode == 3
    last = result.stderr.splitlines()[-1]
    assert last == f"goaltui {args[0]}: {results} could not be written to standard output: " + (
        "the disk is full"
    )
    assert "Traceback" not in result.stderr and "Exception" not in result.stderr


@pytest.mark.parametrize(("args", "results"), WRITERS.values(), ids=WRITERS.keys())
def test_with_stderr_on_the_full_disk_too_the_exit_code_still_says_it(tmp_path, args, results):
    copy_data(tmp_path)
    result = shell(f'"$GOALTUI" {" ".join(args)} data > /dev/full 2>&1', tmp_path)
    assert result.returncode == 3


@pytest.mark.parametrize(("args", "results"), WRITERS.values(), ids=WRITERS.keys())
def test_a_closed_stdout_is_said_and_fails(tmp_path, args, results):
    copy_data(tmp_path)
    result = shell(f'"$GOALTUI" {" ".join(args)} data >&-', tmp_path)
    assert result.returncode == 3
    assert result.stderr.splitlines()[-1] == (
        f"goaltui {args[0]}: {results} could not be written to standard output: it is closed"
    )


def test_a_closed_stdout_with_nothing_to_write_is_no_failure(tmp_path):
    copy_data(tmp_path)
    result = shell('"$GOALTUI" fmt data >&-', tmp_path)  # the data is canonical already
    assert (result.returncode, result.stderr) == (
        0,
        "goaltui fmt: 0 files reformatted, 2 unchanged\n",
    )


MESSY = BASE.replace("year = 2021", "year   = 2021")


def many(folder: Path, text: str, count: int) -> Path:
    data = folder / "data"
    data.mkdir()
    for i in range(count):
        (data / f"review-{i:04d}.toml").write_text(text, encoding="utf-8")
    return data


def reader_gone(args: list[str], cwd: Path) -> tuple[int, str]:
    """``goaltui ARGS | head -1`` once head has left: every write meets a closed pipe.

    Unbuffered, so that the first line already does, as it would in a terminal's pipe; the
    exit code and stderr are returned.
    """
    read, write = os.pipe()
    os.close(read)
    process = subprocess.Popen(
        [goaltui_script(), *args],
        cwd=cwd,
        env=clean_env(PYTHONUNBUFFERED="1"),
        stdout=write,
        stderr=subprocess.PIPE,
        text=True,
    )
    os.close(write)
    _, stderr = process.communicate(timeout=120)
    return process.returncode, stderr


def test_fmt_whose_reader_leaves_formats_every_file_and_says_the_list_is_cut(tmp_path):
    """The work is the point: every file is formatted, and the exit code says the list of
    them (what a script would act on) is incomplete."""
    data = many(tmp_path, MESSY, 50)
    code, stderr = reader_gone(["fmt", "data"], tmp_path)
    assert stderr == (
        "goaltui fmt: 50 files reformatted, 0 unchanged\n"
        "goaltui fmt: the reader of its output went away, so the list of reformatted files is "
        "incomplete; the files themselves were formatted all the same\n"
    )
    assert code == 3
    left = [p.name for p in data.iterdir() if p.read_text(encoding="utf-8") != BASE]
    assert left == []


def test_check_whose_reader_leaves_still_fails_on_errors(tmp_path):
    many(tmp_path, BASE.replace("year = 2021", "year = true"), 50)
    code, stderr = reader_gone(["check", "data"], tmp_path)
    assert code == 1  # the verdict, not a success because the reader stopped reading
    assert stderr == "goaltui check: 50 files, 50 error(s), 0 warning(s)\n"


def test_summary_whose_reader_leaves_ends_quietly_with_its_verdict(tmp_path):
    many(tmp_path, BASE, 3)
    (tmp_path / "data" / "bad.toml").write_text("[review]\n", encoding="utf-8")
    code, stderr = reader_gone(["summary", "data"], tmp_path)
    assert code == 1  # one file is invalid: the exit code says so, reader or not
    assert stderr.startswith("data/bad.toml:") and "Traceback" not in stderr
