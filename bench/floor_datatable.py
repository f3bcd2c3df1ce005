"""Floor for the TUI: the least a competent engineer would write to show the goals in a table.

    python bench/floor_datatable.py FILE [FILE ...]

Parses the file(s) with tomllib and shows Textual's DataTable with one row per goal: objective,
binding, the status label in each period, and the forecast of the latest assessed period. Space
cycles the selected goal's status in the period under review with
``update_cell_at(..., update_width=True)``, which is what a DataTable-based goaltui would do on an
edit. Text from the file goes into ``rich.text.Text`` so that "[vaihe 2]" is shown, not read as
markup. The objective column has a fixed width so that the period columns fit 120 terminal
columns; every other column is sized to its content. Nothing else: no validation, no saving.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.widgets import DataTable

OBJECTIVE_WIDTH = 30


class FloorApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("space", "cycle", "Cycle")]

    def __init__(self, paths: list[Path]) -> None:
        super().__init__()
        self.paths = paths
        self.goals: list[dict[str, Any]] = []
        self.periods: list[str] = []
        self.labels: list[str | None] = []
        self.current = 0

    def compose(self) -> ComposeResult:
        yield DataTable(cursor_type="row")

    def on_mount(self) -> None:
        table: DataTable[Text] = self.query_one(DataTable)
        for path in self.paths:
            with path.open("rb") as handle:
                data = tomllib.load(handle)
            if not self.periods:
                self.periods = data["review"]["periods"]
                self.labels = [s["label"] for s in data["review"]["statuses"]]
                self.labels.append(None)
            self.goals.extend(data.get("goals", []))
        # A fixed width for the long text, so the periods fit a 120-column terminal.
        table.add_column("objective", width=OBJECTIVE_WIDTH)
        table.add_columns("binding", *self.periods, "forecast")
        rows = []
        latest = -1
        for goal in self.goals:
            entries = goal.get("periods", {})
            assessed = [p for p in self.periods if "status" in entries.get(p, {})]
            forecast = entries[assessed[-1]].get("forecast", "") if assessed else ""
            if assessed:
                latest = max(latest, self.periods.index(assessed[-1]))
            row = [Text(goal["objective"]), Text("yes" if goal.get("binding") else "no")]
            row += [Text(entries.get(p, {}).get("status", "")) for p in self.periods]
            row.append(Text(forecast))
            rows.append(row)
        table.add_rows(rows)
        # The period under review, as docs/format.md defines it: after the latest one assessed.
        self.current = min(latest + 1, len(self.periods) - 1)

    def action_cycle(self) -> None:
        """Cycle the status of the selected goal in the period under review."""
        table: DataTable[Text] = self.query_one(DataTable)
        row, column = table.cursor_row, 2 + self.current
        period = self.periods[self.current]
        entry = self.goals[row].setdefault("periods", {}).setdefault(period, {})
        label = entry.get("status")
        after = self.labels[(self.labels.index(label) + 1) % len(self.labels)]
        if after is None:
            entry.pop("status", None)
        else:
            entry["status"] = after
        table.update_cell_at(Coordinate(row, column), Text(after or ""), update_width=True)


def main() -> int:
    FloorApp([Path(argument) for argument in sys.argv[1:]]).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
