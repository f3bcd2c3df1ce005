"""One line above the keys that says what a key did, or why it could do nothing."""

from __future__ import annotations

from rich.text import Text
from textual.timer import Timer
from textual.widgets import Static

from goaltui.text import clean_line

SHOWN_FOR = 8.0  # seconds: long enough to read aloud in a meeting


class StatusLine(Static):
    """Hidden until there is something to say; hides again after a while."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._timer: Timer | None = None
        self.said = ""  # the last thing said, for tests and for reading again

    def on_mount(self) -> None:
        self.display = False

    def say(self, message: str, *, warning: bool = False) -> None:
        """Show ``message`` (text from outside allowed: it is cleaned, never markup)."""
        self.said = clean_line(message)
        self.update(Text(f" {self.said}", style="bold" if warning else ""))
        self.set_class(warning, "-warning")
        self.display = True
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SHOWN_FOR, self.clear)

    def clear(self) -> None:
        self.display = False
