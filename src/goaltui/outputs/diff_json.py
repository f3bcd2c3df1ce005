"""The JSON writer of diffs and histories, for other tools: the shape is docs/diff-json.md.

Values are as in the file (status values are the main labels, whatever language the diff
speaks); its ``"version"`` changes when a key changes meaning or goes away.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from goaltui.outputs.diff import Change, ReviewDiff

if TYPE_CHECKING:
    from goaltui.outputs.history import History

JSON_VERSION = 1


def _dumps(document: object) -> str:
    # ensure_ascii keeps every control character from a file or git escaped in the output.
    return json.dumps(document, ensure_ascii=True, indent=2, default=str)


def diff_json(diffs: Sequence[ReviewDiff]) -> str:
    """Several files' changes as one JSON document."""
    return _dumps(
        {
            "version": JSON_VERSION,
            "changed": any(diff.changed for diff in diffs),
            "files": [review_diff_document(diff) for diff in diffs],
        }
    )


def history_json(history: History) -> str:
    """A file's history as one JSON document."""
    return _dumps(
        {
            "version": JSON_VERSION,
            "path": history.path,
            "goal": history.goal,
            "commits": [
                {
                    "commit": revision.commit,
                    "short": revision.short,
                    "author": revision.author,
                    "date": revision.date.isoformat(),
                    "subject": revision.subject,
                    "path": revision.path,
                    "cut": revision.cut,
                    "problems": list(revision.problems),
                    **(review_diff_document(revision.diff) if revision.diff else _no_diff()),
                }
                for revision in history.revisions
            ],
        }
    )


def review_diff_document(diff: ReviewDiff) -> dict[str, Any]:
    """One file's changes, as ``diff_json`` lists them under ``"files"``."""
    changes = [_change(change, None, None) for change in diff.changes]
    for goal in diff.goals:
        changes += [_change(change, goal.id, None) for change in goal.changes]
        for period, in_period in goal.periods:
            changes += [_change(change, goal.id, period) for change in in_period]
    return {
        "path": diff.path,
        "old": diff.old,
        "new": diff.new,
        "state": diff.state,
        "language": diff.words.code,
        "goals_added": [_goal(goal.goal) for goal in diff.goals if goal.state == "added"],
        "goals_removed": [_goal(goal.goal) for goal in diff.goals if goal.state == "removed"],
        "changes": changes,
    }


def _no_diff() -> dict[str, Any]:
    return {"state": None, "goals_added": [], "goals_removed": [], "changes": []}


def _goal(goal: Any) -> dict[str, Any]:
    return {"id": goal.id, "objective": goal.objective}


def _change(change: Change, goal: str | None, period: str | None) -> dict[str, Any]:
    return {
        "goal": goal,
        "period": period,
        "status": change.status,
        "field": change.field.name,
        "key": change.key,
        "language": change.language,
        "before": _value(change.before),
        "after": _value(change.after),
        "direction": change.move,
    }


def _value(value: object) -> object:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, Mapping):
        return dict(value)
    return value
