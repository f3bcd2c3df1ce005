"""The review summary as Rich renderables: printed by ``goaltui summary``, shown by the TUI.

Every string from a file becomes a :class:`rich.text.Text` or a plain :class:`Segment`
after :func:`~goaltui.text.clean_line`: never markup, never terminal control. The goal list is
one renderable that writes its lines as segments, because a Rich table row per goal costs far
too much at ten thousand goals.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rich import box
from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, Group, NewLine, RenderableType
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from goaltui.labels import words
from goaltui.model import Review, Status, StatusChange
from goaltui.summary import ReviewSummary, Totals
from goaltui.text import clean_line

NOT_ASSESSED_MARK = "·"
BINDING_MARK = "◆"
UNEXPLAINED_MARK = "!"

_DIM = Style(dim=True)
_BOLD = Style(bold=True)
_WARN = Style(color="yellow", bold=True)


def status_mark(status: Status) -> str:
    """A status's glyph, so that no status is told by colour alone."""
    if status.symbol:
        return clean_line(status.symbol)
    initials = "".join(word[:1] for word in status.label.split())
    return clean_line(initials.upper() or status.label[:2])


def status_style(status: Status | None) -> Style:
    if status is None or not status.color:
        return Style()
    return Style(color=status.color.strip().lower())


def status_text(review: Review, label: str | None, *, short: bool = False) -> Text:
    """``● Toteutuu`` in the scale's colour; a dim dot when not assessed."""
    status = review.status(label) if label is not None else None
    if status is None:
        return Text(NOT_ASSESSED_MARK, style=_DIM)
    mark = status_mark(status)
    content = mark if short else f"{mark} {clean_line(status.label)}"
    return Text(content, style=status_style(status))


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with an ellipsis, then padded."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


class GoalList:
    """Every goal on one line, grouped by theme: binding, objective, statuses, forecast."""

    def __init__(self, summary: ReviewSummary) -> None:
        self.summary = summary

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        review = self.summary.review
        period = self.summary.period
        w = words(review.language)
        periods = review.periods
        statuses = {
            s.label: (status_mark(s), clean_line(s.label), status_style(s)) for s in review.statuses
        }
        unexplained = {(u.goal.id, u.period) for u in self.summary.unexplained}
        width = options.max_width
        forecasts = [clean_line(g.entry(period).forecast or "") for g in review.goals]
        forecast_w = min(max([cell_len(f) for f in forecasts] + [cell_len(w["forecast"])]), 14)
        full_w = max([cell_len(f"{m} {label}") for m, label, _ in statuses.values()] + [4]) + 1
        short_w = max([cell_len(m) for m, _, _ in statuses.values()] + [2]) + 1
        fixed = 4 + forecast_w + 1
        cell_w = full_w if width - fixed - len(periods) * (full_w + 1) >= 40 else short_w
        short = cell_w == short_w
        goal_w = max(width - fixed - len(periods) * (cell_w + 1), 8)

        new_line = Segment.line()
        yield Segment(_fit(w["goals"], goal_w + 4), _BOLD)
        for p in periods:
            style = Style(bold=True, underline=True) if p == period else _BOLD
            yield Segment(" ")
            yield Segment(_fit(clean_line(p), cell_w), style)
        yield Segment(" " + _fit(w["forecast"], forecast_w).rstrip(), _BOLD)
        yield new_line

        theme: object = object()
        for goal, forecast in zip(review.goals, forecasts, strict=True):
            if goal.theme != theme:
                theme = goal.theme
                yield Segment(_fit(clean_line(theme or w["no theme"]), width).rstrip(), _BOLD)
                yield new_line
            yield Segment("  ")
            yield Segment(BINDING_MARK if goal.is_binding else " ")
            yield Segment(" " + _fit(clean_line(goal.objective), goal_w))
            for p in periods:
                yield Segment(" ")
                label = goal.status_in(p)
                known = statuses.get(label) if label is not None else None
                flag = UNEXPLAINED_MARK if (goal.id, p) in unexplained else ""
                if known is None:
                    yield Segment(_fit(NOT_ASSESSED_MARK, cell_w), _DIM)
                    continue
                mark, text, style = known
                body = mark if short else f"{mark} {text}"
                yield Segment(_fit(body, cell_w - len(flag)), style)
                if flag:
                    yield Segment(flag, _WARN)
            if forecast:
                yield Segment(" " + _fit(forecast, forecast_w).rstrip())
            yield new_line


