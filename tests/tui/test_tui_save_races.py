"""Saves, dialogs and the disk at the same time: nothing is reloaded, lost or quit on too early.

- The disk is not checked while a dialog is open (an editor's text refers to the goals on
  screen) nor while a save runs (its own write would look like a change from outside).
- A save that finishes after its document was reloaded marks nothing of the new session saved.
- "Save and quit" quits only once nothing is left unsaved: text typed in an open editor is
  applied and saved first, an edit made while the save ran asks again, and a save asked for
  while another runs follows it.
- A clean file deleted on disk can be written again; several files changed on disk are each
  asked about in turn.
"""

from __future__ import annotations

import threading
from pathlib import Path

from outside import change_on_disk, come_back

import goaltui.tui.flows.file_flows as file_flows
from goaltui.files import recovery
from goaltui.files.canonical import render
from goaltui.files.document import ChangedOnDisk, Document, write_snapshot
from goaltui.files.loading import load
from goaltui.files.problems import SaveError
from goaltui.review.session import Edit
from goaltui.tui.dialogs.choice_dialog import ChoiceDialog
from goaltui.tui.dialogs.comment_editor import CommentEditor
from goaltui.tui.dialogs.confirm_dialog import ConfirmDialog
from goaltui.tui.dialogs.forecast_dialog import ForecastDialog
from goaltui.tui.dialogs.quit_dialog import QuitDialog
from goaltui.tui.dialogs.summary_dialog import SummaryDialog

EXAMPLE = "example-en.toml"
KUVA = "kuva-2021.toml"
# In example-en.toml the cursor starts on reading-buddies Q3 ("On track", forecast "18 of 18");
# space makes it "At risk". library-visits (the next line) is "At risk" in Q3.
LIBRARY_Q3 = 'status = "At risk"\nforecast = "1.51 million"'
LIBRARY_Q3_OFF = 'status = "Off track"\nforecast = "1.51 million"'
# In kuva-2021.toml the cursor starts on palvelustrategia Q3 ("Toteutuu"); harrastaminen's Q3:
HARRASTAMINEN_Q3 = 'status = "Toteutuu"\nforecast = "100 %"\ncomment = "Ensimmäinen vaihe'
SLOW = 10  # seconds a blocked save waits at most: a failing test must not hang


def hold_a_save(monkeypatch, which: int = 1) -> tuple[threading.Event, list[int]]:
    """Save number ``which`` waits until the returned event is set; the list counts the saves."""
    release = threading.Event()
    calls: list[int] = []

    def slow_write(snapshot):
        calls.append(1)
        if len(calls) == which:
            assert release.wait(SLOW), "the test never released the save"
        return write_snapshot(snapshot)

    monkeypatch.setattr(file_flows, "write_snapshot", slow_write)
    return release, calls


def status(path: Path, goal_id: str, period: str = "Q3") -> str | None:
    return load(path).review.goal(goal_id).status_in(period)


# -- no disk check while a dialog is open or a save runs ------------------------------------------


def test_the_disk_is_not_checked_while_a_dialog_is_open_and_is_once_it_closes(kit):
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        await pilot.press("c")
        assert isinstance(app.screen, CommentEditor)
        review = doc.review
        change_on_disk(path, LIBRARY_Q3, LIBRARY_Q3_OFF)
        await come_back(pilot)
        assert doc.review is review  # not reloaded under the open editor
        assert isinstance(app.screen, CommentEditor)
        assert doc.review.goal("library-visits").status_in("Q3") == "At risk"

        await pilot.press("escape")  # nothing typed: the editor just closes
        assert not isinstance(app.screen, CommentEditor)
        await come_back(pilot)
        assert doc.review is not review  # now it is
        assert doc.review.goal("library-visits").status_in("Q3") == "Off track"
        assert kit.cell(kit.table(app), "library-visits", "Q3") == "○"
        assert not doc.dirty

    kit.run(app, scenario)


