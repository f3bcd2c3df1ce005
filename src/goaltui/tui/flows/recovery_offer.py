"""At start: offer the unsaved edits an earlier session left in its recovery journals.

A journal stays until its edits are restored or discarded: a reviewer who puts the question
off is asked again. A draft in it (text typed in an editor and never applied) is restored by
reopening its editor with the text, once every journal has been asked about. A journal that
cannot be read is moved aside, so that new edits cannot overwrite it, and the reviewer is told
where it went.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from rich.text import Text

from goaltui.files import recovery
from goaltui.files.document import Document
from goaltui.files.loading import ReviewFile
from goaltui.language import Words
from goaltui.text import clean_line
from goaltui.tui.flows.host import FilesHost, notify
from goaltui.tui.speech import speech_of

if TYPE_CHECKING:
    from goaltui.review.merge import Merge


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


Found = tuple[Document, recovery.Journal]


def draft_sentence(doc: Document, draft: recovery.Draft, w: Words) -> str:
    """What the restore question says of a draft: which goal's comment or forecast, when."""
    if draft.field == "comment":
        said = w._("A comment typed for {goal} in {period} was never applied; Restore reopens it.")
    else:
        said = w._("A forecast typed for {goal} in {period} was never applied; Restore reopens it.")
    return said.format(goal=goal_name(doc, draft.goal_id), period=clean_line(draft.period))


def goal_name(doc: Document, goal_id: str, most: int = 60) -> str:
    """A goal as a reviewer knows it, on one line: its objective (cut), or its id if gone."""
    try:
        name = clean_line(doc.review.goal(goal_id).objective)
    except KeyError:
        name = clean_line(goal_id)
    return name if len(name) <= most else name[: most - 1] + "…"


class RecoveryOffer:
    """The journals found at start, put to the reviewer one file after the other."""

    def __init__(self, host: FilesHost, documents: Sequence[Document], resolve: Resolve) -> None:
        self.host = host
        self.documents = documents
        self.resolve = resolve

    @property
    def w(self) -> Words:
        return speech_of(self.host.app).w

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
                w = self.w
                where = "\n" + w._("It is kept as {path}.").format(path=kept) if kept else ""
                title = w._("Recovery journal")
                notify(self.host, f"{error}{where}", title=title, severity="error")
                continue
            if journal is not None and (journal.edits or journal.draft is not None):
                found.append((doc, journal))
        self._offer(found, [])

    def _offer(self, found: list[Found], drafts: list[tuple[Document, recovery.Draft]]) -> None:
        """Ask about the first journal found, then the rest; then reopen the drafts restored."""
        if not found:
            for doc, draft in drafts:
                self.host.open_draft(doc, draft)
            return
        (doc, journal), rest = found[0], found[1:]
        pending = doc.restore(journal)  # those the file holds already are not counted
        count = len(pending.clean) + len(pending.conflicts) + len(pending.lost)
        w, name = self.w, clean_line(doc.name)
        if not count and journal.draft is None:
            # That session's save wrote them all, and it stopped before it knew.
            doc.discard_journal()
            said = w._("{file}: the edits of an earlier session are saved.")
            notify(self.host, said.format(file=name))
            self._offer(rest, drafts)
            return
        message = Text(f"{name}: ", style="bold")
        if count:
            said = w.ngettext(
                "{n} unsaved edit from an earlier session (last at {time}) was never saved.",
                "{n} unsaved edits from an earlier session (last at {time}) were never saved.",
                count,
            )
            message.append(said.format(n=w.integer(count), time=clean_line(journal.written)))
            message.append("\n")
        if journal.draft is not None:
            message.append(draft_sentence(doc, journal.draft, w) + "\n")
        if count and not journal.began_on(doc.source.fingerprint.sha256):
            message.append(w._("The file has changed since; they will be merged into it.") + "\n")
        message.append(w._("Restore them?") if count else w._("Restore it?"))
        restored = drafts if journal.draft is None else [*drafts, (doc, journal.draft)]

        def answered(answer: str | None) -> None:
            # The journal stays until it is restored or discarded: cancelling asks again.
            if answer == "restore":
                doc.draft = journal.draft  # kept in the journal from now on, until applied
                if not count:
                    self._offer(rest, restored)
                    return
                self.resolve(
                    doc,
                    pending,
                    doc.source,
                    "restored",
                    on_cancel=lambda: self._offer(found, drafts),
                    then=lambda: self._offer(rest, restored),
                )
            elif answer == "discard":
                doc.discard_journal()
                said = w._("Discarded the earlier unsaved edits to {file}.")
                notify(self.host, said.format(file=name))
                self._offer(rest, drafts)
            else:
                self._offer(found, drafts)

        answers = [("restore", w._("Restore"), "r"), ("discard", w._("Discard them"), "d")]
        from goaltui.tui.dialogs.choice_dialog import ChoiceDialog  # only with a journal

        self.host.app.push_screen(ChoiceDialog(message, answers), answered)
