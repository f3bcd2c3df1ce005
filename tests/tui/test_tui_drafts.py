"""The text being typed in an editor is journaled as a draft, and offered back after a crash.

- A moment after the typing pauses, the comment or forecast being typed is in the journal
  (beside the unsaved edits, which it is not: nothing is applied until the reviewer applies it);
  at once when a dialog opens over the editor, the terminal loses focus or a signal ends the app.
- Applying it makes it an edit and drops the draft; cancelling or discarding drops it too.
- On restore the question names the draft, and restoring reopens its editor with the text.
"""

from __future__ import annotations

import signal
from pathlib import Path

from textual import events

from goaltui.files import recovery
from goaltui.files.document import Document
from goaltui.files.loading import load
from goaltui.tui.dialogs.choice_dialog import ChoiceDialog
from goaltui.tui.dialogs.comment_editor import CommentEditor
from goaltui.tui.dialogs.confirm_dialog import ConfirmDialog
from goaltui.tui.dialogs.forecast_dialog import ForecastDialog
from goaltui.tui.dialogs.quit_dialog import QuitDialog
from goaltui.tui.drafts import PAUSE

EXAMPLE = "example-en.toml"
# The cursor starts on reading-buddies, Q3, whose comment begins "The August campaign".
REVIEW = load(Path(__file__).resolve().parents[2] / "data" / EXAMPLE).review
BEFORE = REVIEW.goal("reading-buddies").entry("Q3").comment


def draft_of(path: Path) -> recovery.Draft | None:
    journal = recovery.read(path)
    return None if journal is None else journal.draft


def edits_of(path: Path) -> list:
    journal = recovery.read(path)
    return [] if journal is None else journal.edits


async def typing_pauses(pilot) -> None:
    await pilot.pause(PAUSE + 0.3)


def test_the_comment_being_typed_is_journaled_once_the_typing_pauses_and_applied_replaces_it(kit):
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        await pilot.press("c")
        await kit.type(pilot, " Half a thought")
        assert draft_of(path) is None  # not at every key...
        await typing_pauses(pilot)
        draft = draft_of(path)  # ...but once the typing pauses
        assert draft == recovery.Draft(
            "reading-buddies", "Q3", "comment", BEFORE + " Half a thought"
        )
        assert edits_of(path) == [] and not doc.dirty  # a draft is not an edit
        await kit.type(pilot, ", finished.")
        await typing_pauses(pilot)
        assert draft_of(path).text == BEFORE + " Half a thought, finished."

        await pilot.press("ctrl+s")  # apply
        assert not isinstance(app.screen, CommentEditor)
        assert draft_of(path) is None
        [edit] = edits_of(path)
        assert (edit.field, edit.after) == ("comment", BEFORE + " Half a thought, finished.")

    kit.run(app, scenario)


def test_a_cancelled_comment_leaves_no_draft(kit):
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("c")
        await kit.type(pilot, " Not this")
        await pilot.press("escape")  # the question opens over the editor: journaled at once
        assert isinstance(app.screen, ConfirmDialog)
        assert draft_of(path).text == BEFORE + " Not this"
        await pilot.press("y")  # discard
        assert not isinstance(app.screen, CommentEditor | ConfirmDialog)
        await typing_pauses(pilot)
        assert not recovery.journal_path(path).exists()

    kit.run(app, scenario)


def test_the_forecast_being_typed_is_journaled_and_enter_applies_it(kit):
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("f", "home", "ctrl+k")
        await kit.type(pilot, "17 of 18")
        assert isinstance(app.screen, ForecastDialog)
        await typing_pauses(pilot)
        assert draft_of(path) == recovery.Draft("reading-buddies", "Q3", "forecast", "17 of 18")
        await pilot.press("enter")
        assert draft_of(path) is None
        assert [(e.field, e.after) for e in edits_of(path)] == [("forecast", "17 of 18")]

        await pilot.press("f")
        await kit.type(pilot, " maybe")
        await pilot.press("escape", "y")  # Escape, then "y" to the question: discard
        await typing_pauses(pilot)
        assert draft_of(path) is None
        assert [(e.field, e.after) for e in edits_of(path)] == [("forecast", "17 of 18")]

    kit.run(app, scenario)


