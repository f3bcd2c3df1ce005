"""Every key the review screen answers to, as currently mapped."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from goaltui.tui.keys import Keyed, key


class HelpDialog(Keyed, ModalScreen[None]):
    def __init__(self, keys: Iterable[tuple[str, str]]) -> None:
        super().__init__()
        self.keys = list(keys)

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, pad_edge=False)
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for keys, description in self.keys:
            table.add_row(Text(keys), Text(description))
        with Vertical(classes="dialog"):
            yield Static(Text("Keys", style="bold"), classes="title")
            with VerticalScroll(id="keys"):
                yield Static(table)
            yield Static(Text("Esc close", style="dim"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#keys").focus()

    @key("escape,q,question_mark", "Close")
    def action_close(self) -> None:
        self.dismiss(None)
