"""From parsed TOML to a :class:`~goaltui.review.model.Review`, checking every rule of the format.

Every problem is collected, with the logical path of the table or key it concerns, so that
the caller can report all of them together and point at their lines. The rules of texts in
other languages are in :mod:`goaltui.files.translations`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import Any

from goaltui.files import translations
from goaltui.files.checker import Checker, Finding, key_part, not_a
from goaltui.files.locate import KeyPath
from goaltui.files.translations import Languages
from goaltui.language import SPOKEN, _
from goaltui.review.indicators import DIRECTIONS, Indicator, IndicatorValue
from goaltui.review.model import (
    ENTRY_FIELDS,
    MEANINGS,
    Goal,
    Meaning,
    PeriodEntry,
    Review,
    Status,
    Translation,
)

__all__ = ["Finding", "build_review", "field_label", "key_part"]

GOAL_ID = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")
HEX_COLOR = re.compile(r"#[0-9a-fA-F]{6}\Z")
LANGUAGES = SPOKEN

REVIEW_KEYS = (
    "title",
    "year",
    "language",
    "translations",
    "periods",
    "current",
    "due",
    "statuses",
)
STATUS_KEYS = ("label", "color", "symbol", "description", "explain", "meaning", "actions")
GOAL_KEYS = (
    "id",
    "theme",
    "objective",
    "description",
    "target",
    "measure",
    "binding",
    "links",
    "indicators",
    "periods",
)
ENTRY_KEYS = (*ENTRY_FIELDS, "actions", "indicators")
INDICATOR_KEYS = ("id", "name", "unit", "target", "direction")
VALUE_KEYS = ("forecast", "actual")
# Tables with only these keys have no unknown keys nor language subtables to look for: the
# common case, taken quickly, since a large review has tens of thousands of them.
_INDICATOR_KNOWN = frozenset(INDICATOR_KEYS)
_VALUE_KNOWN = frozenset(VALUE_KEYS)
#: What no language code may be called.
FIELD_NAMES = frozenset(
    {*REVIEW_KEYS, *STATUS_KEYS, *GOAL_KEYS, *ENTRY_KEYS, *INDICATOR_KEYS, *VALUE_KEYS}
)


def field_label(where: KeyPath, data: Mapping[str, Any]) -> str:
    """A readable field path: ``goals[id=harrastaminen].periods.Q5``."""
    parts: list[str] = []
    node: Any = data
    for step in where:
        if isinstance(step, int):
            item = node[step] if isinstance(node, list) and step < len(node) else None
            ident = item.get("id") if isinstance(item, Mapping) else None
            label = item.get("label") if isinstance(item, Mapping) else None
            if isinstance(ident, str) and ident and parts and parts[-1] in ("goals", "indicators"):
                parts[-1] += f"[id={ident}]"
            elif isinstance(label, str) and label and parts and parts[-1] == "review.statuses":
                parts[-1] += f"[label={label}]"
            elif parts:
                parts[-1] += f"[{step}]"
            node = item
            continue
        key = key_part(step)
        if parts and parts[-1] == "review" and step == "statuses":
            parts[-1] = "review.statuses"
        else:
            parts.append(key)
        node = node.get(step) if isinstance(node, Mapping) else None
    return ".".join(parts)


def build_review(data: Mapping[str, Any]) -> tuple[Review | None, list[Finding]]:
    """Check ``data`` against the format; the review when it holds no errors."""
    check = Checker()
    review = _build(check, data)
    if any(f.severity == "error" for f in check.findings):
        return None, check.findings
    return review, check.findings


def _build(check: Checker, data: Mapping[str, Any]) -> Review | None:
    head = data.get("review")
    if not isinstance(head, Mapping):
        if head is None:
            check.error((), _("the [review] table is missing"))
        else:
            check.error(("review",), not_a(_("must be a table, not {type}"), head))
        head = {}
    elif not head:  # the keys it lacks are not reported one by one (see `if head` below)
        empty = _("the [review] table is empty: it needs a title, periods and statuses")
        check.error(("review",), empty)
    where: KeyPath = ("review",)
    title = check.text(where, head, "title", required=bool(head))
    year = head.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        check.error((*where, "year"), not_a(_("must be an integer, not {type}"), year))
    language = check.text(where, head, "language")
    if language is not None and language not in LANGUAGES:
        unknown = _('"{language}" is not one of {languages}')
        check.error(
            (*where, "language"), unknown.format(language=language, languages=", ".join(LANGUAGES))
        )
    languages = translations.declared(check, head, language, FIELD_NAMES)
    periods = _periods(check, head)
    current = check.text(where, head, "current")
    if current is not None and periods and current not in periods:
        not_period = _('"{current}" is not a period; periods are {periods}')
        check.error(
            (*where, "current"), not_period.format(current=current, periods=", ".join(periods))
        )
    due = _due(check, head, periods)
    statuses = _statuses(check, head, languages)
    review_translated = _translated(check, where, head, ("title",), REVIEW_KEYS, languages)
    review_extra = _unknown_keys(check, where, head, REVIEW_KEYS, languages) if head else {}
    goals = _goals(check, data.get("goals"), periods, statuses, languages)
    extra = {k: v for k, v in data.items() if k not in ("review", "goals")}
    if title is None or not periods or not statuses or goals is None:
        return None
    return Review(
        title=title,
        periods=tuple(periods),
        statuses=tuple(statuses),
        goals=goals,
        year=year if isinstance(year, int) else None,
        language=language,
        current=current,
        translations=tuple(languages.declared) if "translations" in head else None,
        translated=review_translated,
        due=due,
        review_extra=review_extra,
        extra=extra,
        empty_goals_key=data.get("goals") == [],
    )


def _periods(check: Checker, head: Mapping[str, Any]) -> list[str]:
    where: KeyPath = ("review", "periods")
    value = head.get("periods")
    if value is None:
        if head:
            check.error(where, _('"periods" is required: a list such as ["Q1", "Q2", "Q3", "Q4"]'))
        return []
    if not isinstance(value, list) or not value:
        check.error(where, _("must be a non-empty list of period names"))
        return []
    periods: list[str] = []
    for i, name in enumerate(value):
        if not isinstance(name, str) or not name.strip():
            check.error((*where, i), _("a period name must be a non-empty string"))
        elif name in periods:
            check.error((*where, i), _('period "{name}" appears twice').format(name=name))
        else:
            periods.append(name)
    return periods


def _due(
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


def _translated(
    check: Checker,
    at: KeyPath,
    table: Mapping[str, Any],
    texts: tuple[str, ...],
    known: tuple[str, ...],
    languages: Languages,
) -> dict[str, Translation]:
    """The table's language subtables; nothing to look for in a file without translations."""
    if not languages.declared and not translations.language_keys(table, languages):
        return {}
    return translations.translated(check, at, table, texts, known, languages)


