"""One lock for a folder opened whole, and the locks of files named one by one kept apart.

``goaltui DIR`` opens every review file below ``DIR``; locking each beside it
(files/lock.py) made and removed thousands of lock files for a large folder, seconds on
starting and quitting. So a folder opened whole is locked once, by ``..goaltui-lock`` in it
(the pattern ``.*.goaltui-lock`` that ignores the files' locks ignores it too, and no file's
lock can have its name), with the same record, flock and checks as a file's lock. A file of
the folder reached through a link from outside it, or in a hidden folder, is locked beside
it as before, as is every file named one by one.

The two kinds exclude each other without making more files. Whoever takes a lock then looks
at the other kind's lock files that exist and would cover the same files (a shared
``flock`` tried without waiting, let go at once): a file's opener at the folder locks of
the folders above it, a folder's opener at the locks of its files and at the folder locks
above and below it. A lock file found held refuses the start, as a held lock does. Since
each looks only after it holds its own lock, two openers of overlapping files can both be
refused, but never both start: the one that looked first looked before the other held its
lock, so the other, looking later, finds the first's lock held.
"""

from __future__ import annotations

import errno
import fcntl
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from goaltui.files.lock import (
    Held,
    HeldElsewhere,
    Holder,
    Lock,
    LockError,
    holder_of,
    take,
    take_at,
)
from goaltui.files.regular import NotRegularFile, open_regular
from goaltui.language import _

#: The name of a folder's lock file, in the folder.
FOLDER_LOCK = "..goaltui-lock"
_SUFFIX = ".goaltui-lock"


def folder_lock_path(folder: Path) -> Path:
    """The lock file of a folder opened whole: in the folder its links lead to."""
    return Path(os.path.realpath(folder)) / FOLDER_LOCK


class FolderHeld(Held):
    """Another goaltui has a folder open whole that holds the file (or the folder) asked for."""

    def __init__(self, review: Path, lock: Path, holder: Holder | None) -> None:
        super().__init__(review, lock, holder)
        self.folder = lock.parent
        who = str(holder) if holder is not None else _("a process that did not say who it is")
        # Translators: said after the file's name; {who} is such as: pid 4321 on host lappari
        said = _("is open in another goaltui, which has the folder {folder} open: {who}")
        self.args = (said.format(folder=self.folder, who=who),)


def take_all(
    paths: Sequence[Path], folders: Sequence[Path] = (), *, break_other_host: bool = False
) -> tuple[list[Lock], list[LockError]]:
    """Lock ``paths`` for this process: those below one of ``folders`` (the folders named,
    opened whole) by the folder's lock, the others each beside it. Every lock, or none and
    the reasons why not."""
    # Real paths are strings here: pathlib's objects cost more than the locking itself
    # for a folder of thousands of files.
    named = {os.path.realpath(folder): folder for folder in reversed(folders)}
    covered: dict[str, list[tuple[Path, str]]] = {real: [] for real in named}
    lone: list[tuple[Path, str]] = []
    reals = _Resolver()
    for path in paths:
        real = reals.of(path)
        owner = next((folder for folder in covered if covers(folder, real)), None)
        if owner is not None:
            covered[owner].append((path, real))
        else:
            lone.append((path, real))
    locks: list[Lock] = []
    refused: list[LockError] = []
    for real, files in covered.items():
        if not files:
            continue
        lock_file = Path(real, FOLDER_LOCK)
        try:
            locks.append(take_at(named[real], lock_file, break_other_host=break_other_host))
        except LockError as error:
            refused.append(error)
    for path, _real in lone:
        try:
            locks.append(take(path, break_other_host=break_other_host))
        except LockError as error:
            refused.append(error)
    if not refused:  # every lock of ours is held: now look at the others' (see above)
        looks = _Looks({os.fspath(lock.path) for lock in locks}, break_other_host)
        for real, files in covered.items():
            if files:
                looks.folder(named[real], real, files)
        for path, real in lone:
            for folder in _above(real):
                looks.at(path, os.path.join(folder, FOLDER_LOCK), path)
        refused = looks.refused
    if refused:
        for lock in locks:
            lock.release()
        return [], refused
    return locks, refused


