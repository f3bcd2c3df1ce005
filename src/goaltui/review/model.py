"""The review: its status scale, its goals and their entries per period.

Pure data and the questions a review meeting asks of it. Nothing here knows about files,
terminals or Textual. Goals, statuses and period entries are immutable: an edit makes a new
goal, so a save running in the background can hold on to a consistent snapshot.

Optional fields are ``None`` when the file leaves them out, so that a save writes back
exactly the keys that were read.

A table that holds texts may hold them in the other languages of ``review.translations`` too
(docs/format.md, "Translations"): its ``translated`` mapping, by language code. Ask a text in
the language shown with ``text(name, language)``: it gives the translation, or the main text
marked as untranslated (:class:`Localized`); ``language`` is None for the main texts, and
:meth:`Review.translation_for` tells which to ask for a language goaltui speaks.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar, Literal

from goaltui.review.entries import EDIT_FIELDS as EDIT_FIELDS
from goaltui.review.entries import EMPTY_ENTRY as EMPTY_ENTRY
from goaltui.review.entries import ENTRY_FIELDS as ENTRY_FIELDS
from goaltui.review.entries import MEANINGS as MEANINGS
from goaltui.review.entries import EditField as EditField
from goaltui.review.entries import EditValue as EditValue
from goaltui.review.entries import EntryField as EntryField
from goaltui.review.entries import EntryText as EntryText
from goaltui.review.entries import GoalText as GoalText
from goaltui.review.entries import Meaning as Meaning
from goaltui.review.entries import PeriodEntry as PeriodEntry
from goaltui.review.entries import ReviewText as ReviewText
from goaltui.review.entries import Status as Status
from goaltui.review.entries import StatusText as StatusText
from goaltui.review.entries import TextField as TextField
from goaltui.review.indicators import Indicator
from goaltui.review.texts import Localized as Localized
from goaltui.review.texts import Text as Text
from goaltui.review.texts import Translated as Translated
from goaltui.review.texts import Translation as Translation
from goaltui.review.texts import has_text as has_text
from goaltui.review.texts import localized, strings
from goaltui.review.texts import with_text as with_text

#: How good each meaning is, for which way a status moved (not assessable is never compared).
_MEANING_RANK: dict[Meaning, int] = {"met": 0, "partly": 1, "not_met": 2}

#: Which way a status moved: to a better or a worse one (see :meth:`Review.moved`).
Move = Literal["better", "worse"]


@dataclass(frozen=True, slots=True)
class Goal:
    """One strategic goal: its texts, whether it binds, and its assessment per period."""

    id: str
    objective: str
    theme: str | None = None
    description: str | None = None
    target: str | None = None
    measure: str | None = None
    binding: bool | None = None
    links: tuple[str, ...] | None = None
    #: The goal's measures, in order (docs/format.md, "Indicators").
    indicators: tuple[Indicator, ...] | None = None
    periods: Mapping[str, PeriodEntry] | None = None
    translated: Translated = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)

    TEXTS: ClassVar[tuple[GoalText | Literal["links"], ...]] = (
        "theme",
        "objective",
        "description",
        "target",
        "measure",
        "links",
    )

    def text(self, name: GoalText, language: str | None = None) -> Localized[str | None]:
        """The theme, objective, description, target or measure in ``language``."""
        return localized(getattr(self, name), self.translated, name, language)

    def links_in(self, language: str | None = None) -> Localized[tuple[str, ...] | None]:
        """The links in ``language``."""
        return localized(self.links, self.translated, "links", language)

    @property
    def is_binding(self) -> bool:
        return bool(self.binding)

    def entry(self, period: str) -> PeriodEntry:
        if self.periods is None:
            return EMPTY_ENTRY
        return self.periods.get(period, EMPTY_ENTRY)

    def status_in(self, period: str) -> str | None:
        return self.entry(period).status

    def indicator(self, indicator_id: str) -> Indicator | None:
        for indicator in self.indicators or ():
            if indicator.id == indicator_id:
                return indicator
        return None

    def search_text(self) -> str:
        """What a text filter looks in: id, objective, theme, links and comments, casefolded."""
        texts = [self.id, self.objective, self.theme or "", *(self.links or ())]
        texts.extend(entry.comment or "" for entry in (self.periods or {}).values())
        # The same texts in every language the file has them in: a filter finds what is shown.
        for translation in self.translated.values():
            for name in ("objective", "theme", "links"):
                texts.extend(strings(translation.texts.get(name)))
        for entry in (self.periods or {}).values():
            for translation in entry.translated.values():
                texts.extend(strings(translation.texts.get("comment")))
        return "\n".join(texts).casefold()

    def with_value(
        self,
        period: str,
        name: EditField,
        value: EditValue,
        language: str | None = None,
        indicator: str | None = None,
    ) -> Goal:
        """This goal with one field of one period changed; empty entries disappear.

        ``indicator`` names the indicator whose forecast or actual changes. With
        ``language``, the forecast or comment of that translation changes (a status is never
        translated: it is always a main label).
        """
        entry = self.entry(period)
        if language is None:
            entry = entry.with_value(name, value, indicator)
        elif name not in ("forecast", "comment") or not isinstance(value, str | None):
            raise ValueError(f"{name} is not translated here: only a forecast or comment is")
        else:
            entry = replace(entry, translated=with_text(entry.translated, language, name, value))
        periods = dict(self.periods or {})
        if entry.is_empty():
            periods.pop(period, None)
        else:
            periods[period] = entry
        return replace(self, periods=periods or None)


@dataclass(frozen=True, slots=True)
class StatusChange:
    """A goal's status in a period, from ``before`` to ``after``."""

    goal: Goal
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class Unexplained:
    """A status in a period that needs a comment and has none."""

    goal: Goal
    period: str
    status: str


