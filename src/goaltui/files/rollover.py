"""Next year's review from this one: ``goaltui rollover`` (docs/rollover.md).

The new review is made from the file's TOML data as read, not from the model, so that every
key is kept, also those this version of goaltui does not know: the goals with their ids and
texts, their translations, indicators and unknown keys, the status scale, the loose tables.
What belongs to the year is changed:

- every goal's period entries (``goals.periods``) are cleared, whatever they hold (statuses,
  forecasts, comments, actions, indicator values, their translations, unknown keys): an
  indicator's definition, its target with it, stays in ``goals.indicators``;
- ``review.year`` is the new year, and the old year is replaced by it in the title and its
  translations wherever it stands as a number of its own ("2021", not "20210");
- each due date in ``review.due`` moves by as many years (29 February to the 28th);
- ``review.current``, where given, is the first period.

The year rolled from is ``review.year``, or the year before the new one when the file has none.
The text is the canonical layout, proven to read back (files/canonical.py).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from goaltui.files import tomlparse
from goaltui.files.canonical import render
from goaltui.files.loading import ReviewFile, review_of
from goaltui.files.problems import SaveError
from goaltui.language import _

FIRST_YEAR, LAST_YEAR = 1, 9999  # what a TOML date can hold


class RolloverError(Exception):
    """The review cannot be rolled over to that year; the message says why."""


@dataclass(frozen=True, slots=True)
class RolledOver:
    """The new review's canonical text, and what was done to make it."""

    text: str
    year_from: int
    year: int
    goals: int
    cleared: int  # period entries cleared, over all goals
    moved: int  # due dates moved
    titles: int  # titles (the main one and its translations) whose year was replaced


def year_from(source: ReviewFile, year: int) -> int:
    """The year the review is for: its ``year``, else the year before ``year``."""
    return source.review.year if source.review.year is not None else year - 1


def new_name(path: Path, old: int, new: int) -> Path | None:
    """The file's name with its year replaced (kuva-2021.toml: kuva-2022.toml), if it has it."""
    pattern = _year_pattern(old)
    if len(pattern.findall(path.name)) != 1:
        return None
    return path.with_name(pattern.sub(str(new), path.name))


def roll_over(source: ReviewFile, year: int, out: Path) -> RolledOver:
    """Next year's review from ``source``, for writing to ``out``; :class:`RolloverError` when
    ``year`` cannot be, and :class:`SaveError` when the result cannot be written."""
    old = year_from(source, year)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        said = _("the year must be between {first} and {last}, not {year}")
        raise RolloverError(said.format(first=FIRST_YEAR, last=LAST_YEAR, year=year))
    if year == old:
        raise RolloverError(_("the review is already for {year}").format(year=year))
    data = tomlparse.loads(source.text)
    head = data["review"]
    head["year"] = year
    titles = _replace_titles(head, old, year)
    moved = _move_due(head, year - old)
    if "current" in head:
        head["current"] = head["periods"][0]
    cleared = 0
    goals = data.get("goals", [])
    for goal in goals:
        entries = goal.pop("periods", None)
        if isinstance(entries, Mapping):
            cleared += len(entries)
    review = review_of(data)
    if review is None:  # the source was valid, and only values of its own kind were changed
        raise SaveError(out, _("the new review would not be valid"))
    text = render(review, out)
    return RolledOver(text, old, year, len(goals), cleared, moved, titles)


def _year_pattern(year: int) -> re.Pattern[str]:
    return re.compile(rf"(?<![0-9]){year}(?![0-9])")


def _replace_titles(head: dict[str, Any], old: int, new: int) -> int:
    """Replace the year in the title and in its translations; how many titles had it."""
    pattern = _year_pattern(old)
    tables = [head] + [
        table
        for code in head.get("translations") or ()
        if isinstance(table := head.get(code), dict)
    ]
    replaced = 0
    for table in tables:
        title = table.get("title")
        if isinstance(title, str) and pattern.search(title):
            table["title"] = pattern.sub(str(new), title)
            replaced += 1
    return replaced


def _move_due(head: dict[str, Any], years: int) -> int:
    """Move every date of ``review.due`` by ``years``; how many were moved."""
    due = head.get("due")
    if not isinstance(due, dict):
        return 0
    moved = 0
    for period, day in due.items():
        if isinstance(day, dt.date):  # also a date with a time (datetime is a date)
            due[period] = _moved(day, years)
            moved += 1
    return moved


def _moved(day: dt.date, years: int) -> dt.date:
    year = day.year + years
    if not FIRST_YEAR <= year <= LAST_YEAR:
        said = _("the due date {date} cannot be moved to the year {year}")
        raise RolloverError(said.format(date=day.isoformat(), year=year))
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February, in a year that has none
        return day.replace(year=year, day=28)
