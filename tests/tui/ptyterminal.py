"""The installed ``goaltui`` in a pseudo-terminal, and the screen a person would see (pyte)."""

from __future__ import annotations

import os
import re
import shutil
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

import pexpect
import pyte
import pytest

ROWS, COLUMNS = 30, 100
TIMEOUT = 15.0
ESCAPES = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][0-9A-B]")
KEYS = {"down": b"\x1b[B", "space": b" ", "ctrl+s": b"\x13", "escape": b"\x1b", "q": b"q"}
LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049l"


def goaltui_command() -> str:
    """The console script next to this Python, as ``pip install`` put it there."""
    beside = Path(sys.executable).parent / "goaltui"
    if beside.exists():
        return str(beside)
    found = shutil.which("goaltui")
    if found is None:
        pytest.skip("the goaltui console script is not installed")
    return found


def terminal_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    env["TERM"] = "xterm-256color"
    return env


class Terminal:
    """``goaltui ARGS`` (or another command) on a 100x30 terminal, read back as text."""

    def __init__(self, args: list[str], cwd: Path, command: str | None = None) -> None:
        self.child = pexpect.spawn(
            command or goaltui_command(),
            args,
            cwd=str(cwd),
            env=terminal_env(),
            dimensions=(ROWS, COLUMNS),
        )
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
        self.read(0.2)  # a little more, so that the screen has settled

    def press(self, key: str) -> None:
        self.child.send(KEYS[key])
        time.sleep(0.15)  # one key at a time, as a person types
        self.read(0.1)

    def wait_for_file(self, path: Path, timeout: float = 10.0) -> None:
        """Keep reading until ``path`` exists (a journal written after a key, say)."""
        deadline = time.monotonic() + timeout
        while not path.exists():
            assert time.monotonic() < deadline, f"{path} was never written"
            self.read(0.05)

    @property
    def said(self) -> str:
        """All the program wrote, without colours and modes: what stays in the scrollback."""
        text = ESCAPES.sub(b"", bytes(self.output)).decode("utf-8", "replace")
        return text.replace("\r\n", "\n")

    def wait_for_exit(self, timeout: float = TIMEOUT) -> int:
        deadline = time.monotonic() + timeout
        while self.read():
            if time.monotonic() > deadline:
                raise AssertionError(f"the app did not exit; the screen shows:\n{self.text}")
        self.modes_at_exit = termios.tcgetattr(self.child.child_fd)  # as the program left them
        self.child.wait()
        self.child.close()
        assert self.child.exitstatus is not None, self.child.signalstatus
        return self.child.exitstatus

    def after_app(self) -> str:
        """What the program wrote after it left the alternate screen, as text."""
        output = bytes(self.output)
        assert LEAVE_ALTERNATE_SCREEN in output, "the program never left the alternate screen"
        after = output[output.rindex(LEAVE_ALTERNATE_SCREEN) :].decode("utf-8", "replace")
        return re.sub(r"\x1b\[[0-9;?<>]*[A-Za-z]", "", after).replace("\r\n", "\n")

    def stop(self) -> None:
        if self.child.isalive():
            self.child.terminate(force=True)


def third_goal_q3(text: str) -> str:
    """The mark in the Q3 column of the third goal's line of kuva-2021.toml's table."""
    lines = text.splitlines()
    header = next(line for line in lines if "Tavoitteet" in line and " Q3 " in line)
    row = next(line for line in lines if "Helsingissä on helppoa" in line)
    return row[header.index(" Q3 ") + 1]
