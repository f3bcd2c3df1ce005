"""The Markdown writer: the summary for CI job summaries and meeting minutes.

Text from a file is made literal (:func:`md`): no HTML, no emphasis, no links. Words and
texts are in the summary's language, as in the terminal writer, a text without its translation
after its language's mark ("\\[fi\\]"), explained under the goals.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from goaltui.language.labels import file_count, goal_count
from goaltui.outputs.marks import (
    ATTENTION_MARKS,
    BINDING_MARK,
    DUE_MARK,
    NEEDS_ACTIONS_MARK,
    NOT_ASSESSED_MARK,
    UNEXPLAINED_MARK,
    untranslated_mark,
)
from goaltui.outputs.summary import (
    ATTENTION_WORDS,
    AttentionItem,
    ReviewSummary,
    Totals,
    due_line,
    measure_rows,
    period_fact,
    total_facts,
)
from goaltui.text import clean_line

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")
_HTML = str.maketrans({"<": "&lt;", ">": "&gt;", "&": "&amp;"})


def md(text: str) -> str:
    """File text made literal in Markdown: one line, no HTML, no emphasis or links."""
    return _MD_SPECIAL.sub(r"\\\1", clean_line(text).translate(_HTML))


def _md_status(summary: ReviewSummary, label: str | None) -> str:
    status = summary.review.status(label) if label is not None else None
    if status is None:
        return NOT_ASSESSED_MARK
    return f"{md(status.mark)} {md(summary.label(status.label))}"


def summary_markdown(
    summaries: Sequence[ReviewSummary],
    total: Totals | None = None,
    after: Callable[[ReviewSummary], str] | None = None,
) -> str:
    """Each review's summary (and what ``after`` adds to it), and the total of them all when
    ``total`` is given."""
    parts = [_markdown_one(summary) + (after(summary) if after else "") for summary in summaries]
    if total is not None:
        parts.append(_markdown_total(total, summaries))
    return "\n".join(parts)


def _markdown_one(summary: ReviewSummary) -> str:
    review = summary.review
    w = summary.words
    periods = review.periods
    out = [f"## {md(summary.title)}", ""]
    facts = []
    if summary.path is not None:
        facts.append(f"`{clean_line(str(summary.path)).replace('`', '')}`")
    if review.year is not None:
        facts.append(w._("year {year}").format(year=review.year))
    facts.append(period_fact(summary, strong=lambda period: f"**{md(period)}**"))
    facts.append(goal_count(summary.language, len(review.goals), summary.binding_count))
    out += [" · ".join(facts), ""]

    heads = [f"**{md(p)}**" if p == summary.period else md(p) for p in periods]
    out.append("| " + w._("Status") + " | " + " | ".join(heads) + " |")
    out.append("|---|" + "---:|" * len(periods))
    not_assessed = f"{NOT_ASSESSED_MARK} " + w._("not assessed")
    for status in [*review.statuses, None]:
        label = status.label if status else None
        name = _md_status(summary, label) if status else not_assessed
        counts = " | ".join(w.integer(summary.counts[p].get(label, 0)) for p in periods)
        out.append(f"| {name} | {counts} |")
    if summary.has_measures:
        out += ["", "| " + w._("Met") + " | " + " | ".join(heads) + " |"]
        out.append("|---|" + "---:|" * len(periods))
        out += [f"| {word} | " + " | ".join(cells) + " |" for word, cells in measure_rows(summary)]

    out += ["", "### " + w._("Goals"), ""]
    headings = [
        w._("theme"),
        w.pgettext("a column: the goal ids", "id"),
        w._("goal"),
        w._("binding"),
        *(md(p) for p in periods),
        w._("forecast"),
    ]
    out.append("| " + " | ".join(headings) + " |")
    out.append("|---|---|---|:---:|" + "---|" * len(periods) + "---|")
    for goal in review.goals:
        cells = []
        for p in periods:
            cell = _md_status(summary, goal.status_in(p))
            if review.is_unexplained(goal, p):
                cell += f" {UNEXPLAINED_MARK}"
            if review.asks_actions(goal.status_in(p)) and not goal.entry(p).has_actions:
                cell += f" {NEEDS_ACTIONS_MARK}"
            cells.append(cell)
        out.append(
            f"| {md(summary.goal_text(goal, 'theme'))} | `{goal.id}` | "
            f"{md(summary.goal_text(goal, 'objective'))} | "
            f"{BINDING_MARK if goal.is_binding else ''} | "
            + " | ".join(cells)
            + f" | {md(summary.entry_text(goal, 'forecast'))} |"
        )
    if summary.untranslated:
        mark = md(untranslated_mark(review.main_language))
        out += ["", f"{mark} " + w._("no translation")]

    if summary.comments:
        out += ["", "### " + w._("Comments ({period})").format(period=md(summary.period)), ""]
        for i, (goal, comment) in enumerate(summary.comments):
            stands = _md_status(summary, goal.entry(summary.period).status)
            out += [""] if i else []
            out.append(f"- `{goal.id}` {md(summary.goal_text(goal, 'objective'))}: {stands}")
            # one paragraph of the item per line of the comment, as it was written
            out += ["", *(f"  {md(text)}" for text in comment.splitlines() if text.strip())]

    out += ["", "### " + w._("Attention ({period})").format(period=md(summary.period)), ""]
    if not summary.needs_attention:
        out.append("- " + w._("nothing needs attention"))
    due = due_line(summary, md)
    if due is not None:
        out.append(f"- {DUE_MARK} {due}")
    out += [_attention_line(summary, item) for item in summary.attention]
    if summary.not_assessed:
        ids = ", ".join(f"`{goal.id}`" for goal in summary.not_assessed)
        shown = w._("not assessed in {period}: {goals}").format(
            period=md(summary.period), goals=ids
        )
        out.append(f"- {NOT_ASSESSED_MARK} {shown}")
    out.append("")
    return "\n".join(out)


def _attention_line(summary: ReviewSummary, item: AttentionItem) -> str:
    """``- ▼ worsened Q2 → Q3: `id` objective: before → after``, and alike for each kind."""
    word = summary.words._(ATTENTION_WORDS[item.kind])
    statuses = " → ".join(_md_status(summary, label) for label in item.statuses)
    return (
        f"- {ATTENTION_MARKS[item.kind]} {word} {item.when(md)}: `{item.goal.id}` "
        f"{md(summary.goal_text(item.goal, 'objective'))}: {statuses}"
    )


def _markdown_total(total: Totals, summaries: Sequence[ReviewSummary]) -> str:
    w = total.words
    shown: dict[str, str] = {}  # each label as its first summary shows it
    for summary in summaries:
        for status in summary.review.statuses:
            shown.setdefault(status.label, summary.label(status.label))
    not_assessed = w._("not assessed")
    rows = ["| " + w._("Status") + " | " + w._("Goals") + " |", "|---|---:|"]
    for label, n in total.counts.items():
        if label is not None:
            rows.append(f"| {md(shown.get(label, label))} | {w.integer(n)} |")
    rows.append(f"| {NOT_ASSESSED_MARK} {not_assessed} | {w.integer(total.counts.get(None, 0))} |")
    return "\n".join(
        [
            "## " + w._("Total"),
            "",
            f"{file_count(w.code, total.files)} · "
            + goal_count(w.code, total.goals, total.binding),
            "",
            *rows,
            "",
            total_facts(total),
            "",
        ]
    )
