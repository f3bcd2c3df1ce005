"""The review summary after a save: the same renderables as ``goaltui summary``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice

from rich.console import Console, ConsoleOptions, Group, NewLine, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.filter import LineFilter
from textual.screen import ModalScreen
from textual.widgets import Static

from goaltui.files.pacing import Pause, no_pause, paced_calls
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
#: Seconds between a long summary's first frame (what fits on the screen) and the rest.
REST_AFTER = 0.05


class DrawnOnce:
    """A renderable drawn once for each width it is asked for, then given as those lines.

    Textual asks a widget for its lines several times while it lays out a dialog (its
    height, then its lines, again when the screen is resumed); the summary of 10,000 goals
    takes tens of milliseconds each time, all of it on the thread that answers the keys.
    :meth:`prepare` draws it beforehand, in the save's thread.
    """

    #: Segments drawn between two calls of the pause given to :meth:`prepare`: a fraction
    #: of a millisecond.
    STEP = 200

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable
        self._lines: dict[int, list[list[Segment]]] = {}
        self._measured: dict[int, Measurement] = {}

    def prepare(
        self, console: Console, options: ConsoleOptions, pause: Pause | None = None
    ) -> None:
        """Draw the lines for ``options.max_width`` (any thread), calling ``pause`` every few
        segments; what :meth:`rich.console.Console.render_lines` draws (``pad=False``),
        without holding the console's lock, which the thread answering the keys may want."""
        segments: Iterable[Segment] = console.render(self.renderable, options)
        if pause is not None:
            segments = _paced(segments, pause, self.STEP)
        width = options.max_width
        lines = Segment.split_and_crop_lines(segments, width, pad=False, include_new_lines=False)
        height = None if options.height is None else max(0, options.height)
        drawn = list(islice(lines, None, height))
        if options.height is not None:
            drawn += [[Segment(" " * options.max_width)]] * (options.height - len(drawn))
        self._lines[options.max_width] = drawn

    def top(self, count: int) -> RenderableType:
        """Its first ``count`` lines, for a first frame: where drawn beforehand (else all)."""
        return _Top(self, count)

    def taller_than(self, height: int) -> bool:
        """Whether the lines drawn beforehand (at any width) are more than ``height``."""
        return any(len(lines) > height for lines in self._lines.values())

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


class _Top:
    """The first lines of a :class:`DrawnOnce`."""

    def __init__(self, drawn: DrawnOnce, count: int) -> None:
        self.drawn, self.count = drawn, count

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = self.drawn._lines.get(options.max_width)
        if lines is None:
            yield self.drawn
            return
        newline = Segment.line()
        for line in lines[: self.count]:
            yield from line
            yield newline

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return self.drawn.__rich_measure__(console, options)


def _paced(segments: Iterable[Segment], pause: Pause, step: int) -> Iterator[Segment]:
    for number, segment in enumerate(segments):
        if not number % step:
            pause()
        yield segment


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


def drawn_beforehand(
    summaries: Sequence[ReviewSummary],
    app: App[object],
    pause: Pause = no_pause,
) -> DrawnOnce | None:
    """The dialog's summary drawn for the screen as it is now (any thread: the save's, so
    that the thread answering keys need not), calling ``pause`` every few calls; None if it
    could not be."""
    try:
        with paced_calls(pause):  # the summary's tables are made in one call
            content = summary_content(summaries)
            wide, narrow = content_widths(app.size.width)
            content.prepare(app.console, app.console_options.update_width(narrow))
            if not content.taller_than(app.size.height):  # else shown beside its scroll bar
                content.prepare(app.console, app.console_options.update_width(wide))
    except Exception:  # drawn when shown, then
        return None
    return content


def styles_beforehand(app: App[object], pause: Pause) -> Callable[[], None] | None:
    """In the save's thread: the app's styles with the dialogs' added, parsed, and what puts
    them in place on the UI thread (None if no dialog is needed, or they are there already).

    The first dialog of a session reads them as it is pushed, parsing every style sheet again
    (about 10 ms at 10,000 goals) on the thread that answers the keys; as Textual reloads
    changed style sheets, the copy is parsed here and only restyles the widgets there.
    """
    before = app.stylesheet
    missing = [path for path in STYLES if not before.has_source(str(path), "")]
    if not missing:
        return None
    variables = app.get_css_variables()
    sources = dict(before.source)
    with paced_calls(pause):
        styles = before.copy()
        styles.set_variables(variables)
        styles.source = dict(sources)
        for path in missing:
            styles.read(path)
        styles.parse()

    def put_in_place() -> None:  # not if the styles changed meanwhile: the dialog reads them
        now = app.stylesheet
        if now is before and now.source == sources and app.get_css_variables() == variables:
            app.stylesheet = styles
            styles.update(app)  # and its screens, which are its children

    return put_in_place


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
        height = self.app.size.height
        self._tall = self.content.taller_than(height)
        self._whole = Group(*parts, self.content)
        with Vertical(classes="dialog"):
            scroll = VerticalScroll(id="summary")
            if self._tall:
                # The scroll bar will be needed: laid out with its room from the start, the
                # summary is not laid out and drawn a second time, narrower, once it shows.
                scroll.styles.scrollbar_gutter = "stable"
            with scroll:
                # A long summary comes in two frames: first what fits on the screen, soon
                # after the rest, each drawn line a strip of its own (a few ms per hundred).
                shown = Group(*parts, self.content.top(height)) if self._tall else self._whole
                yield ReadableStatic(shown, id="summary-text")
            hint = speech_of(self.app).w._("Esc close · arrows scroll")
            yield Static(Text(hint), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#summary").focus()
        if self._tall:
            self.set_timer(REST_AFTER, self._show_whole)

    def _show_whole(self) -> None:
        self.query_one("#summary-text", ReadableStatic).update(self._whole)

    @key("escape,q,enter", N_("Close"))
    def action_close(self) -> None:
        self.dismiss(None)
