"""The JSON writer: the summary for other tools.

The shape is documented in docs/summary-json.md; its ``"version"`` changes when a key changes
meaning or goes away. Texts are in the summary's language where the file has them in it; each
object lists, under ``"untranslated"``, its keys whose text is the main one for lack of a
translation.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from goaltui.outputs.summary import ReviewSummary, Totals
from goaltui.review import measures
from goaltui.review.measures import Due, PeriodCounts
from goaltui.review.model import Goal, Localized

JSON_VERSION = 1


def summary_json(
    summaries: Sequence[ReviewSummary],
    total: Totals,
    after: Callable[[ReviewSummary], dict[str, Any]] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> str:
    """Each review's summary (with the keys ``after`` adds to it) and their total, and the
    keys of ``extra``, as one JSON document."""
    document = {
        "version": JSON_VERSION,
        "files": [{**_json_one(s), **(after(s) if after else {})} for s in summaries],
        "total": {
            "files": total.files,
            "goals": total.goals,
            "binding": total.binding,
            "counts": {label or "": n for label, n in total.counts.items() if label is not None},
            "not_assessed": total.not_assessed,
            "worsened": total.worsened,
            "unexplained": total.unexplained,
            "needs_actions": total.needs_actions,
            **_json_measures(total.measures),
        },
        **(extra or {}),
    }
    # ensure_ascii keeps every control character from a file escaped in the output.
    return json.dumps(document, ensure_ascii=True, indent=2)


class _Texts:
    """The texts of one JSON object, and the keys of those shown untranslated."""

    def __init__(self) -> None:
        self.untranslated: list[str] = []

    def __call__(self, key: str, text: Localized[Any]) -> Any:
        if text.untranslated:
            self.untranslated.append(key)
        return text.text


def _json_one(summary: ReviewSummary) -> dict[str, Any]:
    review = summary.review
    texts = summary.texts
    own = _Texts()
    return {
        "path": str(summary.path) if summary.path is not None else None,
        "title": own("title", review.text("title", texts)),
        "year": review.year,
        "language": review.language,
        "shown_language": summary.language,
        "untranslated": own.untranslated,
        "periods": list(review.periods),
        "current": summary.period,
        "statuses": [_json_status(summary, i) for i in range(len(review.statuses))],
        "due": {period: day.isoformat() for period, day in (review.due or {}).items()},
        "counts": {
            period: {
                "statuses": {k: v for k, v in counts.items() if k is not None},
                "not_assessed": counts.get(None, 0),
                **_json_measures(summary.measures[period]),
            }
            for period, counts in summary.counts.items()
        },
        "goals": [_json_goal(summary, i) for i in range(len(review.goals))],
        "attention": {
            "worsened": [
                {"id": c.goal.id, "from": c.before, "to": c.after} for c in summary.worsened
            ],
            "improved": [
                {"id": c.goal.id, "from": c.before, "to": c.after} for c in summary.improved
            ],
            "unexplained": [
                {"id": u.goal.id, "period": u.period, "status": u.status}
                for u in summary.unexplained
            ],
            "not_assessed": [goal.id for goal in summary.not_assessed],
            "needs_actions": [
                {"id": n.goal.id, "period": n.period, "status": n.status}
                for n in summary.needing_actions
            ],
            "due": _json_due(summary.pressing_due),
        },
    }


def _json_measures(counts: PeriodCounts) -> dict[str, Any]:
    """Goals by what their status means, and indicators met (of those with a target and a
    value in the period)."""
    return {
        "meanings": {
            "met": counts.met,
            "partly": counts.partly,
            "not_met": counts.not_met,
            "not_assessable": counts.not_assessable,
            "not_assessed": counts.not_assessed,
        },
        "indicators": {
            "assessed": counts.indicators,
            "met": counts.indicators_met,
            "not_met": counts.indicators_not_met,
        },
    }


def _json_due(due: Due | None) -> dict[str, Any] | None:
    if due is None:
        return None
    return {
        "period": due.period,
        "date": due.date.isoformat(),
        "today": due.today.isoformat(),
        "days_left": due.days_left,
        "overdue": due.overdue,
        "not_assessed": [goal.id for goal in due.unassessed],
    }


def _json_status(summary: ReviewSummary, index: int) -> dict[str, Any]:
    status = summary.review.statuses[index]
    texts = _Texts()
    return {
        "label": status.label,
        "shown_label": texts("shown_label", status.text("label", summary.texts)),
        "untranslated": texts.untranslated,
        "color": status.color,
        "symbol": status.symbol,
        "explain": status.needs_comment,
        "meaning": summary.review.meaning(status.label),
        "actions": status.needs_actions,
    }


def _json_goal(summary: ReviewSummary, index: int) -> dict[str, Any]:
    goal = summary.review.goals[index]
    language = summary.texts
    entry = goal.entry(summary.period)
    texts = _Texts()
    shown = {
        "id": goal.id,
        "theme": texts("theme", goal.text("theme", language)),
        "objective": texts("objective", goal.text("objective", language)),
        "binding": goal.is_binding,
        "links": list(texts("links", goal.links_in(language)) or ()),
        "status": {p: goal.status_in(p) for p in summary.review.periods},
        "forecast": texts("forecast", entry.text("forecast", language)),
        "comment": texts("comment", entry.text("comment", language)),
        "actions": list(texts("actions", entry.actions_in(language)) or ()),
        "indicators": [
            _json_indicator(summary, goal, i) for i in range(len(goal.indicators or ()))
        ],
        "met_by_indicators": measures.met_by_indicators(goal, summary.period),
        "suggested_status": measures.suggested_status(summary.review, goal, summary.period),
        "needs_actions": measures.needs_actions(summary.review, goal, summary.period),
    }
    shown["untranslated"] = texts.untranslated
    return shown


def _json_indicator(summary: ReviewSummary, goal: Goal, index: int) -> dict[str, Any]:
    """One indicator of the goal, and its values in the period under review."""
    assert goal.indicators is not None
    indicator = goal.indicators[index]
    entry = goal.entry(summary.period)
    values = entry.indicator(indicator.id)
    texts = _Texts()
    shown = {
        "id": indicator.id,
        "name": texts("name", indicator.text("name", summary.texts)),
        "unit": texts("unit", indicator.text("unit", summary.texts)),
        "target": indicator.target,
        "direction": indicator.way,
        "forecast": values.forecast if values is not None else None,
        "actual": values.actual if values is not None else None,
        "met": measures.indicator_met(indicator, entry),
    }
    shown["untranslated"] = texts.untranslated
    return shown
