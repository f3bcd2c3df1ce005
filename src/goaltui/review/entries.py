"""The parts of a review that goals are made of: its status scale and a goal's entry in a
period, and the names of the fields an edit changes.

Pure data, immutable; :mod:`goaltui.review.model` holds the goals and the review.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar, Literal

from goaltui.review.indicators import IndicatorValue
from goaltui.review.texts import Localized, Translated, localized
from goaltui.text import clean_line

#: The fields of a period entry that a reviewer edits.
EntryField = Literal["status", "forecast", "comment"]
ENTRY_FIELDS: tuple[EntryField, ...] = ("status", "forecast", "comment")  # in file order
#: The fields a reviewer types (a status is picked from the scale).
TextField = Literal["forecast", "comment"]
#: The text fields of each table that a language table translates (a goal's links aside).
ReviewText = Literal["title"]
StatusText = Literal["label", "description"]
GoalText = Literal["theme", "objective", "description", "target", "measure"]
EntryText = TextField
#: What an edit changes in a period entry: one of its fields, its list of actions, or one
#: indicator's forecast or actual (the indicator named by the edit).
EditField = Literal[
    "status", "forecast", "comment", "actions", "indicator_forecast", "indicator_actual"
]
EDIT_FIELDS: tuple[EditField, ...] = (
    "status",
    "forecast",
    "comment",
    "actions",
    "indicator_forecast",
    "indicator_actual",
)
#: The value an edit sets: a text, a list of actions, an indicator's number, or none.
EditValue = str | int | float | tuple[str, ...] | None
#: What a status says about a goal (docs/format.md, "Meanings of statuses").
Meaning = Literal["met", "partly", "not_met", "not_assessable"]
MEANINGS: tuple[Meaning, ...] = ("met", "partly", "not_met", "not_assessable")


@dataclass(frozen=True, slots=True)
class Status:
    """One step of the review's status scale."""

    label: str
    color: str | None = None
    symbol: str | None = None
    description: str | None = None
    explain: bool | None = None
    meaning: Meaning | None = None  # None: by its place in the scale (Review.meaning)
    actions: bool | None = None  # true: a goal in this status needs actions
    translated: Translated = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)

    TEXTS: ClassVar[tuple[StatusText, ...]] = ("label", "description")

    def text(self, name: StatusText, language: str | None = None) -> Localized[str | None]:
        """The label or description in ``language``; a status value stays the main label."""
        return localized(getattr(self, name), self.translated, name, language)

    @property
    def needs_comment(self) -> bool:
        return bool(self.explain)

    @property
    def needs_actions(self) -> bool:
        return bool(self.actions)

    @property
    def mark(self) -> str:
        """The status's glyph (its symbol, or its initials), so that no status is told by
        colour alone; safe for a terminal."""
        if self.symbol:
            return clean_line(self.symbol)
        initials = "".join(word[:1] for word in self.label.split())
        return clean_line(initials.upper() or self.label[:2])


@dataclass(frozen=True, slots=True)
class PeriodEntry:
    """A goal's assessment at one reporting point."""

    status: str | None = None
    forecast: str | None = None
    comment: str | None = None
    #: The corrective actions decided in the period, in order.
    actions: tuple[str, ...] | None = None
    #: The indicators' values in the period, by indicator id, in file order.
    indicators: Mapping[str, IndicatorValue] | None = None
    translated: Translated = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)

    TEXTS: ClassVar[tuple[EntryText | Literal["actions"], ...]] = ("forecast", "comment", "actions")

    def text(self, name: EntryText, language: str | None = None) -> Localized[str | None]:
        """The forecast or comment in ``language``."""
        return localized(getattr(self, name), self.translated, name, language)

    def actions_in(self, language: str | None = None) -> Localized[tuple[str, ...] | None]:
        """The actions in ``language``."""
        return localized(self.actions, self.translated, "actions", language)

    def is_empty(self) -> bool:
        return (
            self.status is None
            and self.forecast is None
            and self.comment is None
            and self.actions is None
            and self.indicators is None
            and not self.translated
            and not self.extra
        )

    @property
    def has_comment(self) -> bool:
        return bool(self.comment and self.comment.strip())

    @property
    def has_actions(self) -> bool:
        return any(action.strip() for action in self.actions or ())

    def indicator(self, indicator_id: str) -> IndicatorValue | None:
        return (self.indicators or {}).get(indicator_id)

    def value(
        self, name: EditField, language: str | None = None, indicator: str | None = None
    ) -> EditValue:
        """What an edit of ``name`` (of ``indicator``, for its values) finds here: the field
        as the file holds it in ``language`` (None: the main field), with no main text in
        place of a missing translation."""
        if language is not None:
            translation = self.translated.get(language)
            text = translation.texts.get(name) if translation is not None else None
            return text if isinstance(text, str) else None
        if name == "indicator_forecast" or name == "indicator_actual":
            values = self.indicator(indicator or "")
            if values is None:
                return None
            return values.forecast if name == "indicator_forecast" else values.actual
        found: EditValue = getattr(self, name)
        return found

    def with_value(
        self, name: EditField, value: EditValue, indicator: str | None = None
    ) -> PeriodEntry:
        """This entry with ``name`` set to ``value`` (None: the key removed)."""
        if name == "indicator_forecast" or name == "indicator_actual":
            if indicator is None:
                raise ValueError("an indicator's value needs the indicator's id")
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int | float)
            ):
                raise TypeError(f"an indicator's value is a number, not {value!r}")
            values = dict(self.indicators or {})
            old = values.get(indicator, IndicatorValue())
            if name == "indicator_forecast":
                new = replace(old, forecast=value)
            else:
                new = replace(old, actual=value)
            if new.is_empty():
                values.pop(indicator, None)
            else:
                values[indicator] = new
            return replace(self, indicators=values or None)
        if name == "actions":
            if value is not None and not isinstance(value, tuple):
                raise TypeError(f"actions are a tuple of texts, not {value!r}")
            return replace(self, actions=value or None)
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{name} is a text, not {value!r}")
        change: dict[str, Any] = {name: value}
        return replace(self, **change)


EMPTY_ENTRY = PeriodEntry()
