"""Replacing a file in one step: the complete old content or the complete new one, always.

The new content goes to a temporary file in the same folder, is flushed to the disk, and is
then moved over the old file with ``os.replace``, which is atomic on POSIX and Windows. A
failure at any step leaves the old file as it was and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shlex
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from goaltui.files.problems import SaveError
from goaltui.files.regular import LINK_LOOP, NotRegularFile
from goaltui.language import _
from goaltui.text import clean_line


def write_atomic(path: Path, data: bytes | Sequence[bytes]) -> None:
    """Replace ``path`` with ``data`` (bytes, or parts of them written one after the other)
    in one step, keeping the file's permissions and owner.

    A symbolic link stays a link: the file it points to is the one replaced.
    """
    try:
        if path.is_symlink():
            path = path.resolve(strict=True)
        old = path.stat()
    except FileNotFoundError:
        old = None  # a new file
    except (OSError, RuntimeError) as error:  # RuntimeError: a loop of links
        reason = _reason(error) if isinstance(error, OSError) else _(LINK_LOOP)
        raise SaveError(path, reason) from None
    if old is not None and not stat.S_ISREG(old.st_mode):
        raise SaveError(path, str(NotRegularFile(path, old.st_mode)))
    if old is not None and not writable(old):
        raise SaveError(path, read_only_reason(path, old))
    folder = path.parent
    temp = _written_beside(path, data, old)
    try:
        os.replace(temp, path)
    except BaseException as error:
        # Already moved or never made: either way nothing is left behind.
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(error, OSError):
            raise SaveError(path, _reason(error)) from None
        raise
    _sync_folder(folder)


def _written_beside(path: Path, data: bytes | Sequence[bytes], old: os.stat_result | None) -> str:
    """A complete, flushed temporary file beside ``path`` holding ``data``, with the mode and
    owner of ``old`` (a new file's without one); nothing is left behind when it fails."""
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise SaveError(path, _reason(error)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            for part in [data] if isinstance(data, bytes) else data:
                handle.write(part)
            handle.flush()
            os.fsync(handle.fileno())
        _take_over(temp, old)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(error, OSError):
            raise SaveError(path, _reason(error)) from None
        raise
    return temp


def write_new(path: Path, data: bytes) -> None:
    """Write ``data`` as the new file ``path`` in one step, never replacing a file.

    :class:`FileExistsError` when ``path`` exists, also when it was made meanwhile: the file is
    linked into place from a complete temporary file, and a link is never made over a name
    that is taken. Where the file system has no links, the name is claimed first (an empty
    file, made only if there is none) and then replaced.
    """
    if path.exists() or path.is_symlink():
        raise FileExistsError(path)
    folder = path.parent
    temp = _written_beside(path, data, None)
    try:
        try:
            os.link(temp, path)
        except FileExistsError:
            raise
        except OSError:  # no links here (some network and FAT file systems)
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
            os.replace(temp, path)
    except FileExistsError:
        raise
    except OSError as error:
        raise SaveError(path, _reason(error)) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)
    _sync_folder(folder)


def writable(status: os.stat_result) -> bool:
    """Whether the file's mode lets this user write it; root counts as the owner.

    A rename in a writable folder would replace a read-only file without a word, and root
    may write anything: the mode bits, not the system's permission check, say what the
    file's owner meant.
    """
    mode, user = status.st_mode, os.geteuid()
    if user in (0, status.st_uid):
        return bool(mode & stat.S_IWUSR)
    if status.st_gid == os.getegid() or status.st_gid in os.getgroups():
        return bool(mode & stat.S_IWGRP)
    return bool(mode & stat.S_IWOTH)


def read_only_reason(path: Path, status: os.stat_result) -> str:
    """What a reviewer is told of a file they may not write, and how to proceed."""
    mode = stat.filemode(status.st_mode)
    shown = clean_line(shlex.quote(str(path)))
    if os.geteuid() in (0, status.st_uid):
        said = _("the file is read-only ({mode}); to allow saving, run: chmod u+w {path}")
        return said.format(mode=mode, path=shown)
    said = _(
        "the file is read-only for you ({mode}, owner uid {uid}); ask its owner to make it writable"
    )
    return said.format(mode=mode, uid=status.st_uid)


def _take_over(temp: str, old: os.stat_result | None) -> None:
    """Give the new file the old one's permissions and, where allowed, its owner."""
    os.chmod(temp, stat.S_IMODE(old.st_mode) if old else 0o644)
    if old is not None and (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
        with contextlib.suppress(OSError):  # only root may give a file away
            os.chown(temp, old.st_uid, old.st_gid)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every system can open a folder for this."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # the file is already replaced; only the durability of the rename is unknown
    finally:
        os.close(fd)


def _reason(error: OSError) -> str:
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _("permission denied: the file or its folder is read-only")
    if error.errno == errno.ENOSPC:
        return _("the disk is full")
    if error.errno == errno.ENOENT:
        return _("its folder no longer exists")
    if error.errno == errno.ELOOP:
        return _(LINK_LOOP)
    return error.strerror or str(error)  # the system's own words
