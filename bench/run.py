"""goaltui against its floor: one run, the two interleaved, a Markdown table at the end.

    python bench/run.py                        # everything (about 5-10 minutes)
    python bench/run.py --only tui --pairs 5   # one group: summary, tui, keys, save, cli

Every measurement runs goaltui and its floor (the least a competent engineer would write for
the same job, on the same generated files) alternately, A B A B ..., so that a noisy machine
slows both alike. See bench/README.md for what each row measures and how.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import hashlib
import importlib.metadata
import math
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
import tomllib
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import tomli_w

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import file_name, generate  # noqa: E402
from ptyterm import SYNC_END, PtyApp, PtyError, visible  # noqa: E402

OUT = HERE / "out"
WORK = OUT / "work"  # scratch copies for the sessions that edit and save
PYTHON = sys.executable
GOALTUI = [str(Path(PYTHON).parent / "goaltui")]
FLOOR_TUI = [PYTHON, str(HERE / "floor_datatable.py")]
FLOOR_SUMMARY = [PYTHON, str(HERE / "floor_summary.py")]
GROUPS = ("summary", "tui", "keys", "save", "cli", "folder", "measures")

#: (goals per file, files) of every data set.
DATASETS = ((100, 10), (1000, 1), (10000, 1), (2, 5000))
FOLDER = (2, 5000)  # the folder of many small files, opened at once


# -- results ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Target:
    """What goaltui must achieve: a ratio of medians, or an absolute median or maximum."""

    kind: str  # "ratio", "median" or "max"
    limit: float
    text: str
    p95: float | None = None  # and the 95th percentile of goaltui's samples at most this


@dataclass(slots=True)
class Row:
    measurement: str
    size: str
    unit: str  # "s", "ms" or "MiB"
    ours: list[float]
    floor: list[float] = field(default_factory=list)
    target: Target | None = None

    @property
    def ratio(self) -> float | None:
        if not self.ours or not self.floor:
            return None
        return statistics.median(self.ours) / statistics.median(self.floor)

    @property
    def passed(self) -> bool | None:
        if self.target is None or not self.ours:
            return None
        if self.target.p95 is not None and percentile(self.ours, 0.95) > self.target.p95:
            return False
        if self.target.kind == "ratio":
            ratio = self.ratio
            return None if ratio is None else ratio <= self.target.limit
        value = statistics.median(self.ours) if self.target.kind == "median" else max(self.ours)
        return value <= self.target.limit


def percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` of the samples lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(share * len(ordered)) - 1))]


@dataclass(slots=True)
class Check:
    """A yes/no row: e.g. that a command never imports Textual."""

    measurement: str
    size: str
    result: str
    passed: bool


@dataclass(slots=True)
class Report:
    rows: list[Row | Check] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def add(self, row: Row | Check) -> None:
        self.rows.append(row)
        print(f"  {_line(row)}", flush=True)


def _scale(unit: str) -> float:
    return {"ms": 1000.0}.get(unit, 1.0)


def _spread(values: list[float], unit: str) -> str:
    if not values:
        return "—"
    k = _scale(unit)
    digits = 1 if unit in ("ms", "MiB") else 2
    mid, low, high = statistics.median(values) * k, min(values) * k, max(values) * k
    text = f"{mid:.{digits}f} {unit} ({low:.{digits}f}–{high:.{digits}f})"
    if unit == "ms" and len(values) >= 10:  # key latencies: the slow tail matters too
        text += f", p95 {percentile(values, 0.95) * k:.{digits}f}"
    return text


def _verdict(passed: bool | None) -> str:
    return "—" if passed is None else ("pass" if passed else "**FAIL**")


def _line(row: Row | Check) -> str:
    if isinstance(row, Check):
        return f"{row.measurement} [{row.size}]: {row.result} -> {_verdict(row.passed)}"
    ratio = f"{row.ratio:.2f}" if row.ratio is not None else "—"
    return (
        f"{row.measurement} [{row.size}]: goaltui {_spread(row.ours, row.unit)}, "
        f"floor {_spread(row.floor, row.unit)}, ratio {ratio} -> {_verdict(row.passed)}"
    )


def markdown(report: Report) -> str:
    lines = [
        "| measurement | size | goaltui median (min–max) | floor median (min–max) "
        "| ratio of medians | target | pass/fail |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in report.rows:
        if isinstance(row, Check):
            cells = [row.measurement, row.size, row.result, "—", "—", "never", _verdict(row.passed)]
        else:
            ratio = f"{row.ratio:.2f}" if row.ratio is not None else "—"
            target = row.target.text if row.target else "—"
            cells = [
                row.measurement,
                row.size,
                _spread(row.ours, row.unit),
                _spread(row.floor, row.unit),
                ratio,
                target,
                _verdict(row.passed),
            ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def source_fingerprint() -> str:
    """Which goaltui was measured: a hash of its package files and the git commit."""
    import goaltui

    package = Path(goaltui.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".tcss"):
            digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    git = subprocess.run(
        ["git", "-C", str(package), "log", "-1", "--format=%h"],
        capture_output=True,
        text=True,
        check=False,
    )
    dirty = subprocess.run(
        ["git", "-C", str(package), "status", "--porcelain", "--", "."],
        capture_output=True,
        text=True,
        check=False,
    )
    commit = git.stdout.strip() or "no git"
    changes = " + uncommitted changes" if dirty.stdout.strip() else ""
    return f"{package} at {commit}{changes}, files sha256 {digest.hexdigest()[:12]}"


def machine() -> str:
    model = "unknown CPU"
    with contextlib.suppress(OSError), open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    usable = len(os.sched_getaffinity(0))
    with open("/proc/loadavg") as load:
        loadavg = " ".join(load.read().split()[:3])
    versions = ", ".join(
        f"{name} {importlib.metadata.version(name)}"
        for name in ("goaltui", "textual", "rich", "tomli-w")
    )
    return (
        f"- goaltui source measured: {source_fingerprint()}\n"
        f"- machine: {model}, {os.cpu_count()} cores ({usable} usable), "
        f"load average at start {loadavg}\n"
        f"- Python {platform.python_version()} ({platform.python_implementation()}), {versions}\n"
        f"- date: {datetime.now().astimezone().isoformat(timespec='seconds')}"
    )


# -- data ---------------------------------------------------------------------------------


def _stamp() -> str:
    source = (HERE / "generate.py").read_bytes()
    return hashlib.sha256(source + repr(DATASETS).encode()).hexdigest()


def dataset(goals: int) -> Path:
    return OUT / f"g{goals}"


#: 10,000 goals with three indicators each, their values in every period assessed.
MEASURED_GOALS, MEASURED_INDICATORS = 10000, 3
MEASURED = OUT / f"g{MEASURED_GOALS}i{MEASURED_INDICATORS}"


def measured_file() -> Path:
    return MEASURED / file_name(MEASURED_GOALS, 0)


def files_of(goals: int, count: int) -> list[Path]:
    return [dataset(goals) / file_name(goals, i) for i in range(count)]


def prepare(regenerate: bool) -> None:
    """Generate the data sets unless the same generator already made them."""
    stamp_file = OUT / "stamp"
    stamp = _stamp()
    fresh = stamp_file.exists() and stamp_file.read_text() == stamp
    made = (p for g, n in DATASETS for p in files_of(g, n))
    every = [*made, measured_file()]
    present = merged_file().exists() and all(p.exists() for p in every)
    if fresh and not regenerate and present:
        print("data: reusing bench/out (same generator)")
    else:
        for goals, count in DATASETS:
            started = time.perf_counter()
            written = generate(goals, count, dataset(goals))
            total = sum(size for _, size in written)
            took = time.perf_counter() - started
            print(f"data: {count} file(s) x {goals} goals: {total:,} bytes ({took:.1f} s)")
        write_merged()
        generate(MEASURED_GOALS, 1, MEASURED, indicators=MEASURED_INDICATORS)
        stamp_file.write_text(stamp)
    for goals, count in DATASETS:
        total = sum(p.stat().st_size for p in files_of(goals, count))
        print(f"  {dataset(goals).relative_to(HERE.parent)}: {count} x {goals} goals, {total:,} B")


def merged_file() -> Path:
    """One file holding the goals of every file of the folder data set."""
    goals, count = FOLDER
    return OUT / f"g{goals}x{count}-one" / f"review-{goals * count}g-merged.toml"


def write_merged() -> None:
    """The folder's goals in one review (ids made unique by their file's number)."""
    from dataclasses import replace

    from generate import build

    from goaltui.files.canonical import render

    goals, count = FOLDER
    reviews = [build(goals, index) for index in range(count)]
    merged = replace(
        reviews[0],
        goals=[
            replace(goal, id=f"f{index + 1}-{goal.id}")
            for index, review in enumerate(reviews)
            for goal in review.goals
        ],
    )
    path = merged_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(merged, path), encoding="utf-8", newline="")
    print(f"data: 1 file of the folder's {len(merged.goals):,} goals: {path.stat().st_size:,} B")


def compile_bytecode() -> None:
    """Bytecode for every goaltui module, as ``pip install`` leaves it.

    Python reads bytecode even when it is told not to write any (PYTHONDONTWRITEBYTECODE, as
    set in some development shells): without this, an editable install compiles each of its
    modules from source at every start, which an installed goaltui never does and which the
    floors, made of installed libraries, never pay.
    """
    import compileall

    import goaltui

    compileall.compile_dir(Path(goaltui.__file__).parent, quiet=1)


def _journal(path: Path) -> Path:
    try:
        from goaltui.files.recovery import journal_path
    except ImportError:
        return path.with_name(f".{path.name}.goaltui-recovery.json")
    return journal_path(path)


def scratch(source: Path) -> Path:
    """A fresh copy of ``source`` in bench/out/work, with no journal or temporary file."""
    if WORK.exists():
        shutil.rmtree(WORK)
    WORK.mkdir(parents=True)
    copy = WORK / source.name
    shutil.copyfile(source, copy)
    return copy


def no_journal(path: Path) -> None:
    """goaltui offers to restore edits journaled by an earlier session: none must be there."""
    journal = _journal(path)
    if journal.exists():
        raise RuntimeError(f"{journal} exists: an earlier session left edits; delete it")


def review_of(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def objectives(path: Path, count: int) -> list[str]:
    return [str(goal["objective"])[:16] for goal in review_of(path)["goals"][:count]]


def title(path: Path) -> str:
    return str(review_of(path)["review"]["title"])


# -- helpers ------------------------------------------------------------------------------


def tui_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env["TERM"] = "xterm-256color"
    return env


def interleave(pairs: int, ours: Callable[[], float], floor: Callable[[], float]) -> Row:
    """Run goaltui and its floor alternately; the row gets both lists of samples."""
    a: list[float] = []
    b: list[float] = []
    for _ in range(pairs):
        a.append(ours())
        b.append(floor())
    return Row("", "", "s", a, b)


def wall(argv: Sequence[str], env: dict[str, str]) -> float:
    """Wall time of a process whose stdout goes to a pipe that is read to the end."""
    started = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, env=env, check=False)
    took = time.perf_counter() - started
    if proc.returncode != 0 or not proc.stdout:
        err = proc.stderr.decode(errors="replace")[-500:]
        raise RuntimeError(f"{' '.join(argv)} exited {proc.returncode}: {err}")
    return took


# -- a. summary ---------------------------------------------------------------------------


def bench_summary(report: Report, pairs: int) -> None:
    print("a. summary (subprocess wall time, stdout read from a pipe, COLUMNS=120)")
    env = dict(os.environ, COLUMNS="120")
    target = Target("ratio", 1.0, "ratio ≤ 1.0")
    for label, paths in (
        ("10 × 100", files_of(100, 10)),
        ("1 × 10,000", files_of(10000, 1)),
    ):
        names = [str(p) for p in paths]
        row = interleave(
            pairs,
            lambda names=names: wall([*GOALTUI, "summary", *names], env),
            lambda names=names: wall([*FLOOR_SUMMARY, *names], env),
        )
        row.measurement, row.size, row.target = "`goaltui summary`", label, target
        report.add(row)


# -- b. TUI start -------------------------------------------------------------------------


@dataclass(slots=True)
class Started:
    seconds: float
    mib: float


def start_tui(argv: Sequence[str], expected: str, must_show: Sequence[str]) -> tuple[PtyApp, float]:
    """Spawn and read until the first complete frame; asserts the table is on screen."""
    app = PtyApp(argv, env=tui_env())
    try:
        first = app.first_frame(expected.encode(), quiet=0.5, timeout=180)
        lines = app.screen()
        missing = visible(lines, must_show)
        if missing:
            shown = "\n".join(lines)
            raise PtyError(f"{argv[-1]}: not on screen at the first frame: {missing}\n{shown}")
    except BaseException:
        app.close()
        raise
    return app, first


def measure_start(argv: Sequence[str], expected: str, must_show: Sequence[str]) -> Started:
    app, first = start_tui(argv, expected, must_show)
    try:
        mib = app.peak_memory_kib() / 1024
    finally:
        app.close()
    return Started(first, mib)


def bench_tui(report: Report, pairs: int) -> None:
    print("b. TUI start to first complete frame, 120x40 pty (and peak memory, VmHWM)")
    targets = {
        100: Target("ratio", 1.1, "ratio ≤ 1.1"),
        1000: Target("ratio", 1.0, "ratio ≤ 1.0"),
        10000: Target("ratio", 0.5, "ratio ≤ 0.5"),
    }
    memory_targets = {10000: Target("ratio", 0.9, "ratio ≤ 0.9")}
    memory_rows: list[Row] = []
    for goals in (100, 1000, 10000):
        path = files_of(goals, 1)[0]
        no_journal(path)
        heading = title(path)[:30]
        rows = objectives(path, 15)
        ours: list[Started] = []
        floor: list[Started] = []
        for _ in range(pairs):
            ours.append(measure_start([*GOALTUI, str(path)], heading, [heading, *rows]))
            floor.append(measure_start([*FLOOR_TUI, str(path)], rows[0], rows))
        size = f"{goals:,} goals"
        report.add(
            Row(
                "TUI start → first complete frame",
                size,
                "s",
                [s.seconds for s in ours],
                [s.seconds for s in floor],
                targets.get(goals),
            )
        )
        memory_rows.append(
            Row(
                "TUI peak memory (VmHWM) at first frame",
                size,
                "MiB",
                [s.mib for s in ours],
                [s.mib for s in floor],
                memory_targets.get(goals),
            )
        )
    for row in memory_rows:
        report.add(row)


# -- c. key to repainted cell -------------------------------------------------------------


@dataclass(slots=True)
class Press:
    sent: float
    start: int  # output offset when the key was written
    frames: list[tuple[int, float]]  # (offset past the frame-end marker, arrival time)


def press(app: PtyApp, key: str, quiet: float = 0.15) -> Press:
    """Type a key and collect the frames it causes (until ``quiet`` s without output)."""
    while app.pump(0):  # what was written before the key is not its answer
        pass
    start = len(app.output)
    sent = app.send(key)
    if app.sync_answered:
        app.wait_for(SYNC_END, 30.0, start)
    else:
        while len(app.output) == start:
            if not app.pump(5.0):
                raise PtyError(f"{key}: no output")
    app.wait_quiet(quiet, 30.0)
    if app.sync_answered:
        frames = [(end, app.time_at(end - 1)) for end in app.frame_end_offsets(start)]
    else:  # no synchronized output: the update is everything up to the silence
        frames = [(len(app.output), app.times[-1])]
    return Press(sent, start, frames)


class Replay:
    """A pyte screen fed the program's output in order, to look at it at any offset."""

    def __init__(self, app: PtyApp) -> None:
        import pyte

        self.app = app
        self.screen = pyte.Screen(app.cols, app.rows)
        self.stream = pyte.ByteStream(self.screen)
        self.fed = 0

    def at(self, offset: int) -> list[str]:
        if offset < self.fed:
            raise ValueError("a replay only goes forward")
        self.stream.feed(bytes(self.app.output[self.fed : offset]))
        self.fed = offset
        return list(self.screen.display)


