"""While the reviewer reads, each file's text is split into its goals' pieces, a little at a time.

Then the first save re-reads only the goals edited, as later saves do, instead of writing every
goal again on the thread the keys share (:mod:`goaltui.files.chunk_index`). A step is about a
millisecond of work every 20 ms, whatever a goal costs to write (one with three measures costs
three times as much as one with none), skipped while a save runs and while keys come in, so a
key never waits for it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from textual.timer import Timer
from textual.widget import Widget

from goaltui.files.document import Document
from goaltui.files.pacing import KEYS

INTERVAL = 0.02  # seconds between two steps
START_AFTER = 0.5  # seconds after the start: the first screen is drawn before any step
BUDGET = 0.001  # seconds of work a step does at most, give or take a few goals
GOALS = 4  # goals written between two looks at the clock
QUIET = 0.1  # seconds since the last key before a step is taken: typing is not idle


class IdleIndex:
    """Steps through ``documents`` in turn until each one's pieces are known."""

    def __init__(
        self, host: Widget, documents: Sequence[Document], saving: Callable[[], bool]
    ) -> None:
        self.host = host
        self.documents = documents
        self.saving = saving
        self._next = 0
        self._timer: Timer | None = None

    def start(self) -> None:
        self.host.set_timer(START_AFTER, self._begin, name="index")

    def _begin(self) -> None:
        self._timer = self.host.set_interval(INTERVAL, self._step, name="index")

    def _step(self) -> None:
        if self.saving():  # the save does the same work meanwhile
            return
        if KEYS.held or time.perf_counter() - KEYS.taken_at < QUIET:
            return
        until = time.perf_counter() + BUDGET
        while self._next < len(self.documents):
            if not self.documents[self._next].index_some(GOALS):
                self._next += 1  # that one is done: the next one
            if time.perf_counter() >= until:
                return
        if self._timer is not None:
            self._timer.stop()
