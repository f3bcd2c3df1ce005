"""Large reviews: 2,000 goals open, End and Home jump, and an edit repaints one line; a text of
megabytes shows its first pages, is cut in the table, and the cursor moves onto it at once."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from goaltui.files.canonical import render
from goaltui.files.loading import load
from goaltui.review.model import Goal, PeriodEntry, Review, Status
from goaltui.tui.dialogs.comment_editor import CommentEditor
from goaltui.tui.widgets import bounded
from goaltui.tui.widgets.bounded import EDITOR_MOST, SHOWN_MOST
from goaltui.tui.widgets.detail_pane import DetailPane

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
        assert kit.cell(table, "goal-1999", "Q1") == "◐ At risk"  # 1999 % 3 == 1
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
        assert kit.cell(table, "goal-1999", "Q1") == "○ Off track!"  # asks for a comment
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


# -- one very long text ---------------------------------------------------------------------------

LONG = 2_000_000  # characters: moving onto such a goal took 6 s (5 MB: 16 s and 670 MB)
WORDS = "kulttuuri päätös tyytyväisyys "


def write_long_text(path: Path, field: str, size: int = LONG) -> str:
    """Three goals; the second's ``field`` (in Q1) holds one line of ``size`` characters."""
    text = (WORDS * (size // len(WORDS) + 1))[:size]
    goals = []
    for i in range(3):
        long = {field: text} if i == 1 else {}
        entry = PeriodEntry(
            status="On track", forecast=long.get("forecast", "1 %"), comment=long.get("comment")
        )
        goals.append(
            Goal(
                id=f"goal-{i}",
                objective=long.get("objective", f"Objective {i}"),
                description=long.get("description", f"Goal {i}."),
                periods={"Q1": entry},
            )
        )
    review = Review(
        title="Long", periods=("Q1", "Q2"), statuses=STATUSES, goals=goals, current="Q1"
    )
    path.write_text(render(review, path), encoding="utf-8")
    return text


async def timed_press(pilot, key: str) -> float:
    started = time.perf_counter()
    await pilot.press(key)
    await pilot.pause()
    return time.perf_counter() - started


@pytest.mark.parametrize("field", ["description", "comment"])
def test_a_text_of_megabytes_shows_its_first_pages_and_the_cursor_moves_onto_it_at_once(kit, field):
    text = write_long_text(kit.path("long.toml"), field)
    app = kit.app("long.toml")

    async def scenario(pilot):
        assert await timed_press(pilot, "down") < 2  # onto the goal
        assert kit.table(app).cursor_goal_id == "goal-1"
        pane = kit.review_screen(app).query_one(DetailPane)
        assert pane.virtual_size.height < 200  # pages of it, not 2 MB wrapped
        assert text[:100] in kit.detail(app)
        await pilot.press("tab", "end")  # read the pane to its end
        assert pane.has_focus
        assert f"… ({LONG - SHOWN_MOST:,} more characters)" in kit.detail(app)
        await pilot.press("shift+tab")
        assert await timed_press(pilot, "up") < 2
        assert await timed_press(pilot, "down") < 2

    kit.run(app, scenario)
    goal = load(kit.path("long.toml")).review.goal("goal-1")
    assert (goal.description if field == "description" else goal.entry("Q1").comment) == text


@pytest.mark.parametrize("field", ["objective", "forecast"])
def test_a_line_of_megabytes_in_the_table_is_cut_and_the_cursor_moves_at_once(
    kit, monkeypatch, field
):
    write_long_text(kit.path("long.toml"), field)
    app = kit.app("long.toml")
    cleaned: list[int] = []  # the length of each text cleaned to be shown

    def clean_line(text: str) -> str:
        cleaned.append(len(text))
        return real_clean_line(text)

    real_clean_line = bounded.clean_line
    monkeypatch.setattr(bounded, "clean_line", clean_line)

    async def scenario(pilot):
        table = kit.table(app)
        lines = kit.lines(table)
        line = lines[3]  # the long goal's line, as wide as the others
        assert len(line) == len(lines[2])
        assert "kulttuuri päät" in line and "…" in line
        for key in ("down", "up", "down"):
            assert await timed_press(pilot, key) < 2
        assert cleaned and max(cleaned) <= SHOWN_MOST  # cut to the room it has, first

    kit.run(app, scenario)


def test_a_comment_too_long_to_edit_is_not_opened_and_the_reviewer_is_told_why(kit):
    write_long_text(kit.path("long.toml"), "comment", EDITOR_MOST + 1)
    app = kit.app("long.toml")

    async def scenario(pilot):
        await pilot.press("down", "c")
        assert not isinstance(app.screen, CommentEditor)
        [note] = list(app._notifications)
        assert note.message.startswith("The comment of goal-1 in Q1 has 100,001 characters")
        assert "It is kept in the file as it is: edit it there." in note.message
        await pilot.press("up", "c")  # a comment of normal length opens
        assert isinstance(app.screen, CommentEditor)

    kit.run(app, scenario, notifications=True)
