"""One goaltui per review file: a lock beside the file, held while the app has it open.

Two goaltui on one file would share one recovery journal, and a save in one would delete
the journal of the other's unsaved edits. So the app takes ``.NAME.goaltui-lock`` beside the
review with ``flock(2)`` before it starts, and writes into it who holds it (pid, host,
since) for the message that a second opener gets. The kernel lets go of a flock when its
process ends in any way (``kill -9`` included): a crash never leaves the file locked. A clean
exit also removes the lock file.

A folder shared between hosts (NFS, SMB) may not share flock locks between them. A lock file
that names another host is therefore not taken silently even when this host may lock it: a
goaltui may still run there. Who holds it is said, and the person decides (``take(...,
break_other_host=True)``, the app's ``--break-lock``).

Only the process that holds the lock replaces or removes the lock file, and a taker checks,
after locking, that the name still leads to the file it locked: a file removed by a quitting
holder in between is never taken by two.

A folder opened whole takes one lock of the same kind for all its files (:func:`take_at` with
the folder's lock file); files/folder_lock.py keeps the two kinds from overlapping.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import time
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from goaltui.files.recovery import private_mode
from goaltui.files.regular import NotRegularFile, open_regular
from goaltui.language import _
from goaltui.text import clean_line

#: This host as lock files name it.
HOST = os.uname().nodename  # gethostname(2), without importing socket on every start
_RECORD_BYTES = 4096  # a lock file is read no further: it is written by goaltui, or junk
_ATTEMPTS = 5


def lock_path(review: Path) -> Path:
    """The lock file of a review: beside the file a link leads to, which is what is saved."""
    if review.is_symlink():
        with contextlib.suppress(OSError, RuntimeError):
            review = review.resolve(strict=True)
    return review.with_name(f".{review.name}.goaltui-lock")


@dataclass(frozen=True, slots=True)
class Holder:
    """Who has a review open, as its lock file says (any part may be unknown)."""

    pid: int | None
    host: str | None
    since: str | None

    @property
    def elsewhere(self) -> bool:
        """Whether it names a host other than this one."""
        return self.host is not None and self.host != HOST

    def __str__(self) -> str:
        if self.pid is not None:
            parts = [_("pid {pid}").format(pid=self.pid)]
        else:
            parts = [_("an unknown process")]
        if self.host is not None:
            parts.append(_("on host {host}").format(host=clean_line(self.host)))
        if self.since is not None:
            since = clean_line(self.since).replace("T", " ")
            # Translators: {time} is when the file was opened, such as 2026-01-31 10:00:00+02:00
            parts.append(_("since {time}").format(time=since))
        return " ".join(parts)


class LockError(Exception):
    """The review could not be locked; nothing was changed."""

    def __init__(self, review: Path, lock: Path, message: str) -> None:
        self.review, self.lock = review, lock
        #: What the person named to open it, for the ways on (``--read-only``): the file,
        #: or the folder it was opened with.
        self.argument = review
        super().__init__(message)


class Held(LockError):
    """Another process holds the lock right now."""

    def __init__(self, review: Path, lock: Path, holder: Holder | None) -> None:
        self.holder = holder
        who = str(holder) if holder is not None else _("a process that did not say who it is")
        # Translators: said after the file's name; {who} is such as: pid 4321 on host lappari
        held = _("is open in another goaltui: {who}").format(who=who)
        super().__init__(review, lock, held)


class HeldElsewhere(LockError):
    """The lock file names another host: a goaltui may run there, which this host cannot see."""

    def __init__(self, review: Path, lock: Path, holder: Holder) -> None:
        self.holder = holder
        unhosted = replace(holder, host=None)  # "pid 4321 since ...": the host is said first
        # Translators: said after the file's name; {holder} is such as: pid 4321 since ...
        opened = _(
            "was opened by goaltui on host {host} ({holder}), and from here it cannot be told "
            "whether that one still runs"
        )
        message = opened.format(host=clean_line(holder.host or "?"), holder=unhosted)
        super().__init__(review, lock, message)


class Lock:
    """A lock this process holds on a review; :meth:`release` (or the process's end) frees it."""

    def __init__(self, review: Path, path: Path, fd: int, record: bytes) -> None:
        self.review, self.path = review, path
        self._fd: int | None = fd
        self._record = record

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Remove the lock file (if it is still this one's) and let go of the lock."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            if _names(self.path, fd) and os.pread(fd, _RECORD_BYTES, 0) == self._record:
                os.unlink(self.path)  # while locked: no one else can have taken it meanwhile
        except OSError:
            pass  # left behind, it is free all the same once closed
        finally:
            os.close(fd)

    def __enter__(self) -> Lock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def take(review: Path, *, break_other_host: bool = False) -> Lock:
    """Lock ``review`` for this process, or raise :class:`LockError` saying why not.

    :class:`Held`: another process holds it. :class:`HeldElsewhere`: the lock file names
    another host, whose goaltui may still run (``break_other_host`` takes it all the same).
    """
    return take_at(review, lock_path(review), break_other_host=break_other_host)


def take_at(review: Path, path: Path, *, break_other_host: bool = False) -> Lock:
    """Lock ``review`` through the lock file ``path`` (a file's, or its folder's): as
    :func:`take`."""
    for _attempt in range(_ATTEMPTS):
        fd, writable = _open(review, path)
        try:
            lock = _lock(review, path, fd, writable, break_other_host)
        except BaseException:
            os.close(fd)
            raise
        if lock is not None:
            return lock
        os.close(fd)
    replaced = _("cannot be locked: {path} keeps being replaced; try again").format(path=path)
    raise LockError(review, path, replaced)


def _open(review: Path, path: Path) -> tuple[int, bool]:
    """The lock file, made with the review's permissions (at most) if it is not there."""
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW
    try:
        return open_regular(path, flags, private_mode(review)), True
    except PermissionError as error:
        denied = error  # the folder's, or a lock file left by another user
    except NotRegularFile as error:
        # Translators: {reason} is such as: is a folder, not a regular file
        not_regular = _("cannot be locked: {path} {reason}").format(path=path, reason=error)
        raise LockError(review, path, not_regular) from None
    except OSError as error:
        raise _cannot(review, path, error) from None
    try:  # another user's lock file can still be locked, then replaced
        return open_regular(path, os.O_RDONLY | os.O_NOFOLLOW), False
    except FileNotFoundError:
        raise _cannot(review, path, denied) from None
    except OSError as error:
        raise _cannot(review, path, error) from None


def _cannot(review: Path, path: Path, error: OSError) -> LockError:
    if error.errno == errno.ELOOP:  # O_NOFOLLOW: a link put where the lock file goes
        said = _(
            "cannot be locked: {path} is a symbolic link, which goaltui does not follow; remove it"
        )
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        said = _("cannot be locked: its lock file {path} cannot be made: the folder is read-only")
    else:
        said = _("cannot be locked: its lock file {path} cannot be made: {reason}")
    return LockError(review, path, said.format(path=path, reason=error.strerror or error))


def _lock(review: Path, path: Path, fd: int, writable: bool, break_other: bool) -> Lock | None:
    """Lock the open lock file; None when it is no longer the one its name leads to."""
    try:
        _flock(fd, fcntl.LOCK_EX)
    except BlockingIOError:
        raise Held(review, path, holder_of(fd)) from None
    except OSError as error:
        said = _("cannot be locked: {path}: {reason}").format(
            path=path, reason=error.strerror or error
        )
        raise LockError(review, path, said) from None
    if not _names(path, fd):
        return None  # removed or replaced by its last holder before we locked it
    holder = holder_of(fd)
    if holder is not None and holder.elsewhere and not break_other:
        raise HeldElsewhere(review, path, holder)
    if not writable:  # another user's, and free: put this process's own in its place
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        return None
    record = json.dumps(
        {
            "pid": os.getpid(),
            "host": HOST,
            "since": datetime.now().astimezone().isoformat(timespec="seconds"),
        }
    ).encode()
    # Written, then cut to its length: truncating to nothing first would make ext4 flush the
    # file to disk when it is closed (its guard for files rewritten in place), a few
    # milliseconds per file, which a folder of thousands pays on quitting.
    os.pwrite(fd, record, 0)
    os.ftruncate(fd, len(record))
    return Lock(review, path, fd, record)


def _flock(fd: int, operation: int) -> None:
    """``flock(fd, operation)`` without waiting; BlockingIOError while another holds it.

    Tried again after a moment: another goaltui's look at whether a lock is held (a shared
    lock of microseconds, see files/folder_lock.py) must not be taken for a holder.
    """
    for attempt in range(_ATTEMPTS):
        try:
            fcntl.flock(fd, operation | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if attempt == _ATTEMPTS - 1:
                raise
            time.sleep(0.002)


def _names(path: Path, fd: int) -> bool:
    """Whether ``path`` still leads to the open file ``fd``."""
    try:
        now = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (now.st_dev, now.st_ino) == (mine.st_dev, mine.st_ino)


def holder_of(fd: int) -> Holder | None:
    """Who the lock file says holds it; None if it says nothing."""
    try:
        raw = os.pread(fd, _RECORD_BYTES, 0)
    except OSError:
        return None
    if not raw.strip():
        return None
    try:
        record = json.loads(raw.decode("utf-8", "replace"))
    except (ValueError, RecursionError):
        record = None
    if not isinstance(record, dict):
        return Holder(None, None, None)
    pid, host, since = record.get("pid"), record.get("host"), record.get("since")
    return Holder(
        pid if isinstance(pid, int) and not isinstance(pid, bool) else None,
        host if isinstance(host, str) else None,
        since if isinstance(since, str) else None,
    )
