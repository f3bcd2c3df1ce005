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


#: A status cell as the goal list shows it: the status's label (None: not assessed, or a
#: label the scale does not know) and its flags (`!`, `⚑`).
_Cell = tuple[str | None, str]
#: A line as runs of text in one style (None: no style), and how many cells it takes.
_Runs = list[tuple[str, Style | None]]


class GoalList:
    """Every goal, grouped by theme: binding, objective, status in each period, forecast.

    Where the terminal is wide enough, one line per goal with the periods as columns; where
    it is not, the statuses go on a line of their own under the objective, so that a status
    is always shown by its label and not by its colour or symbol alone.

    At ten thousand goals the list is most of what ``goaltui summary`` writes, so it is
    written in as few segments as it can: the runs of each goal's statuses are laid out once
    for each way they occur, unstyled runs are joined (line ends and all), and every line is
    cut to the width here, so that it can be printed uncropped (:func:`print_summary`).
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
        periods = review.periods
        w = summary.words
        width = options.max_width
        forecast_word, goals_word = w._("forecast"), w._("Goals")
        forecasts = {g.id: clean_line(summary.entry_text(g, "forecast")) for g in review.goals}
        forecast_w = min(max([cell_len(f) for f in forecasts.values()] + [len(forecast_word)]), 14)
        cell_w = max([cell_len(label) for label, _ in self.statuses.values()] + [4]) + 1
        fixed = 4 + forecast_w + 1
        columns = width - fixed - len(periods) * (cell_w + 1) >= 40
        goal_w = max(width - fixed - (len(periods) * (cell_w + 1) if columns else 0), 8)
        # No colours: the styles would not be written, and the list is one run of text.
        out = _Lines(width, plain=console.color_system is None and not console.record)

        heading: _Runs = [(fit(goals_word, goal_w + 4), _BOLD)]
        if columns:
            for p in periods:
                style = Style(bold=True, underline=True) if p == period else _BOLD
                heading += [(" ", None), (fit(clean_line(p), cell_w), style)]
        heading.append((" " + fit(forecast_word, forecast_w).rstrip(), _BOLD))
        out.line(heading)

        laid_out: dict[tuple[_Cell, ...], list[tuple[_Runs, int]]] = {}
        binding = "  " + BINDING_MARK + " "
        for indexes in review.by_theme().values():
            # The theme of the group's first goal, in the language shown.
            theme = summary.goal_text(review.goals[indexes[0]], "theme") or w._("(no theme)")
            out.line([(fit(clean_line(theme), width).rstrip(), _BOLD)])
            for goal in (review.goals[i] for i in indexes):
                cells = tuple(self._flagged(goal, p) for p in periods)
                if cells not in laid_out:
                    laid_out[cells] = self._lay_out(cells, columns, cell_w, width)
                statuses = laid_out[cells]
                objective = clean_line(summary.goal_text(goal, "objective"))
                mark = binding if goal.is_binding else "    "
                runs: _Runs = [(mark + fit(objective, goal_w), None)]
                used = cell_len(mark) + goal_w  # fit() gives exactly goal_w cells
                if columns:
                    runs += statuses[0][0]
                    used += statuses[0][1]
                if forecasts[goal.id]:
                    shown = " " + fit(forecasts[goal.id], forecast_w).rstrip()
                    runs.append((shown, None))
                    used += cell_len(shown)
                out.line(runs, used)
                if not columns:
                    for line, line_w in statuses:
                        out.line(line, line_w)
        yield from out.segments()

    def _flagged(self, goal: Goal, period: str) -> _Cell:
        """The goal's status in ``period`` as shown, and its flags: `!` if it needs a
        comment, `⚑` if it needs actions."""
        label = goal.status_in(period)
        if label is None or label not in self.statuses:
            return None, ""
        review = self.summary.review
        flag = UNEXPLAINED_MARK if review.is_unexplained(goal, period) else ""
        if review.asks_actions(label) and not goal.entry(period).has_actions:
            flag += NEEDS_ACTIONS_MARK
        return label, flag

    def _cell(self, cell: _Cell, width: int | None) -> _Runs:
        """A status's label in its colour (padded to ``width``), then its flags."""
        label, flag = cell
        if label is None:
            return [(fit(NOT_ASSESSED_MARK, width) if width else NOT_ASSESSED_MARK, DIM)]
        text, style = self.statuses[label]
        runs: _Runs = [(fit(text, width - len(flag)) if width else text, style)]
        if flag:
            runs.append((flag, _WARN))
        return runs

    def _lay_out(
        self, cells: tuple[_Cell, ...], columns: bool, cell_w: int, width: int
    ) -> list[tuple[_Runs, int]]:
        """A goal's statuses and the cells they take: in columns, the runs after its
        objective; else the lines under it (``Q1 ● Toteutuu  Q2 ◐ Toteutuu osittain  …``)."""
        periods = self.summary.review.periods
        if columns:
            runs: _Runs = []
            for cell in cells:
                runs += [(" ", None), *self._cell(cell, cell_w)]
            return [(runs, _cells(runs))]
        indent, used = "      ", 6
        lines: list[_Runs] = [[(indent, None)]]
        for i, (p, cell) in enumerate(zip(periods, cells, strict=True)):
            shown = self._cell(cell, None)
            size = cell_len(p) + 1 + sum(cell_len(text) for text, _ in shown) + 2
            if i and used + size > width:
                lines.append([(indent, None)])
                used = len(indent)
            lines[-1] += [(f"{clean_line(p)} ", DIM), *shown]
            if i < len(periods) - 1:
                lines[-1].append(("  ", None))
            used += size
        return [(line, _cells(line)) for line in lines]


