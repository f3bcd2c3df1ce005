"""Textual's command palette, speaking the app's language: its placeholder and its "no
matches" line are goaltui's words (the commands themselves come from the app)."""

from __future__ import annotations

from rich.text import Text
from textual.command import CommandList, CommandPalette, ProviderSource
from textual.widgets.option_list import Option

from goaltui.language import Words
from goaltui.tui.dialogs import STYLES


class SpokenPalette(CommandPalette):
    """The palette of commands (``providers``: the app's), or of a choice such as the theme."""

    CSS_PATH = STYLES

    def __init__(
        self,
        w: Words,
        providers: ProviderSource | None = None,
        *,
        placeholder: str | None = None,
        id: str | None = None,
    ) -> None:
        self.w = w
        shown = w._("Search for commands…") if placeholder is None else placeholder
        super().__init__(providers, placeholder=shown, id=id)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """Say that nothing matches, in the app's language, once the search has had a while."""
        self._stop_no_matches_countdown()

        def say() -> None:
            if not search_value:  # the commands on offer, with nothing typed: nothing to say
                self._list_visible = False
                return
            none = Text(self.w._("No command matches"), style="not bold", justify="center")
            self.query_one(CommandList).add_option(Option(none, disabled=True, id=self._NO_MATCHES))
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, say)
