"""How the app copes with one very long text: the time to move the cursor onto its goal, and the
peak memory of the process.

    python bench/long_text.py --bytes 5000000            # one line of 5 MB in a description
    python bench/long_text.py --bytes 5000000 --lines    # the same, in lines of 80 characters
    python bench/long_text.py --bytes 60000000 --field comment   # or objective, forecast

Each size runs in a fresh process (the peak memory is the process's own): it writes a review of
three goals whose second one holds the long text, opens it in the headless app (120 x 40), moves
the cursor from the first goal onto the second and back, and prints the seconds each move took
to repaint, the seconds to open, and the peak resident memory.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from goaltui.files.canonical import render
from goaltui.review.model import Goal, PeriodEntry, Review, Status

STATUSES = (Status("On track", "green", "●"), Status("At risk", "yellow", "◐"))
WORDS = "kulttuuri palvelu toimiala asukas harrastus kirjasto liikunta päätös tyytyväisyys "


def long_text(size: int, lines: bool) -> str:
    text = (WORDS * (size // len(WORDS) + 1))[:size]
    if not lines:
        return text
    return "\n".join(text[i : i + 80] for i in range(0, len(text), 80))


def write_review(path: Path, size: int, lines: bool, field: str) -> None:
    text = long_text(size, lines)
    goals = []
    for i in range(3):
        long = {field: text} if i == 1 else {}
        entry = PeriodEntry(
            status="On track",
            comment=long.get("comment", f"Comment {i}."),
            forecast=long.get("forecast", f"{i} %"),
        )
        goals.append(
            Goal(
                id=f"goal-{i}",
                objective=long.get("objective", f"Objective {i}"),
                description=long.get("description", f"Goal {i}."),
                periods={"Q1": entry},
            )
        )
    review = Review(
        title="One long text", periods=("Q1", "Q2"), statuses=STATUSES, goals=goals, current="Q1"
    )
    path.write_text(render(review, path), encoding="utf-8")


def measure(path: Path) -> dict[str, float]:
    from goaltui.files.document import Document
    from goaltui.tui.app import GoalApp

    started = time.perf_counter()
    app = GoalApp([Document.open(path)])
    figures: dict[str, float] = {}

    async def main() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            figures["open_s"] = time.perf_counter() - started
            for name, key in (("onto_s", "down"), ("off_s", "up"), ("onto_again_s", "down")):
                began = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                figures[name] = time.perf_counter() - began

    asyncio.run(main())
    figures["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bytes", type=int, default=5_000_000)
    parser.add_argument("--lines", action="store_true", help="lines of 80 characters")
    fields = ("description", "comment", "objective", "forecast")
    parser.add_argument("--field", choices=fields, default="description")
    parser.add_argument("--child", metavar="FILE", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        print(json.dumps(measure(Path(arguments.child))))
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.toml"
        write_review(path, arguments.bytes, arguments.lines, arguments.field)
        child = subprocess.run(
            [sys.executable, __file__, "--child", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
    if child.returncode:
        print(child.stderr[-2000:], file=sys.stderr)
        raise SystemExit(child.returncode)
    figures = json.loads(child.stdout.strip().splitlines()[-1])
    shape = "lines of 80" if arguments.lines else "one line"
    print(
        f"{arguments.field} of {arguments.bytes:,} characters ({shape}): "
        + ", ".join(f"{name} {value:.2f}" for name, value in figures.items())
    )


if __name__ == "__main__":
    main()