def _line_with(lines: list[str], text: str) -> str:
    """The table row that starts with ``text`` (goaltui's detail pane repeats it further right)."""
    for line in lines:
        if 0 <= line.find(text) < 8:
            return line
    raise PtyError(f"no line starts with {text!r}")


def cell_latencies(
    app: PtyApp, presses: list[Press], marker: str
) -> tuple[list[float], list[float]]:
    """Per press: key to the frame that changed the selected goal's line, and to the last frame.

    The selected goal's line is found by ``marker`` (the start of its objective); a press after
    which no frame changes that line fails the run.
    """
    replay = Replay(app)
    to_cell: list[float] = []
    to_end: list[float] = []
    for number, item in enumerate(presses, 1):
        before = _line_with(replay.at(item.start), marker)
        changed = None
        for offset, stamp in item.frames:
            if _line_with(replay.at(offset), marker) != before:
                changed = stamp
                break
        if changed is None:
            raise PtyError(f"press {number}: no frame repainted the selected goal's line")
        to_cell.append(changed - item.sent)
        to_end.append(item.frames[-1][1] - item.sent)
    return to_cell, to_end


def bench_keys(report: Report, presses: int, seed: int) -> None:
    print("c. space → repainted cell (goaltui cycles a status; the floor does update_cell_at)")
    rng = random.Random(seed)
    targets = {
        100: Target("median", 0.016, "goaltui median ≤ 16 ms"),
        10000: Target("median", 0.016, "goaltui median ≤ 16 ms, p95 ≤ 33 ms", p95=0.033),
    }
    for goals in (100, 10000):
        source = files_of(goals, 1)[0]
        path = scratch(source)
        heading = title(path)[:30]
        rows = objectives(path, 15)
        ours, _ = start_tui([*GOALTUI, str(path)], heading, [heading, *rows])
        try:
            floor, _ = start_tui([*FLOOR_TUI, str(path)], rows[0], rows)
        except BaseException:
            ours.close()
            raise
        try:
            a: list[Press] = []
            b: list[Press] = []
            for _ in range(presses):
                time.sleep(rng.uniform(0.05, 0.15))
                a.append(press(ours, "space"))
                time.sleep(rng.uniform(0.05, 0.15))
                b.append(press(floor, "space"))
        finally:
            ours.close()
            floor.close()
        a_cell, a_end = cell_latencies(ours, a, rows[0])
        b_cell, b_end = cell_latencies(floor, b, rows[0])
        if not (ours.sync_answered and floor.sync_answered):
            report.notes.append("keys: a program did not use synchronized output; silence used")
        size = f"{goals:,} goals"
        report.add(Row("space → repainted cell", size, "ms", a_cell, b_cell, targets[goals]))
        report.add(Row("space → update complete (last frame)", size, "ms", a_end, b_end))
        with contextlib.suppress(OSError):
            _journal(path).unlink()


