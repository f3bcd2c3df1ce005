"""The installed ``goaltui`` command in a real pseudo-terminal, read back with pyte.

A reviewer opens the Helsinki review, moves to the third goal's Q3 cell, changes its status
with space, saves with ctrl+s, closes the summary, quits with q, and finds the summary of the
saved file in the terminal after the app is gone, and one changed line in the file.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pexpect
import pyte
import pytest

from goaltui.loading import load

KUVA = "kuva-2021.toml"

ROWS, COLUMNS = 30, 100
TIMEOUT = 10.0
TITLE = "Kulttuurin ja vapaa-ajan toimiala"
LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049l"

KEYS = {"down": b"\x1b[B", "space": b" ", "ctrl+s": b"\x13", "escape": b"\x1b", "q": b"q"}


def goaltui_command() -> str:
    beside = Path(sys.executable).parent / "goaltui"
    if beside.exists():
        return str(beside)
    found = shutil.which("goaltui")
    if found is None:
        pytest.skip("the goaltui console script is not installed")
    return found


class Terminal:
    """What a person would see on a 100x30 terminal running the command."""

    def __init__(self, child: pexpect.spawn) -> None:
        self.child = child
        self.screen = pyte.Screen(COLUMNS, ROWS)
        self.stream = pyte.ByteStream(self.screen)
        self.output = bytearray()

    def read(self, timeout: float = 0.1) -> bool:
        """Take in what the program wrote; False once it has closed the terminal."""
        try:
            data = self.child.read_nonblocking(65536, timeout=timeout)
        except pexpect.TIMEOUT:
            return True
        except pexpect.EOF:
            return False
        self.output += data
        self.stream.feed(data)
        return True

    @property
    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, what: str, check: Callable[[str], bool]) -> None:
        deadline = time.monotonic() + TIMEOUT
        while not check(self.text):
            if time.monotonic() > deadline or not self.read():
                raise AssertionError(f"waited for {what}; the screen shows:\n{self.text}")
        # a little more, so that the screen has settled
        self.read(0.2)

    def press(self, key: str) -> None:
        self.child.send(KEYS[key])
        time.sleep(0.15)  # one key at a time, as a person types
        self.read(0.1)

    def wait_for_exit(self) -> int:
        deadline = time.monotonic() + TIMEOUT
        while self.read():
            if time.monotonic() > deadline:
                raise AssertionError(f"the app did not exit; the screen shows:\n{self.text}")
        self.child.wait()
        self.child.close()
        assert self.child.exitstatus is not None, self.child.signalstatus
        return self.child.exitstatus


def third_goal_q3(text: str) -> str:
    """The mark in the Q3 column of the third goal's line of the table."""
    lines = text.splitlines()
    header = next(line for line in lines if "Tavoitteet" in line and " Q3 " in line)
    row = next(line for line in lines if "Helsingissä on helppoa" in line)
    return row[header.index(" Q3 ") + 1]


def test_edit_save_and_quit_in_a_real_terminal(tmp_path):
    path = tmp_path / KUVA
    shutil.copyfile(Path(__file__).resolve().parents[2] / "data" / KUVA, path)
    original = path.read_text(encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env["TERM"] = "xterm-256color"
    env.pop("NO_COLOR", None)
    child = pexpect.spawn(
        goaltui_command(),
        [KUVA],
        cwd=str(tmp_path),
        env=env,
        dimensions=(ROWS, COLUMNS),
        timeout=TIMEOUT,
    )
    term = Terminal(child)
    try:
        term.wait_for(
            "the header: title and current period",
            lambda text: TITLE in text.splitlines()[0] and "tarkastelujakso Q3" in text,
        )

        term.press("down")
        term.press("down")
        term.wait_for("the third goal's details", lambda t: "liikkeelle  ◆ sitova" in t)
        assert third_goal_q3(term.text) == "●"  # "Toteutuu"
        term.press("space")
        term.wait_for("the unsaved mark", lambda text: "* unsaved" in text)
        assert third_goal_q3(term.text) == "◐"  # "Toteutuu osittain"

        term.press("ctrl+s")
        term.wait_for("the summary", lambda text: "Saved kuva-2021.toml." in text)
        term.press("escape")
        term.wait_for("the summary to close", lambda text: "Saved kuva-2021.toml." not in text)
        assert "unsaved" not in term.text

        term.press("q")
        status = term.wait_for_exit()
    finally:
        if child.isalive():
            child.terminate(force=True)

    assert status == 0, term.text
    # after the app's screen is gone, the summary of the saved file is left in the terminal
    output = bytes(term.output)
    assert LEAVE_ALTERNATE_SCREEN in output
    after = output[output.rindex(LEAVE_ALTERNATE_SCREEN) :].decode("utf-8", "replace")
    after = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", after)  # colours and modes, not text
    assert TITLE in after
    assert "kuva-2021.toml · vuosi 2021 · tarkastelujakso Q3 · 3 tavoitetta" in after
    assert "liikkeelle ● Toteutuu → ◐ Toteutuu osittain" in after  # "worsened" in Q3
    # pyte has no alternate screen: the summary is drawn over the app's last picture
    assert "Huomioitavaa (Q3)" in term.text

    # the file: the third goal's Q3 status changed, and nothing else
    saved = path.read_text(encoding="utf-8")
    assert load(path).review.goal("liikkeelle").entry("Q3").status == "Toteutuu osittain"
    old, new = original.splitlines(), saved.splitlines()
    changed = [
        (old[i1:i2], new[j1:j2])
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new).get_opcodes()
        if tag != "equal"
    ]
    assert changed == [(['status = "Toteutuu"'], ['status = "Toteutuu osittain"'])]
    line = next(i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b)
    above = old[:line][::-1]
    assert next(x for x in above if x.startswith("[goals.periods.")) == "[goals.periods.Q3]"
    assert next(x for x in above if x.startswith("id = ")) == 'id = "liikkeelle"'
