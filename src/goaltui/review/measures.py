"""What a review's indicators, status meanings, actions and due dates say: the derived views.

docs/format.md, "Meanings of statuses", "Indicators", "Due dates" and "Actions". An indicator
is met in a period when it has a target and its value there (the forecast, else the actual)
reaches it in its direction; with no target or no value it is neither met nor not met
(None), and a goal is met by its indicators only when every indicator with a target is met.
Nothing here knows about files, terminals or Textual.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from goaltui.review.indicators import Indicator, Number
from goaltui.review.model import Goal, Meaning, PeriodEntry, Review

#: A due date this many days away, or fewer, is near: check warns, the summary lists it.
DUE_SOON_DAYS = 14


def indicator_value(indicator: Indicator, entry: PeriodEntry) -> Number | None:
    """The value the indicator is judged by in this entry: its forecast, else its actual."""
    values = entry.indicator(indicator.id)
    return values.value if values is not None else None


def indicator_met(indicator: Indicator, entry: PeriodEntry) -> bool | None:
    """Whether the indicator is met in this entry; None without a target or a value."""
    value = indicator_value(indicator, entry)
    return None if value is None else indicator.reaches(value)


@dataclass(frozen=True, slots=True)
class Shortfall:
    """An indicator not met in a period: its value, short of (or over) its target."""

    indicator: Indicator
    value: Number

    @property
    def target(self) -> Number:
        assert self.indicator.target is not None  # only an indicator with a target falls short
        return self.indicator.target


def shortfalls(goal: Goal, period: str) -> list[Shortfall]:
    """The goal's indicators with a target and a value that are not met in ``period``."""
    entry = goal.entry(period)
    found = []
    for indicator in goal.indicators or ():
        value = indicator_value(indicator, entry)
        if value is not None and indicator.reaches(value) is False:
            found.append(Shortfall(indicator, value))
    return found


@dataclass(frozen=True, slots=True)
class Tally:
    """A goal's indicators with a target in one period: how many, met, not met."""

    targets: int = 0
    met: int = 0
    not_met: int = 0

    @property
    def judged(self) -> bool:
        """Whether every indicator with a target has a value to judge it by."""
        return self.targets > 0 and self.met + self.not_met == self.targets


def tally(goal: Goal, period: str) -> Tally:
    """How the goal's indicators with a target stand in ``period``."""
    if not goal.indicators:
        return Tally()
    entry = goal.entry(period)
    targets = met = not_met = 0
    for indicator in goal.indicators:
        if indicator.target is None:
            continue
        targets += 1
        reached = indicator_met(indicator, entry)
        if reached is True:
            met += 1
        elif reached is False:
            not_met += 1
    return Tally(targets, met, not_met)


def met_by_indicators(goal: Goal, period: str) -> bool | None:
    """Whether every indicator with a target is met in ``period``: False as soon as one is
    not, None while one has no value (or the goal has no indicator with a target)."""
    counted = tally(goal, period)
    if counted.not_met:
        return False
    return True if counted.judged else None


def suggested_meaning(goal: Goal, period: str) -> Meaning | None:
    """What the indicators say of the goal: met when all are met, not met when none is,
    partly in between; None until each indicator with a target has a value."""
    counted = tally(goal, period)
    if not counted.judged:
        return None
    if counted.met == counted.targets:
        return "met"
    return "not_met" if counted.met == 0 else "partly"


def suggested_status(review: Review, goal: Goal, period: str) -> str | None:
    """The first status of the scale meaning what the indicators say (partly and not met
    standing in for each other in a scale that lacks one of them)."""
    meaning = suggested_meaning(goal, period)
    if meaning is None:
        return None
    other: Meaning = "partly" if meaning == "not_met" else "not_met"
    for wanted in (meaning,) if meaning == "met" else (meaning, other):
        label = review.first_meaning(wanted)
        if label is not None:
            return label
    return None


def contradiction(review: Review, goal: Goal, period: str) -> list[Shortfall]:
    """The indicators not met in ``period`` while the goal's status there means "met"."""
    if not goal.indicators or review.meaning(goal.status_in(period)) != "met":
        return []
    return shortfalls(goal, period)