def _unknown_keys(
    check: Checker,
    where: KeyPath,
    table: Mapping[str, Any],
    known: tuple[str, ...],
    languages: Languages,
) -> dict[str, Any]:
    """The table's unknown keys: neither its fields nor its language subtables."""
    return check.unknown_keys(where, table, (*known, *translations.language_keys(table, languages)))


def _statuses(check: Checker, head: Mapping[str, Any], languages: Languages) -> list[Status]:
    where: KeyPath = ("review", "statuses")
    value = head.get("statuses")
    if value is None:
        if head:
            check.error(where, _("at least one [[review.statuses]] entry is required"))
        return []
    if not isinstance(value, list) or not value:
        check.error(where, _("must be a non-empty list of [[review.statuses]] tables"))
        return []
    statuses: list[Status] = []
    placed: list[tuple[int, Status]] = []
    seen: set[str] = set()
    for i, table in enumerate(value):
        at = (*where, i)
        if not isinstance(table, Mapping):
            check.error(at, not_a(_("must be a table, not {type}"), table))
            continue
        label = check.text(at, table, "label", required=True)
        if label is not None and label in seen:
            check.error((*at, "label"), _('status "{label}" appears twice').format(label=label))
        color = check.text(at, table, "color")
        if color is not None and not _is_color(color):
            not_color = _('"{color}" is not a colour: use a name such as "green" or "#rrggbb"')
            check.error((*at, "color"), not_color.format(color=color))
        status = Status(
            label=label or "",
            color=color,
            symbol=check.text(at, table, "symbol"),
            description=check.text(at, table, "description"),
            explain=check.flag(at, table, "explain"),
            meaning=_meaning(check, at, table),
            actions=check.flag(at, table, "actions"),
            translated=_translated(check, at, table, Status.TEXTS, STATUS_KEYS, languages),
            extra=_unknown_keys(check, at, table, STATUS_KEYS, languages),
        )
        if label is not None:
            seen.add(label)
            statuses.append(status)
            placed.append((i, status))
    translations.distinct_labels(check, placed)
    return statuses


def _meaning(check: Checker, at: KeyPath, table: Mapping[str, Any]) -> Meaning | None:
    meaning = check.text(at, table, "meaning")
    known = next((name for name in MEANINGS if name == meaning), None)
    if meaning is not None and known is None:
        unknown = _('"{meaning}" is not a meaning; meanings are {meanings}')
        check.error((*at, "meaning"), unknown.format(meaning=meaning, meanings=", ".join(MEANINGS)))
    return known


def _is_color(value: str) -> bool:
    if HEX_COLOR.match(value):
        return True
    from rich.color import ANSI_COLOR_NAMES  # only when a colour is named

    return value.strip().lower() in ANSI_COLOR_NAMES


