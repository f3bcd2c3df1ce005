"""Which versions of review files to compare: the two sides of a diff, every file under a
folder now and at a revision, and each commit of a file's history with its versions.

A side is a path, or ``REV:PATH`` in git's own syntax (the path from the top of the work tree,
or from the current folder when it starts with ``./``). A path that exists is a path, also when
it holds a ":"; anything else with a ":" is a revision and a path.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from goaltui.files.git import Commit, GitError, Repository
from goaltui.files.loading import decode, load, load_text
from goaltui.files.paths import DEFAULT_FOLDER, review_paths
from goaltui.files.problems import Problem, ReviewError
from goaltui.files.versions import Versions
from goaltui.language import _
from goaltui.review.model import Review


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a diff: its name as given, its file's path, and the review it holds."""

    name: str
    path: str  # the path alone: "data/x.toml" of "HEAD~1:data/x.toml"
    review: Review


def read_side(argument: str) -> Side:
    """The review that a path or ``REV:PATH`` names.

    Raises :class:`ReviewError` for a file that is not a valid review, :class:`GitError` for
    what git cannot give (no repository, an unknown revision, no such file there).
    """
    path = Path(argument)
    if path.exists() or ":" not in argument:
        return Side(argument, argument, load(path).review)
    revision, _colon, name = argument.partition(":")
    repository = Repository.at(Path.cwd())
    if revision:
        repository.commit(revision)  # says so if the revision is unknown
    blob = repository.blob(revision, name)
    if blob is None:
        absent = _('there is no file "{path}" in revision "{revision}"')
        raise GitError(absent.format(path=name, revision=revision or ":"))
    ((_found, data),) = repository.blobs([blob])
    shown = Path(argument)
    return Side(argument, name, load_text(shown, decode(shown, data)).review)


@dataclass(frozen=True, slots=True)
class Since:
    """A review file now and at a revision: ``path`` None when it is gone now, ``old`` None
    when it was not there then."""

    shown: str  # the file as the diff names it: the path now, or where it was
    path: Path | None
    old_name: str | None  # "REV:data/x.toml"
    old: bytes | None


def since(revision: str, arguments: Sequence[str]) -> tuple[list[Since], list[Problem]]:
    """Every review file under ``arguments`` (default: ./data) and its version at
    ``revision``, with the files that were there then and are gone now; the problems with the
    arguments (a path that is nowhere, now or then)."""
    found: list[Since] = []
    problems: list[Problem] = []
    for argument in arguments or [str(DEFAULT_FOLDER)]:
        path = Path(argument)
        repository = Repository.at(path)
        commit = repository.commit(revision)
        top = repository.relative(path)
        then = {
            name: blob
            for name, blob in repository.files(commit, [top] if top != "." else []).items()
            if _review_file(name, top)
        }
        now, missing = review_paths([argument]) if path.exists() else ([], [])
        if not now and not then:
            problems += missing or [Problem(path, _("no such file or folder"))]
            continue
        pending: list[tuple[str, Path | None, str, str | None]] = []
        for current in now:
            name = repository.relative(current)
            pending.append((str(current), current, name, then.pop(name, None)))
        for name, blob in then.items():
            pending.append((str(_shown(repository, name)), None, name, blob))
        contents = dict(repository.blobs(dict.fromkeys(b for *_, b in pending if b is not None)))
        for shown, now_at, name_then, blob_then in pending:
            old = contents[blob_then] if blob_then is not None else None
            old_name = f"{revision}:{name_then}" if old is not None else None
            found.append(Since(shown, now_at, old_name, old))
    return found, problems


def _review_file(name: str, top: str) -> bool:
    """Whether ``name`` (at a revision) is a review file under ``top``, as a folder's files
    are chosen now: ``*.toml``, no hidden file or folder below it."""
    if name == top:  # a file named as such is taken as it is, as it is now
        return True
    path = PurePosixPath(name)
    if path.suffix != ".toml":
        return False
    below = path.relative_to(top).parts if top != "." else path.parts
    return not any(part.startswith(".") for part in below)


def _shown(repository: Repository, name: str) -> Path:
    """A path of the repository as the user would name it from the current folder."""
    return Path(os.path.relpath(repository.root / name))


def old_review(item: Since) -> Review | None:
    """The version of ``item`` at the revision; :class:`ReviewError` if it is invalid."""
    if item.old is None or item.old_name is None:
        return None
    shown = Path(item.old_name)
    return load_text(shown, decode(shown, item.old)).review


# -- history -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Version:
    """A version of a file in its history: its review, or why it is not a valid one."""

    review: Review | None
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class Step:
    """A commit of a file's history with the file before and after it (None: absent)."""

    commit: Commit
    old: Version | None
    new: Version | None
    #: The commit is where a shallow clone's history ends: its parent is not there.
    cut: bool = False


def file_history(path: Path) -> Iterator[Step]:
    """Each commit that changed the file at ``path``, newest first, following renames, with
    its versions before and after; one git process lists the commits and one reads them all."""
    repository = Repository.at(path)
    commits = repository.log(repository.relative(path))
    shallow = repository.shallow
    versions = Versions(path)
    wanted = [
        blob
        for commit in commits
        for blob in (commit.change.new_blob, commit.change.old_blob)
        if blob is not None
    ]
    stream = repository.blobs(dict.fromkeys(wanted))
    read: dict[str, Version] = {}
    for commit in commits:
        for blob in (commit.change.new_blob, commit.change.old_blob):
            while blob is not None and blob not in read:
                found, data = next(stream)
                read[found] = _version(versions, data)
        cut = commit.id in shallow
        yield Step(
            commit,
            None if cut or commit.change.old_blob is None else read[commit.change.old_blob],
            None if commit.change.new_blob is None else read[commit.change.new_blob],
            cut,
        )


def _version(versions: Versions, data: bytes) -> Version:
    try:
        return Version(versions.load(data))
    except ReviewError as error:
        return Version(None, tuple(error.problems))


# -- the app's --since ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Baseline:
    """What ``goaltui --since REV`` compares the files it opens with: each one's review at
    ``revision``, by its path as opened (None: the file was not there then)."""

    revision: str
    reviews: dict[Path, Review | None]


def baseline(revision: str, paths: Sequence[Path]) -> Baseline:
    """The version at ``revision`` of each of ``paths``; :class:`GitError` for what git cannot
    give, :class:`ReviewError` with the problems of every version that is not a valid review."""
    found, _missing = since(revision, [str(path) for path in paths])
    by_path = {str(item.path): item for item in found if item.path is not None}
    reviews: dict[Path, Review | None] = {}
    problems: list[Problem] = []
    for path in paths:
        item = by_path.get(str(path))
        try:
            reviews[path] = old_review(item) if item is not None else None
        except ReviewError as error:
            problems += error.problems
    if problems:
        raise ReviewError(problems)
    return Baseline(revision, reviews)
