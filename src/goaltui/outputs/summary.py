"""The summary of a review: what it says, whatever the format it is written in.

This is the summary's document model. Everything a writer shows is decided here, once: the
language it speaks, the counts, the goals, and the attention list in the order every writer
lists it. A writer (:mod:`~goaltui.outputs.terminal`, :mod:`~goaltui.outputs.markdown`,
:mod:`~goaltui.outputs.json_format`) only lays it out, in the summary's words
(:attr:`ReviewSummary.words`) and with the review's texts in its language
(:meth:`ReviewSummary.shown`: the translation, or the main text marked as untranslated).
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeVar

from goaltui.files.pacing import Pause, no_pause
from goaltui.language import N_, Words, catalogue
from goaltui.outputs.marks import with_mark
from goaltui.review import clock, measures
from goaltui.review.measures import Due, NeedsActions, PeriodCounts
from goaltui.review.model import (
    EntryText,
    Goal,
    GoalText,
    Localized,
    Review,
    StatusChange,
    Unexplained,
)
from goaltui.text import clean_line

_T = TypeVar("_T")

#: The kinds of item in the attention list.
AttentionKind = Literal["worsened", "unexplained", "needs_actions", "improved"]
#: The word a writer shows for each kind.
ATTENTION_WORDS: dict[AttentionKind, str] = {
    "worsened": N_("worsened"),
    "unexplained": N_("needs a comment"),
    "needs_actions": N_("needs actions"),
    "improved": N_("improved"),
}


@dataclass(frozen=True, slots=True)
class AttentionItem:
    """One line of the attention list: a goal whose status moved, or one that needs a comment."""

    kind: AttentionKind
    goal: Goal
    periods: tuple[str, ...]  # a move: from and to; a missing comment or actions: its period
    statuses: tuple[str, ...]  # a move: from and to; a missing comment or actions: the status

    def when(self, text: Callable[[str], str]) -> str:
        """The periods as every writer shows them: ``Q2 → Q3`` for a move, ``(Q2)`` for a
        missing comment or missing actions; ``text`` makes each period safe for the format."""
        if self.kind == "unexplained" or self.kind == "needs_actions":
            return f"({text(self.periods[0])})"
        return " → ".join(text(period) for period in self.periods)


@dataclass(frozen=True, slots=True)
class ReviewSummary:
    """The facts of one review for one period under review."""

    path: Path | None
    review: Review
    period: str
    counts: dict[str, dict[str | None, int]]  # period -> status label (None: not assessed) -> n
    worsened: list[StatusChange]
    improved: list[StatusChange]
    unexplained: list[Unexplained]
    not_assessed: list[Goal]
    #: What the meeting should look at, in this order: what got worse, what needs a comment,
    #: what needs actions, what improved (and then the goals not assessed,
    #: :attr:`not_assessed`, and a due date near or past, :attr:`due`).
    attention: tuple[AttentionItem, ...]
    #: The words of the language the summary speaks (its ``code``: fi, sv or en).
    words: Words
    #: Whether a text the summary lists (title, status labels, themes, objectives, forecasts)
    #: is shown untranslated, so that the writers explain the mark.
    untranslated: bool = False
    #: Each period as the audit counts it: goals met, partly, not met, not assessable, and
    #: indicators met (docs/format.md, "Indicators").
    measures: dict[str, PeriodCounts] = field(default_factory=dict)
    needing_actions: list[NeedsActions] = field(default_factory=list)
    #: The period's due date, seen on the summary's day (None when the file gives none).
    due: Due | None = None
    #: Whether the review says what its statuses mean or has indicators: then the writers
    #: show the goals and indicators met (JSON always gives them).
    has_measures: bool = False

    @property
    def language(self) -> str:
        """The language the summary speaks, and shows the review's texts in where it can."""
        return self.words.code

    @property
    def texts(self) -> str | None:
        """The language to ask the review's texts in: None for its main texts."""
        return self.review.translation_for(self.language)

    def shown(self, text: Localized[str] | Localized[str | None]) -> str:
        """A text as the summary shows it, marked where untranslated ("[fi] Toteutuu")."""
        return with_mark(text, self.review.main_language)

    @property
    def title(self) -> str:
        return self.shown(self.review.text("title", self.texts))

    def goal_text(self, goal: Goal, name: GoalText) -> str:
        """A goal's theme, objective, ...: "" where it has none."""
        return self.shown(goal.text(name, self.texts))

    def entry_text(self, goal: Goal, name: EntryText) -> str:
        """A goal's forecast or comment in the period under review: "" where it has none."""
        return self.shown(goal.entry(self.period).text(name, self.texts))

    def label(self, label: str) -> str:
        """A status label (a main label, as in the file) as the summary shows it."""
        status = self.review.status(label)
        return label if status is None else self.shown(status.text("label", self.texts))

    @property
    def comments(self) -> list[tuple[Goal, str]]:
        """Each goal's comment of the period under review, in the goals' order: why a goal
        stands where it does, for the minutes."""
        found = ((goal, self.entry_text(goal, "comment")) for goal in self.review.goals)
        return [(goal, comment) for goal, comment in found if comment]

    @property
    def binding_count(self) -> int:
        return sum(1 for goal in self.review.goals if goal.is_binding)

    @property
    def needs_attention(self) -> bool:
        return bool(
            self.worsened
            or self.unexplained
            or self.not_assessed
            or self.needing_actions
            or self.pressing_due is not None
        )

    @property
    def pressing_due(self) -> Due | None:
        """The due date, when it is near or past and goals are still unassessed."""
        return self.due if self.due is not None and self.due.pressing else None


