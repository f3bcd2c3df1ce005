"""Editing the forecast of one goal in one period: Enter applies, Escape cancels."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from goaltui.text import clean_line
from goaltui.tui.keys import Keyed, key


class ForecastDialog(Keyed, ModalScreen[str | None]):
    """Answers the new forecast ("" clears it), or None when cancelled."""

    def __init__(self, title: str, forecast: str | None) -> None:
        super().__init__()
        self.heading = title
        self.forecast = clean_line(forecast or "")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(clean_line(self.heading), style="bold"), classes="title")
            yield Input(self.forecast, placeholder="e.g. 100 %", id="forecast")
            yield Static(Text("Enter apply · Esc cancel", style="dim"), classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_apply()

    @key("ctrl+s", "Apply", priority=True)
    def action_apply(self) -> None:
        """Answer the new forecast; an untouched one answers None, so no edit is made."""
        value = self.query_one(Input).value
        self.dismiss(value if value != self.forecast else None)

    @key("escape", "Cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
