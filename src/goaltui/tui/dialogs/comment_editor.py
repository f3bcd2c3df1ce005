"""Writing the comment of one goal in one period, in a text area that holds the current one.

What is typed is journaled as a draft while it is written (see :mod:`goaltui.tui.drafts`), and
an editor reopened from a draft starts with the draft's text.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from goaltui.language import N_
from goaltui.text import clean, clean_line
from goaltui.tui.dialogs import STYLES
from goaltui.tui.dialogs.confirm_dialog import close_or_ask
from goaltui.tui.drafts import DraftKeeper, Keep
from goaltui.tui.keys import Keyed, key
from goaltui.tui.speech import speech_of


class CommentEditor(Keyed, ModalScreen[None]):
    """ctrl+s hands a changed comment to ``on_apply`` and closes; Escape cancels."""

    CSS_PATH = STYLES

    what = "comment"  # for the quit dialog: "the comment being written"

    def __init__(
        self,
        title: str,
        comment: str | None,
        on_apply: Callable[[str], None],
        keep: Keep | None = None,
        draft: str | None = None,
        language: str = "",
    ) -> None:
        super().__init__()
        self.on_apply = on_apply
        self.heading = title
        self.language = language  # the language the comment is written in, said under it
        # Control characters from the file never reach the terminal, not even in the editor.
        self.original = clean(comment or "")
        self.start = self.original if draft is None else clean(draft)
        self.drafts = DraftKeeper(self, self._draft, keep)

    def compose(self) -> ComposeResult:
        w = speech_of(self.app).w
        with Vertical(classes="dialog"):
            yield Static(Text(clean_line(self.heading), style="bold"), classes="title")
            # A TextArea holds text, never markup.
            yield TextArea(self.start, id="comment", soft_wrap=True, tab_behavior="focus")
            hint = w._("ctrl+s apply · Esc cancel")
            if self.language:
                # Translators: {language} is the language's name in itself: suomi, svenska
                hint = w._("In {language} · ").format(language=self.language) + hint
            yield Static(Text(hint), classes="hint")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def _draft(self) -> str | None:
        return self.text if self.changed else None

    def on_text_area_changed(self) -> None:
        self.drafts.typed()

    def on_screen_suspend(self) -> None:  # a dialog opens over the editor
        self.drafts.now()

    def commit(self) -> None:
        """Hand over the text if it was changed (an untouched comment makes no edit)."""
        if self.changed:
            self.on_apply(self.text)
            self.original = self.text

    @key("ctrl+s", N_("Apply"), priority=True)
    def action_apply(self) -> None:
        self.commit()
        self.close()

    @key("escape", N_("Cancel"), priority=True)
    def action_cancel(self) -> None:
        question = speech_of(self.app).w._("Discard your changes to this comment?")
        close_or_ask(self, self.changed, question, self.close)

    def close(self) -> None:
        self.drafts.close()
        self.dismiss(None)