def counts_table(summary: ReviewSummary) -> Table:
    review = summary.review
    w = words(review.language)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(Text(w["status"]))
    for period in review.periods:
        heading = Text(
            clean_line(period), style="bold underline" if period == summary.period else ""
        )
        table.add_column(heading, justify="right")
    rows: list[tuple[Text, str | None]] = [
        (status_text(review, s.label), s.label) for s in review.statuses
    ]
    rows.append((Text(f"{NOT_ASSESSED_MARK} {w['not assessed']}", style=_DIM), None))
    for label_text, label in rows:
        table.add_row(label_text, *(str(summary.counts[p].get(label, 0)) for p in review.periods))
    return table


def _change_line(review: Review, mark: Text, word: str, change: StatusChange) -> Text:
    line = Text.assemble("  ", mark, f" {word}: ", (clean_line(change.goal.id), "bold"), " ")
    line.append_text(status_text(review, change.before))
    line.append(" → ")
    line.append_text(status_text(review, change.after))
    line.append(f"  {clean_line(change.goal.objective)}", style="dim")
    return line


def attention(summary: ReviewSummary) -> Group:
    """What the meeting should look at: one line each, cut to the width of the terminal."""
    review = summary.review
    w = words(review.language)
    lines = [Text(f"{w['attention']} ({clean_line(summary.period)})", style="bold")]
    if not summary.needs_attention:
        lines.append(Text(f"  {w['nothing']}", style="green"))
    for change in summary.worsened:
        lines.append(_change_line(review, Text("▼", style="red"), w["worsened"], change))
    for item in summary.unexplained:
        line = Text.assemble("  ", (UNEXPLAINED_MARK, _WARN), f" {w['unexplained']}: ")
        line.append(clean_line(item.goal.id), style="bold")
        line.append(f" {clean_line(item.period)} ")
        line.append_text(status_text(review, item.status))
        line.append(f"  {clean_line(item.goal.objective)}", style="dim")
        lines.append(line)
    if summary.not_assessed:
        line = Text.assemble("  ", (NOT_ASSESSED_MARK, _DIM))
        line.append(f" {w['not assessed in']} {clean_line(summary.period)}: ")
        line.append(", ".join(clean_line(goal.id) for goal in summary.not_assessed))
        lines.append(line)
    for change in summary.improved:
        lines.append(_change_line(review, Text("▲", style="green"), w["improved"], change))
    for line in lines[1:]:
        line.no_wrap = True
        line.overflow = "ellipsis"
    # The list of ids not assessed may be long: that one line wraps instead of being cut.
    if summary.not_assessed:
        not_assessed = lines[1 + len(summary.worsened) + len(summary.unexplained)]
        not_assessed.no_wrap = False
        not_assessed.overflow = "fold"
    return Group(*lines)


def header(summary: ReviewSummary) -> Text:
    review = summary.review
    w = words(review.language)
    line = Text(clean_line(review.title), style="bold reverse")
    facts = []
    if summary.path is not None:
        facts.append(clean_line(str(summary.path)))
    if review.year is not None:
        facts.append(f"{w['year']} {review.year}")
    facts.append(f"{w['current period']} {clean_line(summary.period)}")
    facts.append(w["count"].format(goals=len(review.goals), binding=summary.binding_count))
    line.append("\n" + " · ".join(facts), style="dim")
    return line


def review_report(summary: ReviewSummary) -> RenderableType:
    """The whole summary of one review."""
    legend = Text(
        f"{BINDING_MARK} {words(summary.review.language)['binding']}   "
        f"{UNEXPLAINED_MARK} {words(summary.review.language)['unexplained']}",
        style="dim",
    )
    return Group(
        header(summary),
        NewLine(),
        counts_table(summary),
        NewLine(),
        GoalList(summary),
        legend,
        NewLine(),
        attention(summary),
    )


def totals_report(total: Totals, labels: Iterable[str]) -> RenderableType:
    """The line under several reviews: goals, binding goals and status counts together."""
    text = Text("Total", style="bold reverse")
    text.append(f"\n{total.files} files · {total.goals} goals ({total.binding} binding)")
    parts = [f"{clean_line(label)}: {total.counts.get(label, 0)}" for label in labels]
    parts.append(f"not assessed: {total.counts.get(None, 0)}")
    text.append("\nIn each file's current period: " + ", ".join(parts))
    text.append(
        f"\nworsened: {total.worsened} · needs a comment: {total.unexplained} · "
        f"not assessed: {total.not_assessed}"
    )
    return text
