"""When the disk and the session disagree: a file changed by someone else, a crash journal.

The app checks its files when it gets the terminal's focus back (``AppFocus``, which a
terminal sends when the reviewer returns to its window) and before every save.
"""

from __future__ import annotations

from outside import change_on_disk, come_back

from goaltui.files.loading import load
from goaltui.tui.dialogs.choice_dialog import ChoiceDialog

EXAMPLE = "example-en.toml"
# library-visits is the only goal that is "At risk" in Q3 with this forecast
LIBRARY_Q3 = 'status = "At risk"\nforecast = "1.51 million"'


def test_a_file_changed_on_disk_without_edits_here_is_reloaded(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        table = kit.table(app)
        assert kit.cell(table, "library-visits", "Q3") == "◐"
        change_on_disk(kit.path(EXAMPLE), LIBRARY_Q3, 'status = "Off track"\nforecast = "1.2 M"')
        await come_back(pilot)
        assert app.return_code is None
        assert "Reloaded example-en.toml: it changed on disk." in kit.screen_text(app)
        review = app.documents[0].review
        assert review.goal("library-visits").entry("Q3").status == "Off track"
        table = kit.table(app)
        assert kit.cell(table, "library-visits", "Q3") == "○"
        assert kit.forecast(table, "library-visits") == "1.2 M"
        assert not app.documents[0].dirty and "unsaved" not in kit.header(app)

    kit.run(app, scenario, notifications=True)


def test_saving_over_a_file_changed_on_disk_asks_and_merge_keeps_both_changes(kit):
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("space")  # here: reading-buddies Q3 On track -> At risk
        change_on_disk(
            kit.path(EXAMPLE), LIBRARY_Q3, 'status = "Off track"\nforecast = "1.51 million"'
        )
        changed = path.read_bytes()
        await pilot.press("ctrl+s")
        await kit.settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        screen = kit.screen_text(app)
        assert "example-en.toml changed on disk since you opened it" in screen
        assert "You have 1 unsaved edit here." in screen
        assert path.read_bytes() == changed  # nothing was overwritten

        await pilot.press("m")  # merge: re-apply my edits on top of theirs
        await kit.settle(pilot)
        table = kit.table(app)
        assert kit.cell(table, "library-visits", "Q3") == "○"  # theirs
        assert kit.cell(table, "reading-buddies", "Q3") == "◐"  # mine
        assert "* unsaved" in kit.header(app)
        await pilot.press("ctrl+s")
        await kit.settle(pilot)
        assert "Saved example-en.toml." in kit.screen_text(app)
        await pilot.press("escape")

    kit.run(app, scenario, notifications=True)
    review = load(path).review
    assert review.goal("library-visits").entry("Q3").status == "Off track"
    assert review.goal("reading-buddies").entry("Q3").status == "At risk"


def test_unsaved_edits_of_a_session_that_died_are_offered_at_the_next_start(kit):
    path = kit.path(EXAMPLE)
    first = kit.app(EXAMPLE)

    async def edit_and_die(pilot):
        await pilot.press("j", "3")  # library-visits Q3 -> Off track; then no save, no quit

    kit.run(first, edit_and_die)
    assert path.read_bytes() == kit.original(EXAMPLE)

    second = kit.app(EXAMPLE)

    async def restore(pilot):
        assert isinstance(second.screen, ChoiceDialog)
        screen = kit.screen_text(second)
        assert "1 unsaved edit from an earlier session" in screen
        assert "Restore them?" in screen
        await pilot.press("r")
        await kit.settle(pilot)
        assert not isinstance(second.screen, ChoiceDialog)
        doc = second.documents[0]
        assert doc.review.goal("library-visits").entry("Q3").status == "Off track"
        assert kit.cell(kit.table(second), "library-visits", "Q3") == "○"
        assert doc.dirty and "* unsaved" in kit.header(second)

    kit.run(second, restore)


def test_a_file_made_invalid_on_disk_is_reported_and_the_app_keeps_running(kit, monkeypatch):
    app = kit.app(EXAMPLE)
    # If the app crashes, skip Textual's rendering of the traceback (seconds of syntax
    # highlighting); run_test still raises the error.
    monkeypatch.setattr(app, "_fatal_error", app._close_messages_no_wait)

    async def scenario(pilot):
        change_on_disk(
            kit.path(EXAMPLE), LIBRARY_Q3, 'status = "On trak"\nforecast = "1.51 million"'
        )
        await come_back(pilot)
        assert app.return_code is None
        screen = kit.screen_text(app)
        assert "example-en.toml changed on disk and is now invalid" in screen
        # The toast wraps long lines: look for the field path and the problem separately.
        assert "goals[id=library-visits].periods.Q3.status" in screen
        assert "unknown" in screen and '"On trak"' in screen
        assert kit.cell(kit.table(app), "library-visits", "Q3") == "◐"  # the version kept

    kit.run(app, scenario, notifications=True)


def test_the_cursor_stays_on_its_goal_and_period_after_a_reload(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        table = kit.table(app)
        await pilot.press("j", "j", "j", "left")  # the fourth goal, Q2
        goal = table.cursor_goal_id
        assert goal not in (None, "reading-buddies") and table.cursor_period == "Q2"
        change_on_disk(kit.path(EXAMPLE), LIBRARY_Q3, 'status = "Off track"\nforecast = "1.2 M"')
        await come_back(pilot)
        assert app.documents[0].review.goal("library-visits").status_in("Q3") == "Off track"
        table = kit.table(app)
        assert (table.cursor_goal_id, table.cursor_period) == (goal, "Q2")
        assert kit.cursor(table) == (kit.row(table, goal), "Q2")
        assert goal in kit.detail_whole(app).split()  # the details are of that goal

    kit.run(app, scenario)
