"""The footer of keys, saying what each key does in the app's language.

A binding's description is an English message marked for the catalogue where it is declared
(``@key("c", N_("Comment"))``, tui/keys.py); the footer shows it translated.
"""

from __future__ import annotations

from textual.binding import Binding

from goaltui.tui.speech import speech_of
from goaltui.tui.widgets.keys_footer import KeysFooter


class SpokenFooter(KeysFooter):
    def describe(self, binding: Binding) -> str:
        return speech_of(self.app).w._(binding.description) if binding.description else ""
