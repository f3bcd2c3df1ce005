"""The goaltui app: a thin shell around the review screen."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar

from rich.console import RenderableType
from textual.app import App
from textual.driver import Driver
from textual.notifications import SeverityLevel

from goaltui.files.document import Document
from goaltui.text import clean, clean_line
from goaltui.tui import signals
from goaltui.tui.dialogs.comment_editor import CommentEditor
from goaltui.tui.dialogs.forecast_dialog import ForecastDialog
from goaltui.tui.dialogs.quit_dialog import QuitAnswer
from goaltui.tui.screens.review_screen import ReviewScreen

if TYPE_CHECKING:
    from goaltui.files.changes import Baseline

STYLES = Path(__file__).parent / "styles"


class GoalApp(App[QuitAnswer | None]):
    """Opens review documents on the review screen; quitting asks about unsaved edits."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [STYLES / "app.tcss", STYLES / "dialogs.tcss"]
    TITLE = "goaltui"
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        documents: Sequence[Document],
        keymap: Mapping[str, str] | None = None,
        baseline: Baseline | None = None,
    ) -> None:
        super().__init__()
        self.documents = list(documents)
        self.baseline = baseline  # goaltui --since REV
        if keymap:
            self.set_keymap(dict(keymap))

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
        return [s for s in self.screen_stack if isinstance(s, CommentEditor | ForecastDialog)]

    @property
    def review_screen(self) -> ReviewScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, ReviewScreen):
                return screen
        return None

    async def action_quit(self) -> None:  # ctrl+q, from App's own bindings
        screen = self.review_screen
        if screen is not None:
            screen.request_quit()
        else:
            self.exit()


def remappable() -> list[type]:
    """The classes whose key bindings a keymap file may change."""
    from goaltui.tui.widgets.goal_table import GoalTable

    return [ReviewScreen, GoalTable, CommentEditor, ForecastDialog]
