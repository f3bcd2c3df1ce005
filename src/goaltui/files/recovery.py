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
from typing import Literal

from goaltui.files.regular import MAX_FILE_BYTES, read_regular, unreadable
from goaltui.language import _
from goaltui.review.model import ENTRY_FIELDS, EditValue, TextField
from goaltui.review.session import CHANGE_FIELDS, ChangeField, Edit

FORMAT_VERSION = 1
_SURROGATE = re.compile("[\ud800-\udfff]")


#: What a draft is typed for: a comment, a forecast, or the actions (one per line).
DraftField = TextField | Literal["actions"]


@dataclass(frozen=True, slots=True)
class Draft:
    """Text typed in the comment, forecast or actions editor of one goal in one period, not
    applied."""

    goal_id: str
    period: str
    field: DraftField
    text: str
    language: str | None = None  # the translation typed in; None, the main text


@dataclass(frozen=True, slots=True)
class Journal:
    """A recovery journal as read: the edits not yet saved, and what they were made on."""

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
        "edits": [_edit_data(e) for e in edits],
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
        unwritten = _("cannot write {path}: {reason}")
        return unwritten.format(path=target, reason=error.strerror or error)
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
    for _attempt in range(3):
        temp = target.with_name(f"{target.name}.{os.urandom(4).hex()}.tmp")
        try:
            fd = os.open(temp, flags, mode)
        except FileExistsError:
            continue
        break
    else:
        raise FileExistsError(errno.EEXIST, _("no free name for a temporary file"), str(target))
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
        unremoved = _("cannot remove {path}: {reason}")
        return unremoved.format(path=journal_path(review_path), reason=error.strerror or error)
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


class _Damaged(ValueError):
    """What is wrong with a journal's content, in the language of diagnostics."""


def read(review_path: Path) -> Journal | None:
    """The journal of unsaved edits for ``review_path``, if there is one."""
    target = journal_path(review_path)
    try:
        data, _status = read_regular(target, MAX_FILE_BYTES)
        raw = data.decode("utf-8")
    except FileNotFoundError:
        return None
    except OSError as error:
        unread = _("{path}: cannot be read: {reason}")
        raise JournalError(unread.format(path=target, reason=unreadable(error))) from None
    except UnicodeDecodeError as error:
        not_utf8 = _("{path}: cannot be read: byte {offset} is not valid UTF-8")
        raise JournalError(not_utf8.format(path=target, offset=error.start)) from None
    damaged = _("{path}: damaged recovery journal: {reason}")
    try:
        document = json.loads(raw)
        return _journal(target, document)
    except RecursionError:
        raise JournalError(damaged.format(path=target, reason=_("nested too deeply"))) from None
    except json.JSONDecodeError as error:
        reason = _("not JSON (line {line}, column {col})")
        reason = reason.format(line=error.lineno, col=error.colno)
        raise JournalError(damaged.format(path=target, reason=reason)) from None
    except _Damaged as error:
        raise JournalError(damaged.format(path=target, reason=error)) from None


def _journal(target: Path, document: object) -> Journal:
    """The journal that ``document``, as JSON gives it, holds; :class:`_Damaged` if none."""
    if not isinstance(document, dict) or document.get("goaltui_recovery") != FORMAT_VERSION:
        raise _Damaged(_("not a goaltui recovery journal of a known version"))
    items = _member(document, "edits")
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise _Damaged(_('"edits" is not a list of objects'))
    edits = [_edit(item) for item in items]
    sha256, written = _text(document, "sha256"), _text(document, "written")
    saving, draft = _optional(document, "saving"), _draft(document.get("draft"))
    return Journal(target, sha256, written, edits, saving, draft)


def _member(table: dict[str, object], key: str) -> object:
    if key not in table:
        raise _Damaged(_('"{key}" is missing').format(key=key))
    return table[key]


def _text(table: dict[str, object], key: str) -> str:
    value = _member(table, key)
    if not isinstance(value, str):
        raise _Damaged(_('"{key}" is not a string').format(key=key))
    if (lone := _SURROGATE.search(value)) is not None:
        half = _('"{key}" holds {char}, half of a character, not text')
        raise _Damaged(half.format(key=key, char=ascii(lone.group())))
    return value


def _optional(table: dict[str, object], key: str) -> str | None:
    return None if table.get(key) is None else _text(table, key)


def _edit_data(edit: Edit) -> dict[str, object]:
    """An edit as the journal holds it: a list of actions as an array, a number as a number;
    the language and the indicator only where the edit has them (older journals lack them)."""
    data: dict[str, object] = {
        "goal": edit.goal_id,
        "period": edit.period,
        "field": edit.field,
        "before": _json_value(edit.before),
        "after": _json_value(edit.after),
    }
    if edit.language is not None:  # journals of before translations lack it: the main text
        data["language"] = edit.language
    if edit.indicator is not None:
        data["indicator"] = edit.indicator
    return data


def _json_value(value: EditValue) -> object:
    return list(value) if isinstance(value, tuple) else value


def _edit(item: dict[str, object]) -> Edit:
    field = _field(item, CHANGE_FIELDS)
    indicator = _optional(item, "indicator")
    if field.startswith("indicator_") and indicator is None:
        raise _Damaged(_('an edit of an indicator\'s value names no "indicator"'))
    before, after = _value(item, "before", field), _value(item, "after", field)
    language = _optional(item, "language")
    goal, period = _text(item, "goal"), _text(item, "period")
    return Edit(goal, period, field, before, after, language, indicator)


def _value(table: dict[str, object], key: str, field: ChangeField) -> EditValue:
    """An edit's value, of the kind its field holds."""
    value = table.get(key)
    if value is None:
        return None
    if field == "actions":
        if not isinstance(value, list):
            raise _Damaged(_('"{key}" is not a list of texts').format(key=key))
        return tuple(_text({key: item}, key) for item in value)
    if field.startswith("indicator_"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _Damaged(_('"{key}" is not a number').format(key=key))
        return value
    return _text(table, key)


def _field(table: dict[str, object], fields: tuple[ChangeField, ...] = ENTRY_FIELDS) -> ChangeField:
    value = _member(table, "field")
    for name in fields:
        if value == name:
            return name
    unknown = _('"field" is {value}, not one of {fields}')
    raise _Damaged(unknown.format(value=json.dumps(value), fields=", ".join(fields)))


def _draft_data(draft: Draft) -> dict[str, str]:
    data = {"goal": draft.goal_id, "period": draft.period, "field": draft.field}
    data["text"] = draft.text
    if draft.language is not None:
        data["language"] = draft.language
    return data


def _draft(value: object) -> Draft | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _Damaged(_('"draft" is not an object'))
    field = _field(value, CHANGE_FIELDS)
    if field != "forecast" and field != "comment" and field != "actions":
        raise _Damaged(_('"draft" holds a status, which is never typed'))
    goal, period, text = _text(value, "goal"), _text(value, "period"), _text(value, "text")
    return Draft(goal, period, field, text, _optional(value, "language"))