def covers(folder: str, file: str) -> bool:
    """Whether opening ``folder`` whole opens ``file`` (both real paths): a ``*.toml`` file
    below it, with no hidden file or folder on the way (as files/paths.py finds them)."""
    prefix = folder.rstrip("/") + "/"
    if not file.startswith(prefix):
        return False
    rest = file[len(prefix) :]
    return rest.endswith(".toml") and not any(p.startswith(".") for p in rest.split("/"))


class _Resolver:
    """Real paths, resolving each folder once: thousands of files share a few folders."""

    def __init__(self) -> None:
        self._folders: dict[str, str] = {}

    def of(self, path: Path) -> str:
        if os.path.islink(path):
            return os.path.realpath(path)
        parent, name = os.path.split(os.fspath(path))
        real = self._folders.get(parent)
        if real is None:
            real = self._folders[parent] = os.path.realpath(parent or ".")
        return os.path.join(real, name)


def _above(file: str) -> Iterator[str]:
    """The folders above ``file`` (a real path) whose opening whole would open it."""
    folder = os.path.dirname(file)
    while True:
        if covers(folder, file):
            yield folder
        up = os.path.dirname(folder)
        if up == folder:
            return
        folder = up


class _Looks:
    """Looking at the locks of others that cover the files this process locked, with the
    refusals they give."""

    def __init__(self, mine: set[str], break_other: bool) -> None:
        self.mine, self.break_other = mine, break_other
        self.refused: list[LockError] = []

    def folder(self, argument: Path, real: str, files: list[tuple[Path, str]]) -> None:
        """Every lock that covers a file of the folder ``real``, other than its own."""
        for folder in _above(os.path.join(real, "x.toml")):  # a folder above, opened whole
            if folder != real:
                self.at(argument, os.path.join(folder, FOLDER_LOCK), argument)
        by_folder: dict[str, list[tuple[Path, str]]] = {}
        for path, file in files:
            by_folder.setdefault(os.path.dirname(file), []).append((path, file))
        below: set[str] = set()
        for folder in by_folder:
            while folder != real and folder not in below:
                below.add(folder)
                folder = os.path.dirname(folder)
        for folder in sorted(below):  # a folder below, opened whole
            self.at(argument, os.path.join(folder, FOLDER_LOCK), argument)
        for folder, its_files in by_folder.items():  # its files, opened one by one
            try:
                present: set[str] | None = {
                    name for name in os.listdir(folder) if name.endswith(_SUFFIX)
                }
            except OSError:
                present = None  # then look at each
            for path, file in its_files:
                name = f".{os.path.basename(file)}{_SUFFIX}"
                if present is None or name in present:
                    self.at(path, os.path.join(folder, name), argument)

    def at(self, review: Path, path: str, argument: Path) -> None:
        """Refuse if another goaltui holds the lock file ``path``."""
        if path in self.mine:
            return
        error = look(review, Path(path), break_other_host=self.break_other)
        if error is not None:
            error.argument = argument
            self.refused.append(error)


def look(review: Path, path: Path, *, break_other_host: bool = False) -> LockError | None:
    """Why ``review`` may not be opened because of the lock file ``path``, or None: it is
    held by another process, or names another host (unless ``break_other_host``).

    What could not be locked is no lock: nothing there, a link (never followed), a pipe.
    """
    folder = path.name == FOLDER_LOCK
    try:
        fd = open_regular(path, os.O_RDONLY | os.O_NOFOLLOW)
    except (FileNotFoundError, NotRegularFile):
        return None
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.ENOTDIR):
            return None
        said = _(
            "cannot be opened: {path} cannot be read, so it cannot be told whether another "
            "goaltui has it open: {reason}"
        )
        return LockError(review, path, said.format(path=path, reason=error.strerror or error))
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)  # let go of when closed
        except BlockingIOError:
            holder = holder_of(fd)
            return FolderHeld(review, path, holder) if folder else Held(review, path, holder)
        except OSError:
            return None  # a file system without locks: no goaltui holds it either
        holder = holder_of(fd)
        if holder is not None and holder.elsewhere and not break_other_host:
            return HeldElsewhere(review, path, holder)
        return None
    finally:
        os.close(fd)
