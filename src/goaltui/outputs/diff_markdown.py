"""The Markdown writer of diffs and histories: pull requests' job summaries and minutes.

Text from a file or from git is made literal (:func:`~goaltui.outputs.markdown.md`). Words
taken out of a text are struck through (``~~taken out~~``), words put in are bold
(``**put in**``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from goaltui.outputs.diff import (
    MOVE_WORDS,
    Change,
    GoalDiff,
    ReviewDiff,
    excerpt,
    headline,
    trimmed,
    value_text,
)
from goaltui.outputs.markdown import md
from goaltui.outputs.marks import IMPROVED_MARK, WORSENED_MARK, untranslated_mark, with_mark
from goaltui.review.model import Move, Review
from goaltui.text import clean_line

if TYPE_CHECKING:
    from goaltui.outputs.history import History

_MOVES: dict[Move, str] = {"worse": WORSENED_MARK, "better": IMPROVED_MARK}


def code(text: str) -> str:
    """Text from outside as inline code: one line, no backticks to end it early."""
    return f"`{clean_line(text).replace('`', '')}`"


def diff_markdown(diffs: Sequence[ReviewDiff]) -> str:
    """Several files' changes, each under a heading of its own."""
    return "\n".join(review_diff_markdown(diff) for diff in diffs)


def review_diff_markdown(diff: ReviewDiff, heading: str | None = None) -> str:
    """One file's changes: under ``heading`` (Markdown already), else under its path."""
    said = headline(diff, code(diff.path))
    out = [heading or f"### {said}", ""]
    if heading:
        out += [said, ""]
    if diff.old is not None and diff.new is not None:
        out += [f"{code(diff.old)} → {code(diff.new)}", ""]
    lines = list(_body(diff))
    if lines:
        out += [*lines, ""]
    return "\n".join(out)


def history_markdown(history: History) -> str:
    """A file's history, newest commit first, each with its changes."""
    w = history.words
    out = [f"## {code(history.path)}", ""]
    for revision in history.revisions:
        date = w.date(revision.date.date())
        out.append(
            f"### {code(revision.short)} {md(revision.subject)}"
            if revision.subject
            else f"### {code(revision.short)}"
        )
        out += ["", f"{md(revision.author)} · {date}", ""]
        if revision.old_path != revision.path:
            out += [w._("renamed from {path}").format(path=code(revision.old_path)), ""]
        if revision.cut:
            out += [w._("(the history before this commit is not in this shallow clone)"), ""]
        for problem in revision.problems:
            out.append(f"- {md(problem)}")
        if revision.diff is not None and revision.diff.whole:
            out.append(f"- {headline(revision.diff, code(revision.diff.path))}")
        elif revision.diff is not None:
            out += list(_body(revision.diff))
        out.append("")
    return "\n".join(out)


def _body(diff: ReviewDiff) -> Iterator[str]:
    """The review's own changes, then each goal's (none for a file added or removed)."""
    w = diff.words
    if diff.whole:
        return
    for change in diff.changes:
        if change.status is not None:
            where = w._("scale · {status}").format(status=md(change.status))
        else:
            where = w._("review")
        yield f"- {_change(diff, change, where)}"
    for goal in diff.goals:
        yield from _goal(diff, goal)


def _goal(diff: ReviewDiff, goal: GoalDiff) -> Iterator[str]:
    w = diff.words
    objective = md(goal.goal.text("objective", diff.texts).text or "")
    if goal.state == "added":
        added = w._("goal added")
        yield f"- \\+ {added}: `{goal.id}` {objective}"
        return
    if goal.state == "removed":
        removed = w._("goal removed")
        yield f"- − {removed}: `{goal.id}` {objective}"
        return
    yield f"- `{goal.id}` {objective}"
    for change in goal.changes:
        yield f"  - {_change(diff, change, None)}"
    for period, changes in goal.periods:
        for change in changes:
            yield f"  - {_change(diff, change, md(period))}"


def _change(diff: ReviewDiff, change: Change, where: str | None) -> str:
    w = diff.words
    name = w._(change.field.word)
    if change.key is not None:
        name += f" {md(change.key)}"
    if change.language is not None:
        name += f" {md(untranslated_mark(change.language))}"
    line = (f"{where} · " if where else "") + f"{name}: "
    if change.field.kind == "status":
        line += f"{_status(diff, change.before, diff.old_review)} → "
        line += _status(diff, change.after, diff.review)
        if change.move is not None:
            line += f" {_MOVES[change.move]} " + w._(MOVE_WORDS[change.move])
    elif change.pieces:
        line += _pieces(change)
    else:
        line += f"{md(value_text(w, change.before))} → {md(value_text(w, change.after))}"
    return line


def _pieces(change: Change) -> str:
    list_kind = change.field.kind == "list"
    shown = change.pieces if list_kind else excerpt(change.pieces)
    parts = []
    for i, (sign, piece) in enumerate(shown):
        if sign == "=":
            parts.append(md(piece))
            continue
        before, core, after = trimmed(piece)
        if sign == "+" and i and shown[i - 1][0] == "-" and not list_kind and not before:
            before = " "  # "~~old~~ **new**": two marks side by side would run together
        marker = "~~" if sign == "-" else "**"
        parts.append(f"{md(before)}{marker}{md(core)}{marker}{md(after)}" if core else md(piece))
    return (", " if list_kind else "").join(parts)


def _status(diff: ReviewDiff, label: object, review: Review | None) -> str:
    w = diff.words
    if not isinstance(label, str):
        return "· " + w._("not assessed")
    status = review.status(label) if review is not None else None
    if status is None:
        status, review = diff.review.status(label), diff.review
    if status is None or review is None:
        return md(label)
    shown = with_mark(status.text("label", review.translation_for(w.code)), review.main_language)
    return f"{md(status.mark)} {md(shown)}"
