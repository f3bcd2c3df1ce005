"""Contrast you can measure: every character on screen against the background it is drawn on.

The screen is read as the terminal gets it (Textual's compositor, after the theme's colours,
the table's styles and the statuses' shades are applied) in every theme goaltui offers, at
the sizes a meeting uses, with the cursor on and off the current period, on theme headings,
the unexplained mark, the legend and the footer. Text and symbols need WCAG 2.1 AA, 4.5:1;
borders and scrollbars, which are no text, 3:1 (WCAG 1.4.11). While a dialog is open the
screen behind it is inactive (WCAG exempts it): the dialog itself is measured.
"""

from __future__ import annotations

import pytest
from rich.segment import Segment
from rich.style import Style

from goaltui.tui.contrast import MINIMUM, contrast, luminance, readable, rgb
from goaltui.tui.screens.review_screen import ReviewScreen
from goaltui.tui.themes import DARK, HIGH_CONTRAST, LIGHT, THEMES

GRAPHICS = MINIMUM_GRAPHICS = 3.0


def is_graphic(text: str) -> bool:
    """Box drawing and block elements: borders, scrollbars, the pane's edge."""
    return all("\u2500" <= char <= "\u259f" or char.isspace() for char in text)


def poor(app, theme: str) -> list[str]:
    """Each piece of screen under its minimum: where, the ratio, the colours, the text."""
    screen = app.screen
    region = screen.region
    if not isinstance(screen, ReviewScreen):
        region = screen.query_one(".dialog").region
    found = []
    for y, strip in enumerate(screen._compositor.render_strips()):
        x = 0
        for segment in strip:
            here, x = x, x + segment.cell_length
            if not segment.text.strip() or not (region.y <= y < region.bottom):
                continue
            if here + segment.cell_length <= region.x or here >= region.right:
                continue
            found += _measure(segment, theme, y)
    return found


def _measure(segment: Segment, theme: str, y: int) -> list[str]:
    style = segment.style or Style()
    if style.color is None or style.bgcolor is None or style.dim:
        return [f"{theme} line {y}: {segment.text!r} has no colour of its own ({style})"]
    fg, bg = rgb(style.color), rgb(style.bgcolor)
    if style.reverse:
        fg, bg = bg, fg
    ratio = contrast(fg, bg)
    need = MINIMUM_GRAPHICS if is_graphic(segment.text) else MINIMUM
    if ratio >= need:
        return []
    return [f"{theme} line {y}: {ratio:.2f}:1 {fg} on {bg} {segment.text.strip()[:30]!r}"]


def test_contrast_ratio_as_wcag_defines_it():
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert contrast((255, 255, 255), (255, 255, 255)) == 1
    assert contrast((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)
    assert luminance((255, 0, 0)) == pytest.approx(0.2126)


def test_a_status_colour_is_shaded_until_readable():
    green, dark, light = (0, 128, 0), (26, 26, 26), (255, 255, 255)
    on_dark, on_light = readable(green, [dark]), readable(green, [light])
    assert contrast(green, dark) < MINIMUM <= contrast(on_dark, dark)
    assert contrast(on_light, light) >= MINIMUM
    assert on_dark[1] > on_dark[0] and on_dark[1] > on_dark[2]  # still green


def test_goaltui_offers_its_three_themes_only(kit):
    app = kit.app("example-en.toml")

    async def scenario(pilot):
        assert set(app.available_themes) == {theme.name for theme in THEMES}
        assert app.theme == DARK

    kit.run(app, scenario)


SCENES = {
    "opened": [],
    "cursor off the current period": ["h", "j", "j"],
    "cursor on an unexplained status": ["j", "j", "j", "j", "j", "j", "h"],
    "next period": ["right_square_bracket", "k"],
    "filtered by status": ["s"],
}


@pytest.mark.parametrize("theme", [DARK, LIGHT, HIGH_CONTRAST])
@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])
@pytest.mark.parametrize("name", ["example-en.toml", "kuva-2021.toml"])
def test_every_character_on_the_review_screen_is_readable(kit, theme, size, name):
    app = kit.app(name)
    problems: list[str] = []

    async def scenario(pilot):
        app.theme = theme
        for scene, keys in SCENES.items():
            await pilot.press(*keys)
            await pilot.pause()
            problems.extend(f"{scene}: {p}" for p in poor(app, theme))
            await pilot.press("escape", "home")  # back to the first goal, current period
            table = app.screen.table
            table.move_to(table.cursor_goal_id, table.review.current_period())

    kit.run(app, scenario, size=size)
    assert problems == []


@pytest.mark.parametrize("theme", [DARK, LIGHT, HIGH_CONTRAST])
@pytest.mark.parametrize("keys", [["question_mark"], ["c"], ["j", "1", "ctrl+s"]])
def test_every_character_of_a_dialog_is_readable(kit, theme, keys):
    app = kit.app("example-en.toml")
    problems: list[str] = []

    async def scenario(pilot):
        app.theme = theme
        await pilot.press(*keys)
        await kit.settle(pilot)
        assert not isinstance(app.screen, ReviewScreen)
        problems.extend(poor(app, theme))

    kit.run(app, scenario, size=(120, 40))
    assert problems == []