def bench_measures(report: Report, pairs: int, presses: int, seed: int) -> None:
    """The start-up and key targets of b. and c. on 10,000 goals with 3 indicators each: the
    goal rows show indicators met, the detail pane lists them, the header the due date."""
    print("f. 10,000 goals x 3 indicators: TUI start and space → repainted cell")
    size = f"{MEASURED_GOALS:,} goals × {MEASURED_INDICATORS} indicators"
    source = measured_file()
    no_journal(source)
    heading = title(source)[:30]
    rows = objectives(source, 15)
    ours: list[Started] = []
    floor: list[Started] = []
    for _ in range(pairs):
        ours.append(measure_start([*GOALTUI, str(source)], heading, [heading, *rows]))
        floor.append(measure_start([*FLOOR_TUI, str(source)], rows[0], rows))
    started = Target("ratio", 0.6, "ratio ≤ 0.6")
    report.add(
        Row(
            "TUI start → first complete frame",
            size,
            "s",
            [s.seconds for s in ours],
            [s.seconds for s in floor],
            started,
        )
    )
    memory = Target("ratio", 1.2, "ratio ≤ 1.2")
    peak = "TUI peak memory (VmHWM) at first frame"
    report.add(Row(peak, size, "MiB", [s.mib for s in ours], [s.mib for s in floor], memory))
    rng = random.Random(seed)
    path = scratch(source)
    app, _ = start_tui([*GOALTUI, str(path)], heading, [heading, *rows])
    try:
        other, _ = start_tui([*FLOOR_TUI, str(path)], rows[0], rows)
    except BaseException:
        app.close()
        raise
    try:
        a: list[Press] = []
        b: list[Press] = []
        for _ in range(presses):
            time.sleep(rng.uniform(0.05, 0.15))
            a.append(press(app, "space"))
            time.sleep(rng.uniform(0.05, 0.15))
            b.append(press(other, "space"))
    finally:
        app.close()
        other.close()
    a_cell, a_end = cell_latencies(app, a, rows[0])
    b_cell, b_end = cell_latencies(other, b, rows[0])
    target = Target("median", 0.016, "goaltui median ≤ 16 ms")
    report.add(Row("space → repainted cell", size, "ms", a_cell, b_cell, target))
    report.add(Row("space → update complete (last frame)", size, "ms", a_end, b_end))
    with contextlib.suppress(OSError):
        _journal(path).unlink()


