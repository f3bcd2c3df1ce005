"""A goal as a report shows it, and how it is made from the review: each text in the
report's language (:class:`Shown`, marked where it is the main text for want of a
translation), each status with its mark, colour and meaning (:class:`StatusShown`), each
period's status, forecast, comment and actions (:class:`PeriodShown`), its indicators with
their numbers written in the language (:class:`IndicatorShown`), and the goals grouped by
theme (:class:`ThemeGroup`). The report and its sections, which hold these, are in
:mod:`goaltui.outputs.report`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.color import Color, ColorParseError

from goaltui.language import Words
from goaltui.outputs.marks import NOT_ASSESSED_MARK, untranslated_mark
from goaltui.outputs.report_words import Word
from goaltui.review.indicators import Indicator, Number
from goaltui.review.measures import indicator_met, met_by_indicators
from goaltui.review.model import Goal, Localized, Meaning, PeriodEntry, Review

#: The meanings of an unmet goal.
UNMET: frozenset[Meaning] = frozenset({"partly", "not_met"})


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

    def facts(self, word: Callable[[Word], str], escape: Callable[[str], str] = str) -> str:
        """ "target 100 %, forecast 90 %, actual 60 % ✗ not met", in the report's words
        (``word``), each piece through ``escape`` (a writer's own: Markdown's, or none)."""
        facts = [(word("target"), self.target), (word("forecast"), self.forecast)]
        facts.append((word("actual"), self.actual))
        said = ", ".join(f"{escape(name)} {escape(value)}" for name, value in facts if value)
        if self.met is not None:
            said += f" ✓ {escape(word('met'))}" if self.met else f" ✗ {escape(word('not met'))}"
        return said


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


# -- made from the review ---------------------------------------------------------------------


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


def status_scale(review: Review, texts: str | None) -> dict[str | None, StatusShown]:
    scale: dict[str | None, StatusShown] = {
        status.label: StatusShown(
            label=status.label,
            name=shown_text(status.text("label", texts), review),
            mark=status.mark,
            rgb=rgb(status.color),
            meaning=review.meaning(status.label),
        )
        for status in review.statuses
    }
    scale[None] = StatusShown(label=None, name=Shown(), mark=NOT_ASSESSED_MARK)
    return scale


def shown_text(text: Localized[str] | Localized[str | None], review: Review) -> Shown:
    if text.text is None:
        return Shown()
    return Shown(text.text, review.main_language if text.untranslated else None)


def goal_shown(
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
                forecast=shown_text(entry.text("forecast", texts), review),
                comment=shown_text(entry.text("comment", texts), review),
                actions=_texts(entry.actions_in(texts), review),
                unexplained=review.is_unexplained(goal, name),
            )
        )
    chosen = periods[review.periods.index(period)]
    return GoalShown(
        id=goal.id,
        theme=shown_text(goal.text("theme", texts), review),
        objective=shown_text(goal.text("objective", texts), review),
        description=shown_text(goal.text("description", texts), review),
        target=shown_text(goal.text("target", texts), review),
        measure=shown_text(goal.text("measure", texts), review),
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
    unit = shown_text(indicator.text("unit", texts), review)
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
        name=shown_text(indicator.text("name", texts), review),
        unit=unit,
        target=target,
        forecast=number(values.forecast if values else None),
        actual=number(values.actual if values else None),
        met=indicator_met(indicator, entry),
    )


def by_theme(goals: Sequence[GoalShown]) -> tuple[ThemeGroup, ...]:
    """Goals grouped by theme: themes in the order they first appear, goals in file order."""
    groups: dict[str, list[GoalShown]] = {}
    first: dict[str, Shown] = {}
    for goal in goals:
        groups.setdefault(goal.theme.text, []).append(goal)
        first.setdefault(goal.theme.text, goal.theme)
    return tuple(ThemeGroup(first[key], tuple(group)) for key, group in groups.items())
