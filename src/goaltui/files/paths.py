"""Which review files a command works on: files as given, folders searched for ``*.toml``."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from goaltui.files.problems import Problem, ReviewError
from goaltui.files.regular import LINK_LOOP
from goaltui.language import _

DEFAULT_FOLDER = Path("data")


@dataclass(frozen=True, slots=True)
class Found:
    """What the arguments of a command name: the files, once each; the problems with the
    arguments; and the files named more than once (the file and the two arguments)."""

    paths: list[Path]
    problems: list[Problem]
    twice: list[tuple[Path, str, str]]


def find(arguments: Sequence[str]) -> Found:
    """The review files named by ``arguments``; with none, every file under ``./data``.

    A folder stands for every ``*.toml`` below it, sorted, leaving out hidden files and
    folders. A file named twice (directly, through a folder or by a link) is listed once.
    Problems (a missing path, an empty folder) are returned beside the files found, so that a
    command can go on with the others.
    """
    if not arguments and not DEFAULT_FOLDER.is_dir():
        raise ReviewError.single(
            DEFAULT_FOLDER, _("no review file given, and there is no ./data folder")
        )
    unique: dict[tuple[int, int], Path] = {}
    seen: dict[tuple[int, int], str] = {}
    twice: list[tuple[Path, str, str]] = []
    problems: list[Problem] = []
    for argument in arguments or [str(DEFAULT_FOLDER)]:
        for path, identity in _expand(argument, problems):
            unique.setdefault(identity, path)
            if identity in seen:
                twice.append((path, seen[identity], argument))
            else:
                seen[identity] = argument
    return Found(list(unique.values()), problems, twice)


def review_paths(arguments: Sequence[str]) -> tuple[list[Path], list[Problem]]:
    """The files and the problems of :func:`find`."""
    found = find(arguments)
    return found.paths, found.problems


def named_twice(arguments: Sequence[str]) -> list[tuple[Path, str, str]]:
    """Files that the arguments name more than once: the file and the two arguments."""
    return find(arguments).twice


def opened_whole(arguments: Sequence[str]) -> list[Path]:
    """The folders among ``arguments`` (with none, ``./data``): each opened whole."""
    return [path for path in map(Path, arguments or [str(DEFAULT_FOLDER)]) if path.is_dir()]


def _identity(path: Path | os.DirEntry[str]) -> tuple[int, int]:
    """The same file under any name: its device and inode."""
    try:
        stat = path.stat()
    except OSError:
        return (-1, hash(Path(path).resolve()))
    return (stat.st_dev, stat.st_ino)


def _expand(argument: str, problems: list[Problem]) -> list[tuple[Path, tuple[int, int]]]:
    """The files one argument names, each with its identity."""
    path = Path(argument)
    if path.is_dir():
        # Sorted as paths sort (part by part), by their parts: comparing the Path objects
        # themselves took a folder of thousands of files longer than listing it.
        files = sorted(_below(path, ()), key=lambda found: found[0])
        if not files:
            problems.append(Problem(path, _("folder holds no review files (*.toml)")))
        return [(file, identity) for _parts, file, identity in files]
    if (missing := _missing(path)) is None:
        return [(path, _identity(path))]  # reading it says what is wrong with it, if anything
    problems.append(Problem(path, missing))
    return []


def _below(
    folder: Path, parts: tuple[str, ...]
) -> Iterator[tuple[tuple[str, ...], Path, tuple[int, int]]]:
    """Every ``*.toml`` file below ``folder`` and not hidden, with no folder link followed
    (as ``Path.rglob`` finds them), with its parts below the folder first named (``parts``
    is the way there) and its identity: one directory listing per folder, and no ``stat``
    per file but the one its identity takes."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        try:
            if entry.is_dir() and not entry.is_symlink():
                yield from _below(folder / name, (*parts, name))
                continue
            if not name.endswith(".toml") or not entry.is_file():
                continue
        except OSError:
            continue
        yield (*parts, name), folder / name, _identity(entry)


def _missing(path: Path) -> str | None:
    """Why there is nothing at ``path`` to work on, if so."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return _("no such file or folder")
    except OSError as error:
        return _(LINK_LOOP) if error.errno == errno.ELOOP else (error.strerror or str(error))
    return None
