"""The JSON writer: the summary for other tools.

The shape is documented in docs/summary-json.md; its ``"version"`` changes when a key changes
meaning or goes away.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from goaltui.outputs.summary import ReviewSummary, Totals

JSON_VERSION = 1


def summary_json(summaries: Sequence[ReviewSummary], total: Totals) -> str:
    """Each review's summary and their total, as one JSON document."""
    document = {
        "version": JSON_VERSION,
        "files": [_json_one(summary) for summary in summaries],
        "total": {
            "files": total.files,
            "goals": total.goals,
            "binding": total.binding,
            "counts": {label or "": n for label, n in total.counts.items() if label is not None},
            "not_assessed": total.not_assessed,
            "worsened": total.worsened,
            "unexplained": total.unexplained,
        },
    }
    # ensure_ascii keeps every control character from a file escaped in the output.
    return json.dumps(document, ensure_ascii=True, indent=2)


def _json_one(summary: ReviewSummary) -> dict[str, Any]:
    review = summary.review
    return {
        "path": str(summary.path) if summary.path is not None else None,
        "title": review.title,
        "year": review.year,
        "language": review.language,
        "periods": list(review.periods),
        "current": summary.period,
        "statuses": [
            {
                "label": s.label,
                "color": s.color,
                "symbol": s.symbol,
                "explain": s.needs_comment,
            }
            for s in review.statuses
        ],
        "counts": {
            period: {
                "statuses": {k: v for k, v in counts.items() if k is not None},
                "not_assessed": counts.get(None, 0),
            }
            for period, counts in summary.counts.items()
        },
        "goals": [
            {
                "id": goal.id,
                "theme": goal.theme,
                "objective": goal.objective,
                "binding": goal.is_binding,
                "links": list(goal.links or ()),
                "status": {p: goal.status_in(p) for p in review.periods},
                "forecast": goal.entry(summary.period).forecast,
                "comment": goal.entry(summary.period).comment,
            }
            for goal in review.goals
        ],
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
        },
    }
