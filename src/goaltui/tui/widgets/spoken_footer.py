"""Textual's footer, saying what each key does in the app's language.

A binding's description is an English message marked for the catalogue where it is declared
(``@key("c", N_("Comment"))``, tui/keys.py); the footer shows it translated.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from goaltui.tui.speech import speech_of


class SpokenFooter(Footer):
    def compose(self) -> ComposeResult:
        w = speech_of(self.app).w
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.description:
                widget.description = w._(widget.description)
                widget.tooltip = None  # Textual's own tooltips are English
            yield widget
