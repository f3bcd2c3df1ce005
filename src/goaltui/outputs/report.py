"""The review's papers, whatever the format they are written in: the review table and the
council's paper of the binding goals not met.

This is the reports' document model. Everything a writer shows is decided here, once: the
language, the period, each text as shown in that language (marked where it is the main text for
want of a translation, :class:`Shown`), each status with its mark, colour and meaning, the
counts of the heading, and which goals the council's paper holds. The writers
(:mod:`report_html`, :mod:`report_markdown`, :mod:`report_csv`, :mod:`report_xlsx`) only lay it
out, in the report's words (:attr:`ReviewReport.words`), and compute nothing.

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

from rich.color import Color, ColorParseError

from goaltui.language import N_, NP_, Words, catalogue
from goaltui.outputs.marks import NOT_ASSESSED_MARK, untranslated_mark
from goaltui.review.indicators import Indicator, Number
from goaltui.review.measures import indicator_met, met_by_indicators, period_counts
from goaltui.review.model import Goal, Localized, Meaning, PeriodEntry, Review

ReportKind = Literal["table", "unmet"]
MEANINGS: tuple[Meaning, ...] = ("met", "partly", "not_met", "not_assessable")
#: The meanings of an unmet goal.
UNMET: frozenset[Meaning] = frozenset({"partly", "not_met"})

#: The paper's title, as Helsinki's council papers name it.
UNMET_TITLE = N_("Binding operational goals not met")
#: The word of each meaning in the heading's counts.
MEANING_WORDS: dict[Meaning, str] = {
    "met": N_("met"),
    "partly": N_("partly met"),
    "not_met": N_("not met"),
    "not_assessable": N_("not assessable"),
}
#: The reports' short words, each said the same way by every writer.
Word = Literal[
    "not assessed",
    "binding",
    "no translation",
    "legend",
    "met",
    "not met",
    "needs a comment",
    "no explanation",
    "actual",
    "target",
    "forecast",
    "short of indicators",
]
WORDS: dict[Word, str] = {
    "not assessed": N_("not assessed"),
    "binding": N_("binding"),
    "no translation": N_("no translation"),
    "legend": N_("Legend"),
    "met": N_("met"),
    "not met": N_("not met"),
    "needs a comment": N_("needs a comment"),
    "no explanation": N_("no explanation given"),
    # Translators: an indicator's value measured so far, beside its target and forecast
    "actual": N_("actual"),
    "target": N_("target"),
    "forecast": N_("forecast"),
    # Translators: in the council's paper, beside a binding goal whose status means met
    "short of indicators": N_("not met: not every indicator reaches its target"),
}

#: The columns of the reports, each named once for every writer.
Column = Literal[
    "review",
    "id",
    "theme",
    "objective",
    "description",
    "target",
    "measure",
    "binding",
    "status",
    "forecast",
    "comment",
    "explanation",
    "indicators",
    "actions",
    "links",
]
COLUMNS: dict[Column, tuple[str, str]] = {
    "review": NP_("a report's column", "Review"),
    "id": NP_("a report's column", "Id"),
    "theme": NP_("a report's column", "Theme"),
    "objective": NP_("a report's column", "Goal"),
    "description": NP_("a report's column", "Description"),
    "target": NP_("a report's column", "Target"),
    "measure": NP_("a report's column", "Measure"),
    "binding": NP_("a report's column", "Binding"),
    "status": NP_("a report's column", "Status"),
    "forecast": NP_("a report's column", "Forecast"),
    "comment": NP_("a report's column", "Comment"),
    "explanation": NP_("a report's column", "Explanation"),
    "indicators": NP_("a report's column", "Indicators"),
    "actions": NP_("a report's column", "Actions"),
    "links": NP_("a report's column", "Links"),
}


def column(words: Words, name: Column, period: str | None = None) -> str:
    """A column's heading: "Kommentti", or with ``period`` "Kommentti (Q3)"."""
    word = words.pgettext(*COLUMNS[name])
    if period is None:
        return word
    # Translators: a column of one period, such as "Comment (Q3)"
    return words._("{column} ({period})").format(column=word, period=period)


def binding_word(words: Words, binding: bool) -> str:
    """The binding column's value, as the seed says it: "Kyllä" or "Ei"."""
    if binding:
        return words.pgettext("a goal is binding", "Yes")
    return words.pgettext("a goal is binding", "No")


