"""The rules of the measures extensions of docs/format.md: when each period is due
(``review.due``), what a status means (``meaning``), a goal's indicators
(``[[goals.indicators]]``) and their values in each period, and a period's corrective actions
(``actions``). :mod:`goaltui.files.validate` calls them as it builds the review; what they mean
for a goal (met, due, needing actions) is in :mod:`goaltui.review.measures`.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from goaltui.files.checker import Checker, not_a
from goaltui.files.locate import KeyPath
from goaltui.files.translations import Languages, translated, unknown_keys
from goaltui.language import N_, _
from goaltui.review.indicators import DIRECTIONS, Indicator, IndicatorValue
from goaltui.review.model import MEANINGS, Meaning

INDICATOR_KEYS = ("id", "name", "unit", "target", "direction")
VALUE_KEYS = ("forecast", "actual")
# Tables with only these keys have no unknown keys nor language subtables to look for: the
# common case, taken quickly, since a large review has tens of thousands of them.
_INDICATOR_KNOWN = frozenset(INDICATOR_KEYS)
_VALUE_KNOWN = frozenset(VALUE_KEYS)
_USED = N_('id "{id}" is used by an earlier indicator of this goal')


def review_due(
    check: Checker, head: Mapping[str, Any], periods: list[str]
) -> dict[str, datetime.date] | None:
    """``review.due``: a date for some of the periods, in the order of the periods."""
    where: KeyPath = ("review", "due")
    value = head.get("due")
    if value is None:
        return None
    if not isinstance(value, Mapping):
        check.error(where, not_a(_("must be a table of periods and dates, not {type}"), value))
        return None
    due: dict[str, datetime.date] = {}
    for period, day in value.items():
        if periods and period not in periods:
            unknown = _('unknown period "{period}"; periods are {periods}')
            check.error((*where, period), unknown.format(period=period, periods=", ".join(periods)))
        elif isinstance(day, datetime.datetime) or not isinstance(day, datetime.date):
            not_date = _("must be a date such as 2021-10-23 (no quotes, no time), not {type}")
            check.error((*where, period), not_a(not_date, day))
        else:
            due[period] = day
    order = {name: k for k, name in enumerate(periods)}
    return dict(sorted(due.items(), key=lambda item: order.get(item[0], len(order))))


def status_meaning(check: Checker, at: KeyPath, table: Mapping[str, Any]) -> Meaning | None:
    """A status's ``meaning``: one of the meanings, None where it gives none or gives another."""
    meaning = check.text(at, table, "meaning")
    known = next((name for name in MEANINGS if name == meaning), None)
    if meaning is not None and known is None:
        unknown = _('"{meaning}" is not a meaning; meanings are {meanings}')
        check.error((*at, "meaning"), unknown.format(meaning=meaning, meanings=", ".join(MEANINGS)))
    return known


def entry_actions(check: Checker, at: KeyPath, table: Mapping[str, Any]) -> tuple[str, ...] | None:
    """A period's corrective ``actions``, in order."""
    actions = check.texts(at, table, "actions")
    return tuple(actions) if actions is not None else None


def goal_indicators(
    check: Checker, at: KeyPath, value: Any, languages: Languages
) -> tuple[Indicator, ...] | None:
    """A goal's ``[[goals.indicators]]``, in order."""
    if value is None:
        return None
    where: KeyPath = (*at, "indicators")
    if not isinstance(value, list):
        message = _("must be a list of [[goals.indicators]] tables, not {type}")
        check.error(where, not_a(message, value))
        return None
    indicators: list[Indicator] = []
    seen: set[str] = set()
    for i, table in enumerate(value):
        here: KeyPath = (*where, i)
        if not isinstance(table, Mapping):
            check.error(here, not_a(_("must be a table, not {type}"), table))
            continue
        ident = check.ident(here, table, seen, _USED)
        plain = _INDICATOR_KNOWN.issuperset(table)
        direction = check.text(here, table, "direction")
        way = next((name for name in DIRECTIONS if name == direction), None)
        if direction is not None and way is None:
            unknown = _('"{direction}" is not a direction; use "at_least" or "at_most"')
            check.error((*here, "direction"), unknown.format(direction=direction))
        indicators.append(
            Indicator(
                id=ident or "",
                name=check.text(here, table, "name", required=True) or "",
                unit=check.text(here, table, "unit"),
                target=check.number(here, table, "target"),
                direction=way,
                translated={}
                if plain
                else translated(check, here, table, Indicator.TEXTS, INDICATOR_KEYS, languages),
                extra={} if plain else unknown_keys(check, here, table, INDICATOR_KEYS, languages),
            )
        )
    return tuple(indicators)


def indicator_values(
    check: Checker, at: KeyPath, value: Any, ids: list[str]
) -> dict[str, IndicatorValue] | None:
    """A period's ``indicators`` table: each indicator's forecast and actual, by its id."""
    if value is None:
        return None
    where: KeyPath = (*at, "indicators")
    if not isinstance(value, Mapping):
        check.error(where, not_a(_("must be a table of indicator values, not {type}"), value))
        return None
    values: dict[str, IndicatorValue] = {}
    for ident, table in value.items():
        here: KeyPath = (*where, ident)
        if ident not in ids:
            if ids:
                unknown = _('unknown indicator "{id}"; the goal\'s indicators are {ids}')
            else:
                unknown = _('unknown indicator "{id}": the goal has no [[goals.indicators]]')
            check.error(here, unknown.format(id=ident, ids=", ".join(ids)))
            continue
        if not isinstance(table, Mapping):
            message = _("must be a table such as {{ forecast = 90, actual = 60 }}, not {type}")
            check.error(here, not_a(message, table))
            continue
        values[ident] = IndicatorValue(
            forecast=check.number(here, table, "forecast"),
            actual=check.number(here, table, "actual"),
            extra={}
            if _VALUE_KNOWN.issuperset(table)
            else check.unknown_keys(here, table, VALUE_KEYS),
        )
    # Canonical order: the order of the goal's indicators.
    order = {name: k for k, name in enumerate(ids)}
    return dict(sorted(values.items(), key=lambda item: order[item[0]]))
