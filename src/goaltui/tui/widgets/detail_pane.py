"""The selected goal in full, and its status, forecast and whole comment in one period."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from goaltui.labels import words
from goaltui.model import Goal, Review
from goaltui.report import BINDING_MARK, UNEXPLAINED_MARK, status_text
from goaltui.text import clean, clean_line


def goal_details(review: Review, goal: Goal, period: str) -> Text:
    """Everything about ``goal``, as literal text."""
    w = words(review.language)
    text = Text()
    if goal.theme:
        text.append(clean_line(goal.theme), style="dim")
        text.append("\n")
    text.append(clean(goal.objective), style="bold")
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
            text.append(clean(value.strip()))
    if goal.links:
        text.append(f"\n\n{w['links'].capitalize()}\n", style="bold underline")
        text.append(" · ".join(clean_line(link) for link in goal.links))

    entry = goal.entry(period)
    text.append(f"\n\n{clean_line(period)}\n", style="bold reverse")
    text.append(f"{w['status'].capitalize()}: ", style="bold")
    if entry.status is None:
        text.append(w["not assessed"], style="dim")
    else:
        text.append_text(status_text(review, entry.status))
        if review.is_unexplained(goal, period):
            text.append(f"  {UNEXPLAINED_MARK} {w['unexplained']}", style="bold yellow")
    text.append(f"\n{w['forecast'].capitalize()}: ", style="bold")
    text.append(clean_line(entry.forecast) if entry.forecast else "–")
    text.append(f"\n{w['comment'].capitalize()}:", style="bold")
    if entry.comment:
        text.append("\n" + clean(entry.comment.strip()))
    else:
        text.append(" –")

    others = [p for p in review.periods if p != period]
    if others:
        text.append("\n\n")
        for i, other in enumerate(others):
            if i:
                text.append("  ")
            text.append(f"{clean_line(other)} ", style="dim")
            text.append_text(status_text(review, goal.status_in(other)))
    return text


class DetailPane(VerticalScroll, can_focus=True):
    """Scrolls when the comment is long; Tab moves focus here to read it."""

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(id="details")

    def show(self, review: Review, goal: Goal | None, period: str) -> None:
        body = self.query_one("#details", Static)
        if goal is None:
            body.update(Text(words(review.language)["nothing"], style="dim"))
        else:
            body.update(goal_details(review, goal, period))
