"""The goal table's last line: what each mark in the table means."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from goaltui.outputs.marks import BINDING_MARK, UNEXPLAINED_MARK

COMMENT_MARK = "✎"


def legend_line(
    width: int, style: Style, statuses: Sequence[tuple[str, Style]], words: Mapping[str, str]
) -> Strip:
    """The statuses (given when the cells show marks alone, each "mark label" in its colour),
    then the unexplained mark, the binding goal's and the comment's."""
    segments = [Segment(" ", style)]
    for text, colour in statuses:
        segments.append(Segment(f" {text} ", style + colour))
    for mark, meaning in (
        (UNEXPLAINED_MARK, words["unexplained"]),
        (BINDING_MARK, words["binding"]),
        (COMMENT_MARK, words["comment"]),
    ):
        segments.append(Segment(f" {mark} {meaning} ", style))
    return Strip(segments).crop_extend(0, width, style)
