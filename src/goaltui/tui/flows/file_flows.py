"""Saves off the UI thread, and changes made on disk by others.

The review screen owns one :class:`FileFlows`; it runs saves in a worker thread and asks the
reviewer whenever the disk and the session disagree. Nothing here drops an edit without the
reviewer having chosen so. The screen is known only as a :class:`FilesHost`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.notifications import SeverityLevel

from goaltui.files.document import ChangedOnDisk, Document, Snapshot, Written, write_snapshot
from goaltui.files.fingerprint import disk_fingerprint
from goaltui.files.loading import ReviewFile
from goaltui.files.pacing import KEYS, Pacer, paced_calls
from goaltui.files.problems import ReviewError, SaveError
from goaltui.language import Words
from goaltui.text import clean_line
from goaltui.tui.flows.host import FilesHost, notify
from goaltui.tui.flows.recovery_offer import RecoveryOffer
from goaltui.tui.speech import speech_of

if TYPE_CHECKING:  # the summary, the merge and the dialogs are imported when first needed
    from goaltui.outputs.summary import ReviewSummary
    from goaltui.review.merge import Conflict, Merge
    from goaltui.tui.dialogs.summary_dialog import DrawnOnce

Outcome = Written | SaveError | ChangedOnDisk
# How long a thread may keep the interpreter while another waits for it, during a save (the
# default is 5 ms): the summary and its dialog are drawn without the Pacer's rests, and
# Textual's own threads (reading keys, writing frames) wait for their turn too.
SAVE_SWITCH_INTERVAL = 0.001


class FileFlows:
    """The saves and the questions about the disk of one screen's documents."""

    def __init__(self, host: FilesHost, documents: Sequence[Document]) -> None:
        self.host = host
        self.documents = documents
        self.save_running = False  # a worker is writing; the next save waits for it
        self._saving: list[Snapshot] = []  # what it writes
        self._then: Callable[[bool], None] | None = None
        self._queued: tuple[Callable[[bool], None] | None, Path | None] | None = None
        self._asking: set[Path] = set()  # files whose change on disk is being asked about
        self._asked: set[tuple[Path, str]] = set()  # disk states already put to the reviewer
        self._recovery = RecoveryOffer(host, documents, self._resolve)

    def _notify(
        self, message: str, title: str = "", severity: SeverityLevel = "information"
    ) -> None:
        notify(self.host, message, title, severity)

    @property
    def w(self) -> Words:
        """goaltui's words in the language the app shows now."""
        return speech_of(self.host.app).w

    # -- saving ----------------------------------------------------------------------

    def start_save(
        self, then: Callable[[bool], None] | None = None, overwrite: Path | None = None
    ) -> None:
        """Save every changed file off the UI thread; ``then(ok)`` runs when all are saved.

        A save asked for while one runs follows it. ``overwrite`` names a file to write even
        if it changed or vanished on disk, and even if it has no unsaved edits.
        """
        if self.save_running:
            if self._queued is not None:  # one save follows, doing what both asked for
                then, overwrite = then or self._queued[0], overwrite or self._queued[1]
            self._queued = (then, overwrite)
            if then is None:
                self._notify(self.w._("Saving… the newest edits are saved right after."))
            return
        dirty = [
            doc
            for doc in self.documents
            if doc.path == overwrite or (doc.dirty and doc.path not in self._asking)
        ]
        pacer = Pacer(claim=KEYS)  # the save's thread leaves the interpreter to the keys
        snapshots = [doc.snapshot(overwrite=doc.path == overwrite, pause=pacer) for doc in dirty]
        periods = [self.host.period_of(doc) for doc in dirty]
        self.save_running = True
        self._then = then
        self._saving = snapshots
        self.host.app.run_worker(
            partial(self._write_in_thread, snapshots, periods, self.w.code),
            thread=True,
            group="save",
            description="save",  # not the snapshots' repr, which is as large as the review
            exit_on_error=False,
        )

    def _write_in_thread(
        self, snapshots: list[Snapshot], periods: list[str], language: str
    ) -> None:
        """In a worker thread: write each snapshot, summarise it, and hand over to the UI."""
        outcomes: list[Outcome] = []
        summaries: list[ReviewSummary] = []
        interval = sys.getswitchinterval()
        sys.setswitchinterval(SAVE_SWITCH_INTERVAL)
        try:
            self._write_each(snapshots, periods, language, outcomes, summaries)
            content = None
            if summaries and self._then is None and self._queued is None:  # a dialog follows
                pause = snapshots[0].pause
                # Imported here, off the UI thread, once the file is written.
                from goaltui.tui.dialogs.summary_dialog import drawn_beforehand, styles_beforehand

                pause()
                try:
                    styled = styles_beforehand(self.host.app, pause)
                    if styled is not None:
                        self.host.app.call_from_thread(styled)
                except Exception:  # read as the dialog is shown, then, which says why
                    pass
                content = drawn_beforehand(summaries, self.host.app, pause)
        finally:
            sys.setswitchinterval(interval)
        self.host.app.call_from_thread(self._save_finished, outcomes, summaries, content)

    def _write_each(
        self,
        snapshots: list[Snapshot],
        periods: list[str],
        language: str,
        outcomes: list[Outcome],
        summaries: list[ReviewSummary],
    ) -> None:
        for snapshot, period in zip(snapshots, periods, strict=True):
            try:
                outcomes.append(write_snapshot(snapshot))
                snapshot.pause()
                # Imported here, off the UI thread, once the file is written.
                from goaltui.outputs.summary import summarize

                snapshot.pause()
                # Its steps go over every goal without a pause of their own (the review's
                # counts): paced call by call, so a key waits for none of them.
                with paced_calls(snapshot.pause):
                    summary = summarize(
                        snapshot.review, snapshot.path, period, language, pause=snapshot.pause
                    )
                summaries.append(summary)
            except (SaveError, ChangedOnDisk) as error:
                outcomes.append(error)
            except Exception as error:  # a bug must not leave the app stuck "saving"
                outcomes.append(SaveError(snapshot.path, f"unexpected error: {error!r}"))

    def _save_finished(
        self,
        outcomes: list[Outcome],
        summaries: list[ReviewSummary],
        content: DrawnOnce | None = None,
    ) -> None:
        """On the UI thread again: record what was written, and say what was not."""
        from goaltui.outputs.summary import summarize
        from goaltui.tui.dialogs.summary_dialog import SummaryDialog

        self.save_running = False
        written = [o for o in outcomes if isinstance(o, Written)]
        for result in written:
            self._document(result.snapshot.path).finish_save(result)
        for summary in summaries:  # the summary at exit is about the period shown now
            if summary.path is not None:
                self._document(summary.path).last_saved_period = summary.period
        saved = {id(result.snapshot) for result in written}
        for snapshot in self._saving:
            if id(snapshot) not in saved:
                self._document(snapshot.path).save_failed(snapshot)
        self._saving = []
        w = self.w
        for error in outcomes:
            if isinstance(error, SaveError):
                if self._document(error.path).read_only:  # nothing journaled: say so
                    kept = w._(
                        "Your edits stay in this goaltui only: opened read-only, it keeps no "
                        "journal of them, so quitting loses them."
                    )
                else:
                    kept = w._("Your edits are kept: fix the cause and save again.")
                self._notify(
                    f"{error.reason}\n{kept}",
                    title=w._("Not saved: {file}").format(file=clean_line(error.path.name)),
                    severity="error",
                )
        changed = [o for o in outcomes if isinstance(o, ChangedOnDisk)]
        self.host.show_state()
        then, self._then = self._then, None
        self._ask_each([(self._document(c.path), c.deleted) for c in changed])
        queued, self._queued = self._queued, None
        if queued is not None:  # asked for while this save ran: its edits are not saved yet
            self.start_save(*queued)
            return
        if then is not None:
            then(len(written) == len(outcomes))
            return
        if written:
            names = ", ".join(clean_line(r.snapshot.path.name) for r in written)
            note = w._("Saved {files}.").format(files=names)
            dialog = SummaryDialog(summaries, note, content)
            # After the frame of the keys answered meanwhile, which the dialog would hide.
            self.host.app.call_after_refresh(self.host.app.push_screen, dialog)
        elif not outcomes:
            doc = self.host.doc
            summary = summarize(doc.review, doc.path, self.host.period_of(doc), w.code)
            note = w._("Nothing to save: every file is as it was.")
            self.host.app.push_screen(SummaryDialog([summary], note))

    def _ask_each(self, changed: list[tuple[Document, bool]]) -> None:
        """Ask about every file that changed on disk, one after the other."""
        if changed:
            (doc, deleted), rest = changed[0], changed[1:]
            self.ask_about_disk(doc, deleted=deleted, then=lambda: self._ask_each(rest))

    def _document(self, path: Path) -> Document:
        return next(doc for doc in self.documents if doc.path == path)

    # -- changes made outside ----------------------------------------------------------

    def check_disk(self) -> None:
        """When the app regains focus: reload clean files that changed, ask about the rest.

        Not while a save runs (its own write would look like a change from outside), nor
        while a dialog is open (an editor's text refers to the goals on screen): the save
        checks the disk itself, and so does the next return of the focus.
        """
        in_front: object = self.host.app.screen  # the host, or a dialog over it
        if self.save_running or in_front is not self.host:
            return
        for doc in self.documents:
            try:
                changed = doc.changed_on_disk()
            except OSError:
                continue  # unreadable for now: the next save will say so
            if not changed:
                continue
            if not doc.dirty and doc.path.exists():
                w, name = self.w, clean_line(doc.name)
                try:
                    doc.reload()
                except ReviewError as error:
                    kept = w._("The version on screen is kept.")
                    self._notify(
                        f"{clean_line(str(error.problems[0]))}\n{kept}",
                        title=w._("{file} changed on disk and is now invalid").format(file=name),
                        severity="warning",
                    )
                    continue
                self.host.document_replaced(doc)
                self._notify(w._("Reloaded {file}: it changed on disk.").format(file=name))
            else:
                self.ask_about_disk(doc, deleted=not doc.path.exists(), once=True)

    def ask_about_disk(
        self,
        doc: Document,
        *,
        deleted: bool = False,
        once: bool = False,
        then: Callable[[], None] | None = None,
    ) -> None:
        """The file changed (or vanished) under unsaved edits: merge, overwrite or reload."""
        state = (doc.path, "deleted" if deleted else _disk_hash(doc.path))
        if once and state in self._asked:
            if then is not None:
                then()
            return
        self._asked.add(state)
        w, name = self.w, clean_line(doc.name)
        count = len(doc.session.unsaved_edits())
        if deleted:
            said = w._("{file} was deleted or moved since you opened it.")
            message = Text(said.format(file=name) + "\n")
            answers = [("overwrite", w._("Write it again"), "w"), ("cancel", w._("Later"), "esc")]
        else:
            said = w._(
                "{file} changed on disk since you opened it (a git pull, an editor or a colleague)."
            )
            message = Text(said.format(file=name) + "\n")
            message.append(
                w._(
                    "Merge re-applies your edits on the new content (you decide where both "
                    "sides changed the same field); Overwrite replaces it with your version; "
                    "Reload drops your edits."
                )
                + "\n",
                style="dim",
            )
            answers = [
                ("merge", w._("Merge"), "m"),
                ("overwrite", w._("Overwrite"), "o"),
                ("reload", w._("Reload"), "r"),
                ("cancel", w._("Later"), "esc"),
            ]
        said = w.ngettext(
            "You have {n} unsaved edit here.", "You have {n} unsaved edits here.", count
        )
        message.append(said.format(n=w.integer(count)))

        def done() -> None:  # the answer and whatever it led to are over
            self._asking.discard(doc.path)
            if then is not None:
                then()

        def answered(answer: str | None) -> None:
            if answer == "merge":
                self.merge(doc, then=done)
            elif answer == "reload":
                self._confirm_reload(doc, count, then=done)
            else:
                if answer == "overwrite":
                    self.start_save(overwrite=doc.path)
                done()

        self._asking.add(doc.path)
        from goaltui.tui.dialogs.choice_dialog import ChoiceDialog

        self.host.app.push_screen(ChoiceDialog(message, answers), answered)

    def _confirm_reload(self, doc: Document, count: int, then: Callable[[], None]) -> None:
        def answered(drop: bool | None) -> None:
            try:
                if drop:
                    self._reload(doc, count)
            finally:
                then()

        w = self.w
        question = w.ngettext(
            "Drop your {n} unsaved edit to {file} and reload it?",
            "Drop your {n} unsaved edits to {file} and reload it?",
            count,
        ).format(n=w.integer(count), file=clean_line(doc.name))
        from goaltui.tui.dialogs.confirm_dialog import ConfirmDialog

        dialog = ConfirmDialog(question, w._("Drop and reload"), w._("Keep"))
        self.host.app.push_screen(dialog, answered)

    def _reload(self, doc: Document, count: int) -> None:
        w = self.w
        try:
            doc.reload()
        except ReviewError as error:
            self._notify(
                clean_line(str(error.problems[0])),
                title=w._("The file on disk is invalid: kept your version"),
                severity="error",
            )
            return
        self.host.document_replaced(doc)
        said = w.ngettext(
            "Reloaded {file}; your {n} edit was dropped.",
            "Reloaded {file}; your {n} edits were dropped.",
            count,
        )
        self._notify(said.format(file=clean_line(doc.name), n=w.integer(count)))

    def merge(self, doc: Document, then: Callable[[], None] | None = None) -> None:
        w = self.w
        try:
            result, disk = doc.merge_from_disk()
        except ReviewError as error:
            self._notify(
                f"{clean_line(str(error.problems[0]))}\n" + w._("Nothing was changed."),
                title=w._("Cannot merge: the file on disk is invalid"),
                severity="error",
            )
            if then is not None:
                then()
            return
        self._resolve(doc, result, disk, "merged", on_cancel=then, then=then)

    def _resolve(
        self,
        doc: Document,
        result: Merge,
        disk: ReviewFile,
        done: str,
        on_cancel: Callable[[], None] | None = None,
        then: Callable[[], None] | None = None,
    ) -> None:
        """Apply a merge onto ``disk``, asking about conflicts and lost edits first."""

        def apply(chosen: list[Conflict] | None) -> None:
            if chosen is None:  # cancelled: nothing changes
                if on_cancel is not None:
                    on_cancel()
                return
            ours = [c.edit(c.theirs, c.ours) for c in chosen]
            doc.apply_merge(result, ours, disk)
            self.host.document_replaced(doc)
            kept, w = len(result.clean) + len(ours), self.w
            if done == "merged":
                said = w.ngettext(
                    "{file}: merged, {n} of your edits re-applied on top of the file on disk. "
                    "ctrl+s saves.",
                    "{file}: merged, {n} of your edits re-applied on top of the file on disk. "
                    "ctrl+s saves.",
                    kept,
                )
            else:
                said = w.ngettext(
                    "{file}: restored, {n} of your edits re-applied on top of the file on "
                    "disk. ctrl+s saves.",
                    "{file}: restored, {n} of your edits re-applied on top of the file on "
                    "disk. ctrl+s saves.",
                    kept,
                )
            self._notify(said.format(file=clean_line(doc.name), n=w.integer(kept)))
            if then is not None:
                then()

        if not result.conflicts and not result.lost:
            apply([])
        else:
            from goaltui.tui.dialogs.conflict_dialog import ConflictDialog

            self.host.app.push_screen(ConflictDialog(doc.name, result), apply)

    # -- crash recovery --------------------------------------------------------------

    def offer_recovery(self) -> None:
        """At start: offer the unsaved edits an earlier session left in its journals."""
        self._recovery.offer()


def _disk_hash(path: Path) -> str:
    try:
        now = disk_fingerprint(path)
    except OSError:
        return "unreadable"
    return now.sha256 if now else "deleted"
