"""The checker validation writes its findings to, and the checks of single values it makes.

A :class:`Finding` is a problem before it knows its file: where in the data, and what.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from goaltui.files.locate import KeyPath
from goaltui.files.problems import Severity


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem before it knows its file: where in the data, and what."""

    where: KeyPath
    message: str
    severity: Severity = "error"


def type_name(value: object) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string"}
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return names.get(type(value), f"a {type(value).__name__}")


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
                self.warn(
                    (*where, key),
                    f'unknown key "{key}" (kept as is); did you mean "{close[0]}"?',
                )
        return extra

    def text(
        self, where: KeyPath, table: Mapping[str, Any], key: str, *, required: bool = False
    ) -> str | None:
        value = table.get(key)
        if value is None:
            if required:
                self.error((*where, key) if where else (key,), f'"{key}" is required')
            return None
        if not isinstance(value, str):
            self.error((*where, key), f"must be a string, not {type_name(value)}")
            return None
        if required and not value.strip():
            self.error((*where, key), "must not be empty")
            return None
        return value

    def texts(self, where: KeyPath, table: Mapping[str, Any], key: str) -> list[str] | None:
        """A list of strings, such as a goal's links."""
        value = table.get(key)
        if value is not None and (
            not isinstance(value, list) or not all(isinstance(x, str) for x in value)
        ):
            self.error((*where, key), "must be a list of strings")
            return None
        return value

    def forecast(self, where: KeyPath, table: Mapping[str, Any]) -> str | None:
        """A forecast: a string, with a hint for a number written without quotes."""
        value = table.get("forecast")
        if isinstance(value, int | float) and not isinstance(value, bool):
            self.error(
                (*where, "forecast"),
                f'must be a string: write it in quotes, e.g. forecast = "{value}"',
            )
            return None
        return self.text(where, table, "forecast")

    def flag(self, where: KeyPath, table: Mapping[str, Any], key: str) -> bool | None:
        value = table.get(key)
        if value is not None and not isinstance(value, bool):
            self.error((*where, key), f"must be true or false, not {type_name(value)}")
            return None
        return value
