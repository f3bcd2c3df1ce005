"""The goal table's last line: what each mark in the table means."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from goaltui.outputs.marks import BINDING_MARK, UNEXPLAINED_MARK

COMMENT_MARK = "✎"


def legend_lines(
    width: int,
    style: Style,
    statuses: Sequence[tuple[str, Style]],
    words: Mapping[str, str],
    measures: str | None = None,
) -> list[Strip]:
    """The statuses (given when the cells show marks alone, each "mark label" in its colour),
    then the unexplained mark, the binding goal's and the comment's, and the measures
    column's marks (``measures``, where the table has it): on one line, or on as many as
    they need at ``width``, never cut."""
    items = [(f" {text} ", style + colour) for text, colour in statuses]
    items += [
        (f" {mark} {meaning} ", style)
        for mark, meaning in (
            (UNEXPLAINED_MARK, words["unexplained"]),
            (BINDING_MARK, words["binding"]),
            (COMMENT_MARK, words["comment"]),
        )
    ]
    if measures:
        items.append((f" {measures} ", style))
    lines: list[list[Segment]] = [[Segment(" ", style)]]
    used = 1
    for text, item_style in items:
        if used + cell_len(text) > width and used > 1:
            lines.append([Segment(" ", style)])
            used = 1
        lines[-1].append(Segment(text, item_style))
        used += cell_len(text)
    return [Strip(line).crop_extend(0, width, style) for line in lines]
