"""Floor for ``goaltui summary``: parse, count the statuses per period, print a Rich table.

    python bench/floor_summary.py FILE [FILE ...]

One counts table per file and nothing else: no validation, no goal list, no attention list.
"""

from __future__ import annotations

import sys
import tomllib
from collections import Counter

from rich.console import Console
from rich.table import Table
from rich.text import Text


def main() -> int:
    console = Console()
    for name in sys.argv[1:]:
        with open(name, "rb") as handle:
            data = tomllib.load(handle)
        periods: list[str] = data["review"]["periods"]
        labels: list[str | None] = [s["label"] for s in data["review"]["statuses"]]
        counts = {p: Counter[str | None]() for p in periods}
        for goal in data.get("goals", []):
            entries = goal.get("periods", {})
            for period in periods:
                counts[period][entries.get(period, {}).get("status")] += 1
        table = Table(title=Text(data["review"]["title"]))
        table.add_column("status")
        for period in periods:
            table.add_column(Text(period), justify="right")
        for label in [*labels, None]:
            name_cell = Text(label if label is not None else "not assessed")
            table.add_row(name_cell, *(str(counts[p][label]) for p in periods))
        console.print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
