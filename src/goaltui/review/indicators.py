"""A goal's indicators (its measures, mittarit) and their values in a period.

docs/format.md, "Indicators": an indicator has an id, a name, and optionally a unit, a target
and a direction; a period entry gives each indicator a forecast (the value expected at the end
of the year) and an actual (the value measured so far). Pure data, as the rest of the model.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from goaltui.review.texts import Localized, Translated, localized

#: A number of a review file: TOML's integers and floats (never a boolean).
Number = int | float
#: Which way an indicator's value must lie from its target.
Direction = Literal["at_least", "at_most"]
DIRECTIONS: tuple[Direction, ...] = ("at_least", "at_most")
IndicatorText = Literal["name", "unit"]
#: The values an indicator has in one period, in file order.
ValueField = Literal["forecast", "actual"]
VALUE_FIELDS: tuple[ValueField, ...] = ("forecast", "actual")


@dataclass(frozen=True, slots=True)
class Indicator:
    """One measure of a goal: met when its value reaches its target, in its direction."""

    id: str
    name: str
    unit: str | None = None
    target: Number | None = None
    direction: Direction | None = None  # None: "at_least", as the file leaves it out
    translated: Translated = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)

    TEXTS: ClassVar[tuple[IndicatorText, ...]] = ("name", "unit")

    def text(self, name: IndicatorText, language: str | None = None) -> Localized[str | None]:
        """The name or unit in ``language``."""
        return localized(getattr(self, name), self.translated, name, language)

    @property
    def way(self) -> Direction:
        return self.direction or "at_least"

    def reaches(self, value: Number) -> bool | None:
        """Whether ``value`` reaches the target; None when there is no target to reach."""
        if self.target is None:
            return None
        return value >= self.target if self.way == "at_least" else value <= self.target


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    """One indicator's values in one period."""

    forecast: Number | None = None
    actual: Number | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def value(self) -> Number | None:
        """What the indicator is judged by: the forecast if given, else the actual."""
        return self.forecast if self.forecast is not None else self.actual

    def is_empty(self) -> bool:
        return self.forecast is None and self.actual is None and not self.extra