def _goals(
    check: Checker, value: Any, periods: list[str], statuses: list[Status], languages: Languages
) -> list[Goal] | None:
    if value is None:
        return []
    if not isinstance(value, list):
        check.error(("goals",), not_a(_("must be a list of [[goals]] tables, not {type}"), value))
        return None
    labels = [status.label for status in statuses]
    goals: list[Goal] = []
    seen: set[str] = set()
    for i, table in enumerate(value):
        at: KeyPath = ("goals", i)
        if not isinstance(table, Mapping):
            check.error(at, not_a(_("must be a table, not {type}"), table))
            continue
        ident = check.text(at, table, "id", required=True)
        if ident is not None:
            if not GOAL_ID.match(ident):
                not_id = _(
                    '"{id}" is not a valid id: lowercase letters, digits, "-" and "_", '
                    "starting with a letter or digit"
                )
                check.error((*at, "id"), not_id.format(id=ident))
            elif ident in seen:
                used = _('id "{id}" is used by an earlier goal')
                check.error((*at, "id"), used.format(id=ident))
            seen.add(ident)
        links = check.texts(at, table, "links")
        indicators = _indicators(check, at, table.get("indicators"), languages)
        ids = [indicator.id for indicator in indicators or ()]
        goals.append(
            Goal(
                id=ident or "",
                objective=check.text(at, table, "objective", required=True) or "",
                theme=check.text(at, table, "theme"),
                description=check.text(at, table, "description"),
                target=check.text(at, table, "target"),
                measure=check.text(at, table, "measure"),
                binding=check.flag(at, table, "binding"),
                links=tuple(links) if links is not None else None,
                indicators=indicators,
                periods=_entries(check, at, table.get("periods"), periods, labels, languages, ids),
                translated=_translated(check, at, table, Goal.TEXTS, GOAL_KEYS, languages),
                extra=_unknown_keys(check, at, table, GOAL_KEYS, languages),
            )
        )
    return goals


def _indicators(
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
        ident = check.text(here, table, "id", required=True)
        if ident is not None:
            if not GOAL_ID.match(ident):
                not_id = _(
                    '"{id}" is not a valid id: lowercase letters, digits, "-" and "_", '
                    "starting with a letter or digit"
                )
                check.error((*here, "id"), not_id.format(id=ident))
            elif ident in seen:
                used = _('id "{id}" is used by an earlier indicator of this goal')
                check.error((*here, "id"), used.format(id=ident))
            seen.add(ident)
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
                else _translated(check, here, table, Indicator.TEXTS, INDICATOR_KEYS, languages),
                extra={} if plain else _unknown_keys(check, here, table, INDICATOR_KEYS, languages),
            )
        )
    return tuple(indicators)


def _values(
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


def _entries(
    check: Checker,
    at: KeyPath,
    value: Any,
    periods: list[str],
    labels: list[str],
    languages: Languages,
    ids: list[str],
) -> dict[str, PeriodEntry] | None:
    if value is None:
        return None
    where: KeyPath = (*at, "periods")
    if not isinstance(value, Mapping):
        check.error(where, not_a(_("must be a table of periods, not {type}"), value))
        return None
    entries: dict[str, PeriodEntry] = {}
    for period, table in value.items():
        here = (*where, period)
        if periods and period not in periods:
            unknown = _('unknown period "{period}"; periods are {periods}')
            check.error(here, unknown.format(period=period, periods=", ".join(periods)))
            continue
        if not isinstance(table, Mapping):
            check.error(here, not_a(_("must be a table, not {type}"), table))
            continue
        status = check.text(here, table, "status")
        if status is not None and labels and status not in labels:
            choices = ", ".join(f'"{label}"' for label in dict.fromkeys(labels))
            unknown = _('unknown status "{status}"; statuses are {statuses}')
            check.error((*here, "status"), unknown.format(status=status, statuses=choices))
        entries[period] = PeriodEntry(
            status=status,
            forecast=check.forecast(here, table),
            comment=check.text(here, table, "comment"),
            actions=_actions(check, here, table),
            indicators=_values(check, here, table.get("indicators"), ids),
            translated=_translated(check, here, table, PeriodEntry.TEXTS, ENTRY_KEYS, languages),
            extra=_unknown_keys(check, here, table, ENTRY_KEYS, languages),
        )
    # Canonical order: the order of review.periods.
    order = {name: k for k, name in enumerate(periods)}
    return dict(sorted(entries.items(), key=lambda item: order.get(item[0], len(order))))


def _actions(check: Checker, at: KeyPath, table: Mapping[str, Any]) -> tuple[str, ...] | None:
    actions = check.texts(at, table, "actions")
    return tuple(actions) if actions is not None else None
