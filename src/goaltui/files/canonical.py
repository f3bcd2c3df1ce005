"""The canonical layout of a review file, proven to read back before anything writes it.

Before any text replaces a file it is shown to read back as the data it is meant to hold. A
full re-read costs as much as writing the text, so :func:`render_from` re-reads only the
goals that changed since the text it starts from: every other part is found, byte for byte,
in that earlier text, which was itself read or checked before.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w

from goaltui.files import tomlparse
from goaltui.files.goal_text import goal_text
from goaltui.files.pacing import Pause, no_pause
from goaltui.files.problems import SaveError
from goaltui.language import N_, _
from goaltui.review.indicators import Indicator, IndicatorValue
from goaltui.review.model import Goal, PeriodEntry, Review, Status, Translated

# -- the canonical document ------------------------------------------------------------


def _put(table: dict[str, Any], key: str, value: Any) -> None:
    if value is not None:
        table[key] = value


def _put_translated(table: dict[str, Any], translated: Translated, texts: Sequence[str]) -> None:
    """A table's language subtables, right after the fields they translate: in the order of
    ``review.translations`` (validation put them so), the text fields in the table's order,
    then the unknown keys in the order read."""
    for language, translation in translated.items():
        subtable: dict[str, Any] = {}
        for name in texts:
            text = translation.texts.get(name)
            if text is not None:
                subtable[name] = list(text) if isinstance(text, tuple) else text
        subtable.update(translation.extra)
        table[language] = subtable


def _status_data(status: Status) -> dict[str, Any]:
    table: dict[str, Any] = {"label": status.label}
    _put(table, "color", status.color)
    _put(table, "symbol", status.symbol)
    _put(table, "description", status.description)
    _put(table, "explain", status.explain)
    _put(table, "meaning", status.meaning)
    _put(table, "actions", status.actions)
    _put_translated(table, status.translated, status.TEXTS)
    table.update(status.extra)
    return table


def _entry_data(entry: PeriodEntry) -> dict[str, Any]:
    table: dict[str, Any] = {}
    _put(table, "status", entry.status)
    _put(table, "forecast", entry.forecast)
    _put(table, "comment", entry.comment)
    if entry.actions is not None:
        table["actions"] = list(entry.actions)
    _put_translated(table, entry.translated, entry.TEXTS)
    if entry.indicators is not None:
        table["indicators"] = {
            ident: _value_data(value) for ident, value in entry.indicators.items()
        }
    table.update(entry.extra)
    return table


def _value_data(value: IndicatorValue) -> dict[str, Any]:
    table: dict[str, Any] = {}
    _put(table, "forecast", value.forecast)
    _put(table, "actual", value.actual)
    table.update(value.extra)
    return table


def _indicator_data(indicator: Indicator) -> dict[str, Any]:
    table: dict[str, Any] = {"id": indicator.id, "name": indicator.name}
    _put(table, "unit", indicator.unit)
    _put(table, "target", indicator.target)
    _put(table, "direction", indicator.direction)
    _put_translated(table, indicator.translated, indicator.TEXTS)
    table.update(indicator.extra)
    return table


def goal_data(goal: Goal) -> dict[str, Any]:
    """One goal as TOML data, keys in the canonical order; its language subtables before its
    periods."""
    table: dict[str, Any] = {"id": goal.id}
    _put(table, "theme", goal.theme)
    table["objective"] = goal.objective
    _put(table, "description", goal.description)
    _put(table, "target", goal.target)
    _put(table, "measure", goal.measure)
    _put(table, "binding", goal.binding)
    if goal.links is not None:
        table["links"] = list(goal.links)
    _put_translated(table, goal.translated, goal.TEXTS)
    if goal.indicators is not None:
        table["indicators"] = [_indicator_data(indicator) for indicator in goal.indicators]
    if goal.periods is not None:
        table["periods"] = {period: _entry_data(e) for period, e in goal.periods.items()}
    table.update(goal.extra)
    return table


def to_document(review: Review, *, goals: bool = True) -> dict[str, Any]:
    """The review as TOML data, keys in the canonical order (without the goals if asked)."""
    head: dict[str, Any] = {"title": review.title}
    _put(head, "year", review.year)
    _put(head, "language", review.language)
    if review.translations is not None:
        head["translations"] = list(review.translations)
    head["periods"] = list(review.periods)
    _put(head, "current", review.current)
    _put_translated(head, review.translated, ("title",))
    if review.due is not None:
        head["due"] = dict(review.due)
    head["statuses"] = [_status_data(status) for status in review.statuses]
    head.update(review.review_extra)
    document: dict[str, Any] = {"review": head}
    if goals and (review.goals or review.empty_goals_key):
        document["goals"] = [goal_data(goal) for goal in review.goals]
    document.update(review.extra)
    return document


# A table tomli-w will not write inline (it holds a line break). Put before a goal, it makes
# tomli-w write the goal as a [[goals]] table (the layout of docs/format.md) even when it is short,
# without first trying the goal as an inline table; it is then cut off again.
#: Why a review cannot be written (``_(UNWRITABLE).format(reason=...)``, ``_(TOO_DEEP)``).
UNWRITABLE = N_("the data cannot be written as TOML: {reason}")
TOO_DEEP = N_("arrays or tables are nested too deeply to be written")

_LONG = {"x": "\n"}
_LONG_CHUNK = tomli_w.dumps({"goals": [_LONG, {"y": 1}]}, multiline_strings=True).removesuffix(
    "[[goals]]\ny = 1\n"
)


def goal_chunk(table: dict[str, Any]) -> str:
    """One goal as the canonical layout writes it: a ``[[goals]]`` table and its sub-tables."""
    text = tomli_w.dumps({"goals": [_LONG, table]}, multiline_strings=True)
    return text.removeprefix(_LONG_CHUNK)


def goal_chunks(tables: Sequence[dict[str, Any]]) -> list[str]:
    """:func:`goal_chunk` of each table: written directly where it can be
    (:mod:`goaltui.files.goal_text`), the others from one call of tomli-w (the calls add up)."""
    chunks = [goal_text(table) for table in tables]
    left = [table for table, chunk in zip(tables, chunks, strict=True) if chunk is None]
    if not left:
        return [chunk for chunk in chunks if chunk is not None]
    made = iter(_tomli_w_chunks(left))
    return [next(made) if chunk is None else chunk for chunk in chunks]


def _tomli_w_chunks(tables: Sequence[dict[str, Any]]) -> list[str]:
    text = tomli_w.dumps({"goals": [_LONG, *tables]}, multiline_strings=True)
    parts = text.removeprefix(_LONG_CHUNK).split("\n[[goals]]\n")
    if len(parts) != len(tables):  # a string holds a "[[goals]]" line: cut goal by goal
        return [goal_chunk(table) for table in tables]
    return [parts[0], *("[[goals]]\n" + part for part in parts[1:])]


def head_and_tail(document: dict[str, Any]) -> tuple[str, str]:
    """The text before the goals ([review] and loose keys) and after them (other tables)."""
    has_goals = bool(document.get("goals"))
    literals: dict[str, Any] = {}
    tables: dict[str, Any] = {}
    for key, value in document.items():
        if key == "review" or (key == "goals" and has_goals):
            continue
        chunk = tomli_w.dumps({key: value}, multiline_strings=True)
        (tables if chunk.startswith("[") else literals)[key] = value
    head = tomli_w.dumps({**literals, "review": document["review"]}, multiline_strings=True)
    return head, tomli_w.dumps(tables, multiline_strings=True) if tables else ""


def join(head: str, chunks: Sequence[str], tail: str) -> str:
    """The whole text of its pieces (:func:`text_pieces`)."""
    return "".join(text_pieces(head, chunks, tail))


def text_pieces(head: str, chunks: Sequence[str], tail: str) -> Iterator[str]:
    """The whole text, piece by piece, as tomli-w separates top-level tables: by one empty
    line."""
    yield head
    for chunk in chunks:
        yield "\n" + chunk
    if tail:
        yield "\n" + tail


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


@dataclass(frozen=True, slots=True)
class Rendered:
    """A review's canonical text, with the goals it was made of and each goal's chunk.

    A chunk is None where it is not known yet (a text read from a file).
    """

    text: str
    goals: tuple[Goal, ...]
    chunks: tuple[str | None, ...]
    #: Of a text read from a file and not kept (``text`` is then empty): the sha256 of its
    #: UTF-8 bytes, which proves what the text was made of as well as the text would.
    sha256: str | None = None
    #: Of a text made here: the text before the goals and after them. The text is then
    #: ``join(head, chunks, tail)``, which need not be kept (:meth:`whole` makes it).
    head: str | None = None
    tail: str = ""

    def whole(self) -> str:
        """The text, made from its pieces where it was not kept."""
        if self.text or self.head is None:
            return self.text
        return join(self.head, [chunk or "" for chunk in self.chunks], self.tail)

    def encoded(self, pause: Pause = no_pause) -> list[bytes]:
        """The text in UTF-8, in parts of a few hundred kilobytes, a pause after each: made
        from the pieces where the text was not kept, so that no copy of the whole is made."""
        if self.text or self.head is None:
            text = self.text
            parts = []
            for start in range(0, len(text), _PART):
                parts.append(text[start : start + _PART].encode("utf-8"))
                pause()
            return parts
        parts, batch = [], []
        for piece in text_pieces(self.head, [chunk or "" for chunk in self.chunks], self.tail):
            batch.append(piece)
            if len(batch) == _BATCH:
                parts.append("".join(batch).encode("utf-8"))
                batch.clear()
                pause()
        if batch:
            parts.append("".join(batch).encode("utf-8"))
        return parts

    @classmethod
    def as_read(cls, text: str, review: Review) -> Rendered:
        """A text as read from a file, and the review read from it: no chunk known yet."""
        return cls(text, tuple(review.goals), (None,) * len(review.goals))

    @classmethod
    def as_hashed(cls, sha256: str, review: Review) -> Rendered:
        """Like :meth:`as_read`, for a text not kept: ``sha256`` is that of its bytes."""
        return cls("", tuple(review.goals), (None,) * len(review.goals), sha256)


def _check(path: Path, text: str, data: dict[str, Any]) -> None:
    try:
        same = same_data(tomlparse.loads(text), data)
    except RecursionError:
        raise SaveError(path, _(TOO_DEEP)) from None
    if not same:
        raise SaveError(path, _("the written text would not read back as the same data"))


def _render_all(review: Review, path: Path, pause: Pause = no_pause) -> Rendered:
    document = to_document(review)
    try:
        head, tail = head_and_tail(document)
        chunks = tuple(_paced_chunks(document.get("goals") or [], pause, tables=True))
    except (TypeError, ValueError) as error:
        raise SaveError(path, _(UNWRITABLE).format(reason=error)) from None
    except RecursionError:
        raise SaveError(path, _(TOO_DEEP)) from None
    text = join(head, chunks, tail)
    _check(path, text, document)
    return Rendered(text, tuple(review.goals), chunks, head=head, tail=tail)


def render(review: Review, path: Path) -> str:
    """The canonical text of ``review``, proven to read back as the same data."""
    return _render_all(review, path).text


def render_from(
    review: Review,
    path: Path,
    before: Rendered | None,
    pause: Pause = no_pause,
    *,
    keep_text: bool = True,
) -> Rendered:
    """Like :func:`render`, re-reading only the goals that changed since ``before``.

    Falls back to a full render when ``before`` is not made of the same pieces (a file that
    was not in the canonical layout, goals added or removed). ``pause`` is called every few
    goals (see :mod:`goaltui.files.pacing`). Not ``keep_text``, the text of the goals
    re-read only is not joined into one (:meth:`Rendered.encoded` writes it from its pieces).
    """
    if before is None or len(before.goals) != len(review.goals) or review.empty_goals_key:
        return _render_all(review, path, pause)
    try:
        return _render_changes(review, path, before, pause, keep_text)
    except (TypeError, ValueError) as error:
        raise SaveError(path, _(UNWRITABLE).format(reason=error)) from None
    except RecursionError:
        raise SaveError(path, _(TOO_DEEP)) from None


def _render_changes(
    review: Review, path: Path, before: Rendered, pause: Pause, keep_text: bool = True
) -> Rendered:
    head, tail = head_and_tail(to_document(review, goals=False))
    # Chunks of the goals as they were, where not known yet, and of the goals edited since.
    unknown = [i for i, chunk in enumerate(before.chunks) if chunk is None]
    edited = [i for i, goal in enumerate(review.goals) if goal is not before.goals[i]]
    goals = [before.goals[i] for i in unknown] + [review.goals[i] for i in edited]
    made = iter(_paced_chunks(goals, pause))
    old_chunks = [next(made) if chunk is None else chunk for chunk in before.chunks]
    chunks = list(old_chunks)
    for i in edited:
        chunks[i] = next(made)
    # The earlier text must be these very pieces: then every unedited goal is proven by the
    # earlier read, and only the edited ones need reading back.
    if not _made_of(before, head, old_chunks, tail, pause):
        return _render_all(review, path, pause)
    new_tables = [goal_data(review.goals[i]) for i in edited]
    for i, table in zip(edited, new_tables, strict=True):
        _check(path, chunks[i], {"goals": [table]})
    # A text joined at once is a copy of 15 MB at 10,000 goals, tens of milliseconds in one
    # step that no other thread can interrupt: not made unless asked for.
    text = join(head, chunks, tail) if keep_text else ""
    return Rendered(text, tuple(review.goals), tuple(chunks), head=head, tail=tail)


def _paced_chunks(goals: Sequence[Any], pause: Pause, *, tables: bool = False) -> list[str]:
    """:func:`goal_chunks` of a few goals (or goal tables) at a time, a pause after each few."""
    chunks: list[str] = []
    for start in range(0, len(goals), _STEP):
        batch = goals[start : start + _STEP]
        chunks += goal_chunks(batch if tables else [goal_data(goal) for goal in batch])
        pause()
    return chunks


_STEP = 32  # goals between two pauses: well under a millisecond of work
_PART = 1 << 18  # characters encoded at a time: about a millisecond
_BATCH = 192  # goals' text encoded at a time: about as many characters


def _made_of(
    before: Rendered, head: str, chunks: Sequence[str], tail: str, pause: Pause = no_pause
) -> bool:
    """Whether the text of ``before`` is exactly ``join(head, chunks, tail)``, without
    building that (by its sha256 where the text was not kept)."""
    if before.head is not None:  # made of its pieces here: the same pieces, the same text
        return (
            before.head == head
            and before.tail == tail
            and len(chunks) == len(before.chunks)
            and all(a is b or a == b for a, b in zip(chunks, before.chunks, strict=True))
        )
    if before.sha256 is not None:
        digest = hashlib.sha256(head.encode())
        for n, chunk in enumerate(chunks, 1):
            digest.update(b"\n")
            digest.update(chunk.encode())
            if n % _STEP == 0:
                pause()
        if tail:
            digest.update(b"\n")
            digest.update(tail.encode())
        return digest.hexdigest() == before.sha256
    text = before.text
    if not text.startswith(head):
        return False
    offset = len(head)
    for number, chunk in enumerate(chunks):
        if not text.startswith("\n", offset) or not text.startswith(chunk, offset + 1):
            return False
        offset += 1 + len(chunk)
        if not number % _STEP:
            pause()
    return text[offset:] == ("\n" + tail if tail else "")
