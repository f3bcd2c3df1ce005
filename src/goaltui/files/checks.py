"""What ``goaltui check`` says of a file: its problems, and the warnings of a valid file.

A valid file may still want attention: a status that needs a comment without one, a status
meaning "met" that its indicators contradict, a status that needs actions without any, the
current period due soon or overdue with goals unassessed, a text without its translation into
a language of ``review.translations``, a layout that a save would change (a byte order mark,
other quoting or order), data a save cannot write.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

from goaltui.files.canonical import render
from goaltui.files.loading import ReviewFile, load
from goaltui.files.locate import Locations, locate
from goaltui.files.problems import Problem, ReviewError, SaveError
from goaltui.files.translations import missing
from goaltui.files.validate import key_part
from goaltui.language import _, default, ngettext
from goaltui.review import clock, measures
from goaltui.review.indicators import Indicator, Number
from goaltui.review.model import Review


def check_file(path: Path, today: datetime.date | None = None) -> list[Problem]:
    """Every problem of one file, errors and warnings, in the order of their lines; due dates
    are compared with ``today`` (default: the day it is)."""
    try:
        source = load(path)
    except ReviewError as error:
        problems = error.problems
    else:
        problems = [*source.warnings, *review_warnings(source, today)]
    return sorted(problems, key=lambda p: (p.line or 0, p.col or 0))


def review_warnings(source: ReviewFile, today: datetime.date | None = None) -> list[Problem]:
    """The warnings of a valid file beyond its loading: unexplained statuses, statuses the
    indicators contradict, actions needed, a due date near or past, missing translations,
    the layout."""
    path, review = source.path, source.review
    problems: list[Problem] = []
    unexplained = list(review.unexplained())
    untranslated = list(missing(review))
    contradicted = list(measures.contradictions(review))
    needing = list(measures.needing_actions(review))
    due = measures.due(review, today or clock.today())
    pressing = due is not None and due.pressing
    wanted = unexplained or untranslated or contradicted or needing or pressing
    places = locate(source.text) if wanted else None
    if places is not None:
        problems += _measures(source, review, places, contradicted, needing)
        if due is not None and due.pressing:
            problems.append(_due(source, places, due))
    for text in untranslated:
        line, col = (places.find(text.where) if places else None) or (None, None)
        problems.append(Problem(path, text.message, "warning", line, col, text.field))
    for item in unexplained:
        index = review.goal_index(item.goal.id)
        where = places.find(("goals", index, "periods", item.period, "status")) if places else None
        line, col = where or (None, None)
        field = f"goals[id={item.goal.id}].periods.{key_part(item.period)}"
        message = _('status "{status}" needs a comment explaining it').format(status=item.status)
        problems.append(Problem(path, message, "warning", line, col, field))
    try:
        canonical = render(review, path)
    except SaveError as error:
        problems.append(Problem(path, _("cannot be saved: {reason}").format(reason=error.reason)))
        return problems
    if source.bom:
        message = _(
            "the file starts with a byte order mark, which a save leaves out; "
            'run "goaltui fmt {path}" to remove it'
        ).format(path=path)
        problems.append(Problem(path, message, "warning", 1, 1))
    elif canonical != source.text:
        message = _('layout is not canonical; run "goaltui fmt {path}" to rewrite it').format(
            path=path
        )
        line = first_difference(source.text, canonical)
        problems.append(Problem(path, message, "warning", line, 1))
    return problems


def _measures(
    source: ReviewFile,
    review: Review,
    places: Locations,
    contradicted: list[measures.Contradiction],
    needing: list[measures.NeedsActions],
) -> Iterator[Problem]:
    """The warnings about indicators and actions, each at its goal's line for the period."""
    for found in contradicted:
        index = review.goal_index(found.goal.id)
        for short in found.shortfalls:
            ident = short.indicator.id
            values = found.goal.entry(found.period).indicator(ident)
            key = "forecast" if values is not None and values.forecast is not None else "actual"
            at = ("goals", index, "periods", found.period, "indicators", ident, key)
            line, col = places.find(at) or (None, None)
            field = (
                f"goals[id={found.goal.id}].periods.{key_part(found.period)}"
                f".indicators.{key_part(ident)}"
            )
            if short.indicator.way == "at_least":
                said = _(
                    'status "{status}" means met, but indicator "{indicator}" is {value}, '
                    "short of its target {target}"
                )
            else:
                said = _(
                    'status "{status}" means met, but indicator "{indicator}" is {value}, '
                    "over its target of at most {target}"
                )
            message = said.format(
                status=found.status,
                indicator=ident,
                value=_number(short.indicator, short.value),
                target=_number(short.indicator, short.target),
            )
            yield Problem(source.path, message, "warning", line, col, field)
    for item in needing:
        index = review.goal_index(item.goal.id)
        where = places.find(("goals", index, "periods", item.period, "status"))
        line, col = where or (None, None)
        field = f"goals[id={item.goal.id}].periods.{key_part(item.period)}"
        message = _(
            'status "{status}" needs the actions decided because of it: add actions = [...]'
        ).format(status=item.status)
        yield Problem(source.path, message, "warning", line, col, field)


def _number(indicator: Indicator, value: Number) -> str:
    """A value of the indicator in the language of diagnostics, with its unit."""
    w = default()
    if indicator.unit == "%":
        return w.percent(value)
    shown = w.number(value)
    return f"{shown} {indicator.unit}" if indicator.unit else shown


def _due(source: ReviewFile, places: Locations, due: measures.Due) -> Problem:
    """The current period due soon, today or past, with goals still unassessed there."""
    w = default()
    goals = ngettext(
        "{n} goal still has no status there",
        "{n} goals still have no status there",
        len(due.unassessed),
    ).format(n=w.integer(len(due.unassessed)))
    days = abs(due.days_left)
    if due.overdue:
        said = _('period "{period}" is overdue: it was due on {date}, {days} ago; {goals}')
        ago = ngettext("{n} day", "{n} days", days).format(n=w.integer(days))
    elif due.days_left == 0:
        said = _('period "{period}" is due today, {date}; {goals}')
        ago = ""
    else:
        said = _('period "{period}" is due on {date}, in {days}; {goals}')
        ago = ngettext("{n} day", "{n} days", days).format(n=w.integer(days))
    message = said.format(period=due.period, date=w.date(due.date), days=ago, goals=goals)
    line, col = places.find(("review", "due", due.period)) or (None, None)
    field = f"review.due.{key_part(due.period)}"
    return Problem(source.path, message, "warning", line, col, field)


def first_difference(old: str, new: str) -> int:
    """The first line (from 1) at which two texts differ, line ends included."""
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    for number, (a, b) in enumerate(zip(old_lines, new_lines, strict=False), 1):
        if a != b:
            return number
    return min(len(old_lines), len(new_lines)) + 1
