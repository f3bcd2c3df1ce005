"""The goaltui app: a thin shell around the review screen."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import RenderableType
from textual import events
from textual.app import App, SystemCommand
from textual.command import CommandPalette
from textual.dom import DOMNode
from textual.driver import Driver
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import ThemeProvider

from goaltui import language
from goaltui.files.document import Document
from goaltui.files.pacing import KEYS
from goaltui.text import clean, clean_line
from goaltui.tui import signals
from goaltui.tui.screens.editors import open_editors
from goaltui.tui.screens.review_screen import ReviewScreen
from goaltui.tui.speech import Speech
from goaltui.tui.themes import DARK, THEMES

if TYPE_CHECKING:
    from textual.command import Provider

    from goaltui.files.changes import Baseline
    from goaltui.tui.dialogs.comment_editor import CommentEditor
    from goaltui.tui.dialogs.forecast_dialog import ForecastDialog
    from goaltui.tui.dialogs.quit_dialog import QuitAnswer  # noqa: F401 (named in a string)

STYLES = Path(__file__).parent / "styles"


def _goals_provider() -> type[Provider]:
    """The palette's goals: imported when the palette first opens."""
    from goaltui.tui.commands import GoalsProvider

    return GoalsProvider


class GoalApp(App["QuitAnswer | None"]):
    """Opens review documents on the review screen; quitting asks about unsaved edits.

    It speaks ``language`` (default: the rule of docs/format.md for the review in front), and
    :meth:`speak` switches it; see :mod:`goaltui.tui.speech`. Textual's own words (the command
    palette's, its system commands) are replaced by goaltui's in that language.
    """

    # The dialogs' styles come with the first dialog shown (tui/dialogs/__init__.py).
    CSS_PATH: ClassVar[list[str | PurePath]] = [STYLES / "app.tcss"]
    TITLE = "goaltui"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {_goals_provider}

    def __init__(
        self,
        documents: Sequence[Document],
        keymap: Mapping[str, str] | None = None,
        language: str | None = None,
        baseline: Baseline | None = None,
    ) -> None:
        super().__init__()
        self.documents = list(documents)
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = DARK
        for name in list(self.available_themes):  # only themes measured readable are offered
            if name not in {theme.name for theme in THEMES}:
                self.unregister_theme(name)
        self.language = language  # --lang or $GOALTUI_LANG, given to every review
        self.baseline = baseline  # goaltui --since REV
        first = self.start_language(self.documents[0]) if self.documents else "en"
        self.speech = Speech.of(language or first)
        if keymap:
            self.set_keymap(dict(keymap))

    def start_language(self, doc: Document) -> str:
        """The language ``doc`` is shown in first: the app's, else its review's."""
        return self.language or _review_language(doc.review.language)

    def speak(self, code: str, *, announce: bool = True) -> None:
        """Show the reviews' texts in ``code``, and goaltui's words too where it speaks it;
        ``announce`` says so in a notification."""
        if code == self.speech.language:
            return
        self.speech = Speech.of(code, self.speech.w)
        screen = self.review_screen
        if screen is not None:
            screen.speech_changed(announce=announce)

    def get_driver_class(self) -> type[Driver]:
        """Textual's choice for this terminal, made to survive odd input (see driver.py)."""
        chosen = super().get_driver_class()
        if sys.platform == "win32":
            return chosen
        from goaltui.tui.driver import driver_for

        return driver_for(chosen)

    def panic(self, *renderables: RenderableType) -> None:
        """A crash in one of Textual's threads: the app ends as after any other crash."""
        self.exit(return_code=1)
        super().panic(*renderables)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification of the app: it may quote names, paths and values from outside,
        so it is cleaned here, once, and never read as markup."""
        message, title = clean(message), clean_line(title)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    async def on_event(self, event: events.Event) -> None:
        arriving = isinstance(event, events.InputEvent) and not event.is_forwarded
        await super().on_event(event)
        # An input event comes here as it arrives; a key that goes on to the focused widget
        # comes back as it bubbles up, once its bindings have run. Answered then, the frames
        # drawn next carry it, and the one written gives a save's pause back (driver.py).
        if isinstance(event, events.InputEvent) and not (
            arriving and isinstance(event, events.Key) and event.is_forwarded
        ):
            KEYS.answered(event)

    def on_mount(self) -> None:
        self.push_screen(ReviewScreen(self.documents, self.baseline))
        signals.attach(asyncio.get_running_loop(), self.stop_for_signal)

    def on_app_focus(self) -> None:
        """Back from another window (a git pull, an editor): has a file changed on disk?"""
        screen = self.review_screen
        if screen is not None:
            screen.files.check_disk()

    def on_app_blur(self) -> None:
        """Off to another window, maybe for good: journal the text being typed now."""
        for editor in self.editors:
            editor.drafts.now()

    def stop_for_signal(self, signum: int) -> None:
        """A signal ends the app: journal everything first, then close as quitting does."""
        self.on_app_blur()
        for doc in self.documents:
            if doc.unsaved:
                doc.write_journal()
        self.exit(return_code=signals.exit_code(signum))

    @property
    def editors(self) -> list[CommentEditor | ForecastDialog]:
        """The comment and forecast editors open, any of them maybe holding typed text."""
        return open_editors(self.screen_stack)

    @property
    def review_screen(self) -> ReviewScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, ReviewScreen):
                return screen
        return None

    # -- Textual's own commands, in goaltui's words -----------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """goaltui's commands (commands.py), Textual's own among them in goaltui's words."""
        from goaltui.tui.commands import system_commands

        return system_commands(self, screen)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            from goaltui.tui.dialogs.command_palette import SpokenPalette

            self.push_screen(SpokenPalette(self.speech.w, id="--command-palette"))

    def action_change_theme(self) -> None:
        from goaltui.tui.dialogs.command_palette import SpokenPalette

        w = self.speech.w
        self.push_screen(SpokenPalette(w, [ThemeProvider], placeholder=w._("Search for themes…")))

    def action_help_quit(self) -> None:  # ctrl+c, which quits many programs
        for key_name, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                w = self.speech.w
                said = w._("Press {key} to quit goaltui.").format(key=key_name)
                self.notify(said, title=w._("Do you want to quit?"))
                return

    async def action_quit(self) -> None:  # ctrl+q, from App's own bindings
        screen = self.review_screen
        if screen is not None:
            screen.request_quit()
        else:
            self.exit()


