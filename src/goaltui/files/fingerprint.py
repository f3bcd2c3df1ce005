"""What a file on disk looked like when goaltui read or wrote it, to notice changes by others.

A file changed when its content did: sizes and times only spare reading it again when
neither moved (a ``touch`` changes the time, not the content).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from goaltui.files.regular import MAX_FILE_BYTES, read_regular


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A file's size, modification time and content hash."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, data: bytes, mtime_ns: int) -> Fingerprint:
        """The fingerprint of ``data``, as read or written at ``mtime_ns`` (0: not on disk)."""
        return cls(len(data), mtime_ns, hashlib.sha256(data).hexdigest())


def disk_fingerprint(path: Path, known: Fingerprint | None = None) -> Fingerprint | None:
    """The file's fingerprint now (None if it is gone); hashes only when size or time moved."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    if known is not None and (stat.st_size, stat.st_mtime_ns) == (known.size, known.mtime_ns):
        return known
    data, stat = read_regular(path, MAX_FILE_BYTES)  # a folder or a FIFO now: NotRegularFile
    return Fingerprint.of(data, stat.st_mtime_ns)
