"""Standard output that may fail: a full disk, a closed stream, a reader that went away.

``print`` to a full disk (``> /dev/full``, a CI runner's full ``$GITHUB_STEP_SUMMARY``)
raises OSError at some later flush, often only as Python exits; with stdout closed (``>&-``)
Python drops every ``print`` without a word. The commands write through :class:`Output`
instead: it keeps the first failure, writes nothing more, and lets the command finish its
work, after which :func:`unwritten` says what happened (and the command exits 3).
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from goaltui.files.problems import Problem
from goaltui.language import _
from goaltui.text import clean_line

#: The exit code when the output could not be written whole.
OUTPUT_FAILED = 3


def say(message: str) -> None:
    """``message`` on stderr, on one clean line."""
    with contextlib.suppress(OSError):  # stderr on a full disk too: nowhere left to say it
        print(clean_line(message), file=sys.stderr)


def report(problems: Sequence[Problem]) -> None:
    """Each problem on stderr, as ``path:line:col: error|warning: field: message``."""
    for problem in problems:
        print(problem, file=sys.stderr)


class Output(io.TextIOBase):
    """Writes to ``stream`` until a write fails; after that, discards."""

    def __init__(self, stream: TextIO | None) -> None:
        super().__init__()
        self.stream = stream  # None: stdout is closed (>&-), and Python gave us no stream
        self.failure: OSError | None = None  # None: all written so far

    @property
    def reader_left(self) -> bool:
        """The failure is that the reader went away (``goaltui summary | head -1``)."""
        return isinstance(self.failure, BrokenPipeError)

    @property
    # TextIO declares encoding a plain attribute; a property is how it follows the stream.
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.stream, "encoding", None) or "utf-8"

    def isatty(self) -> bool:
        return self.stream is not None and self.failure is None and self.stream.isatty()

    def fileno(self) -> int:
        if self.stream is None:
            raise io.UnsupportedOperation("standard output is closed")
        return self.stream.fileno()

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if self.stream is None and text and self.failure is None:
            self.failure = OSError(errno.EBADF, "closed")  # reason() words it
        if self.stream is not None and self.failure is None:
            try:
                self.stream.write(text)
            except OSError as error:
                self._failed(error)
        return len(text)

    def flush(self) -> None:
        if self.stream is not None and self.failure is None:
            try:
                self.stream.flush()
            except OSError as error:
                self._failed(error)

    def _failed(self, error: OSError) -> None:
        self.failure = error
        # What the stream still buffers goes nowhere, so that Python's own flush at exit has
        # nothing left to fail on (it would print a traceback and exit 120).
        with contextlib.suppress(AttributeError, OSError, ValueError):
            # A failure is only ever recorded on a stream (None fails in write, before this).
            assert self.stream is not None
            fd = self.stream.fileno()
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, fd)
            os.close(devnull)


def leave(code: int) -> None:
    """End the process with ``code`` once everything said is flushed, as Python's own end
    would, without freeing what was read object by object. Should a flush fail, this returns,
    and Python's own end says so as it always has."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None:
            continue
        try:
            stream.flush()
        except (OSError, ValueError):
            return
    os._exit(code)


def unwritten(command: str, failure: OSError, writes: bool) -> str:
    """What ``goaltui COMMAND`` says when its results did not reach standard output whole;
    ``writes``: it is fmt, which formats the files whatever becomes of its list of them."""
    if isinstance(failure, BrokenPipeError):  # only fmt, which writes, says so
        said = _(
            "goaltui fmt: the reader of its output went away, so the list of reformatted files "
            "is incomplete; the files themselves were formatted all the same"
        )
    elif writes:
        said = _(
            "goaltui fmt: the list of reformatted files could not be written to standard "
            "output: {reason}; the files themselves were formatted all the same"
        )
    elif command == "fmt":
        said = _(
            "goaltui fmt: the list of files to reformat could not be written to standard "
            "output: {reason}"
        )
    elif command == "check":
        said = _(
            "goaltui check: the problems found could not be written to standard output: {reason}"
        )
    elif command == "summary":
        said = _("goaltui summary: the summary could not be written to standard output: {reason}")
    else:
        # Translators: {command} is diff, history or textconv
        said = _("goaltui {command}: its output could not be written to standard output: {reason}")
    return said.format(command=command, reason=reason(failure))


def reason(failure: OSError) -> str:
    """Why the output could not be written, in a person's words."""
    if failure.errno == errno.ENOSPC:
        return _("the disk is full")
    if failure.errno == errno.EBADF:
        return _("it is closed")
    return failure.strerror or str(failure)  # the system's own words
