"""What the app meets on disk besides a review: pipes, damaged journals, read-only files.

- A named pipe as the file, or as its journal, never blocks the app; a journal nested too
  deeply or holding half a character is moved aside with a message, never a traceback.
- A read-only file is not saved over, and the reviewer is told how to allow it.
- A session killed while its save ran is not told that the file "changed" since.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from outside import come_back
from ptyterminal import Terminal

from goaltui.files.document import Document, write_snapshot
from goaltui.files.loading import load
from goaltui.tui.app import GoalApp
from goaltui.tui.dialogs.choice_dialog import ChoiceDialog

EXAMPLE = "example-en.toml"
KUVA = "kuva-2021.toml"
DATA = Path(__file__).resolve().parents[2] / "data"


def journal(path: Path) -> Path:
    return path.with_name(f".{path.name}.goaltui-recovery.json")


def notes(app: GoalApp) -> list[tuple[str, str, str]]:
    return [(n.severity, n.title, n.message) for n in app._notifications]


def test_a_read_only_file_is_not_saved_over_and_the_app_says_how_to_allow_it(kit):
    path = kit.path(EXAMPLE)
    path.chmod(0o444)
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("space", "ctrl+s")
        await kit.settle(pilot)
        [(severity, title, message)] = notes(app)
        assert (severity, title) == ("error", f"Not saved: {EXAMPLE}")
        assert message.startswith(
            f"the file is read-only (-r--r--r--); to allow saving, run: chmod u+w {EXAMPLE}\n"
        )
        assert app.documents[0].dirty and "* unsaved" in kit.header(app)

    kit.run(app, scenario, notifications=True)
    assert path.read_bytes() == kit.original(EXAMPLE)


# -- pipes and damaged journals at start ------------------------------------------------------


def test_a_pipe_given_as_the_file_is_refused_at_once(tmp_path):
    os.mkfifo(tmp_path / "pipe.toml")
    term = Terminal(["pipe.toml"], tmp_path)
    try:
        assert term.wait_for_exit() == 1
    finally:
        term.stop()
    said = term.said
    assert "pipe.toml: error: is a named pipe (FIFO), not a review file" in said
    assert "Traceback" not in said


JOURNALS = {
    "a named pipe": None,
    "nested 200,000 deep": b"[" * 200_000,
    "half a character": json.dumps(
        {
            "goaltui_recovery": 1,
            "file": KUVA,
            "sha256": "0" * 64,
            "written": "2026-01-01T10:00:00+02:00",
            "edits": [
                {
                    "goal": "liikkeelle",
                    "period": "Q3",
                    "field": "comment",
                    "before": None,
                    "after": "Hyv\ud800",
                }
            ],
        }
    ).encode(),
}


@pytest.mark.parametrize("content", JOURNALS.values(), ids=JOURNALS.keys())
def test_a_journal_that_is_not_one_is_moved_aside_and_the_app_starts(tmp_path, content):
    path = tmp_path / KUVA
    shutil.copyfile(DATA / KUVA, path)
    if content is None:
        os.mkfifo(journal(path))
    else:
        journal(path).write_bytes(content)
    term = Terminal([KUVA], tmp_path)
    try:
        term.wait_for("the message", lambda text: "Palautusloki" in text)  # Finnish: the review's
        assert "Helsingissä on helppoa" in term.text  # the app is up
        term.press("space")  # and journals new edits in a new journal
        term.wait_for_file(journal(path))
        term.press("q")
        term.wait_for("the quit question", lambda text: "Hylkää" in text)
        term.child.send(b"d")
        assert term.wait_for_exit() == 0
    finally:
        term.stop()
    said = term.said
    assert "Traceback" not in said and "Error" not in said
    [aside] = tmp_path.glob(f"{journal(path).name}.damaged-*")
    if content is not None:
        assert aside.read_bytes() == content
    assert not journal(path).exists()


# -- the restore question after a session killed while saving -----------------------------------


def killed_while_saving(path: Path, *, edit_during_the_save: bool) -> None:
    doc = Document.open(path)
    doc.session.cycle_status("reading-buddies", "Q3")
    snapshot = doc.snapshot()
    if edit_during_the_save:
        doc.session.set_forecast("library-visits", "Q3", "1.2 million")
    write_snapshot(snapshot)  # the file is replaced; then goaltui dies before it knows


def test_after_a_save_cut_short_the_restore_question_does_not_say_the_file_changed(kit):
    path = kit.path(EXAMPLE)
    killed_while_saving(path, edit_during_the_save=True)
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        assert isinstance(app.screen, ChoiceDialog)
        screen = kit.screen_text(app)
        assert "1 unsaved edit from an earlier session" in screen  # the one made meanwhile
        assert "has changed since" not in screen
        await pilot.press("r")
        await kit.settle(pilot)
        assert [e.after for e in app.documents[0].session.unsaved_edits()] == ["1.2 million"]

    kit.run(app, scenario)


def test_a_journal_whose_edits_were_all_saved_is_not_offered(kit):
    path = kit.path(EXAMPLE)
    killed_while_saving(path, edit_during_the_save=False)
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        assert not isinstance(app.screen, ChoiceDialog)
        [(severity, _, message)] = notes(app)
        assert severity == "information"
        assert message == f"{EXAMPLE}: the edits of an earlier session are saved."
        assert not app.documents[0].dirty

    kit.run(app, scenario, notifications=True)
    assert not journal(path).exists()
    assert load(path).review.goal("reading-buddies").status_in("Q3") == "At risk"


def test_a_file_that_became_a_folder_is_said_in_words_on_save_and_on_return(kit):
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("space")
        path.unlink()
        path.mkdir()  # a checkout that turned the file into a folder
        await come_back(pilot)  # the app looks at its files when the terminal has the focus again
        await kit.settle(pilot)
        await pilot.press("ctrl+s")
        await kit.settle(pilot)
        said = notes(app)
        assert [(severity, title) for severity, title, _ in said] == [
            ("error", f"Not saved: {EXAMPLE}")
        ]
        assert said[0][2].startswith("is a folder, not a regular file\nYour edits are kept")
        assert "Errno" not in kit.screen_text(app) and "IsADirectory" not in kit.screen_text(app)
        assert app.documents[0].dirty

    kit.run(app, scenario, notifications=True)
    assert path.is_dir() and not list(path.iterdir())
