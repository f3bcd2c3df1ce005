"""The screen as a meeting uses it: the comment first, columns that follow the cursor,
widths that only grow, keys that always answer, the current period set and saved."""

from __future__ import annotations

import json

import pytest

from goaltui.files.loading import load
from goaltui.files.recovery import journal_path
from goaltui.tui.dialogs.comment_editor import CommentEditor
from goaltui.tui.dialogs.summary_dialog import SummaryDialog
from goaltui.tui.ending import _print_saved
from goaltui.tui.themes import DARK, HIGH_CONTRAST
from goaltui.tui.widgets.detail_pane import DetailPane
from goaltui.tui.widgets.status_line import StatusLine

KUVA = "kuva-2021.toml"
EXAMPLE = "example-en.toml"
FIRST_Q3 = "Palvelukokonaisuudet ovat parhaillaan työstämässä työnjakokuvauksia."


def said(kit, app) -> str:
    line = kit.review_screen(app).query_one(StatusLine)
    return line.said if line.display else ""


def test_at_80x24_the_first_goals_q3_comment_is_on_screen_without_a_key(kit):
    app = kit.app(KUVA)

    async def scenario(pilot):
        screen = kit.screen_text(app)
        assert FIRST_Q3 in screen
        assert "Työnjakokuvaukset viedään lautakunnalle syksyn 2021 lopulla." in screen
        # status, forecast and comment come before the goal's standing texts
        detail = kit.detail(app)
        assert detail.startswith("Q3 Palveluja parannetaan")
        assert "Kuvaus" not in detail.split("Kommentti")[0]

    kit.run(app, scenario, size=(80, 24))


