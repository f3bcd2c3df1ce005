"""The terminal app, the only layer that imports Textual.

Its rooms, each importing only those before it: keys.py and keymap.py (bindings declared on
their actions, and the user's keymap); widgets/ (one per module); dialogs/ (one modal screen
per module, which answers with ``dismiss``); flows/ (saves off the UI thread, changes on
disk, crash recovery: they know the screen only as a ``FilesHost``); screens/ (the review
screen, which coordinates); app.py (a thin App); and :func:`run` here. Styles are in
styles/*.tcss.

May import every layer below: outputs, files, review, language and text; never the CLI.
"""

from __future__ import annotations

import gc
import shlex
import sys
from pathlib import Path

from goaltui.files.document import Document
from goaltui.files.lock import Held, HeldElsewhere, Lock, LockError, take
from goaltui.files.problems import ReviewError
from goaltui.files.recovery import journal_path
from goaltui.text import clean_line


def run(paths: list[Path], *, read_only: bool = False, break_lock: bool = False) -> int:
    """Open the review files in the app; on exit print the summary of what was saved.

    Each file is locked for as long as the app runs (one goaltui per file), unless it is
    opened ``read_only``: then nothing is saved or journaled. ``break_lock`` takes a lock
    that names another host.
    """
    documents: list[Document] = []
    problems = []
    for path in paths:
        try:
            documents.append(Document.open(path, read_only=read_only))
        except ReviewError as error:
            problems.extend(error.problems)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print("goaltui: fix the files above, then open them again", file=sys.stderr)
        return 1
    locks = [] if read_only else _lock_all(paths, break_lock)
    if locks is None:
        return 2
    try:
        return _run(documents)
    finally:
        for lock in locks:
            lock.release()


def _lock_all(paths: list[Path], break_lock: bool) -> list[Lock] | None:
    """A lock on every file, or none and the reasons printed."""
    locks, refused = [], []
    for path in paths:
        try:
            locks.append(take(path, break_other_host=break_lock))
        except LockError as error:
            refused.append(error)
    for lock in locks if refused else []:
        lock.release()
    for refusal in refused:
        print(_refusal(refusal), file=sys.stderr)
    return None if refused else locks


def _refusal(error: LockError) -> str:
    """Who holds the file, and the ways on from there."""
    name, argument = clean_line(str(error.review)), clean_line(shlex.quote(str(error.review)))
    lines = [f"goaltui: {name} {error}."]
    read_only = f"open it read-only: goaltui --read-only {argument}"
    if isinstance(error, HeldElsewhere):
        lines.append(f"  If it still runs there, close it there first, or {read_only}")
        lines.append(f"  If it no longer runs, take the file over: goaltui --break-lock {argument}")
    elif isinstance(error, Held):
        lines.append(f"  Close it there first, or {read_only}")
        if error.holder is not None and error.holder.elsewhere:
            lock = clean_line(str(error.lock))
            lines.append(f"  If goaltui no longer runs there and the lock stays, remove {lock}")
    else:
        lines.append(f"  To look at it without editing, {read_only}")
    return "\n".join(lines)


def _run(documents: list[Document]) -> int:
    from goaltui.tui.app import GoalApp, remappable
    from goaltui.tui.keymap import binding_ids, load_keymap

    try:
        keymap = load_keymap(binding_ids(remappable()))
    except ReviewError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print("goaltui: fix the keymap above, or move it away", file=sys.stderr)
        return 1
    app = GoalApp(documents, keymap)
    # The reviews live as long as the app: keep the garbage collector from walking their
    # million objects again and again, which would pause the keys (a save allocates a lot).
    gc.freeze()
    try:
        app.run()
    except BaseException:
        _keep_edits(documents)
        raise
    if app.return_code:
        _keep_edits(documents)  # Textual has printed what went wrong
        return app.return_code
    _print_saved(documents)
    for doc in documents:
        if doc.dirty:
            print(f"goaltui: unsaved changes to {doc.path} were discarded", file=sys.stderr)
    return 0


def _keep_edits(documents: list[Document]) -> None:
    """After a crash: make sure every unsaved edit is journaled, and say how to get it back."""
    for doc in documents:
        if not doc.dirty:
            continue
        if doc.read_only:
            print(
                f"goaltui: your edits to {doc.path} are lost: it was open read-only",
                file=sys.stderr,
            )
            continue
        doc.write_journal()  # once more, in case the crash came between an edit and its entry
        if doc.journal_error:
            print(
                f"goaltui: could not keep your edits to {doc.path}: {doc.journal_error}",
                file=sys.stderr,
            )
            continue
        print(
            f"goaltui: your unsaved edits to {doc.path} are kept in {journal_path(doc.path)}.\n"
            f"         Run goaltui {doc.path} again to restore them.",
            file=sys.stderr,
        )


def _print_saved(documents: list[Document]) -> None:
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
        console.print(summary_rich(summarize(doc.last_saved_review, doc.path)))
        console.print()
