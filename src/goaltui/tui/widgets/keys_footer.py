"""The keys at the bottom of the screen, built again only when they change.

Textual's ``Footer`` builds its keys anew at every change of the active bindings: on start
that is half a dozen times (each screen, each focus), every time a few dozen widgets made,
styled and thrown away before the first frame. This one gathers the changes of one refresh
into one, and builds nothing when the keys it would show are the ones it shows.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    def __init__(self, *, show_command_palette: bool = True, compact: bool = False) -> None:
        super().__init__(show_command_palette=show_command_palette, compact=compact)
        self._pending = False
        self._shown: Hashable = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._pending:
            self._pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._pending = False
        shown = self._keys()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()

    def _keys(self) -> Hashable:
        """What the footer would show: every shown binding's key, words and state."""
        return tuple(
            (binding.key, binding.key_display, binding.description, binding.action, on, tip)
            for (_, binding, on, tip) in self.screen.active_bindings.values()
            if binding.show
        )