@dataclass(frozen=True, slots=True)
class Totals:
    """Several reviews together, each counted in its own period under review."""

    files: int
    goals: int
    binding: int
    #: The words of the summaries' language when they all speak one, else English.
    words: Words = field(default_factory=lambda: catalogue("en"))
    counts: dict[str | None, int] = field(default_factory=dict)
    worsened: int = 0
    unexplained: int = 0
    not_assessed: int = 0
    needs_actions: int = 0
    #: Each review's period under review together (goals met, indicators met, ...).
    measures: PeriodCounts = field(default_factory=PeriodCounts)


def summarize(
    review: Review,
    path: Path | None = None,
    period: str | None = None,
    language: str | None = None,
    today: datetime.date | None = None,
    pause: Pause = no_pause,
) -> ReviewSummary:
    """Summarise ``review`` for ``period`` (default: its current period), in ``language``
    (default: the review's; see :func:`goaltui.language.review_language`), with due dates
    seen on ``today`` (default: the day it is). ``pause`` is called between the steps, a few
    milliseconds apart at 10,000 goals (see :mod:`goaltui.files.pacing`)."""
    period = period or review.current_period()
    if period not in review.periods:
        raise ValueError(f'"{period}" is not a period of this review')
    worsened = review.worsened(period)
    pause()
    improved = review.improved(period)
    pause()
    unexplained = _listed(review.unexplained(), pause)
    needing = _listed(measures.needing_actions(review), pause)
    words = catalogue(language or review.main_language)
    previous = review.previous_period(period)
    span = (previous, period) if previous is not None else (period,)
    attention = (
        *(AttentionItem("worsened", c.goal, span, (c.before, c.after)) for c in worsened),
        *(AttentionItem("unexplained", u.goal, (u.period,), (u.status,)) for u in unexplained),
        *(AttentionItem("needs_actions", n.goal, (n.period,), (n.status,)) for n in needing),
        *(AttentionItem("improved", c.goal, span, (c.before, c.after)) for c in improved),
    )
    counts: dict[str, dict[str | None, int]] = {}
    for p in review.periods:
        counts[p] = review.counts(p)
        pause()
    not_assessed = review.not_assessed(period)
    untranslated = _untranslated(review, review.translation_for(words.code), period)
    pause()
    period_counts: dict[str, PeriodCounts] = {}
    for p in review.periods:
        period_counts[p] = measures.period_counts(review, p)
        pause()
    return ReviewSummary(
        path=path,
        review=review,
        period=period,
        counts=counts,
        worsened=worsened,
        improved=improved,
        unexplained=unexplained,
        not_assessed=not_assessed,
        attention=attention,
        words=words,
        untranslated=untranslated,
        measures=period_counts,
        needing_actions=needing,
        due=measures.due(review, today or clock.today(), period),
        has_measures=any(s.meaning is not None for s in review.statuses)
        or any(goal.indicators for goal in review.goals),
    )


_STEP = 500  # items listed between two pauses


def _listed(items: Iterable[_T], pause: Pause) -> list[_T]:
    """``list(items)``, with a pause after every few."""
    listed: list[_T] = []
    for number, item in enumerate(items, 1):
        listed.append(item)
        if not number % _STEP:
            pause()
    pause()
    return listed


