"""Which goals to show: text typed after "/", and a status in the current period ("s"), or,
when the app compares with a revision, the goals changed since it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from goaltui.review.model import Goal, Review

NOT_ASSESSED = ""  # the status filter's value for goals without a status


@dataclass(frozen=True, slots=True)
class Filter:
    """Which goals the table shows: those whose texts hold ``text``, in ``status``, and, if
    ``changed``, only those changed since the revision compared with."""

    text: str = ""
    status: str | None = None  # a label, NOT_ASSESSED, or None for any status
    changed: bool = False  # only the goals changed since the revision compared with

    @property
    def active(self) -> bool:
        return bool(self.text) or self.status is not None or self.changed

    def next_status(self, review: Review, *, since: bool = False) -> Filter:
        """The status filter's next step: the review's cycle of statuses (each label, then
        not assessed), then, when the app compares with a revision (``since``), the goals
        changed since it, and then no status filter, before the first again."""
        if self.changed:
            return Filter(self.text, None)
        if self.status == NOT_ASSESSED:
            return Filter(self.text, None, changed=since)
        after = review.next_status(self.status)
        return Filter(self.text, NOT_ASSESSED if after is None else after)

    def goals(
        self,
        review: Review,
        period: str,
        texts: SearchTexts | None = None,
        changed: Callable[[Goal], bool] | None = None,
    ) -> list[int] | None:
        """Indexes of the goals that pass, in file order; None when nothing is filtered.
        ``changed`` says whether a goal changed since the revision compared with."""
        if not self.active:
            return None
        texts = texts or SearchTexts()
        needle = self.text.casefold()
        wanted = None if self.status is None else (self.status or None)
        return [
            i
            for i, goal in enumerate(review.goals)
            if (self.status is None or goal.status_in(period) == wanted)
            and (not needle or needle in texts.of(goal))
            and (not self.changed or changed is None or changed(goal))
        ]


class SearchTexts:
    """Each goal's search text, kept while the goal is unchanged (goals are immutable), so
    that typing a filter does not casefold every goal again at every key."""

    def __init__(self) -> None:
        self._texts: dict[str, tuple[Goal, str]] = {}

    def of(self, goal: Goal) -> str:
        kept = self._texts.get(goal.id)
        if kept is None or kept[0] is not goal:
            kept = self._texts[goal.id] = (goal, goal.search_text())
        return kept[1]
