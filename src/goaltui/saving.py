"""Writing review files: the canonical layout, checked, and replaced atomically.

A save never leaves a half-written file: the text is re-read and compared with what it is
meant to hold, written to a temporary file in the same folder, flushed to disk, and only then
moved over the old file in one step.
"""

from __future__ import annotations

import contextlib
import errno
import math
import os
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import tomli_w

from goaltui import tomlparse
from goaltui.model import Goal, PeriodEntry, Review, Status


class SaveError(Exception):
    """A review could not be written; the file on disk is unchanged."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: not saved: {reason}")


# -- the canonical document ------------------------------------------------------------


def _put(table: dict[str, Any], key: str, value: Any) -> None:
    if value is not None:
        table[key] = value


def _status_table(status: Status) -> dict[str, Any]:
    table: dict[str, Any] = {"label": status.label}
    _put(table, "color", status.color)
    _put(table, "symbol", status.symbol)
    _put(table, "description", status.description)
    _put(table, "explain", status.explain)
    table.update(status.extra)
    return table


def _entry_table(entry: PeriodEntry) -> dict[str, Any]:
    table: dict[str, Any] = {}
    _put(table, "status", entry.status)
    _put(table, "forecast", entry.forecast)
    _put(table, "comment", entry.comment)
    table.update(entry.extra)
    return table


def goal_table(goal: Goal) -> dict[str, Any]:
    table: dict[str, Any] = {"id": goal.id}
    _put(table, "theme", goal.theme)
    table["objective"] = goal.objective
    _put(table, "description", goal.description)
    _put(table, "target", goal.target)
    _put(table, "measure", goal.measure)
    _put(table, "binding", goal.binding)
    if goal.links is not None:
        table["links"] = list(goal.links)
    if goal.periods is not None:
        table["periods"] = {period: _entry_table(e) for period, e in goal.periods.items()}
    table.update(goal.extra)
    return table


def to_document(review: Review) -> dict[str, Any]:
    """The review as TOML data, keys in the canonical order."""
    head: dict[str, Any] = {"title": review.title}
    _put(head, "year", review.year)
    _put(head, "language", review.language)
    head["periods"] = list(review.periods)
    _put(head, "current", review.current)
    head["statuses"] = [_status_table(status) for status in review.statuses]
    head.update(review.review_extra)
    document: dict[str, Any] = {"review": head}
    if review.goals or review.empty_goals_key:
        document["goals"] = [goal_table(goal) for goal in review.goals]
    document.update(review.extra)
    return document


# A table too long to be written inline. Put after the goals, it makes tomli-w write every
# goal as a [[goals]] table (FORMAT.md's layout) even when all of them are short; it is then
# cut off the text again.
_LONG = {"x": "x" * 120}


def dumps(document: dict[str, Any]) -> str:
    """What tomli-w makes of ``document``, but with goals always as ``[[goals]]`` tables."""
    goals = document.get("goals")
    literals, tables = {}, {}
    for key, value in document.items():
        if key == "review" or (key == "goals" and goals):
            continue
        chunk = tomli_w.dumps({key: value}, multiline_strings=True)
        (tables if chunk.startswith("[") else literals)[key] = value
    head: dict[str, Any] = {**literals, "review": document["review"]}
    if goals:
        head["goals"] = [*goals, _LONG]
    text = tomli_w.dumps(head, multiline_strings=True)
    if goals:
        text = text.removesuffix("\n" + tomli_w.dumps({"goals": [_LONG]}))
    if tables:
        text += "\n" + tomli_w.dumps(tables, multiline_strings=True)
    return text


def canonical_text(review: Review) -> str:
    """The canonical layout of FORMAT.md."""
    return dumps(to_document(review))


def same_data(a: Any, b: Any) -> bool:
    """Equal as TOML data: types must match too (``1``, ``1.0`` and ``true`` differ)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, Mapping):
        return a.keys() == b.keys() and all(same_data(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same_data(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def render(review: Review, path: Path) -> str:
    """The canonical text of ``review``, proven to read back as the same data."""
    document = to_document(review)
    try:
        text = dumps(document)
        same = same_data(tomlparse.loads(text), document)
    except (TypeError, ValueError) as error:
        raise SaveError(path, f"the data cannot be written as TOML: {error}") from None
    except RecursionError:
        raise SaveError(path, "arrays or tables are nested too deeply to be written") from None
    if not same:
        raise SaveError(path, "the written text would not read back as the same data")
    return text


# -- writing ----------------------------------------------------------------------------


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step, keeping the file's permissions.

    A symbolic link stays a link: the file it points to is the one replaced.
    """
    if path.is_symlink():
        path = path.resolve()
    folder = path.parent
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = 0o644  # a new file: what most umasks give
    except OSError as error:
        raise SaveError(path, _reason(error)) from None
    try:
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise SaveError(path, _reason(error)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException as error:
        # Already moved or never made: either way nothing is left behind.
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(error, OSError):
            raise SaveError(path, _reason(error)) from None
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every system can open a folder for this."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # the file is already replaced; only the durability of the rename is unknown
    finally:
        os.close(fd)


def _reason(error: OSError) -> str:
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission denied: the file or its folder is read-only"
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    if error.errno == errno.ENOENT:
        return "its folder no longer exists"
    return error.strerror or str(error)


def save(review: Review, path: Path) -> str:
    """Write ``review`` to ``path`` in the canonical layout; returns the text written."""
    text = render(review, path)
    write_atomic(path, text.encode("utf-8"))
    return text
