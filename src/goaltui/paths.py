"""Which review files a command works on: files as given, folders searched for ``*.toml``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from goaltui.problems import Problem, ReviewError

DEFAULT_FOLDER = Path("data")


def review_paths(arguments: Sequence[str]) -> tuple[list[Path], list[Problem]]:
    """The review files named by ``arguments``; with none, every file under ``./data``.

    A folder stands for every ``*.toml`` below it, sorted, leaving out hidden files and
    folders. Problems (a missing path, an empty folder) are collected and raised together.
    """
    if not arguments:
        if not DEFAULT_FOLDER.is_dir():
            raise ReviewError.single(
                DEFAULT_FOLDER, "no review file given, and there is no ./data folder"
            )
        arguments = [str(DEFAULT_FOLDER)]
    found: list[Path] = []
    problems: list[Problem] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*.toml") if p.is_file() and not _hidden(p, path))
            if not files:
                problems.append(Problem(path, "folder holds no review files (*.toml)"))
            found.extend(files)
        elif path.exists():
            found.append(path)
        else:
            problems.append(Problem(path, "no such file or folder"))
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values()), problems


def _hidden(path: Path, below: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(below).parts)
