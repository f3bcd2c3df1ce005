"""Editing a goal's indicators in one period: each one's forecast and actual, as numbers.

A number is read as the review's language writes it (a decimal comma in Finnish and Swedish,
see :meth:`goaltui.language.Words.parse_number`); one that is not a number is refused where it
was typed, with the language's message under it. The status the values typed suggest is shown
as they are typed, and one key applies the values together with it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from goaltui.language import N_, NotANumber
from goaltui.outputs.styled import status_text
from goaltui.review import measures
from goaltui.review.indicators import IndicatorValue, Number
from goaltui.review.model import Goal, Review
from goaltui.text import clean_line
from goaltui.tui.dialogs import STYLES
from goaltui.tui.dialogs.confirm_dialog import close_or_ask
from goaltui.tui.keys import Keyed, key
from goaltui.tui.speech import Speech
from goaltui.tui.widgets.measures_part import target_text

#: An indicator's forecast and actual, by its id.
Values = dict[str, tuple[Number | None, Number | None]]


@dataclass(frozen=True, slots=True)
class IndicatorAnswer:
    """What the reviewer applied: every indicator's values, and the status to set, if asked."""

    values: Values
    status: str | None = None
    set_status: bool = False


class IndicatorDialog(Keyed, ModalScreen[IndicatorAnswer | None]):
    """Enter (or ctrl+s) applies the values, ctrl+t applies them and the status they suggest,
    Escape cancels (asking first if a value was changed). A field left empty removes that
    value."""

    CSS_PATH = STYLES

    what = "indicators"

    def __init__(self, review: Review, goal: Goal, period: str, speech: Speech) -> None:
        super().__init__()
        self.review = review
        self.goal = goal
        self.period = period
        self.speech = speech
        self.words = speech.w
        self.indicators = goal.indicators or ()
        self._typed_at_start: list[str] = []  # the fields' values as the dialog opened

    def compose(self) -> ComposeResult:
        w = self.words
        heading = w._("Indicators {period} · {goal}").format(
            period=clean_line(self.period), goal=clean_line(speech_objective(self))
        )
        entry = self.goal.entry(self.period)
        target, texts = w._("target"), self.speech.texts(self.review)
        with Vertical(classes="dialog"):
            yield Static(Text(heading, style="bold"), classes="title")
            with VerticalScroll(classes="indicators"):
                for i, indicator in enumerate(self.indicators):
                    shown = self.speech.shown(self.review, indicator.text("name", texts))
                    name = Text(clean_line(shown), style="bold")
                    unit = indicator.text("unit", texts).text
                    name.append(f"  {target} {target_text(w, indicator, unit)}", style="dim")
                    yield Static(name, classes="indicator")
                    values = entry.indicator(indicator.id) or IndicatorValue()
                    with Horizontal(classes="values"):
                        yield Static(w._("forecast"), classes="label")
                        yield Input(self._shown(values.forecast), id=f"forecast-{i}")
                        yield Static(w._("actual"), classes="label")
                        yield Input(self._shown(values.actual), id=f"actual-{i}")
                    yield Static("", id=f"error-{i}", classes="error")
            yield Static("", id="suggested", classes="suggested")
            hint = w._("Enter apply · ctrl+t apply with the suggested status · Esc cancel")
            yield Static(Text(hint, style="dim"), classes="hint")

    def _shown(self, value: Number | None) -> str:
        return "" if value is None else self.words.number(value)

    def on_mount(self) -> None:
        self._typed_at_start = self._typed()
        self._suggest()
        if self.indicators:
            self.query_one("#forecast-0", Input).focus()

    # -- reading what is typed ---------------------------------------------------------

    def _read(self, field: Input, unit: str | None) -> Number | None:
        """The number in ``field`` (None when it is empty); raises :class:`NotANumber`."""
        typed = field.value.strip()
        return None if not typed else self.words.parse_number(typed, unit)

    def _typed(self) -> list[str]:
        return [field.value for field in self.query(Input)]

    @property
    def changed(self) -> bool:
        return self._typed() != self._typed_at_start

    def _values(self) -> Values | None:
        """Every indicator's values, or None while one of them is not a number (each such
        field is marked, and its message shown under it)."""
        values: Values = {}
        good = True
        for i, indicator in enumerate(self.indicators):
            problems = []
            read: list[Number | None] = []
            for name in ("forecast", "actual"):
                field = self.query_one(f"#{name}-{i}", Input)
                try:
                    read.append(self._read(field, indicator.unit))
                    field.remove_class("-invalid")
                except NotANumber as error:
                    field.add_class("-invalid")
                    problems.append(str(error))
                    read.append(None)
            self.query_one(f"#error-{i}", Static).update(Text(" · ".join(problems), "bold red"))
            good = good and not problems
            values[indicator.id] = (read[0], read[1])
        return values if good else None

    def _suggested(self, values: Values) -> str | None:
        typed = {ident: IndicatorValue(*pair) for ident, pair in values.items()}
        entry = replace(self.goal.entry(self.period), indicators=typed)
        goal = replace(self.goal, periods={**(self.goal.periods or {}), self.period: entry})
        return measures.suggested_status(self.review, goal, self.period)

    def _suggest(self) -> None:
        values = self._values()
        shown = Text()
        if values is not None:
            suggested = self._suggested(values)
            if suggested is not None:
                shown.append(self.words._("The indicators suggest") + ": ", style="dim")
                shown.append_text(status_text(self.review, suggested))
                shown.append("  (ctrl+t)", style="dim")
        self.query_one("#suggested", Static).update(shown)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._suggest()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_apply()

    # -- the keys ----------------------------------------------------------------------

    @key("ctrl+s", N_("Apply"), priority=True)
    def action_apply(self) -> None:
        values = self._values()
        if values is not None:  # a bad number stays on screen, marked, until it is mended
            self.dismiss(IndicatorAnswer(values))

    @key("ctrl+t", N_("Apply with the suggested status"), priority=True)
    def action_apply_suggested(self) -> None:
        values = self._values()
        if values is None:
            return
        suggested = self._suggested(values)
        self.dismiss(IndicatorAnswer(values, suggested, set_status=suggested is not None))

    @key("escape", N_("Cancel"))
    def action_cancel(self) -> None:
        question = self.words._("Discard the indicator values you typed?")
        close_or_ask(self, self.changed, question, self.close)

    def close(self) -> None:
        self.dismiss(None)


def speech_objective(dialog: IndicatorDialog) -> str:
    """The goal's objective in the language shown (marked where untranslated)."""
    speech, review = dialog.speech, dialog.review
    return speech.shown(review, dialog.goal.text("objective", speech.texts(review)))