def test_the_disk_is_not_checked_while_a_save_runs(kit, monkeypatch):
    example, kuva = kit.path(EXAMPLE), kit.path(KUVA)
    app = kit.app(EXAMPLE, KUVA)
    edited, clean = app.documents
    release, calls = hold_a_save(monkeypatch)

    async def scenario(pilot):
        await pilot.press("space")  # example: an unsaved edit; kuva: none
        screen = kit.review_screen(app)
        reviews = (edited.review, clean.review)
        change_on_disk(example, LIBRARY_Q3, LIBRARY_Q3_OFF)
        change_on_disk(kuva, HARRASTAMINEN_Q3, HARRASTAMINEN_Q3.replace("Toteutuu", "Ei toteudu"))
        await pilot.press("ctrl+s")  # the save starts, and waits
        await pilot.pause()
        assert calls == [1] and screen.files.save_running
        await come_back(pilot)
        assert app.screen is screen  # no question about the dirty file
        assert (edited.review, clean.review) == reviews  # and the clean one is not reloaded
        assert clean.review.goal("harrastaminen").status_in("Q3") == "Toteutuu"

        release.set()  # the save ends: it finds example-en.toml changed, and asks
        await kit.settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        assert "example-en.toml changed on disk since you opened it" in kit.screen_text(app)
        await pilot.press("escape")  # later
        await come_back(pilot)  # now the disk is checked: the clean file is reloaded
        assert clean.review is not reviews[1]
        assert clean.review.goal("harrastaminen").status_in("Q3") == "Ei toteudu"
        assert edited.review is reviews[0] and edited.dirty

    try:
        kit.run(app, scenario)
    finally:
        release.set()


def test_a_save_that_finishes_after_a_reload_marks_nothing_of_the_new_session_saved(kit):
    path = kit.path(EXAMPLE)
    doc = Document.open(Path(EXAMPLE))
    doc.session.set_value("reading-buddies", "Q3", "status", "At risk")
    snapshot = doc.snapshot()  # the save starts...
    dropped = doc.reload()  # ...and meanwhile the reviewer reloads the file
    assert len(dropped) == 1 and not doc.dirty
    loaded = doc.source.fingerprint
    rendered = doc.rendered
    edit = doc.session.set_value("library-visits", "Q3", "status", "Off track")

    result = write_snapshot(snapshot)  # the save ends
    doc.finish_save(result)

    assert doc.dirty and doc.session.unsaved_edits() == [edit]
    assert doc.source.fingerprint == loaded != result.fingerprint
    assert doc.rendered is rendered
    assert status(path, "reading-buddies") == "At risk"  # what the old session wrote
    try:  # the next save sees the file is not what this session loaded
        write_snapshot(doc.snapshot())
    except ChangedOnDisk as error:
        assert not error.deleted
    else:
        raise AssertionError("the next save wrote over the stale save's file without asking")


# -- save and quit ------------------------------------------------------------------------------


def test_save_and_quit_applies_and_saves_the_forecast_being_written(kit):
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("f", "home", "ctrl+k")
        await kit.type(pilot, "95 %")
        assert isinstance(app.screen, ForecastDialog)
        assert not app.documents[0].dirty  # typed, not yet applied
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, QuitDialog)
        assert app.screen.unsaved == ["the forecast being written"]
        assert "the forecast being written" in kit.screen_text(app)
        await pilot.press("s")
        await kit.settle(pilot)
        assert app.return_code == 0

    kit.run(app, scenario)
    assert load(path).review.goal("reading-buddies").entry("Q3").forecast == "95 %"


def test_save_and_quit_applies_and_saves_the_comment_being_written(kit):
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)
    before = load(path).review.goal("reading-buddies").entry("Q3").comment
    assert before

    async def scenario(pilot):
        await pilot.press("c")
        await kit.type(pilot, " More.")
        assert isinstance(app.screen, CommentEditor)
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, QuitDialog)
        assert app.screen.unsaved == ["the comment being written"]
        assert "the comment being written" in kit.screen_text(app)
        await pilot.press("s")
        await kit.settle(pilot)
        assert app.return_code == 0

    kit.run(app, scenario)
    assert load(path).review.goal("reading-buddies").entry("Q3").comment == before + " More."


