"""Re-applying a session's edits on top of a file that changed on disk.

Edits are values (goal, period, field, before, after), so they can be replayed on the new
content. An edit whose field still holds its ``before`` value on disk applies cleanly; one
whose field was changed on disk to something else is a conflict for the reviewer to decide.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from goaltui.review.model import EntryField, Review
from goaltui.review.session import Edit, net_edits


@dataclass(frozen=True, slots=True)
class Conflict:
    """Both sides changed one field: ``ours`` is this session's value, ``theirs`` the disk's."""

    goal_id: str
    period: str
    field: EntryField
    ours: str | None
    theirs: str | None
    language: str | None = None  # the translation whose field it is; None, the main one


#: Why an edit cannot apply any more: its goal, period, status or language is gone from the
#: file (the app words it, in its language).
Gone = Literal["goal", "period", "status", "language"]


@dataclass(slots=True)
class Merge:
    clean: list[Edit] = field(default_factory=list)  # apply as they are
    conflicts: list[Conflict] = field(default_factory=list)
    lost: list[tuple[Edit, Gone]] = field(default_factory=list)  # cannot apply, and why


def merge(disk: Review, edits: Sequence[Edit]) -> Merge:
    """Sort this session's edits against the review now on disk."""
    result = Merge()
    known = {goal.id for goal in disk.goals}
    for edit in net_edits(edits):
        if edit.goal_id not in known:
            result.lost.append((edit, "goal"))
            continue
        if edit.period not in disk.periods:
            result.lost.append((edit, "period"))
            continue
        if edit.language is not None and edit.language not in (disk.translations or ()):
            result.lost.append((edit, "language"))
            continue
        if edit.field == "status" and edit.after is not None and disk.status(edit.after) is None:
            result.lost.append((edit, "status"))
            continue
        theirs = disk.goal(edit.goal_id).entry(edit.period).value(edit.field, edit.language)
        if theirs == edit.after:
            continue  # both sides made the same change
        goal_id, period, name, language = edit.place
        if theirs == edit.before:
            result.clean.append(Edit(goal_id, period, name, theirs, edit.after, language))
        else:
            result.conflicts.append(Conflict(goal_id, period, name, edit.after, theirs, language))
    return result
