"""The summary of a review: what it says, whatever the format it is written in.

This is the summary's document model. Everything a writer shows is decided here, once: the
language it speaks, the counts, the goals, and the attention list in the order every writer
lists it. A writer (:mod:`~goaltui.outputs.terminal`, :mod:`~goaltui.outputs.markdown`,
:mod:`~goaltui.outputs.json_format`) only lays it out, in the summary's words
(:attr:`ReviewSummary.words`) and with the review's texts in its language
(:meth:`ReviewSummary.shown`: the translation, or the main text marked as untranslated).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from goaltui.language import N_, Words, catalogue
from goaltui.outputs.marks import with_mark
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

#: The kinds of item in the attention list.
AttentionKind = Literal["worsened", "unexplained", "improved"]
#: The word a writer shows for each kind.
ATTENTION_WORDS: dict[AttentionKind, str] = {
    "worsened": N_("worsened"),
    "unexplained": N_("needs a comment"),
    "improved": N_("improved"),
}


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
    #: The words of the language the summary speaks (its ``code``: fi, sv or en).
    words: Words
    #: Whether a text the summary lists (title, status labels, themes, objectives, forecasts)
    #: is shown untranslated, so that the writers explain the mark.
    untranslated: bool = False

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
        return bool(self.worsened or self.unexplained or self.not_assessed)


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


def summarize(
    review: Review,
    path: Path | None = None,
    period: str | None = None,
    language: str | None = None,
) -> ReviewSummary:
    """Summarise ``review`` for ``period`` (default: its current period), in ``language``
    (default: the review's; see :func:`goaltui.language.review_language`)."""
    period = period or review.current_period()
    if period not in review.periods:
        raise ValueError(f'"{period}" is not a period of this review')
    worsened = review.worsened(period)
    improved = review.improved(period)
    unexplained = list(review.unexplained())
    words = catalogue(language or review.main_language)
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
        words=words,
        untranslated=_untranslated(review, review.translation_for(words.code), period),
    )


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
    )


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
    facts = (
        (w._("worsened"), total.worsened),
        (w._("needs a comment"), total.unexplained),
        (w._("not assessed"), total.not_assessed),
    )
    return " · ".join(f"{word}: {w.integer(n)}" for word, n in facts)