@dataclass(frozen=True, slots=True)
class Shown:
    """A review's text as the report shows it: ``text`` ("" for none) and, where it is the main
    text because the language shown has no translation of it, that main language's code."""

    text: str = ""
    untranslated: str | None = None

    def __bool__(self) -> bool:
        return bool(self.text.strip())

    @property
    def mark(self) -> str:
        """ "[fi]" before an untranslated text, else ""."""
        return untranslated_mark(self.untranslated) if self.untranslated and self else ""

    def marked(self) -> str:
        """The text with its mark before it, for formats without styles: "[fi] Toteutuu"."""
        return f"{self.mark} {self.text}" if self.mark else self.text


@dataclass(frozen=True, slots=True)
class StatusShown:
    """A status as shown: its mark and its label in the report's language (None: not assessed),
    its colour as red, green and blue, and its meaning."""

    label: str | None  # the main label, as in the file
    name: Shown
    mark: str
    rgb: tuple[int, int, int] | None = None
    meaning: Meaning | None = None

    @property
    def assessed(self) -> bool:
        return self.label is not None

    def tint(self, strength: float = 0.3) -> str | None:
        """The colour mixed with white, "#rrggbb": a background that black text reads on."""
        if self.rgb is None:
            return None
        mixed = (round(255 - (255 - c) * strength) for c in self.rgb)
        return "#" + "".join(f"{c:02x}" for c in mixed)

    @property
    def hex(self) -> str | None:
        return None if self.rgb is None else "#" + "".join(f"{c:02x}" for c in self.rgb)


@dataclass(frozen=True, slots=True)
class PeriodShown:
    """A goal at one reporting point."""

    period: str
    status: StatusShown
    forecast: Shown
    comment: Shown
    #: The corrective actions decided in the period (the actions extension).
    actions: tuple[Shown, ...] = ()
    #: Its status asks for a comment, and it has none.
    unexplained: bool = False


@dataclass(frozen=True, slots=True)
class IndicatorShown:
    """One of a goal's indicators in the report's period (the indicators extension): numbers
    already written in the report's language, ``met`` None where it has no target or value."""

    name: Shown
    unit: Shown
    target: str
    forecast: str
    actual: str
    met: bool | None


@dataclass(frozen=True, slots=True)
class GoalShown:
    id: str
    theme: Shown
    objective: Shown
    description: Shown
    target: Shown
    measure: Shown
    binding: bool
    links: tuple[Shown, ...]
    #: Every period of the review, in order.
    periods: tuple[PeriodShown, ...]
    #: The report's period among them.
    chosen: PeriodShown
    indicators: tuple[IndicatorShown, ...] = ()
    #: Its status in the report's period means "met", but not every indicator with a target
    #: reaches it: a binding goal is met only if all do, so the council's paper holds it.
    short_of_indicators: bool = False

    @property
    def unmet(self) -> bool:
        """Its status in the report's period means "partly" or "not met"."""
        return self.chosen.status.meaning in UNMET

    @property
    def unexplained(self) -> bool:
        """In the council's paper: a goal not met without an explanation (it is flagged)."""
        return not self.chosen.comment

    @property
    def texts(self) -> tuple[Shown, ...]:
        """Every text of the goal the report may show, to tell whether one is untranslated."""
        entry_texts = (t for p in self.periods for t in (p.forecast, p.comment, *p.actions))
        return (
            self.theme,
            self.objective,
            self.description,
            self.target,
            self.measure,
            *self.links,
            *(p.status.name for p in self.periods),
            *entry_texts,
            *(text for i in self.indicators for text in (i.name, i.unit)),
        )


@dataclass(frozen=True, slots=True)
class ThemeGroup:
    theme: Shown  # "" for goals without one
    goals: tuple[GoalShown, ...]


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
    scale = _scale(review, texts)
    goals = [_goal(review, goal, period, texts, scale, words) for goal in review.goals]
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
        title=_shown(review.text("title", texts), review),
        year=review.year,
        period=period,
        periods=review.periods,
        statuses=tuple(scale[status.label] for status in review.statuses),
        themes=_by_theme(shown),
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


