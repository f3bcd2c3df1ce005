"""The review's papers, whatever the format they are written in: the review table and the
council's paper of the binding goals not met.

This is the reports' document model: the report and its sections (:class:`Report`,
:class:`ReviewReport`) and how they are made from reviews (:func:`report`). Everything a writer
shows is decided here, once: the language, the period, the counts of the heading, and which
goals the council's paper holds; each goal as shown in that language (its texts marked where
they are the main text for want of a translation, each status with its mark, colour and
meaning) is made in :mod:`report_goals`, and the words every writer says in
:mod:`report_words`. The writers (:mod:`report_html`, :mod:`report_markdown`,
:mod:`report_csv`, :mod:`report_xlsx`) only lay it out, in the report's words
(:attr:`ReviewReport.words`), and compute nothing.

- The **review table** (``kind == "table"``): per theme, each goal with its texts, each period's
  status, forecast and comment, its indicators and actions, and its links; the chosen period is
  the review's current one unless another is asked for.
- The **council's paper** (``kind == "unmet"``): the binding goals whose status in the period
  means "partly" or "not met" (docs/format.md, "Meanings of statuses"), each with its
  explanation (the period's comment); the default period is the last one in which any goal has
  a status. A goal without an explanation is flagged (:attr:`GoalShown.unexplained`).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from goaltui.language import Words, catalogue
from goaltui.outputs.report_goals import (
    GoalShown,
    Shown,
    StatusShown,
    ThemeGroup,
    by_theme,
    goal_shown,
    shown_text,
    status_scale,
)
from goaltui.outputs.report_words import MEANING_WORDS, MEANINGS, UNMET_TITLE, WORDS, Word
from goaltui.review.measures import period_counts
from goaltui.review.model import Meaning, Review

ReportKind = Literal["table", "unmet"]


@dataclass(frozen=True, slots=True)
class ReviewReport:
    """One review's part of a report: its heading and its goals."""

    path: Path | None
    kind: ReportKind
    title: Shown
    year: int | None
    period: str
    periods: tuple[str, ...]
    #: The status scale, for the legend.
    statuses: tuple[StatusShown, ...]
    #: The review table's goals by theme; in the council's paper, the unmet binding goals.
    themes: tuple[ThemeGroup, ...]
    #: Goals in the period by meaning; ``None`` counts the goals not assessed.
    counts: dict[Meaning | None, int]
    goals: int
    binding: int
    #: Indicators met in the period, and indicators with a target (None: the review has none).
    indicators_met: tuple[int, int] | None
    words: Words
    main_language: str
    #: Whether any text shown is the main text for want of a translation (then a legend says
    #: what the mark means).
    untranslated: bool

    @property
    def language(self) -> str:
        return self.words.code

    def word(self, name: Word) -> str:
        """One of the reports' short words in the section's language."""
        return self.words._(WORDS[name])

    @property
    def shown_goals(self) -> tuple[GoalShown, ...]:
        return tuple(goal for group in self.themes for goal in group.goals)

    @property
    def unexplained(self) -> tuple[GoalShown, ...]:
        """The council's paper's goals without an explanation."""
        if self.kind != "unmet":
            return ()
        return tuple(goal for goal in self.shown_goals if goal.unexplained)

    @property
    def has_indicators(self) -> bool:
        return any(goal.indicators for goal in self.shown_goals)

    @property
    def has_actions(self) -> bool:
        return any(p.actions for goal in self.shown_goals for p in goal.periods)

    @property
    def has_links(self) -> bool:
        return any(goal.links for goal in self.shown_goals)

    def facts(self, made: datetime.date) -> list[str]:
        """The heading's facts: "vuosi 2021", "jakso Q3", "laadittu 2.12.2026"."""
        w = self.words
        facts = []
        if self.year is not None:
            facts.append(w._("year {year}").format(year=self.year))
        facts.append(w._("period {period}").format(period=self.period))
        facts.append(w._("made {date}").format(date=w.date(made)))
        return facts

    def count_facts(self) -> list[tuple[str, str]]:
        """The heading's counts, as (word, number): goals met, partly, not met, not
        assessable and not assessed in the period, and the indicators met."""
        w = self.words
        counts = [(w._(MEANING_WORDS[m]), w.integer(self.counts.get(m, 0))) for m in MEANINGS]
        counts.append((w._("not assessed"), w.integer(self.counts.get(None, 0))))
        if self.indicators_met is not None:
            met, total = self.indicators_met
            of = w._("{met} of {total}").format(met=w.integer(met), total=w.integer(total))
            counts.append((w._("indicators met"), of))
        return counts


