"""The selected goal in one period, and then the goal in full.

What a meeting discusses comes first: the period's status, forecast and whole comment, so
that at 80x24 the comment is on screen without a key; the goal's standing texts (description,
target, measure, links) follow. The pane keeps where it was scrolled to for each goal.

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

from goaltui.outputs.marks import BINDING_MARK, UNEXPLAINED_MARK
from goaltui.outputs.styled import status_text
from goaltui.review.model import Goal, GoalText, Localized, Review
from goaltui.text import clean_line
from goaltui.tui.contrast import readable_text
from goaltui.tui.speech import Speech
from goaltui.tui.widgets.bounded import append_shown
from goaltui.tui.widgets.measures_part import has_verdict, measures_text, verdict_text

# Parts that are always exactly one line high (see the stylesheet), redrawn without layout.
ONE_LINE = ("period", "status", "verdict", "others")


def goal_text(review: Review, goal: Goal, speech: Speech) -> Text:
    """What a goal is: theme, objective, description, target, measure, links, in the language
    shown (a text the file has not in that language shows marked, in the main one)."""
    w, catalogue, texts = speech.words, speech.w, speech.texts(review)

    def shown(name: GoalText) -> str:
        return speech.shown(review, goal.text(name, texts))

    text = Text()
    if goal.theme:
        append_shown(text, shown("theme"), catalogue, style="dim", one_line=True)
        text.append("\n")
    append_shown(text, shown("objective"), catalogue, style="bold")
    text.append(f"\n{clean_line(goal.id)}", style="dim")
    if goal.is_binding:
        text.append(f"  {BINDING_MARK} {w['binding']}", style="bold")
    names: tuple[GoalText, ...] = ("description", "target", "measure")
    for name in names:
        if getattr(goal, name):
            text.append(f"\n\n{w[name].capitalize()}\n", style="bold underline")
            append_shown(text, shown(name), catalogue)
    links = goal.links_in(texts)
    if links.text:
        text.append(f"\n\n{w['links'].capitalize()}\n", style="bold underline")
        joined = " · ".join(links.text)
        shown_links = speech.shown(review, Localized(joined, links.untranslated))
        append_shown(text, shown_links, catalogue, one_line=True)
    return text


def period_parts(review: Review, goal: Goal, period: str, speech: Speech) -> dict[str, Text]:
    """How the goal stands in ``period``: one text per part of the pane."""
    w, catalogue, texts = speech.words, speech.w, speech.texts(review)
    entry = goal.entry(period)
    status = Text.assemble((f"{w['status'].capitalize()}: ", "bold"))
    if entry.status is None:
        status.append(w["not assessed"], style="dim")
    else:
        status.append_text(status_text(review, entry.status, texts))
        if review.is_unexplained(goal, period):
            status.append(f"  {UNEXPLAINED_MARK} {w['unexplained']}", style="bold yellow")
    forecast = Text.assemble((f"{w['forecast'].capitalize()}: ", "bold"))
    shown_forecast = speech.shown(review, entry.text("forecast", texts))
    if shown_forecast:
        append_shown(forecast, shown_forecast, catalogue, one_line=True)
    else:
        forecast.append("–")
    comment = Text.assemble((f"{w['comment'].capitalize()}:", "bold"))
    shown_comment = speech.shown(review, entry.text("comment", texts))
    if shown_comment.strip():
        comment.append("\n")
        append_shown(comment, shown_comment, catalogue)
    else:
        comment.append(" –")
    others = Text()
    for other in review.periods:
        if other != period:
            others.append(f"{clean_line(other)} ", style="dim")
            others.append_text(status_text(review, goal.status_in(other), texts))
            others.append("  ")
    heading = Text(f" {clean_line(period)} ", style="bold reverse")
    heading.append(" ")
    objective = speech.shown(review, goal.text("objective", texts))
    append_shown(heading, objective, catalogue, style="bold", one_line=True)
    return {
        "period": heading,
        "status": status,
        "forecast": forecast,
        "comment": comment,
        "measures": measures_text(review, goal, period, speech),
        "verdict": verdict_text(review, goal, period, speech),
        "others": others,
    }


class DetailPane(VerticalScroll, can_focus=True):
    """Scrolls when the text is long; Tab moves focus here to read it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: dict[str, Text | None] = {}
        # which review's which goal is shown, in which language; where each was read to
        self._goal_key: tuple[int, str, str] | None = None
        self._scrolled: dict[tuple[int, str, str], float] = {}

    def compose(self) -> ComposeResult:
        for name in ("period", "status", "forecast", "comment", "measures", "verdict", "others"):
            yield Static(id=name, classes="part one-line" if name in ONE_LINE else "part")
        yield Static(id="goal", classes="part")

    def show(self, review: Review, goal: Goal | None, period: str, speech: Speech) -> None:
        """Show ``goal`` in ``period``; parts whose text is unchanged are left alone."""
        if goal is None:
            parts: dict[str, Text] = {"goal": Text(speech.words["no goals"], "dim")}
            names = ("period", "status", "forecast", "comment", "measures", "verdict")
            parts.update((name, Text()) for name in names)
            parts["others"] = Text()
        else:
            parts = period_parts(review, goal, period, speech)
            key = (id(review), goal.id, speech.language)
            if key != self._goal_key:  # edits never change a goal's own text
                parts["goal"] = goal_text(review, goal, speech)
                if self._goal_key is not None:
                    self._scrolled[self._goal_key] = self.scroll_y
                y = self._scrolled.get(key, 0)
                self.call_after_refresh(self.scroll_to, y=y, animate=False, immediate=True)
            self._goal_key = key
        if goal is None:
            self._goal_key = None
        verdict = self.query_one("#verdict", Static)
        shown = goal is not None and has_verdict(review, goal)
        if verdict.display != shown:  # one height for every status of a goal: no new layout
            verdict.display = shown
        for name, text in parts.items():
            text = readable_text(text, self.rich_style.bgcolor)
            if self._shown.get(name) == text:
                continue
            self._shown[name] = text
            self.query_one(f"#{name}", Static).update(text, layout=name not in ONE_LINE)

    def forget(self) -> None:
        """The review was replaced: draw every part again on the next show."""
        if self._goal_key is not None:
            self._scrolled[self._goal_key] = self.scroll_y
        self._shown.clear()
        self._goal_key = None