def test_the_pane_keeps_where_it_was_scrolled_for_each_goal(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        pane = kit.review_screen(app).query_one(DetailPane)
        pane.scroll_to(y=6, animate=False, immediate=True)
        await pilot.pause()
        assert pane.scroll_y == 6
        await pilot.press("j")
        await pilot.pause()
        assert pane.scroll_y == 0  # another goal: read from its top
        await pilot.press("k")
        await pilot.pause()
        await pilot.pause()
        assert pane.scroll_y == 6

    kit.run(app, scenario, size=(80, 24))


@pytest.mark.parametrize("name", [KUVA, EXAMPLE])
def test_objectives_are_never_cut_shorter_at_a_wider_terminal(kit, name):
    widths = [80, 100, 119, 120, 139, 140, 160, 200, 240]
    objectives = []
    for width in widths:
        app = kit.app(name)

        async def scenario(pilot, width=width, app=app):
            table = kit.table(app)
            objectives.append((width, table._layout().objective))

        kit.run(app, scenario, size=(width, 30))
    shown = [objective for _, objective in objectives]
    assert shown == sorted(shown), objectives


def test_finnish_labels_appear_at_200_columns(kit):
    app = kit.app(KUVA)

    async def scenario(pilot):
        table = kit.table(app)
        assert kit.cell(table, "palvelustrategia", "Q3") == "● Toteutuu"

    kit.run(app, scenario, size=(200, 60))


def test_the_forecast_and_comment_columns_follow_the_cursors_period(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        table = kit.table(app)
        goal = table.cursor_goal_id
        assert "forecast Q3" in table.render_line(0).text
        assert kit.forecast(table, goal) == "18 of 18"
        await pilot.press("h")
        assert "forecast Q2" in table.render_line(0).text
        assert kit.forecast(table, goal) == "15 of 18"
        await pilot.press("l", "l")  # Q4: nothing yet
        assert kit.forecast(table, goal) == ""
        assert kit.comment_mark(table, goal) == ""

    kit.run(app, scenario)


def test_undo_and_redo_say_what_they_changed_back(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        goal = kit.table(app).cursor_goal_id
        await pilot.press("space", "ctrl+z")
        assert said(kit, app).startswith("Undone: status of ")
        assert goal in said(kit, app) and "Q3" in said(kit, app)
        await pilot.press("ctrl+y")
        assert said(kit, app).startswith("Redone: status of ")

    kit.run(app, scenario)


def test_a_period_key_at_the_end_says_why_it_does_nothing(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert kit.table(app).current == "Q4"
        assert said(kit, app) == "Q4 is the last period"
        for _ in range(4):
            await pilot.press("left_square_bracket")
        assert said(kit, app) == "Q1 is the first period"

    kit.run(app, scenario)


def test_enter_opens_the_comment_editor(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("enter")
        assert isinstance(app.screen, CommentEditor)

    kit.run(app, scenario)


def test_an_empty_filter_result_says_so_and_how_to_clear_it(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("slash")
        await kit.type(pilot, "no such goal anywhere")
        await pilot.press("enter")
        table = kit.table(app)
        assert "No goal matches the filter: Esc clears it" in table.render_line(1).text
        await pilot.press("c")
        assert "Esc clears the filter" in said(kit, app)
        await pilot.press("escape")
        assert table.shown_goals == 26

    kit.run(app, scenario)


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
@pytest.mark.parametrize(
    ("name", "parts"),
    [
        (EXAMPLE, ("! needs a comment", "◆ binding", "✎ comment")),
        (KUVA, ("○ Ei toteudu", "! perustelu puuttuu", "◆ sitova", "✎ kommentti")),
    ],
)
def test_the_legend_explains_every_glyph(kit, size, name, parts):
    app = kit.app(name)

    async def scenario(pilot):
        table = kit.table(app)
        bottom = "\n".join(
            table.render_line(y).text for y in range(table.size.height - 3, table.size.height)
        )
        for part in parts[1:] if size[0] > 150 else parts:  # wide: labels in the cells
            assert part in bottom

    kit.run(app, scenario, size=size)


def test_one_key_switches_to_high_contrast_and_back(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("x")
        assert app.theme == HIGH_CONTRAST
        await pilot.press("x")
        assert app.theme == DARK

    kit.run(app, scenario)


def test_a_key_makes_the_selected_period_current_and_the_save_writes_it(kit, capsys):
    app = kit.app(KUVA)
    path = kit.path(KUVA)

    async def scenario(pilot):
        await pilot.press("right_square_bracket", "p")
        # the review is in Finnish: so are the words
        assert "Q4 on nyt tiedoston kuva-2021.toml tarkastelujakso" in said(kit, app)
        doc = kit.review_screen(app).doc
        assert doc.dirty
        journal = json.loads(journal_path(path).read_text(encoding="utf-8"))
        assert journal["edits"] == [
            {"goal": "", "period": "", "field": "current", "before": "Q3", "after": "Q4"}
        ]
        await pilot.press("ctrl+z")
        assert doc.review.current == "Q3" and not doc.dirty
        assert said(kit, app) == "Kumottu: tarkastelujakso Q4 → Q3"
        await pilot.press("ctrl+y", "ctrl+s")
        await kit.settle(pilot)
        assert isinstance(app.screen, SummaryDialog)
        assert [s.period for s in app.screen.summaries] == ["Q4"]
        assert load(path).review.current == "Q4"
        assert 'current = "Q4"' in path.read_text(encoding="utf-8")

    kit.run(app, scenario)
    capsys.readouterr()
    _print_saved(app.documents, app.speech.w)  # what the terminal keeps after the app
    printed = capsys.readouterr().out
    assert "Q4" in printed and "Q3" not in printed.split("\n")[0:3][-1]


def test_the_summary_at_exit_is_about_the_period_the_save_showed(kit, capsys):
    app = kit.app(KUVA)

    async def scenario(pilot):
        await pilot.press("right_square_bracket", "space", "ctrl+s")
        await kit.settle(pilot)
        assert [s.period for s in app.screen.summaries] == ["Q4"]

    kit.run(app, scenario)
    [doc] = app.documents
    assert doc.last_saved_period == "Q4"
    assert doc.last_saved_review is not None and doc.last_saved_review.current == "Q3"


def test_the_summary_dialog_puts_attention_first_and_wraps_its_lines(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("j", "space", "ctrl+s")
        await kit.settle(pilot)
        assert isinstance(app.screen, SummaryDialog)
        lines = kit.screen_text(app).splitlines()
        at = next(i for i, line in enumerate(lines) if "Attention (Q3)" in line)
        assert at < 12  # right after the heading, not after the goals
        worsened = next(i for i, line in enumerate(lines) if "▼ worsened" in line)
        assert "…" not in lines[worsened]  # wrapped, not cut
        mark = lines[worsened].index("▼")
        after = lines[worsened + 1]
        assert after[mark : mark + 2].strip() == ""  # the wrapped line starts under the text
        assert after[mark + 2 :].strip()

    kit.run(app, scenario, size=(80, 24))


def test_the_help_lists_only_goaltuis_own_actions_with_their_ids(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("question_mark")
        screen = kit.screen_text(app)
        for textual_own in ("Focus Next", "Copy selected text", "Focus Previous"):
            assert textual_own not in screen
        assert screen.count("ctrl+p") <= 1
        assert "comment" in screen and "make-current" in screen

    kit.run(app, scenario, size=(120, 40))


async def palette(pilot, kit, text: str) -> None:
    await pilot.press("ctrl+p")
    await kit.type(pilot, text)
    await pilot.pause(0.5)


def test_the_palette_goes_to_a_goal_by_its_id_or_words(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await palette(pilot, kit, "swim")
        await pilot.press("enter")
        await pilot.pause()
        assert kit.table(app).cursor_goal_id == "swimming-skills"

    kit.run(app, scenario)


def test_the_palette_switches_to_high_contrast_and_finds_light(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await palette(pilot, kit, "high contrast")
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == HIGH_CONTRAST
        await palette(pilot, kit, "light")
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "goaltui-light"

    kit.run(app, scenario)


def test_the_palette_screenshot_says_where_the_svg_went(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await palette(pilot, kit, "screenshot")
        await pilot.press("enter")
        await pilot.pause()
        message = said(kit, app)
        assert message.startswith("Screenshot saved: ")
        path = kit.folder / message.removeprefix("Screenshot saved: ").split("/")[-1]
        assert path.read_text(encoding="utf-8").startswith("<svg")

    kit.run(app, scenario)


def test_the_palette_sets_a_status_and_shows_a_period(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        table = kit.table(app)
        goal = table.cursor_goal_id
        await palette(pilot, kit, "Set status: Off track")
        await pilot.press("enter")
        await pilot.pause()
        assert table.review.goal(goal).status_in("Q3") == "Off track"
        await palette(pilot, kit, "Show period Q1")
        await pilot.press("enter")
        await pilot.pause()
        assert table.current == "Q1"

    kit.run(app, scenario)
