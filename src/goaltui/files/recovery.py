"""Crash recovery: a reviewer's unsaved edits, journaled beside the review file.

After every edit the session's unsaved edits are written to a hidden file next to the review
(``.NAME.goaltui-recovery.json``), and so is the text being typed in an editor (its
:class:`Draft`, an optional entry that journals of before drafts simply lack). A save or an
explicit discard removes it. If goaltui dies (a crash, ``kill -9``, a dropped SSH connection),
the next start finds the journal and offers to re-apply the edits and reopen the draft.
Writing it never raises: a failure is returned for the app to report.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from goaltui.files.regular import MAX_FILE_BYTES, read_regular, unreadable
from goaltui.review.model import ENTRY_FIELDS, EntryField, TextField
from goaltui.review.session import Edit

FORMAT_VERSION = 1
_SURROGATE = re.compile("[\ud800-\udfff]")


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
    saving: str | None = None  # the content a save of the session was writing, if one was
    draft: Draft | None = None  # text typed in an editor, never applied

    def began_on(self, sha256: str) -> bool:
        """Whether a file of this content is what the edits were made on, or saved to.

        A session stopped while its save ran leaves the file holding what it saved: the
        file changed, but by the session itself, not by anyone else.
        """
        return sha256 in (self.review_sha256, self.saving)


def journal_path(review_path: Path) -> Path:
    return review_path.with_name(f".{review_path.name}.goaltui-recovery.json")


def write(
    review_path: Path,
    review_sha256: str,
    edits: Sequence[Edit],
    saving: str | None = None,
    draft: Draft | None = None,
) -> str | None:
    """Journal ``edits`` and ``draft`` (or remove the journal when there are none); the error,
    if any.

    ``saving`` is the sha256 of a content being saved right now, which the file may hold
    when the journal is next read.
    """
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
    if saving is not None:
        document["saving"] = saving
    if draft is not None:
        document["draft"] = _draft_data(draft)
    # A lone surrogate (from a terminal's undecodable byte) is no character: it cannot be
    # written as UTF-8, nor saved in a review. It becomes U+FFFD, as a lenient decoder would.
    text = _SURROGATE.sub("\ufffd", json.dumps(document, ensure_ascii=False, indent=1))
    try:
        replace_file(target, text.encode("utf-8"), private_mode(review_path))
    except OSError as error:
        return f"cannot write {target}: {error.strerror or error}"
    return None


def private_mode(review_path: Path) -> int:
    """The permissions for a file that holds what the review holds: the review's, at most."""
    try:
        return stat.S_IMODE(os.stat(review_path).st_mode) & 0o666
    except OSError:
        return 0o600


def replace_file(target: Path, data: bytes, mode: int) -> None:
    """Replace ``target`` with ``data`` through a new temporary file created with ``mode``.

    The temporary file never has wider permissions than ``mode`` (less, by the umask), and
    is removed if anything fails: a full disk leaves the old journal whole and nothing else.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    for _ in range(3):
        temp = target.with_name(f"{target.name}.{os.urandom(4).hex()}.tmp")
        try:
            fd = os.open(temp, flags, mode)
        except FileExistsError:
            continue
        break
    else:
        raise FileExistsError(errno.EEXIST, "no free name for a temporary file", str(target))
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


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
        data, _ = read_regular(target, MAX_FILE_BYTES)
        raw = data.decode("utf-8")
    except FileNotFoundError:
        return None
    except OSError as error:
        raise JournalError(f"{target}: cannot be read: {unreadable(error)}") from None
    except UnicodeDecodeError as error:
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
        sha256, written = _text(document["sha256"]), _text(document["written"])
        saving, draft = _optional(document.get("saving")), _draft(document.get("draft"))
        return Journal(target, sha256, written, edits, saving, draft)
    except RecursionError:
        raise JournalError(f"{target}: damaged recovery journal: nested too deeply") from None
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise JournalError(f"{target}: damaged recovery journal: {error}") from None


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, found {type(value).__name__}")
    if (lone := _SURROGATE.search(value)) is not None:
        raise ValueError(f"{lone.group()!a} is half of a character, not text")
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
