"""Every key the review screen answers to, as currently mapped."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from goaltui.model import Status
from goaltui.text import clean_line
from goaltui.tui.keymap import PREFIX, keymap_path
from goaltui.tui.keys import Keyed, key

Row = tuple[str, str, str]  # keys, what they do, the id to remap them by


def key_rows(
    bindings: Iterable[Binding], order: Sequence[Binding], statuses: Sequence[Status], app: App
) -> list[Row]:
    """One row per action, its keys as mapped now, in the order the bindings were declared."""
    rank = {binding.action: i for i, binding in enumerate(order)}
    keys: dict[str, list[str]] = {}
    ids: dict[str, str] = {}
    places: dict[str, int] = {}
    for binding in bindings:
        if not binding.description or binding.system or binding.action.startswith("set_status"):
            continue
        keys.setdefault(binding.description, []).append(app.get_key_display(binding))
        ids.setdefault(binding.description, (binding.id or "").removeprefix(PREFIX))
        places.setdefault(binding.description, rank.get(binding.action, len(rank)))
    rows = [(", ".join(keys[d]), d, ids[d]) for d in sorted(keys, key=lambda d: places[d])]
    numbers = ", ".join(f"{i} {clean_line(s.label)}" for i, s in enumerate(statuses[:9], 1))
    rows.insert(1, (f"1–{min(len(statuses), 9)}", f"Set status: {numbers}", "set-status-N"))
    if app.ENABLE_COMMAND_PALETTE:
        palette = app.get_key_display(Binding(app.COMMAND_PALETTE_BINDING, "command_palette"))
        rows.append((palette, "Commands: light or dark theme, and more", ""))
    return rows


class HelpDialog(Keyed, ModalScreen[None]):
    def __init__(self, keys: Iterable[Row]) -> None:
        super().__init__()
        self.keys = list(keys)

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, pad_edge=False)
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        table.add_column(style="dim", no_wrap=True)
        for keys, description, binding_id in self.keys:
            table.add_row(Text(keys), Text(description), Text(binding_id))
        path = keymap_path()
        shown = f"~/{path.relative_to(Path.home())}" if path.is_relative_to(Path.home()) else path
        hint = Text(f"Esc close · remap keys by their id in {clean_line(str(shown))}")
        with Vertical(classes="dialog"):
            yield Static(Text("Keys", style="bold"), classes="title")
            with VerticalScroll(id="keys"):
                yield Static(table)
            yield Static(hint, classes="hint")

    def on_mount(self) -> None:
        self.query_one("#keys").focus()

    @key("escape,q,question_mark", "Close")
    def action_close(self) -> None:
        self.dismiss(None)
