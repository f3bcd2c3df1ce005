"""What the app marks with ``goaltui --since REV``: each goal's changes since a revision.

The comparison is the diff's (:func:`~goaltui.outputs.diff.diff_goal`), goal by goal, made
again only for a goal that changed in the app since it was last made (goals are immutable:
an edit makes a new one), so that a key press compares one goal and not the review. From it
come the cells the table marks (:class:`Cells`), whether a goal passes the filter "changed
since REV", and the lines of the detail pane, written by the diff's terminal writer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from goaltui.language import Words
from goaltui.language.labels import review_words
from goaltui.review.model import Goal, Review

if TYPE_CHECKING:  # the diff is imported when there is a revision to compare with
    from goaltui.files.changes import Baseline
    from goaltui.outputs.diff import GoalDiff
    from goaltui.outputs.diff_terminal import Line

#: The mark of a cell whose value changed since the revision (beside colour, never instead).
CHANGED_MARK = "Δ"


@dataclass(frozen=True, slots=True)
class Cells:
    """Which cells of a goal's line show a value that changed since the revision."""

    goal: bool = False  # the goal is new, or its own texts changed
    statuses: frozenset[str] = frozenset()  # the periods whose status changed
    forecasts: frozenset[str] = frozenset()  # the periods whose forecast changed
    comments: frozenset[str] = frozenset()  # the periods whose comment changed


NO_CELLS = Cells()


def cells_of(diff: GoalDiff | None) -> Cells:
    """The cells that ``diff`` changed (a translation's text counts as its field's)."""
    if diff is None:
        return NO_CELLS
    if diff.state == "added":
        return Cells(goal=True)
    by_field: dict[str, set[str]] = {"status": set(), "forecast": set(), "comment": set()}
    for period, changes in diff.periods:
        for change in changes:
            if change.field.name in by_field:
                by_field[change.field.name].add(period)
    return Cells(
        goal=bool(diff.changes),
        statuses=frozenset(by_field["status"]),
        forecasts=frozenset(by_field["forecast"]),
        comments=frozenset(by_field["comment"]),
    )


class SinceMarks:
    """One review file's goals compared with their version at ``revision`` (``old`` None: the
    file was not there, and every goal is new)."""

    def __init__(self, revision: str, old: Review | None, words: Words) -> None:
        self.revision = revision
        self.old = old
        self.words = words
        self._old_goals = {goal.id: goal for goal in old.goals} if old is not None else {}
        self._made: dict[str, tuple[Goal, GoalDiff | None, Cells]] = {}

    @classmethod
    def of(cls, baseline: Baseline | None, path: Path, review: Review) -> SinceMarks | None:
        """The marks of the file at ``path`` (holding ``review``), in the review's words;
        None without a revision to compare with."""
        if baseline is None:
            return None
        return cls(baseline.revision, baseline.reviews.get(path), review_words(review.language))

    def _of(self, review: Review, goal: Goal) -> tuple[Goal, GoalDiff | None, Cells]:
        made = self._made.get(goal.id)
        if made is None or made[0] is not goal:
            from goaltui.outputs.diff import compared_languages, diff_goal

            languages = compared_languages(self.old, review)
            diff = diff_goal(review, self._old_goals.get(goal.id), goal, languages)
            made = self._made[goal.id] = (goal, diff, cells_of(diff))
        return made

    def diff(self, review: Review, goal: Goal) -> GoalDiff | None:
        """What changed in ``goal`` since the revision; None: nothing."""
        return self._of(review, goal)[1]

    def cells(self, review: Review, goal: Goal) -> Cells:
        return self._of(review, goal)[2]

    def changed(self, review: Review, goal: Goal) -> bool:
        """Whether anything of ``goal`` changed since the revision (the filter's question)."""
        return self._of(review, goal)[1] is not None

    def lines(self, review: Review, goal: Goal, name: str) -> list[Line]:
        """The goal's changes as ``goaltui diff`` writes them, old → new, a line each;
        ``name`` is the file's. Empty when nothing changed."""
        from goaltui.outputs.diff import ReviewDiff
        from goaltui.outputs.diff_terminal import Lines

        found = self.diff(review, goal)
        if found is None:
            return []
        old_name = f"{self.revision}:{name}" if self.old is not None else None
        whole = ReviewDiff(
            name, old_name, name, "changed", review, self.old, self.words, (), (found,)
        )
        return list(Lines(whole, plain=False).goal(found))
