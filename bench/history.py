"""goaltui history against git log -p: the history of a 100-goal review over 500 commits.

    .venv/bin/python bench/history.py                  # 500 commits, 100 goals, 5 runs each
    .venv/bin/python bench/history.py --commits 200 --runs 9

Makes a repository in a temporary folder with one review file (``generate.build``, the
benchmarks' Helsinki-like data, in the canonical layout) and commits it as many times, each
commit changing three statuses and one comment or forecast of random goals, as a review meeting
would. The commits are written by one ``git fast-import``, so their objects are packed, as in a
clone. Then ``goaltui history review.toml`` and ``git log -p -- review.toml`` run alternately,
``--runs`` times each, output to a pipe read to the end, and the medians are compared.
Target: goaltui's median at most twice git's. Exits 1 when the target is missed.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import STATUSES, build  # noqa: E402

from goaltui.files.canonical import render  # noqa: E402
from goaltui.review.model import Review  # noqa: E402

GOALTUI = str(Path(sys.executable).parent / "goaltui")
TARGET = 2.0
GIT_ENV = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Anna Virtanen",
    "GIT_AUTHOR_EMAIL": "anna.virtanen@example.fi",
    "GIT_COMMITTER_NAME": "Anna Virtanen",
    "GIT_COMMITTER_EMAIL": "anna.virtanen@example.fi",
    "LC_ALL": "C",
}


def versions(goals: int, commits: int, seed: int = 0) -> list[str]:
    """The review's text at each commit: the first, then each with a few changes."""
    rng = random.Random(f"goaltui-bench-history:{seed}:{goals}:{commits}")
    review = build(goals, 0, seed)
    texts = [render(review, Path("review.toml"))]
    labels = [status.label for status in STATUSES]
    for _ in range(commits - 1):
        review = _changed(review, rng, labels)
        texts.append(render(review, Path("review.toml")))
    return texts


def _changed(review: Review, rng: random.Random, labels: list[str]) -> Review:
    goals = list(review.goals)
    for index in rng.sample(range(len(goals)), 3):
        period = rng.choice(review.periods[:3])
        goals[index] = goals[index].with_value(period, "status", rng.choice(labels))
    index = rng.randrange(len(goals))
    if rng.random() < 0.5:
        comment = f"Tilanne päivitetty kokouksessa {rng.randint(1, 9999)}."
        goals[index] = goals[index].with_value("Q3", "comment", comment)
    else:
        goals[index] = goals[index].with_value("Q3", "forecast", f"{rng.randint(0, 100)} %")
    return dataclasses.replace(review, goals=goals)


def make_repository(folder: Path, texts: Sequence[str]) -> None:
    """One commit per text, a day apart, written by one git fast-import."""
    env = {**os.environ, **GIT_ENV, "HOME": str(folder)}
    subprocess.run(["git", "init", "-q", "-b", "main", str(folder)], check=True, env=env)
    stream = bytearray()
    for i, text in enumerate(texts):
        data = text.encode("utf-8")
        message = f"Arviointi {i + 1}: tilat ja kommentit".encode()
        when = 1633078800 + i * 86400
        stream += b"commit refs/heads/main\n"
        stream += f"committer Anna Virtanen <anna.virtanen@example.fi> {when} +0300\n".encode()
        stream += b"data %d\n%s\n" % (len(message), message)  # its parent: the branch's tip
        stream += b"M 100644 inline review.toml\ndata %d\n%s\n" % (len(data), data)
    subprocess.run(
        ["git", "fast-import", "--quiet"], cwd=folder, input=bytes(stream), check=True, env=env
    )
    subprocess.run(["git", "checkout", "-q", "main"], cwd=folder, check=True, env=env)


def timed(command: Sequence[str], folder: Path) -> tuple[float, int]:
    """Wall time of ``command`` with its output read to the end, and the bytes it wrote."""
    env = {**os.environ, **GIT_ENV, "HOME": str(folder), "COLUMNS": "120"}
    start = time.perf_counter()
    done = subprocess.run(command, cwd=folder, env=env, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0 or not done.stdout:
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr.decode(errors='replace')}")
    return elapsed, len(done.stdout)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=500)
    parser.add_argument("--goals", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args(argv)
    texts = versions(arguments.goals, arguments.commits)
    commands = {
        "goaltui history review.toml": [GOALTUI, "history", "review.toml"],
        "git log -p -- review.toml": ["git", "log", "-p", "--", "review.toml"],
    }
    with tempfile.TemporaryDirectory(prefix="goaltui-history-") as scratch:
        folder = Path(scratch)
        make_repository(folder, texts)
        times: dict[str, list[float]] = {name: [] for name in commands}
        sizes: dict[str, int] = {}
        for command in commands.values():  # once each, to warm the caches
            timed(command, folder)
        for _ in range(arguments.runs):
            for name, command in commands.items():
                elapsed, sizes[name] = timed(command, folder)
                times[name].append(elapsed)
    size = len(texts[-1].encode())
    print(
        f"{arguments.commits} commits of a {arguments.goals}-goal review ({size:,} bytes), "
        f"median of {arguments.runs} runs each, on {os.cpu_count()} cores "
        f"(load {os.getloadavg()[0]:.2f}), git {_git_version()}, Python {sys.version.split()[0]}"
    )
    medians = {name: statistics.median(found) for name, found in times.items()}
    for name, found in times.items():
        print(
            f"  {name:30} median {medians[name]:.3f} s "
            f"(min {min(found):.3f}, max {max(found):.3f}), {sizes[name]:,} bytes of output"
        )
    goaltui, git = medians.values()
    ratio = goaltui / git
    verdict = "pass" if ratio <= TARGET else "FAIL"
    print(f"  ratio {ratio:.2f} (target at most {TARGET:.1f}): {verdict}")
    return 0 if ratio <= TARGET else 1


def _git_version() -> str:
    done = subprocess.run(["git", "--version"], capture_output=True, text=True, check=False)
    return done.stdout.strip().removeprefix("git version ")


if __name__ == "__main__":
    sys.exit(main())
