"""The Rich writer: the summary as Rich renderables, printed by ``goaltui summary`` (the
``rich`` format) and shown by the app after a save.

Every string from a file becomes a :class:`rich.text.Text` or a plain :class:`Segment`
after :func:`~goaltui.text.clean_line`: never markup, never terminal control. Every word is
the summary's language's (:attr:`ReviewSummary.words`), and so are the review's texts where
the file has them in it; a text without its translation shows after its language's mark
("[fi]"). The goal list is one renderable that writes its lines as segments, because a Rich
table row per goal costs far too much at ten thousand goals.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import groupby

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, NewLine, RenderableType
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

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
from goaltui.outputs.styled import DIM, fit, status_style, status_text
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
from goaltui.review.model import Goal
from goaltui.text import clean_line

_BOLD = Style(bold=True)
_WARN = Style(color="yellow", bold=True)
_ATTENTION_STYLES = {
    "worsened": Style(color="red"),
    "unexplained": _WARN,
    "needs_actions": _WARN,
    "improved": Style(color="green"),
}


class GoalList:
    """Every goal, grouped by theme: binding, objective, status in each period, forecast.

    Where the terminal is wide enough, one line per goal with the periods as columns; where
    it is not, the statuses go on a line of their own under the objective, so that a status
    is always shown by its label and not by its colour or symbol alone.
    """

    def __init__(self, summary: ReviewSummary) -> None:
        self.summary = summary
        self.statuses = {
            s.label: (f"{s.mark} {clean_line(summary.label(s.label))}", status_style(s))
            for s in summary.review.statuses
        }

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        summary = self.summary
        review = summary.review
        period = summary.period
        w = summary.words
        width = options.max_width
        forecast_word, goals_word = w._("forecast"), w._("Goals")
        forecasts = {g.id: clean_line(summary.entry_text(g, "forecast")) for g in review.goals}
        forecast_w = min(max([cell_len(f) for f in forecasts.values()] + [len(forecast_word)]), 14)
        cell_w = max([cell_len(label) for label, _ in self.statuses.values()] + [4]) + 1
        fixed = 4 + forecast_w + 1
        columns = width - fixed - len(review.periods) * (cell_w + 1) >= 40
        goal_w = max(width - fixed - (len(review.periods) * (cell_w + 1) if columns else 0), 8)

        new_line = Segment.line()
        yield Segment(fit(goals_word, goal_w + 4), _BOLD)
        if columns:
            for p in review.periods:
                style = Style(bold=True, underline=True) if p == period else _BOLD
                yield Segment(" ")
                yield Segment(fit(clean_line(p), cell_w), style)
        yield Segment(" " + fit(forecast_word, forecast_w).rstrip(), _BOLD)
        yield new_line

        for indexes in review.by_theme().values():
            # The theme of the group's first goal, in the language shown.
            theme = summary.goal_text(review.goals[indexes[0]], "theme") or w._("(no theme)")
            yield Segment(fit(clean_line(theme), width).rstrip(), _BOLD)
            yield new_line
            for goal in (review.goals[i] for i in indexes):
                yield Segment("  " + (BINDING_MARK if goal.is_binding else " "))
                objective = clean_line(summary.goal_text(goal, "objective"))
                yield Segment(" " + fit(objective, goal_w))
                if columns:
                    for p in review.periods:
                        yield Segment(" ")
                        yield from self._cell(goal, p, cell_w)
                if forecasts[goal.id]:
                    yield Segment(" " + fit(forecasts[goal.id], forecast_w).rstrip())
                yield new_line
                if not columns:
                    yield from self._status_line(goal, review.periods, width)

    def _cell(self, goal: Goal, period: str, width: int | None) -> Iterator[Segment]:
        """A status's label in its colour (padded to ``width``), `!` if it needs a comment,
        `⚑` if it needs actions."""
        label = goal.status_in(period)
        known = self.statuses.get(label) if label is not None else None
        review = self.summary.review
        flag = UNEXPLAINED_MARK if review.is_unexplained(goal, period) else ""
        if review.asks_actions(label) and not goal.entry(period).has_actions:
            flag += NEEDS_ACTIONS_MARK
        if known is None:
            yield Segment(fit(NOT_ASSESSED_MARK, width) if width else NOT_ASSESSED_MARK, DIM)
            return
        text, style = known
        yield Segment(fit(text, width - len(flag)) if width else text, style)
        if flag:
            yield Segment(flag, _WARN)

    def _status_line(self, goal: Goal, periods: Sequence[str], width: int) -> Iterator[Segment]:
        """``Q1 ● Toteutuu  Q2 ◐ Toteutuu osittain  …`` under the objective, wrapped."""
        indent, used = "      ", 6
        yield Segment(indent)
        for i, p in enumerate(periods):
            cell = list(self._cell(goal, p, None))
            size = cell_len(p) + 1 + sum(segment.cell_length for segment in cell) + 2
            if i and used + size > width:
                yield Segment.line()
                yield Segment(indent)
                used = len(indent)
            yield Segment(f"{clean_line(p)} ", DIM)
            yield from cell
            if i < len(periods) - 1:
                yield Segment("  ")
            used += size
        yield Segment.line()


def counts_table(summary: ReviewSummary) -> Table:
    review = summary.review
    w = summary.words
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(Text(w._("Status")))
    for period in review.periods:
        heading = Text(
            clean_line(period), style="bold underline" if period == summary.period else ""
        )
        table.add_column(heading, justify="right")
    rows: list[tuple[Text, str | None]] = [
        (status_text(review, s.label, summary.texts), s.label) for s in review.statuses
    ]
    not_assessed = w._("not assessed")
    rows.append((Text(f"{NOT_ASSESSED_MARK} {not_assessed}", style=DIM), None))
    for label_text, label in rows:
        counts = (w.integer(summary.counts[p].get(label, 0)) for p in review.periods)
        table.add_row(label_text, *counts)
    return table


def measures_table(summary: ReviewSummary) -> Table:
    """Goals met, goals that cannot be assessed, indicators met: a column per period."""
    review = summary.review
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(Text(summary.words._("Met")))
    for period in review.periods:
        heading = Text(
            clean_line(period), style="bold underline" if period == summary.period else ""
        )
        table.add_column(heading, justify="right")
    for word, cells in measure_rows(summary):
        table.add_row(Text(word), *cells)
    return table


def _attention_line(summary: ReviewSummary, item: AttentionItem) -> Text:
    """``▼ worsened Q2 → Q3: id ● before → ● after  objective``, and alike for each kind."""
    word = summary.words._(ATTENTION_WORDS[item.kind])
    line = Text.assemble(
        "  ",
        (ATTENTION_MARKS[item.kind], _ATTENTION_STYLES[item.kind]),
        f" {word} {item.when(clean_line)}: ",
        (clean_line(item.goal.id), "bold"),
        " ",
    )
    for i, label in enumerate(item.statuses):
        if i:
            line.append(" → ")
        line.append_text(status_text(summary.review, label, summary.texts))
    line.append(f"  {clean_line(summary.goal_text(item.goal, 'objective'))}", style="dim")
    return line


def attention(
    summary: ReviewSummary, most: int | None = None, *, wrap: bool = False
) -> RenderableType:
    """What the meeting should look at: one line each, cut to the width of the terminal
    (with ``wrap``, wrapped under its text instead).

    With ``most``, each kind of item lists that many and says how many more there are.
    """
    w = summary.words
    period = clean_line(summary.period)
    lines = [Text(w._("Attention ({period})").format(period=period), style="bold")]
    if not summary.needs_attention:
        lines.append(Text("  " + w._("nothing needs attention"), style="green"))
    due = due_line(summary)
    if due is not None:
        lines.append(Text.assemble("  ", (DUE_MARK, _WARN), " ", due))
    for _, group in groupby(summary.attention, key=lambda item: item.kind):
        items = list(group)
        lines += [_attention_line(summary, item) for item in items[:most]]
        if most is not None and len(items) > most:
            lines.append(Text(f"    … {_more(summary, len(items) - most)}", style="dim"))
    for line in lines[1:]:
        line.no_wrap = True
        line.overflow = "ellipsis"
    if summary.not_assessed:
        # The list of ids may be long: it wraps instead of being cut.
        ids = [clean_line(goal.id) for goal in summary.not_assessed]
        line = Text.assemble("  ", (NOT_ASSESSED_MARK, DIM), " ")
        # Translators: {goals} is a list of goal ids, such as: culture-pass, open-data
        shown = w._("not assessed in {period}: {goals}")
        line.append(shown.format(period=period, goals=", ".join(ids[:most])))
        if most is not None and len(ids) > most:
            line.append(f" … {_more(summary, len(ids) - most)}", style="dim")
        lines.append(line)
    return _hanging(lines) if wrap else Group(*lines)


def _hanging(lines: Sequence[Text]) -> RenderableType:
    """Lines that wrap with their indent: the mark in a column of its own, the text after it."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for line in lines[1:]:
        plain = line.plain
        indent = len(plain) - len(plain.lstrip())
        head = plain[indent:].split(" ", 1)[0]  # the mark
        cut = indent + len(head)
        start = cut + len(plain[cut:]) - len(plain[cut:].lstrip())
        text = line[start:]
        text.no_wrap, text.overflow = False, "fold"
        grid.add_row(line[:cut], text)
    return Group(lines[0], grid)


