"""The goaltui app: a thin shell around the review screen."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path, PurePath
from typing import ClassVar

from textual.app import App

from goaltui.files.document import Document
from goaltui.tui.screens.review_screen import ReviewScreen

STYLES = Path(__file__).parent / "styles"


class GoalApp(App[None]):
    """Opens review documents on the review screen; quitting asks about unsaved edits."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [STYLES / "app.tcss", STYLES / "dialogs.tcss"]
    TITLE = "goaltui"
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self, documents: Sequence[Document], keymap: Mapping[str, str] | None = None
    ) -> None:
        super().__init__()
        self.documents = list(documents)
        if keymap:
            self.set_keymap(dict(keymap))

    def on_mount(self) -> None:
        self.push_screen(ReviewScreen(self.documents))

    def on_app_focus(self) -> None:
        """Back from another window (a git pull, an editor): has a file changed on disk?"""
        screen = self.review_screen
        if screen is not None:
            screen.files.check_disk()

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
    from goaltui.tui.dialogs.comment_editor import CommentEditor
    from goaltui.tui.dialogs.forecast_dialog import ForecastDialog
    from goaltui.tui.widgets.goal_table import GoalTable

    return [ReviewScreen, GoalTable, CommentEditor, ForecastDialog]
