"""The Rich writer of diffs: ``goaltui diff`` and ``goaltui history`` in a terminal or a CI log.

Its lines are printed whole (``soft_wrap``): a long comment is one line, as in ``git diff``,
which the terminal or the log folds.

Every text from a file or from git is cleaned (:func:`~goaltui.text.clean_line`) and becomes
a piece of a :class:`Line`, never markup: a line is its pieces and their styles, printed as a
:class:`rich.text.Text` (:meth:`Line.rich`), or as its text where the output has no styles (a
history is thousands of lines, which Rich takes ten times as long to make). Words taken out of
a text are struck through and red, words put in are underlined and green; where the output has
no styles (``plain``: piped) they are marked as git's word diff marks them, ``[-taken out-]``
and ``{+put in+}``, so that nothing is told by colour alone.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.style import Style
from rich.text import Text

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
from goaltui.outputs.marks import IMPROVED_MARK, WORSENED_MARK, untranslated_mark
from goaltui.outputs.styled import DIM, status_text
from goaltui.review.model import Move, Review
from goaltui.text import clean_line

if TYPE_CHECKING:
    from goaltui.outputs.history import History, Revision

_OUT = Style(color="red", strike=True)
_IN = Style(color="green", underline=True)
_MOVES: dict[Move, tuple[str, str]] = {
    "worse": (WORSENED_MARK, "red"),
    "better": (IMPROVED_MARK, "green"),
}
ADDED_MARK, REMOVED_MARK = "+", "−"
StyleType = Style | str | None


class Line:
    """A line of text in pieces, each with its style (None: none); the text is clean."""

    __slots__ = ("parts",)

    def __init__(self, *parts: str | tuple[str, StyleType]) -> None:
        self.parts: list[tuple[str, StyleType]] = [
            (part, None) if isinstance(part, str) else part for part in parts
        ]

    def append(self, text: str, style: StyleType = None) -> None:
        self.parts.append((text, style))

    def extend(self, other: Line) -> None:
        self.parts += other.parts

    @property
    def plain(self) -> str:
        return "".join(text for text, _style in self.parts)

    def rich(self) -> Text:
        return Text.assemble(*((text, style or "") for text, style in self.parts))


class Lines:
    """Writes the lines of a diff: with styles, or ``plain`` with git's word-diff marks."""

    def __init__(self, diff: ReviewDiff, plain: bool) -> None:
        self.diff = diff
        self.plain = plain
        self.w = diff.words

    def heading(self) -> Line:
        """``data/x.toml: 2 changes`` and the versions compared."""
        diff = self.diff
        path = clean_line(diff.path)
        line = Line((headline(diff, path), "bold"))
        sides = [clean_line(name) for name in (diff.old, diff.new) if name is not None]
        if not diff.whole and len(sides) == 2 and sides != [path, path]:
            line.append(f"  {sides[0]} → {sides[1]}", style=DIM)
        return line

    def body(self) -> Iterator[Line]:
        """The review's own changes, then each goal's (none for a file added or removed)."""
        w = self.w
        if self.diff.whole:
            return
        for change in self.diff.changes:
            if change.status is not None:
                where = w._("scale · {status}").format(status=clean_line(change.status))
            else:
                where = w._("review")
            yield self.change(change, where, "  ")
        for goal in self.diff.goals:
            yield from self.goal(goal)

    def goal(self, goal: GoalDiff) -> Iterator[Line]:
        w = self.w
        objective = clean_line(goal.goal.text("objective", self.diff.texts).text or "")
        if goal.state in ("added", "removed"):
            mark, word, style = (
                (ADDED_MARK, w._("goal added"), "green")
                if goal.state == "added"
                else (REMOVED_MARK, w._("goal removed"), "red")
            )
            yield Line(
                "  ",
                (mark, style),
                f" {word}: ",
                (clean_line(goal.id), "bold"),
                (f"  {objective}", DIM),
            )
            return
        yield Line("  ", (clean_line(goal.id), "bold"), (f"  {objective}", DIM))
        for change in goal.changes:
            yield self.change(change, None, "    ")
        for period, changes in goal.periods:
            for change in changes:
                yield self.change(change, clean_line(period), "    ")

    def change(self, change: Change, where: str | None, indent: str) -> Line:
        """``Q3 · status: ● Toteutuu → ◐ Toteutuu osittain  ▼ worsened``, and alike."""
        w = self.w
        name = w._(change.field.word)
        if change.key is not None:
            name += f" {clean_line(change.key)}"
        if change.language is not None:
            name += f" {untranslated_mark(change.language)}"
        line = Line(indent + (f"{where} · " if where else "") + f"{name}: ")
        if change.field.kind == "status":
            line.extend(self._status(change.before, self.diff.old_review))
            line.append(" → ")
            line.extend(self._status(change.after, self.diff.review))
            if change.move is not None:
                mark, style = _MOVES[change.move]
                line.append(f"  {mark} ", style=style)
                line.append(w._(MOVE_WORDS[change.move]))
        elif change.pieces:
            line.extend(self.pieces(change))
        else:
            line.append(clean_line(value_text(w, change.before)))
            line.append(" → ")
            line.append(clean_line(value_text(w, change.after)))
        return line

    def pieces(self, change: Change) -> Line:
        """A changed text or list with what was taken out and put in marked."""
        list_kind = change.field.kind == "list"
        shown = change.pieces if list_kind else excerpt(change.pieces)
        text = Line()
        for i, (sign, piece) in enumerate(shown):
            if list_kind and i:
                text.append(", ")
            before, core, after = (
                trimmed(clean_line(piece)) if sign != "=" else ("", clean_line(piece), "")
            )
            text.append(before)
            if sign == "=":
                text.append(core)
            elif self.plain:
                text.append(f"[-{core}-]" if sign == "-" else f"{{+{core}+}}")
            else:
                text.append(core, style=_OUT if sign == "-" else _IN)
            text.append(after)
        return text

    def _status(self, label: object, review: Review | None) -> Line:
        if not isinstance(label, str):
            return Line(("· " + self.w._("not assessed"), DIM))
        if review is None or review.status(label) is None:
            review = self.diff.review if self.diff.review.status(label) else None
        if review is None:
            return Line(clean_line(label))
        shown = status_text(review, label, review.translation_for(self.w.code))
        return Line((shown.plain, shown.style))