# -- d. save --------------------------------------------------------------------------------


def bench_save(report: Report, pairs: int) -> None:
    print("d. save of 10,000 goals: in process, then keys during a save in the pty")
    from goaltui.files.document import Document, write_snapshot

    source = files_of(10000, 1)[0]
    floor_path = WORK / "floor.toml"
    first: list[float] = []
    later: list[float] = []
    floor: list[float] = []
    gc.enable()  # timed in this process: with the collector on, as in the app
    for i in range(pairs):
        # A freshly opened review with one status cycled (not timed): the first save of a
        # session has no earlier text of its own to compare with, so it is the slow one.
        path = scratch(source)
        doc = Document.open(path)
        goals = doc.review.goals
        period = doc.review.current_period()
        doc.session.cycle_status(goals[(i * 997) % len(goals)].id, period)
        snapshot = doc.snapshot()
        gc.collect()
        started = time.perf_counter()
        saved = write_snapshot(snapshot)
        first.append(time.perf_counter() - started)
        doc.finish_save(saved)
        # A later save of the same session, after one more edit.
        doc.session.cycle_status(goals[(i * 997 + 501) % len(goals)].id, period)
        snapshot = doc.snapshot()
        gc.collect()
        started = time.perf_counter()
        saved = write_snapshot(snapshot)
        later.append(time.perf_counter() - started)
        data = tomllib.loads(saved.text)  # the same data, as the floor would hold it
        gc.collect()
        started = time.perf_counter()
        text = tomli_w.dumps(data, multiline_strings=True)
        with floor_path.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        floor.append(time.perf_counter() - started)
        if text != saved.text:
            raise RuntimeError("the floor wrote other bytes than goaltui: not the same job")
    report.add(
        Row(
            "first save after opening (write_snapshot vs tomli_w.dumps + write)",
            "10,000 goals",
            "s",
            first,
            floor,
            Target("ratio", 1.0, "ratio ≤ 1.0"),
        )
    )
    report.add(
        Row(
            "a later save, one more goal edited (same floor)",
            "10,000 goals",
            "s",
            later,
            floor,
            Target("ratio", 1.2, "ratio ≤ 1.2"),
        )
    )
    del doc, goals, saved, data
    gc.collect()
    gc.disable()
    keys_during_save(report, source)


