"""The Markdown writer: the summary for CI job summaries and meeting minutes.

Text from a file is made literal (:func:`md`): no HTML, no emphasis, no links.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from goaltui.language.labels import file_count, goal_count, words
from goaltui.outputs.marks import ATTENTION_MARKS, BINDING_MARK, NOT_ASSESSED_MARK, UNEXPLAINED_MARK
from goaltui.outputs.summary import AttentionItem, ReviewSummary, Totals, period_fact
from goaltui.review.model import Review
from goaltui.text import clean_line

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")
_HTML = str.maketrans({"<": "&lt;", ">": "&gt;", "&": "&amp;"})


def md(text: str) -> str:
    """File text made literal in Markdown: one line, no HTML, no emphasis or links."""
    return _MD_SPECIAL.sub(r"\\\1", clean_line(text).translate(_HTML))


def _md_status(review: Review, label: str | None) -> str:
    status = review.status(label) if label is not None else None
    if status is None:
        return NOT_ASSESSED_MARK
    return f"{md(status.mark)} {md(status.label)}"


def summary_markdown(summaries: Sequence[ReviewSummary], total: Totals | None = None) -> str:
    """Each review's summary, and the total of them all when ``total`` is given."""
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
            if review.is_unexplained(goal, p):
                cell += f" {UNEXPLAINED_MARK}"
            cells.append(cell)
        forecast = goal.entry(summary.period).forecast
        out.append(
            f"| {md(goal.theme or '')} | `{goal.id}` | {md(goal.objective)} | "
            f"{BINDING_MARK if goal.is_binding else ''} | "
            + " | ".join(cells)
            + f" | {md(forecast or '')} |"
        )

    out += ["", f"### {w['attention']} ({md(summary.period)})", ""]
    if not summary.needs_attention:
        out.append(f"- {w['nothing']}")
    out += [_attention_line(review, item) for item in summary.attention]
    if summary.not_assessed:
        ids = ", ".join(f"`{goal.id}`" for goal in summary.not_assessed)
        out.append(f"- {NOT_ASSESSED_MARK} {w['not assessed in']} {md(summary.period)}: {ids}")
    out.append("")
    return "\n".join(out)


def _attention_line(review: Review, item: AttentionItem) -> str:
    """``- ▼ worsened Q2 → Q3: `id` objective: before → after``, and alike for each kind."""
    word = words(review.language)[item.kind]
    statuses = " → ".join(_md_status(review, label) for label in item.statuses)
    return (
        f"- {ATTENTION_MARKS[item.kind]} {word} {item.when(md)}: `{item.goal.id}` "
        f"{md(item.goal.objective)}: {statuses}"
    )


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
