"""Signals end the app the way quitting does: the terminal given back, every edit kept.

Left alone, SIGINT (``kill -INT``; in the app ctrl+c is a key) cancels asyncio's main task, and
the app ends with exit code 0 as if the reviewer had quit; SIGTERM (a shutdown, ``kill``) and
SIGHUP (the terminal window closed, the SSH connection dropped) end the process where it
stands, with the terminal still raw, on the alternate screen, reporting the mouse.

While :func:`caught` holds, the first of them asks the running app to stop (it journals the
text being typed, then closes as Textual does, which gives the terminal back) and is remembered,
for the process to exit with 128 + its number, as shells expect. A signal that comes before the
app runs stops it as soon as it does. If the app has not closed :data:`GRACE` seconds later, or
a second signal comes, the terminal is given back here, the last words are said and the process
ends at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import termios
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any, NoReturn

STOPPING = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
GRACE = 5.0  # seconds the app has to close once asked

# What Textual turns on, turned off: the kitty keyboard protocol, mouse reporting, bracketed
# paste, focus events, the alternate screen; then the cursor shown and line wrapping on.
RESTORE = (
    "\x1b[<u\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l\x1b[?2004l\x1b[?1004l"
    "\x1b[?1049l\x1b[?25h\x1b[?7h"
)

Stop = Callable[[int], None]  # the app's: stop for this signal


def exit_code(signum: int) -> int:
    """The exit code of a process ended by ``signum``, as shells report it."""
    return 128 + signum


def name(signum: int) -> str:
    try:
        return signal.Signals(signum).name
    except ValueError:
        return f"signal {signum}"


class Catcher:
    """The stopping signals while the app runs: the first one stops it; it is remembered."""

    def __init__(self, last_words: Callable[[int], None]) -> None:
        self.signal: int | None = None  # the first signal caught
        self._last_words = last_words  # said when the app cannot be waited for
        self._stop: tuple[asyncio.AbstractEventLoop, Stop] | None = None
        self._timer: threading.Timer | None = None
        self._terminal = _terminal_modes()

    def received(self, signum: int, frame: FrameType | None = None) -> None:
        """The signal handler: runs in the main thread, between two steps of the app."""
        if self.signal is not None:
            self.force()  # a second signal: do not wait any longer
        self.signal = signum
        self._ask_to_stop()

    def attach(self, loop: asyncio.AbstractEventLoop, stop: Stop) -> None:
        """The app runs on ``loop``: a signal now (or one caught before) calls ``stop``."""
        self._stop = (loop, stop)
        if self.signal is not None:
            self._ask_to_stop()

    def app_ended(self) -> None:
        """The app has closed: nothing more to stop, nothing to force."""
        self._stop = None
        if self._timer is not None:
            self._timer.cancel()

    def _ask_to_stop(self) -> None:
        if self._stop is None or self.signal is None or self._timer is not None:
            return
        loop, stop = self._stop
        try:
            loop.call_soon_threadsafe(stop, self.signal)
        except RuntimeError:  # the loop is closed: the app has ended
            return
        self._timer = threading.Timer(GRACE, self.force)
        self._timer.daemon = True
        self._timer.start()

    def force(self) -> NoReturn:
        """The app did not close: give the terminal back, say the last words, end now."""
        signum = self.signal or signal.SIGTERM
        _restore_terminal(self._terminal)
        try:
            self._last_words(signum)
        finally:
            os._exit(exit_code(signum))


_current: Catcher | None = None


@contextmanager
def caught(last_words: Callable[[int], None]) -> Iterator[Catcher]:
    """Catch the stopping signals meanwhile; ``last_words(signum)`` is said before a forced end."""
    global _current
    catcher = Catcher(last_words)
    before: dict[signal.Signals, Any] = {}
    for signum in STOPPING:
        before[signum] = signal.signal(signum, catcher.received)
    _current = catcher
    try:
        yield catcher
    finally:
        _current = None
        catcher.app_ended()
        for signum, handler in before.items():
            signal.signal(signum, handler)


def attach(loop: asyncio.AbstractEventLoop, stop: Stop) -> None:
    """Called by the app once it runs: signals caught (now or before) stop it."""
    if _current is not None:
        _current.attach(loop, stop)


def _terminal_modes() -> list[Any] | None:
    """The terminal's modes as they were before the app, to be set again by force."""
    try:
        return termios.tcgetattr(sys.__stdin__.fileno()) if sys.__stdin__ else None
    except (termios.error, OSError, ValueError):
        return None


def _restore_terminal(modes: list[Any] | None) -> None:
    with contextlib.suppress(OSError, ValueError):  # a terminal that is gone needs nothing
        os.write(sys.__stderr__.fileno() if sys.__stderr__ else 2, RESTORE.encode())
    if modes is not None and sys.__stdin__ is not None:
        with contextlib.suppress(termios.error, OSError, ValueError):
            termios.tcsetattr(sys.__stdin__.fileno(), termios.TCSANOW, modes)
