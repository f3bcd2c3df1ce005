"""A review file open for editing: its session of edits, its journal, and what the disk holds.

The TUI works on documents; this module knows nothing of Textual. Saving is split in two so
that the slow part can run off the UI thread: :meth:`Document.snapshot` (quick, on the UI
thread) freezes what to write, :func:`write_snapshot` (anywhere) writes it, and
:meth:`Document.finish_save` (UI thread again) records what was written. Edits made while a
save runs stay unsaved and go into the next save.

A save never overwrites a file that changed on disk since it was read (a ``git pull``, an
editor, a colleague): :func:`write_snapshot` raises :class:`ChangedOnDisk` instead, and the
reviewer chooses to reload, overwrite or merge.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from goaltui.files import recovery
from goaltui.files.atomic import write_atomic
from goaltui.files.canonical import Rendered, render_from
from goaltui.files.chunk_index import ChunkIndex
from goaltui.files.fingerprint import Fingerprint, disk_fingerprint
from goaltui.files.loading import ReviewFile, load
from goaltui.files.pacing import Pause, no_pause
from goaltui.files.problems import SaveError
from goaltui.files.regular import unreadable
from goaltui.language import N_, _
from goaltui.review.model import Review
from goaltui.review.session import Checkpoint, Edit, Session

if TYPE_CHECKING:  # merging is imported when the disk has changed under the session
    from goaltui.review.merge import Merge

#: Why a file opened read-only is not saved, and what to do instead: ``_(READ_ONLY)``.
READ_ONLY = N_(
    "the file is open read-only here (goaltui --read-only), so that another goaltui can "
    "edit it; to save, quit and open it again without --read-only once that one is closed"
)


class ChangedOnDisk(Exception):
    """The file is no longer what was loaded; nothing was written."""

    def __init__(self, path: Path, deleted: bool = False) -> None:
        self.path = path
        self.deleted = deleted
        if deleted:
            said = _("{path} was deleted or moved since it was opened")
        else:
            said = _("{path} changed on disk since it was opened")
        super().__init__(said.format(path=path))


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The review as it was at one point of the session, ready to be written."""

    path: Path
    review: Review
    checkpoint: Checkpoint  # of ``session``: which of its edits the snapshot holds
    session: Session
    expected: Fingerprint | None  # what the disk must still hold; None: overwrite whatever
    before: Rendered  # the text the file holds, to re-read only the goals that changed
    read_only: bool = False  # opened read-only: a save is refused
    # Told the sha256 of the new content before it replaces the file (any thread).
    announce: Callable[[str], None] | None = None
    # Called every few goals while writing (off the UI thread: a goaltui.files.pacing.Pacer).
    pause: Pause = no_pause


@dataclass(frozen=True, slots=True)
class Written:
    """What :func:`write_snapshot` wrote: the snapshot's text, and the file it made."""

    snapshot: Snapshot
    rendered: Rendered
    fingerprint: Fingerprint

    @property
    def text(self) -> str:
        return self.rendered.whole()