def test_an_edit_made_while_the_quits_save_runs_keeps_the_app_open_and_asks_again(kit, monkeypatch):
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)
    doc = app.documents[0]
    calls: list[int] = []

    def edit_meanwhile() -> None:  # on the UI thread, while the worker is in the save
        doc.session.set_value("library-visits", "Q3", "status", "Off track")
        kit.review_screen(app).show_state()

    def slow_write(snapshot):
        calls.append(1)
        if len(calls) == 1:
            app.call_from_thread(edit_meanwhile)  # returns once the edit is made
            assert doc.review.goal("library-visits").status_in("Q3") == "Off track"
        return write_snapshot(snapshot)

    monkeypatch.setattr(file_flows, "write_snapshot", slow_write)

    async def scenario(pilot):
        await pilot.press("space")  # reading-buddies Q3 -> At risk
        await pilot.press("q")
        assert isinstance(app.screen, QuitDialog)
        await pilot.press("s")
        await kit.settle(pilot)
        assert calls == [1]
        assert app.return_code is None  # the edit made meanwhile is not saved: no quitting
        assert status(path, "reading-buddies") == "At risk"
        assert status(path, "library-visits") == "At risk"
        assert doc.dirty
        assert isinstance(app.screen, QuitDialog)
        assert app.screen.unsaved == [EXAMPLE]
        await pilot.press("s")
        await kit.settle(pilot)
        assert calls == [1, 1]
        assert app.return_code == 0

    kit.run(app, scenario)
    assert status(path, "reading-buddies") == "At risk"
    assert status(path, "library-visits") == "Off track"


def test_save_and_quit_chosen_while_a_save_runs_follows_it_and_quits(kit, monkeypatch):
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)
    doc = app.documents[0]
    release, calls = hold_a_save(monkeypatch)

    async def scenario(pilot):
        await pilot.press("space")  # reading-buddies Q3 -> At risk
        await pilot.press("ctrl+s")  # the save starts and blocks
        await pilot.press("j", "3")  # library-visits Q3 -> Off track, while it runs
        await pilot.press("q")
        assert isinstance(app.screen, QuitDialog)
        assert app.screen.unsaved == [EXAMPLE]
        await pilot.press("s")  # asked for while the first save runs
        await pilot.pause()
        assert app.return_code is None and calls == [1]
        assert path.read_bytes() == kit.original(EXAMPLE)
        release.set()
        await kit.settle(pilot)
        await kit.settle(pilot)  # the first save's end starts the second one
        assert calls == [1, 1]
        assert app.return_code == 0
        assert not doc.dirty

    try:
        kit.run(app, scenario)
    finally:
        release.set()
    assert status(path, "reading-buddies") == "At risk"
    assert status(path, "library-visits") == "Off track"


def journaled_review(path: Path):
    """The review a restore would rebuild now from the file on disk and its journal."""
    journal = recovery.read(path)
    document = Document.open(path)
    if journal is not None:
        result = document.restore(journal)
        assert not result.conflicts and not result.lost
        document.apply_merge(result, [], document.source)
    return document.review


