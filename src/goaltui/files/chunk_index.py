"""Each goal's piece of a file's text, found a few goals at a time while the reviewer reads.

A save re-reads only the goals edited since the text it starts from (see
:mod:`goaltui.files.canonical`), once it knows which piece of that text is each goal's. For a
text as read from a file nothing is known yet, and the first save writes every goal again to
find out (a third of a second at 10,000 goals, on a thread the keys share). A
:class:`ChunkIndex` does that work beforehand in steps of a millisecond or so: it writes each
goal as the canonical layout does and checks that the text holds exactly that piece, in order;
the first difference ends it (the file is not in the canonical layout, and its first save
writes it whole, as before). The save checks the pieces against the text once more. A text
not kept is known by its sha256 (:meth:`Rendered.as_hashed`): the pieces are then hashed in
turn, and the file's digest at the end says whether they are its text.
"""

from __future__ import annotations

import hashlib

from goaltui.files.canonical import Rendered, goal_chunks, goal_data, head_and_tail, to_document
from goaltui.review.model import Review


class ChunkIndex:
    """The pieces of ``rendered.text`` (as read, with the ``review`` read from it) so far."""

    def __init__(self, rendered: Rendered, review: Review) -> None:
        self.rendered = rendered
        self.found: list[str] = []
        self.failed = bool(review.empty_goals_key) or len(review.goals) != len(rendered.goals)
        self._tail = ""
        self._offset = 0
        self._digest = None if rendered.sha256 is None else hashlib.sha256()
        if not self.failed:
            head, self._tail = head_and_tail(to_document(review, goals=False))
            if self._digest is not None:
                self._digest.update(head.encode())
            else:
                self.failed = not rendered.text.startswith(head)
            self._offset = len(head)

    @property
    def done(self) -> bool:
        return self.failed or len(self.found) == len(self.rendered.goals)

    def step(self, count: int) -> None:
        """Find the pieces of the next ``count`` goals (or find that the text differs)."""
        if self.done:
            return
        text, start = self.rendered.text, len(self.found)
        goals = self.rendered.goals[start : start + count]
        try:
            chunks = goal_chunks([goal_data(goal) for goal in goals])
        except (TypeError, ValueError, RecursionError):  # the save will say why
            self.failed = True
            return
        if self._digest is not None:
            for chunk in chunks:
                self._digest.update(b"\n" + chunk.encode())
            self.found += chunks
            if len(self.found) == len(self.rendered.goals):
                if self._tail:
                    self._digest.update(b"\n" + self._tail.encode())
                self.failed = self._digest.hexdigest() != self.rendered.sha256
            return
        for chunk in chunks:
            at = self._offset
            if not text.startswith("\n", at) or not text.startswith(chunk, at + 1):
                self.failed = True
                return
            self._offset = at + 1 + len(chunk)
            self.found.append(chunk)
        if len(self.found) == len(self.rendered.goals):
            self.failed = text[self._offset :] != ("\n" + self._tail if self._tail else "")

    def result(self) -> Rendered | None:
        """The text with every goal's piece known, once all are found."""
        if self.failed or not self.done:
            return None
        before = self.rendered
        return Rendered(before.text, before.goals, tuple(self.found), before.sha256)
