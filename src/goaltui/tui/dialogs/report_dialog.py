"""Writing a report of the review in front: which document, which format, and where.

The path starts beside the review file, named from it and the period, and follows the choices
until the reviewer types one of their own. Enter (or ctrl+s) answers a
:class:`ReportRequest`; Escape answers None.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, RadioButton, RadioSet, Static

from goaltui.language import N_, Words
from goaltui.outputs.report import ReportKind
from goaltui.outputs.report_formats import FORMATS, Format, default_path
from goaltui.text import clean_line
from goaltui.tui.dialogs import STYLES
from goaltui.tui.keys import Keyed, key

_KINDS: tuple[ReportKind, ...] = ("table", "unmet")


class Choice(RadioButton):
    """A radio button whose glyph says whether it is chosen (● or blank): Textual's own shows
    the same ● either way, told apart by colour alone."""

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "●" if self.value else " "
        return super()._button


@dataclass(frozen=True, slots=True)
class ReportRequest:
    kind: ReportKind
    format: Format
    path: Path


class ReportDialog(Keyed, ModalScreen[ReportRequest | None]):
    """Asks what to write where; ``source`` is the review file, ``period`` the one on screen."""

    CSS_PATH = STYLES

    def __init__(self, words: Words, source: Path, period: str, kind: ReportKind = "table") -> None:
        super().__init__()
        self.words = words
        self.source = source
        self.period = period
        self.kind: ReportKind = kind
        self.format: Format = "html"
        self._default = str(default_path(source, period, kind, self.format))

    def compose(self) -> ComposeResult:
        w = self.words
        title = w._("Write a report of {file}, period {period}").format(
            file=clean_line(self.source.name), period=clean_line(self.period)
        )
        kinds = {
            "table": w._("Review table"),
            "unmet": w._("Binding goals not met"),
        }
        formats = {"html": "HTML", "markdown": "Markdown", "csv": "CSV", "xlsx": "Excel (xlsx)"}
        with Vertical(classes="dialog"):
            yield Static(Text(title, style="bold"), classes="title")
            with Horizontal(classes="choices"):
                with RadioSet(id="kind"):
                    for kind in _KINDS:
                        yield Choice(Text(kinds[kind]), value=kind == self.kind, id=kind)
                with RadioSet(id="format"):
                    for name in FORMATS:
                        yield Choice(Text(formats[name]), value=name == self.format, id=name)
            yield Static(Text(w._("File")), classes="label")
            yield Input(self._default, id="path")
            hint = w._("Enter write · Esc cancel · Tab next field")
            yield Static(Text(hint, style="dim"), classes="hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        chosen = event.pressed.id
        if event.radio_set.id == "kind" and chosen in _KINDS:
            self.kind = "unmet" if chosen == "unmet" else "table"
        elif chosen in FORMATS:
            self.format = next(name for name in FORMATS if name == chosen)
        path = self.query_one(Input)
        if path.value == self._default:  # not typed over: it follows the choices
            self._default = str(default_path(self.source, self.period, self.kind, self.format))
            path.value = self._default

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_write()

    @key("ctrl+s", N_("Write"), priority=True)
    def action_write(self) -> None:
        typed = self.query_one(Input).value.strip()
        if not typed:
            self.app.bell()
            return
        path = Path(typed).expanduser()  # a relative path is the shell's: from where goaltui runs
        self.dismiss(ReportRequest(self.kind, self.format, path))

    @key("escape", N_("Cancel"))
    def action_cancel(self) -> None:
        self.dismiss(None)