class Document:
    """A review file open for editing; or, made with :meth:`later`, one read when first used
    (:meth:`load`), which until then has no edits and is not compared with the disk."""

    def __init__(
        self, source: ReviewFile | None, *, read_only: bool = False, path: Path | None = None
    ) -> None:
        # Read-only: another goaltui holds the file, and its journal. Nothing is written.
        self.read_only = read_only
        self._path = source.path if source is not None else Path(path or "")
        self._source: ReviewFile | None = None
        self._journal_lock = threading.Lock()  # journal writes come from the save too
        self._journaled: list[Edit] = []  # the edits the journal holds
        self._saving: str | None = None  # the content a save is writing (its sha256)
        self.draft: recovery.Draft | None = None  # text typed in an editor, not yet applied
        if source is not None:
            self._take(source)
        self.last_saved_review: Review | None = None  # what the last save of this run wrote
        #: The period the summary of that save was about, which the summary at exit repeats.
        self.last_saved_period: str | None = None
        self.journal_error: str | None = None  # why crash recovery is not working, if so

    def _take(self, source: ReviewFile) -> None:
        """Start from what a file holds: no edits, and its text as the base of the next save."""
        self._source = source
        self._session = Session(source.review, on_change=self.write_journal)
        if source.text:
            self._rendered = Rendered.as_read(source.text, source.review)
        else:  # not kept (load(..., keep_text=False)): the file's sha256 stands in for it
            self._rendered = Rendered.as_hashed(source.fingerprint.sha256, source.review)
        self._index: ChunkIndex | None = None  # made at the first index_some, not on opening
        self._indexed = False

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False) -> Document:
        return cls(load(path, keep_text=False), read_only=read_only)

    @classmethod
    def later(cls, path: Path, *, read_only: bool = False) -> Document:
        """The document of ``path``, read when first used: a folder of thousands of files
        opens with one read, and the others are read while the first is shown."""
        return cls(None, read_only=read_only, path=path)

    @property
    def loaded(self) -> bool:
        return self._source is not None

    def load(self) -> None:
        """Read the file if it has not been; :class:`ReviewError` says what is wrong with it."""
        if self._source is None:
            self._take(load(self._path, keep_text=False))

    @property
    def source(self) -> ReviewFile:
        if self._source is None:
            self.load()
        assert self._source is not None
        return self._source

    @source.setter
    def source(self, source: ReviewFile) -> None:
        self._source = source

    @property
    def session(self) -> Session:
        self.load()
        return self._session

    @property
    def rendered(self) -> Rendered:
        self.load()
        return self._rendered

    @rendered.setter
    def rendered(self, rendered: Rendered) -> None:
        self._rendered = rendered

    @property
    def path(self) -> Path:
        return self._path

    @property
    def review(self) -> Review:
        return self.session.review

    @property
    def dirty(self) -> bool:
        return self._source is not None and self._session.dirty

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def unsaved(self) -> bool:
        """True while quitting would lose something: an edit, or text typed in an editor."""
        return self.dirty or self.draft is not None

    # -- crash recovery --------------------------------------------------------------

    def write_journal(self) -> None:
        """After every change: journal the unsaved edits, or remove the journal if none."""
        if self.read_only or self._source is None:  # not read yet: nothing to journal
            return
        with self._journal_lock:
            edits = self.session.unsaved_edits()
            sha256 = self.source.fingerprint.sha256
            self.journal_error = recovery.write(self.path, sha256, edits, self._saving, self.draft)
            self._journaled = edits

    def keep_draft(self, draft: recovery.Draft | None) -> None:
        """Journal the text being typed in an editor (None: there is none any more)."""
        if draft != self.draft:
            self.draft = draft
            self.write_journal()

    def _saving_now(self, sha256: str) -> None:
        """A save is about to replace the file with this content: the journal says so.

        Called from the thread that saves. Should goaltui stop before the save is recorded,
        the next start knows that the file changed by this save, not by someone else.
        """
        with self._journal_lock:
            self._saving = sha256
            if self._journaled or self.draft is not None:  # a failure is the next edit's
                recovery.write(
                    self.path, self.source.fingerprint.sha256, self._journaled, sha256, self.draft
                )

    def discard_journal(self) -> None:
        self.draft = None
        if self.read_only:
            return
        with self._journal_lock:
            self.journal_error = recovery.remove(self.path)
            self._journaled = []

    def restore(self, journal: recovery.Journal) -> Merge:
        """Sort journaled edits against the file as it is now, for :meth:`apply_merge`.

        If the file is unchanged since the journal began, every edit applies cleanly.
        """
        from goaltui.review.merge import merge

        return merge(self.review, journal.edits)

    # -- the file on disk --------------------------------------------------------------

    def changed_on_disk(self) -> bool:
        if self._source is None:
            return False  # not read yet: it will be read as the disk has it
        now = disk_fingerprint(self.path, self.source.fingerprint)
        if now is not None and now.sha256 == self.source.fingerprint.sha256:
            if now != self.source.fingerprint:  # touched, same content: remember the new time
                self.source = replace(self.source, fingerprint=now)
            return False
        return True

    def reload(self) -> list[Edit]:
        """Read the file again, dropping this session's unsaved edits (which are returned)."""
        dropped = self.session.unsaved_edits() if self.dirty else []
        self._take(load(self.path, keep_text=False))
        self.discard_journal()
        return dropped

    def merge_from_disk(self) -> tuple[Merge, ReviewFile]:
        """Read the disk's version and sort this session's edits against it.

        Returns the merge and what was read, for :meth:`apply_merge` with the conflicting
        edits the reviewer keeps. Raises :class:`~goaltui.files.problems.ReviewError` if the disk's
        file is invalid or gone (then nothing changes here).
        """
        from goaltui.review.merge import merge

        disk = load(self.path, keep_text=False)
        return merge(disk.review, self.session.unsaved_edits()), disk

    def apply_merge(self, result: Merge, ours: list[Edit], disk: ReviewFile | None = None) -> None:
        """Take ``disk`` (the file as read for the merge), then re-apply the edits kept.

        Without ``disk`` the file is read again. A restore passes the file as it was opened:
        its review has no edits yet.
        """
        if disk is None:
            disk = load(self.path, keep_text=False)
        if disk is not self.source:
            self._take(disk)
        self.session.on_change = None  # one journal write for all of them, not one each
        for edit in [*result.clean, *ours]:
            self.session.apply(edit)
        self.session.on_change = self.write_journal
        self.write_journal()

    # -- saving ----------------------------------------------------------------------

    def index_some(self, count: int) -> bool:
        """Find the pieces of the text as read of the next ``count`` goals, so that the first
        save re-reads only the goals edited (:mod:`goaltui.files.chunk_index`); False once
        there is nothing left to find (also for a file not read yet: a small one, read later)."""
        if self._source is None or self._indexed:
            return False
        index = self._index
        if index is None:
            index = self._index = ChunkIndex(self.rendered, self.source.review)
        if index.rendered is not self.rendered:  # saved or reloaded since: known already
            index.failed = True
        index.step(count)
        if index.done:
            self._index, self._indexed = None, True
            found = index.result()
            if found is not None:
                self.rendered = found
        return not self._indexed

    def snapshot(self, *, overwrite: bool = False, pause: Pause = no_pause) -> Snapshot:
        """Freeze the review as it is now. Goals are immutable, so a list copy suffices."""
        review = replace(self.review, goals=list(self.review.goals))
        expected = None if overwrite else self.source.fingerprint
        return Snapshot(
            self.path,
            review,
            self.session.begin_save(),
            self.session,
            expected,
            self.rendered,
            self.read_only,
            self._saving_now,
            pause,
        )

    def finish_save(self, written: Written) -> None:
        """Record a finished save: the file now holds the snapshot's state.

        If the document was reloaded or merged while the save ran, the snapshot belongs to a
        session that is gone: nothing is marked saved, and the next save finds the file
        changed and asks.
        """
        self.last_saved_review = written.snapshot.review
        if written.snapshot.session is not self.session:
            return
        text = written.rendered.text  # "" when not kept, as for a file opened (keep_text)
        self.source = replace(self.source, text=text, fingerprint=written.fingerprint)
        self._saving = None  # the file holds it now: the next journal starts from it
        self.rendered = written.rendered
        self._index, self._indexed = None, True  # every piece of the text is known now
        self.session.mark_saved(written.snapshot.checkpoint)

    def save_failed(self, snapshot: Snapshot) -> None:
        """Record that the save of ``snapshot`` wrote nothing."""
        snapshot.session.save_failed(snapshot.checkpoint)


