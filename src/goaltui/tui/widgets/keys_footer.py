"""The keys at the bottom of the screen: one line, drawn by one widget.

Textual's ``Footer`` is a container of one widget per key, composed again whenever the active
bindings change: on start that is a few dozen widgets made, styled and laid out after the
first frame, and more frames until they stand. This footer draws the same line itself from
the screen's active bindings and is repainted only when what it shows changes. As on
Textual's, a click on a key presses it, and the key under the mouse is lit.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import ClassVar, NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget


class Shown(NamedTuple):
    """One key on the line: where it stands, and what a click on it does."""

    start: int
    end: int
    key: str
    enabled: bool


class KeysFooter(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "footer-key--key",
        "footer-key--description",
        "footer-key--hover",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._line: Hashable = None  # what the line shows now
        self._places: list[Shown] = []  # where each key of the line stands
        self._hover: int | None = None  # the key under the mouse

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def describe(self, binding: Binding) -> str:
        """What the line says a key does (a subclass may translate it)."""
        return binding.description

    def bindings_changed(self, screen: Screen[object]) -> None:
        attached = screen.app.app_focus and self.is_attached and screen is self.screen
        if attached and self._keys() != self._line:
            self.refresh()

    def _keys_shown(self) -> list[tuple[Binding, bool]]:
        """The keys shown, one per action (its first key), and whether each can be used."""
        seen: dict[str, tuple[Binding, bool]] = {}
        for _node, binding, enabled, _tip in self.screen.active_bindings.values():
            if binding.show and binding.action not in seen:
                seen[binding.action] = (binding, enabled)
        return list(seen.values())

    def _keys(self) -> Hashable:
        return tuple(
            (b.key, b.key_display, self.describe(b), b.action, on) for b, on in self._keys_shown()
        )

    def render(self) -> Text:
        self._line = self._keys()
        key_style = self.get_component_rich_style("footer-key--key")
        description_style = self.get_component_rich_style("footer-key--description")
        hover_style = self.get_component_rich_style("footer-key--hover")
        line = Text(no_wrap=True, overflow="crop", end="")
        self._places = []
        for index, (binding, enabled) in enumerate(self._keys_shown()):
            start = line.cell_len
            extra = Style(dim=True) if not enabled else Style()
            if index == self._hover:
                extra += hover_style
            line.append(self.app.get_key_display(binding), key_style + extra)
            description = self.describe(binding)
            if description:
                line.append(" " + description, description_style + extra)
            self._places.append(Shown(start, line.cell_len, binding.key, enabled))
            line.append(" ")
        return line

    def _at(self, x: int) -> int | None:
        for index, place in enumerate(self._places):
            if place.start <= x < place.end:
                return index
        return None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self._at(event.x)
        if index is None:
            return
        place = self._places[index]
        if place.enabled:
            self.app.simulate_key(place.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        index = self._at(event.x)
        if index != self._hover:
            self._hover = index
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()
