"""The table of goals: one row per goal, grouped by theme, one column per period.

Built on Textual's Line API: only the lines on screen are rendered, and an edit repaints the
one line it changed. No cell is measured to lay the table out: column widths come from the
status scale, the terminal's width and one pass over the current period's forecasts (see
table_layout.py), so ten thousand goals open almost as fast as ten.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import partial
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
from goaltui.outputs.since import SinceMarks
from goaltui.outputs.styled import fit, status_style
from goaltui.review.model import Goal, Review
from goaltui.text import clean_line
from goaltui.tui.contrast import readable_styles
from goaltui.tui.keys import Keyed, key
from goaltui.tui.speech import Speech
from goaltui.tui.widgets.bounded import cut, line
from goaltui.tui.widgets.goal_line import goal_line, used
from goaltui.tui.widgets.measures_column import MET_MARK, measures_legend, measures_width
from goaltui.tui.widgets.table_layout import (
    BINDING_WIDTH,
    MAX_FORECAST,
    Layout,
    layout,
    widest_forecast,
)
from goaltui.tui.widgets.table_legend import COMMENT_MARK, legend_lines


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
        # The longest forecast of any goal and period (as cut for its column): measured once
        # for the review and language shown, not again at every width.
        self._longest: str | None = None
        self._statuses: dict[str, tuple[str, str, Style]] = {}
        self._readable: dict[str, Style] | None = None  # the statuses' colours as shown
        self._legend_lines: tuple[int, list[Strip]] | None = None  # for one width
        #: Set by the screen while the table is under the pane (see table_layout.layout).
        self.most_objective: int | None = None
        #: With ``goaltui --since REV``: the cells changed since REV are marked (set by the screen).
        self.since: SinceMarks | None = None
        self._measures = 0
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
        self._widths = self._legend_lines = self._longest = None
        self._readable = None
        self._measures = measures_width(review)
        self._rows = []
        self.show_goals(None)
        if keep is not None and any(goal.id == keep for goal in review.goals):
            self.move_to(keep)

    def show_speech(self, speech: Speech) -> None:
        """Show the review's texts and goaltui's words in the language of ``speech``."""
        self.speech = speech
        self._set_statuses()
        self._widths = self._legend_lines = self._longest = None  # the legend speaks it too
        self._readable = None
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

    def _forecast(self, goal: Goal, period: str) -> str:
        """The goal's forecast in ``period``, in the language shown."""
        return self.speech.shown(self.review, goal.entry(period).text("forecast", self._texts))

    def _has_comment(self, goal: Goal, period: str) -> bool:
        """Whether the goal has a comment in ``period`` to show, in any language."""
        comment = goal.entry(period).text("comment", self._texts).text
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
        self._widths = self._legend_lines = None
        self.refresh()

    def refresh_goal(self, goal_id: str) -> None:
        """Repaint the one line of this goal (after an edit)."""
        goal = self.review.goal(goal_id)
        layout = self._layout()
        longest = max(
            cell_len(cut(self._forecast(goal, p), MAX_FORECAST)) for p in self.review.periods
        )
        self._longest = None  # measured again at the next layout, the edit's forecast with them
        if layout.forecast < MAX_FORECAST and longest > layout.forecast:
            self._widths = self._legend_lines = None  # the forecast column grows: every line moves
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
        old, old_column = self._cursor_row, self._cursor_col
        self._cursor_row, self._cursor_col = row, column
        if column != old_column:
            self.refresh()  # the forecast and comment columns show the new period
        self._refresh_row(old)
        self._refresh_row(row)
        legend = len(self._legend())
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
        if 1 <= y < self.size.height - len(self._legend()):  # the last lines: the legend's
            self.refresh(Region(0, y, self._width, 1))

    def on_focus(self) -> None:
        self._refresh_row(self._cursor_row)

    def on_blur(self) -> None:
        self._refresh_row(self._cursor_row)

    def on_resize(self) -> None:
        self._widths = self._legend_lines = None
        self._resize_virtual()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._readable = self._legend_lines = None  # another theme: other backgrounds

    def _colour(self, label: str) -> Style:
        """A status's colour in the shade readable on every background the table draws it
        on (rows, the cursor's row, the current period's column, the legend)."""
        if self._readable is None:
            part = self.get_component_rich_style
            row, current, base = (
                part("goal-table--cursor-row"),
                part("goal-table--current"),
                self.rich_style,
            )
            grounds = [
                base,
                base + row,
                base + current,
                base + row + current,
                part("goal-table--header"),
            ]
            styles = {name: style for name, (_, _, style) in self._statuses.items()}
            self._readable = readable_styles(styles, [ground.bgcolor for ground in grounds])
        return self._readable[label]

    def _resize_virtual(self) -> None:
        """Rows, the column headings above them and, when marks stand alone, the legend."""
        legend = len(self._legend()) if self._width else 0
        self.virtual_size = Size(self._width, len(self._rows) + 1 + legend)

    def _layout(self) -> Layout:
        width = self._width
        if self._widths is None or self._widths[0] != width:
            # every period's forecasts: the column follows the cursor, and keeps its width
            if self._longest is None:
                self._longest = widest_forecast(
                    self.review, self._texts, partial(self.speech.shown, self.review)
                )
            marks = [(mark, label) for mark, label, _ in self._statuses.values()]
            title = max((self._forecast_title(p) for p in self.review.periods), key=cell_len)
            found = layout(
                width,
                self.review.periods,
                marks,
                [self._longest],
                title,
                self._measures,
                self.most_objective,
            )
            self._widths = (width, found)
        return self._widths[1]

    def render_line(self, y: int) -> Strip:
        width = self._width
        if y == 0:
            return self._header_line(width)
        legend = self._legend()
        if y >= self.size.height - len(legend):
            return legend[y - self.size.height + len(legend)]
        row = y - 1 + int(self.scroll_offset.y)
        if row == 0 and not self._rows:  # a filter that matches nothing says so
            empty = self.speech.w._("No goal matches the filter: Esc clears it")
            return Strip([Segment(line(f" {empty}", width), self.rich_style)], width)
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
        return goal_line(self, entry, row == self._cursor_row, width)

    def _forecast_title(self, period: str) -> str:
        return f"{self._words['forecast']} {clean_line(period)}"

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
        title = fit(f" {self._forecast_title(self.cursor_period)}", layout.forecast + 1)
        segments.append(Segment(title, header))
        if layout.measures:
            segments.append(Segment(fit(f" {MET_MARK}", layout.measures), header))
        segments.append(Segment(fit(f" {COMMENT_MARK}", width - used(segments)), header))
        return Strip(segments, width)

    def _legend(self) -> list[Strip]:
        """The legend's lines at the bottom: as many as its marks need at this width."""
        width = self._width
        if self._legend_lines is None or self._legend_lines[0] != width:
            header = self.get_component_rich_style("goal-table--header")
            statuses = [
                (f"{mark} {label}", self._colour(name))
                for name, (mark, label, _) in self._statuses.items()
            ]
            shown = statuses if self._layout().short else []
            more = measures_legend(self.review, self.speech.w) if self._measures else None
            lines = legend_lines(width, header, shown, self._words, more)
            self._legend_lines = (width, lines)
        return self._legend_lines[1]
