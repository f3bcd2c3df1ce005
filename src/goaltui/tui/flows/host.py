"""What the file flows ask of the screen that shows the documents, and what they tell it."""

from __future__ import annotations

from typing import Any, Protocol

from textual.app import App
from textual.notifications import SeverityLevel

from goaltui.files.document import Document
from goaltui.files.recovery import Draft


class FilesHost(Protocol):
    """The screen, as the file flows see it."""

    @property
    def app(self) -> App[Any]:
        """Textual's app: where dialogs, notifications and workers go."""
        ...

    @property
    def doc(self) -> Document:
        """The document in front."""
        ...

    def period_of(self, doc: Document) -> str:
        """The period under review for ``doc``, as the reviewer has set it on screen."""
        ...

    def document_replaced(self, doc: Document) -> None:
        """``doc`` was reloaded or merged: show its new review."""
        ...

    def show_state(self) -> None:
        """Show again which files have unsaved edits."""
        ...

    def open_draft(self, doc: Document, draft: Draft) -> None:
        """Reopen the editor a draft was typed in, with the draft's text."""
        ...


def notify(
    host: FilesHost, message: str, title: str = "", severity: SeverityLevel = "information"
) -> None:
    """Tell the reviewer; messages quote file names and field paths such as goals[id=x], so
    they are never markup."""
    host.app.notify(message, title=title, severity=severity, timeout=12, markup=False)