def rgb(color: str | None) -> tuple[int, int, int] | None:
    """A file's colour (a Rich colour name or #rrggbb) as red, green and blue; None where it
    gives none or one that is not a colour."""
    if not color:
        return None
    try:
        triplet = Color.parse(color.strip().lower()).get_truecolor()
    except ColorParseError:
        return None
    return (triplet.red, triplet.green, triplet.blue)


def _scale(review: Review, texts: str | None) -> dict[str | None, StatusShown]:
    scale: dict[str | None, StatusShown] = {
        status.label: StatusShown(
            label=status.label,
            name=_shown(status.text("label", texts), review),
            mark=status.mark,
            rgb=rgb(status.color),
            meaning=review.meaning(status.label),
        )
        for status in review.statuses
    }
    scale[None] = StatusShown(label=None, name=Shown(), mark=NOT_ASSESSED_MARK)
    return scale


def _shown(text: Localized[str] | Localized[str | None], review: Review) -> Shown:
    if text.text is None:
        return Shown()
    return Shown(text.text, review.main_language if text.untranslated else None)


def _goal(
    review: Review,
    goal: Goal,
    period: str,
    texts: str | None,
    scale: dict[str | None, StatusShown],
    words: Words,
) -> GoalShown:
    periods = []
    for name in review.periods:
        entry = goal.entry(name)
        status = scale.get(entry.status)
        if status is None:  # not a label of the scale: validation refuses it, but say it as is
            status = StatusShown(entry.status, Shown(entry.status or ""), NOT_ASSESSED_MARK)
        periods.append(
            PeriodShown(
                period=name,
                status=status,
                forecast=_shown(entry.text("forecast", texts), review),
                comment=_shown(entry.text("comment", texts), review),
                actions=_texts(entry.actions_in(texts), review),
                unexplained=review.is_unexplained(goal, name),
            )
        )
    chosen = periods[review.periods.index(period)]
    return GoalShown(
        id=goal.id,
        theme=_shown(goal.text("theme", texts), review),
        objective=_shown(goal.text("objective", texts), review),
        description=_shown(goal.text("description", texts), review),
        target=_shown(goal.text("target", texts), review),
        measure=_shown(goal.text("measure", texts), review),
        binding=goal.is_binding,
        links=_texts(goal.links_in(texts), review),
        periods=tuple(periods),
        chosen=chosen,
        indicators=tuple(
            _indicator(review, indicator, goal.entry(period), texts, words)
            for indicator in goal.indicators or ()
        ),
        short_of_indicators=chosen.status.meaning == "met"
        and met_by_indicators(goal, period) is False,
    )


def _texts(texts: Localized[tuple[str, ...] | None], review: Review) -> tuple[Shown, ...]:
    """A list of texts (links, actions), each marked where the list is untranslated."""
    mark = review.main_language if texts.untranslated else None
    return tuple(Shown(text, mark) for text in texts.text or ())


def _indicator(
    review: Review,
    indicator: Indicator,
    entry: PeriodEntry,
    texts: str | None,
    words: Words,
) -> IndicatorShown:
    unit = _shown(indicator.text("unit", texts), review)
    values = entry.indicator(indicator.id)

    def number(value: Number | None) -> str:
        if value is None:
            return ""
        shown = words.number(value)
        if unit.text == "%":
            return words.percent(value)
        return f"{shown} {unit.text}" if unit else shown

    target = number(indicator.target)
    if target and indicator.way == "at_most":
        # Translators: an indicator's target that its value must not exceed, such as "≤ 5 %"
        target = words._("at most {target}").format(target=target)
    return IndicatorShown(
        name=_shown(indicator.text("name", texts), review),
        unit=unit,
        target=target,
        forecast=number(values.forecast if values else None),
        actual=number(values.actual if values else None),
        met=indicator_met(indicator, entry),
    )


def _by_theme(goals: Sequence[GoalShown]) -> tuple[ThemeGroup, ...]:
    """Goals grouped by theme: themes in the order they first appear, goals in file order."""
    groups: dict[str, list[GoalShown]] = {}
    first: dict[str, Shown] = {}
    for goal in goals:
        groups.setdefault(goal.theme.text, []).append(goal)
        first.setdefault(goal.theme.text, goal.theme)
    return tuple(ThemeGroup(first[key], tuple(group)) for key, group in groups.items())
