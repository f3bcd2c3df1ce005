"""The goal table's lines of goals (see :mod:`.goal_table`): the objective, a status per
period, the forecast and comment mark of the period the cursor is on, and the marks of
cells changed since the revision compared with (``goaltui --since``)."""

from __future__ import annotations

from typing import Protocol

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from goaltui.outputs.marks import BINDING_MARK, UNEXPLAINED_MARK
from goaltui.outputs.since import CHANGED_MARK, NO_CELLS, SinceMarks
from goaltui.outputs.styled import fit
from goaltui.review.model import Goal, Review
from goaltui.tui.widgets.bounded import line
from goaltui.tui.widgets.measures_column import measures_cell
from goaltui.tui.widgets.table_layout import BINDING_WIDTH, Layout
from goaltui.tui.widgets.table_legend import COMMENT_MARK


class DrawnTable(Protocol):
    """What a line needs of the table it is drawn for (the goal table itself)."""

    review: Review
    current: str
    since: SinceMarks | None
    _statuses: dict[str, tuple[str, str, Style]]
    _cursor_col: int

    @property
    def rich_style(self) -> Style: ...
    @property
    def has_focus(self) -> bool: ...
    @property
    def cursor_period(self) -> str: ...
    def get_component_rich_style(self, *names: str, partial: bool = False) -> Style: ...
    def _layout(self) -> Layout: ...
    def _colour(self, label: str) -> Style: ...
    def _objective(self, goal: Goal) -> str: ...
    def _forecast(self, goal: Goal, period: str) -> str: ...
    def _has_comment(self, goal: Goal, period: str) -> bool: ...


def goal_line(table: DrawnTable, index: int, is_cursor_row: bool, width: int) -> Strip:
    """One goal's line: its objective, its status in each period, and the forecast and
    comment mark of the period the cursor is on."""
    layout = table._layout()
    goal = table.review.goals[index]
    base = table.rich_style
    if is_cursor_row:
        base = base + table.get_component_rich_style("goal-table--cursor-row")
    dim = table.get_component_rich_style("goal-table--dim")
    warning = table.get_component_rich_style("goal-table--warning")
    current_style = table.get_component_rich_style("goal-table--current")
    cursor = table.get_component_rich_style("goal-table--cursor")
    show_cursor = is_cursor_row and table.has_focus
    changed = NO_CELLS if table.since is None else table.since.cells(table.review, goal)
    binding = f" {BINDING_MARK} " if goal.is_binding else " " * BINDING_WIDTH
    segments = [
        *marked(table, changed.goal, binding, base),
        Segment(line(table._objective(goal), layout.objective), base),
    ]
    for column, period in enumerate(table.review.periods):
        cell_style = base + current_style if period == table.current else base
        # under the cursor the status is drawn in the cursor's own colour: no status
        # colour keeps its contrast on the cursor's background in every theme
        on_top = Style()
        if is_cursor_row and column == table._cursor_col:
            on_top = cursor if show_cursor else Style(underline=True)
        segments.extend(marked(table, period in changed.statuses, " ", base))
        label = goal.status_in(period)
        known = table._statuses.get(label) if label is not None else None
        if known is None:
            segments.append(Segment(" " * layout.cell, cell_style + on_top))
            continue
        mark, text, _ = known
        flag = table.review.is_unexplained(goal, period)
        body = f" {mark}" if layout.short else f" {mark} {text}"
        colour = table._colour(label) if label is not None else Style()
        shown = fit(body, min(layout.cell - flag, cell_len(body)))
        segments.append(Segment(shown, cell_style + colour + on_top))
        if flag:  # right after the status, however wide the cell
            segments.append(Segment(UNEXPLAINED_MARK, cell_style + warning + on_top))
        rest = layout.cell - cell_len(shown) - flag
        if rest > 0:
            segments.append(Segment(" " * rest, cell_style + on_top))
    shown_period = table.cursor_period  # the forecast and comment the cursor is on
    forecast = " " + line(table._forecast(goal, shown_period), layout.forecast)
    segments.extend(marked(table, shown_period in changed.forecasts, forecast, base))
    if layout.measures:
        met, marks = measures_cell(table.review, goal, shown_period, layout.measures)
        segments.append(Segment(met, base))
        segments.append(Segment(marks, base + warning))
    has_comment = table._has_comment(goal, shown_period)
    mark = fit(f" {COMMENT_MARK}" if has_comment else "  ", width - used(segments))
    comment_style = base if has_comment else dim
    segments.extend(marked(table, shown_period in changed.comments, mark, comment_style))
    return Strip(segments, width)


def marked(table: DrawnTable, changed: bool, text: str, style: Style) -> list[Segment]:
    """``text``, which starts with the space before a cell; where the cell's value
    changed since the revision compared with, that space is the mark that says so."""
    if not changed or not text:
        return [Segment(text, style)]
    mark = Segment(CHANGED_MARK, style + table.get_component_rich_style("goal-table--changed"))
    return [mark, Segment(text[1:], style)]


def used(segments: list[Segment]) -> int:
    return sum(segment.cell_length for segment in segments)
