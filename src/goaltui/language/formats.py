"""How each language writes numbers, percentages and dates, and reads a number typed in it.

The conventions, and where they come from:

- Finnish and Swedish (as written in Finland: the City of Helsinki's publications in both
  languages, the Institute for the Languages of Finland's guidance): a decimal comma ("85,5"),
  digits grouped by a space from five digits on ("10 000", but "2021" and "1000"), a space
  between a number and its percent sign ("90 %"), and dates as day.month.year without leading
  zeros ("23.10.2021", "1.2.2022"): Finland-Swedish texts write dates as Finnish ones do, not in
  the ISO form of Sweden.
- English: a decimal point ("85.5"), thousands grouped by a comma from four digits on
  ("1,000"), the percent sign right after the number ("90%"), and dates as day, abbreviated
  month, year ("23 Oct 2021"): the order British and EU English use, which no reader can take
  for month/day the way "10/23/2021" or "23/10/2021" can be.

Every space inside a number or before a percent sign is a no-break space (U+00A0), so a line is
never broken inside "10 000" or between "90" and "%". Negative numbers use the hyphen-minus,
which terminals and spreadsheets all read; the minus sign (U+2212) is accepted when typed.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from goaltui.text import clean_line

if TYPE_CHECKING:
    import datetime

NBSP = "\u00a0"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Decimals shown when no number of decimals is asked for: enough for any measure, and few
# enough that 0.1 + 0.2 shows as 0.3.
_MOST_DECIMALS = 6


@dataclass(frozen=True)
class Conventions:
    """One language's way of writing numbers and dates."""

    decimal: str  # the decimal separator
    group: str  # what separates groups of three digits
    group_from: int  # integers of fewer digits than this are not grouped
    percent: str  # what comes between a number and "%"
    typed_group: str  # a regular expression for a group separator a reviewer may type
    typed_decimal: str  # the decimal separators a reviewer may type
    day_month_year: bool  # 23.10.2021, else 23 Oct 2021


CONVENTIONS = {
    "en": Conventions(".", ",", 4, "", f"[, {NBSP}\u202f]", ".", False),
    "fi": Conventions(",", NBSP, 5, NBSP, f"[ {NBSP}\u202f]", ",.", True),
    "sv": Conventions(",", NBSP, 5, NBSP, f"[ {NBSP}\u202f]", ",.", True),
}


class NotANumber(ValueError):
    """Text typed as a number that is not one; its message says so in the reviewer's language."""


class Formats:
    """The number and date formats of a language; mixed into :class:`~goaltui.language.Words`."""

    __slots__ = ()
    conventions: Conventions
    _: Callable[[str], str]

    def integer(self, value: int) -> str:
        """A count: "10 000" in Finnish and Swedish, "10,000" in English."""
        digits = str(abs(value))
        if len(digits) >= self.conventions.group_from:
            digits = f"{abs(value):,}".replace(",", self.conventions.group)
        return f"-{digits}" if value < 0 else digits

    def number(self, value: float, decimals: int | None = None) -> str:
        """``value`` with the language's separators; ``decimals`` fixes how many decimals show.

        Without ``decimals``, an integral value shows none and others as many as they need
        (at most six): 85.5 is "85,5" in Finnish and Swedish and "85.5" in English.
        """
        if isinstance(value, float) and not math.isfinite(value):
            return str(value)
        if decimals is None and (isinstance(value, int) or value.is_integer()):
            return self.integer(int(value))
        written = f"{abs(value):.{_MOST_DECIMALS if decimals is None else decimals}f}"
        if decimals is None:
            written = written.rstrip("0").rstrip(".")
        whole, _, fraction = written.partition(".")
        text = self.integer(int(whole))
        if fraction:
            text += self.conventions.decimal + fraction
        negative = value < 0 and any(digit in "123456789" for digit in written)
        return f"-{text}" if negative else text

    def percent(self, value: float, decimals: int | None = None) -> str:
        """``value`` percent (90 is "90 %" in Finnish and Swedish, "90%" in English)."""
        return f"{self.number(value, decimals)}{self.conventions.percent}%"

    def date(self, day: datetime.date) -> str:
        """``day`` as the language writes it: "23.10.2021", or "23 Oct 2021" in English."""
        if self.conventions.day_month_year:
            return f"{day.day}.{day.month}.{day.year}"
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"

    def parse_number(self, text: str, unit: str | None = None) -> int | float:
        """The number a reviewer typed: an int when written without decimals, else a float.

        Finnish and Swedish accept a decimal comma or point ("85,5", "85.5"), English a point;
        digits may be grouped by spaces (and by commas in English) in threes; a ``unit`` typed
        after the number ("90 %") is allowed. Anything else raises :class:`NotANumber`, whose
        message names the text and shows how to write a number in the language.
        """
        typed = text.strip()
        if unit and typed.endswith(unit):
            typed = typed[: -len(unit)].rstrip()
        found = _typed_number(self.conventions).fullmatch(typed)
        if found is None or not (found["whole"] or found["fraction"]):
            example = self.number(85.5)
            raise NotANumber(
                self._('"{text}" is not a number; write a number like {example}').format(
                    text=clean_line(text), example=example
                )
            )
        sign = "-" if found["sign"] else ""
        whole = re.sub(r"\D", "", found["whole"] or "0")
        if found["fraction"] is None:
            return int(sign + whole)
        return float(f"{sign}{whole}.{found['fraction']}")


@functools.cache
def _typed_number(conventions: Conventions) -> re.Pattern[str]:
    """What a number typed in the language looks like; made on first use, as few ever are."""
    decimal = re.escape(conventions.typed_decimal)
    return re.compile(
        rf"(?P<sign>[-\u2212])?"
        rf"(?P<whole>\d{{1,3}}(?:{conventions.typed_group}\d{{3}})+|\d+)?"
        rf"(?:[{decimal}](?P<fraction>\d+))?"
    )
