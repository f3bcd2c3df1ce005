"""Moving around the review: where the cursor starts, the arrow and vim keys, Tab."""

from __future__ import annotations

import pytest

from goaltui.tui.widgets.detail_pane import DetailPane
from goaltui.tui.widgets.goal_table import GoalTable
from goaltui.tui.widgets.table_layout import MAX_FORECAST

EXAMPLE = "example-en.toml"
KUVA = "kuva-2021.toml"


@pytest.mark.parametrize(
    ("name", "first", "theme", "period_word"),
    [
        (EXAMPLE, "reading-buddies", "Learning and culture for everyone", "current period"),
        (KUVA, "palvelustrategia", "Maailman toimivin kaupunki", "tarkastelujakso"),
    ],
)
def test_the_cursor_starts_on_the_first_goal_in_the_current_period(
    kit, name, first, theme, period_word
):
    app = kit.app(name)

    async def scenario(pilot):
        table = kit.table(app)
        assert (table.cursor_goal_id, table.cursor_period) == (first, "Q3")
        assert app.focused is table
        lines = kit.lines(table)
        assert lines[1].strip() == theme  # the first theme's heading, then its first goal
        assert kit.row(table, first) == 2
        assert kit.cursor(table) == (2, "Q3")
        assert kit.current_column(table) == ["Q3"]
        assert f"{period_word} Q3" in kit.header(app)
        objective = app.documents[0].review.goal(first).objective
        assert kit.detail(app).startswith(f"Q3 {objective}"[:60])  # the period first
        assert f"{theme} {objective}"[:60] in kit.detail_whole(app)  # then the goal in full

    kit.run(app, scenario)


@pytest.mark.parametrize(
    ("down", "up", "left", "right"),
    [("down", "up", "left", "right"), ("j", "k", "h", "l")],
)
def test_arrows_and_vim_keys_move_the_cursor_over_theme_headings(kit, down, up, left, right):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        table = kit.table(app)

        def at(goal_id: str, period: str) -> None:
            assert (table.cursor_goal_id, table.cursor_period) == (goal_id, period)
            assert kit.cursor(table) == (kit.row(table, goal_id), period)
            assert app.documents[0].review.goal(goal_id).objective[:30] in kit.detail(app)

        await pilot.press(up)  # already on the first goal: the heading above is not a stop
        at("reading-buddies", "Q3")
        await pilot.press(*[down] * 6)
        at("neighbourhood-culture", "Q3")
        heading = kit.row(table, "neighbourhood-culture") + 1
        assert kit.lines(table)[heading].strip() == "Active and healthy residents"
        await pilot.press(down)
        at("senior-exercise", "Q3")
        assert kit.row(table, "senior-exercise") == heading + 1
        await pilot.press(up)
        at("neighbourhood-culture", "Q3")
        await pilot.press(right)
        at("neighbourhood-culture", "Q4")
        await pilot.press(right)  # the last period: stays
        at("neighbourhood-culture", "Q4")
        await pilot.press(left, left, left)
        at("neighbourhood-culture", "Q1")
        await pilot.press(left)
        at("neighbourhood-culture", "Q1")
        await pilot.press(down)
        at("senior-exercise", "Q1")
        # moving the cursor is not an edit, and the current period stays Q3
        assert not app.documents[0].dirty
        assert kit.current_column(table) == ["Q3"]

    kit.run(app, scenario)


