"""Work in a background thread that leaves the interpreter to the thread answering the keys.

Python runs one thread at a time (the GIL). A save of 10,000 goals is about half a second of
Python; run beside the app's thread, it takes the interpreter whenever that thread waits a
moment (for input, for the terminal), and every key then waits for the save's turn to end.
A :class:`Pacer` is called often by such work: every couple of milliseconds it sleeps a
little, and if waking up took much longer than asked, another thread had the interpreter
and wants it still (a key being answered), so it sleeps again until that has finished.
"""

from __future__ import annotations

import time
from collections.abc import Callable

#: A function that long work calls now and then, to let other threads run.
Pause = Callable[[], None]


def no_pause() -> None:
    """For work that runs alone (a command, a test): nothing to wait for."""


class Pacer:
    """Call it often; it returns at once, or after the other threads have had their turn."""

    def __init__(self, work: float = 0.002, rest: float = 0.0002, most: float = 0.05) -> None:
        self.work = work  # seconds of work between two rests
        self.rest = rest  # seconds of each rest
        self.most = most  # the longest it waits for the others, at a time
        self.since = time.perf_counter()

    def __call__(self) -> None:
        now = time.perf_counter()
        if now - self.since < self.work:
            return
        deadline = now + self.most
        while True:
            before = time.perf_counter()
            time.sleep(self.rest)
            after = time.perf_counter()
            # Woken late: another thread held the interpreter, and is likely not done.
            if after - before < self.rest + 0.001 or after > deadline:
                break
        self.since = time.perf_counter()
