"""The summary dialog after a save is drawn in the save's thread, not the one answering keys.

A summary of many goals takes tens of milliseconds to draw, and Textual asks for it several
times while laying out the dialog: drawn beforehand, the keys pressed during a save are not
kept waiting for it, and the dialog shows what it showed when drawn on the spot.
"""

from __future__ import annotations

import threading

import pytest

from goaltui.tui.dialogs.summary_dialog import DrawnOnce, SummaryDialog

EXAMPLE = "example-en.toml"


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (200, 60)])
def test_the_summary_after_a_save_is_drawn_beforehand_in_the_saves_thread(kit, monkeypatch, size):
    drawn: list[tuple[str, int]] = []
    real = DrawnOnce.prepare

    def prepare(self, console, options):
        drawn.append((threading.current_thread().name, options.max_width))
        real(self, console, options)

    monkeypatch.setattr(DrawnOnce, "prepare", prepare)
    app = kit.app(EXAMPLE)
    shown: list[str] = []

    async def scenario(pilot):
        await pilot.press("j", "1")
        await pilot.press("ctrl+s")
        await kit.settle(pilot)
        assert isinstance(app.screen, SummaryDialog)
        shown.append(kit.screen_text(app))

    kit.run(app, scenario, size=size)
    main = threading.main_thread().name
    assert drawn and all(thread != main for thread, _ in drawn), drawn  # never drawn on the spot
    assert "Saved example-en.toml." in shown[0]


def test_a_dialog_drawn_beforehand_shows_what_one_drawn_on_the_spot_shows(kit):
    app = kit.app(EXAMPLE)
    screens: list[str] = []

    async def scenario(pilot):
        await pilot.press("j", "1")
        await pilot.press("ctrl+s")
        await kit.settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SummaryDialog)
        screens.append(kit.screen_text(app))
        await pilot.press("escape")
        await kit.settle(pilot)
        app.push_screen(SummaryDialog(dialog.summaries, dialog.note))  # drawn when shown
        await kit.settle(pilot)
        screens.append(kit.screen_text(app))

    kit.run(app, scenario)
    assert screens[0] == screens[1]
