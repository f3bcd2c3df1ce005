"""What changed between two versions of a review: the diff's document model.

Goals are matched by id. For each goal that both versions have, every field of
:mod:`~goaltui.outputs.fields` is compared, in the main texts and in each language of the
review's translations, and so is every field of its entry in each period. A status change
says which way it moved (:meth:`Review.moved <goaltui.review.model.Review.moved>`, the rule
the summaries use). Where a text of sentences or a list changed, :attr:`Change.pieces` marks
the words or items taken out and put in, computed here once for every writer.

The writers (:mod:`diff_terminal`, :mod:`diff_markdown`, :mod:`diff_json`) lay it out in the
diff's words (:attr:`ReviewDiff.words`), the review's language's.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal, TypeVar

from goaltui.language import N_, Words
from goaltui.outputs.fields import (
    ENTRY_FIELDS,
    GOAL_FIELDS,
    REVIEW_FIELDS,
    STATUS_FIELDS,
    STATUSES_FIELD,
    Field,
    Value,
)
from goaltui.review.model import EMPTY_ENTRY, Goal, Move, Review

#: What a file or a goal went through: in both versions and changed, or in one of them.
State = Literal["changed", "unchanged", "added", "removed"]
#: The word beside a status that moved, as the summaries say it.
MOVE_WORDS: dict[Move, str] = {"worse": N_("worsened"), "better": N_("improved")}
#: A piece of a changed text or list: kept ("="), taken out ("-") or put in ("+").
Piece = tuple[Literal["=", "-", "+"], str]
Owner = TypeVar("Owner")

_WORDS = re.compile(r"\s+|\w+|[^\w\s]")
#: Texts longer than this (words before times words after) are not compared word by word.
_MOST_COMPARED = 4_000_000
#: The characters of unchanged text shown beside a change in a long text.
EXCERPT = 60


@dataclass(frozen=True, slots=True)
class Change:
    """One field whose value differs: ``before`` and ``after`` (None: absent)."""

    field: Field[Any]
    before: Value
    after: Value
    language: str | None = None  # a translation's text: the language it is in
    key: str | None = None  # a field of kind "values": the key whose value changed
    status: str | None = None  # a field of a status of the scale: the status's label
    move: Move | None = None  # a goal's status: better or worse by the scale
    pieces: tuple[Piece, ...] = ()  # prose and lists: what was kept, taken out, put in


@dataclass(frozen=True, slots=True)
class GoalDiff:
    """A goal that was added, removed, or changed in its fields or periods."""

    id: str
    state: State
    goal: Goal  # as it is now; as it was, for a goal removed
    changes: tuple[Change, ...] = ()  # the goal's own fields
    periods: tuple[tuple[str, tuple[Change, ...]], ...] = ()  # each period with changes

    @property
    def count(self) -> int:
        """How many changes it counts as: an added or removed goal is one."""
        if self.state in ("added", "removed"):
            return 1
        return len(self.changes) + sum(len(changes) for _, changes in self.periods)


@dataclass(frozen=True, slots=True)
class ReviewDiff:
    """Two versions of one review file, and what changed between them."""

    path: str  # the file, as the diff names it
    old: str | None  # the old version, as the diff names it ("HEAD~1:data/x.toml"); None: none
    new: str | None
    state: State
    review: Review  # the new version; the old one, for a file removed
    old_review: Review | None
    words: Words
    changes: tuple[Change, ...] = ()  # the review's own fields and its scale
    goals: tuple[GoalDiff, ...] = ()

    @property
    def changed(self) -> bool:
        return self.state != "unchanged"

    @property
    def count(self) -> int:
        """How many changes: each field, each goal added or removed."""
        return len(self.changes) + sum(goal.count for goal in self.goals)

    @property
    def texts(self) -> str | None:
        """The language to ask the review's texts in: None for its main texts."""
        return self.review.translation_for(self.words.code)

    @property
    def whole(self) -> bool:
        """The file is added or removed: its goals with it, which writers need not list."""
        return self.state in ("added", "removed")

    def only(self, goal_id: str) -> ReviewDiff:
        """This diff narrowed to one goal (the review's own changes left out): the goal
        added with a file added, removed with a file removed."""
        goals = tuple(goal for goal in self.goals if goal.id == goal_id)
        state: State = "changed" if goals else "unchanged"
        return replace(self, changes=(), goals=goals, state=state)


