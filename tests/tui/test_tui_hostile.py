"""Text from a review file is data: markup shows as typed, terminal control never gets out.

The file below puts Rich/Textual markup ("[red]x[/blue]", a stray closing tag "oops [/x]", an
action link "[@click=app.quit]x[/]") and terminal control (ESC, written as TOML escapes, and the
8-bit CSI U+009B) in every text the app shows.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
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


# -- names and journal values from outside ------------------------------------------------------

EVIL_NAME = "evil\x1b]0;PWNED\x07.toml"  # a name that sets the terminal's title when printed
EVIL_VALUE = "\x1b]0;PWNED\x07Q9"


def test_a_damaged_journal_of_a_file_with_an_escape_in_its_name_is_reported_clean(kit):
    (kit.folder / EVIL_NAME).write_bytes(kit.path("example-en.toml").read_bytes())
    journal = kit.folder / f".{EVIL_NAME}.goaltui-recovery.json"
    journal.write_text('{"goaltui_recovery": 1, "edits": [', encoding="utf-8")
    app = kit.app(EVIL_NAME)

    async def scenario(pilot):
        [note] = list(app._notifications)
        assert "damaged recovery journal" in note.message
        assert_clean(note.message)
        assert "evil]0;PWNED.toml" in note.message
        assert_clean(kit.screen_text(app))

    kit.run(app, scenario, notifications=True)


def test_journal_values_that_cannot_be_restored_are_listed_clean(kit):
    path = kit.path("example-en.toml")
    journal = kit.folder / ".example-en.toml.goaltui-recovery.json"
    journal.write_text(
        json.dumps(
            {
                "goaltui_recovery": 1,
                "file": "example-en.toml",
                "sha256": "0" * 64,
                "written": "2026-01-01T00:00:00+00:00",
                "edits": [
                    {
                        "goal": "reading-buddies",
                        "period": EVIL_VALUE,
                        "field": "status",
                        "before": None,
                        "after": "On track",
                    },
                    {
                        "goal": "reading-buddies",
                        "period": "Q3",
                        "field": "status",
                        "before": "On track",
                        "after": EVIL_VALUE,
                    },
                ],
            }
        ),
        encoding="utf-8",
    )
    app = kit.app("example-en.toml")

    async def scenario(pilot):
        await pilot.press("r")  # restore: neither edit can be re-applied
        await kit.settle(pilot)
        screen = kit.screen_text(app)
        assert "These edits cannot be re-applied" in screen
        assert "status → On track: the period ]0;PWNEDQ9 is no longer in the" in screen
        assert 'status → ]0;PWNEDQ9: the status "]0;PWNEDQ9" is no longer in the' in screen
        assert_clean(screen)

    kit.run(app, scenario)
    assert path.read_bytes() == kit.original("example-en.toml")


def test_a_draft_for_a_goal_id_with_an_escape_is_shown_clean(kit):
    from goaltui.files import recovery
    from goaltui.files.document import Document

    doc = Document.open(Path("example-en.toml"))
    doc.keep_draft(recovery.Draft(f"gone{EVIL_VALUE}", "Q3", "comment", f"Text{EVIL_VALUE}"))
    app = kit.app("example-en.toml")

    async def scenario(pilot):
        assert_clean(kit.screen_text(app))
        await pilot.press("r")
        await pilot.pause()
        [note] = list(app._notifications)
        assert note.message.endswith("Your text:\nText]0;PWNEDQ9")
        assert_clean(note.message)

    kit.run(app, scenario, notifications=True)


def test_a_keymap_key_with_control_characters_is_refused(kit, monkeypatch):
    from goaltui.files.problems import ReviewError
    from goaltui.tui.app import remappable
    from goaltui.tui.keymap import binding_ids, load_keymap

    keymap = kit.folder / "keymap.toml"
    keymap.write_text('[keys]\nundo = "u\\u001b]0;PWNED\\u0007"\n', encoding="utf-8")
    monkeypatch.setenv("GOALTUI_KEYMAP", str(keymap))
    with pytest.raises(ReviewError) as raised:
        load_keymap(binding_ids(remappable()))
    [problem] = raised.value.problems
    assert problem.field == "keys.undo" and problem.line == 2
    assert "must be a key" in str(problem)


def test_a_question_quoting_text_from_outside_is_shown_clean_with_its_styles(kit):
    from rich.text import Text

    from goaltui.tui.dialogs.choice_dialog import ChoiceDialog
    from goaltui.tui.dialogs.confirm_dialog import ConfirmDialog

    app = kit.app("example-en.toml")

    async def scenario(pilot):
        message = Text(f"{EVIL_NAME}: ", style="bold")
        message.append(f"changed\x1b[2J {EVIL_VALUE}", style="italic")
        app.push_screen(ChoiceDialog(message, [("ok", "OK", "o")]))
        await pilot.pause()
        screen = kit.screen_text(app)
        assert "evil]0;PWNED.toml: changed[2J ]0;PWNEDQ9" in screen
        assert_clean(screen)
        assert all(style.bold for style in kit.styles_of(app, "PWNED.toml:"))
        assert all(style.italic for style in kit.styles_of(app, "changed[2J"))
        await pilot.press("o")
        app.push_screen(ConfirmDialog(f"Drop {EVIL_NAME}?", "Yes", "No"))
        await pilot.pause()
        assert "Drop evil]0;PWNED.toml?" in kit.screen_text(app)
        assert_clean(kit.screen_text(app))

    kit.run(app, scenario)
