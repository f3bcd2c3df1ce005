"""Text from a review file is data: markup shows as typed, terminal control never gets out.

The file below puts Rich/Textual markup ("[red]x[/blue]", a stray closing tag "oops [/x]", an
action link "[@click=app.quit]x[/]") and terminal control (ESC, written as TOML escapes, and the
8-bit CSI U+009B) in every text the app shows.
"""

from __future__ import annotations

import re

from textual.widgets import TextArea

from goaltui.tui.dialogs.comment_editor import CommentEditor
from goaltui.tui.dialogs.forecast_dialog import ForecastDialog
from goaltui.tui.dialogs.summary_dialog import SummaryDialog

MARKUP = "[red]x[/blue]"
CLOSER = "oops [/x]"
LINK = "[@click=app.quit]x[/]"

HOSTILE = r"""[review]
title = "[red]x[/blue] oops [/x] [@click=app.quit]x[/] \u001b[31mtitle"
periods = ["Q1", "Q2"]
current = "Q2"

[[review.statuses]]
label = "[@click=app.quit]x[/]"
color = "red"
symbol = "[b]"

[[review.statuses]]
label = "oops [/x]"
symbol = "\u001b[31m!\u009b"
explain = true

[[goals]]
id = "hostile"
theme = "[@click=app.quit]x[/] \u001b[2Jtheme"
objective = "[red]x[/blue] \u001b]0;pwned\u0007objective"
links = ["[@click=app.quit]x[/]", "oops [/x]"]

[goals.periods.Q2]
status = "[@click=app.quit]x[/]"
forecast = "[red]x[/blue]\u001b[31m"
comment = "oops [/x] [@click=app.quit]x[/]\u001b[31m red\u009b"

[[goals]]
id = "markup-only"
objective = "Second goal"

[goals.periods.Q2]
status = "oops [/x]"
comment = "[red]x[/blue] oops [/x] [@click=app.quit]x[/]"
"""

NAME = "[b]hostile[i].toml"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def write_hostile(kit) -> None:
    kit.path(NAME).write_text(HOSTILE, encoding="utf-8")


def assert_clean(text: str) -> None:
    assert not CONTROL.findall(text), CONTROL.findall(text)


def test_hostile_text_shows_as_typed_and_clicking_it_does_nothing(kit):
    write_hostile(kit)
    app = kit.app(NAME)
    doc = app.documents[0]

    async def scenario(pilot):
        table = kit.table(app)
        screen = kit.screen_text(app)
        assert_clean(screen)
        for line in kit.lines(table):
            assert_clean(line)
        header = screen.splitlines()[0]
        assert f"{MARKUP} {CLOSER} {LINK} [31mtitle" in header
        assert NAME in header
        lines = kit.lines(table)
        assert lines[1].strip() == f"{LINK} [2Jtheme"
        assert lines[2][3:].startswith(f"{MARKUP} ]0;pwnedobjective")
        assert kit.cell(table, "hostile", "Q2") == "[b]"
        assert kit.forecast(table, "hostile").startswith("[red]x[/b")
        legend = lines[-1]
        assert f"[b] {LINK}" in legend and f"[31m! {CLOSER}" in legend
        detail = kit.detail(app)
        assert f"{LINK} · {CLOSER}" in detail  # links
        assert f"Status: [b] {LINK}" in detail
        assert f"Forecast: {MARKUP}[31m" in detail
        assert f"{CLOSER} {LINK}[31m red" in detail

        # hover over and click every link-looking text: nothing happens
        places = [
            (match.start() + 1, y)
            for y, row in enumerate(screen.splitlines())
            for match in re.finditer(re.escape("[@click"), row)
        ]
        assert len(places) >= 5  # header, theme heading, legend, detail pane (3)
        for place in places:
            await pilot.hover(offset=place)
            await pilot.click(offset=place)
            assert app.return_code is None
        await pilot.pause()
        assert app.return_code is None
        assert not doc.dirty
        assert_clean(kit.screen_text(app))
        assert LINK in kit.screen_text(app)

        # the forecast dialog shows the forecast as text, without control characters
        await pilot.press("f")
        assert isinstance(app.screen, ForecastDialog)
        screen = kit.screen_text(app)
        assert_clean(screen)
        assert f"Forecast Q2 · {MARKUP} ]0;pwnedobjective" in screen
        assert f"{MARKUP}[31m" in screen
        await pilot.press("escape")

        # the summary after ctrl+s shows them as text too
        await pilot.press("ctrl+s")
        await kit.settle(pilot)
        assert isinstance(app.screen, SummaryDialog)
        screen = kit.screen_text(app)
        assert_clean(screen)
        assert f"{MARKUP} {CLOSER} {LINK} [31mtitle" in screen
        assert f"{NAME} · current period Q2" in screen
        await pilot.press("escape")
        assert app.return_code is None

    kit.run(app, scenario)
    assert kit.path(NAME).read_text(encoding="utf-8") == HOSTILE  # nothing was saved


def test_the_comment_editor_shows_a_comment_with_markup_as_typed(kit):
    write_hostile(kit)
    app = kit.app(NAME)
    doc = app.documents[0]
    comment = f"{MARKUP} {CLOSER} {LINK}"

    async def scenario(pilot):
        await pilot.press("j", "c")  # the second goal: markup, no control characters
        assert isinstance(app.screen, CommentEditor)
        assert app.screen.query_one(TextArea).text == comment
        screen = kit.screen_text(app)
        assert comment in screen
        assert "Q2 · Second goal" in screen
        y = next(y for y, row in enumerate(screen.splitlines()) if comment in row)
        x = screen.splitlines()[y].index(LINK)
        await pilot.click(offset=(x + 1, y))
        assert app.return_code is None
        await pilot.press("ctrl+s")  # unchanged: no edit
        assert doc.review.goal("markup-only").entry("Q2").comment == comment
        assert not doc.dirty

    kit.run(app, scenario)


def test_the_comment_editor_does_not_write_control_characters_to_the_terminal(kit):
    """The editor holds the comment as read, ESC and U+009B included, and draws them.

    Seen in a real terminal (tmux): "c" on such a comment turns the text after it red, so the
    file's ESC [31m reached the terminal. docs/format.md: control characters are never written to
    a terminal. comment_editor.py:28 gives TextArea the raw comment; suggested fix: edit
    ``clean(comment)`` and, on ctrl+s, answer the original comment when the text is still
    ``clean(comment)``, so that opening and applying is no edit.
    """
    write_hostile(kit)
    app = kit.app(NAME)

    async def scenario(pilot):
        await pilot.press("c")
        assert isinstance(app.screen, CommentEditor)
        screen = kit.screen_text(app)
        assert f"{CLOSER} {LINK}" in screen
        assert_clean(screen)

    kit.run(app, scenario)


def test_enter_in_the_forecast_dialog_without_typing_is_no_edit(kit):
    write_hostile(kit)
    app = kit.app(NAME)
    doc = app.documents[0]

    async def scenario(pilot):
        await pilot.press("f", "enter")
        assert not isinstance(app.screen, ForecastDialog)
        assert doc.review.goal("hostile").entry("Q2").forecast == "[red]x[/blue]\x1b[31m"
        assert not doc.dirty

    kit.run(app, scenario)
