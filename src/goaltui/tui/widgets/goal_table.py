"""The table of goals: one row per goal, grouped by theme, one column per period.

Built on Textual's Line API: only the lines on screen are rendered, and an edit repaints the
one line it changed. No cell is measured to lay the table out: column widths come from the
status scale, the terminal's width and one pass over the current period's forecasts (see
table_layout.py), so ten thousand goals open almost as fast as ten.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from goaltui.language import N_
from goaltui.outputs.marks import BINDING_MARK, UNEXPLAINED_MARK
from goaltui.outputs.since import CHANGED_MARK, NO_CELLS, SinceMarks
from goaltui.outputs.styled import fit, status_style
from goaltui.review.model import Goal, Review
from goaltui.text import clean_line
from goaltui.tui.keys import Keyed, key
from goaltui.tui.speech import Speech
from goaltui.tui.widgets.bounded import cut, line
from goaltui.tui.widgets.table_layout import BINDING_WIDTH, MAX_FORECAST, Layout, layout

COMMENT_MARK = "✎"


@dataclass(frozen=True, slots=True)
class ThemeHeading:
    """A row that heads the goals of one theme (shown as its first goal says it)."""

    theme: str | None
    first: int  # the index of the theme's first goal


Row = int | ThemeHeading  # a goal's index in the review, or a theme's heading


class GoalTable(Keyed, ScrollView, can_focus=True, inherit_bindings=False):
    """Goals down, periods across; the cursor sits on one goal's status in one period."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "goal-table--header",
        "goal-table--theme",
        "goal-table--cursor",
        "goal-table--cursor-row",
        "goal-table--current",
        "goal-table--dim",
        "goal-table--warning",
        "goal-table--changed",
    }

    @dataclass
    class CursorMoved(Message):
        """The selected goal or period changed."""

        table: GoalTable
        goal_id: str | None
        period: str

    def __init__(
        self, review: Review, current: str, speech: Speech, *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.review = review
        self.current = current
        self.speech = speech
        self._words = speech.words
        self._texts = speech.texts(review)
        self._rows: list[Row] = []
        self._row_of: dict[int, int] = {}  # goal index -> row
        self._cursor_row = 0
        self._cursor_col = review.periods.index(current)
        self._widths: tuple[int, Layout] | None = None
        self._statuses: dict[str, tuple[str, str, Style]] = {}
        #: With ``goaltui --since REV``: the cells changed since REV are marked (set by the screen).
        self.since: SinceMarks | None = None
        self.show_review(review)

    # -- what is shown (set by the screen) ---------------------------------------------

    def show_review(self, review: Review) -> None:
        """Show a (reloaded) review; the cursor stays on its goal and period if they remain."""
        keep = self.cursor_goal_id if self._rows else None
        period = self.cursor_period if self._rows else self.current
        self.review = review
        self._set_statuses()
        if self.current not in review.periods:
            self.current = review.current_period()
        self._cursor_col = review.periods.index(
            period if period in review.periods else self.current
        )
        self._widths = None
        self._rows = []
        self.show_goals(None)
        if keep is not None and any(goal.id == keep for goal in review.goals):
            self.move_to(keep)

    def show_speech(self, speech: Speech) -> None:
        """Show the review's texts and goaltui's words in the language of ``speech``."""
        self.speech = speech
        self._set_statuses()
        self._widths = None
        self.refresh()

    def _set_statuses(self) -> None:
        review, speech = self.review, self.speech
        self._words = speech.words
        self._texts = texts = speech.texts(review)
        self._statuses = {
            s.label: (
                s.mark,
                clean_line(speech.shown(review, s.text("label", texts))),
                status_style(s),
            )
            for s in review.statuses
        }

    def _objective(self, goal: Goal) -> str:
        """The goal's objective in the language shown, maybe marked untranslated."""
        return self.speech.shown(self.review, goal.text("objective", self._texts))

    def _forecast(self, goal: Goal) -> str:
        """The goal's forecast in the current period, in the language shown."""
        return self.speech.shown(
            self.review, goal.entry(self.current).text("forecast", self._texts)
        )

    def _has_comment(self, goal: Goal) -> bool:
        """Whether the goal has a comment in the current period to show, in any language."""
        comment = goal.entry(self.current).text("comment", self._texts).text
        return bool(comment and comment.strip())

    def show_goals(self, goal_indexes: list[int] | None) -> None:
        """Show these goals (all when ``None``), grouped by theme in order of appearance."""
        keep = self.cursor_goal_index if self._rows else None
        rows: list[Row] = []
        for theme, members in self.review.by_theme(goal_indexes).items():
            rows.append(ThemeHeading(theme, members[0]))
            rows.extend(members)
        self._rows = rows
        self._row_of = {goal: row for row, goal in enumerate(rows) if isinstance(goal, int)}
        self._cursor_row = (
            self._row_of.get(keep, self._first_goal_row())
            if keep is not None
            else self._first_goal_row()
        )
        self._resize_virtual()
        self.refresh()
        self._announce()

    def set_current(self, period: str) -> None:
        self.current = period
        self._widths = None
        self.refresh()

    def refresh_goal(self, goal_id: str) -> None:
        """Repaint the one line of this goal (after an edit)."""
        forecast = cut(self._forecast(self.review.goal(goal_id)), MAX_FORECAST)
        layout = self._layout()
        if layout.forecast < MAX_FORECAST and cell_len(forecast) > layout.forecast:
            self._widths = None  # the forecast column grows: every line moves
            self.refresh()
            return
        row = self._row_of.get(self.review.goal_index(goal_id))
        if row is not None:
            self._refresh_row(row)

    @property
    def cursor_goal_index(self) -> int | None:
        return self._goal_at(self._cursor_row)

    def _goal_at(self, row: int) -> int | None:
        """The index of the goal on ``row``; None on a theme's heading or past the rows."""
        entry = self._rows[row] if 0 <= row < len(self._rows) else None
        return entry if isinstance(entry, int) else None

    @property
    def cursor_goal_id(self) -> str | None:
        index = self.cursor_goal_index
        return None if index is None else self.review.goals[index].id

    @property
    def cursor_period(self) -> str:
        return self.review.periods[self._cursor_col]

    @property
    def shown_goals(self) -> int:
        return len(self._row_of)

    def move_to(self, goal_id: str, period: str | None = None) -> bool:
        """Put the cursor on a goal (and period); False when the goal is not shown."""
        row = self._row_of.get(self.review.goal_index(goal_id))
        if row is None:
            return False
        column = self.review.periods.index(period) if period else self._cursor_col
        self._move(row, column)
        return True

    # -- the cursor ------------------------------------------------------------------

    def _first_goal_row(self) -> int:
        return 1 if len(self._rows) > 1 else 0

    def _move(self, row: int, column: int) -> None:
        old = self._cursor_row
        self._cursor_row, self._cursor_col = row, column
        self._refresh_row(old)
        self._refresh_row(row)
        legend = 1 if self._layout().short else 0
        self.scroll_to_region(
            Region(0, row + 1, 1, 1), spacing=Spacing(1, 0, legend, 0), animate=False, force=True
        )
        self._announce()

    def _announce(self) -> None:
        self.post_message(self.CursorMoved(self, self.cursor_goal_id, self.cursor_period))

    def _step(self, delta: int) -> None:
        """Move ``delta`` goals up or down, stepping over theme headings."""
        if abs(delta) > 1:
            goal_rows = [row for row, entry in enumerate(self._rows) if isinstance(entry, int)]
            if not goal_rows:
                return
            here = bisect.bisect_left(goal_rows, self._cursor_row)
            target = goal_rows[max(0, min(len(goal_rows) - 1, here + delta))]
            self._move(target, self._cursor_col)
            return
        row = self._cursor_row + delta
        while 0 <= row < len(self._rows) and isinstance(self._rows[row], ThemeHeading):
            row += delta
        if 0 <= row < len(self._rows):
            self._move(row, self._cursor_col)
        elif delta < 0:
            self.scroll_to(y=0, animate=False)  # show the first theme's heading

    @key("down,j", N_("Move down"), show=False)
    def action_cursor_down(self) -> None:
        self._step(1)

    @key("up,k", N_("Move up"), show=False)
    def action_cursor_up(self) -> None:
        self._step(-1)

    @key("left,h", N_("Move left"), show=False)
    def action_cursor_left(self) -> None:
        self._move(self._cursor_row, max(0, self._cursor_col - 1))

    @key("right,l", N_("Move right"), show=False)
    def action_cursor_right(self) -> None:
        self._move(self._cursor_row, min(len(self.review.periods) - 1, self._cursor_col + 1))

    @key("pagedown", N_("Page down"), show=False)
    def action_page_down_goals(self) -> None:
        self._step(max(1, self.size.height - 2))

    @key("pageup", N_("Page up"), show=False)
    def action_page_up_goals(self) -> None:
        self._step(-max(1, self.size.height - 2))

    @key("home", N_("First goal"), show=False)
    def action_first_goal(self) -> None:
        self._move(self._first_goal_row(), self._cursor_col)
        self.scroll_to(y=0, animate=False)

    @key("end", N_("Last goal"), show=False)
    def action_last_goal(self) -> None:
        if self._rows:
            self._move(len(self._rows) - 1, self._cursor_col)

    def on_click(self, event: events.Click) -> None:
        if event.y == 0:
            return
        row = event.y - 1 + int(self.scroll_offset.y)
        if self._goal_at(row) is None:
            return
        column = self._layout().column_at(event.x)
        if column is None:
            column = self._cursor_col
        self._move(row, min(max(column, 0), len(self.review.periods) - 1))

    # -- rendering -------------------------------------------------------------------

    @property
    def _width(self) -> int:
        """Cells left of the scrollbar."""
        return self.scrollable_content_region.width

    def _refresh_row(self, row: int) -> None:
        y = row + 1 - int(self.scroll_offset.y)
        if 1 <= y < self.size.height - (1 if self._layout().short else 0):
            self.refresh(Region(0, y, self._width, 1))

    def on_focus(self) -> None:
        self._refresh_row(self._cursor_row)

    def on_blur(self) -> None:
        self._refresh_row(self._cursor_row)

    def on_resize(self) -> None:
        self._widths = None
        self._resize_virtual()

    def _resize_virtual(self) -> None:
        """Rows, the column headings above them and, when marks stand alone, the legend."""
        legend = 1 if self._width and self._layout().short else 0
        self.virtual_size = Size(self._width, len(self._rows) + 1 + legend)

    def _layout(self) -> Layout:
        width = self._width
        if self._widths is None or self._widths[0] != width:
            forecasts = (self._forecast(goal) for goal in self.review.goals)
            marks = [(mark, label) for mark, label, _ in self._statuses.values()]
            found = layout(width, self.review.periods, marks, forecasts, self._words["forecast"])
            self._widths = (width, found)
        return self._widths[1]

    def render_line(self, y: int) -> Strip:
        width = self._width
        if y == 0:
            return self._header_line(width)
        if y == self.size.height - 1 and self._layout().short:
            return self._legend_line(width)
        row = y - 1 + int(self.scroll_offset.y)
        if row >= len(self._rows):
            return Strip.blank(width, self.rich_style)
        entry = self._rows[row]
        if isinstance(entry, ThemeHeading):
            text = self._words["no theme"]
            if entry.theme is not None:
                first = self.review.goals[entry.first]
                text = self.speech.shown(self.review, first.text("theme", self._texts))
            style = self.get_component_rich_style("goal-table--theme")
            return Strip([Segment(line(f" {text}", width), style)], width)
        return self._goal_line(entry, row == self._cursor_row, width)

    def _header_line(self, width: int) -> Strip:
        layout = self._layout()
        header = self.get_component_rich_style("goal-table--header")
        current = header + self.get_component_rich_style("goal-table--current")
        goals = " " * BINDING_WIDTH + self._words["goals"]
        segments = [Segment(fit(goals, BINDING_WIDTH + layout.objective), header)]
        for period in self.review.periods:
            style = current if period == self.current else header
            segments.append(Segment(" ", header))
            segments.append(Segment(fit(f" {clean_line(period)}", layout.cell), style))
        title = fit(f" {self._words['forecast']}", layout.forecast + 1)
        segments.append(Segment(title, header))
        segments.append(Segment(fit(f" {COMMENT_MARK}", width - _used(segments)), header))
        return Strip(segments, width)

    def _legend_line(self, width: int) -> Strip:
        """With marks alone in the cells, a line at the bottom says what each mark means."""
        header = self.get_component_rich_style("goal-table--header")
        segments = [Segment(" ", header)]
        for mark, label, colour in self._statuses.values():
            segments.append(Segment(f" {mark} {label} ", header + colour))
        segments.append(Segment(f" {UNEXPLAINED_MARK} {self._words['unexplained']}", header))
        return Strip(segments).crop_extend(0, width, header)

    def _goal_line(self, index: int, is_cursor_row: bool, width: int) -> Strip:
        layout = self._layout()
        goal = self.review.goals[index]
        base = self.rich_style
        if is_cursor_row:
            base = base + self.get_component_rich_style("goal-table--cursor-row")
        dim = self.get_component_rich_style("goal-table--dim")
        warning = self.get_component_rich_style("goal-table--warning")
        current_style = self.get_component_rich_style("goal-table--current")
        cursor = self.get_component_rich_style("goal-table--cursor")
        show_cursor = is_cursor_row and self.has_focus
        changed = NO_CELLS if self.since is None else self.since.cells(self.review, goal)
        binding = f" {BINDING_MARK} " if goal.is_binding else " " * BINDING_WIDTH
        segments = [
            *self._marked(changed.goal, binding, base),
            Segment(line(self._objective(goal), layout.objective), base),
        ]
        for column, period in enumerate(self.review.periods):
            cell_style = base + current_style if period == self.current else base
            if is_cursor_row and column == self._cursor_col:
                cell_style = cell_style + (cursor if show_cursor else Style(underline=True))
            segments.extend(self._marked(period in changed.statuses, " ", base))
            label = goal.status_in(period)
            known = self._statuses.get(label) if label is not None else None
            if known is None:
                segments.append(Segment(" " * layout.cell, cell_style))
                continue
            mark, text, colour = known
            flag = self.review.is_unexplained(goal, period)
            body = f" {mark}" if layout.short else f" {mark} {text}"
            segments.append(Segment(fit(body, layout.cell - flag), cell_style + colour))
            if flag:
                segments.append(Segment(UNEXPLAINED_MARK, cell_style + warning))
        forecast = " " + line(self._forecast(goal), layout.forecast)
        segments.extend(self._marked(self.current in changed.forecasts, forecast, base))
        has_comment = self._has_comment(goal)
        mark = fit(f" {COMMENT_MARK}" if has_comment else "  ", width - _used(segments))
        comment_style = base if has_comment else dim
        segments.extend(self._marked(self.current in changed.comments, mark, comment_style))
        return Strip(segments, width)

    def _marked(self, changed: bool, text: str, style: Style) -> list[Segment]:
        """``text``, which starts with the space before a cell; where the cell's value
        changed since the revision compared with, that space is the mark that says so."""
        if not changed or not text:
            return [Segment(text, style)]
        mark = Segment(CHANGED_MARK, style + self.get_component_rich_style("goal-table--changed"))
        return [mark, Segment(text[1:], style)]


def _used(segments: list[Segment]) -> int:
    return sum(segment.cell_length for segment in segments)
