"""The review summary after a save: the same renderables as ``goaltui summary``."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, NewLine, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.filter import LineFilter
from textual.screen import ModalScreen
from textual.widgets import Static

from goaltui.language import N_
from goaltui.outputs.summary import ReviewSummary
from goaltui.outputs.terminal import summary_rich
from goaltui.tui.contrast import Readable
from goaltui.tui.dialogs import STYLES
from goaltui.tui.keys import Keyed, key
from goaltui.tui.speech import speech_of

# Past this many goals the dialog leaves the goal list out: it would take seconds to lay out,
# and the counts and the attention list are what the meeting reads after a save.
MOST_GOALS = 300
MOST_ITEMS = 25  # of each kind in the attention list


class ReadableStatic(Static):
    """The summary in the scale's colours, each shaded to be readable in the theme."""

    def get_line_filters(self) -> Sequence[LineFilter]:
        return [*super().get_line_filters(), Readable()]


class SummaryDialog(Keyed, ModalScreen[None]):
    CSS_PATH = STYLES

    def __init__(self, summaries: Sequence[ReviewSummary], note: str = "") -> None:
        super().__init__()
        self.summaries = list(summaries)
        self.note = note

    def compose(self) -> ComposeResult:
        parts: list[RenderableType] = []
        if self.note:
            parts += [Text(self.note, style="bold green"), NewLine()]
        for i, summary in enumerate(self.summaries):
            if i:
                parts.append(NewLine())
            parts.append(
                summary_rich(
                    summary, most_goals=MOST_GOALS, most_items=MOST_ITEMS, attention_first=True
                )
            )
        with Vertical(classes="dialog"):
            with VerticalScroll(id="summary"):
                yield ReadableStatic(Group(*parts))
            hint = speech_of(self.app).w._("Esc close · arrows scroll")
            yield Static(Text(hint), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#summary").focus()

    @key("escape,q,enter", N_("Close"))
    def action_close(self) -> None:
        self.dismiss(None)
