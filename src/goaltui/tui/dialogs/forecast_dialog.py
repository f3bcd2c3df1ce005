"""Editing the forecast of one goal in one period: Enter applies, Escape cancels (asking
first if the forecast was changed).

What is typed is journaled as a draft while it is written (see :mod:`goaltui.tui.drafts`).
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from goaltui.language import N_
from goaltui.text import clean_line
from goaltui.tui.dialogs import STYLES
from goaltui.tui.dialogs.confirm_dialog import close_or_ask
from goaltui.tui.drafts import DraftKeeper, Keep
from goaltui.tui.keys import Keyed, key
from goaltui.tui.speech import speech_of


class ForecastDialog(Keyed, ModalScreen[None]):
    """Enter (or ctrl+s) hands a changed forecast to ``on_apply`` and closes; Escape cancels.

    An empty forecast clears it.
    """

    CSS_PATH = STYLES

    what = "forecast"  # for the quit dialog: "the forecast being written"

    def __init__(
        self,
        title: str,
        forecast: str | None,
        on_apply: Callable[[str], None],
        keep: Keep | None = None,
        draft: str | None = None,
        language: str = "",
    ) -> None:
        super().__init__()
        self.heading = title
        self.language = language  # the language the forecast is written in, said under it
        self.forecast = clean_line(forecast or "")
        self.start = self.forecast if draft is None else clean_line(draft)
        self.on_apply = on_apply
        self.drafts = DraftKeeper(self, self._draft, keep)

    def compose(self) -> ComposeResult:
        w = speech_of(self.app).w
        with Vertical(classes="dialog"):
            yield Static(Text(clean_line(self.heading), style="bold"), classes="title")
            # Translators: the example in the empty forecast field
            yield Input(self.start, placeholder=w._("e.g. 100 %"), id="forecast")
            hint = w._("Enter apply · Esc cancel")
            if self.language:
                hint = w._("In {language} · ").format(language=self.language) + hint
            yield Static(Text(hint), classes="hint")

    @property
    def changed(self) -> bool:
        return self.query_one(Input).value != self.forecast

    def _draft(self) -> str | None:
        return self.query_one(Input).value if self.changed else None

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.drafts.typed()

    def on_screen_suspend(self) -> None:  # a dialog opens over the editor
        self.drafts.now()

    def commit(self) -> None:
        """Hand over the forecast if it was changed (an untouched one makes no edit)."""
        if self.changed:
            self.forecast = self.query_one(Input).value
            self.on_apply(self.forecast)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_apply()

    @key("ctrl+s", N_("Apply"), priority=True)
    def action_apply(self) -> None:
        self.commit()
        self.close()

    @key("escape", N_("Cancel"))
    def action_cancel(self) -> None:
        question = speech_of(self.app).w._("Discard your changes to this forecast?")
        close_or_ask(self, self.changed, question, self.close)

    def close(self) -> None:
        self.drafts.close()
        self.dismiss(None)