def write_snapshot(snapshot: Snapshot) -> Written:
    """Write a snapshot to its file (canonical, checked, atomic); safe off the UI thread.

    Raises :class:`ChangedOnDisk` when the file is not what the snapshot expects, and
    :class:`~goaltui.files.canonical.SaveError` when it cannot be written; the file is untouched.
    """
    if snapshot.read_only:
        raise SaveError(snapshot.path, _(READ_ONLY))
    if snapshot.expected is not None:
        try:
            now = disk_fingerprint(snapshot.path, snapshot.expected)
        except OSError as error:
            raise SaveError(snapshot.path, unreadable(error)) from None
        if now is None:
            raise ChangedOnDisk(snapshot.path, deleted=True)
        if now.sha256 != snapshot.expected.sha256:
            raise ChangedOnDisk(snapshot.path)
    pause = snapshot.pause
    rendered = render_from(snapshot.review, snapshot.path, snapshot.before, pause, keep_text=False)
    parts = rendered.encoded(pause)
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part)  # without the interpreter's lock: the keys are answered meanwhile
    sha256 = digest.hexdigest()
    if rendered.sha256 is None and not rendered.text:  # what proves the text not kept
        rendered = replace(rendered, sha256=sha256)
    if snapshot.announce is not None:
        snapshot.announce(sha256)
    write_atomic(snapshot.path, parts)
    stat = os.stat(snapshot.path)
    size = sum(len(part) for part in parts)
    return Written(snapshot, rendered, Fingerprint(size, stat.st_mtime_ns, sha256))