def test_an_edit_made_while_the_second_save_runs_stays_unsaved_journaled_and_asked_about(
    kit, monkeypatch
):
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)
    doc = app.documents[0]
    release, calls = hold_a_save(monkeypatch, which=2)

    async def scenario(pilot):
        await pilot.press("space", "ctrl+s")  # reading-buddies Q3 -> At risk, saved
        await kit.settle(pilot)
        assert isinstance(app.screen, SummaryDialog)
        await pilot.press("escape")
        assert status(path, "reading-buddies") == "At risk" and not doc.dirty

        await pilot.press("space", "ctrl+s")  # -> Off track: the second save starts and waits
        await pilot.pause()
        assert calls == [1, 1]
        await pilot.press("2")  # back to At risk, what the first save wrote, while it waits
        # The file will hold Off track once the save ends: the edit is not saved.
        assert doc.dirty and "* unsaved" in kit.header(app)
        assert journaled_review(path).goal("reading-buddies").status_in("Q3") == "At risk"
        await pilot.press("q")
        assert isinstance(app.screen, QuitDialog) and app.screen.unsaved == [EXAMPLE]
        await pilot.press("escape")

        release.set()
        await kit.settle(pilot)
        assert isinstance(app.screen, SummaryDialog)
        await pilot.press("escape")
        assert status(path, "reading-buddies") == "Off track"  # the second save's state
        assert doc.dirty and "* unsaved" in kit.header(app)
        [edit] = doc.session.unsaved_edits()
        assert edit == Edit("reading-buddies", "Q3", "status", "Off track", "At risk")
        assert journaled_review(path).goal("reading-buddies").status_in("Q3") == "At risk"
        await pilot.press("q")
        assert isinstance(app.screen, QuitDialog) and app.screen.unsaved == [EXAMPLE]
        await pilot.press("s")
        await kit.settle(pilot)
        assert app.return_code == 0

    try:
        kit.run(app, scenario)
    finally:
        release.set()
    assert status(path, "reading-buddies") == "At risk"
    assert recovery.read(path) is None


def test_a_save_that_fails_leaves_an_edit_back_to_the_files_content_saved(kit, monkeypatch):
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)
    doc = app.documents[0]
    release = threading.Event()

    def failing_write(snapshot):
        assert release.wait(SLOW), "the test never released the save"
        raise SaveError(snapshot.path, "the disk is full")

    monkeypatch.setattr(file_flows, "write_snapshot", failing_write)

    async def scenario(pilot):
        await pilot.press("space", "ctrl+s")  # -> At risk: the save waits
        await pilot.pause()
        await pilot.press("1")  # back to On track, what the file holds, while it waits
        assert doc.dirty  # the save may yet write At risk
        release.set()
        await kit.settle(pilot)
        # it fails: the file holds what the screen shows
        assert not doc.dirty and "unsaved" not in kit.header(app)
        assert recovery.read(path) is None

    try:
        kit.run(app, scenario)
    finally:
        release.set()
    assert path.read_bytes() == kit.original(EXAMPLE)


# -- files deleted or changed on disk ------------------------------------------------------------


