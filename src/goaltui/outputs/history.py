"""A review file's history: each commit that changed it, with what it changed, newest first.

The history's document model: every commit of :func:`goaltui.files.changes.file_history` with
its changes as :func:`~goaltui.outputs.diff.diff_reviews` reports them, against the file as its
parent had it (a merge's first parent). ``goal`` narrows it to one goal's timeline: the commits
that changed that goal, and nothing of the others.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from goaltui.files.changes import Step
from goaltui.language import Words, catalogue, review_language
from goaltui.outputs.diff import ReviewDiff, diff_reviews


@dataclass(frozen=True, slots=True)
class Revision:
    """One commit of the history."""

    commit: str
    short: str
    author: str
    date: datetime
    subject: str
    path: str  # the file's path in that commit
    old_path: str  # its path in the parent: another one where the commit renamed it
    diff: ReviewDiff | None  # None: a version is not a valid review (see problems)
    problems: tuple[str, ...] = ()
    cut: bool = False  # a shallow clone's history ends here: no parent to compare with


@dataclass(frozen=True, slots=True)
class History:
    path: str
    goal: str | None
    revisions: tuple[Revision, ...]
    words: Words


def history(
    path: str, steps: Iterable[Step], goal: str | None = None, option: str | None = None
) -> History:
    """The history of the file at ``path`` from its ``steps``, in the language of its newest
    valid version (or ``option``, the --lang given; see :func:`review_language`)."""
    steps = list(steps)
    newest = next((v.review for s in steps for v in (s.new, s.old) if v and v.review), None)
    words = catalogue(review_language(newest.language if newest else None, option=option))
    revisions = []
    for step in steps:
        commit, change = step.commit, step.commit.change
        sides = [version for version in (step.old, step.new) if version is not None]
        problems = tuple(str(problem) for side in sides for problem in side.problems)
        diff = None
        if not problems and not step.cut and sides:
            diff = diff_reviews(
                step.old.review if step.old else None,
                step.new.review if step.new else None,
                words,
                change.new_path,
                f"{commit.parents[0][:10]}:{change.old_path}" if commit.parents else None,
                f"{commit.short}:{change.new_path}",
            )
            if goal is not None:
                diff = diff.only(goal)
            if not diff.changed:
                continue
        revisions.append(
            Revision(
                commit.id,
                commit.short,
                commit.author,
                commit.date,
                commit.subject,
                change.new_path,
                change.old_path,
                diff,
                problems,
                step.cut,
            )
        )
    return History(path, goal, tuple(revisions), words)