def test_tab_moves_focus_between_the_table_and_the_detail_pane(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        table = kit.table(app)
        pane = app.screen.query_one(DetailPane)
        await pilot.press("j")
        assert isinstance(app.focused, GoalTable)
        assert kit.cursor(table) == (3, "Q3")  # highlighted: cursor colours
        await pilot.press("tab")
        assert app.focused is pane
        # the table keeps showing where the cursor is (underlined), and keys that move
        # the table's cursor no longer do
        assert kit.cursor(table) == (3, "Q3")
        await pilot.press("j")
        assert table.cursor_goal_id == "library-visits"
        assert kit.cursor(table) == (3, "Q3")
        await pilot.press("tab")
        assert app.focused is table
        await pilot.press("j")
        assert table.cursor_goal_id == "self-service-hours"
        assert kit.cursor(table) == (4, "Q3")
        await pilot.press("shift+tab")
        assert app.focused is pane

    kit.run(app, scenario)


def test_home_end_and_page_keys_jump_between_goals(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        table = kit.table(app)
        await pilot.press("end")
        assert table.cursor_goal_id == "premises"
        assert kit.cursor(table) == (kit.row(table, "premises"), "Q3")
        await pilot.press("home")
        assert table.cursor_goal_id == "reading-buddies"
        assert kit.cursor(table) == (2, "Q3")
        await pilot.press("pagedown")  # a page is more than the 26 goals: to the last
        assert table.cursor_goal_id == "premises"
        assert kit.cursor(table) == (kit.row(table, "premises"), "Q3")
        await pilot.press("up", "pageup")
        assert table.cursor_goal_id == "reading-buddies"
        assert kit.cursor(table) == (2, "Q3")

    kit.run(app, scenario, size=(160, 40))  # the pane beside the table: a page of 36 lines


def test_clicking_a_cell_moves_the_cursor_there(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        table = kit.table(app)
        start, _ = kit.columns(table)["Q1"]
        y = kit.row(table, "culture-pass")
        await pilot.click(GoalTable, offset=(start + 1, y))
        assert (table.cursor_goal_id, table.cursor_period) == ("culture-pass", "Q1")
        assert kit.cursor(table) == (y, "Q1")
        await pilot.click(GoalTable, offset=(start + 1, 1))  # a theme heading: nothing
        assert table.cursor_goal_id == "culture-pass"

    kit.run(app, scenario)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["marks alone", "whole labels"])
def test_a_click_on_a_cell_puts_the_cursor_there(kit, size):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        table = kit.table(app)
        y = kit.row(table, "culture-pass")
        for period, (start, end) in kit.columns(table).items():
            for x in (start, end - 1, end):  # its first cell, its last, the space after it
                await pilot.click(GoalTable, offset=(x, y))
                assert (table.cursor_goal_id, table.cursor_period) == ("culture-pass", period)
                assert kit.cursor(table) == (y, period)
        await pilot.click(GoalTable, offset=(5, kit.row(table, "reading-buddies")))
        assert (table.cursor_goal_id, table.cursor_period) == ("reading-buddies", "Q4")
        await pilot.click(GoalTable, offset=(5, 1))  # a theme's heading: nothing moves
        assert table.cursor_goal_id == "reading-buddies"

    kit.run(app, scenario, size=size)


def test_a_click_lands_on_the_cell_under_it_in_a_scrolled_table_and_past_the_last_period(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        table = kit.table(app)
        await pilot.press("end")  # the last goal: the table has scrolled
        assert table.scroll_offset.y > 0
        goal = "premises"
        y = kit.row(table, goal)  # where it is on screen now
        start, _ = kit.columns(table)["Q2"]
        await pilot.click(GoalTable, offset=(start + 1, y))
        assert (table.cursor_goal_id, table.cursor_period) == (goal, "Q2")
        assert kit.cursor(table) == (y, "Q2")
        # the forecast and the comment mark are past the last period: its cell is meant
        header = table.render_line(0).text
        other = "climate-procurement"
        await pilot.click(GoalTable, offset=(header.rindex("✎"), kit.row(table, other)))
        assert (table.cursor_goal_id, table.cursor_period) == (other, "Q4")
        assert app.return_code is None

    kit.run(app, scenario, size=(120, 20))


def test_a_longer_forecast_widens_its_column_at_once(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        table = kit.table(app)
        header = table.render_line(0).text
        last = header.rindex("✓" if "✓" in header else "✎") - 1  # the forecast's column ends
        room = last - max(end for _, end in kit.columns(table).values()) - 1
        longer = "9" * min(room + 2, MAX_FORECAST)  # more than the column holds, if it can
        await pilot.press("f", "home", "ctrl+k")
        await kit.type(pilot, longer)
        await pilot.press("enter")
        assert kit.forecast(table, "reading-buddies") == longer  # whole, not cut with …
        assert kit.forecast(table, "library-visits") == "1.51 million"  # every line moved

    kit.run(app, scenario)
