"""How the screen is laid out at different terminal sizes."""

from __future__ import annotations

from goaltui.tui.widgets.detail_pane import DetailPane

EXAMPLE = "example-en.toml"

LEGEND = "● On track  ◐ At risk  ○ Off track  – Cannot be assessed  ! needs a comment"


def test_a_narrow_terminal_puts_the_details_under_the_table(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        table = kit.table(app)
        pane = kit.review_screen(app).query_one(DetailPane)
        assert pane.region.y >= table.region.bottom
        assert pane.region.width == 80
        lines = kit.lines(table)
        # marks alone in the cells, explained below (the other glyphs on the next line)
        assert LEGEND in [line.strip() for line in lines[-2:]]
        assert kit.cell(table, "reading-buddies", "Q3") == "●"
        assert "Pilot [phase 2] of the reading programme reaches every primary" in kit.detail(app)

        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        assert pane.region.x >= table.region.right
        assert pane.region.y == table.region.y
        assert kit.cursor(table) == (2, "Q3")

    kit.run(app, scenario, size=(80, 24))


def test_a_wide_terminal_shows_whole_status_labels(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        table = kit.table(app)
        assert kit.cell(table, "reading-buddies", "Q3") == "● On track"
        assert kit.cell(table, "culture-pass", "Q3") == "○ Off track"
        cell = kit.cell(table, "hall-time-equality", "Q3")  # "!" at the cell's end
        assert cell.startswith("○ Off track") and cell.rstrip().endswith("!")
        assert LEGEND not in "\n".join(kit.lines(table))
        await pilot.press("space")
        assert kit.cell(table, "reading-buddies", "Q3") == "◐ At risk"

    kit.run(app, scenario, size=(240, 40))


def test_comment_marks_are_visible_when_the_table_scrolls(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        table = kit.table(app)
        assert kit.comment_mark(table, "reading-buddies") == "✎"  # drawn...
        screen = kit.screen_text(app).splitlines()
        y = table.region.y + kit.row(table, "reading-buddies")
        assert "18 of 18" in screen[y]
        assert "✎" in screen[y]  # ... and seen

    kit.run(app, scenario, size=(80, 24))
