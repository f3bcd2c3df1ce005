"""The text being typed in an editor, handed over to be journaled once the typing pauses.

A comment takes minutes to write; a dropped SSH connection or ``kill -9`` must not take it
along. Each editor owns a :class:`DraftKeeper`, which hands its text over a moment after the
last key, at once when asked (another dialog opens over the editor, the terminal window loses
focus, a signal ends the app), and None when the editor closes, so that the journal never holds
more than one draft per editor and never one that was applied or discarded.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.message_pump import MessagePump
from textual.timer import Timer

PAUSE = 0.6  # seconds without a key before the text is journaled

#: Called with the text typed, or None when there is none to keep.
Keep = Callable[[str | None], None]


class DraftKeeper:
    """Journals an editor's text: after a pause in the typing, or at once when told to."""

    def __init__(
        self, owner: MessagePump, text: Callable[[], str | None], keep: Keep | None
    ) -> None:
        self._owner = owner  # whose timer waits for the pause
        self._text = text  # the text to keep now, or None (nothing changed)
        self._keep = keep  # None: nobody journals this editor's text
        self._timer: Timer | None = None

    def typed(self) -> None:
        """The text changed: keep it once the typing pauses."""
        if self._keep is not None:
            self._stop_timer()
            self._timer = self._owner.set_timer(PAUSE, self.now)

    def now(self) -> None:
        """Keep the text as it is now."""
        self._stop_timer()
        if self._keep is not None:
            self._keep(self._text())

    def close(self) -> None:
        """The editor closes, its text applied or discarded: there is no draft any more."""
        keep, self._keep = self._keep, None
        self._stop_timer()
        if keep is not None:
            keep(None)

    def forget(self) -> None:
        """The reviewer discarded everything: keep nothing more, not even None."""
        self._keep = None
        self._stop_timer()

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
