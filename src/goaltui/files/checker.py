"""The checker validation writes its findings to, and the checks of single values it makes.

A :class:`Finding` is a problem before it knows its file: where in the data, and what.
"""

from __future__ import annotations

import datetime
import difflib
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from goaltui.files.locate import KeyPath
from goaltui.files.problems import Severity
from goaltui.language import N_, _

#: What the id of a goal or of an indicator may be.
ID = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")
#: What each kind of TOML value is called in a message such as "must be a string, not ...".
_TYPE_NAMES = {
    # Translators: a kind of value, as in: must be a string, not a boolean
    bool: N_("a boolean"),
    int: N_("an integer"),
    float: N_("a number"),
    str: N_("a string"),
    datetime.datetime: N_("a datetime"),
    datetime.date: N_("a date"),
    datetime.time: N_("a time"),
}


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem before it knows its file: where in the data, and what."""

    where: KeyPath
    message: str
    severity: Severity = "error"


def type_name(value: object) -> str:
    """What kind of value ``value`` is, as the messages say it ("an integer")."""
    if isinstance(value, Mapping):
        # Translators: a kind of value, as in: must be a string, not a table
        return _("a table")
    if isinstance(value, list):
        return _("an array")
    name = _TYPE_NAMES.get(type(value))
    return _(name) if name is not None else type(value).__name__  # TOML has no other kinds


def not_a(message: str, value: object) -> str:
    """``message`` (translated, with a ``{type}`` placeholder) saying what ``value`` is."""
    return message.format(type=type_name(value))


def key_part(key: str) -> str:
    """A key as a field path writes it: bare when it can be, quoted otherwise."""
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else f'"{key}"'


class Checker:
    """Collects every finding of one file's data."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def error(self, where: KeyPath, message: str) -> None:
        self.findings.append(Finding(where, message))

    def warn(self, where: KeyPath, message: str) -> None:
        self.findings.append(Finding(where, message, "warning"))

    def unknown_keys(
        self, where: KeyPath, table: Mapping[str, Any], known: tuple[str, ...]
    ) -> dict[str, Any]:
        extra = {k: v for k, v in table.items() if k not in known}
        for key in extra:
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.75)
            if close:
                unknown = _('unknown key "{key}" (kept as is); did you mean "{known}"?')
                self.warn((*where, key), unknown.format(key=key, known=close[0]))
        return extra

    def ident(
        self, where: KeyPath, table: Mapping[str, Any], seen: set[str], used: str
    ) -> str | None:
        """The table's ``id``, required and valid, not one of ``seen`` (the ids before it, which
        it joins); ``used``, marked with N_, says "{id}" is taken."""
        ident = self.text(where, table, "id", required=True)
        if ident is not None:
            if not ID.match(ident):
                not_id = _(
                    '"{id}" is not a valid id: lowercase letters, digits, "-" and "_", '
                    "starting with a letter or digit"
                )
                self.error((*where, "id"), not_id.format(id=ident))
            elif ident in seen:
                self.error((*where, "id"), _(used).format(id=ident))
            seen.add(ident)
        return ident

    def text(
        self, where: KeyPath, table: Mapping[str, Any], key: str, *, required: bool = False
    ) -> str | None:
        value = table.get(key)
        if value is None:
            if required:
                at = (*where, key) if where else (key,)
                self.error(at, _('"{key}" is required').format(key=key))
            return None
        if not isinstance(value, str):
            self.error((*where, key), not_a(_("must be a string, not {type}"), value))
            return None
        if required and not value.strip():
            self.error((*where, key), _("must not be empty"))
            return None
        return value

    def texts(self, where: KeyPath, table: Mapping[str, Any], key: str) -> list[str] | None:
        """A list of strings, such as a goal's links."""
        value = table.get(key)
        if value is not None and (
            not isinstance(value, list) or not all(isinstance(x, str) for x in value)
        ):
            self.error((*where, key), _("must be a list of strings"))
            return None
        return value

    def forecast(self, where: KeyPath, table: Mapping[str, Any]) -> str | None:
        """A forecast: a string, with a hint for a number written without quotes."""
        value = table.get("forecast")
        if isinstance(value, int | float) and not isinstance(value, bool):
            quote = _('must be a string: write it in quotes, e.g. forecast = "{value}"')
            self.error((*where, "forecast"), quote.format(value=value))
            return None
        return self.text(where, table, "forecast")

    def number(self, where: KeyPath, table: Mapping[str, Any], key: str) -> int | float | None:
        """A number (an integer or a float, never a boolean nor NaN or infinity)."""
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            quoted = _("must be a number, not a string: write it without quotes, e.g. {key} = 85")
            self.error((*where, key), quoted.format(key=key))
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.error((*where, key), not_a(_("must be a number, not {type}"), value))
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.error((*where, key), _("must be a finite number, not {value}").format(value=value))
            return None
        return value

    def flag(self, where: KeyPath, table: Mapping[str, Any], key: str) -> bool | None:
        value = table.get(key)
        if value is not None and not isinstance(value, bool):
            self.error((*where, key), not_a(_("must be true or false, not {type}"), value))
            return None
        return value