def _row_state(line: str) -> str:
    """The selected goal's line without its edit mark (which a finished save may clear)."""
    return line.replace("✎", " ").rstrip()


def status_cycle(app: PtyApp, replay: Replay, marker: str) -> list[str]:
    """Space at rest until the selected goal's line is back as it was: its states, in order.

    Every press must change the line. The goal ends where it began.
    """
    while app.pump(0):
        pass
    states = [_row_state(_line_with(replay.at(len(app.output)), marker))]
    for _ in range(12):
        item = press(app, "space")
        state = _row_state(_line_with(replay.at(item.frames[-1][0]), marker))
        if state == states[-1]:
            raise PtyError("space at rest did not change the selected goal's line")
        if state == states[0]:
            return states
        states.append(state)
    raise PtyError("space did not cycle the selected goal's line back within 12 presses")


class EditsShown:
    """How many of the keys sent the frames so far have shown, frame by frame, as they come.

    Space cycles the selected goal's status, so a frame's line tells the number of edits only
    modulo the cycle's length: with fewer keys than that waiting for their edit, the number
    is certain, and the sender holds a key back rather than send one more.
    """

    def __init__(self, app: PtyApp, replay: Replay, marker: str, states: list[str]) -> None:
        self.app, self.replay, self.marker, self.states = app, replay, marker, states
        self.shown = states.index(_row_state(_line_with(replay.at(len(app.output)), marker)))
        self.sent: list[float] = []
        self.answered: list[float] = []  # per key: when a frame first showed its edit
        self.offset = len(app.output)

    @property
    def waiting(self) -> int:
        return len(self.sent) - len(self.answered)

    def may_send(self) -> bool:
        return self.waiting < len(self.states) - 1

    def send(self) -> None:
        self.sent.append(self.app.send("space"))

    def read(self, stop: int | None = None) -> None:
        """Look at every frame completed since the last call (up to offset ``stop``)."""
        output = self.app.output
        while True:
            at = output.find(SYNC_END, self.offset)
            if at < 0 or (stop is not None and at >= stop):
                return
            end = at + len(SYNC_END)
            self.offset = end
            line = _row_state(_line_with(self.replay.at(end), self.marker))
            if line not in self.states:
                raise PtyError(f"the selected goal's line shows none of its states: {line!r}")
            index = self.states.index(line)
            step = (index - self.shown) % len(self.states)
            if step > self.waiting:
                raise PtyError("a frame showed more edits than keys were waiting")
            stamp = self.app.time_at(end - 1)
            self.answered += [stamp] * step
            self.shown = index


