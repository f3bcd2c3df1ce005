"""Saving with ctrl+s (one file and several), undo and redo, and quitting."""

from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path

import pytest
from textual.widgets import Tabs

from goaltui.files.canonical import render
from goaltui.files.document import Document
from goaltui.files.loading import load
from goaltui.files.paths import review_paths
from goaltui.tui.app import GoalApp
from goaltui.tui.dialogs.comment_editor import CommentEditor
from goaltui.tui.dialogs.quit_dialog import QuitDialog
from goaltui.tui.dialogs.summary_dialog import SummaryDialog

EXAMPLE = "example-en.toml"
KUVA = "kuva-2021.toml"


def changes(before: str, after: str) -> list[tuple[int, int, list[str], list[str]]]:
    """Every changed run of lines: (first line, end line) in ``before``, removed, added."""
    old, new = before.splitlines(), after.splitlines()
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    return [
        (i1, i2, old[i1:i2], new[j1:j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def period_table(text: str, goal_id: str, period: str) -> range:
    """The lines (0-based) of ``[goals.periods.<period>]`` of one goal, or where it would go."""
    lines = text.splitlines()
    start = lines.index(f'id = "{goal_id}"')
    end = next((i for i in range(start + 1, len(lines)) if lines[i] == "[[goals]]"), len(lines))
    heading = lines.index(f"[goals.periods.{period}]", start, end)
    stop = next((i for i in range(heading + 1, end) if lines[i].startswith("[")), end)
    return range(heading, stop)


def assert_canonical(path: Path) -> None:
    """A saved file is what a save of its own content writes: byte for byte."""
    text = path.read_bytes().decode("utf-8")
    assert render(load(path).review, path) == text
    assert text.endswith("\n") and "\r" not in text


def tabs_line(kit, app) -> str:
    tabs = kit.review_screen(app).query_one("#files", Tabs)
    return kit.screen_text(app).splitlines()[tabs.region.y]


# -- saving -------------------------------------------------------------------------------


def test_ctrl_s_writes_only_the_edited_line_and_shows_the_summary(kit):
    path = kit.path(EXAMPLE)
    original = path.read_text(encoding="utf-8")
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        await pilot.press("j", "1")  # library-visits, Q3: At risk -> On track
        assert "* unsaved" in kit.header(app)
        assert path.read_text(encoding="utf-8") == original  # nothing written before ctrl+s
        await pilot.press("ctrl+s")
        await kit.settle(pilot)

        assert isinstance(app.screen, SummaryDialog)
        screen = kit.screen_text(app)
        assert "Saved example-en.toml." in screen
        assert "Riverton Culture, Libraries and Leisure Department: strategic goals 2026" in screen
        assert "example-en.toml · year 2026 · current period Q3 · 26 goals (8 binding)" in screen
        # the counts are those of the saved file: one more "On track", one fewer "At risk" in Q3
        # (they come after the attention list, which the dialog shows first)
        summary = app.screen.query_one("#summary")
        seen = []
        for _ in range(60):  # scrolled down through the dialog, every line seen
            seen.append(kit.screen_text(app))
            summary.scroll_down(animate=False)
            await pilot.pause()
        counts = "\n".join(seen)
        assert re.search(r"● On track\s+19\s+14\s+13\s+0\s", counts)
        assert re.search(r"◐ At risk\s+5\s+9\s+5\s+0\s", counts)

        await pilot.press("escape")
        assert not isinstance(app.screen, SummaryDialog)
        assert app.focused is kit.table(app)
        assert "unsaved" not in kit.header(app)
        assert not doc.dirty
        assert kit.cell(kit.table(app), "library-visits", "Q3") == "●"

    kit.run(app, scenario)

    assert kit.extra_files() == []  # a save leaves nothing beside the file (no journal)
    saved = path.read_text(encoding="utf-8")
    [(first, end, removed, added)] = changes(original, saved)
    assert (removed, added) == (['status = "At risk"'], ['status = "On track"'])
    assert first in period_table(original, "library-visits", "Q3") and end == first + 1
    assert load(path).review.goal("library-visits").entry("Q3").status == "On track"
    assert_canonical(path)


def test_a_save_of_comment_and_forecast_edits_changes_only_their_lines(kit):
    path = kit.path(EXAMPLE)
    original = path.read_text(encoding="utf-8")
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        # self-service-hours, Q3: a comment of two lines (there is none), a new forecast
        await pilot.press("j", "j", "c")
        await kit.type(pilot, "One")
        await pilot.press("enter")
        await kit.type(pilot, "Two")
        await pilot.press("ctrl+s", "f", "home", "ctrl+k")
        await kit.type(pilot, "3 of 4")
        await pilot.press("enter")
        await pilot.press("ctrl+s")
        await kit.settle(pilot)
        assert isinstance(app.screen, SummaryDialog)
        await pilot.press("escape")

    kit.run(app, scenario)

    saved = path.read_text(encoding="utf-8")
    where = period_table(original, "self-service-hours", "Q3")
    [(first, end, removed, added)] = changes(original, saved)
    assert removed == ['forecast = "4 of 4"']
    assert added == ['forecast = "3 of 4"', 'comment = """', "One", 'Two"""']
    assert first in where and end == first + 1
    goal = load(path).review.goal("self-service-hours")
    assert (goal.entry("Q3").forecast, goal.entry("Q3").comment) == ("3 of 4", "One\nTwo")
    assert_canonical(path)


def test_ctrl_s_with_nothing_changed_writes_nothing(kit):
    path = kit.path(EXAMPLE)
    stat = path.stat()
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("ctrl+s")
        await kit.settle(pilot)
        assert isinstance(app.screen, SummaryDialog)
        assert "Nothing to save: every file is as it was." in kit.screen_text(app)
        await pilot.press("escape")

    kit.run(app, scenario)
    assert path.read_bytes() == kit.original(EXAMPLE)
    assert path.stat().st_mtime_ns == stat.st_mtime_ns


def test_ctrl_s_saves_every_changed_file_of_a_folder(kit):
    paths = {name: kit.path(name) for name in (EXAMPLE, KUVA)}
    originals = {name: p.read_text(encoding="utf-8") for name, p in paths.items()}
    found, problems = review_paths(["."])
    assert not problems
    assert [p.name for p in found] == [EXAMPLE, KUVA]
    app = GoalApp([Document.open(p) for p in found])

    async def scenario(pilot):
        tabs = tabs_line(kit, app)
        assert "example-en.toml" in tabs and "kuva-2021.toml" in tabs and "*" not in tabs
        await pilot.press("space")  # reading-buddies Q3: On track -> At risk
        assert "example-en.toml *" in tabs_line(kit, app)
        assert "kuva-2021.toml *" not in tabs_line(kit, app)

        await pilot.press("greater_than_sign")
        header = kit.header(app)
        assert "Kulttuurin ja vapaa-ajan toimiala" in header and "kuva-2021.toml" in header
        assert "tallentamatta" not in header  # each file speaks its language
        table = kit.table(app)
        assert table.cursor_goal_id == "palvelustrategia"
        await pilot.press("space")  # palvelustrategia Q3: Toteutuu -> Toteutuu osittain
        assert kit.cell(table, "palvelustrategia", "Q3") == "◐"
        assert "* tallentamatta" in kit.header(app)
        tabs = tabs_line(kit, app)
        assert "example-en.toml *" in tabs and "kuva-2021.toml *" in tabs

        await pilot.press("ctrl+s")
        await kit.settle(pilot)
        assert isinstance(app.screen, SummaryDialog)
        screen = kit.screen_text(app)
        assert "Tallennettu: example-en.toml, kuva-2021.toml." in screen
        # both summaries in the language in front, Finnish: the English review's Finnish title
        assert "Rivertonin kulttuuri-, kirjasto- ja vapaa-aikapalvelut" in screen
        await pilot.press("escape")
        assert "*" not in tabs_line(kit, app)
        assert "tallentamatta" not in kit.header(app)
        await pilot.press("less_than_sign")
        assert "Riverton Culture" in kit.header(app)
        assert kit.cell(kit.table(app), "reading-buddies", "Q3") == "◐"

    kit.run(app, scenario)

    edits = {
        EXAMPLE: ("reading-buddies", 'status = "On track"', 'status = "At risk"'),
        KUVA: ("palvelustrategia", 'status = "Toteutuu"', 'status = "Toteutuu osittain"'),
    }
    for name, (goal_id, old, new) in edits.items():
        saved = paths[name].read_text(encoding="utf-8")
        [(first, _, removed, added)] = changes(originals[name], saved)
        assert (removed, added) == ([old], [new])
        assert first in period_table(originals[name], goal_id, "Q3")
        assert_canonical(paths[name])


def test_a_failed_save_keeps_the_edits_and_says_so(kit):
    """The file is replaced by a folder after opening: the save cannot replace it."""
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        await pilot.press("space")
        path.unlink()
        path.mkdir()
        await pilot.press("ctrl+s")
        await kit.settle(pilot)
        assert not isinstance(app.screen, SummaryDialog)
        screen = kit.screen_text(app)
        assert "Not saved: example-en.toml" in screen
        assert "Your edits are kept" in screen
        assert doc.dirty and "* unsaved" in kit.header(app)
        assert doc.review.goal("reading-buddies").entry("Q3").status == "At risk"
        # quitting with "save" does not quit when the save fails
        await pilot.press("q", "s")
        await kit.settle(pilot)
        assert app.return_code is None
        assert doc.dirty
        shutil.rmtree(path)

    kit.run(app, scenario, notifications=True)
    assert not list(kit.folder.glob(".example-en.toml.*.tmp"))  # no temporary file left behind


# -- undo and redo -------------------------------------------------------------------------


def test_undo_and_redo_a_status_edit_from_another_row(kit):
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        table = kit.table(app)
        await pilot.press("space")  # reading-buddies Q3 -> At risk
        await pilot.press("j", "j", "j", "left")  # elsewhere: culture-pass, Q2
        assert kit.cursor(table) == (kit.row(table, "culture-pass"), "Q2")
        await pilot.press("ctrl+z")
        assert doc.review.goal("reading-buddies").entry("Q3").status == "On track"
        assert (table.cursor_goal_id, table.cursor_period) == ("reading-buddies", "Q3")
        assert kit.cursor(table) == (kit.row(table, "reading-buddies"), "Q3")
        assert kit.cell(table, "reading-buddies", "Q3") == "●"
        assert "Status: ● On track" in kit.detail(app)
        assert not doc.dirty and "unsaved" not in kit.header(app)  # back at the saved state

        await pilot.press("j", "j")
        await pilot.press("ctrl+y")
        assert doc.review.goal("reading-buddies").entry("Q3").status == "At risk"
        assert kit.cursor(table) == (kit.row(table, "reading-buddies"), "Q3")
        assert kit.cell(table, "reading-buddies", "Q3") == "◐"
        assert doc.dirty and "* unsaved" in kit.header(app)

    kit.run(app, scenario)


def test_undo_and_redo_comment_and_forecast_edits_move_to_their_cells(kit):
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    def entry(goal_id):
        return doc.review.goal(goal_id).entry("Q3")

    async def scenario(pilot):
        table = kit.table(app)
        await pilot.press("j", "j", "c")  # self-service-hours: a comment
        await kit.type(pilot, "Hi")
        await pilot.press("ctrl+s", "j", "f", "home", "ctrl+k")  # culture-pass: forecast
        await kit.type(pilot, "99")
        await pilot.press("enter")
        await pilot.press("end")
        assert kit.forecast(table, "culture-pass") == "99"
        assert kit.comment_mark(table, "self-service-hours") == "✎"

        await pilot.press("ctrl+z")
        assert entry("culture-pass").forecast == "3,600 passes"
        assert kit.cursor(table) == (kit.row(table, "culture-pass"), "Q3")
        assert kit.forecast(table, "culture-pass") == "3,600 passes"
        assert "Forecast: 3,600 passes" in kit.detail(app)
        await pilot.press("ctrl+z")
        assert entry("self-service-hours").comment is None
        assert kit.cursor(table) == (kit.row(table, "self-service-hours"), "Q3")
        assert kit.comment_mark(table, "self-service-hours") == ""
        assert "Comment: –" in kit.detail(app)
        assert not doc.dirty and "unsaved" not in kit.header(app)

        await pilot.press("end", "ctrl+y")
        assert entry("self-service-hours").comment == "Hi"
        assert kit.cursor(table) == (kit.row(table, "self-service-hours"), "Q3")
        assert "Comment: Hi" in kit.detail(app)
        await pilot.press("ctrl+y")
        assert entry("culture-pass").forecast == "99"
        assert kit.cursor(table) == (kit.row(table, "culture-pass"), "Q3")
        assert kit.forecast(table, "culture-pass") == "99"

    kit.run(app, scenario, size=(160, 40))  # every goal in view


def test_undo_after_a_save_makes_the_file_unsaved_again(kit):
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        await pilot.press("space", "ctrl+s")
        await kit.settle(pilot)
        await pilot.press("escape")
        assert "unsaved" not in kit.header(app)
        await pilot.press("ctrl+z")
        assert doc.review.goal("reading-buddies").entry("Q3").status == "On track"
        assert doc.dirty and "* unsaved" in kit.header(app)
        await pilot.press("ctrl+y")
        assert not doc.dirty and "unsaved" not in kit.header(app)
        await pilot.press("ctrl+y")  # nothing more to redo
        assert "Nothing to redo" in kit.screen_text(app)

    kit.run(app, scenario, notifications=True)


def test_undo_with_nothing_to_undo_says_so(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        table = kit.table(app)
        before = kit.lines(table)
        await pilot.press("ctrl+z")
        assert "Nothing to undo" in kit.screen_text(app)  # in the status line
        assert kit.lines(table)[:10] == before[:10]  # the line above the keys took one

    kit.run(app, scenario, notifications=True)


# -- quitting ------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
def test_quit_without_changes_exits_at_once(kit, key):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("space", "ctrl+z")  # an edit undone is no change
        await pilot.press(key)
        assert app.return_code == 0

    kit.run(app, scenario)
    assert kit.path(EXAMPLE).read_bytes() == kit.original(EXAMPLE)


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
def test_quit_with_changes_asks_and_cancel_keeps_everything(kit, key):
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        table = kit.table(app)
        await pilot.press("space")
        await pilot.press(key)
        assert isinstance(app.screen, QuitDialog)
        screen = kit.screen_text(app)
        assert "Unsaved changes in:" in screen and "• example-en.toml" in screen
        assert "Save and quit (s)" in screen and "Discard changes (d)" in screen
        await pilot.click("#cancel")
        assert not isinstance(app.screen, QuitDialog)
        assert app.return_code is None
        await pilot.press(key, "escape")
        assert not isinstance(app.screen, QuitDialog)
        assert app.return_code is None
        assert doc.review.goal("reading-buddies").entry("Q3").status == "At risk"
        assert kit.cell(table, "reading-buddies", "Q3") == "◐"
        assert "* unsaved" in kit.header(app)
        await pilot.press("space")  # still working
        assert kit.cell(table, "reading-buddies", "Q3") == "○"

    kit.run(app, scenario)
    assert kit.path(EXAMPLE).read_bytes() == kit.original(EXAMPLE)


@pytest.mark.parametrize(("key", "answer"), [("q", "d"), ("ctrl+q", "#discard")])
def test_quit_and_discard_exits_without_writing(kit, key, answer):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("space", key)
        assert isinstance(app.screen, QuitDialog)
        if answer.startswith("#"):
            await pilot.click(answer)
        else:
            await pilot.press(answer)
        await kit.settle(pilot)
        assert app.return_code == 0

    kit.run(app, scenario)
    assert kit.path(EXAMPLE).read_bytes() == kit.original(EXAMPLE)
    assert app.documents[0].dirty  # the edit was there, and was dropped
    assert kit.extra_files() == []  # dropped for good: no recovery journal is left


@pytest.mark.parametrize(("key", "answer"), [("q", "s"), ("ctrl+q", "#save")])
def test_quit_and_save_writes_the_file_then_exits(kit, key, answer):
    path = kit.path(EXAMPLE)
    original = path.read_text(encoding="utf-8")
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("space", key)
        assert isinstance(app.screen, QuitDialog)
        if answer.startswith("#"):
            await pilot.click(answer)
        else:
            await pilot.press(answer)
        await kit.settle(pilot)
        assert app.return_code == 0

    kit.run(app, scenario)
    saved = path.read_text(encoding="utf-8")
    [(first, _, removed, added)] = changes(original, saved)
    assert (removed, added) == (['status = "On track"'], ['status = "At risk"'])
    assert first in period_table(original, "reading-buddies", "Q3")
    assert not app.documents[0].dirty
    assert kit.extra_files() == []
    assert_canonical(path)


def test_ctrl_q_while_writing_a_comment_does_not_lose_it(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("c")
        await kit.type(pilot, "Important")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_code is None
        assert isinstance(app.screen, QuitDialog)  # asked...
        assert app.screen.unsaved == ["the comment being written"]
        await pilot.press("escape")  # ...and kept on: back in the editor, the text as typed
        assert isinstance(app.screen, CommentEditor)
        assert app.screen.text.endswith("Important")
        await pilot.press("ctrl+s")  # apply
        comment = app.documents[0].review.goal("reading-buddies").entry("Q3").comment
        assert comment is not None and comment.endswith("Important")
        assert app.documents[0].dirty

    kit.run(app, scenario)


def test_a_file_with_toml_comments_warns_that_a_save_drops_them(kit):
    path = kit.path(EXAMPLE)
    path.write_text("# kept by hand: agreed in the March meeting\n" + path.read_text("utf-8"))
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.pause()
        screen = kit.screen_text(app)
        assert "TOML comment" in screen and "dropped" in screen

    kit.run(app, scenario, notifications=True)
