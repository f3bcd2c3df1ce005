"""Edits a reviewer makes to a review, with undo and redo.

Every change the TUI makes goes through :class:`Session`, as an :class:`Edit` of one field of
one goal in one period. Edits are plain values, so they can be undone, redone, written to a
recovery journal and re-applied on top of a file that changed on disk.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from goaltui.review.model import EntryField, Goal, Review, TextField


@dataclass(frozen=True, slots=True)
class Edit:
    """One field of one goal's entry for one period, from ``before`` to ``after``.

    ``language`` names the translation edited (the comment of ``[goals.periods.Q3.sv]``,
    docs/format.md "Translations"); None, the main field. A status is never translated.
    """

    goal_id: str
    period: str
    field: EntryField
    before: str | None
    after: str | None
    language: str | None = None

    def inverse(self) -> Edit:
        return Edit(self.goal_id, self.period, self.field, self.after, self.before, self.language)

    @property
    def place(self) -> Place:
        """Which field of which goal, period and language the edit changes."""
        return (self.goal_id, self.period, self.field, self.language)


Place = tuple[str, str, EntryField, str | None]


def net_edits(edits: Sequence[Edit]) -> list[Edit]:
    """One edit per field: from its first ``before`` to its last ``after``; no-ops dropped."""
    first: dict[Place, Edit] = {}
    last: dict[Place, Edit] = {}
    for edit in edits:
        first.setdefault(edit.place, edit)
        last[edit.place] = edit
    return [
        Edit(*place[:3], first[place].before, last[place].after, place[3])
        for place in first
        if first[place].before != last[place].after
    ]


def typed_value(name: TextField, text: str | None) -> str | None:
    """What a reviewer typed, as it is kept: a comment keeps its lines (line ends as "\\n",
    no blank space at its end), a forecast loses the blank space around it. A text left
    blank is no value at all, so that the key disappears from the file.
    """
    if text is None:
        return None
    kept = text.replace("\r\n", "\n").rstrip() if name == "comment" else text.strip()
    return kept or None


class Checkpoint(NamedTuple):
    """A point of the session, for :meth:`Session.mark_saved` once a save of it finished."""

    changes: int  # how many changes had been applied by then


class _Step(NamedTuple):
    edit: Edit
    goal_before: Goal  # restored as it was by an undo, down to an empty period table


class Session:
    """A review being edited: the undo history, and what differs from the file."""

    def __init__(self, review: Review, on_change: Callable[[], None] | None = None) -> None:
        self.review = review
        self.on_change = on_change  # told after every change of the review or its save state
        self._history: list[_Step] = []
        self._position = 0  # steps applied; the rest of _history can be redone
        # Every change since the last save, in order (an undo logs the inverse edit), so that
        # what differs from the file is known even after undo and new edits rewrote history.
        self._log: list[Edit] = []
        self._logged = 0  # changes applied before _log[0]
        self._writing: int | None = None  # the checkpoint of the save running, if one is
        self._unsaved: list[Edit] | None = []  # unsaved_edits(), until the next change

    # -- state ----------------------------------------------------------------

    def unsaved_edits(self) -> list[Edit]:
        """What leads from the file's content to the review now: one edit per changed field.

        While a save runs the file may hold either its old content or the save's: a field
        changed since the save began is unsaved even where it went back to the old content.
        """
        if self._unsaved is None:
            unsaved = net_edits(self._log)
            if self._writing is not None:
                places = {e.place for e in unsaved}
                since = net_edits(self._log[self._writing - self._logged :])
                unsaved += [e for e in since if e.place not in places]
            self._unsaved = unsaved
        return list(self._unsaved)

    @property
    def dirty(self) -> bool:
        """True when saving would change the file."""
        return bool(self.unsaved_edits())

    @property
    def can_undo(self) -> bool:
        return self._position > 0

    @property
    def can_redo(self) -> bool:
        return self._position < len(self._history)

    def checkpoint(self) -> Checkpoint:
        return Checkpoint(self._logged + len(self._log))

    def begin_save(self) -> Checkpoint:
        """A save of the review as it is now starts; it ends with :meth:`mark_saved` or
        :meth:`save_failed`, and meanwhile :meth:`unsaved_edits` counts it as maybe written."""
        checkpoint = self.checkpoint()
        self._writing = checkpoint.changes
        return checkpoint

    def save_failed(self, checkpoint: Checkpoint) -> None:
        """The save of ``checkpoint`` wrote nothing: the file holds what it held."""
        if self._writing == checkpoint.changes:
            self._writing = None
            self._changed()

    def mark_saved(self, checkpoint: Checkpoint | None = None) -> None:
        """Record that the file holds the state of ``checkpoint`` (default: now).

        Changes made after the checkpoint (while a save ran) stay unsaved.
        """
        done = self.checkpoint().changes if checkpoint is None else checkpoint.changes
        del self._log[: max(0, done - self._logged)]
        self._logged = max(self._logged, done)
        if self._writing is not None and self._writing <= done:
            self._writing = None
        self._changed()

    # -- the operations the TUI calls ------------------------------------------

    def cycle_status(self, goal_id: str, period: str) -> Edit | None:
        current = self.review.goal(goal_id).status_in(period)
        return self.set_value(goal_id, period, "status", self.review.next_status(current))

    def set_status(self, goal_id: str, period: str, label: str | None) -> Edit | None:
        if label is not None and self.review.status(label) is None:
            raise ValueError(f"{label!r} is not a status of this review")
        return self.set_value(goal_id, period, "status", label)

    def set_comment(
        self, goal_id: str, period: str, text: str | None, language: str | None = None
    ) -> Edit | None:
        """Set the comment (in ``language``) as the reviewer typed it (see :func:`typed_value`)."""
        value = typed_value("comment", text)
        return self.set_value(goal_id, period, "comment", value, language)

    def set_forecast(
        self, goal_id: str, period: str, text: str | None, language: str | None = None
    ) -> Edit | None:
        """Set the forecast (in ``language``) as the reviewer typed it (see :func:`typed_value`)."""
        value = typed_value("forecast", text)
        return self.set_value(goal_id, period, "forecast", value, language)

    def set_value(
        self,
        goal_id: str,
        period: str,
        name: EntryField,
        value: str | None,
        language: str | None = None,
    ) -> Edit | None:
        """Apply and record an edit; nothing is recorded when the value is unchanged.

        ``language`` is one of ``review.translations`` (None: the main field).
        """
        if period not in self.review.periods:
            raise ValueError(f"{period!r} is not a period of this review")
        if language is not None and language not in (self.review.translations or ()):
            raise ValueError(f"{language!r} is not a translation of this review")
        goal = self.review.goal(goal_id)
        before = goal.entry(period).value(name, language)
        if before == value:
            return None
        edit = Edit(goal_id, period, name, before, value, language)
        del self._history[self._position :]
        self._history.append(_Step(edit, goal))
        self._position += 1
        self.review.replace_goal(goal.with_value(period, name, value, language))
        self._log.append(edit)
        self._changed()
        return edit

    def undo(self) -> Edit | None:
        """Undo the latest edit; returns it so the caller can show where it was."""
        if not self.can_undo:
            return None
        self._position -= 1
        edit, goal_before = self._history[self._position]
        self.review.replace_goal(goal_before)
        self._log.append(edit.inverse())
        self._changed()
        return edit

    def redo(self) -> Edit | None:
        if not self.can_redo:
            return None
        edit, _ = self._history[self._position]
        goal = self.review.goal(edit.goal_id)
        self.review.replace_goal(
            goal.with_value(edit.period, edit.field, edit.after, edit.language)
        )
        self._position += 1
        self._log.append(edit)
        self._changed()
        return edit

    def _changed(self) -> None:
        self._unsaved = None
        if self.on_change is not None:
            self.on_change()
