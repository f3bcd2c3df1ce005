"""The comment editor (and its "discard?" question), the forecast dialog and the help."""

from __future__ import annotations

import re

from textual.widgets import Input, TextArea

from goaltui.tui.dialogs.comment_editor import CommentEditor
from goaltui.tui.dialogs.confirm_dialog import ConfirmDialog
from goaltui.tui.dialogs.forecast_dialog import ForecastDialog
from goaltui.tui.dialogs.help_dialog import HelpDialog

EXAMPLE = "example-en.toml"

READING_Q3 = (
    "The August campaign brought in 36 new volunteers. All 18 schools have a group running "
    "since the start of the autumn term."
)


def test_c_opens_the_editor_on_the_current_comment_and_ctrl_s_applies_the_change(kit):
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        table = kit.table(app)
        assert doc.review.goal("reading-buddies").entry("Q3").comment == READING_Q3
        await pilot.press("c")
        assert isinstance(app.screen, CommentEditor)
        area = app.screen.query_one(TextArea)
        assert area.text == READING_Q3
        screen = kit.screen_text(app)
        assert "Q3 · Pilot [phase 2] of the reading programme reaches every primary" in screen
        assert "The August campaign brought in 36 new volunteers." in screen
        assert "ctrl+s apply · Esc cancel" in screen

        await pilot.press("enter")
        await kit.type(pilot, "Late Q3")
        await pilot.press("ctrl+s")
        assert not isinstance(app.screen, CommentEditor)
        comment = doc.review.goal("reading-buddies").entry("Q3").comment
        assert comment == READING_Q3 + "\nLate Q3"
        assert doc.review.goal("reading-buddies").entry("Q2").comment.startswith("Volunteer")
        assert "since the start of the autumn term. Late Q3" in kit.detail(app)
        assert kit.comment_mark(table, "reading-buddies") == "✎"
        assert "* unsaved" in kit.header(app)

    kit.run(app, scenario)


def test_a_new_comment_explains_a_status_that_asks_for_one(kit):
    """self-service-hours has no Q3 comment; "Off track" wants one."""
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        table = kit.table(app)
        await pilot.press("j", "j", "3")
        assert kit.cell(table, "self-service-hours", "Q3") == "○!"
        assert kit.comment_mark(table, "self-service-hours") == ""
        await pilot.press("c")
        assert app.screen.query_one(TextArea).text == ""
        await kit.type(pilot, "Why")
        await pilot.press("ctrl+s")
        assert doc.review.goal("self-service-hours").entry("Q3").comment == "Why"
        assert kit.cell(table, "self-service-hours", "Q3") == "○"
        assert kit.comment_mark(table, "self-service-hours") == "✎"
        assert "Comment: Why" in kit.detail(app)
        assert "needs a comment" not in kit.detail(app)

    kit.run(app, scenario)


def test_escape_without_changes_closes_the_editor_and_changes_nothing(kit):
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        table = kit.table(app)
        before = kit.lines(table)
        await pilot.press("c")
        assert isinstance(app.screen, CommentEditor)
        await pilot.press("escape")
        assert not isinstance(app.screen, (CommentEditor, ConfirmDialog))
        assert app.focused is table
        assert doc.review.goal("reading-buddies").entry("Q3").comment == READING_Q3
        assert not doc.dirty and not doc.session.can_undo
        assert kit.lines(table) == before
        assert "unsaved" not in kit.header(app)

    kit.run(app, scenario)


def test_escape_with_changes_asks_and_keep_editing_goes_back_to_the_text(kit):
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        await pilot.press("c")
        await kit.type(pilot, "xy")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmDialog)
        screen = kit.screen_text(app)
        assert "Discard your changes to this comment?" in screen
        assert "Discard" in screen and "Keep editing" in screen
        await pilot.click("#no")  # "Keep editing"
        assert isinstance(app.screen, CommentEditor)
        area = app.screen.query_one(TextArea)
        assert area.text == READING_Q3 + "xy"
        assert app.focused is area
        await pilot.press("z", "ctrl+s")  # typing goes on where it stopped
        assert doc.review.goal("reading-buddies").entry("Q3").comment == READING_Q3 + "xyz"

    kit.run(app, scenario)


def test_escape_with_changes_then_discard_drops_the_change(kit):
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        table = kit.table(app)
        before = kit.lines(table)
        await pilot.press("c")
        await kit.type(pilot, "xy")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # Escape on the question means "no": keep editing
        assert isinstance(app.screen, CommentEditor)
        await pilot.press("escape")
        await pilot.click("#yes")  # "Discard"
        assert not isinstance(app.screen, (CommentEditor, ConfirmDialog))
        assert doc.review.goal("reading-buddies").entry("Q3").comment == READING_Q3
        assert not doc.dirty
        assert kit.lines(table) == before
        assert READING_Q3[:30] in kit.detail(app)
        assert "xy" not in kit.detail(app)

    kit.run(app, scenario)


