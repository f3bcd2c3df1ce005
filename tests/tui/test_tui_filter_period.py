"""Filtering the goals ("/" for text, "s" for a status) and changing the period ("[", "]")."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from goaltui.tui.widgets.filter_bar import FilterBar

EXAMPLE = "example-en.toml"

ALL = 26


def filter_line(kit, app) -> str:
    """The first line of the filter bar as shown ("" when the bar is hidden)."""
    bar = kit.review_screen(app).query_one(FilterBar)
    if not bar.display:
        return ""
    return kit.screen_text(app).splitlines()[bar.region.y].strip()


def objectives(app, ids) -> list[str]:
    return [app.documents[0].review.goal(i).objective for i in ids]


def assert_shows(kit, app, ids) -> None:
    """The table shows exactly these goals, in this order (objectives may be cut with …)."""
    table = kit.table(app)
    assert table.shown_goals == len(ids)
    shown = kit.shown_objectives(table)
    expected = objectives(app, ids)
    assert len(shown) == len(expected), shown
    for seen, objective in zip(shown, expected, strict=True):
        if seen.endswith("…"):
            assert objective.startswith(seen[:-1]), (seen, objective)
        else:
            assert objective == seen


@pytest.mark.parametrize(
    ("needle", "ids", "theme"),
    [
        ("learns", ["swimming-skills"], "Active and healthy residents"),  # objective
        ("well-run", None, "A sustainable, well-run organisation"),  # theme: the whole group
        ("equal riv", ["hall-time-equality", "accessible-events"], None),  # links
        ("LIFEGUARD", ["time-to-hire"], "A sustainable, well-run organisation"),  # comments
    ],
)
def test_slash_filters_by_text_and_enter_keeps_the_filter(kit, needle, ids, theme):
    app = kit.app(EXAMPLE)
    review = app.documents[0].review
    if ids is None:
        ids = [g.id for g in review.goals if g.theme == theme]

    async def scenario(pilot):
        table = kit.table(app)
        assert filter_line(kit, app) == ""  # no filter, no bar
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await kit.type(pilot, needle)
        assert_shows(kit, app, ids)
        assert f"({len(ids)} of {ALL})" in filter_line(kit, app)
        if theme is not None:
            assert theme in kit.lines(table)[1]  # its theme heading is shown above it

        await pilot.press("enter")
        assert app.focused is table
        assert_shows(kit, app, ids)
        line = filter_line(kit, app)
        assert f"matching {needle!r}" in line and f"({len(ids)} of {ALL})" in line
        assert table.cursor_goal_id == ids[0]
        assert kit.cursor(table) == (kit.row(table, ids[0]), "Q3")
        assert objectives(app, ids[:1])[0][:30] in kit.detail(app)
        before = review.goal(ids[0]).entry("Q3").status
        await pilot.press("space")  # edits reach the goals shown
        assert review.goal(ids[0]).entry("Q3").status == review.next_status(before)

        await pilot.press("escape")  # clears the kept filter
        assert table.shown_goals == ALL
        assert filter_line(kit, app) == ""
        assert table.cursor_goal_id == ids[0]  # the cursor stays on its goal

    kit.run(app, scenario)


def test_escape_while_typing_clears_the_filter_and_returns_to_the_table(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        table = kit.table(app)
        await pilot.press("slash")
        await kit.type(pilot, "hobby")
        assert table.shown_goals == 1
        await pilot.press("escape")
        assert app.focused is table
        assert table.shown_goals == ALL
        assert len(kit.shown_objectives(table)) == 26
        assert filter_line(kit, app) == ""
        assert app.return_code is None

    kit.run(app, scenario, size=(160, 40))  # every goal in view


def test_s_cycles_the_status_filter_for_the_current_period_and_escape_clears_it(kit):
    app = kit.app(EXAMPLE)
    review = app.documents[0].review

    async def scenario(pilot):
        table = kit.table(app)
        for label, mark in [
            ("On track", "●"),
            ("At risk", "◐"),
            ("Off track", "○"),
            ("Cannot be assessed", "–"),
            (None, ""),
        ]:
            await pilot.press("s")
            ids = [g.id for g in review.goals if g.entry("Q3").status == label]
            assert_shows(kit, app, ids)
            for goal_id in ids:
                assert kit.cell(table, goal_id, "Q3").rstrip("!") == mark
            shown = "not assessed" if label is None else f"{mark} {label}"
            assert f"Showing {shown} in Q3 ({len(ids)} of {ALL})" in filter_line(kit, app)
        await pilot.press("s")  # after "not assessed": every goal again
        assert table.shown_goals == ALL
        assert filter_line(kit, app) == ""

        await pilot.press("s", "s")
        assert table.shown_goals == 6  # "At risk" in Q3
        await pilot.press("escape")
        assert table.shown_goals == ALL
        assert filter_line(kit, app) == ""

    kit.run(app, scenario)


def test_the_status_filter_follows_the_period(kit):
    app = kit.app(EXAMPLE)
    review = app.documents[0].review

    async def scenario(pilot):
        await pilot.press("s", "s")  # "At risk" in Q3
        await pilot.press("left_square_bracket")  # ... now in Q2
        ids = [g.id for g in review.goals if g.entry("Q2").status == "At risk"]
        assert_shows(kit, app, ids)
        assert f"Showing ◐ At risk in Q2 ({len(ids)} of {ALL})" in filter_line(kit, app)

    kit.run(app, scenario)


def test_a_filter_that_matches_nothing_says_so(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("slash")
        await kit.type(pilot, "zzz")
        await pilot.press("enter")
        assert kit.table(app).shown_goals == 0
        assert "(0 of 26)" in filter_line(kit, app)
        assert kit.detail(app) == "No goal matches the filter."
        await pilot.press("space", "c")  # nothing to edit: no edit, no editor
        assert not app.documents[0].dirty
        assert kit.review_screen(app) is app.screen

    kit.run(app, scenario)


def test_undo_of_an_edit_hidden_by_the_filter_clears_the_filter_to_show_it(kit):
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        table = kit.table(app)
        await pilot.press("space")  # reading-buddies Q3
        await pilot.press("slash")
        await kit.type(pilot, "hobby")
        await pilot.press("enter")
        assert table.shown_goals == 1
        await pilot.press("ctrl+z")
        assert doc.review.goal("reading-buddies").entry("Q3").status == "On track"
        assert table.shown_goals == ALL
        assert filter_line(kit, app) == ""
        assert kit.cursor(table) == (kit.row(table, "reading-buddies"), "Q3")

    kit.run(app, scenario)


def test_brackets_change_the_current_period(kit):
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        table = kit.table(app)
        assert kit.forecast(table, "library-visits") == "1.51 million"
        assert kit.current_column(table) == ["Q3"]

        await pilot.press("right_square_bracket")
        assert table.current == "Q4"
        assert "current period Q4" in kit.header(app)
        assert kit.current_column(table) == ["Q4"]
        assert kit.cursor(table) == (2, "Q4")  # the cursor goes along
        assert kit.forecast(table, "reading-buddies") == ""  # nobody has a Q4 forecast
        assert kit.comment_mark(table, "reading-buddies") == ""
        assert kit.detail(app).startswith("Q4 Pilot [phase 2]")  # the period first
        assert "Status: not assessed" in kit.detail(app)
        await pilot.press("right_square_bracket")  # Q4 is the last: stays
        assert table.current == "Q4"

        await pilot.press("left_square_bracket", "left_square_bracket")
        assert table.current == "Q2"
        assert "current period Q2" in kit.header(app)
        assert kit.current_column(table) == ["Q2"]
        assert kit.cursor(table) == (2, "Q2")
        assert kit.forecast(table, "reading-buddies") == "15 of 18"
        assert kit.forecast(table, "library-visits") == "1.60 million"
        assert kit.comment_mark(table, "library-visits") == "✎"
        assert kit.comment_mark(table, "swimming-skills") == ""  # no comment in Q2
        assert kit.detail(app).startswith("Q2 Pilot")
        assert "Status: ◐ At risk" in kit.detail(app)
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert table.current == "Q1"
        assert kit.forecast(table, "library-visits") == "1.62 million"

        # a status edit now lands in the period shown
        await pilot.press("space")
        assert doc.review.goal("reading-buddies").entry("Q1").status == "At risk"
        assert kit.cell(table, "reading-buddies", "Q1") == "◐"
        assert doc.review.goal("reading-buddies").entry("Q3").status == "On track"
        assert doc.review.current == "Q3"  # looking at another period is no edit

    kit.run(app, scenario)
