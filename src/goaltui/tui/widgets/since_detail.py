"""With ``goaltui --since REV``: what changed in the selected goal since REV, old → new.

A part of the detail pane, put under it by the review screen only when the app compares with
a revision; its lines are the diff's (:mod:`goaltui.outputs.since`), as ``goaltui diff``
writes them.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from goaltui.outputs.since import CHANGED_MARK, SinceMarks
from goaltui.review.model import Goal, Review
from goaltui.text import clean_line


def since_text(marks: SinceMarks, review: Review, goal: Goal, name: str) -> Text:
    """The heading and the goal's changes since the revision, a line each."""
    w = marks.words
    revision = clean_line(marks.revision)
    lines = marks.lines(review, goal, name)
    if not lines:
        said = w.pgettext(
            "the detail pane, with --since: the goal has not changed", "No changes since {revision}"
        ).format(revision=revision)
        return Text(said, style="dim")
    text = Text(f"{CHANGED_MARK} ", style="bold")
    heading = w.pgettext("the detail pane, with --since: a heading", "Changes since {revision}")
    text.append(heading.format(revision=revision), style="bold underline")
    found = marks.diff(review, goal)
    # A changed goal's first line names it, which the pane above already does.
    for line in lines[1:] if found is not None and found.state == "changed" else lines:
        shown = line.rich()
        text.append("\n")
        text.append_text(shown[len(shown.plain) - len(shown.plain.lstrip()) :])  # no indent
    return text


class SinceDetail(Static):
    """The selected goal's changes since the revision (empty for a file without one)."""

    _shown: Text | None = None

    @property
    def text(self) -> str:
        """What it shows, as text."""
        return self._shown.plain if self._shown is not None else ""

    def show(self, marks: SinceMarks | None, review: Review, goal: Goal | None, name: str) -> None:
        text = since_text(marks, review, goal, name) if marks and goal else Text()
        if text != self._shown:
            self._shown = text
            self.update(text)
