"""The terminal app, the only layer that imports Textual.

Its rooms, each importing only those before it: keys.py and keymap.py (bindings declared on
their actions, and the user's keymap); widgets/ (one per module); dialogs/ (one modal screen
per module, which answers with ``dismiss``); flows/ (saves off the UI thread, changes on
disk, crash recovery: they know the screen only as a ``FilesHost``); screens/ (the review
screen, which coordinates); app.py (a thin App); ending.py (what the terminal is told when
the app ends); and :func:`run` here. Beside them, used from any room: drafts.py (journaling
the text being typed), driver.py (the terminal's input and output), signals.py (signals end
the app as quitting does). Styles are in styles/*.tcss.

May import every layer below: outputs, files, review, language and text; never the CLI.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from goaltui.files.document import Document
from goaltui.files.problems import ReviewError
from goaltui.tui.ending import run_app


def run(paths: list[Path]) -> int:
    """Open the review files in the app; on exit print the summary of what was saved."""
    documents: list[Document] = []
    problems = []
    for path in paths:
        try:
            documents.append(Document.open(path))
        except ReviewError as error:
            problems.extend(error.problems)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print("goaltui: fix the files above, then open them again", file=sys.stderr)
        return 1

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
    return run_app(app, documents)