def _more(summary: ReviewSummary, n: int) -> str:
    w = summary.words
    return w.ngettext("{n} more", "{n} more", n).format(n=w.integer(n))


def header(summary: ReviewSummary) -> Text:
    review = summary.review
    w = summary.words
    line = Text(clean_line(summary.title), style="bold reverse")
    facts = []
    if summary.path is not None:
        facts.append(clean_line(str(summary.path)))
    if review.year is not None:
        facts.append(w._("year {year}").format(year=review.year))
    facts.append(period_fact(summary))
    facts.append(goal_count(summary.language, len(review.goals), summary.binding_count))
    line.append("\n" + " · ".join(facts), style="dim")
    return line


def summary_rich(
    summary: ReviewSummary,
    most_goals: int | None = None,
    most_items: int | None = None,
    *,
    attention_first: bool = False,
) -> RenderableType:
    """The whole summary of one review.

    For a quick look (the TUI's dialog): the goal list is left out past ``most_goals`` goals,
    the attention list shows ``most_items`` items of each kind and, ``attention_first``,
    comes right after the heading, its lines wrapped under their text.
    """
    w = summary.words
    binding, unexplained = w._("binding"), w._("needs a comment")
    legend = Text(f"{BINDING_MARK} {binding}   {UNEXPLAINED_MARK} {unexplained}", style="dim")
    if summary.needing_actions:
        legend.append(f"   {NEEDS_ACTIONS_MARK} " + w._("needs actions"))
    if summary.untranslated:
        mark = untranslated_mark(summary.review.main_language)
        legend.append(f"   {mark} " + w._("no translation"))
    goals = len(summary.review.goals)
    elsewhere = w.ngettext(
        "({n} goal: goaltui summary lists it)", "({n} goals: goaltui summary lists them all)", goals
    )
    if attention_first:
        return Group(
            header(summary),
            NewLine(),
            attention(summary, most_items, wrap=True),
            NewLine(),
            counts_table(summary),
            NewLine(),
            GoalList(summary)
            if most_goals is None or goals <= most_goals
            else Text(elsewhere.format(n=w.integer(goals)), style="dim"),
            legend,
        )
    return Group(
        header(summary),
        NewLine(),
        counts_table(summary),
        NewLine(),
        *((measures_table(summary), NewLine()) if summary.has_measures else ()),
        GoalList(summary)
        if most_goals is None or goals <= most_goals
        else Text(elsewhere.format(n=w.integer(goals)), style="dim"),
        legend,
        NewLine(),
        attention(summary, most_items),
    )


def totals_rich(total: Totals, summaries: Sequence[ReviewSummary]) -> RenderableType:
    """Several reviews together: goals, binding goals, and statuses in each one's period."""
    w = total.words
    heading = Text(w._("Total"), style="bold reverse")
    heading.append(
        f"\n{file_count(w.code, total.files)} · " + goal_count(w.code, total.goals, total.binding),
        style="dim",
    )
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(Text(w._("Status")))
    table.add_column(Text(w._("Goals")), justify="right")
    shown: dict[str, Text] = {}
    for summary in summaries:
        for status in summary.review.statuses:
            text = status_text(summary.review, status.label, summary.texts)
            shown.setdefault(status.label, text)
    for label, text in shown.items():
        text.no_wrap = True
        table.add_row(text, w.integer(total.counts.get(label, 0)))
    not_assessed = w._("not assessed")
    table.add_row(
        Text(f"{NOT_ASSESSED_MARK} {not_assessed}", style=DIM),
        w.integer(total.counts.get(None, 0)),
    )
    return Group(heading, NewLine(), table, Text(total_facts(total)))