@dataclass(slots=True)
class Review:
    """One review file's content: a year of goals reviewed period by period."""

    title: str
    periods: tuple[str, ...]
    statuses: tuple[Status, ...]
    goals: list[Goal] = field(default_factory=list)
    year: int | None = None
    language: str | None = None
    current: str | None = None
    #: ``review.translations``: the other languages whose texts the file carries.
    translations: tuple[str, ...] | None = None
    #: The ``[review.<L>]`` tables: the title in other languages.
    translated: Translated = field(default_factory=dict)
    #: ``review.due``: the date each period's assessment is due, by period, in file order.
    due: Mapping[str, datetime.date] | None = None
    #: Unknown keys of the ``[review]`` table and of the top level, kept for the save.
    review_extra: Mapping[str, Any] = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)
    empty_goals_key: bool = False  # the file says ``goals = []``: written back as it was
    _index: dict[str, int] = field(default_factory=dict, repr=False, compare=False)
    _explain: frozenset[str] = field(init=False, repr=False, compare=False)
    _rank: dict[str, int] = field(init=False, repr=False, compare=False)
    _actions: frozenset[str] = field(init=False, repr=False, compare=False)
    _meanings: dict[str, Meaning] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._index = {goal.id: i for i, goal in enumerate(self.goals)}
        # Asked for every cell the app draws: kept at hand.
        self._explain = frozenset(s.label for s in self.statuses if s.needs_comment)
        self._actions = frozenset(s.label for s in self.statuses if s.needs_actions)
        self._rank = {status.label: i for i, status in enumerate(self.statuses)}
        last = len(self.statuses) - 1
        self._meanings = {
            status.label: status.meaning
            or ("met" if i == 0 else "not_met" if i == last else "partly")
            for i, status in enumerate(self.statuses)
        }

    # -- languages ------------------------------------------------------------

    @property
    def main_language(self) -> str:
        """The language of the texts in the main fields (English when the file names none)."""
        return self.language or "en"

    def translation_for(self, language: str) -> str | None:
        """What to ask texts in to show them in ``language``: None for the main texts.

        Any other language is asked for, also one the file has no texts in: its texts then
        show as the main ones, marked untranslated.
        """
        return None if language == self.main_language else language

    def text(self, name: ReviewText, language: str | None = None) -> Localized[str]:
        """The title in ``language``."""
        return localized(self.title, self.translated, name, language)

    # -- lookup ---------------------------------------------------------------

    def goal(self, goal_id: str) -> Goal:
        return self.goals[self._index[goal_id]]

    def goal_index(self, goal_id: str) -> int:
        return self._index[goal_id]

    def replace_goal(self, goal: Goal) -> None:
        self.goals[self._index[goal.id]] = goal

    def status(self, label: str) -> Status | None:
        for status in self.statuses:
            if status.label == label:
                return status
        return None

    def by_theme(self, indexes: Iterable[int] | None = None) -> dict[str | None, list[int]]:
        """Goal indexes (all, or these) grouped by theme: themes in the order they first
        appear in the file, goals in file order within a theme."""
        groups: dict[str | None, list[int]] = {}
        for index in range(len(self.goals)) if indexes is None else indexes:
            groups.setdefault(self.goals[index].theme, []).append(index)
        return groups

    # -- the reporting period -------------------------------------------------

    def current_period(self) -> str:
        """The period under review: declared, or after the latest one with any status."""
        if self.current is not None:
            return self.current
        latest = -1
        for goal in self.goals:
            if goal.periods:
                for i, period in enumerate(self.periods):
                    if i > latest and goal.status_in(period) is not None:
                        latest = i
        return self.periods[min(latest + 1, len(self.periods) - 1)]

    def previous_period(self, period: str) -> str | None:
        i = self.periods.index(period)
        return self.periods[i - 1] if i > 0 else None

    # -- status scale ---------------------------------------------------------

    def next_status(self, label: str | None) -> str | None:
        """Cycling order: the labels in file order, then not assessed, then the first again.

        A label not in this scale (a status filter set on another review) leads to the first.
        """
        labels = [status.label for status in self.statuses]
        if label not in labels:
            return labels[0]
        i = labels.index(label)
        return labels[i + 1] if i + 1 < len(labels) else None

    def meaning(self, label: str | None) -> Meaning | None:
        """What a status says about a goal: its ``meaning``, else by its place in the scale
        (the first "met", the last "not_met", those between "partly"). None for no status."""
        return None if label is None else self._meanings.get(label)

    def first_meaning(self, meaning: Meaning) -> str | None:
        """The first status of the scale that means ``meaning``, if one does."""
        for label, meant in self._meanings.items():
            if meant == meaning:
                return label
        return None

    # -- derived views --------------------------------------------------------

    def counts(self, period: str) -> dict[str | None, int]:
        """Goals per status label in a period; ``None`` counts the goals not assessed."""
        counts: dict[str | None, int] = {status.label: 0 for status in self.statuses}
        counts[None] = 0
        for goal in self.goals:
            label = goal.status_in(period)
            counts[label] = counts.get(label, 0) + 1
        return counts

    def asks_actions(self, label: str | None) -> bool:
        """Whether a goal in this status needs actions (the status has ``actions = true``)."""
        return label in self._actions

    def is_unexplained(self, goal: Goal, period: str) -> bool:
        """The goal's status in ``period`` asks for a comment, and the goal has none there."""
        return self._unexplained_status(goal.entry(period)) is not None

    def unexplained(self, periods: Iterable[str] | None = None) -> Iterator[Unexplained]:
        """Goals in a status that asks for a comment, without one, period by period."""
        if not self._explain:
            return
        wanted = tuple(self.periods if periods is None else periods)
        for goal in self.goals:
            for period in wanted:
                status = self._unexplained_status(goal.entry(period))
                if status is not None:
                    yield Unexplained(goal, period, status)

    def _unexplained_status(self, entry: PeriodEntry) -> str | None:
        """The entry's status, if it asks for a comment that the entry lacks."""
        status = entry.status
        return status if status in self._explain and not entry.has_comment else None

    def worsened(self, period: str | None = None) -> list[StatusChange]:
        """Goals whose status is later in the scale than in the previous period."""
        return self._moved(period, worse=True)

    def improved(self, period: str | None = None) -> list[StatusChange]:
        return self._moved(period, worse=False)

    def moved(self, before: str | None, after: str | None) -> Move | None:
        """Whether a goal whose status went from ``before`` to ``after`` got better or worse:
        a status that means less (met, partly, not met) is worse, and between two of one
        meaning the later in the scale. None when it did neither, when either is not
        assessed or not a label of this scale, and when either means "not_assessable", which
        is never worse nor better than anything. The one rule of the summaries and the diffs."""
        if before is None or after is None:
            return None
        rank_before, rank_after = self._rank.get(before), self._rank.get(after)
        if rank_before is None or rank_after is None or rank_before == rank_after:
            return None
        meant_before, meant_after = self._meanings[before], self._meanings[after]
        if meant_before == "not_assessable" or meant_after == "not_assessable":
            return None
        was = (_MEANING_RANK[meant_before], rank_before)
        now = (_MEANING_RANK[meant_after], rank_after)
        return "worse" if now > was else "better"

    def _moved(self, period: str | None, *, worse: bool) -> list[StatusChange]:
        period = period or self.current_period()
        previous = self.previous_period(period)
        if previous is None:
            return []
        way = "worse" if worse else "better"
        moved = []
        for goal in self.goals:
            before, after = goal.status_in(previous), goal.status_in(period)
            if before is not None and after is not None and self.moved(before, after) == way:
                moved.append(StatusChange(goal, before, after))
        return moved

    def not_assessed(self, period: str | None = None) -> list[Goal]:
        period = period or self.current_period()
        return [goal for goal in self.goals if goal.status_in(period) is None]
