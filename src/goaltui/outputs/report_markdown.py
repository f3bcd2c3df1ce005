"""The Markdown writer of the reports, for meeting minutes and CI job summaries.

Text from a file is made literal (:func:`~goaltui.outputs.markdown.md`, line by line): no HTML,
no emphasis, no links. A text shown without its translation comes after its language's mark
("\\[fi\\]"), explained under the heading.
"""

from __future__ import annotations

from collections.abc import Iterable

from goaltui.outputs.markdown import md
from goaltui.outputs.marks import (
    BINDING_MARK,
    NOT_ASSESSED_MARK,
    UNEXPLAINED_MARK,
    untranslated_mark,
)
from goaltui.outputs.report import Report, ReviewReport
from goaltui.outputs.report_goals import GoalShown, IndicatorShown, Shown, StatusShown
from goaltui.outputs.report_words import binding_word, column


def report_markdown(document: Report) -> str:
    out = []
    several = len(document.sections) > 1
    if several or document.kind == "unmet":
        out += [f"# {md(document.title)}", ""]
    level = "##" if several or document.kind == "unmet" else "#"
    for section in document.sections:
        out += _section(document, section, level)
    return "\n".join(out)


def _section(document: Report, section: ReviewReport, level: str) -> list[str]:
    w = section.words
    facts = section.facts(document.made)
    if section.path is not None:
        facts.append(w._("file {path}").format(path=str(section.path)))
    counts = " · ".join(f"{md(word)}: **{md(n)}**" for word, n in section.count_facts())
    out = [f"{level} {text(section.title)}", "", " · ".join(md(f) for f in facts), "", counts, ""]
    legend = [_status(s) for s in section.statuses]
    legend.append(f"{NOT_ASSESSED_MARK} {md(section.word('not assessed'))}")
    legend.append(f"{BINDING_MARK} {md(section.word('binding'))}")
    if section.untranslated:
        legend.append(
            f"{md(untranslated_mark(section.main_language))} {md(section.word('no translation'))}"
        )
    out += [" · ".join(legend), ""]
    if document.kind == "unmet":
        out += _paper(section, level + "#")
    else:
        out += _table(section, level + "#")
    return out


def _table(section: ReviewReport, level: str) -> list[str]:
    w = section.words
    period = section.period
    heads = [column(w, "objective"), *(md(p) for p in section.periods)]
    heads.append(column(w, "forecast", md(period)))
    out = ["| " + " | ".join(heads) + " |", "|---|" + "---|" * (len(heads) - 1)]
    for goal in section.shown_goals:
        cells = [_objective(goal), *(_entry_status(section, p.period, goal) for p in goal.periods)]
        cells.append(inline(goal.chosen.forecast))
        out.append("| " + " | ".join(cells) + " |")
    out.append("")
    for group in section.themes:
        if group.theme:
            out += [f"{level} {md(column(w, 'theme'))}: {text(group.theme)}", ""]
        for goal in group.goals:
            out += _goal(section, goal, level + "#")
    return out


def _goal(section: ReviewReport, goal: GoalShown, level: str) -> list[str]:
    w = section.words
    period = section.period
    out = [f"{level} {_objective(goal)}", ""]
    items: list[tuple[str, str]] = [
        (column(w, "description"), block(goal.description)),
        (column(w, "target"), block(goal.target)),
        (column(w, "measure"), block(goal.measure)),
        (column(w, "binding"), md(binding_word(w, goal.binding))),
        (
            column(w, "status"),
            " · ".join(
                f"{md(p.period)} {_entry_status(section, p.period, goal)}" for p in goal.periods
            ),
        ),
        (column(w, "comment", period), _comment(section, goal)),
        (column(w, "forecast", period), block(goal.chosen.forecast)),
    ]
    if goal.indicators:
        items.append((column(w, "indicators", period), _indicators(section, goal.indicators)))
    if goal.chosen.actions:
        items.append((column(w, "actions", period), listed(goal.chosen.actions)))
    if goal.links:
        items.append((column(w, "links"), listed(goal.links)))
    out += [_item(name, value) for name, value in items if value]
    out.append("")
    return out


