"""What the review screen says in its status line: what an undo or redo changed back, and
why a key could not act. Words from the review's language (the catalogues)."""

from __future__ import annotations

from goaltui.language import Words
from goaltui.language.labels import words
from goaltui.review.model import EditValue, Review
from goaltui.review.session import Edit
from goaltui.text import clean_line


def _value(review: Review, edit_value: EditValue) -> str:
    if edit_value is None:
        return "–"
    if isinstance(edit_value, tuple):  # actions, one per line
        return clean_line("; ".join(edit_value))
    return clean_line(str(edit_value))


def change(w: Words, review: Review, edit: Edit) -> str:
    """The change an edit made, in one line: its field, goal, period and values."""
    if edit.field == "current":
        return w._("current period {before} → {after}").format(
            before=_value(review, edit.before), after=_value(review, edit.after)
        )
    field = words(w.code).get(edit.field, edit.field).lower()
    if edit.field == "status":
        return w._("{field} of {goal} in {period}: {before} → {after}").format(
            field=field,
            goal=clean_line(edit.goal_id),
            period=clean_line(edit.period),
            before=_value(review, edit.before),
            after=_value(review, edit.after),
        )
    return w._("{field} of {goal} in {period}").format(
        field=field, goal=clean_line(edit.goal_id), period=clean_line(edit.period)
    )


def undone(w: Words, review: Review, edit: Edit) -> str:
    return w._("Undone: {change}").format(change=change(w, review, edit.inverse()))


def redone(w: Words, review: Review, edit: Edit) -> str:
    return w._("Redone: {change}").format(change=change(w, review, edit))


def no_goal(w: Words) -> str:
    return w._("No goal is selected: the filter matches none (Esc clears the filter)")


def period_end(w: Words, period: str, step: int) -> str:
    if step > 0:
        return w._("{period} is the last period").format(period=clean_line(period))
    return w._("{period} is the first period").format(period=clean_line(period))


def made_current(w: Words, period: str, name: str) -> str:
    return w._("{period} is now the current period of {file} (saved with the other edits)").format(
        period=clean_line(period), file=clean_line(name)
    )


def already_current(w: Words, period: str) -> str:
    return w._("{period} is already the current period").format(period=clean_line(period))
