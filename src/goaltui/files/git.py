"""Review files as git keeps them: their versions at a revision, and their history.

git is run as a subprocess (the ``git`` on ``PATH``), never through a library, in a clean
environment: no pager, no colour, no prompt for a password, the C locale so that its words can
be read, ``core.quotepath=off`` so that a path with "ä" in it comes back as it is, literal
pathspecs so that a name with ``*`` or ``:`` is a name, and paths only after ``--``. Every
failure becomes a :class:`GitError` whose message is in the language of diagnostics.

The contents of many versions are read by one ``git cat-file --batch`` process, which streams
them (:meth:`Repository.blobs`): the history of a file of 500 commits is two git processes,
not 500.
"""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import IO

from goaltui.language import _

#: What git puts where an object is absent (an added or a deleted file's other side).
_NO_OBJECT = frozenset({"0" * 40, "0" * 64})
#: Settings that make git's output the same whatever the user's configuration says.
_SETTINGS = (
    "core.quotepath=off",
    "color.ui=never",
    "log.showRoot=true",
    "log.showSignature=false",
    "diff.renames=true",
)
#: The environment variables dropped before git runs: the user's pager, the language of its
#: messages (it speaks C to be read), and settings that would change what its diffs say.
_DROPPED = ("GIT_PAGER", "PAGER", "LANGUAGE", "LC_MESSAGES", "GIT_EXTERNAL_DIFF", "GIT_DIFF_OPTS")


class GitError(Exception):
    """git could not answer: not installed, not a repository, an unknown revision, ...

    ``str(error)`` is the message for the person (exit 2).
    """


@dataclass(frozen=True, slots=True)
class FileChange:
    """What one commit did to one file: its blob before and after (None: absent)."""

    old_blob: str | None
    new_blob: str | None
    old_path: str  # the path before (another one for a rename), relative to the repository
    new_path: str


@dataclass(frozen=True, slots=True)
class Commit:
    """A commit of a file's history, and what it changed in the file."""

    id: str
    parents: tuple[str, ...]
    author: str
    date: datetime  # the author's date
    subject: str
    change: FileChange

    @property
    def short(self) -> str:
        return self.id[:10]


def environment() -> dict[str, str]:
    """The environment git runs in (see the module's docstring)."""
    env = {key: value for key, value in os.environ.items() if key not in _DROPPED}
    env.update(
        LC_ALL="C",
        GIT_PAGER="cat",
        PAGER="cat",
        GIT_TERMINAL_PROMPT="0",
        GIT_OPTIONAL_LOCKS="0",  # reading never takes the index's lock
        GIT_LITERAL_PATHSPECS="1",
    )
    return env


def _nearest_folder(path: Path) -> Path:
    """The nearest folder of ``path`` that exists: a deleted file's folder may be gone too."""
    folder = path if path.is_dir() else path.parent
    folder = folder.absolute()
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    return folder


class Repository:
    """The git repository that holds a folder.

    Paths are relative to the top of the work tree (:attr:`root`), where git runs, except in
    ``REV:./PATH``, which git reads from the folder the repository was found from.
    """

    def __init__(self, folder: Path, root: Path) -> None:
        self.folder = folder  # the folder it was found from
        self.root = root  # the top of the work tree

    @classmethod
    def at(cls, path: Path) -> Repository:
        """The repository holding ``path`` (which need not exist any longer)."""
        folder = _nearest_folder(path)
        found = _run(folder, ["rev-parse", "--show-toplevel"], path=path)
        return cls(folder, Path(found.decode("utf-8", "surrogateescape").rstrip("\n")))

    def run(self, arguments: Sequence[str], *, here: bool = False) -> bytes:
        """git's output; it runs at the top of the work tree, or ``here``: in :attr:`folder`."""
        return _run(self.folder if here else self.root, arguments)

    def relative(self, path: Path) -> str:
        """``path`` relative to the top of the work tree, as git names it ("data/x.toml")."""
        absolute = (Path.cwd() / path) if not path.is_absolute() else path
        absolute = _nearest_folder(absolute).resolve() / _below_nearest(absolute)
        try:
            return PurePosixPath(absolute.relative_to(self.root.resolve())).as_posix()
        except ValueError:
            outside = _("{path} is outside the git repository at {root}")
            raise GitError(outside.format(path=path, root=self.root)) from None

    @property
    def shallow(self) -> frozenset[str]:
        """The commits at which a shallow clone's history ends (none: a whole clone)."""
        where = self.run(["rev-parse", "--git-path", "shallow"]).decode().rstrip("\n")
        try:
            text = (self.root / where).read_text(encoding="ascii")
        except OSError:
            return frozenset()
        return frozenset(text.split())

    def commit(self, revision: str) -> str:
        """The commit ``revision`` names; :class:`GitError` if none does."""
        try:
            found = self.run(
                ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"]
            )
        except GitError:
            if self.shallow:
                beyond = _(
                    'unknown revision "{revision}": this repository is a shallow clone and may '
                    "not reach back that far; fetch its whole history (git fetch --unshallow, "
                    "or fetch-depth: 0 in GitHub Actions)"
                )
                raise GitError(beyond.format(revision=revision)) from None
            unknown = _('unknown revision "{revision}" in the git repository at {root}')
            raise GitError(unknown.format(revision=revision, root=self.root)) from None
        return found.decode().strip()

    def blob(self, revision: str, path: str) -> str | None:
        """The blob of ``path`` at ``revision``, in git's ``REV:PATH`` syntax (``path`` from
        the top of the work tree, or from git's folder when it starts with ``./``); None
        when the revision has no such file (a folder there is none either)."""
        name = f"{revision}:{path}"
        try:
            found = self.run(
                ["rev-parse", "--verify", "--quiet", "--end-of-options", name], here=True
            )
            kind = self.run(["cat-file", "-t", found.decode().strip()])
        except GitError:
            return None
        return found.decode().strip() if kind.strip() == b"blob" else None

    def files(self, commit: str, paths: Sequence[str]) -> dict[str, str]:
        """The files under ``paths`` (relative to the top; none: all) at ``commit``: path ->
        blob."""
        listed = self.run(["ls-tree", "-r", "-z", "--full-tree", commit, "--", *paths])
        found = {}
        for entry in listed.decode("utf-8", "surrogateescape").split("\0"):
            meta, tab, path = entry.partition("\t")
            fields = meta.split()
            if tab and len(fields) == 3 and fields[1] == "blob":
                found[path] = fields[2]
        return found

    def log(self, path: str) -> list[Commit]:
        """The commits that changed ``path`` (relative to the top), newest first, following
        renames; a merge is compared with its first parent."""
        output = self.run(
            [
                "log",
                "--follow",
                "-z",
                "--raw",
                "--no-abbrev",
                "--diff-merges=first-parent",
                "--format=%H%x00%P%x00%an%x00%aI%x00%s",
                "--",
                path,
            ]
        )
        return list(_commits(output.decode("utf-8", "replace")))

    def blobs(self, ids: Iterable[str]) -> Iterator[tuple[str, bytes]]:
        """Each blob's id and bytes, in the order asked, from one ``git cat-file --batch``."""
        process = _start(self.root, ["cat-file", "--batch"])
        assert process.stdin is not None and process.stdout is not None
        wanted = list(ids)
        # A thread feeds the ids while this one reads, so that neither pipe fills and waits.
        feeder = threading.Thread(target=_feed, args=(process.stdin, wanted), daemon=True)
        feeder.start()
        try:
            for blob in wanted:
                yield blob, _read_blob(process.stdout, blob)
        finally:
            process.stdout.close()
            feeder.join()
            process.wait()


