"""A review of 2,000 goals: it opens, End and Home jump, and an edit repaints one line."""

from __future__ import annotations

from pathlib import Path

from goaltui.files.canonical import render
from goaltui.review.model import Goal, PeriodEntry, Review, Status

STATUSES = (
    Status("On track", color="green", symbol="●"),
    Status("At risk", color="yellow", symbol="◐"),
    Status("Off track", color="red", symbol="○", explain=True),
)
PER_THEME = 50


def write_big_review(path: Path, goals: int) -> Review:
    """A review built in code, written in the canonical layout."""
    labels = [status.label for status in STATUSES]
    review = Review(
        title="A very large review",
        periods=("Q1", "Q2", "Q3", "Q4"),
        statuses=STATUSES,
        goals=[
            Goal(
                id=f"goal-{i:04d}",
                objective=f"Objective number {i}",
                theme=f"Theme {i // PER_THEME}",
                periods={"Q1": PeriodEntry(status=labels[i % 3], forecast=f"{i} %")},
            )
            for i in range(goals)
        ],
        year=2026,
        current="Q1",
    )
    path.write_text(render(review, path), encoding="utf-8")
    return review


def test_two_thousand_goals_open_jump_and_repaint_one_line_per_edit(kit):
    write_big_review(kit.path("big.toml"), 2000)
    app = kit.app("big.toml")
    doc = app.documents[0]

    async def scenario(pilot):
        table = kit.table(app)
        assert table.shown_goals == 2000
        assert kit.lines(table)[1].strip() == "Theme 0"
        assert kit.cursor(table) == (2, "Q1")

        await pilot.press("end")
        assert table.cursor_goal_id == "goal-1999"
        y = kit.row(table, "goal-1999")
        assert kit.cursor(table) == (y, "Q1")
        assert kit.cell(table, "goal-1999", "Q1") == "◐"  # 1999 % 3 == 1: "At risk"
        assert kit.forecast(table, "goal-1999") == "1999 %"
        assert "Objective number 1999" in kit.detail(app)

        calls: list[int] = []
        render_line = table.render_line

        def counting(line: int):
            calls.append(line)
            return render_line(line)

        table.render_line = counting
        await pilot.press("space")
        await pilot.pause()
        painted = sorted(set(calls))
        table.render_line = render_line

        assert doc.review.goal("goal-1999").entry("Q1").status == "Off track"
        assert kit.cell(table, "goal-1999", "Q1") == "○!"  # "Off track" asks for a comment
        assert y in painted
        assert len(painted) <= 3, painted  # the edited line, not the screen

        await pilot.press("home")
        assert table.cursor_goal_id == "goal-0000"
        assert kit.cursor(table) == (2, "Q1")
        assert kit.lines(table)[1].strip() == "Theme 0"
        await pilot.press("pagedown")  # about a screenful of goals further, still in view
        moved = int(table.cursor_goal_id.removeprefix("goal-"))
        assert 20 < moved < 40
        assert kit.cursor(table) == (kit.row(table, table.cursor_goal_id), "Q1")
        await pilot.press("end", "k")
        assert table.cursor_goal_id == "goal-1998"

    kit.run(app, scenario)
