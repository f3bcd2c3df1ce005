"""The filter line under the table: text typed after "/", and the status picked with "s"."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Static


class FilterBar(Horizontal):
    """Shows what the table is filtered by; the input is there while typing a filter."""

    @dataclass
    class Changed(Message):
        """The filter text changed (while typing)."""

        text: str

    @dataclass
    class Done(Message):
        """Typing ended: Enter keeps the filter, Escape clears it."""

        keep: bool

    def compose(self) -> ComposeResult:
        yield Static(id="filter-state")
        yield Input(placeholder="filter goals: objective, theme, links, comments", id="filter-text")

    def on_mount(self) -> None:
        self.query_one(Input).display = False

    def start_typing(self, text: str) -> None:
        field = self.query_one(Input)
        field.value = text
        field.display = True
        field.focus()

    def stop_typing(self) -> None:
        self.query_one(Input).display = False

    @property
    def typing(self) -> bool:
        return bool(self.query_one(Input).display)

    def describe(self, state: Text | None) -> None:
        """Say what is filtered; the bar hides when nothing is and nobody is typing."""
        self.query_one("#filter-state", Static).update(state or Text())
        self.display = state is not None or self.typing

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Done(keep=True))

    def on_key(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key == "escape" and self.typing:
            event.stop()
            event.prevent_default()
            self.post_message(self.Done(keep=False))