def _review_language(review_language: str | None) -> str:
    """The language of the app on a review whose ``language`` field is ``review_language``."""
    try:
        return language.review_language(review_language, option=language.lang_option())
    except language.UnknownLanguage as error:  # the command line has said so already
        return error.language


def remappable() -> list[type]:
    """The classes whose key bindings a keymap file may change."""
    from goaltui.tui.dialogs.comment_editor import CommentEditor
    from goaltui.tui.dialogs.forecast_dialog import ForecastDialog
    from goaltui.tui.screens.languages import LanguageScreen
    from goaltui.tui.screens.meeting import MeetingScreen
    from goaltui.tui.widgets.goal_table import GoalTable

    return [ReviewScreen, LanguageScreen, MeetingScreen, GoalTable, CommentEditor, ForecastDialog]


def together() -> list[list[type[DOMNode]]]:
    """The classes whose bindings answer at the same time: a keymap must not give one of
    them the key of another."""
    from goaltui.tui.dialogs.comment_editor import CommentEditor
    from goaltui.tui.dialogs.forecast_dialog import ForecastDialog
    from goaltui.tui.widgets.goal_table import GoalTable

    return [[GoalApp, ReviewScreen, GoalTable], [GoalApp, CommentEditor], [GoalApp, ForecastDialog]]