def test_leaving_the_terminal_window_journals_the_draft_at_once(kit):
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("c")
        await kit.type(pilot, " Typed just now")
        app.post_message(events.AppBlur())
        await pilot.pause()
        assert draft_of(path).text == BEFORE + " Typed just now"

    kit.run(app, scenario)


def test_a_signal_journals_the_draft_and_ends_the_app_with_128_plus_it(kit):
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("space", "c")
        await kit.type(pilot, " Typed just now")
        app.stop_for_signal(signal.SIGTERM)
        await pilot.pause()

    kit.run(app, scenario)
    assert app.return_code == 128 + signal.SIGTERM
    assert draft_of(path).text == BEFORE + " Typed just now"
    assert [(e.goal_id, e.after) for e in edits_of(path)] == [("reading-buddies", "At risk")]


def test_discarding_at_quit_leaves_neither_edits_nor_draft(kit):
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("space", "c")
        await kit.type(pilot, " Never mind")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, QuitDialog)
        assert draft_of(path).text == BEFORE + " Never mind"  # the dialog is over the editor
        await pilot.press("d")
        await typing_pauses(pilot)

    kit.run(app, scenario)
    assert app.return_value == "discard"
    assert not recovery.journal_path(path).exists()


# -- restoring a draft ----------------------------------------------------------------------------


def leave_a_draft(kit, text: str, goal: str = "reading-buddies", with_edit: bool = False) -> None:
    """What a session killed while the comment of ``goal`` was being typed leaves behind."""
    doc = Document.open(Path(EXAMPLE))
    if with_edit:
        doc.session.set_value("library-visits", "Q3", "status", "Off track")
    doc.keep_draft(recovery.Draft(goal, "Q3", "comment", text))


def test_restore_reopens_the_editor_with_the_draft(kit):
    path = kit.path(EXAMPLE)
    leave_a_draft(kit, BEFORE + " Written before the crash")
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        assert isinstance(app.screen, ChoiceDialog)
        screen = kit.screen_text(app)
        assert "A comment typed for Pilot [phase 2] of the reading programme reaches" in screen
        assert "in Q3 was never applied; Restore reopens it." in screen
        assert "Restore it?" in screen
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, CommentEditor)
        assert app.screen.text == BEFORE + " Written before the crash"
        assert app.screen.changed and not doc.dirty
        assert draft_of(path).text == BEFORE + " Written before the crash"  # still kept
        await pilot.press("ctrl+s")
        assert doc.review.goal("reading-buddies").entry("Q3").comment.endswith("the crash")
        assert draft_of(path) is None and len(edits_of(path)) == 1

    kit.run(app, scenario)


def test_restore_brings_back_the_edits_and_then_the_draft(kit):
    path = kit.path(EXAMPLE)
    leave_a_draft(kit, BEFORE + " And more", with_edit=True)
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        screen = kit.screen_text(app)
        assert "1 unsaved edit from an earlier session" in screen
        assert "A comment typed for" in screen and "Restore them?" in screen
        await pilot.press("r")
        await kit.settle(pilot)
        assert isinstance(app.screen, CommentEditor)
        assert doc.review.goal("library-visits").status_in("Q3") == "Off track"
        # the journal now holds the restored edit and still the draft
        assert len(edits_of(path)) == 1 and draft_of(path).text == BEFORE + " And more"

    kit.run(app, scenario)


def test_a_draft_whose_goal_is_gone_is_shown_not_dropped_silently(kit):
    leave_a_draft(kit, "Text for a goal that was removed", goal="gone-goal")
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        assert "A comment typed for gone-goal in Q3" in kit.screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        assert not isinstance(app.screen, CommentEditor)
        [note] = list(app._notifications)
        assert note.title == "Not applied: the comment"
        assert note.message.endswith("Your text:\nText for a goal that was removed")

    kit.run(app, scenario, notifications=True)


def test_discarding_a_draft_on_restore_removes_the_journal(kit):
    path = kit.path(EXAMPLE)
    leave_a_draft(kit, BEFORE + " Not wanted")
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("d")
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceDialog | CommentEditor)

    kit.run(app, scenario)
    assert not recovery.journal_path(path).exists()
