"""Many versions of one review file, loaded quickly: a goal that did not change is not read again.

A file's history is hundreds of versions that differ in a few lines each. Loading each one
whole (TOML and every rule of the format) costs more than git takes to show the whole history,
so :class:`Versions` reads only what changed. A file in the canonical layout (or any file whose
``[[goals]]`` headers stand on lines of their own) is its *head*, the bytes up to the first
``[[goals]]`` line, and one *piece* per goal from its ``[[goals]]`` line to the next. A version
whose head was seen before reuses the goals of the pieces seen before; its new pieces are read
alone, each must be one ``[[goals]]`` table and nothing else, and they are checked with the
head by every rule of the format (:func:`~goaltui.files.loading.review_of`).

That gives the same review as loading the whole text: a piece that reads alone as one table
means that no ``[[goals]]`` line cut a text in two and that no table was declared in two pieces,
and the head must hold no goal. The one rule between goals, that ids are unique, is checked
across all of them. Any doubt (a piece that does not read alone, an error anywhere, bytes that
are not UTF-8) loads the whole text, so that the problems are the ones, and on the lines, that
loading the file says.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from goaltui.files import tomlparse
from goaltui.files.loading import decode, load_text, review_of
from goaltui.review.model import Goal, Review

_GOAL = b"[[goals]]\n"
_HEADER = b"\n" + _GOAL


class _Head:
    """A head seen: its data, and the goal of each piece read under it."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.review: Review | None = None  # the review it makes, once a piece was read
        self.goals: dict[bytes, Goal] = {}


class Versions:
    """Loads versions of the review file at ``path``, given as the bytes git keeps; each
    :meth:`load` raises ReviewError for an invalid one, as loading the file would."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._heads: dict[bytes, _Head | None] = {}  # None: a head that holds goals

    def load(self, data: bytes) -> Review:
        # Bytes, not text: most of a version is pieces seen before, never decoded again. A
        # split at ASCII bytes leaves each piece valid UTF-8 if the whole is.
        head_bytes, header, rest = data.partition(_HEADER)
        head = self._head(head_bytes) if header else None
        if head is None:
            return self._whole(data)
        pieces = rest.split(_HEADER)  # each goal's piece after its [[goals]] line
        new = list(dict.fromkeys(piece for piece in pieces if piece not in head.goals))
        if new:
            tables = [_one_goal(_GOAL + piece) for piece in new]
            review = None
            if all(table is not None for table in tables):
                review = review_of({**head.data, "goals": tables})
            if review is None or len(review.goals) != len(new):
                return self._whole(data)  # an error somewhere: loading says where
            head.goals.update(zip(new, review.goals, strict=True))
            head.review = review
        assert head.review is not None  # kept with its head once a piece was read
        found = [head.goals[piece] for piece in pieces]
        if len({goal.id for goal in found}) != len(found):
            return self._whole(data)  # an id used twice: loading says where
        return replace(head.review, goals=found)

    def _head(self, head: bytes) -> _Head | None:
        """What is known of ``head``; None when it is not a head that holds no goals."""
        if head not in self._heads:
            data = _parsed(head, bom=True)
            self._heads[head] = _Head(data) if data is not None and "goals" not in data else None
        return self._heads[head]

    def _whole(self, data: bytes) -> Review:
        return load_text(self.path, decode(self.path, data)).review


def _parsed(text: bytes, bom: bool = False) -> dict[str, Any] | None:
    """``text`` read as TOML; None when it does not read."""
    try:
        decoded = text.decode("utf-8")
        return tomlparse.loads(decoded.removeprefix("\ufeff") if bom else decoded)
    except (UnicodeDecodeError, tomlparse.TOMLDecodeError, RecursionError):
        return None


def _one_goal(piece: bytes) -> dict[str, Any] | None:
    """The one ``[[goals]]`` table that ``piece`` read alone holds; None if it holds anything
    else, or does not read."""
    data = _parsed(piece)
    goals = data.get("goals") if data is not None else None
    if data is None or len(data) != 1 or not isinstance(goals, list) or len(goals) != 1:
        return None
    table: dict[str, Any] = goals[0]
    return table
