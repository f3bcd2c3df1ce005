"""A program in a real pseudo-terminal, read continuously, with every output byte timestamped.

The bench plays the terminal: it reads all the program writes (so the program never blocks on a
full pty buffer), answers Textual's query for synchronized output (DECRQM ``CSI ? 2026 $ p``) the
way a modern terminal does, so that Textual wraps each frame in ``CSI ? 2026 h`` ...
``CSI ? 2026 l``, and types keys. Reading only records ``(time, bytes)``; the screen is rebuilt
with pyte afterwards, so emulation cost never delays a timestamp.
"""

from __future__ import annotations

import bisect
import contextlib
import gc
import os
import select
import signal
import time
from collections.abc import Sequence

import pexpect
import pyte

SYNC_QUERY = b"\x1b[?2026$p"
SYNC_REPLY = b"\x1b[?2026;2$y"  # "mode known, currently reset": Textual turns sync on
SYNC_END = b"\x1b[?2026l"

KEYS = {
    "space": b" ",
    "down": b"\x1b[B",
    "ctrl+s": b"\x13",
    "ctrl+q": b"\x11",
}


class PtyError(RuntimeError):
    """The program did not do what the measurement waits for."""


class PtyApp:
    """One program in a pseudo-terminal of ``rows`` x ``cols``."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        rows: int = 40,
        cols: int = 120,
        env: dict[str, str] | None = None,
        answer_sync: bool = True,
    ) -> None:
        # The runner keeps its own garbage collector off while it reads (run.main): it collects
        # here, before a program starts, never while a program's output is being timed.
        gc.collect()
        self.rows, self.cols = rows, cols
        self.answer_sync = answer_sync
        self.times: list[float] = []  # arrival of each chunk, since spawn
        self.ends: list[int] = []  # offset just past each chunk in ``output``
        self.output = bytearray()
        self.sync_answered = False
        self.closed = False
        self.t0 = time.perf_counter()
        self.child = pexpect.spawn(
            argv[0], list(argv[1:]), dimensions=(rows, cols), env=env, echo=False
        )
        self.fd: int = self.child.child_fd
        self.pid: int = self.child.pid

    # -- reading -------------------------------------------------------------------------

    def now(self) -> float:
        return time.perf_counter() - self.t0

    def pump(self, timeout: float) -> bool:
        """Read what arrives within ``timeout`` seconds; False when nothing did."""
        if self.closed:
            time.sleep(max(0.0, timeout))
            return False
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return False
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:  # EIO: the program has gone and the pty is closed
            data = b""
        stamp = self.now()
        if not data:
            self.closed = True
            return False
        start = len(self.output)
        self.output += data
        self.times.append(stamp)
        self.ends.append(len(self.output))
        if self.answer_sync and not self.sync_answered:
            window = self.output[max(0, start - len(SYNC_QUERY)) :]
            if SYNC_QUERY in window:
                os.write(self.fd, SYNC_REPLY)
                self.sync_answered = True
        return True

    def wait_for(self, needle: bytes, timeout: float, start: int = 0) -> int:
        """Read until ``needle`` appears at or after offset ``start``; its offset."""
        deadline = time.perf_counter() + timeout
        searched = start
        while True:
            found = self.output.find(needle, searched)
            if found >= 0:
                return found
            searched = max(start, len(self.output) - len(needle) + 1)
            left = deadline - time.perf_counter()
            if left <= 0 or self.closed:
                tail = bytes(self.output[-400:])
                raise PtyError(f"{needle!r} did not appear (closed={self.closed}); tail: {tail!r}")
            self.pump(min(left, 0.1))

    def wait_quiet(self, quiet: float, timeout: float) -> float:
        """Read until no byte arrives for ``quiet`` seconds; the time of the last byte."""
        deadline = time.perf_counter() + timeout
        while True:
            last = self.times[-1] if self.times else 0.0
            left = last + quiet - self.now()
            if left <= 0:
                return last
            if time.perf_counter() > deadline:
                raise PtyError(f"output never went quiet for {quiet} s")
            self.pump(left)

    def time_at(self, offset: int) -> float:
        """When the byte at ``offset`` arrived."""
        index = bisect.bisect_right(self.ends, offset)
        if index >= len(self.times):
            raise PtyError(f"no byte at offset {offset}")
        return self.times[index]

    # -- measurements ----------------------------------------------------------------------

    def first_frame(self, expected: bytes, *, quiet: float = 0.5, timeout: float = 120.0) -> float:
        """Seconds from spawn to the last byte before ``quiet`` s of silence after ``expected``."""
        self.wait_for(expected, timeout)
        return self.wait_quiet(quiet, timeout)

    def send(self, key: str) -> float:
        """Write one key; the time it was written, since spawn."""
        data = KEYS.get(key, key.encode())
        stamp = self.now()
        os.write(self.fd, data)
        return stamp

    def frame_ends(self, start: int = 0, stop: int | None = None) -> list[float]:
        """Arrival times of the frame-end markers in ``output[start:stop]``."""
        found: list[float] = []
        at = self.output.find(SYNC_END, start)
        while at >= 0 and (stop is None or at < stop):
            found.append(self.time_at(at + len(SYNC_END) - 1))
            at = self.output.find(SYNC_END, at + 1)
        return found

    def frame_end_offsets(self, start: int = 0) -> list[int]:
        offsets: list[int] = []
        at = self.output.find(SYNC_END, start)
        while at >= 0:
            offsets.append(at + len(SYNC_END))
            at = self.output.find(SYNC_END, at + 1)
        return offsets

    def peak_memory_kib(self) -> int:
        """VmHWM of the program: the most resident memory it has had, in KiB."""
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        raise PtyError("no VmHWM in /proc status")

    # -- the screen --------------------------------------------------------------------------

    def screen(self, upto: int | None = None) -> list[str]:
        """The screen's lines after the output up to offset ``upto`` (default: all of it)."""
        screen = pyte.Screen(self.cols, self.rows)
        stream = pyte.ByteStream(screen)
        stream.feed(bytes(self.output[:upto]))
        return list(screen.display)

    # -- ending -------------------------------------------------------------------------------

    def close(self) -> None:
        """ctrl+q, then SIGKILL if the program is still there after a moment."""
        if not self.closed:
            with contextlib.suppress(OSError):
                self.send("ctrl+q")
            deadline = time.perf_counter() + 1.0
            while time.perf_counter() < deadline and self.child.isalive():
                self.pump(0.05)
        if self.child.isalive():
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(Exception):
            self.child.close(force=True)


def visible(lines: Sequence[str], texts: Sequence[str]) -> list[str]:
    """The ``texts`` that appear on none of the ``lines``."""
    return [text for text in texts if not any(text in line for line in lines)]
