"""A review file open for editing: its session of edits, and what the disk holds.

The TUI works on documents; this module knows nothing of Textual. Saving is split in two so
that the slow part can run off the UI thread: :meth:`Document.snapshot` (quick, on the UI
thread) freezes what to write, :func:`write_snapshot` (anywhere) writes it, and
:meth:`Document.saved` (UI thread again) records the result. Edits made while a save runs
stay unsaved and go into the next save.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from goaltui.loading import Fingerprint, ReviewFile, load
from goaltui.model import Review
from goaltui.saving import save
from goaltui.session import Checkpoint, Session


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The review as it was at one point of the session, ready to be written."""

    path: Path
    review: Review
    checkpoint: Checkpoint


@dataclass(frozen=True, slots=True)
class Saved:
    snapshot: Snapshot
    text: str
    fingerprint: Fingerprint


class Document:
    def __init__(self, source: ReviewFile) -> None:
        self.source = source
        self.session = Session(source.review)
        self.saves = 0  # saves made in this run of the app
        self.saved_review: Review | None = None  # what the last of them wrote

    @classmethod
    def open(cls, path: Path) -> Document:
        return cls(load(path))

    @property
    def path(self) -> Path:
        return self.source.path

    @property
    def review(self) -> Review:
        return self.session.review

    @property
    def dirty(self) -> bool:
        return self.session.dirty

    @property
    def name(self) -> str:
        return self.path.name

    def snapshot(self) -> Snapshot:
        """Freeze the review as it is now. Goals are immutable, so a list copy suffices."""
        review = replace(self.review, goals=list(self.review.goals))
        return Snapshot(self.path, review, self.session.checkpoint())

    def saved(self, result: Saved) -> None:
        """Record a finished save: the file now holds the snapshot's state."""
        self.session.mark_saved(result.snapshot.checkpoint)
        self.source = replace(self.source, text=result.text, fingerprint=result.fingerprint)
        self.saves += 1
        self.saved_review = result.snapshot.review


def write_snapshot(snapshot: Snapshot) -> Saved:
    """Write a snapshot to its file (canonical, checked, atomic); safe off the UI thread."""
    text = save(snapshot.review, snapshot.path)
    data = text.encode("utf-8")
    stat = snapshot.path.stat()
    fingerprint = Fingerprint(len(data), stat.st_mtime_ns, hashlib.sha256(data).hexdigest())
    return Saved(snapshot, text, fingerprint)
