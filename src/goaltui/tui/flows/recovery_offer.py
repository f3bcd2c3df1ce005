"""At start: offer the unsaved edits an earlier session left in its recovery journals.

A journal stays until its edits are restored or discarded: a reviewer who puts the question
off is asked again. A journal that cannot be read is moved aside, so that new edits cannot
overwrite it, and the reviewer is told where it went.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from rich.text import Text

from goaltui.files import recovery
from goaltui.files.document import Document
from goaltui.files.loading import ReviewFile
from goaltui.review.merge import Merge
from goaltui.text import clean_line
from goaltui.tui.dialogs.choice_dialog import ChoiceDialog
from goaltui.tui.flows.host import FilesHost, notify


class Resolve(Protocol):
    """Applies a merge onto a file as read, asking about conflicts and lost edits first."""

    def __call__(
        self,
        doc: Document,
        result: Merge,
        disk: ReviewFile,
        done: str,
        on_cancel: Callable[[], None] | None = None,
        then: Callable[[], None] | None = None,
    ) -> None: ...


class RecoveryOffer:
    """The journals found at start, put to the reviewer one file after the other."""

    def __init__(self, host: FilesHost, documents: Sequence[Document], resolve: Resolve) -> None:
        self.host = host
        self.documents = documents
        self.resolve = resolve

    def offer(self) -> None:
        """Ask about every journal found, one file after the other."""
        found: list[tuple[Document, recovery.Journal]] = []
        for doc in self.documents:
            if doc.read_only:
                continue  # a journal beside it is the other goaltui's, not to be touched
            try:
                journal = recovery.read(doc.path)
            except recovery.JournalError as error:
                kept = recovery.set_aside(doc.path)  # so that new edits cannot overwrite it
                where = f"\nIt is kept as {kept}." if kept else ""
                notify(self.host, f"{error}{where}", title="Recovery journal", severity="error")
                continue
            if journal is not None and journal.edits:
                found.append((doc, journal))
        self._offer(found)

    def _offer(self, found: list[tuple[Document, recovery.Journal]]) -> None:
        if not found:
            return
        (doc, journal), rest = found[0], found[1:]
        pending = doc.restore(journal)  # those the file holds already are not counted
        count = len(pending.clean) + len(pending.conflicts) + len(pending.lost)
        if not count:  # that session's save wrote them all, and it stopped before it knew
            doc.discard_journal()
            notify(self.host, f"{clean_line(doc.name)}: the edits of an earlier session are saved.")
            self._offer(rest)
            return
        message = Text(f"{clean_line(doc.name)}: ", style="bold")
        message.append(
            f"{count} unsaved edit{'s' if count != 1 else ''} from an earlier session "
            f"(last at {clean_line(journal.written)}) {'were' if count != 1 else 'was'} "
            "never saved.\n"
        )
        if not journal.began_on(doc.source.fingerprint.sha256):
            message.append("The file has changed since; they will be merged into it.\n")
        message.append("Restore them?")

        def answered(answer: str | None) -> None:
            # The journal stays until it is restored or discarded: cancelling asks again.
            if answer == "restore":
                self.resolve(
                    doc,
                    doc.restore(journal),
                    doc.source,
                    "restored",
                    on_cancel=lambda: self._offer(found),
                    then=lambda: self._offer(rest),
                )
            elif answer == "discard":
                doc.discard_journal()
                notify(self.host, f"Discarded the earlier unsaved edits to {clean_line(doc.name)}.")
                self._offer(rest)
            else:
                self._offer(found)

        answers = [("restore", "Restore", "r"), ("discard", "Discard them", "d")]
        self.host.app.push_screen(ChoiceDialog(message, answers), answered)