@dataclass(frozen=True, slots=True)
class Report:
    """A document of one or more reviews, a section each."""

    kind: ReportKind
    sections: tuple[ReviewReport, ...]
    made: datetime.date
    #: The words of the sections' language when they all speak one, else English.
    words: Words

    @property
    def language(self) -> str:
        return self.words.code

    @property
    def title(self) -> str:
        """The document's title: the paper's name, or the one review's title."""
        if self.kind == "unmet":
            return self.words._(UNMET_TITLE)
        if len(self.sections) == 1:
            return self.sections[0].title.text
        return self.words._("Reviews")

    @property
    def unexplained(self) -> list[tuple[ReviewReport, GoalShown]]:
        return [(s, goal) for s in self.sections for goal in s.unexplained]


# -- making the model -------------------------------------------------------------------------


def report(
    reviews: Sequence[tuple[Review, Path | None, str | None]],
    kind: ReportKind = "table",
    period: str | None = None,
    made: datetime.date | None = None,
) -> Report:
    """The report of ``reviews``, each with its path and the language to speak (None: the
    review's own), for ``period`` (default: the review table's current period, the paper's
    last one assessed); raises ValueError for a period a review does not have."""
    sections = tuple(
        review_report(review, path, kind, period, language) for review, path, language in reviews
    )
    languages = {section.language for section in sections}
    return Report(
        kind=kind,
        sections=sections,
        made=made or datetime.date.today(),
        words=catalogue(languages.pop() if len(languages) == 1 else "en"),
    )


def review_report(
    review: Review,
    path: Path | None = None,
    kind: ReportKind = "table",
    period: str | None = None,
    language: str | None = None,
) -> ReviewReport:
    """One review's section of a report (see :func:`report`)."""
    if period is None:
        period = review.current_period() if kind == "table" else last_assessed(review)
    if period not in review.periods:
        raise ValueError(f'"{period}" is not a period of this review')
    words = catalogue(language or review.main_language)
    texts = review.translation_for(words.code)
    scale = status_scale(review, texts)
    goals = [goal_shown(review, goal, period, texts, scale, words) for goal in review.goals]
    shown = goals
    if kind == "unmet":
        shown = [g for g in goals if g.binding and (g.short_of_indicators or g.unmet)]
    tallied = period_counts(review, period)
    counts: dict[Meaning | None, int] = {
        "met": tallied.met,
        "partly": tallied.partly,
        "not_met": tallied.not_met,
        "not_assessable": tallied.not_assessable,
        None: tallied.not_assessed,
    }
    has_indicators = any(goal.indicators for goal in review.goals)
    untranslated = review.text("title", texts).untranslated or any(
        text.untranslated and text for goal in shown for text in goal.texts
    )
    return ReviewReport(
        path=path,
        kind=kind,
        title=shown_text(review.text("title", texts), review),
        year=review.year,
        period=period,
        periods=review.periods,
        statuses=tuple(scale[status.label] for status in review.statuses),
        themes=by_theme(shown),
        counts=counts,
        goals=len(review.goals),
        binding=sum(1 for goal in review.goals if goal.is_binding),
        indicators_met=(tallied.indicators_met, tallied.indicators) if has_indicators else None,
        words=words,
        main_language=review.main_language,
        untranslated=untranslated,
    )


def last_assessed(review: Review) -> str:
    """The last period in which any goal has a status (the first when none has one)."""
    assessed = [
        i
        for i, period in enumerate(review.periods)
        if any(goal.status_in(period) is not None for goal in review.goals)
    ]
    return review.periods[assessed[-1] if assessed else 0]