def needs_actions(review: Review, goal: Goal, period: str) -> bool:
    """The goal's status in ``period`` asks for actions, and the goal records none there."""
    entry = goal.entry(period)
    return review.asks_actions(entry.status) and not entry.has_actions


@dataclass(frozen=True, slots=True)
class NeedsActions:
    """A goal whose status in a period asks for corrective actions, and has none."""

    goal: Goal
    period: str
    status: str


def needing_actions(review: Review, periods: Iterable[str] | None = None) -> Iterator[NeedsActions]:
    """Goals in a status that asks for actions, without any, period by period."""
    if not any(status.needs_actions for status in review.statuses):
        return
    wanted = tuple(review.periods if periods is None else periods)
    for goal in review.goals:
        for period in wanted:
            if needs_actions(review, goal, period):
                status = goal.status_in(period)
                assert status is not None  # a status asked for them
                yield NeedsActions(goal, period, status)


@dataclass(frozen=True, slots=True)
class Contradiction:
    """A status in a period that its indicators contradict."""

    goal: Goal
    period: str
    status: str
    shortfalls: tuple[Shortfall, ...]


def contradictions(review: Review, periods: Iterable[str] | None = None) -> Iterator[Contradiction]:
    """Goals whose status means "met" in a period where one of their indicators is not met."""
    wanted = tuple(review.periods if periods is None else periods)
    for goal in review.goals:
        if not goal.indicators:
            continue
        for period in wanted:
            found = contradiction(review, goal, period)
            if found:
                status = goal.status_in(period)
                assert status is not None  # it means "met"
                yield Contradiction(goal, period, status, tuple(found))


@dataclass(frozen=True, slots=True)
class PeriodCounts:
    """One period as the audit reports count it: goals by what their status means, and
    indicators (those with a target) met."""

    goals: int = 0
    met: int = 0
    partly: int = 0
    not_met: int = 0
    not_assessable: int = 0
    not_assessed: int = 0
    indicators: int = 0  # with a target and a value in the period: the ones judged
    indicators_met: int = 0
    indicators_not_met: int = 0

    @property
    def assessable(self) -> int:
        """Goals assessed, other than the ones that cannot be: what "met" is a share of."""
        return self.met + self.partly + self.not_met


def period_counts(review: Review, period: str) -> PeriodCounts:
    by_meaning = {"met": 0, "partly": 0, "not_met": 0, "not_assessable": 0}
    not_assessed = indicators = met = not_met = 0
    for goal in review.goals:
        meaning = review.meaning(goal.status_in(period))
        if meaning is None:
            not_assessed += 1
        else:
            by_meaning[meaning] += 1
        if goal.indicators:
            counted = tally(goal, period)
            indicators += counted.met + counted.not_met
            met += counted.met
            not_met += counted.not_met
    return PeriodCounts(
        goals=len(review.goals),
        met=by_meaning["met"],
        partly=by_meaning["partly"],
        not_met=by_meaning["not_met"],
        not_assessable=by_meaning["not_assessable"],
        not_assessed=not_assessed,
        indicators=indicators,
        indicators_met=met,
        indicators_not_met=not_met,
    )


@dataclass(frozen=True, slots=True)
class Due:
    """A period's due date as seen on ``today``, and the goals still unassessed there."""

    period: str
    date: datetime.date
    today: datetime.date
    unassessed: tuple[Goal, ...]

    @property
    def days_left(self) -> int:
        """Days until the due date: 0 on the day, negative once it has passed."""
        return (self.date - self.today).days

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def near(self) -> bool:
        """Within :data:`DUE_SOON_DAYS` days, or past."""
        return self.days_left <= DUE_SOON_DAYS

    @property
    def pressing(self) -> bool:
        """Near or past, with goals still unassessed: what check warns about."""
        return self.near and bool(self.unassessed)


def due(review: Review, today: datetime.date, period: str | None = None) -> Due | None:
    """The due date of ``period`` (default: the current one), if the file gives one."""
    period = period or review.current_period()
    day = (review.due or {}).get(period)
    if day is None:
        return None
    unassessed = tuple(goal for goal in review.goals if goal.status_in(period) is None)
    return Due(period, day, today, unassessed)
