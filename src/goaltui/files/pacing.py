"""Work in a background thread that leaves the interpreter to the thread answering the keys.

Python runs one thread at a time (the GIL). A save of 10,000 goals is about half a second of
Python; run beside the app's thread, it takes the interpreter whenever that thread waits a
moment (for input, for the terminal), and every key then waits for the save's turn to end.
A :class:`Pacer` is called often by such work: every couple of milliseconds it sleeps a
little, and if waking up took much longer than asked, another thread had the interpreter
and wants it still (a key being answered), so it sleeps again until that has finished.

Guessing from late wake-ups still lets the work take a slice of the interpreter every few
milliseconds while a key is answered, which made each key take nearly twice as long. So the
terminal's input thread also says so outright: it takes the :data:`KEYS` claim as a key comes
in, and the claim is given back once a frame drawn after the key was answered is written;
meanwhile a Pacer waits. Not the next frame written: with keys 20 ms apart, the frame out
next is often the one answering the key before, and the save would then share the
interpreter with the key that is being answered.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

#: A function that long work calls now and then, to let other threads run.
Pause = Callable[[], None]


#: What :meth:`Claim.give_back` gives back by default: the claim, whatever it was taken for.
ANY = object()


def no_pause() -> None:
    """For work that runs alone (a command, a test): nothing to wait for."""


class Claim:
    """A thread's ask for the interpreter to itself for a moment, which a :class:`Pacer` honours.

    :meth:`take` names what it is taken for (a key); :meth:`answered` says, from the thread
    that answers it, that it has been; a frame drawn after that carries :attr:`answering`,
    and :meth:`give_back` with it ends the claim, if nothing was taken for since. It runs out
    by itself after ``longest`` seconds, so a claim whose end is never seen (a key a text box
    keeps, a key that changes nothing on screen) stalls no work.
    """

    def __init__(self, longest: float = 0.05) -> None:
        self.longest = longest
        self.held = False  # read by the Pacer at every call: a plain attribute is cheapest
        self.answering: object = None  # the last thing taken for that has been answered
        self._wanted: object = None  # what the claim is held for
        self.taken_at = 0.0  # time.perf_counter() at the last take: when a key last came
        self._until = 0.0
        self._free = threading.Event()
        self._free.set()
        self._lock = threading.Lock()  # take and give_back come from two threads

    def take(self, wanted: object = None) -> None:
        with self._lock:
            self._wanted = wanted
            self.taken_at = time.perf_counter()
            self._until = self.taken_at + self.longest
            self._free.clear()
            self.held = True

    def answered(self, wanted: object) -> None:
        """``wanted`` has been answered: the frames drawn from now on carry it."""
        self.answering = wanted

    def give_back(self, answers: object = ANY) -> None:
        """A frame is out that ``answers`` what was taken for (by default: whatever it was)."""
        with self._lock:
            if answers is not ANY and answers is not self._wanted:
                return  # drawn before the claim's key was answered: it goes on
            self.held = False
            self._free.set()

    def wait(self) -> None:
        """Return once the claim is given back or has run out; the interpreter is free meanwhile."""
        left = self._until - time.perf_counter()
        if left > 0 and self._free.wait(left):
            return
        if time.perf_counter() >= self._until:  # ran out, and not taken again meanwhile
            self.held = False


#: The claim of the thread that reads the keys: taken as a key comes in, given back once a
#: frame drawn after its answer is written (goaltui.tui.driver, goaltui.tui.app). One per
#: process, as the interpreter is.
KEYS = Claim()


class Pacer:
    """Call it often; it returns at once, or after the other threads have had their turn."""

    def __init__(
        self,
        work: float = 0.002,
        rest: float = 0.0002,
        most: float = 0.05,
        claim: Claim | None = None,
        least: float = 0.001,
        share: float = 0.25,
    ) -> None:
        self.work = work  # seconds of work between two rests
        self.rest = rest  # seconds of each rest
        self.most = most  # the longest it waits for the others, at a time
        self.claim = claim  # waited for whenever it is held
        # Work between two waits for the claim, in seconds and as a share of the last wait:
        # keys that come in faster than they are answered hold it all the time, and the work
        # would never end (a save of 10,000 goals took 20 s on a slow machine).
        self.least = least
        self.share = share
        self.since = time.perf_counter()
        self._resumed = -1.0  # when it last went on after waiting for the claim
        self._owed = least  # the work it does from then before it waits again

    def __call__(self) -> None:
        claim = self.claim
        now = time.perf_counter()
        if claim is not None and claim.held and now - self._resumed >= self._owed:
            claim.wait()
            self.since = self._resumed = time.perf_counter()
            self._owed = max(self.least, self.share * (self._resumed - now))
            return
        if now - self.since < self.work:
            return
        deadline = now + self.most
        rest = self.rest
        while True:
            before = time.perf_counter()
            time.sleep(rest)
            after = time.perf_counter()
            # Woken late: another thread held the interpreter, and is likely not done.
            if after - before < rest + 0.001 or after > deadline:
                break
            rest = 0.002  # each wake-up takes the interpreter from it for a moment: fewer
        self.since = time.perf_counter()


@contextmanager
def paced_calls(pause: Pause, every: int = 64) -> Iterator[None]:
    """Within: ``pause`` is called every ``every`` Python calls of this thread.

    For work that calls no pause of its own (a library drawing a table): the price is a
    call of a small function per ``every`` calls, a third or so of the work's time. Not
    while this thread is traced already (a debugger, coverage), which would be lost.
    """
    if sys.gettrace() is not None:
        yield
        return
    count = 0

    def trace(frame: FrameType, event: str, arg: object) -> None:
        nonlocal count
        count += 1
        if count >= every:  # the calls in here are not traced
            count = 0
            pause()

    sys.settrace(trace)
    try:
        yield
    finally:
        sys.settrace(None)