def keys_during_save(report: Report, source: Path) -> None:
    """ctrl+s on an edited 10k file, then space every 20 ms: when each key's edit is on screen.

    The keys go on until the save's summary dialog is on screen (at least 2 s), so that every
    moment of the save has keys waiting; the first 2 s are reported on their own as well. A
    key is answered by the first frame that shows its edit on the selected goal's line (a
    pyte replay as the frames come), not by whatever frame comes next; while three keys wait
    for their edit, the next is held back (four states of the status repeat).
    """
    path = scratch(source)
    heading = title(path)[:30]
    rows = objectives(path, 15)
    saved = saved_note(path)  # before the session: it reads the whole file
    app, _ = start_tui([*GOALTUI, str(path)], heading, [heading, *rows])
    held = 0
    try:
        if not app.sync_answered:
            raise PtyError("goaltui did not turn on synchronized output: frames cannot be told")
        replay = Replay(app)
        states = status_cycle(app, replay, rows[0])
        press(app, "space")  # the edit to save
        start = len(app.output)
        edits = EditsShown(app, replay, rows[0], states)
        saving = app.send("ctrl+s")
        due = saving + 0.02
        found = -1
        while found < 0 or due <= saving + 2.0:
            if app.now() > saving + 180:
                raise PtyError("the save did not finish in 180 s")
            app.pump(due - app.now())
            if found < 0:
                found = app.output.find(saved, start)
                edits.read(None if found < 0 else found)
            if app.now() >= due:
                while app.pump(0):  # what was written before the key is not its answer
                    pass
                if found < 0:
                    found = app.output.find(saved, start)
                    edits.read(None if found < 0 else found)
                if edits.may_send():
                    edits.send()
                else:
                    held += 1
                due += 0.02
        app.wait_quiet(0.5, 60.0)
        done_offset = app.output.find(SYNC_END, found) + len(SYNC_END)
        done = app.time_at(done_offset - 1)
    finally:
        app.close()
    if path.read_bytes() == source.read_bytes():
        raise RuntimeError("ctrl+s did not change the file: the save was not measured")
    first: list[float] = []
    during: list[float] = []
    unanswered = 0
    for index, sent in enumerate(edits.sent):
        if sent >= done:
            continue  # the save's summary dialog is up: space does nothing there
        if index < len(edits.answered):
            latency = edits.answered[index] - sent
        else:  # the dialog came first and took the key: it waited at least until then
            unanswered += 1
            latency = done - sent
        during.append(latency)
        if sent <= saving + 2.0:
            first.append(latency)
    # "A save never blocks the keys": keys pressed during the save are answered about as
    # fast as at rest (the median under one frame, as for a key at rest); the worst key is in
    # the min–max column and in the notes.
    target = Target("median", 0.016, "median ≤ 16 ms, p95 ≤ 33 ms", p95=0.033)
    report.add(
        Row(
            f"space every 20 ms for 2 s after ctrl+s → edit on screen ({len(first)} keys)",
            "10,000 goals",
            "ms",
            first,
            target=target,
        )
    )
    report.add(
        Row(
            f"space every 20 ms from ctrl+s to the save's summary → edit on screen "
            f"({len(during)} keys)",
            "10,000 goals",
            "ms",
            during,
            target=target,
        )
    )
    report.notes.append(
        f"save in the TUI (10,000 goals): ctrl+s → summary dialog on screen {done - saving:.2f} s"
    )
    if during:
        report.notes.append(
            f"keys during that save: 95th percentile {percentile(during, 0.95) * 1000:.0f} ms, "
            f"worst {max(during) * 1000:.0f} ms; {held} key(s) held back while three waited, "
            f"{unanswered} never showed their edit before the summary dialog came "
            "(counted until the dialog)"
        )
    with contextlib.suppress(OSError):
        _journal(path).unlink()


