"""The review summary after a save: the same renderables as ``goaltui summary``."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, Group, NewLine, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text
from textual.app import App, ComposeResult
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


class DrawnOnce:
    """A renderable drawn once for each width it is asked for, then given as those lines.

    Textual asks a widget for its lines several times while it lays out a dialog (its
    height, then its lines, again when the screen is resumed); the summary of 10,000 goals
    takes tens of milliseconds each time, all of it on the thread that answers the keys.
    :meth:`prepare` draws it beforehand, in the save's thread.
    """

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable
        self._lines: dict[int, list[list[Segment]]] = {}
        self._measured: dict[int, Measurement] = {}

    def prepare(self, console: Console, options: ConsoleOptions) -> None:
        """Draw the lines for ``options.max_width`` (any thread)."""
        self._lines[options.max_width] = console.render_lines(self.renderable, options, pad=False)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = self._lines.get(options.max_width)
        if lines is None:
            self.prepare(console, options)
            lines = self._lines[options.max_width]
        newline = Segment.line()
        for line in lines:
            yield from line
            yield newline

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        measured = self._measured.get(options.max_width)
        if measured is None:
            measured = Measurement.get(console, options, self.renderable)
            self._measured[options.max_width] = measured
        return measured


def summary_content(summaries: Sequence[ReviewSummary]) -> DrawnOnce:
    """What the dialog shows below its note: each summary, attention list first."""
    parts: list[RenderableType] = []
    for i, summary in enumerate(summaries):
        if i:
            parts.append(NewLine())
        shown = summary_rich(summary, MOST_GOALS, MOST_ITEMS, attention_first=True)
        parts.append(shown)
    return DrawnOnce(Group(*parts))


def content_widths(screen_width: int) -> tuple[int, int]:
    """The widths the dialog draws its summary at on a screen this wide, without the scroll
    bar and with it (dialogs.tcss: 95 % of the screen, at most 140, less the border and the
    padding); a width it is not drawn for beforehand is drawn when asked for."""
    inner = min(140, screen_width * 95 // 100) - 2 - 4
    return inner, inner - 2


def drawn_beforehand(summaries: Sequence[ReviewSummary], app: App[object]) -> DrawnOnce | None:
    """The dialog's summary drawn for the screen as it is now (any thread: the save's, so
    that the thread answering keys need not); None if it could not be."""
    try:
        content = summary_content(summaries)
        for width in content_widths(app.size.width):
            content.prepare(app.console, app.console_options.update_width(width))
    except Exception:  # drawn when shown, then
        return None
    return content


class ReadableStatic(Static):
    """The summary in the scale's colours, each shaded to be readable in the theme."""

    def get_line_filters(self) -> Sequence[LineFilter]:
        return [*super().get_line_filters(), Readable()]


class SummaryDialog(Keyed, ModalScreen[None]):
    CSS_PATH = STYLES

    def __init__(
        self, summaries: Sequence[ReviewSummary], note: str = "", content: DrawnOnce | None = None
    ) -> None:
        """``content``: :func:`summary_content` of ``summaries``, made beforehand."""
        super().__init__()
        self.summaries = list(summaries)
        self.note = note
        self.content = content or summary_content(self.summaries)

    def compose(self) -> ComposeResult:
        parts: list[RenderableType] = []
        if self.note:
            parts += [Text(self.note, style="bold green"), NewLine()]
        parts.append(self.content)
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
