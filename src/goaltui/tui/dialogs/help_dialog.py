"""Every key the review screen answers to, as currently mapped."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from goaltui.language import N_
from goaltui.review.model import Review
from goaltui.text import clean_line
from goaltui.tui.dialogs import STYLES
from goaltui.tui.keymap import PREFIX, keymap_path
from goaltui.tui.keys import Keyed, key
from goaltui.tui.speech import Speech, speech_of

Row = tuple[str, str, str]  # keys, what they do, the id to remap them by


def key_rows(
    bindings: Iterable[Binding],
    order: Sequence[Binding],
    review: Review,
    speech: Speech,
    app: App[Any],
) -> list[Row]:
    """One row per action, its keys as mapped now, in the order the bindings were declared,
    in the language of ``speech``."""
    w, statuses, texts = speech.w, review.statuses, speech.texts(review)
    rank = {binding.action: i for i, binding in enumerate(order)}
    keys: dict[str, list[str]] = {}
    ids: dict[str, str] = {}
    places: dict[str, int] = {}
    numbers: dict[int, str] = {}  # the keys of set_status(1), set_status(2), … as mapped now
    for binding in bindings:
        if binding.action.startswith("set_status("):
            number = int(binding.action.removeprefix("set_status(").removesuffix(")"))
            numbers[number] = app.get_key_display(binding)
            continue
        ours = (binding.id or "").startswith(PREFIX) or binding.action == "quit"  # ctrl+q too
        if not binding.description or binding.system or not ours:
            continue  # Textual's own bindings (focus, copy, the palette's) are not goaltui's
        keys.setdefault(binding.description, []).append(app.get_key_display(binding))
        ids.setdefault(binding.description, (binding.id or "").removeprefix(PREFIX))
        places.setdefault(binding.description, rank.get(binding.action, len(rank)))
    ordered = sorted(keys, key=lambda d: places[d])
    rows = [(", ".join(keys[d]), w._(d), ids[d]) for d in ordered]
    shown = [numbers[n] for n in sorted(numbers) if n <= len(statuses)]
    labels = ", ".join(
        f"{k} {clean_line(speech.shown(review, s.text('label', texts)))}"
        for k, s in zip(shown, statuses, strict=False)
    )
    default = shown == [str(n) for n in range(1, len(shown) + 1)]
    keys_shown = f"1–{len(shown)}" if default and len(shown) > 1 else " ".join(shown)
    # Translators: {labels} lists the keys and the statuses they set: 1 Toteutuu, 2 ...
    rows.insert(1, (keys_shown, w._("Set status: {labels}").format(labels=labels), "set-status-N"))
    if app.ENABLE_COMMAND_PALETTE:
        palette = app.get_key_display(Binding(app.COMMAND_PALETTE_BINDING, "command_palette"))
        rows.append((palette, w._("Commands: theme, language, screenshot, and more"), ""))
    return rows


class HelpDialog(Keyed, ModalScreen[None]):
    CSS_PATH = STYLES

    def __init__(self, keys: Iterable[Row]) -> None:
        super().__init__()
        self.keys = list(keys)

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, pad_edge=False)
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        table.add_column(style="italic", no_wrap=True)
        for keys, description, binding_id in self.keys:
            table.add_row(Text(keys), Text(description), Text(binding_id))
        w = speech_of(self.app).w
        path = keymap_path()
        shown = f"~/{path.relative_to(Path.home())}" if path.is_relative_to(Path.home()) else path
        said = w._("Esc close · remap keys by their id in {path}")
        hint = Text(said.format(path=clean_line(str(shown))))
        with Vertical(classes="dialog"):
            yield Static(Text(w._("Keys"), style="bold"), classes="title")
            with VerticalScroll(id="keys"):
                yield Static(table)
            yield Static(hint, classes="hint")

    def on_mount(self) -> None:
        self.query_one("#keys").focus()

    @key("escape,q,question_mark", N_("Close"))
    def action_close(self) -> None:
        self.dismiss(None)
