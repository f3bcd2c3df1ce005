"""A yes-or-no question, such as whether to drop a changed comment."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from goaltui.language import N_
from goaltui.text import clean
from goaltui.tui.dialogs import STYLES
from goaltui.tui.keys import Keyed, key
from goaltui.tui.speech import speech_of


class ConfirmDialog(Keyed, ModalScreen[bool]):
    """Answers True for yes; Escape answers no. The caller words the question and both
    answers, in the app's language."""

    CSS_PATH = STYLES

    def __init__(self, question: str, yes: str, no: str) -> None:
        super().__init__()
        self.question = question
        self.yes, self.no = yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(clean(self.question)), classes="question")  # may quote a name
            with Horizontal(classes="buttons"):
                yield Button(Text(f"{self.yes} (y)"), id="yes", variant="warning")
                yield Button(Text(f"{self.no} (n, esc)"), id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    @key("y", N_("Yes"), show=False)
    def action_yes(self) -> None:
        self.dismiss(True)

    @key("escape,n", N_("No"), show=False)
    def action_no(self) -> None:
        self.dismiss(False)


def close_or_ask(
    screen: ModalScreen[Any], changed: bool, question: str, close: Callable[[], None]
) -> None:
    """Escape in an editor: ``close`` at once if nothing was changed, else only once the
    reviewer has answered ``question`` with Discard: typed text is never dropped unasked."""
    if not changed:
        close()
        return

    def answered(discard: bool | None) -> None:
        if discard:
            close()

    w = speech_of(screen.app).w
    screen.app.push_screen(ConfirmDialog(question, w._("Discard"), w._("Keep editing")), answered)