def test_a_clean_file_deleted_on_disk_is_asked_about_and_written_again(kit):
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        path.unlink()  # git checkout of another branch
        await come_back(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        screen = kit.screen_text(app)
        assert "example-en.toml was deleted or moved since you opened it" in screen
        assert "Write it again (w)" in screen
        assert not path.exists()
        await pilot.press("w")
        await kit.settle(pilot)
        assert path.exists()
        assert path.read_text(encoding="utf-8") == render(doc.review, path)
        assert isinstance(app.screen, SummaryDialog)
        assert "Saved example-en.toml." in kit.screen_text(app)
        await pilot.press("escape")
        assert not doc.dirty

    kit.run(app, scenario)
    assert path.read_bytes() == kit.original(EXAMPLE)


def test_several_files_changed_on_disk_are_each_asked_about_at_the_save(kit):
    example, kuva = kit.path(EXAMPLE), kit.path(KUVA)
    app = kit.app(EXAMPLE, KUVA)
    first, second = app.documents

    async def scenario(pilot):
        await pilot.press("space")  # example: reading-buddies Q3 -> At risk
        await pilot.press("greater_than_sign")
        assert kit.review_screen(app).doc is second
        await pilot.press("space")  # kuva: palvelustrategia Q3 -> Toteutuu osittain
        assert first.dirty and second.dirty
        outside = {
            example: change_on_disk(example, LIBRARY_Q3, LIBRARY_Q3_OFF),
            kuva: change_on_disk(
                kuva, HARRASTAMINEN_Q3, HARRASTAMINEN_Q3.replace("Toteutuu", "Ei toteudu")
            ),
        }
        await pilot.press("ctrl+s")
        await kit.settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        screen = kit.screen_text(app)  # in Finnish: kuva-2021.toml is in front
        assert "example-en.toml on muuttunut levyllä sen jälkeen, kun avasit sen" in screen
        assert "kuva-2021.toml on muuttunut" not in screen  # one question at a time

        await pilot.press("escape")  # Later
        await kit.settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        screen = kit.screen_text(app)
        assert "kuva-2021.toml on muuttunut levyllä sen jälkeen, kun avasit sen" in screen

        await pilot.press("escape")
        await kit.settle(pilot)
        assert not isinstance(app.screen, ChoiceDialog)
        assert first.dirty and second.dirty
        for path, data in outside.items():
            assert path.read_bytes() == data  # neither was overwritten

    kit.run(app, scenario)


# -- known bugs -----------------------------------------------------------------------------------


def test_the_next_files_question_waits_until_the_reload_of_this_one_is_confirmed(kit):
    example, kuva = kit.path(EXAMPLE), kit.path(KUVA)
    app = kit.app(EXAMPLE, KUVA)

    async def scenario(pilot):
        await pilot.press("space", "greater_than_sign", "space")  # an edit in each file
        change_on_disk(example, LIBRARY_Q3, LIBRARY_Q3_OFF)
        change_on_disk(kuva, HARRASTAMINEN_Q3, HARRASTAMINEN_Q3.replace("Toteutuu", "Ei toteudu"))
        await pilot.press("ctrl+s")
        await kit.settle(pilot)
        # in Finnish: kuva-2021.toml is in front
        assert "example-en.toml on muuttunut levyllä" in kit.screen_text(app)
        await pilot.press("r")  # reload example-en.toml: asks to confirm first
        await kit.settle(pilot)
        assert isinstance(app.screen, ConfirmDialog), type(app.screen).__name__
        said = "Hylätäänkö 1 tallentamaton muutoksesi tiedostoon example-en.toml"
        assert said in kit.screen_text(app)

    kit.run(app, scenario)


def test_a_save_asked_for_meanwhile_does_not_ask_twice_about_a_changed_file(kit, monkeypatch):
    example = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)
    release, _ = hold_a_save(monkeypatch)

    async def scenario(pilot):
        await pilot.press("space")
        outside = change_on_disk(example, LIBRARY_Q3, LIBRARY_Q3_OFF)
        await pilot.press("ctrl+s")  # blocks, then finds the file changed
        await pilot.press("j", "1")  # library-visits Q3 -> On track, while it runs
        await pilot.press("ctrl+s")  # queued
        release.set()
        await kit.settle(pilot)
        await kit.settle(pilot)
        assert example.read_bytes() == outside
        questions = [s for s in app.screen_stack if isinstance(s, ChoiceDialog)]
        assert len(questions) == 1

    try:
        kit.run(app, scenario)
    finally:
        release.set()


def test_ctrl_s_after_save_and_quit_while_a_save_runs_still_quits(kit, monkeypatch):
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)
    release, _ = hold_a_save(monkeypatch)

    async def scenario(pilot):
        await pilot.press("space")
        await pilot.press("ctrl+s")  # blocks
        await pilot.press("j", "3")
        await pilot.press("q", "s")  # save and quit: queued
        await pilot.press("ctrl+s")  # impatient
        release.set()
        await kit.settle(pilot)
        await kit.settle(pilot)
        assert not app.documents[0].dirty  # everything was saved...
        assert app.return_code == 0  # ...and the reviewer asked to quit

    try:
        kit.run(app, scenario)
    finally:
        release.set()
    assert status(path, "library-visits") == "Off track"
