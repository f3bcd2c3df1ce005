"""Many versions of one review file, loaded quickly: a goal that did not change is not read again.

A file's history is hundreds of versions that differ in a few lines each. Loading each one
whole (TOML and every rule of the format) costs about as much as git takes to show the whole
history, so :class:`Versions` reads only what changed. A file in the canonical layout (or any
file whose ``[[goals]]`` headers stand on lines of their own) is its *head*, the text up to the
first ``[[goals]]`` line, and one *piece* per goal from its ``[[goals]]`` line to the next. A
version whose head was seen before reuses the goals of the pieces seen before, and checks only
the new pieces, together with the head, as a review file of their own.

That gives the same review as :func:`~goaltui.files.loading.load_text` of the whole text
because each piece is first read alone and must hold one goal and nothing else, and the head
must hold no goal: so no ``[[goals]]`` line cut a text in two, and no table was declared in two
pieces. The one rule between goals, that ids are unique, is checked across all of them. Any
doubt (a piece that does not read alone, an error anywhere) loads the whole text, so that the
problems are the ones, and on the lines, that loading it says.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from goaltui.files import tomlparse
from goaltui.files.loading import load_text
from goaltui.files.problems import ReviewError
from goaltui.review.model import Goal, Review

_HEADER = "\n[[goals]]\n"


class Versions:
    """Loads versions of the review file at ``path``; each :meth:`load` raises ReviewError
    for an invalid one, as :func:`~goaltui.files.loading.load_text` does."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # For each head seen: the review it makes (its goals aside) and the goal of each piece.
        self._heads: dict[str, tuple[Review | None, dict[str, Goal]]] = {}

    def load(self, text: str) -> Review:
        head, header, rest = text.partition(_HEADER)
        if not header or not self._head_holds_no_goals(head):
            return self._whole(text)
        pieces = [header[1:] + body for body in rest.split(_HEADER)]
        review, goals = self._heads[head]
        new = list(dict.fromkeys(piece for piece in pieces if piece not in goals))
        if new:
            if not all(_one_goal(piece) for piece in new):
                return self._whole(text)
            try:
                loaded = load_text(self.path, "\n".join([head, *new])).review
            except ReviewError:
                return self._whole(text)
            if len(loaded.goals) != len(new):
                return self._whole(text)
            goals.update(zip(new, loaded.goals, strict=True))
            review = loaded
            self._heads[head] = (review, goals)
        assert review is not None  # a head is kept with its review once a piece was read
        found = [goals[piece] for piece in pieces]
        if len({goal.id for goal in found}) != len(found):
            return self._whole(text)  # an id used twice: loading says where
        return replace(review, goals=found)

    def _head_holds_no_goals(self, head: str) -> bool:
        if head in self._heads:
            return True
        try:
            data = tomlparse.loads(head.removeprefix("\ufeff"))
        except tomlparse.TOMLDecodeError:
            return False
        if "goals" in data:
            return False
        self._heads[head] = (None, {})
        return True

    def _whole(self, text: str) -> Review:
        return load_text(self.path, text).review


def _one_goal(piece: str) -> bool:
    """Whether ``piece`` read alone is one ``[[goals]]`` table and nothing else."""
    try:
        data = tomlparse.loads(piece)
    except (tomlparse.TOMLDecodeError, RecursionError):
        return False
    goals = data.get("goals")
    return len(data) == 1 and isinstance(goals, list) and len(goals) == 1
