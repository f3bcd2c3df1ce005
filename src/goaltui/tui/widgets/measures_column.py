"""The goal table's column of measures: the goal's indicators met in the current period
("1/2"), a mark where its status contradicts them and one where it needs actions.

Each mark is a glyph (not a colour alone), explained in the detail pane beside its words.
"""

from __future__ import annotations

from goaltui.language import Words
from goaltui.outputs.marks import CONTRADICTS_MARK, NEEDS_ACTIONS_MARK
from goaltui.review.model import Goal, Review

#: The column's heading: how many of the indicators are met.
MET_MARK = "✓"


def measures_width(review: Review) -> int:
    """Cells the column takes: none for a review without indicators nor statuses that ask
    for actions, so that such a review looks as it always did."""
    most = max((len(goal.indicators or ()) for goal in review.goals), default=0)
    asks = any(status.needs_actions for status in review.statuses)
    if not most and not asks:
        return 0
    count = len(f"{most}/{most}") if most else 0
    return 1 + count + 2  # a space, "1/2", the two marks


def measures_cell(review: Review, goal: Goal, period: str, width: int) -> tuple[str, str]:
    """The count, right-aligned, and the marks, together ``width`` cells."""
    from goaltui.review import measures  # only shown for a review with measures

    counted = measures.tally(goal, period)
    count = f"{counted.met}/{counted.targets}" if counted.targets else ""
    contradicts = CONTRADICTS_MARK if measures.contradiction(review, goal, period) else " "
    needs = NEEDS_ACTIONS_MARK if measures.needs_actions(review, goal, period) else " "
    return count.rjust(width - 2), contradicts + needs


def measures_legend(review: Review, w: Words) -> str:
    """What the column's marks mean, for the table's legend."""
    contradicts = w._("status contradicts the indicators")
    return f"{CONTRADICTS_MARK} {contradicts}  {NEEDS_ACTIONS_MARK} " + w._("needs actions")