def diff_reviews(
    old: Review | None,
    new: Review | None,
    words: Words,
    path: str,
    old_name: str | None = None,
    new_name: str | None = None,
) -> ReviewDiff:
    """What changed from ``old`` to ``new`` (either None: the file is added or removed)."""
    if old is None or new is None:
        shown = new if new is not None else old
        if shown is None:
            raise ValueError("a diff needs at least one version of the review")
        state: State = "added" if old is None else "removed"
        goals = tuple(GoalDiff(goal.id, state, goal) for goal in shown.goals)
        return ReviewDiff(path, old_name, new_name, state, shown, old, words, (), goals)
    languages = compared_languages(old, new)
    changes = (
        *_fields(REVIEW_FIELDS, old, new, languages),
        *(() if old.statuses is new.statuses else _fields((STATUSES_FIELD,), old, new, ())),
        *(() if old.statuses is new.statuses else _scale(old, new, languages)),
    )
    goals = tuple(_goals(old, new, languages))
    state = "changed" if changes or goals else "unchanged"
    return ReviewDiff(path, old_name, new_name, state, new, old, words, changes, goals)


def compared_languages(old: Review | None, new: Review) -> tuple[str, ...]:
    """The languages whose texts are compared: the translations of either version."""
    both = [*(old.translations or () if old else ()), *(new.translations or ())]
    return tuple(dict.fromkeys(both))


def diff_goal(
    review: Review, was: Goal | None, goal: Goal, languages: Sequence[str]
) -> GoalDiff | None:
    """What changed in one goal of ``review`` since it was ``was`` (None: it is new); None
    when nothing did. ``languages``: :func:`compared_languages`."""
    if was is None:
        return GoalDiff(goal.id, "added", goal)
    if was is goal:  # one object: the version loader found it unchanged
        return None
    changes = tuple(_fields(GOAL_FIELDS, was, goal, languages))
    periods = tuple(_periods(review, was, goal, languages))
    return GoalDiff(goal.id, "changed", goal, changes, periods) if changes or periods else None


def _goals(old: Review, new: Review, languages: Sequence[str]) -> Iterator[GoalDiff]:
    """The goals changed and added, in the new file's order, then those removed."""
    before = {goal.id: goal for goal in old.goals}
    for goal in new.goals:
        found = diff_goal(new, before.get(goal.id), goal, languages)
        if found is not None:
            yield found
    now = {goal.id for goal in new.goals}
    for goal in old.goals:
        if goal.id not in now:
            yield GoalDiff(goal.id, "removed", goal)


def _periods(
    review: Review, old: Goal, new: Goal, languages: Sequence[str]
) -> Iterator[tuple[str, tuple[Change, ...]]]:
    """Each period whose entry changed, in the order of the review's periods."""
    if old.periods == new.periods:
        return
    named = [*review.periods, *(p for p in (old.periods or {}) if p not in review.periods)]
    for period in named:
        was, now = old.entry(period), new.entry(period)
        if was == now:
            continue
        changes = []
        for change in _fields(ENTRY_FIELDS, was or EMPTY_ENTRY, now, languages):
            if change.field.kind == "status":
                assert isinstance(change.before, str | None) and isinstance(
                    change.after, str | None
                )
                change = replace(change, move=review.moved(change.before, change.after))
            changes.append(change)
        if changes:
            yield period, tuple(changes)


def _scale(old: Review, new: Review, languages: Sequence[str]) -> Iterator[Change]:
    """The fields of each status that both scales have, matched by label."""
    before = {status.label: status for status in old.statuses}
    for status in new.statuses:
        was = before.get(status.label)
        if was is not None and was != status:
            for change in _fields(STATUS_FIELDS, was, status, languages):
                yield replace(change, status=status.label)


def _fields(
    fields: Iterable[Field[Owner]], old: Owner, new: Owner, languages: Sequence[str]
) -> Iterator[Change]:
    """Each field whose value differs, in the main texts and then in each translation."""
    for described in fields:
        for language in (None, *languages) if described.translated else (None,):
            before, after = described.value(old, language), described.value(new, language)
            if before == after:
                continue
            if described.kind == "values":
                yield from _values(described, before, after)
            else:
                yield Change(
                    described, before, after, language, pieces=_pieces(described, before, after)
                )


