"""The review summary as Markdown (CI job summaries, meeting minutes) and as JSON (other tools).

The JSON shape is documented in docs/summary-json.md; its ``"version"`` changes when a key
changes meaning or goes away.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from goaltui.language.labels import file_count, goal_count, words
from goaltui.outputs.summary import ReviewSummary, Totals
from goaltui.outputs.terminal import (
    BINDING_MARK,
    NOT_ASSESSED_MARK,
    UNEXPLAINED_MARK,
    period_fact,
    status_mark,
)
from goaltui.review.model import Review, StatusChange
from goaltui.text import clean_line

JSON_VERSION = 1

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")
_HTML = str.maketrans({"<": "&lt;", ">": "&gt;", "&": "&amp;"})


def md(text: str) -> str:
    """File text made literal in Markdown: one line, no HTML, no emphasis or links."""
    return _MD_SPECIAL.sub(r"\\\1", clean_line(text).translate(_HTML))


def _md_status(review: Review, label: str | None) -> str:
    status = review.status(label) if label is not None else None
    if status is None:
        return NOT_ASSESSED_MARK
    return f"{md(status_mark(status))} {md(status.label)}"


def markdown(summaries: Sequence[ReviewSummary], total: Totals | None = None) -> str:
    parts = [_markdown_one(summary) for summary in summaries]
    if total is not None:
        parts.append(_markdown_total(total, summaries))
    return "\n".join(parts)


def _markdown_one(summary: ReviewSummary) -> str:
    review = summary.review
    w = words(review.language)
    periods = review.periods
    out = [f"## {md(review.title)}", ""]
    facts = []
    if summary.path is not None:
        facts.append(f"`{clean_line(str(summary.path)).replace('`', '')}`")
    if review.year is not None:
        facts.append(f"{w['year']} {review.year}")
    facts.append(period_fact(summary, strong=lambda period: f"**{md(period)}**"))
    facts.append(goal_count(review.language, len(review.goals), summary.binding_count))
    out += [" · ".join(facts), ""]

    heads = [f"**{md(p)}**" if p == summary.period else md(p) for p in periods]
    out.append(f"| {w['status']} | " + " | ".join(heads) + " |")
    out.append("|---|" + "---:|" * len(periods))
    for status in [*review.statuses, None]:
        label = status.label if status else None
        name = _md_status(review, label) if status else f"{NOT_ASSESSED_MARK} {w['not assessed']}"
        counts = " | ".join(str(summary.counts[p].get(label, 0)) for p in periods)
        out.append(f"| {name} | {counts} |")

    unexplained = {(u.goal.id, u.period) for u in summary.unexplained}
    out += ["", f"### {w['goals']}", ""]
    out.append(
        f"| {w['theme']} | id | {w['goal']} | {w['binding']} | "
        + " | ".join(md(p) for p in periods)
        + f" | {w['forecast']} |"
    )
    out.append("|---|---|---|:---:|" + "---|" * len(periods) + "---|")
    for goal in review.goals:
        cells = []
        for p in periods:
            cell = _md_status(review, goal.status_in(p))
            if (goal.id, p) in unexplained:
                cell += f" {UNEXPLAINED_MARK}"
            cells.append(cell)
        forecast = goal.entry(summary.period).forecast
        out.append(
            f"| {md(goal.theme or '')} | `{goal.id}` | {md(goal.objective)} | "
            f"{BINDING_MARK if goal.is_binding else ''} | "
            + " | ".join(cells)
            + f" | {md(forecast or '')} |"
        )

    previous = review.previous_period(summary.period)
    span = f"{md(previous)} → {md(summary.period)}" if previous else md(summary.period)
    out += ["", f"### {w['attention']} ({md(summary.period)})", ""]
    if not summary.needs_attention:
        out.append(f"- {w['nothing']}")

    def changes(mark: str, word: str, items: list[StatusChange]) -> None:
        for change in items:
            out.append(
                f"- {mark} {word} {span}: `{change.goal.id}` {md(change.goal.objective)}: "
                f"{_md_status(review, change.before)} → {_md_status(review, change.after)}"
            )

    # The order of the Rich summary: worsened, needs a comment, improved, not assessed.
    changes("▼", w["worsened"], summary.worsened)
    for item in summary.unexplained:
        out.append(
            f"- {UNEXPLAINED_MARK} {w['unexplained']} ({md(item.period)}): `{item.goal.id}` "
            f"{md(item.goal.objective)}: {_md_status(review, item.status)}"
        )
    changes("▲", w["improved"], summary.improved)
    if summary.not_assessed:
        ids = ", ".join(f"`{goal.id}`" for goal in summary.not_assessed)
        out.append(f"- {NOT_ASSESSED_MARK} {w['not assessed in']} {md(summary.period)}: {ids}")
    out.append("")
    return "\n".join(out)


def _markdown_total(total: Totals, summaries: Sequence[ReviewSummary]) -> str:
    languages = {summary.review.language for summary in summaries}
    language = languages.pop() if len(languages) == 1 else None
    w = words(language)
    rows = [f"| {w['status']} | {w['goals']} |", "|---|---:|"]
    for label, n in total.counts.items():
        if label is not None:
            rows.append(f"| {md(label)} | {n} |")
    rows.append(f"| {NOT_ASSESSED_MARK} {w['not assessed']} | {total.counts.get(None, 0)} |")
    return "\n".join(
        [
            f"## {w['total']}",
            "",
            f"{file_count(language, total.files)} · "
            + goal_count(language, total.goals, total.binding),
            "",
            *rows,
            "",
            f"{w['worsened']}: {total.worsened} · {w['unexplained']}: {total.unexplained} · "
            f"{w['not assessed']}: {total.not_assessed}",
            "",
        ]
    )


def to_json(summaries: Sequence[ReviewSummary], total: Totals) -> str:
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
