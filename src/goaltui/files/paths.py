"""Which review files a command works on: files as given, folders searched for ``*.toml``."""

from __future__ import annotations

import errno
import os
from collections.abc import Sequence
from pathlib import Path

from goaltui.files.problems import Problem, ReviewError
from goaltui.files.regular import LINK_LOOP
from goaltui.language import _

DEFAULT_FOLDER = Path("data")


def review_paths(arguments: Sequence[str]) -> tuple[list[Path], list[Problem]]:
    """The review files named by ``arguments``; with none, every file under ``./data``.

    A folder stands for every ``*.toml`` below it, sorted, leaving out hidden files and
    folders. A file named twice (directly, through a folder or by a link) is listed once.
    Problems (a missing path, an empty folder) are returned beside the files found, so that a
    command can go on with the others.
    """
    found, problems = _expand(arguments)
    unique: dict[tuple[int, int], Path] = {}
    for path in found:
        unique.setdefault(_identity(path), path)
    return list(unique.values()), problems


def named_twice(arguments: Sequence[str]) -> list[tuple[Path, str, str]]:
    """Files that the arguments name more than once: the file and the two arguments."""
    seen: dict[tuple[int, int], str] = {}
    twice = []
    for argument in arguments or [str(DEFAULT_FOLDER)]:
        for path in _expand([argument])[0]:
            identity = _identity(path)
            if identity in seen:
                twice.append((path, seen[identity], argument))
            else:
                seen[identity] = argument
    return twice


def opened_whole(arguments: Sequence[str]) -> list[Path]:
    """The folders among ``arguments`` (with none, ``./data``): each opened whole."""
    return [path for path in map(Path, arguments or [str(DEFAULT_FOLDER)]) if path.is_dir()]


def _identity(path: Path) -> tuple[int, int]:
    """The same file under any name: its device and inode."""
    try:
        stat = path.stat()
    except OSError:
        return (-1, hash(path.resolve()))
    return (stat.st_dev, stat.st_ino)


def _expand(arguments: Sequence[str]) -> tuple[list[Path], list[Problem]]:
    if not arguments:
        if not DEFAULT_FOLDER.is_dir():
            raise ReviewError.single(
                DEFAULT_FOLDER, _("no review file given, and there is no ./data folder")
            )
        arguments = [str(DEFAULT_FOLDER)]
    found: list[Path] = []
    problems: list[Problem] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*.toml") if p.is_file() and not _hidden(p, path))
            if not files:
                problems.append(Problem(path, _("folder holds no review files (*.toml)")))
            found.extend(files)
        elif (missing := _missing(path)) is None:
            found.append(path)  # reading it says what is wrong with it, if anything
        else:
            problems.append(Problem(path, missing))
    return found, problems


def _missing(path: Path) -> str | None:
    """Why there is nothing at ``path`` to work on, if so."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return _("no such file or folder")
    except OSError as error:
        return _(LINK_LOOP) if error.errno == errno.ELOOP else (error.strerror or str(error))
    return None


def _hidden(path: Path, below: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(below).parts)
