"""How wide each column of the goal table is, for one terminal width.

Widths come from the status scale, the period names and the lengths of the current period's
forecasts (one quick pass over strings, done again only when the period or the width
changes), never from rendering cells, so a large review lays out almost as fast as a small one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from goaltui.review.model import Review
from goaltui.review.texts import Localized
from goaltui.tui.widgets.bounded import cut

#: Cells the objective keeps before status labels give way to marks. The objective grows to
#: this width before labels appear, and past it only beside the labels: so an objective is
#: never cut shorter at a wider terminal.
MIN_OBJECTIVE = 44
MIN_FORECAST = 8
MAX_FORECAST = 16  # longer forecasts are cut in the table; the detail pane shows them whole
BINDING_WIDTH = 3  # " ◆ " before the objective
COMMENT_WIDTH = 2  # " ✎" at the end


@dataclass(frozen=True, slots=True)
class Layout:
    """Column widths for one terminal width.

    Every line of the table is drawn by these widths, left to right: the binding mark
    (:data:`BINDING_WIDTH`), the objective, for each period a space and its cell, a space
    and the forecast, and the comment mark.
    """

    objective: int
    cell: int  # one period's cell, the unexplained mark included
    short: bool  # cells show the status's mark alone (and the table shows a legend)
    forecast: int
    measures: int = 0  # indicators met and the marks of the measures, after the forecast

    def column_at(self, x: int) -> int | None:
        """The period whose cell, or the space after it, is ``x`` cells from the left of a
        line (past the last period: a number beyond it); None left of the first period."""
        offset = x - BINDING_WIDTH - self.objective - 1
        return offset // (self.cell + 1) if offset >= 0 else None


def layout(
    width: int,
    periods: Sequence[str],
    statuses: Iterable[tuple[str, str]],
    forecasts: Iterable[str],
    forecast_title: str,
    measures: int = 0,
    most_objective: int | None = None,
) -> Layout:
    """Widths for ``width`` cells: the objective keeps room, status labels shrink first.

    ``statuses`` are (mark, label) pairs; ``forecasts`` those of the period shown. With
    ``most_objective`` the objective is no wider (the table under the pane, which a wider
    terminal moves beside it); the room left widens the periods' cells.
    """
    pairs = list(statuses)
    marks = max([cell_len(mark) for mark, _ in pairs] + [1])
    full = max([cell_len(f" {mark} {label}") for mark, label in pairs] + [1])
    # past MAX_FORECAST cells a forecast is cut anyway: measure no more of it (it may be long)
    longest = max((cell_len(cut(forecast, MAX_FORECAST)) for forecast in forecasts), default=0)
    forecast = min(max(MIN_FORECAST, longest, cell_len(forecast_title)), MAX_FORECAST)
    fixed = BINDING_WIDTH + 1 + forecast + measures + COMMENT_WIDTH
    room = (width - fixed - MIN_OBJECTIVE) // len(periods) - 1
    cell = full + 1  # +1: the unexplained mark
    short = room < cell  # no room for whole labels: marks alone
    if short:
        cell = max(marks + 2, *(cell_len(period) + 1 for period in periods))
    left = max(8, width - fixed - len(periods) * (cell + 1))
    objective = min(left, MIN_OBJECTIVE) if short else left
    if most_objective is not None:
        objective = min(objective, max(most_objective, 8))
    spare = left - objective
    forecast += spare % len(periods)
    return Layout(objective, cell + spare // len(periods), short, forecast, measures)


def widest_forecast(
    review: Review, texts: str | None, shown: Callable[[Localized[str | None]], str]
) -> str:
    """The widest forecast of any goal and period (in ``texts``, as ``shown`` shows it) as
    the table cuts it: the first of the widest, as ``max`` would give it. Only the entries
    there are are looked at, so 10,000 goals are measured in a fraction of the time."""
    longest, most = "", 0
    for goal in review.goals:
        entries = goal.periods
        if not entries:
            continue
        for period in review.periods:
            entry = entries.get(period)
            if entry is None or (entry.forecast is None and not entry.translated):
                continue
            text = cut(shown(entry.text("forecast", texts)), MAX_FORECAST)
            if cell_len(text) > most:
                longest, most = text, cell_len(text)
    return longest
