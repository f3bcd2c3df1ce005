"""The command palette (ctrl+p): goaltui's own commands, in the language shown.

Textual's stock commands are offered in goaltui's words, but the screenshot goes to the
working folder (Textual's downloads folder may not exist), and the themes are those
measured readable (themes.py). A goal is found by its id or
by any word of its objective.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.command import Hit, Hits, Provider

from goaltui.text import clean_line
from goaltui.tui.speech import speech_of
from goaltui.tui.themes import DARK, HIGH_CONTRAST, LIGHT

if TYPE_CHECKING:
    from goaltui.tui.screens.review_screen import ReviewScreen


def _review_screen(app: object) -> ReviewScreen | None:
    from goaltui.tui.screens.review_screen import ReviewScreen

    stack = getattr(app, "screen_stack", [])
    return next((s for s in stack if isinstance(s, ReviewScreen)), None)


def system_commands(app: App[Any], on: object) -> Iterator[SystemCommand]:
    """The palette's commands, for the review shown now; ``on`` is the screen the palette
    was opened on. Textual's own first, in goaltui's words, then the meeting's."""
    w = speech_of(app).w
    screen = _review_screen(app)
    if screen is not None and on is screen:
        yield SystemCommand(w._("Keys"), w._("Every key and what it does"), screen.action_help)
        yield SystemCommand(
            w._("Language"),
            w._("Show the texts in the review's next language"),
            screen.action_switch_language,
        )
    change_theme = getattr(app, "action_change_theme", None)
    if change_theme is not None:
        yield SystemCommand(w._("Theme"), w._("Colours: light, dark and more"), change_theme)
    yield SystemCommand(
        w._("Screenshot"),
        w._("the screen as an SVG file in the working folder"),
        partial(screenshot, app),
    )
    quit_ = screen.request_quit if screen is not None else app.exit
    yield SystemCommand(w._("Quit"), w._("Quit, asking first about unsaved changes"), quit_)
    if screen is not None:
        yield from _meeting_commands(app, screen)


def _meeting_commands(app: App[Any], screen: ReviewScreen) -> Iterator[SystemCommand]:
    """The commands of a meeting: save, statuses, periods, filters, the themes by name."""
    w = screen.w
    review = screen.doc.review
    yield SystemCommand(w._("Save"), w._("Save every file with unsaved edits"), screen.action_save)
    here = w._("on the goal and period under the cursor")
    for number, status in enumerate(review.statuses[:9], 1):
        title = w._("Set status: {status}").format(status=clean_line(status.label))
        yield SystemCommand(title, here, partial(screen.action_set_status, number))
    for period in review.periods:
        title = w._("Show period {period}").format(period=clean_line(period))
        help_text = w._("the table's highlighted column and the summary on save")
        yield SystemCommand(title, help_text, partial(screen.show_period, period))
    yield SystemCommand(
        w._("Make the selected period current"),
        w._("the file's current period, saved with the other edits"),
        screen.action_make_current,
    )
    yield SystemCommand(
        w._("Filter goals by text"),
        w._("objective, theme, links, comments"),
        screen.action_filter_text,
    )
    yield SystemCommand(
        w._("Filter goals by status"), w._("each status in turn"), screen.action_filter_status
    )
    readable = w._("every text at least 4.5:1 on its background")
    for theme, title in (
        (DARK, w._("Theme: dark")),
        (LIGHT, w._("Theme: light")),
        (HIGH_CONTRAST, w._("Theme: high contrast, for projectors")),
    ):
        yield SystemCommand(title, readable, partial(setattr, app, "theme", theme))


def screenshot(app: App[Any]) -> None:
    """Save the screen as SVG in the working folder and say where it went."""
    screen = _review_screen(app)
    if screen is None:
        return
    w = screen.w
    try:
        path = app.save_screenshot(path=os.getcwd())
    except OSError as error:
        screen.say(
            w._("No screenshot: {reason}").format(reason=error.strerror or error), warning=True
        )
        return
    screen.say(w._("Screenshot saved: {path}").format(path=os.path.abspath(path)))


class GoalsProvider(Provider):
    """Go to a goal of the review shown, by its id or the words of its objective."""

    async def search(self, query: str) -> Hits:
        screen = _review_screen(self.app)
        if screen is None:
            return
        matcher = self.matcher(query)
        w = screen.w
        help_text = w._("go to this goal")
        for goal in screen.doc.review.goals:
            text = f"{clean_line(goal.id)}  {clean_line(goal.objective)}"
            score = matcher.match(text)
            if score > 0:
                jump = partial(screen.jump, goal.id)
                yield Hit(score, matcher.highlight(text), jump, text=text, help=help_text)