def _cells(runs: _Runs) -> int:
    return sum(cell_len(text) for text, _ in runs)


class _Lines:
    """Lines of runs as few segments: unstyled runs joined, line ends and all (every run,
    with ``plain``); a line wider than ``width`` cut as :meth:`Console.print` would cut it."""

    def __init__(self, width: int, *, plain: bool) -> None:
        self.width = width
        self.plain = plain
        self.done: list[Segment] = []
        self.text: list[str] = []  # the unstyled text after the last styled segment

    def line(self, runs: _Runs, cells: int | None = None) -> None:
        """One line of ``runs`` (``cells`` wide: measured when not given)."""
        if cells is None:
            cells = _cells(runs)
        if cells > self.width:
            cut = Segment.adjust_line_length([Segment(*run) for run in runs], self.width, pad=False)
            runs = [(segment.text, segment.style) for segment in cut]
        text = self.text
        for run, style in runs:
            if style and not self.plain:
                if text:
                    self.done.append(Segment("".join(text)))
                    text.clear()
                self.done.append(Segment(run, style))
            else:
                text.append(run)
        text.append("\n")

    def segments(self) -> list[Segment]:
        if self.text:
            self.done.append(Segment("".join(self.text)))
            self.text.clear()
        return self.done


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
    wrapped: list[Text] = []  # lines that wrap under their text rather than being cut
    if summary.not_assessed:
        # The list of ids may be long: it wraps instead of being cut.
        ids = [clean_line(goal.id) for goal in summary.not_assessed]
        line = Text.assemble("  ", (NOT_ASSESSED_MARK, DIM), " ")
        # Translators: {goals} is a list of goal ids, such as: culture-pass, open-data
        shown = w._("not assessed in {period}: {goals}")
        line.append(shown.format(period=period, goals=", ".join(ids[:most])))
        if most is not None and len(ids) > most:
            line.append(f" … {_more(summary, len(ids) - most)}", style="dim")
        wrapped.append(line)
    if wrap:
        lines, wrapped = lines[:1], lines[1:] + wrapped
    return Group(*lines, _hanging(wrapped)) if wrapped else Group(*lines)


def _hanging(lines: Sequence[Text]) -> RenderableType:
    """Lines that wrap with their indent: the mark in a column of its own, the text after it."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for line in lines:
        plain = line.plain
        indent = len(plain) - len(plain.lstrip())
        head = plain[indent:].split(" ", 1)[0]  # the mark
        cut = indent + len(head)
        start = cut + len(plain[cut:]) - len(plain[cut:].lstrip())
        text = line[start:]
        text.no_wrap, text.overflow = False, "fold"
        grid.add_row(line[:cut], text)
    return grid


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


def print_summary(console: Console, summary: ReviewSummary) -> None:
    """Print :func:`summary_rich`: the goal list, which cuts its lines to the width itself,
    uncropped, since cutting its lines again costs more than the rest of the summary."""
    whole = summary_rich(summary)
    assert isinstance(whole, Group)
    for part in whole.renderables:
        console.print(part, crop=not isinstance(part, GoalList))


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