def _untranslated(review: Review, texts: str | None, period: str) -> bool:
    """Whether a text the summary lists is shown in the main language for lack of one in
    ``texts`` (None: the main texts are shown, and nothing is untranslated)."""
    if texts is None:
        return False
    if review.text("title", texts).untranslated:
        return True
    if any(status.text("label", texts).untranslated for status in review.statuses):
        return True
    return any(
        goal.text("theme", texts).untranslated
        or goal.text("objective", texts).untranslated
        or goal.entry(period).text("forecast", texts).untranslated
        for goal in review.goals
    )


def totals(summaries: Sequence[ReviewSummary]) -> Totals:
    """The reviews together, in the language they all speak (else English)."""
    languages = {summary.language for summary in summaries}
    counts: Counter[str | None] = Counter()
    for summary in summaries:
        for label, n in summary.counts[summary.period].items():
            counts[label] += n
    return Totals(
        files=len(summaries),
        goals=sum(len(s.review.goals) for s in summaries),
        binding=sum(s.binding_count for s in summaries),
        words=catalogue(languages.pop() if len(languages) == 1 else "en"),
        counts=dict(counts),
        worsened=sum(len(s.worsened) for s in summaries),
        unexplained=sum(len(s.unexplained) for s in summaries),
        not_assessed=sum(len(s.not_assessed) for s in summaries),
        needs_actions=sum(len(s.needing_actions) for s in summaries),
        measures=_together([s.measures[s.period] for s in summaries]),
    )


def _together(counts: Sequence[PeriodCounts]) -> PeriodCounts:
    return PeriodCounts(
        **{name: sum(getattr(c, name) for c in counts) for name in PeriodCounts.__slots__}
    )


def share(w: Words, part: int, whole: int) -> str:
    """``1/3 · 33 %``: a part of a whole and its share, in the language; ``–`` of none."""
    if not whole:
        return "–"
    return f"{w.integer(part)}/{w.integer(whole)} · {w.percent(round(100 * part / whole))}"


def measure_rows(summary: ReviewSummary) -> list[tuple[str, list[str]]]:
    """The rows of goals and indicators met, period by period, as every writer shows them:
    goals met of those assessable, goals that cannot be assessed (apart), indicators met of
    those with a target."""
    w = summary.words
    periods = summary.review.periods
    counts = [summary.measures[p] for p in periods]
    return [
        (w._("goals met"), [share(w, c.met, c.assessable) for c in counts]),
        (w._("cannot be assessed"), [w.integer(c.not_assessable) for c in counts]),
        (w._("indicators met"), [share(w, c.indicators_met, c.indicators) for c in counts]),
    ]


def due_line(summary: ReviewSummary, text: Callable[[str], str] = clean_line) -> str | None:
    """``Q3 is overdue: due on 23.10.2021, 1 day ago; 2 goals not assessed``, when the due
    date is near or past with goals unassessed; ``text`` makes the period safe for the
    format."""
    due = summary.pressing_due
    if due is None:
        return None
    w = summary.words
    n = len(due.unassessed)
    goals = w.ngettext("{n} goal not assessed", "{n} goals not assessed", n).format(n=w.integer(n))
    days = abs(due.days_left)
    span = w.ngettext("{n} day", "{n} days", days).format(n=w.integer(days))
    if due.overdue:
        said = w._("{period} is overdue: due on {date}, {days} ago; {goals}")
    elif due.days_left == 0:
        said = w._("{period} is due today, {date}; {goals}")
    else:
        said = w._("{period} is due on {date}, in {days}; {goals}")
    return said.format(period=text(due.period), date=w.date(due.date), days=span, goals=goals)


def period_fact(summary: ReviewSummary, strong: Callable[[str], str] = clean_line) -> str:
    """``current period Q3``, or ``period Q2 (current period Q3)`` when another was asked for.

    ``strong`` makes the period under review stand out (and makes text safe for the output).
    """
    w = summary.words
    current = summary.review.current_period()
    if summary.period == current:
        return w._("current period {period}").format(period=strong(current))
    return w._("period {period} (current period {current})").format(
        period=strong(summary.period), current=clean_line(current)
    )


def total_facts(total: Totals) -> str:
    """``worsened: 6 · needs a comment: 3 · not assessed: 4``"""
    w = total.words
    facts = [
        (w._("worsened"), total.worsened),
        (w._("needs a comment"), total.unexplained),
        (w._("not assessed"), total.not_assessed),
    ]
    if total.needs_actions:
        facts.append((w._("needs actions"), total.needs_actions))
    return " · ".join(f"{word}: {w.integer(n)}" for word, n in facts)