def review_diff_lines(diff: ReviewDiff, plain: bool) -> list[Line]:
    """One file's changes: its heading, then a line per change."""
    lines = Lines(diff, plain)
    return [lines.heading(), *lines.body()]


def review_diff_rich(diff: ReviewDiff, plain: bool) -> RenderableType:
    return Group(*(line.rich() for line in review_diff_lines(diff, plain)))


def diff_lines(diffs: Sequence[ReviewDiff], plain: bool) -> list[Line]:
    """Several files' changes, one after another."""
    return [line for diff in diffs for line in review_diff_lines(diff, plain)]


def history_lines(history: History, plain: bool) -> list[Line]:
    """Every commit of a history, newest first, a blank line between two."""
    lines: list[Line] = []
    for revision in history.revisions:
        if lines:
            lines.append(Line())
        lines += revision_lines(history, revision, plain)
    return lines


def revision_lines(history: History, revision: Revision, plain: bool) -> list[Line]:
    """One commit of a history: ``a1b2c3d4e5 2.10.2021 Anna Virtanen: subject``, then what
    it changed in the file."""
    w = history.words
    line = Line(
        (revision.short, "yellow"),
        f" {w.date(revision.date.date())} ",
        (clean_line(revision.author), "bold"),
    )
    if revision.subject:
        line.append(f": {clean_line(revision.subject)}")
    lines = [line]
    if revision.old_path != revision.path:
        renamed = w._("renamed from {path}").format(path=clean_line(revision.old_path))
        lines.append(Line((f"  {renamed}", DIM)))
    if revision.cut:
        cut = w._("(the history before this commit is not in this shallow clone)")
        lines.append(Line((f"  {cut}", DIM)))
    for problem in revision.problems:
        lines.append(Line((f"  {clean_line(problem)}", "red")))
    if revision.diff is not None:
        body = Lines(revision.diff, plain)
        lines += [body.heading()] if revision.diff.whole else list(body.body())
    return lines
