"""A question with a few answers, each on a button with its own key."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static
from textual.widgets.button import ButtonVariant

from goaltui.language import N_
from goaltui.text import clean
from goaltui.tui.dialogs import STYLES
from goaltui.tui.keys import Keyed, key


def clean_text(text: Text) -> Text:
    """``text`` without control characters (newlines and tabs stay), its styles kept: a
    question quotes names and values from outside, and is cleaned here, where it is shown."""
    edges = sorted({edge for span in text.spans for edge in (span.start, span.end)})
    cleaned = text.blank_copy()
    for piece in text.divide(edges):
        start = len(cleaned)
        cleaned.append(clean(piece.plain))
        for span in piece.spans:
            cleaned.stylize(span.style, start, len(cleaned))
    return cleaned


class ChoiceDialog(Keyed, ModalScreen[str]):
    """Answers the id of the chosen answer; Escape answers ``"cancel"``.

    ``answers`` are ``(id, label, key)``, the label in the app's language; a key of "" means
    no key of its own.
    """

    CSS_PATH = STYLES

    def __init__(self, message: Text, answers: Sequence[tuple[str, str, str]]) -> None:
        super().__init__()
        self.message = message
        self.answers = list(answers)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(clean_text(self.message), classes="question")
            with Horizontal(classes="buttons"):
                for answer, label, letter in self.answers:
                    shown = f"{label} ({letter})" if letter else label
                    variant: ButtonVariant = (
                        "error" if answer in ("discard", "reload", "overwrite") else "primary"
                    )
                    yield Button(Text(shown), id=answer, variant=variant)

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id or "cancel")

    def on_key(self, event: events.Key) -> None:
        for answer, _, letter in self.answers:
            if letter and letter != "esc" and event.key == letter:
                event.stop()
                self.dismiss(answer)
                return

    @key("escape", N_("Cancel"), show=False)
    def action_cancel(self) -> None:
        self.dismiss("cancel")
