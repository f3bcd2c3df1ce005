"""The summary of a review: what it says, whatever the format it is written in.

This is the summary's document model. Everything a writer shows is decided here, once: the
counts, the goals, and the attention list in the order every writer lists it. A writer
(:mod:`~goaltui.outputs.terminal`, :mod:`~goaltui.outputs.markdown`,
:mod:`~goaltui.outputs.json_format`) only lays it out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from goaltui.language.labels import words
from goaltui.review.model import Goal, Review, StatusChange, Unexplained
from goaltui.text import clean_line

#: The kinds of item in the attention list; each is also the word a writer shows for it.
AttentionKind = Literal["worsened", "unexplained", "improved"]


@dataclass(frozen=True, slots=True)
class AttentionItem:
    """One line of the attention list: a goal whose status moved, or one that needs a comment."""

    kind: AttentionKind
    goal: Goal
    periods: tuple[str, ...]  # a move: from and to; a missing comment: its period
    statuses: tuple[str, ...]  # a move: from and to; a missing comment: the status

    def when(self, text: Callable[[str], str]) -> str:
        """The periods as every writer shows them: ``Q2 → Q3`` for a move, ``(Q2)`` for a
        missing comment; ``text`` makes each period safe for the format."""
        if self.kind == "unexplained":
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
    #: what improved (and then the goals not assessed, :attr:`not_assessed`).
    attention: tuple[AttentionItem, ...]

    @property
    def binding_count(self) -> int:
        return sum(1 for goal in self.review.goals if goal.is_binding)

    @property
    def needs_attention(self) -> bool:
        return bool(self.worsened or self.unexplained or self.not_assessed)


@dataclass(frozen=True, slots=True)
class Totals:
    """Several reviews together, each counted in its own period under review."""

    files: int
    goals: int
    binding: int
    counts: dict[str | None, int] = field(default_factory=dict)
    worsened: int = 0
    unexplained: int = 0
    not_assessed: int = 0


def summarize(review: Review, path: Path | None = None, period: str | None = None) -> ReviewSummary:
    """Summarise ``review`` for ``period`` (default: its current period)."""
    period = period or review.current_period()
    if period not in review.periods:
        raise ValueError(f'"{period}" is not a period of this review')
    worsened = review.worsened(period)
    improved = review.improved(period)
    unexplained = list(review.unexplained())
    previous = review.previous_period(period)
    span = (previous, period) if previous is not None else (period,)
    attention = (
        *(AttentionItem("worsened", c.goal, span, (c.before, c.after)) for c in worsened),
        *(AttentionItem("unexplained", u.goal, (u.period,), (u.status,)) for u in unexplained),
        *(AttentionItem("improved", c.goal, span, (c.before, c.after)) for c in improved),
    )
    return ReviewSummary(
        path=path,
        review=review,
        period=period,
        counts={p: review.counts(p) for p in review.periods},
        worsened=worsened,
        improved=improved,
        unexplained=unexplained,
        not_assessed=review.not_assessed(period),
        attention=attention,
    )


def totals(summaries: Sequence[ReviewSummary]) -> Totals:
    counts: Counter[str | None] = Counter()
    for summary in summaries:
        for label, n in summary.counts[summary.period].items():
            counts[label] += n
    return Totals(
        files=len(summaries),
        goals=sum(len(s.review.goals) for s in summaries),
        binding=sum(s.binding_count for s in summaries),
        counts=dict(counts),
        worsened=sum(len(s.worsened) for s in summaries),
        unexplained=sum(len(s.unexplained) for s in summaries),
        not_assessed=sum(len(s.not_assessed) for s in summaries),
    )


def period_fact(summary: ReviewSummary, strong: Callable[[str], str] = clean_line) -> str:
    """``current period Q3``, or ``period Q2 (current period Q3)`` when another was asked for.

    ``strong`` makes the period under review stand out (and makes text safe for the output).
    """
    w = words(summary.review.language)
    current = summary.review.current_period()
    if summary.period == current:
        return f"{w['current period']} {strong(current)}"
    shown = strong(summary.period)
    return f"{w['period']} {shown} ({w['current period']} {clean_line(current)})"
