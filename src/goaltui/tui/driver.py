"""The terminal as the app reads and writes it, made to survive what a terminal can send.

Textual's Linux driver decodes the keys with a strict UTF-8 decoder, made in its input thread
by the ``getincrementaldecoder`` its module imported: one byte that is not UTF-8 (an SSH client
set to Latin-1 typing "ä") raises there, and the input thread ends the app. The
:class:`TerminalDriver` hands that module a factory of decoders that read such a byte as
U+FFFD, which the reviewer sees and can delete. And once the terminal is gone (a hang-up), a
write raises in Textual's writer thread, whose end would block every later frame, and the app
with it: writes to a terminal that is gone are dropped instead.

Both lean on how Textual 8 is built; tests/tui/test_e2e_pty.py feeds a Latin-1 byte to the
installed app, so a Textual that works otherwise fails there rather than in a meeting.
"""

from __future__ import annotations

import codecs
import contextlib
import signal
import termios
from collections.abc import Callable
from functools import partial
from typing import IO, Any

from textual.driver import Driver
from textual.drivers import linux_driver
from textual.message import Message

from goaltui.files.pacing import KEYS

DECODER_FACTORY = "getincrementaldecoder"  # the name Textual's module calls


def lenient_decoder(encoding: str) -> Callable[..., codecs.IncrementalDecoder]:
    """Like :func:`codecs.getincrementaldecoder`, for decoders that replace bad bytes."""
    return partial(codecs.getincrementaldecoder(encoding), errors="replace")


class Frame(str):
    """Text for the terminal, with what the app had answered when it was drawn."""

    answers: object = None


class TerminalOutput:
    """The terminal for Textual's writer thread: once a write fails, the rest are dropped."""

    def __init__(self, file: IO[str]) -> None:
        self.file = file
        self.gone = False
        self.answers: object = None  # what the last text written answers (see Frame)

    def write(self, text: str) -> int:
        self.answers = getattr(text, "answers", None)
        if not self.gone:
            try:
                return self.file.write(text)
            except (OSError, ValueError):  # EIO after a hang-up; ValueError: closed
                self.gone = True
        return len(text)

    def flush(self) -> None:
        if not self.gone:
            try:
                self.file.flush()
            except (OSError, ValueError):
                self.gone = True
        KEYS.give_back(self.answers)  # out: if it answers the key that took the claim, the end

    def fileno(self) -> int:
        return self.file.fileno()

    def isatty(self) -> bool:
        return self.file.isatty()


class TerminalDriver(linux_driver.LinuxDriver):
    """Textual's Linux driver, with input decoded leniently and output that survives a hang-up."""

    def __init__(self, app: Any, **options: Any) -> None:
        super().__init__(app, **options)
        output = getattr(self, "_file", None)  # what Textual's writer thread will write to
        if output is not None:
            setattr(self, "_file", TerminalOutput(output))  # noqa: B010 (a private attribute)

    def run_input_thread(self) -> None:
        # Read by the input thread as it starts; only this driver's module sees the change.
        setattr(linux_driver, DECODER_FACTORY, lenient_decoder)
        super().run_input_thread()

    def process_message(self, message: Message) -> None:
        # In the input thread, as a key (or a click) comes in: a save's thread waits till the
        # frame answering it is out, rather than share the interpreter with it (files/pacing.py).
        KEYS.take(message)
        super().process_message(message)

    def write(self, data: str) -> None:
        # On the app's thread, as a frame is drawn: it answers what the app has answered so
        # far (GoalApp.on_event); Textual's writer thread writes it later.
        frame = Frame(data)
        frame.answers = KEYS.answering
        super().write(frame)

    def suspend_application_mode(self) -> None:
        self._suspending = True  # input comes back on resuming: wait for its thread as usual
        try:
            super().suspend_application_mode()
        finally:
            self._suspending = False

    def disable_input(self) -> None:
        """At the app's end, tell the input thread to stop without waiting for it.

        Textual's thread polls its terminal every 0.1 s and, told to stop, polls once more:
        waiting for it made every quit 0.1-0.2 s longer. Nothing is left for it to do; it ends
        on its own (the process waits for it, unless it ends at once: tui/ending.py).
        """
        if getattr(self, "_suspending", False) or self.exit_event.is_set():
            super().disable_input()
            return
        with contextlib.suppress(Exception):  # as Textual's own: the terminal may be gone
            signal.signal(signal.SIGWINCH, signal.SIG_DFL)
            self._disable_mouse_support()
            self.exit_event.set()
            termios.tcflush(self.fileno, termios.TCIFLUSH)


def driver_for(chosen: type[Driver]) -> type[Driver]:
    """The driver to run the app with, given the one Textual chose for this terminal."""
    return TerminalDriver if chosen is linux_driver.LinuxDriver else chosen
