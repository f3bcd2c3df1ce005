"""Writing the comment of one goal in one period, in a text area that holds the current one."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from goaltui.text import clean_line
from goaltui.tui.dialogs.confirm_dialog import ConfirmDialog
from goaltui.tui.keys import Keyed, key


class CommentEditor(Keyed, ModalScreen[str | None]):
    """Answers the new comment (ctrl+s), or None when cancelled (Escape)."""

    def __init__(self, title: str, comment: str | None) -> None:
        super().__init__()
        self.heading = title
        self.original = comment or ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(clean_line(self.heading), style="bold"), classes="title")
            # A TextArea holds text, never markup.
            yield TextArea(self.original, id="comment", soft_wrap=True, tab_behavior="focus")
            yield Static(Text("ctrl+s apply · Esc cancel", style="dim"), classes="hint")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    @key("ctrl+s", "Apply", priority=True)
    def action_apply(self) -> None:
        self.dismiss(self.text)

    @key("escape", "Cancel", priority=True)
    def action_cancel(self) -> None:
        if self.text == self.original:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog("Discard your changes to this comment?", "Discard", "Keep editing"),
            answered,
        )
