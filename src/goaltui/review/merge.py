"""Re-applying a session's edits on top of a file that changed on disk.

Edits are values (goal, period, field, before, after), so they can be replayed on the new
content. An edit whose field still holds its ``before`` value on disk applies cleanly; one
whose field was changed on disk to something else is a conflict for the reviewer to decide.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from goaltui.review.model import EditValue, Review
from goaltui.review.session import ChangeField, Edit, net_edits


@dataclass(frozen=True, slots=True)
class Conflict:
    """Both sides changed one field: ``ours`` is this session's value, ``theirs`` the disk's."""

    goal_id: str
    period: str
    field: ChangeField
    ours: EditValue
    theirs: EditValue
    language: str | None = None  # the translation whose field it is; None, the main one
    indicator: str | None = None

    def edit(self, before: EditValue, after: EditValue) -> Edit:
        """An edit of this conflict's field, from ``before`` to ``after``."""
        return Edit(
            self.goal_id, self.period, self.field, before, after, self.language, self.indicator
        )


#: Why an edit cannot apply any more: its goal, period, status, language or indicator is gone
#: from the file (the app words it, in its language).
Gone = Literal["goal", "period", "status", "language", "indicator"]


@dataclass(slots=True)
class Merge:
    """Edits of this session set against the file as it now is on disk."""

    clean: list[Edit] = field(default_factory=list)  # apply as they are
    conflicts: list[Conflict] = field(default_factory=list)
    lost: list[tuple[Edit, Gone]] = field(default_factory=list)  # cannot apply, and why


def merge(disk: Review, edits: Sequence[Edit]) -> Merge:
    """Sort this session's edits against the review now on disk."""
    result = Merge()
    known = {goal.id for goal in disk.goals}
    for edit in net_edits(edits):
        if edit.field == "current":
            _merge_current(disk, edit, result)
            continue
        if edit.goal_id not in known:
            result.lost.append((edit, "goal"))
            continue
        if edit.period not in disk.periods:
            result.lost.append((edit, "period"))
            continue
        if edit.language is not None and edit.language not in (disk.translations or ()):
            result.lost.append((edit, "language"))
            continue
        if (
            edit.field == "status"
            and isinstance(edit.after, str)
            and disk.status(edit.after) is None
        ):
            result.lost.append((edit, "status"))
            continue
        goal = disk.goal(edit.goal_id)
        if edit.indicator is not None and goal.indicator(edit.indicator) is None:
            result.lost.append((edit, "indicator"))
            continue
        theirs = goal.entry(edit.period).value(edit.field, edit.language, edit.indicator)
        if theirs == edit.after:
            continue  # both sides made the same change
        if theirs == edit.before:
            result.clean.append(replace(edit, before=theirs))
        else:
            conflict = Conflict(
                edit.goal_id,
                edit.period,
                edit.field,
                edit.after,
                theirs,
                edit.language,
                edit.indicator,
            )
            result.conflicts.append(conflict)
    return result


def _merge_current(disk: Review, edit: Edit, result: Merge) -> None:
    """The review's current period, set in this session, against the disk's."""
    if edit.after is not None and edit.after not in disk.periods:
        result.lost.append((edit, "period"))
    elif disk.current == edit.before:
        result.clean.append(edit)
    elif disk.current != edit.after:
        result.conflicts.append(
            Conflict(edit.goal_id, edit.period, edit.field, edit.after, disk.current)
        )
