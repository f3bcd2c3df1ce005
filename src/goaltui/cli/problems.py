"""How ``goaltui check`` writes the problems it finds: as lines, or as a CI system reads them.

``text`` is ``path:line:col: error|warning: field: message``, a line each as it is found;
``github`` is a workflow command each (:func:`goaltui.outputs.ci.github_commands`); ``gitlab``
is one Code Quality report of them all, written at the end.
"""

from __future__ import annotations

from collections.abc import Sequence

from goaltui.files.problems import Problem


class ProblemOutput:
    """Writes problems to standard output in one of ``check``'s formats."""

    def __init__(self, format: str) -> None:
        self.format = format
        self.kept: list[Problem] = []

    def write(self, problems: Sequence[Problem]) -> None:
        if self.format == "github":
            from goaltui.outputs.ci import github_commands

            for command in github_commands(problems):
                print(command)
        elif self.format == "gitlab":
            self.kept += problems
        else:
            for problem in problems:
                print(problem)

    def close(self) -> None:
        if self.format == "gitlab":
            from goaltui.outputs.ci import code_quality

            print(code_quality(self.kept))
