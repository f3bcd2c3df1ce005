"""What a review summary says, independent of how it is shown (Rich, Markdown or JSON)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from goaltui.review.model import Goal, Review, StatusChange, Unexplained


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
    return ReviewSummary(
        path=path,
        review=review,
        period=period,
        counts={p: review.counts(p) for p in review.periods},
        worsened=review.worsened(period),
        improved=review.improved(period),
        unexplained=list(review.unexplained()),
        not_assessed=review.not_assessed(period),
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
