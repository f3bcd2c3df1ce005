"""The detail pane's part on measures, and the header's due date: a goal's indicators in a
period (target, forecast, actual, met or not), the period's actions, and what the status and
the indicators say together.

Texts from the file are cleaned and never read as markup; numbers and dates are the
language's (:mod:`goaltui.language`).
"""

from __future__ import annotations

from rich.text import Text

from goaltui.language import Words
from goaltui.outputs.marks import CONTRADICTS_MARK, NEEDS_ACTIONS_MARK, untranslated_mark
from goaltui.outputs.styled import status_text
from goaltui.review import clock
from goaltui.review.indicators import Indicator, Number
from goaltui.review.model import Goal, Review
from goaltui.text import clean_line
from goaltui.tui.speech import Speech


def value_text(
    w: Words, indicator: Indicator, value: Number | None, unit: str | None = None
) -> str:
    """A value of the indicator with its unit (``unit``: the unit as shown, default the
    file's), in the language: "85,5 %"; "–" for none."""
    if value is None:
        return "–"
    if indicator.unit == "%":
        return w.percent(value)
    shown = w.number(value)
    unit = indicator.unit if unit is None else unit
    return f"{shown} {clean_line(unit)}" if unit else shown


def target_text(w: Words, indicator: Indicator, unit: str | None = None) -> str:
    """ "≥ 85 %", "≤ 45 days", or "–" without a target."""
    if indicator.target is None:
        return "–"
    way = "≤" if indicator.way == "at_most" else "≥"
    return f"{way} {value_text(w, indicator, indicator.target, unit)}"


def measures_text(review: Review, goal: Goal, period: str, speech: Speech) -> Text:
    """The goal's indicators and actions in ``period``, in the language shown (the main
    texts marked where a translation is missing); empty when it has neither.

    It changes only with the values and the actions, not with the status (see
    :func:`verdict_text`), so that cycling a status never changes its height.
    """
    w, texts = speech.w, speech.texts(review)
    entry = goal.entry(period)
    text = Text()
    if goal.indicators:
        text.append(w._("Indicators") + "\n", style="bold underline")
        target, forecast_word, actual_word = w._("target"), w._("forecast"), w._("actual")
        from goaltui.review import measures  # only for a goal with indicators

        for indicator in goal.indicators:
            values = entry.indicator(indicator.id)
            met = measures.indicator_met(indicator, entry)
            mark, style = ("✓", "green") if met else ("✗", "red") if met is False else ("·", "dim")
            text.append(f"{mark} ", style=style)
            text.append(clean_line(speech.shown(review, indicator.text("name", texts))))
            unit = indicator.text("unit", texts).text  # a unit is not marked: it is short
            text.append(f"  {target} {target_text(w, indicator, unit)}", style="dim")
            forecast = value_text(w, indicator, values.forecast if values else None, unit)
            actual = value_text(w, indicator, values.actual if values else None, unit)
            text.append(f"  {forecast_word} {forecast}  {actual_word} {actual}\n")
    actions = entry.actions_in(texts)
    if actions.text:
        text.append(w._("Actions") + "\n", style="bold underline")
        mark = f"{untranslated_mark(review.main_language)} " if actions.untranslated else ""
        for action in actions.text:
            text.append(f"• {mark}{clean_line(action)}\n")
    text.rstrip()
    return text


def has_verdict(review: Review, goal: Goal) -> bool:
    """Whether the goal's verdict line is shown: the same for every status of the goal."""
    return bool(goal.indicators) or any(status.needs_actions for status in review.statuses)


def verdict_text(review: Review, goal: Goal, period: str, speech: Speech) -> Text:
    """One line on what the status and the indicators say together: a contradiction, the
    status the indicators suggest (its label in the language shown), actions needed."""
    text = Text()
    if not has_verdict(review, goal):  # no indicators, no status asking for actions
        return text
    from goaltui.review import measures

    w, entry = speech.w, goal.entry(period)
    shortfalls = measures.contradiction(review, goal, period)
    if shortfalls:
        # Translators: the indicators that fall short while the status says the goal is met
        said = w._("not met: {indicators}")
        names = ", ".join(clean_line(s.indicator.id) for s in shortfalls)
        text.append(f"{CONTRADICTS_MARK} " + said.format(indicators=names), style="bold yellow")
    suggested = measures.suggested_status(review, goal, period)
    if suggested is not None and suggested != entry.status:
        if text:
            text.append("  ")
        text.append(w._("suggested") + ": ", style="dim")
        text.append_text(status_text(review, suggested, speech.texts(review)))
    if measures.needs_actions(review, goal, period):
        if text:
            text.append("  ")
        text.append(f"{NEEDS_ACTIONS_MARK} " + w._("needs actions"), style="bold yellow")
    return text


def due_text(review: Review, period: str, w: Words) -> Text:
    """The period's due date and the days left, or how long overdue: for the header.

    Drawn after every edit: the goals are looked through only when the date is near, and
    only until one without a status is found."""
    day = (review.due or {}).get(period)
    if day is None:
        return Text()
    days_left = (day - clock.today()).days
    days = abs(days_left)
    from goaltui.review import measures  # only for a review with due dates

    near = days_left <= measures.DUE_SOON_DAYS
    unassessed = near and any(goal.status_in(period) is None for goal in review.goals)
    if days_left < 0:
        said = w.ngettext("overdue {n} day", "overdue {n} days", days)
        style = "bold reverse" if unassessed else "dim"  # reversed: readable in every theme
    elif days_left == 0:
        said, style = w._("due today"), "bold reverse"
    else:
        said = w.ngettext("{n} day left", "{n} days left", days)
        style = "bold reverse" if unassessed else "dim"
    shown = Text(w._("due {date}").format(date=w.date(day)) + " ", style="dim")
    shown.append(said.format(n=w.integer(days)), style=style)
    return shown
