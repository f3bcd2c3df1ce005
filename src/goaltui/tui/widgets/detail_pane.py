"""The selected goal in full, and its status, forecast and whole comment in one period.

The pane is split in parts that change at different times: the goal's own text changes only
with the goal, a status edit touches one line. Each part is redrawn only when what it shows
changed, and one-line parts without a new layout, so a key press stays quick. Each text shows
at most its first pages (see :mod:`.bounded`), whatever its length in the file.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from goaltui.language.labels import review_words, words
from goaltui.outputs.marks import BINDING_MARK, UNEXPLAINED_MARK
from goaltui.outputs.styled import status_text
from goaltui.review.model import Goal, Review
from goaltui.text import clean_line
from goaltui.tui.widgets.bounded import append_shown
from goaltui.tui.widgets.measures_part import has_verdict, measures_text, verdict_text

# Parts that are always exactly one line high (see the stylesheet), redrawn without layout.
ONE_LINE = ("period", "status", "verdict", "others")


def goal_text(review: Review, goal: Goal) -> Text:
    """What a goal is: theme, objective, description, target, measure, links."""
    w = words(review.language)
    catalogue = review_words(review.language)
    text = Text()
    if goal.theme:
        append_shown(text, goal.theme, catalogue, style="dim", one_line=True)
        text.append("\n")
    append_shown(text, goal.objective, catalogue, style="bold")
    text.append(f"\n{clean_line(goal.id)}", style="dim")
    if goal.is_binding:
        text.append(f"  {BINDING_MARK} {w['binding']}", style="bold")
    for name, value in (
        ("description", goal.description),
        ("target", goal.target),
        ("measure", goal.measure),
    ):
        if value:
            text.append(f"\n\n{w[name].capitalize()}\n", style="bold underline")
            append_shown(text, value, catalogue)
    if goal.links:
        text.append(f"\n\n{w['links'].capitalize()}\n", style="bold underline")
        append_shown(text, " · ".join(goal.links), catalogue, one_line=True)
    return text


def period_parts(review: Review, goal: Goal, period: str) -> dict[str, Text]:
    """How the goal stands in ``period``: one text per part of the pane."""
    w = words(review.language)
    entry = goal.entry(period)
    status = Text.assemble((f"{w['status'].capitalize()}: ", "bold"))
    if entry.status is None:
        status.append(w["not assessed"], style="dim")
    else:
        status.append_text(status_text(review, entry.status))
        if review.is_unexplained(goal, period):
            status.append(f"  {UNEXPLAINED_MARK} {w['unexplained']}", style="bold yellow")
    catalogue = review_words(review.language)
    forecast = Text.assemble((f"{w['forecast'].capitalize()}: ", "bold"))
    if entry.forecast:
        append_shown(forecast, entry.forecast, catalogue, one_line=True)
    else:
        forecast.append("–")
    comment = Text.assemble((f"{w['comment'].capitalize()}:", "bold"))
    if entry.comment:
        comment.append("\n")
        append_shown(comment, entry.comment, catalogue)
    else:
        comment.append(" –")
    others = Text()
    for other in review.periods:
        if other != period:
            others.append(f"{clean_line(other)} ", style="dim")
            others.append_text(status_text(review, goal.status_in(other)))
            others.append("  ")
    return {
        "period": Text(clean_line(period), style="bold reverse"),
        "status": status,
        "forecast": forecast,
        "comment": comment,
        "measures": measures_text(review, goal, period),
        "verdict": verdict_text(review, goal, period),
        "others": others,
    }


class DetailPane(VerticalScroll, can_focus=True):
    """Scrolls when the text is long; Tab moves focus here to read it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: dict[str, Text | None] = {}
        self._goal_key: tuple[int, str] | None = None  # which review's which goal is shown

    def compose(self) -> ComposeResult:
        yield Static(id="goal", classes="part")
        for name in ("period", "status", "forecast", "comment", "measures", "verdict", "others"):
            yield Static(id=name, classes="part one-line" if name in ONE_LINE else "part")

    def show(self, review: Review, goal: Goal | None, period: str) -> None:
        """Show ``goal`` in ``period``; parts whose text is unchanged are left alone."""
        if goal is None:
            parts: dict[str, Text] = {"goal": Text(words(review.language)["no goals"], "dim")}
            names = ("period", "status", "forecast", "comment", "measures", "verdict")
            parts.update((name, Text()) for name in names)
            parts["others"] = Text()
        else:
            parts = period_parts(review, goal, period)
            key = (id(review), goal.id)
            if key != self._goal_key:  # edits never change a goal's own text
                parts["goal"] = goal_text(review, goal)
            self._goal_key = key
        if goal is None:
            self._goal_key = None
        verdict = self.query_one("#verdict", Static)
        shown = goal is not None and has_verdict(review, goal)
        if verdict.display != shown:  # one height for every status of a goal: no new layout
            verdict.display = shown
        for name, text in parts.items():
            if self._shown.get(name) == text:
                continue
            self._shown[name] = text
            self.query_one(f"#{name}", Static).update(text, layout=name not in ONE_LINE)

    def forget(self) -> None:
        """The review was replaced: draw every part again on the next show."""
        self._shown.clear()
        self._goal_key = None