def test_f_edits_the_forecast_enter_applies_it(kit):
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        table = kit.table(app)
        assert kit.forecast(table, "reading-buddies") == "18 of 18"
        await pilot.press("f")
        assert isinstance(app.screen, ForecastDialog)
        assert app.screen.query_one(Input).value == "18 of 18"
        screen = kit.screen_text(app)
        assert "Forecast Q3 · Pilot [phase 2] of the reading programme" in screen
        assert "Enter apply · Esc cancel" in screen
        await pilot.press("home", "ctrl+k")
        await kit.type(pilot, "17 of 18")
        await pilot.press("enter")
        assert not isinstance(app.screen, ForecastDialog)
        assert doc.review.goal("reading-buddies").entry("Q3").forecast == "17 of 18"
        assert doc.review.goal("reading-buddies").entry("Q2").forecast == "15 of 18"
        assert kit.forecast(table, "reading-buddies") == "17 of 18"
        assert "Forecast: 17 of 18" in kit.detail(app)
        # an empty forecast clears it
        await pilot.press("f", "home", "ctrl+k", "enter")
        assert doc.review.goal("reading-buddies").entry("Q3").forecast is None
        assert kit.forecast(table, "reading-buddies") == ""
        assert "Forecast: –" in kit.detail(app)

    kit.run(app, scenario)


def test_typed_text_is_applied_without_the_blank_space_around_it(kit):
    """The editors hand over what was typed; the file keeps it without trailing blanks."""
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        await pilot.press("j", "j", "c")  # self-service-hours, Q3: no comment yet
        await kit.type(pilot, "Why")
        await pilot.press("enter", "space", "space", "enter", "ctrl+s")
        assert doc.review.goal("self-service-hours").entry("Q3").comment == "Why"
        await pilot.press("f", "home", "ctrl+k")
        await kit.type(pilot, "  90 %  ")
        await pilot.press("enter")
        assert doc.review.goal("self-service-hours").entry("Q3").forecast == "90 %"

    kit.run(app, scenario)


def test_f_then_escape_without_changes_closes_at_once(kit):
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        await pilot.press("f", "escape")
        assert not isinstance(app.screen, (ForecastDialog, ConfirmDialog))
        assert doc.review.goal("reading-buddies").entry("Q3").forecast == "18 of 18"
        assert not doc.dirty

    kit.run(app, scenario)


def test_f_then_escape_asks_before_the_typed_forecast_is_dropped(kit):
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        table = kit.table(app)
        await pilot.press("f")
        await kit.type(pilot, "00")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmDialog)
        assert "Discard your changes to this forecast?" in kit.screen_text(app)
        await pilot.press("n")  # keep editing: the typed text is still there
        assert isinstance(app.screen, ForecastDialog)
        assert app.screen.query_one(Input).value == "00"
        await pilot.press("escape", "y")
        assert not isinstance(app.screen, (ForecastDialog, ConfirmDialog))
        assert doc.review.goal("reading-buddies").entry("Q3").forecast == "18 of 18"
        assert kit.forecast(table, "reading-buddies") == "18 of 18"
        assert not doc.dirty

    kit.run(app, scenario)


def test_question_mark_lists_the_keys_and_closes_again(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpDialog)
        screen = kit.screen_text(app)
        rows = {
            "space": "Cycle",
            "1–4": "Set status: 1 On track, 2 At risk, 3 Off track, 4 Cannot be assessed",
            "0, del": "Clear status",
            "c": "Comment",
            "f": "Forecast",
            "^s": "Save",
            "^z": "Undo",
            "^y": "Redo",
            "/": "Filter",
            "s": "Filter by status",
            "[": "Previous period",
            "]": "Next period",
            ">": "Next file",
            "q, ^q": "Quit",
            "↓, j": "Move down",
        }
        for keys, description in rows.items():
            assert re.search(rf"\s{re.escape(keys)}\s+{re.escape(description)}\s", screen), keys
        await pilot.press("q")  # closes the help; does not quit
        assert not isinstance(app.screen, HelpDialog)
        assert app.return_code is None
        await pilot.press("question_mark", "escape")
        assert not isinstance(app.screen, HelpDialog)

    kit.run(app, scenario)


def test_applying_an_unchanged_comment_is_no_edit(kit):
    path = kit.path(EXAMPLE)
    text = path.read_text(encoding="utf-8")
    old = 'comment = "Agreements signed with 14 schools; the remaining four will start in'
    old += ' September."'
    assert old in text
    path.write_text(text.replace(old, 'comment = """\nAgreements signed.\n"""'), encoding="utf-8")
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        await pilot.press("left", "left", "c")  # reading-buddies, Q1
        assert app.screen.query_one(TextArea).text == "Agreements signed.\n"
        await pilot.press("ctrl+s")
        assert not isinstance(app.screen, CommentEditor)
        assert doc.review.goal("reading-buddies").entry("Q1").comment == "Agreements signed.\n"
        assert not doc.dirty
        assert "unsaved" not in kit.header(app)

    kit.run(app, scenario)


def test_the_help_lists_no_key_that_does_nothing(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        table = kit.table(app)
        before = (kit.lines(table), table.scroll_offset)
        await pilot.press("ctrl+pagedown", "ctrl+pageup")
        assert (kit.lines(table), table.scroll_offset) == before  # they do nothing...
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpDialog)
        screen = kit.screen_text(app)
        assert "Cycle" in screen and "Undo" in screen  # the help is open and lists keys
        assert "Page Left" not in screen  # ... but not these
        assert "Page Right" not in screen

    kit.run(app, scenario)


def test_the_comment_in_the_detail_pane_is_not_bold(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        assert "Comment: The August campaign brought in 36 new" in kit.detail(app)
        labels = kit.styles_of(app, "Comment:")
        assert labels and all(style.bold for style in labels)  # the label is bold...
        body = kit.styles_of(app, "The August campaign")
        assert body and not any(style.bold for style in body)  # ... the comment is not

    kit.run(app, scenario)