def _values(described: Field[Any], before: Value, after: Value) -> Iterator[Change]:
    """A mapping's changes, key by key: the keys of the new one in order, then those gone."""
    old: Mapping[str, Any] = before if isinstance(before, Mapping) else {}
    new: Mapping[str, Any] = after if isinstance(after, Mapping) else {}
    for key in [*new, *(key for key in old if key not in new)]:
        if old.get(key) != new.get(key):
            yield Change(described, old.get(key), new.get(key), key=key)


def _pieces(described: Field[Any], before: Value, after: Value) -> tuple[Piece, ...]:
    """What a changed text of sentences or list kept, took out and put in."""
    if described.kind == "prose" and isinstance(before, str) and isinstance(after, str):
        return marked(_WORDS.findall(before), _WORDS.findall(after), words=True)
    if described.kind == "list":
        old = before if isinstance(before, tuple) else ()
        new = after if isinstance(after, tuple) else ()
        return marked(old, new, words=False)
    return ()


def marked(old: Sequence[str], new: Sequence[str], *, words: bool) -> tuple[Piece, ...]:
    """``old`` and ``new`` as one sequence of pieces kept, taken out and put in: runs of
    words joined (``words``), or one piece per item of a list."""
    if len(old) * len(new) > _MOST_COMPARED:  # a text of a book: all out, all in
        runs: list[tuple[Literal["=", "-", "+"], Sequence[str]]] = [("-", old), ("+", new)]
    else:
        runs = []
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                runs.append(("=", old[i1:i2]))
            else:
                runs += [("-", old[i1:i2]), ("+", new[j1:j2])]
    pieces: list[Piece] = []
    for sign, items in runs:
        if words and items:
            pieces.append((sign, "".join(items)))
        elif not words:
            pieces.extend((sign, item) for item in items)
    return tuple(pieces)


def headline(diff: ReviewDiff, path: str) -> str:
    """``data/x.toml: 2 changes``, ``...: new file``, ...; ``path`` is the diff's path as the
    writer shows it (made safe for its format)."""
    w = diff.words
    if diff.state == "added":
        return w._("{path}: new file").format(path=path)
    if diff.state == "removed":
        return w._("{path}: file removed").format(path=path)
    if diff.changed:
        count = w.ngettext("{n} change", "{n} changes", diff.count).format(n=w.integer(diff.count))
        return w._("{path}: {changes}").format(path=path, changes=count)
    return w._("{path}: no changes").format(path=path)


def value_text(words: Words, value: Value | object) -> str:
    """A value as every writer shows it (not yet made safe for any output): "(none)" for an
    absent one, yes or no, a list's items joined."""
    if value is None:
        return words._("(none)")
    if isinstance(value, bool):
        return words._("yes") if value else words._("no")
    if isinstance(value, int):
        return str(value)  # a year, a count: never grouped
    if isinstance(value, float):
        return words.number(value)
    if isinstance(value, str):
        return value
    if isinstance(value, tuple):
        return ", ".join(str(item) for item in value)
    # An unknown key's table or array, kept as read: shown as JSON.
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def excerpt(pieces: Sequence[Piece], context: int = EXCERPT) -> tuple[Piece, ...]:
    """``pieces`` with long runs of kept text cut to ``context`` characters beside a change."""
    shown: list[Piece] = []
    last = len(pieces) - 1
    for i, (sign, text) in enumerate(pieces):
        if sign != "=" or len(text) <= 2 * context + 1:
            shown.append((sign, text))
        elif i == 0:
            shown.append(("=", "…" + text[-context:]))
        elif i == last:
            shown.append(("=", text[:context] + "…"))
        else:
            shown.append(("=", text[:context] + " … " + text[-context:]))
    return tuple(shown)


def trimmed(text: str) -> tuple[str, str, str]:
    """A run taken out or put in as its spaces before, itself and its spaces after, so that a
    writer marks the words and not the spaces around them."""
    core = text.strip()
    if not core:
        return "", text, ""
    start = text.index(core)
    return text[:start], core, text[start + len(core) :]
