"""Edits a reviewer makes to a review, with undo and redo.

Every change the TUI makes goes through :class:`Session`, as an :class:`Edit` of one field of
one goal in one period. Edits are plain values, so they can be undone, redone, written to a
recovery journal and re-applied on top of a file that changed on disk.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from goaltui.model import EntryField, Review


@dataclass(frozen=True, slots=True)
class Edit:
    """One field of one goal's entry for one period, from ``before`` to ``after``."""

    goal_id: str
    period: str
    field: EntryField
    before: str | None
    after: str | None

    def inverse(self) -> Edit:
        return Edit(self.goal_id, self.period, self.field, self.after, self.before)


class Checkpoint(NamedTuple):
    position: int
    last: Edit | None  # the edit that led to this state, to notice a rewritten history


class Session:
    """A review being edited: the undo history and whether it differs from the file."""

    def __init__(self, review: Review, on_change: Callable[[], None] | None = None) -> None:
        self.review = review
        self.on_change = on_change  # told after every change of the review or its save state
        self._history: list[Edit] = []
        self._position = 0  # edits applied; the rest of _history can be redone
        self._saved_position: int | None = 0  # None: the saved state is no longer in history

    # -- state ----------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        """True when the review differs from what was last loaded or saved."""
        return self._saved_position != self._position

    @property
    def position(self) -> int:
        return self._position

    @property
    def can_undo(self) -> bool:
        return self._position > 0

    @property
    def can_redo(self) -> bool:
        return self._position < len(self._history)

    def unsaved_edits(self) -> list[Edit]:
        """The edits since the last save, oldest first (all of them if history diverged)."""
        start = self._saved_position if self._saved_position is not None else 0
        if start > self._position:
            return [edit.inverse() for edit in reversed(self._history[self._position : start])]
        return list(self._history[start : self._position])

    def checkpoint(self) -> Checkpoint:
        """A mark of the state now, for :meth:`mark_saved` once a save of it has finished."""
        last = self._history[self._position - 1] if self._position else None
        return Checkpoint(self._position, last)

    def mark_saved(self, checkpoint: Checkpoint | None = None) -> None:
        """Record that the file holds the state of ``checkpoint`` (default: now).

        Edits made since the checkpoint stay unsaved. If the history has been rewritten
        since (undo, then a new edit), that state is gone and the review stays dirty.
        """
        if checkpoint is None:
            self._saved_position = self._position
        else:
            position, last = checkpoint
            kept = position <= len(self._history) and (
                position == 0 or self._history[position - 1] is last
            )
            self._saved_position = position if kept else None
        self._changed()

    # -- the operations the TUI calls ------------------------------------------

    def cycle_status(self, goal_id: str, period: str, *, backwards: bool = False) -> Edit | None:
        current = self.review.goal(goal_id).status_in(period)
        step = self.review.previous_status if backwards else self.review.next_status
        return self.set_value(goal_id, period, "status", step(current))

    def set_status(self, goal_id: str, period: str, label: str | None) -> Edit | None:
        if label is not None and self.review.status(label) is None:
            raise ValueError(f"{label!r} is not a status of this review")
        return self.set_value(goal_id, period, "status", label)

    def set_comment(self, goal_id: str, period: str, comment: str | None) -> Edit | None:
        return self.set_value(goal_id, period, "comment", comment or None)

    def set_forecast(self, goal_id: str, period: str, forecast: str | None) -> Edit | None:
        return self.set_value(goal_id, period, "forecast", (forecast or "").strip() or None)

    def set_value(
        self, goal_id: str, period: str, name: EntryField, value: str | None
    ) -> Edit | None:
        """Apply and record an edit; nothing is recorded when the value is unchanged."""
        if period not in self.review.periods:
            raise ValueError(f"{period!r} is not a period of this review")
        before = getattr(self.review.goal(goal_id).entry(period), name)
        if before == value:
            return None
        edit = Edit(goal_id, period, name, before, value)
        self._apply(edit)
        del self._history[self._position :]
        if self._saved_position is not None and self._saved_position > self._position:
            self._saved_position = None
        self._history.append(edit)
        self._position += 1
        self._changed()
        return edit

    def undo(self) -> Edit | None:
        """Undo the latest edit; returns it so the caller can show where it was."""
        if not self.can_undo:
            return None
        self._position -= 1
        edit = self._history[self._position]
        self._apply(edit.inverse())
        self._changed()
        return edit

    def redo(self) -> Edit | None:
        if not self.can_redo:
            return None
        edit = self._history[self._position]
        self._apply(edit)
        self._position += 1
        self._changed()
        return edit

    def replay(self, edits: Sequence[Edit]) -> None:
        """Apply edits recorded elsewhere (a recovery journal) as new, unsaved edits."""
        for edit in edits:
            self.set_value(edit.goal_id, edit.period, edit.field, edit.after)

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

    def _apply(self, edit: Edit) -> None:
        goal = self.review.goal(edit.goal_id)
        self.review.replace_goal(goal.with_value(edit.period, edit.field, edit.after))