def _below_nearest(path: Path) -> Path:
    """The part of ``path`` below its nearest existing folder."""
    folder = _nearest_folder(path)
    return path.relative_to(folder) if path != folder else Path()


def _feed(stream: IO[bytes], ids: Sequence[str]) -> None:
    try:
        for blob in ids:
            stream.write(blob.encode() + b"\n")
        stream.close()
    except (BrokenPipeError, ValueError):  # the reader stopped early
        pass


def _read_blob(stream: IO[bytes], blob: str) -> bytes:
    header = stream.readline().decode("utf-8", "replace").split()
    if len(header) != 3 or header[1] != "blob":
        missing = _("git has no file {blob} (the repository may be incomplete)")
        raise GitError(missing.format(blob=blob[:10]))
    size = int(header[2])
    data = stream.read(size)
    stream.read(1)  # the newline after each object
    return data


def _commits(output: str) -> Iterator[Commit]:
    """The commits of ``git log -z --raw --format=%H%x00%P%x00%an%x00%aI%x00%s``.

    A commit's five fields, each ended by NUL, are followed by its raw changes: a field that
    begins with ":" (after a newline) and one path, or two for a rename or copy. The subject
    and the author hold no NUL, so counting fields is reliable whatever they say.
    """
    fields = output.split("\0")
    i = 0
    head: list[str] | None = None
    while i < len(fields):
        field = fields[i].lstrip("\n")
        if not field:
            i += 1
            continue
        if field.startswith(":") and head is not None:
            meta = field[1:].split()
            status = meta[4] if len(meta) >= 5 else "M"
            two = status[:1] in ("R", "C")
            old_path = fields[i + 1] if i + 1 < len(fields) else ""
            new_path = fields[i + 2] if two and i + 2 < len(fields) else old_path
            old, new = meta[2], meta[3]
            yield Commit(
                id=head[0],
                parents=tuple(head[1].split()),
                author=head[2],
                date=datetime.fromisoformat(head[3]),
                subject=head[4],
                change=FileChange(
                    None if old in _NO_OBJECT else old,
                    None if new in _NO_OBJECT else new,
                    old_path,
                    new_path,
                ),
            )
            head = None  # one file is followed: one change per commit
            i += 3 if two else 2
            continue
        head = fields[i : i + 5]
        head[0] = field
        head += [""] * (5 - len(head))
        i += 5


def _start(folder: Path, arguments: Sequence[str]) -> subprocess.Popen[bytes]:
    try:
        return subprocess.Popen(
            ["git", *_configured(arguments)],
            cwd=folder,
            env=environment(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
    except FileNotFoundError:
        raise GitError(_not_installed()) from None


def _configured(arguments: Sequence[str]) -> list[str]:
    settings = [part for setting in _SETTINGS for part in ("-c", setting)]
    return [*settings, *arguments]


def _run(folder: Path, arguments: Sequence[str], path: Path | None = None) -> bytes:
    try:
        done = subprocess.run(
            ["git", *_configured(arguments)],
            cwd=folder,
            env=environment(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise GitError(_not_installed()) from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace")
        if "not a git repository" in said:
            shown = path if path is not None else folder
            raise GitError(_("{path} is not in a git repository").format(path=shown))
        lines = said.strip().splitlines() or [f"exit status {done.returncode}"]
        # Translators: {said} is git's own message, in English
        failed = _("git {command} failed: {said}")
        raise GitError(failed.format(command=arguments[0], said=lines[-1]))
    return done.stdout


def _not_installed() -> str:
    return _("git is not installed (or not on PATH); goaltui reads the history of files from it")
