"""What the goaltui command writes where: every problem counted, and output any terminal can take.

- ``goaltui check`` counts each problem with its arguments (a missing file, an empty folder)
  in its tally, not one for all of them.
- ``goaltui summary`` on a terminal or log that cannot show "●" or "ä" (``PYTHONIOENCODING=ascii``)
  prints "?" in their place instead of dying with a UnicodeEncodeError.
"""

from __future__ import annotations

import pytest
from reviewfiles import copy_data, run

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
