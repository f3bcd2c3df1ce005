"""The summary dialog after a save is drawn in the save's thread, with pauses, as Rich would
draw it; a summary longer than the screen comes in two frames, and then is all there."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from goaltui.files.loading import load
from goaltui.outputs.summary import summarize
from goaltui.tui.dialogs.summary_dialog import SummaryDialog, summary_content

EXAMPLE = "example-en.toml"
KUVA = Path(__file__).resolve().parents[2] / "data" / "kuva-2021.toml"


def test_the_summary_drawn_with_pauses_is_what_rich_draws():
    review = load(KUVA).review
    summary = summarize(review, KUVA, review.current_period(), "fi")
    console = Console(width=120, force_terminal=True, color_system="truecolor")
    calls: list[int] = []
    for width in (40, 77, 106):
        options = console.options.update_width(width)
        content = summary_content([summary])
        calls.clear()
        content.prepare(console, options, lambda: calls.append(1))
        drawn = list(content.__rich_console__(console, options))
        expected = console.render_lines(content.renderable, options, pad=False)
        assert calls
        assert drawn == [s for line in expected for s in (*line, drawn[0].line())]
        assert content.taller_than(len(expected) - 1) and not content.taller_than(len(expected))


def test_a_summary_taller_than_the_screen_is_shown_whole_soon_after(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("space")
        await pilot.press("ctrl+s")
        await kit.settle(pilot)
        assert isinstance(app.screen, SummaryDialog)
        assert "Saved example-en.toml." in kit.screen_text(app)
        await pilot.pause(0.2)
        await pilot.press("end")
        await pilot.pause()
        assert "binding" in kit.screen_text(app).split("Saved")[-1]  # the legend, at the end

    kit.run(app, scenario, size=(100, 16))
