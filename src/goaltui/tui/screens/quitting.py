"""Quitting the review screen: asked first when there are unsaved edits (save, discard or
cancel), and the app ends only when nothing is left unsaved."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from goaltui.files.document import Document
from goaltui.tui.dialogs.quit_dialog import QuitAnswer, QuitDialog
from goaltui.tui.screens.editors import open_editors
from goaltui.tui.speech import speech_of

if TYPE_CHECKING:
    from textual.screen import Screen

    from goaltui.tui.flows.file_flows import FileFlows


def ask(screen: Screen[None], documents: Sequence[Document], files: FileFlows) -> None:
    """Quit, asking first when there are unsaved edits: save, discard or cancel.

    Text typed in an open comment or forecast editor counts as unsaved, and "save" applies
    it first. The app exits only when nothing is left unsaved (edits made while the save
    ran are asked about again).
    """
    app = screen.app
    editors = [editor for editor in open_editors(app.screen_stack) if editor.changed]
    w = speech_of(app).w
    unsaved = [doc.name for doc in documents if doc.dirty]
    for editor in editors:
        if editor.what == "comment":
            unsaved.append(w._("the comment being written"))
        else:
            unsaved.append(w._("the forecast being written"))
    if not unsaved:
        app.exit()
        return

    def after_save(ok: bool) -> None:
        if ok and not any(doc.dirty for doc in documents):
            app.exit()
        elif ok:
            ask(screen, documents, files)

    def answered(answer: QuitAnswer | None) -> None:
        if answer == "discard":
            for editor in open_editors(app.screen_stack):
                editor.drafts.forget()
            for doc in documents:
                doc.discard_journal()
            app.exit(answer)  # the terminal is told the edits were discarded
        elif answer == "save":
            for editor in editors:
                editor.commit()
            files.start_save(after_save)

    app.push_screen(QuitDialog(unsaved), answered)
