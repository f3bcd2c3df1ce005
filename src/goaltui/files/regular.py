"""Opening only regular files: a review, a journal or a lock is never a pipe, device or folder.

Reading a named pipe (FIFO) waits for a writer forever, and a device such as ``/dev/zero``
never ends. Such a path is opened without waiting (``O_NONBLOCK``) and then looked at through
the open descriptor (``fstat``), so that nothing swapped in under the same name in between
can slip through; anything but a regular file is refused before a byte is read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from goaltui.language import N_, _, default

#: Files larger than this are refused before parsing: a review of 10,000 goals is ~10 MB.
MAX_FILE_BYTES = 64 * 1024 * 1024

#: What goaltui says of a path whose symbolic links point at each other: ``_(LINK_LOOP)``.
LINK_LOOP = N_("its symbolic links form a loop")


def kind(mode: int) -> str:
    """What a file of this mode is, in a person's words."""
    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISFIFO(mode):
        return _("a named pipe (FIFO)")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    if stat.S_ISCHR(mode):
        return _("a character device")
    if stat.S_ISBLK(mode):
        return _("a block device")
    return _("not a regular file")


class NotRegularFile(OSError):
    """The path names something other than a regular file; nothing was read from it."""

    def __init__(self, path: Path | str, mode: int) -> None:
        self.kind = kind(mode)
        # Translators: said after the file's name; {kind} is such as: a folder
        super().__init__(_("is {kind}, not a regular file").format(kind=self.kind))
        self.path = Path(path)


def open_regular(path: Path | str, flags: int = os.O_RDONLY, mode: int = 0o600) -> int:
    """A descriptor of ``path`` opened with ``flags``, if it is a regular file.

    Raises :class:`NotRegularFile` for anything else, or the OSError of opening it.
    ``mode`` is the permission of a file that ``O_CREAT`` in ``flags`` makes.
    """
    try:
        fd = os.open(path, flags | os.O_NONBLOCK | os.O_CLOEXEC, mode)
    except OSError as error:
        if error.errno != errno.ENXIO:  # a socket, or a FIFO opened for writing
            raise
        try:
            found = os.stat(path).st_mode
        except OSError:
            raise error from None
        raise NotRegularFile(path, found) from None
    try:
        found = os.fstat(fd).st_mode
        if not stat.S_ISREG(found):
            raise NotRegularFile(path, found)
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


class TooLarge(OSError):
    """A file over the size a reader takes: ``size`` bytes, or it ``grew`` past it as read."""

    def __init__(self, path: Path | str, size: int, limit: int, grew: bool = False) -> None:
        self.size, self.limit, self.grew = size, limit, grew
        w = default()
        if grew:
            said = _("grew past the limit of {limit} bytes").format(limit=w.integer(limit))
        else:
            said = _("is {size} bytes, over the limit of {limit} bytes").format(
                size=w.integer(size), limit=w.integer(limit)
            )
        super().__init__(said)
        self.path = Path(path)


def read_regular(path: Path | str, limit: int) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file of at most ``limit`` bytes, and its status when opened.

    A larger file is not read: :class:`TooLarge` says how large it is (or grew while read).
    """
    fd = open_regular(path)
    try:
        status = os.fstat(fd)
        if status.st_size > limit:
            raise TooLarge(path, status.st_size, limit)
        # One read of the size it has, and one byte more to see it end: a buffered read of
        # ``limit`` bytes set aside the whole limit for every file, which thousands of small
        # files paid for.
        data = os.read(fd, status.st_size + 1)
        if len(data) > status.st_size or len(data) < status.st_size:
            data = _read_on(fd, data, limit)  # it grew or shrank while opened
    finally:
        os.close(fd)
    if len(data) > limit:
        raise TooLarge(path, len(data), limit, grew=True)
    return data, status


def _read_on(fd: int, data: bytes, limit: int) -> bytes:
    """Read to the end of the file, or past ``limit``."""
    chunks = [data]
    total = len(data)
    while total <= limit:
        chunk = os.read(fd, min(1 << 20, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def unreadable(error: OSError) -> str:
    """Why a file could not be read, in a person's words (no errno, no exception name)."""
    if error.errno == errno.ELOOP:
        return _(LINK_LOOP)
    if isinstance(error, PermissionError):
        return _("permission denied: the file cannot be read")
    if isinstance(error, FileNotFoundError):
        return _("the file no longer exists")
    return error.strerror or str(error)  # the system's own words
