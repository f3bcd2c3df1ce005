"""Quitting with unsaved changes: save, discard or cancel."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from goaltui.language import N_
from goaltui.text import clean_line
from goaltui.tui.dialogs import STYLES
from goaltui.tui.keys import Keyed, key
from goaltui.tui.speech import speech_of

QuitAnswer = Literal["save", "discard", "cancel"]


class QuitDialog(Keyed, ModalScreen[QuitAnswer]):
    """Nothing is lost without an explicit "Discard"; Escape cancels."""

    CSS_PATH = STYLES

    def __init__(self, unsaved: Sequence[str]) -> None:
        super().__init__()
        self.unsaved = list(unsaved)

    def compose(self) -> ComposeResult:
        w = speech_of(self.app).w
        with Vertical(classes="dialog"):
            message = Text(w._("Unsaved changes in:") + "\n", style="bold")
            for name in self.unsaved:
                message.append(f"  • {clean_line(name)}\n", style="")
            message.append("\n" + w._("Save them before quitting?"))
            yield Static(message, classes="question")
            with Horizontal(classes="buttons"):
                save = w._("Save and quit (s)")
                yield Button(Text(save), id="save", variant="success")
                discard = w._("Discard changes (d)")
                yield Button(Text(discard), id="discard", variant="error")
                yield Button(Text(w._("Cancel (esc)")), id="cancel", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#save", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        match event.button.id:
            case "save" | "discard" | "cancel" as answer:
                self.dismiss(answer)

    @key("s", N_("Save and quit"))
    def action_save(self) -> None:
        self.dismiss("save")

    @key("d", N_("Discard changes"))
    def action_discard(self) -> None:
        self.dismiss("discard")

    @key("escape,c", N_("Cancel"))
    def action_cancel(self) -> None:
        self.dismiss("cancel")