def saved_note(path: Path) -> bytes:
    """How the save's summary dialog begins, in the language the app speaks for ``path``
    (its review's: the generated files are Finnish)."""
    from goaltui.language import catalogue

    code = review_of(path)["review"].get("language", "en")
    return catalogue(code)._("Saved {files}.").split("{")[0].encode()


# -- f. a folder of many files ----------------------------------------------------------------


def text_latencies(app: PtyApp, presses: list[Press], texts: Sequence[str]) -> list[float]:
    """Per press: key to the end of the first frame that shows its text on screen."""
    replay = Replay(app)
    found: list[float] = []
    for number, (item, text) in enumerate(zip(presses, texts, strict=True), 1):
        stamp = next(
            (stamp for offset, stamp in item.frames if visible(replay.at(offset), [text]) == []),
            None,
        )
        if stamp is None:
            raise PtyError(f"key {number}: no frame showed {text!r}")
        found.append(stamp - item.sent)
    return found


def quit_time(app: PtyApp) -> float:
    """ctrl+q to the program's end (its side of the terminal closed)."""
    while app.pump(0):
        pass
    sent = app.send("ctrl+q")
    deadline = time.perf_counter() + 60
    while not app.closed and time.perf_counter() < deadline:
        app.pump(0.01)
    ended = app.now()
    app.child.wait()
    if not app.closed:
        raise PtyError("the program did not end within 60 s of ctrl+q")
    return ended - sent


def bench_folder(report: Report, pairs: int, presses: int) -> None:
    goals, count = FOLDER
    print(f"f. a folder of {count:,} files of {goals} goals against one file of the same goals")
    from goaltui.files.paths import review_paths

    folder = dataset(goals)
    one = merged_file()
    order, problems = review_paths([str(folder)])
    if problems or len(order) != count:
        raise RuntimeError(f"{folder}: expected {count} files, found {len(order)}: {problems}")
    for path in [*order, one]:
        no_journal(path)
    tabs = min(presses, 10, count - 1)
    titles = [title(path) for path in order[: tabs + 1]]
    first_shown = [titles[0][:30], *objectives(order[0], goals)]
    one_shown = [title(one)[:30], *objectives(one, 15)]
    ours: list[Started] = []
    single: list[Started] = []
    switches: list[float] = []
    quits: list[float] = []
    single_quits: list[float] = []
    for _ in range(pairs):
        app, first = start_tui([*GOALTUI, str(folder)], titles[0][:30], first_shown)
        try:
            ours.append(Started(first, app.peak_memory_kib() / 1024))
            made: list[Press] = []
            for _ in range(tabs):
                time.sleep(0.1)
                made.append(press(app, ">", quiet=0.5))
            switches += text_latencies(app, made, titles[1:])
            quits.append(quit_time(app))
        finally:
            app.close()
        app, first = start_tui([*GOALTUI, str(one)], one_shown[0], one_shown)
        try:
            single.append(Started(first, app.peak_memory_kib() / 1024))
            single_quits.append(quit_time(app))
        finally:
            app.close()
    size = f"{count:,} files × {goals} goals vs 1 × {goals * count:,}"
    report.add(
        Row(
            "TUI start → first complete frame, folder (floor: one file of the same goals)",
            size,
            "s",
            [s.seconds for s in ours],
            [s.seconds for s in single],
            Target("ratio", 1.5, "ratio ≤ 1.5"),
        )
    )
    report.add(
        Row(
            "TUI peak memory (VmHWM) at first frame, folder (floor: one file)",
            size,
            "MiB",
            [s.mib for s in ours],
            [s.mib for s in single],
        )
    )
    report.add(
        Row(
            f"> → next file's title on screen ({len(switches)} keys)",
            f"{count:,} files",
            "ms",
            switches,
            target=Target("max", 0.1, "every key < 100 ms"),
        )
    )
    report.add(
        Row(
            "ctrl+q → program ended (floor: one file of the same goals)",
            size,
            "ms",
            quits,
            single_quits,
            Target("max", 0.1, "every quit < 100 ms"),
        )
    )