def _paper(section: ReviewReport, level: str) -> list[str]:
    w = section.words
    goals = section.shown_goals
    if not goals:
        none = w._("No binding goal is unmet in {period}.").format(period=section.period)
        return [md(none), ""]
    caption = w.ngettext(
        "{n} binding goal not met in {period}", "{n} binding goals not met in {period}", len(goals)
    ).format(n=w.integer(len(goals)), period=section.period)
    out = [f"**{md(caption)}**", ""]
    for goal in goals:
        out += [f"{level} {_objective(goal)}", ""]
        explanation = _comment(section, goal)
        if goal.unexplained:
            explanation = f"**{UNEXPLAINED_MARK} {md(section.word('no explanation'))}**"
        items: list[tuple[str, str]] = [
            (column(w, "theme"), block(goal.theme)),
            (column(w, "target"), block(goal.target)),
            (column(w, "measure"), block(goal.measure)),
            (column(w, "indicators"), _indicators(section, goal.indicators)),
            (column(w, "status", section.period), _paper_status(section, goal)),
            (column(w, "explanation"), explanation),
            (column(w, "actions"), listed(goal.chosen.actions)),
        ]
        out += [_item(name, value) for name, value in items if value]
        out.append("")
    return out


def _paper_status(section: ReviewReport, goal: GoalShown) -> str:
    shown = _status(goal.chosen.status)
    if goal.short_of_indicators:
        shown += f" **{UNEXPLAINED_MARK} {md(section.word('short of indicators'))}**"
    return shown


def _item(name: str, value: str) -> str:
    """A field of a goal as a list item; a list under it starts on the next line."""
    space = "" if value.startswith("\n") else " "
    return f"- **{md(name)}:**{space}{value}"


def _objective(goal: GoalShown) -> str:
    binding = f"{BINDING_MARK} " if goal.binding else ""
    return f"{binding}{inline(goal.objective)} (`{goal.id}`)"


def _status(status: StatusShown) -> str:
    return f"{md(status.mark)} {inline(status.name)}"


def _entry_status(section: ReviewReport, period: str, goal: GoalShown) -> str:
    entry = next(p for p in goal.periods if p.period == period)
    shown = _status(entry.status) if entry.status.assessed else NOT_ASSESSED_MARK
    if entry.unexplained:
        shown += f" {UNEXPLAINED_MARK}"
    return f"**{shown}**" if period == section.period else shown


def _comment(section: ReviewReport, goal: GoalShown) -> str:
    comment = block(goal.chosen.comment)
    if goal.chosen.unexplained:
        flag = f"**{UNEXPLAINED_MARK} {md(section.word('needs a comment'))}**"
        comment = f"{comment} {flag}" if comment else flag
    return comment


def _indicators(section: ReviewReport, indicators: Iterable[IndicatorShown]) -> str:
    lines = [
        f"{inline(indicator.name)}: {indicator.facts(section.word, md)}" for indicator in indicators
    ]
    return "".join(f"\n  - {line}" for line in lines)


def listed(texts: Iterable[Shown]) -> str:
    """Texts as a nested list under the item."""
    return "".join(f"\n  - {inline(t)}" for t in texts if t)


def inline(shown: Shown) -> str:
    """A text on one line, marked where untranslated."""
    lines = [md(line) for line in shown.text.splitlines() if line.strip()]
    body = " ".join(lines)
    return f"{md(shown.mark)} {body}" if shown.mark else body


def text(shown: Shown) -> str:
    return inline(shown)


def block(shown: Shown) -> str:
    """A text whose lines stay lines (hard line breaks, indented under its list item)."""
    lines = [md(line) for line in shown.text.splitlines() if line.strip()]
    body = "\\\n  ".join(lines)
    return f"{md(shown.mark)} {body}" if shown.mark and body else body
