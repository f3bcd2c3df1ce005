"""SVG snapshots of the screens a reviewer sees (pytest-textual-snapshot).

The app runs on a copy of example-en.toml opened by its relative name from the test's own
folder, so the pictures hold no temporary path. After a deliberate change of the look, run
``pytest tests/tui/test_tui_snapshots.py --snapshot-update`` and look at the new SVGs.
"""

from __future__ import annotations

import pytest

EXAMPLE = "example-en.toml"


async def save_and_wait(pilot) -> None:
    await pilot.press("j", "1", "ctrl+s")  # library-visits, Q3: At risk -> On track; save
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def test_main_screen(kit, snap_compare):
    """The review at 120x40: table with marks and legend, detail pane on the right."""
    assert snap_compare(kit.app(EXAMPLE), terminal_size=(120, 40))


def test_comment_editor(kit, snap_compare):
    """The comment editor ("c") on the first goal's Q3 comment."""
    assert snap_compare(kit.app(EXAMPLE), press=["c"], terminal_size=(120, 40))


def test_summary_after_save(kit, snap_compare):
    """ctrl+s after one edit: "Saved example-en.toml." and the summary of the saved file."""
    assert snap_compare(kit.app(EXAMPLE), run_before=save_and_wait, terminal_size=(120, 40))


def test_help_dialog(kit, snap_compare):
    """The help ("?"): every key."""
    assert snap_compare(kit.app(EXAMPLE), press=["question_mark"], terminal_size=(120, 40))


def test_quit_dialog(kit, snap_compare):
    """q after an edit: save, discard or cancel."""
    assert snap_compare(kit.app(EXAMPLE), press=["space", "q"], terminal_size=(120, 40))


def test_main_screen_narrow(kit, snap_compare):
    """80x24: the detail pane under the table, status marks with a legend line."""
    assert snap_compare(kit.app(EXAMPLE), terminal_size=(80, 24))


THEMES = ["goaltui-dark", "goaltui-light", "goaltui-high-contrast"]


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
def test_meeting_screen_in_each_theme(kit, snap_compare, theme, size):
    """The Helsinki review as a meeting sees it: the comment in the pane, the legend, and
    the cursor on the first goal's current period."""

    async def in_theme(pilot) -> None:
        pilot.app.theme = theme
        await pilot.pause()

    assert snap_compare(kit.app("kuva-2021.toml"), run_before=in_theme, terminal_size=size)


@pytest.mark.parametrize("theme", THEMES)
def test_unexplained_status_under_the_cursor_in_each_theme(kit, snap_compare, theme):
    """80x24 on example-en: the cursor on neighbourhood-culture's Q2, Off track and "!"."""

    async def in_theme(pilot) -> None:
        pilot.app.theme = theme
        await pilot.press(*["j"] * 6, "h")
        await pilot.pause()

    assert snap_compare(kit.app(EXAMPLE), run_before=in_theme, terminal_size=(80, 24))


# -- in Finnish and Swedish: the Helsinki review, in its own language and its translation ------

KUVA = "kuva-2021.toml"


def kuva_app(language: str):
    from pathlib import Path

    from goaltui.files.document import Document
    from goaltui.tui.app import GoalApp

    return GoalApp([Document.open(Path(KUVA))], language=language)


def test_main_screen_in_finnish(kit, snap_compare):
    """kuva-2021.toml as a Finnish reviewer sees it: every word Finnish, the footer too."""
    assert snap_compare(kuva_app("fi"), terminal_size=(120, 40))


def test_main_screen_in_swedish(kit, snap_compare):
    """The same review with --lang sv: the goals' Swedish texts, Swedish words everywhere."""
    assert snap_compare(kuva_app("sv"), terminal_size=(120, 40))


def test_quit_dialog_in_finnish(kit, snap_compare):
    assert snap_compare(kuva_app("fi"), press=["space", "q"], terminal_size=(120, 40))


def test_quit_dialog_in_swedish(kit, snap_compare):
    assert snap_compare(kuva_app("sv"), press=["space", "q"], terminal_size=(120, 40))


async def to_museum(pilot) -> None:
    """The cursor on museum-class-visits: On track in Q3 while its indicator falls short."""
    await pilot.press(*"jjjjj")
    await pilot.pause()


def test_row_with_indicators(kit, snap_compare):
    """Rows with indicators met ("1/1", "0/1", "1/2") and the contradiction mark "≠"; the
    detail pane lists the goal's indicator; the header its due date."""
    assert snap_compare(kit.app(EXAMPLE), run_before=to_museum, terminal_size=(120, 40))


def test_indicator_editor(kit, snap_compare):
    """The indicator editor ("i") on museum-class-visits in Q3, with the status suggested."""

    async def open_editor(pilot) -> None:
        await to_museum(pilot)
        await pilot.press("i")
        await pilot.pause()

    assert snap_compare(kit.app(EXAMPLE), run_before=open_editor, terminal_size=(120, 40))
