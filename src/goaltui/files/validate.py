"""From parsed TOML to a :class:`~goaltui.review.model.Review`, checking every rule of the format.

Every problem is collected, with the logical path of the table or key it concerns, so that
the caller can report all of them together and point at their lines. The rules of texts in
other languages are in :mod:`goaltui.files.translations`, those of the measures extensions
(due dates, what a status means, indicators and their values, actions) in
:mod:`goaltui.files.validate_measures`, and the checks of single values in
:mod:`goaltui.files.checker`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from goaltui.files import translations
from goaltui.files.checker import Checker, Finding, key_part, not_a
from goaltui.files.locate import KeyPath
from goaltui.files.translations import Languages, translated, unknown_keys
from goaltui.files.validate_measures import (
    INDICATOR_KEYS,
    VALUE_KEYS,
    entry_actions,
    goal_indicators,
    indicator_values,
    review_due,
    status_meaning,
)
from goaltui.language import N_, SPOKEN, _
from goaltui.review.model import ENTRY_FIELDS, Goal, PeriodEntry, Review, Status

__all__ = ["Finding", "build_review", "field_label", "key_part"]

_USED = N_('id "{id}" is used by an earlier goal')
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
    due = review_due(check, head, periods)
    statuses = _statuses(check, head, languages)
    review_translated = translated(check, where, head, ("title",), REVIEW_KEYS, languages)
    review_extra = unknown_keys(check, where, head, REVIEW_KEYS, languages) if head else {}
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
            meaning=status_meaning(check, at, table),
            actions=check.flag(at, table, "actions"),
            translated=translated(check, at, table, Status.TEXTS, STATUS_KEYS, languages),
            extra=unknown_keys(check, at, table, STATUS_KEYS, languages),
        )
        if label is not None:
            seen.add(label)
            statuses.append(status)
            placed.append((i, status))
    translations.distinct_labels(check, placed)
    return statuses


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
        ident = check.ident(at, table, seen, _USED)
        links = check.texts(at, table, "links")
        indicators = goal_indicators(check, at, table.get("indicators"), languages)
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
                translated=translated(check, at, table, Goal.TEXTS, GOAL_KEYS, languages),
                extra=unknown_keys(check, at, table, GOAL_KEYS, languages),
            )
        )
    return goals


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
            actions=entry_actions(check, here, table),
            indicators=indicator_values(check, here, table.get("indicators"), ids),
            translated=translated(check, here, table, PeriodEntry.TEXTS, ENTRY_KEYS, languages),
            extra=unknown_keys(check, here, table, ENTRY_KEYS, languages),
        )
    # Canonical order: the order of review.periods.
    order = {name: k for k, name in enumerate(periods)}
    return dict(sorted(entries.items(), key=lambda item: order.get(item[0], len(order))))
