"""cProfile of goaltui where the benchmarks say it is slow, with the top functions printed.

    python bench/profiling.py startup   # the TUI at 10,000 goals, in a pty, up to the first frame
    python bench/profiling.py summary   # goaltui summary of 10,000 goals
    python bench/profiling.py save      # write_snapshot of an edited 10,000-goal review
    python bench/profiling.py keys      # 60 space presses at 10,000 goals (headless app)
    python bench/profiling.py savekeys  # the UI thread from ctrl+s to the save's summary

Run bench/run.py (or bench/generate.py) first so that bench/out holds the data. Profiles are
written to bench/out/profile-*.prof for snakeviz or ``python -m pstats``. cProfile slows
Python-heavy code several times over: read the shares, not the absolute times.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from ptyterm import PtyApp  # noqa: E402
from run import OUT, PYTHON, files_of, objectives, scratch, title, tui_env  # noqa: E402


def show(path: Path, limit: int) -> None:
    for key in ("cumulative", "tottime"):
        out = io.StringIO()
        stats = pstats.Stats(str(path), stream=out)
        stats.strip_dirs().sort_stats(key).print_stats(limit)
        print(f"== {path.name}, by {key}")
        print(out.getvalue().split("\n", 6)[-1].strip("\n"))
        print()


def profiled(profile: Path, *arguments: str) -> list[str]:
    """The goaltui command under cProfile. Its arguments go to ``main`` itself: the command
    proper ends its process at once (os._exit), before cProfile could write the profile."""
    code = (
        "import cProfile, sys; from goaltui.cli import main; "
        "cProfile.run('main(sys.argv[2:])', sys.argv[1])"
    )
    return [PYTHON, "-c", code, str(profile), *arguments]


def startup(profile: Path) -> None:
    """The app under cProfile in a 120x40 pty; ctrl+q after the first frame lets it write."""
    goals = int(os.environ.get("GOALS", "10000"))  # GOALS=1000 for the middle size
    path = files_of(goals, 1)[0]
    heading = title(path)[:30]
    app = PtyApp(profiled(profile, str(path)), env=tui_env())
    try:
        first = app.first_frame(heading.encode(), quiet=1.0, timeout=300)
        print(f"first frame (under cProfile) at {first:.2f} s")
        missing = [row for row in objectives(path, 15) if not any(row in s for s in app.screen())]
        if missing:
            raise RuntimeError(f"table not on screen: {missing}")
        app.send("ctrl+q")
        deadline = time.perf_counter() + 60
        while app.child.isalive() and time.perf_counter() < deadline:
            app.pump(0.1)
    finally:
        app.close()


def summary(profile: Path) -> None:
    path = files_of(10000, 1)[0]
    env = dict(os.environ, COLUMNS="120")
    subprocess.run(
        profiled(profile, "summary", str(path)), stdout=subprocess.DEVNULL, env=env, check=True
    )


def save(profile: Path) -> None:
    from goaltui.files.document import Document, write_snapshot

    path = scratch(files_of(10000, 1)[0])
    doc = Document.open(path)
    doc.session.cycle_status(doc.review.goals[0].id, doc.review.current_period())
    snapshot = doc.snapshot()
    profiler = cProfile.Profile()
    profiler.runcall(write_snapshot, snapshot)
    profiler.dump_stats(profile)


def keys(profile: Path) -> None:
    """Space pressed 60 times in the app (Textual's headless test mode), only the presses profiled.

    Headless Textual lays out and renders the screen but writes nothing to a terminal, so this
    shows goaltui's and Textual's work per key without the cost of the terminal output.
    """
    import asyncio

    from goaltui.files.document import Document
    from goaltui.tui.app import GoalApp

    path = scratch(files_of(10000, 1)[0])
    app = GoalApp([Document.open(path)])
    profiler = cProfile.Profile()

    async def drive() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause(0.5)
            profiler.enable()
            for _ in range(60):
                await pilot.press("space")
                await pilot.pause(0.03)
            profiler.disable()
            app.exit()

    asyncio.run(drive())
    profiler.dump_stats(profile)


def savekeys(profile: Path) -> None:
    """The UI thread (headless app) from ctrl+s, with space every 20 ms, to the save's summary.

    cProfile sees only the thread it runs in, so the save's worker thread is left out: what is
    listed is what keeps the keys waiting.
    """
    import asyncio

    from goaltui.files.document import Document
    from goaltui.tui.app import GoalApp
    from goaltui.tui.dialogs.summary_dialog import SummaryDialog

    path = scratch(files_of(10000, 1)[0])
    app = GoalApp([Document.open(path)])
    profiler = cProfile.Profile()

    async def drive() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause(0.5)
            await pilot.press("space")
            await pilot.pause(0.1)
            started = time.perf_counter()
            profiler.enable()
            await pilot.press("ctrl+s")
            while not isinstance(app.screen, SummaryDialog):
                if time.perf_counter() - started > 120:
                    raise RuntimeError("no summary dialog after 120 s")
                await pilot.press("space")
                await pilot.pause(0.02)
            await pilot.pause(0.2)
            profiler.disable()
            print(
                f"ctrl+s to the summary dialog (headless, profiled): "
                f"{time.perf_counter() - started:.2f} s"
            )
            app.exit()

    asyncio.run(drive())
    profiler.dump_stats(profile)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Profile goaltui on 10,000 goals.")
    modes = {
        "startup": startup,
        "summary": summary,
        "save": save,
        "keys": keys,
        "savekeys": savekeys,
    }
    parser.add_argument("what", choices=tuple(modes))
    parser.add_argument("--limit", type=int, default=25, help="functions to list")
    arguments = parser.parse_args(argv)
    profile = OUT / f"profile-{arguments.what}.prof"
    profile.unlink(missing_ok=True)
    modes[arguments.what](profile)
    if not profile.exists():
        print(f"no profile was written to {profile}", file=sys.stderr)
        return 1
    show(profile, arguments.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
