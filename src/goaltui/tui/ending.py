"""How the app ends: what the terminal is told about the reviewer's work, and the exit code.

Whatever ended the app (the reviewer quitting, a crash, a signal), every file with unsaved work
is accounted for, and truthfully: kept in its recovery journal, with how to get it back;
discarded, because the reviewer chose so in the quit dialog; or not kept, and why. What ended
the app decides the exit code: 0 for quitting, Textual's code for a crash, 128 + the signal's
number for a signal. Every name said comes from outside and is cleaned first (:func:`say`).
All of it is said in the language the app showed last, as is the summary of what was saved.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from goaltui.files.document import Document
from goaltui.files.recovery import journal_path
from goaltui.language import Words, default
from goaltui.text import clean_line
from goaltui.tui import signals

#: Textual's thread that reads the terminal, which is left to end on its own.
INPUT_THREAD = "textual-input"

if TYPE_CHECKING:
    from goaltui.tui.app import GoalApp


def run_app(app: GoalApp, documents: Sequence[Document]) -> int:
    """Run the app until it ends, say what became of the edits, and return the exit code."""
    with signals.caught(lambda signum: _stopped(documents, signum, app.speech.w)) as caught:
        try:
            app.run()
        except BaseException:
            caught.app_ended()
            keep_edits(documents, app.speech.w)
            raise
        caught.app_ended()
        w = app.speech.w
        if caught.signal is not None:
            _stopped(documents, caught.signal, w)
            return signals.exit_code(caught.signal)
        if app.return_code:  # a crash: Textual has said what went wrong
            keep_edits(documents, w)
            return app.return_code
        _print_saved(documents, w)
        if app.return_value == "discard":  # the reviewer chose to, in the quit dialog
            for doc in documents:
                if doc.dirty:
                    said = w._("goaltui: unsaved changes to {path} were discarded")
                    say(said, path=doc.path)
        else:
            keep_edits(documents, w)
    return 0


def leave(code: int) -> NoReturn:
    """End the process with ``code`` at once, once the app has ended and said everything.

    What is left is the interpreter freeing the reviews' million objects one by one, and
    Textual's input thread finishing its last poll: a tenth of a second and more that a
    person waits for the prompt. Everything said is flushed first, and every thread that
    may still write (a save, a journal) is waited for, as the interpreter's own end would.
    The locks and journals are already released and written by then (tui.run).
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    current = threading.current_thread()
    for thread in threading.enumerate():
        if thread is not current and not thread.daemon and thread.name != INPUT_THREAD:
            thread.join()
    os._exit(code)


def _stopped(documents: Sequence[Document], signum: int, w: Words) -> None:
    """A signal ended the app: say so, and where the unsaved work is."""
    if any(doc.unsaved for doc in documents):
        say(w._("goaltui: stopped by {signal}."), signal=signals.name(signum))
        keep_edits(documents, w)
    else:
        said = w._("goaltui: stopped by {signal}; nothing was left unsaved.")
        say(said, signal=signals.name(signum))


def keep_edits(documents: Sequence[Document], w: Words | None = None) -> None:
    """Make sure every file's unsaved work is journaled, and say how to get it back (in the
    words of ``w``; default: the process's language)."""
    w = w or default()
    for doc in documents:
        if not doc.unsaved:
            continue
        if doc.read_only:
            said = w._("goaltui: your edits to {path} are lost: it was open read-only")
            say(said, path=doc.path)
            continue
        doc.write_journal()  # once more, in case the end came between an edit and its entry
        if doc.journal_error:
            say(
                w._("goaltui: could not keep your edits to {path}: {error}"),
                path=doc.path,
                error=doc.journal_error,
            )
            continue
        say(
            w._(
                "goaltui: your unsaved edits to {path} are kept in {journal}.\n"
                "         Run goaltui {path} again to restore them."
            ),
            path=doc.path,
            journal=journal_path(doc.path),
        )


def say(message: str, **values: object) -> None:
    """Tell the terminal ``message``; its values (names, paths, errors) come from outside and
    are cleaned first. A terminal that is gone (a hang-up) is told nothing more."""
    text = message.format(**{key: clean_line(str(value)) for key, value in values.items()})
    try:
        print(text, file=sys.stderr, flush=True)
    except (OSError, ValueError):
        with contextlib.suppress(OSError, ValueError):  # so that Python's flush at exit is quiet
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stderr.fileno())


def _print_saved(documents: Sequence[Document], w: Words) -> None:
    """Leave the summary of every file saved in the session in the terminal's scrollback."""
    saved = [doc for doc in documents if doc.last_saved_review is not None]
    if not saved:
        return
    from rich.console import Console

    from goaltui.outputs.summary import summarize
    from goaltui.outputs.terminal import summary_rich

    console = Console(highlight=False)
    for doc in saved:
        assert doc.last_saved_review is not None
        review, period = doc.last_saved_review, doc.last_saved_period
        console.print(summary_rich(summarize(review, doc.path, period, language=w.code)))
        console.print()
