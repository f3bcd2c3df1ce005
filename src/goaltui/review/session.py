"""Edits a reviewer makes to a review, with undo and redo.

Every change the TUI makes goes through :class:`Session`, as an :class:`Edit` of one field of
one goal in one period: its status, forecast or comment, its list of actions, or one
indicator's forecast or actual; or of the review's ``current`` period (goal and period
:data:`REVIEW`). Edits are plain values, so they can be undone, redone, written to a
recovery journal and re-applied on top of a file that changed on disk.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

from goaltui.review.model import EDIT_FIELDS, EditField, EditValue, Goal, Review, TextField

#: What an edit changes: a field of a goal's entry, or the review's current period.
ChangeField = EditField | Literal["current"]
CHANGE_FIELDS: tuple[ChangeField, ...] = (*EDIT_FIELDS, "current")
#: The goal and period of an edit of the review itself (its current period).
REVIEW = ""
#: Where an edit applies: goal, period, field, language (None: the main field) and (for an
#: indicator's value) indicator.
Place = tuple[str, str, ChangeField, str | None, str | None]


@dataclass(frozen=True, slots=True)
class Edit:
    """One field of one goal's entry for one period, from ``before`` to ``after``; or, with
    ``field`` "current", the review's current period (``goal_id`` and ``period`` :data:`REVIEW`).

    ``language`` names the translation edited (the comment of ``[goals.periods.Q3.sv]``,
    docs/format.md "Translations"); None, the main field. A status is never translated.
    ``indicator`` names the indicator whose forecast or actual an edit of ``indicator_forecast``
    or ``indicator_actual`` changes; other edits have none.
    """

    goal_id: str
    period: str
    field: ChangeField
    before: EditValue
    after: EditValue
    language: str | None = None
    indicator: str | None = None

    def inverse(self) -> Edit:
        return Edit(
            self.goal_id,
            self.period,
            self.field,
            self.after,
            self.before,
            self.language,
            self.indicator,
        )

    @property
    def place(self) -> Place:
        """Which field of which goal, period, language and indicator the edit changes."""
        return (self.goal_id, self.period, self.field, self.language, self.indicator)


def net_edits(edits: Sequence[Edit]) -> list[Edit]:
    """One edit per field: from its first ``before`` to its last ``after``; no-ops dropped."""
    first: dict[Place, Edit] = {}
    last: dict[Place, Edit] = {}
    for edit in edits:
        first.setdefault(edit.place, edit)
        last[edit.place] = edit
    return [
        Edit(goal, period, name, first[place].before, last[place].after, language, indicator)
        for place in first
        for goal, period, name, language, indicator in (place,)
        if first[place].before != last[place].after
    ]


def typed_actions(text: str | None) -> tuple[str, ...] | None:
    """Actions typed one per line, as they are kept: each line without the blank space
    around it, blank lines left out; none at all is no value (the key disappears)."""
    if text is None:
        return None
    lines = tuple(line.strip() for line in text.replace("\r\n", "\n").split("\n"))
    return tuple(line for line in lines if line) or None


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
    goal_before: Goal | None  # restored as it was by an undo, down to an empty period table


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

    def set_actions(self, goal_id: str, period: str, text: str | None) -> Edit | None:
        """Set the period's actions, typed one per line (see :func:`typed_actions`)."""
        return self.set_value(goal_id, period, "actions", typed_actions(text))

    def set_indicator(
        self, goal_id: str, period: str, indicator: str, forecast: EditValue, actual: EditValue
    ) -> list[Edit]:
        """Set an indicator's forecast and actual in a period: an edit for each that changed,
        undone one by one."""
        edits = [
            self.set_value(goal_id, period, "indicator_forecast", forecast, indicator=indicator),
            self.set_value(goal_id, period, "indicator_actual", actual, indicator=indicator),
        ]
        return [edit for edit in edits if edit is not None]

    def set_current(self, period: str | None) -> Edit | None:
        """Make ``period`` the review's current one (the file's ``current``)."""
        if period is not None and period not in self.review.periods:
            raise ValueError(f"{period!r} is not a period of this review")
        if self.review.current == period:
            return None
        edit = Edit(REVIEW, REVIEW, "current", self.review.current, period)
        self._record(edit, None)
        self.review.current = period
        return self._logged_edit(edit)

    def apply(self, edit: Edit) -> Edit | None:
        """Make ``edit``'s change here (a merged or recovered edit), as a new edit."""
        if edit.field == "current":
            return self.set_current(edit.after if isinstance(edit.after, str) else None)
        return self.set_value(
            edit.goal_id,
            edit.period,
            edit.field,
            edit.after,
            edit.language,
            indicator=edit.indicator,
        )

    def _record(self, edit: Edit, goal_before: Goal | None) -> None:
        del self._history[self._position :]
        self._history.append(_Step(edit, goal_before))
        self._position += 1

    def _logged_edit(self, edit: Edit) -> Edit:
        self._log.append(edit)
        self._changed()
        return edit

    def set_value(
        self,
        goal_id: str,
        period: str,
        name: EditField,
        value: EditValue,
        language: str | None = None,
        indicator: str | None = None,
    ) -> Edit | None:
        """Apply and record an edit; nothing is recorded when the value is unchanged.

        ``language`` is one of ``review.translations`` (None: the main field).
        """
        if period not in self.review.periods:
            raise ValueError(f"{period!r} is not a period of this review")
        if language is not None and language not in (self.review.translations or ()):
            raise ValueError(f"{language!r} is not a translation of this review")
        goal = self.review.goal(goal_id)
        if indicator is not None and goal.indicator(indicator) is None:
            raise ValueError(f"{indicator!r} is not an indicator of goal {goal_id!r}")
        before = goal.entry(period).value(name, language, indicator)
        if before == value and type(before) is type(value):
            return None
        edit = Edit(goal_id, period, name, before, value, language, indicator)
        self._record(edit, goal)
        changed = goal.with_value(period, name, value, language, indicator=indicator)
        self.review.replace_goal(changed)
        return self._logged_edit(edit)

    def undo(self) -> Edit | None:
        """Undo the latest edit; returns it so the caller can show where it was."""
        if not self.can_undo:
            return None
        self._position -= 1
        edit, goal_before = self._history[self._position]
        if goal_before is None:
            self.review.current = edit.before if isinstance(edit.before, str) else None
        else:
            self.review.replace_goal(goal_before)
        self._log.append(edit.inverse())
        self._changed()
        return edit

    def redo(self) -> Edit | None:
        if not self.can_redo:
            return None
        edit, _ = self._history[self._position]
        if edit.field == "current":
            self.review.current = edit.after if isinstance(edit.after, str) else None
        else:
            goal = self.review.goal(edit.goal_id)
            changed = goal.with_value(
                edit.period, edit.field, edit.after, edit.language, indicator=edit.indicator
            )
            self.review.replace_goal(changed)
        self._position += 1
        self._log.append(edit)
        self._changed()
        return edit

    def _changed(self) -> None:
        self._unsaved = None
        if self.on_change is not None:
            self.on_change()
