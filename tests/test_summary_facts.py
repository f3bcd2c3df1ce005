"""The summary's facts, as `goaltui summary` prints them: what needs attention, and the totals.

Reviews are built in code so that every count differs from every other: a fact taken from the
wrong list shows as a wrong number.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from goaltui import cli
from goaltui.files.canonical import render
from goaltui.review.model import Goal, PeriodEntry, Review, Status

STATUSES = (
    Status("On track", color="green", symbol="●"),
    Status("At risk", color="yellow", symbol="◐"),
    Status("Off track", color="red", symbol="○", explain=True),
)
NOTHING = "nothing needs attention"


def goal(goal_id: str, q1: str | None, q2: str | None, comment: str | None = "Fine.") -> Goal:
    periods = {}
    for period, status in (("Q1", q1), ("Q2", q2)):
        if status is not None:
            periods[period] = PeriodEntry(status=status, comment=comment)
    return Goal(id=goal_id, objective=f"Objective {goal_id}", periods=periods)


def write(folder: Path, name: str, goals: list[Goal]) -> Path:
    review = Review(title=name, periods=("Q1", "Q2"), statuses=STATUSES, goals=goals, current="Q2")
    path = folder / name
    path.write_text(render(review, path), encoding="utf-8")
    return path


def summary(capsys, *argv: str) -> str:
    assert cli.main(["summary", *argv]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["rich", "markdown"])
def test_goals_not_assessed_alone_need_attention(tmp_path, capsys, fmt):
    """Nothing got worse, nothing lacks a comment, but one goal is not assessed in Q2."""
    path = write(
        tmp_path,
        "review.toml",
        [goal("steady", "On track", "On track"), goal("late", "On track", None)],
    )
    out = summary(capsys, "--format", fmt, str(path))
    assert NOTHING not in out
    assert "not assessed in Q2: " in out and "late" in out.split("not assessed in Q2: ")[1]


def test_a_review_with_nothing_to_look_at_says_so(tmp_path, capsys):
    path = write(tmp_path, "review.toml", [goal("steady", "On track", "On track")])
    assert NOTHING in summary(capsys, str(path))


def test_the_totals_count_each_fact_from_its_own_list(tmp_path, capsys):
    first = write(
        tmp_path,
        "first.toml",
        [
            goal("worse-1", "On track", "At risk"),  # worsened
            goal("worse-2", "On track", "Off track", comment=None),  # worsened, unexplained
            goal("late-1", "On track", None),  # not assessed
            goal("late-2", None, None),  # not assessed
        ],
    )
    second = write(
        tmp_path,
        "second.toml",
        [
            goal("late-3", "At risk", None),  # not assessed
            goal("late-4", None, None),  # not assessed
            goal("late-5", None, None),  # not assessed
            goal("better", "At risk", "On track"),  # improved
        ],
    )
    document = json.loads(summary(capsys, "--format", "json", str(first), str(second)))
    files = {Path(f["path"]).name: f for f in document["files"]}
    assert len(files["first.toml"]["attention"]["not_assessed"]) == 2
    assert len(files["second.toml"]["attention"]["not_assessed"]) == 3
    total = document["total"]
    assert (total["not_assessed"], total["worsened"], total["unexplained"]) == (5, 2, 1)
    assert (total["files"], total["goals"]) == (2, 8)


def test_a_long_list_of_goals_not_assessed_wraps_under_its_text(tmp_path, capsys, monkeypatch):
    """At 60 columns the ids run onto more lines, each indented under the first id."""
    monkeypatch.setenv("COLUMNS", "60")
    ids = [f"late-goal-{n}" for n in range(12)]
    path = write(tmp_path, "review.toml", [goal(i, "On track", None) for i in ids])
    lines = summary(capsys, str(path)).splitlines()
    first = next(n for n, line in enumerate(lines) if "not assessed in Q2: " in line)
    indent = lines[first].index("not assessed")
    following = []
    for line in lines[first + 1 :]:
        if not line.strip():
            break
        following.append(line)
    assert len(following) >= 2
    assert all(line.startswith(" " * indent) and line[indent] != " " for line in following)
    listed = " ".join([lines[first], *following])
    assert all(i in listed for i in ids)
