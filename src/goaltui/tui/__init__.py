"""The terminal app, the only layer that imports Textual.

Its rooms, each importing only those before it: keys.py and keymap.py (bindings declared on
their actions, and the user's keymap), themes.py and contrast.py (the themes offered, and
colours measured and shaded readable); widgets/ (one per module); dialogs/ (one modal screen
per module, which answers with ``dismiss``); flows/ (saves off the UI thread, changes on
disk, crash recovery: they know the screen only as a ``FilesHost``); screens/ (the review
screen, which coordinates, and its parts); commands.py (the command palette's); app.py (a
thin App); ending.py (what the terminal is told when the app ends); and :func:`run` here.
Beside them, used from any room: drafts.py (journaling the text being typed), driver.py (the
terminal's input and output), signals.py (signals end the app as quitting does), speech.py
(the language the app shows). Styles are in styles/*.tcss.

May import every layer below: outputs, files, review, language and text; never the CLI.
"""

from __future__ import annotations

import gc
import shlex
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from goaltui.files.document import Document
from goaltui.files.folder_lock import take_all
from goaltui.files.lock import Held, HeldElsewhere, Lock, LockError
from goaltui.files.problems import Problem, ReviewError
from goaltui.files.recovery import journal_path
from goaltui.language import _
from goaltui.text import clean_line

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from goaltui.files.changes import Baseline


#: With more files than this, the app reads the first one before it starts and the others
#: while it shows the first (tui/flows/later_files.py); with fewer, every file is read first,
#: and a file with errors stops the start.
READ_LATER_FROM = 50


def run(
    paths: list[Path],
    *,
    folders: list[Path] | None = None,
    read_only: bool = False,
    break_lock: bool = False,
    baseline: Baseline | None = None,
) -> int:
    """Open the review files in the app; on exit print the summary of what was saved.

    Each file is locked for as long as the app runs (one goaltui per file), unless it is
    opened ``read_only``: then nothing is saved or journaled. The files below ``folders``
    (folders named to be opened whole) are locked by one lock per folder. ``break_lock``
    takes a lock that names another host. ``baseline`` (``--since REV``): the versions whose
    changes the app marks.
    """
    documents, problems = open_documents(paths, read_only, later=baseline is None)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(_("goaltui: fix the files above, then open them again"), file=sys.stderr)
        return 1
    locks = [] if read_only else _lock_all(paths, folders or [], break_lock)
    if locks is None:
        return 2
    try:
        return _run(documents, baseline)
    finally:
        for lock in locks:
            lock.release()


def open_documents(
    paths: list[Path], read_only: bool = False, *, later: bool = True
) -> tuple[list[Document], list[Problem]]:
    """The documents of ``paths``, or the problems of those that cannot be read.

    With more than ``READ_LATER_FROM`` files (and ``later``), only the first is read now and
    those with a recovery journal (whose offer comes at once); the app reads the others.
    """
    documents: list[Document] = []
    problems: list[Problem] = []
    later = later and len(paths) > READ_LATER_FROM
    for index, path in enumerate(paths):
        if later and index > 0 and not journal_path(path).exists():
            documents.append(Document.later(path, read_only=read_only))
            continue
        try:
            documents.append(Document.open(path, read_only=read_only))
        except ReviewError as error:
            problems.extend(error.problems)
    return documents, problems


def _lock_all(paths: list[Path], folders: list[Path], break_lock: bool) -> list[Lock] | None:
    """A lock on every file (or its folder), or none and the reasons printed."""
    locks, refused = take_all(paths, folders, break_other_host=break_lock)
    for refusal in refused:
        print(_refusal(refusal), file=sys.stderr)
    return None if refused else locks


def _refusal(error: LockError) -> str:
    """Who holds the file, and the ways on from there (in the language of diagnostics)."""
    name, argument = clean_line(str(error.review)), clean_line(shlex.quote(str(error.argument)))
    # Translators: {why} says who holds the file: "is open in goaltui (pid 12, since 10:00)"
    lines = [_("goaltui: {file} {why}.").format(file=name, why=error)]
    command = f"goaltui --read-only {argument}"
    if isinstance(error, HeldElsewhere):
        said = _("  If it still runs there, close it there first, or open it read-only: {command}")
        lines.append(said.format(command=command))
        said = _("  If it no longer runs, take the file over: {command}")
        lines.append(said.format(command=f"goaltui --break-lock {argument}"))
    elif isinstance(error, Held):
        said = _("  Close it there first, or open it read-only: {command}")
        lines.append(said.format(command=command))
        if error.holder is not None and error.holder.elsewhere:
            lock = clean_line(str(error.lock))
            said = _("  If goaltui no longer runs there and the lock stays, remove {lock}")
            lines.append(said.format(lock=lock))
    else:
        said = _("  To look at it without editing, open it read-only: {command}")
        lines.append(said.format(command=command))
    return "\n".join(lines)


def _run(documents: list[Document], baseline: Baseline | None) -> int:
    from goaltui.tui.app import GoalApp, remappable, together
    from goaltui.tui.ending import run_app
    from goaltui.tui.keymap import binding_ids, load_keymap

    def known() -> Iterator[str]:  # the dialogs' modules are imported only for a keymap file
        yield from binding_ids(remappable())

    def groups() -> Iterator[list[type[DOMNode]]]:  # likewise
        yield from together()

    try:
        keymap = load_keymap(known(), together=groups())
    except ReviewError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(_("goaltui: fix the keymap above, or move it away"), file=sys.stderr)
        return 2  # as for a wrong option: the app never started
    app = GoalApp(documents, keymap, baseline=baseline)
    # The reviews live as long as the app: keep the garbage collector from walking their
    # million objects again and again, which would pause the keys (a save allocates a lot).
    gc.freeze()
    gc.enable()  # off while the app was imported and the files read (cli.cmd_open)
    return run_app(app, documents)