# -- e. command line ------------------------------------------------------------------------


def imported(argv: Sequence[str]) -> list[str]:
    """The modules a Python command imports, from ``-X importtime``."""
    proc = subprocess.run(
        [PYTHON, "-X", "importtime", *argv], capture_output=True, env=dict(os.environ), check=False
    )
    modules = []
    for line in proc.stderr.decode(errors="replace").splitlines():
        if line.startswith("import time:") and "|" in line:
            modules.append(line.rsplit("|", 1)[1].strip())
    if not modules:
        raise RuntimeError(f"no import times from {argv}: {proc.stderr[-300:]!r}")
    return modules


def bench_cli(report: Report, pairs: int) -> None:
    print("e. goaltui --help, and whether summary/check/fmt import Textual")
    env = dict(os.environ)
    floor_help = "import argparse; argparse.ArgumentParser(description='x').print_help()"
    row = interleave(
        max(pairs, 10),
        lambda: wall([*GOALTUI, "--help"], env),
        lambda: wall([PYTHON, "-c", floor_help], env),
    )
    row.measurement, row.size = "`goaltui --help`", "—"
    row.target = Target("median", 0.15, "median < 0.15 s")
    report.add(row)
    sample = scratch(files_of(100, 1)[0])
    results = []
    clean = True
    for command in ("summary", "check", "fmt"):
        modules = imported(["-m", "goaltui", command, str(sample)])
        textual = [m for m in modules if m == "textual" or m.startswith("textual.")]
        clean = clean and not textual
        results.append(
            f"{command}: {'textual!' if textual else 'no textual'} ({len(modules)} mod.)"
        )
    report.add(Check("imports Textual?", "summary/check/fmt", "; ".join(results), clean))


# -- main -----------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--only", default=",".join(GROUPS), help=f"comma-separated groups: {', '.join(GROUPS)}"
    )
    parser.add_argument("--pairs", type=int, default=5, help="goaltui/floor pairs (at least 5)")
    parser.add_argument("--presses", type=int, default=30, help="key presses per program")
    parser.add_argument("--seed", type=int, default=0, help="seed of the pauses between keys")
    parser.add_argument("--regenerate", action="store_true", help="write the data sets again")
    arguments = parser.parse_args(argv)
    groups = [g.strip() for g in arguments.only.split(",") if g.strip()]
    unknown = [g for g in groups if g not in GROUPS]
    if unknown:
        parser.error(f"unknown group(s) {', '.join(unknown)}; groups are {', '.join(GROUPS)}")
    if arguments.pairs < 1 or arguments.presses < 1:
        parser.error("--pairs and --presses must be at least 1")

    # The runner's own collections took up to 140 ms each once it had run the save group, and
    # one falling while a program's output was read was counted as that program's latency:
    # it collects only between programs (ptyterm.PtyApp) and around in-process timings.
    gc.disable()
    started = time.perf_counter()
    header = machine()
    print(header, flush=True)
    prepare(arguments.regenerate)
    compile_bytecode()
    report = Report()
    runs: dict[str, Callable[[], None]] = {
        "summary": lambda: bench_summary(report, arguments.pairs),
        "tui": lambda: bench_tui(report, arguments.pairs),
        "keys": lambda: bench_keys(report, arguments.presses, arguments.seed),
        "save": lambda: bench_save(report, arguments.pairs),
        "cli": lambda: bench_cli(report, arguments.pairs),
        "folder": lambda: bench_folder(report, arguments.pairs, arguments.presses),
        "measures": lambda: bench_measures(
            report, arguments.pairs, arguments.presses, arguments.seed
        ),
    }
    try:
        for group in GROUPS:
            if group not in groups:
                continue
            try:
                runs[group]()
            except Exception as error:  # one broken group must not lose the others' results
                traceback.print_exc()
                report.errors.append(f"{group}: {type(error).__name__}: {error}")
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(WORK)
    print()
    print("## goaltui against its floor")
    print()
    print(header)
    print(f"- pairs: {arguments.pairs} (interleaved A B A B), key presses: {arguments.presses}")
    print(f"- run took {time.perf_counter() - started:.0f} s")
    print()
    print(markdown(report))
    for note in report.notes:
        print(f"\n- {note}")
    for error in report.errors:
        print(f"\n- **ERROR** in group {error}")
    failed = [row for row in report.rows if row.passed is False]
    print(f"\n{len(failed)} target(s) missed, {len(report.errors)} group(s) failed to run.")
    return 1 if failed or report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
