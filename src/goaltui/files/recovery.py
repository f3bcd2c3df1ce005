"""Crash recovery: a reviewer's unsaved edits, journaled beside the review file.

After every edit the session's unsaved edits are written to a hidden file next to the review
(``.NAME.goaltui-recovery.json``), and so is the text being typed in an editor (its
:class:`Draft`, an optional entry that journals of before drafts simply lack). A save or an
explicit discard removes it. If goaltui dies (a crash, ``kill -9``, a dropped SSH connection),
the next start finds the journal and offers to re-apply the edits and reopen the draft.
Writing it never raises: a failure is returned for the app to report.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from goaltui.review.model import ENTRY_FIELDS, EntryField, TextField
from goaltui.review.session import Edit

FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class Draft:
    """Text typed in the comment or forecast editor of one goal in one period, not applied."""

    goal_id: str
    period: str
    field: TextField
    text: str


@dataclass(frozen=True, slots=True)
class Journal:
    path: Path  # the journal itself
    review_sha256: str  # the review file's content when the edits began
    written: str  # ISO time of the last write
    edits: list[Edit]
    draft: Draft | None = None


def journal_path(review_path: Path) -> Path:
    return review_path.with_name(f".{review_path.name}.goaltui-recovery.json")


def write(
    review_path: Path, review_sha256: str, edits: Sequence[Edit], draft: Draft | None = None
) -> str | None:
    """Journal ``edits`` and ``draft`` (or remove the journal when there are none); the error,
    if any."""
    target = journal_path(review_path)
    if not edits and draft is None:
        return remove(review_path)
    document = {
        "goaltui_recovery": FORMAT_VERSION,
        "file": review_path.name,
        "sha256": review_sha256,
        "written": datetime.now().astimezone().isoformat(timespec="seconds"),
        "edits": [
            {
                "goal": e.goal_id,
                "period": e.period,
                "field": e.field,
                "before": e.before,
                "after": e.after,
            }
            for e in edits
        ],
    }
    if draft is not None:
        document["draft"] = _draft_data(draft)
    temp = target.with_name(target.name + ".tmp")
    try:
        temp.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(temp, target)
    except OSError as error:
        return f"cannot write {target}: {error.strerror or error}"
    return None


def remove(review_path: Path) -> str | None:
    try:
        journal_path(review_path).unlink(missing_ok=True)
    except OSError as error:
        return f"cannot remove {journal_path(review_path)}: {error.strerror or error}"
    return None


def set_aside(review_path: Path) -> Path | None:
    """Move an unreadable journal out of the way of new ones; where it went, if it could."""
    target = journal_path(review_path)
    aside = target.with_name(target.name + f".damaged-{datetime.now():%Y%m%d-%H%M%S}")
    try:
        os.replace(target, aside)
    except OSError:
        return None
    return aside


class JournalError(Exception):
    """A journal exists but cannot be read; it is left in place for a person to look at."""


def read(review_path: Path) -> Journal | None:
    """The journal of unsaved edits for ``review_path``, if there is one."""
    target = journal_path(review_path)
    try:
        raw = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise JournalError(f"{target}: cannot be read: {error}") from None
    try:
        document = json.loads(raw)
        if document.get("goaltui_recovery") != FORMAT_VERSION:
            raise ValueError("not a goaltui recovery journal of a known version")
        edits = [
            Edit(
                _text(item["goal"]),
                _text(item["period"]),
                _field(item["field"]),
                _optional(item.get("before")),
                _optional(item.get("after")),
            )
            for item in document["edits"]
        ]
        draft = _draft(document.get("draft"))
        return Journal(target, _text(document["sha256"]), _text(document["written"]), edits, draft)
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise JournalError(f"{target}: damaged recovery journal: {error}") from None


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, found {type(value).__name__}")
    return value


def _optional(value: object) -> str | None:
    return None if value is None else _text(value)


def _field(value: object) -> EntryField:
    for name in ENTRY_FIELDS:
        if value == name:
            return name
    raise ValueError(f"unknown field {value!r}")


def _draft_data(draft: Draft) -> dict[str, str]:
    return {"goal": draft.goal_id, "period": draft.period, "field": draft.field, "text": draft.text}


def _draft(value: object) -> Draft | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise TypeError(f"expected a draft, found {type(value).__name__}")
    field = _field(value["field"])
    if field == "status":
        raise ValueError("a draft of a status")
    return Draft(_text(value["goal"]), _text(value["period"]), field, _text(value["text"]))
