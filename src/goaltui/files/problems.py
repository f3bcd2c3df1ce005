"""Problems found in review files, and the one error type goaltui raises for bad input."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from goaltui.language import _
from goaltui.text import clean_line

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong, and where: ``path:line:col: severity: field: message``.

    The severity ("error", "warning") and the field path are the format's own words, the same
    in every language, so that CI systems and editors can read the line; the message is in the
    language of diagnostics.
    """

    path: Path
    message: str
    severity: Severity = "error"
    line: int | None = None
    col: int | None = None
    field: str | None = None  # e.g. 'goals[id=harrastaminen].periods.Q5'

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    @property
    def location(self) -> str:
        if self.line is None:
            return str(self.path)
        return f"{self.path}:{self.line}:{self.col or 1}"

    @property
    def text(self) -> str:
        """The message with its field path, without the location."""
        return f"{self.field}: {self.message}" if self.field else self.message

    def __str__(self) -> str:
        # Everything here may hold text from the file: keep it to one printable line.
        return clean_line(f"{self.location}: {self.severity}: {self.text}")


class ReviewError(Exception):
    """A review file could not be read or is invalid; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    @classmethod
    def single(
        cls,
        path: Path,
        message: str,
        *,
        line: int | None = None,
        col: int | None = None,
        field: str | None = None,
    ) -> ReviewError:
        return cls([Problem(path, message, line=line, col=col, field=field)])


class SaveError(Exception):
    """A review could not be written; the file on disk is unchanged."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(_("{path}: not saved: {reason}").format(path=path, reason=reason))
