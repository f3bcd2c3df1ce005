"""What ``goaltui summary --since REV`` adds: each summarised file's changes since REV, after
its summary, and those of the files gone since, after them all; in the summary's format.

Imported only with ``--since``: a summary without it neither imports nor runs git.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from goaltui.cli.changes import since_diffs
from goaltui.cli.output import say
from goaltui.language import _

if TYPE_CHECKING:
    from rich.console import Console

    from goaltui.outputs.diff import ReviewDiff
    from goaltui.outputs.summary import ReviewSummary, Totals


@dataclass
class SummarySince:
    """What ``summary --since REV`` adds: each summarised file's changes since REV, after its
    summary, and those of the files gone since, after them all."""

    revision: str
    by_path: dict[str, ReviewDiff]
    removed: list[ReviewDiff]
    invalid: bool

    def of(self, summary: ReviewSummary) -> ReviewDiff | None:
        return self.by_path.get(str(summary.path)) if summary.path is not None else None

    def json(self, summaries: Sequence[ReviewSummary]) -> dict[str, Any]:
        """The keyword arguments of summary_json: a "since" in each file, and the removed."""
        from goaltui.outputs.diff_json import review_diff_document

        def after(summary: ReviewSummary) -> dict[str, Any]:
            diff = self.of(summary)
            return {"since": review_diff_document(diff) if diff is not None else None}

        removed = [review_diff_document(diff) for diff in self.removed]
        return {"after": after, "extra": {"since": self.revision, "removed_since": removed}}

    def print_markdown(self, summaries: Sequence[ReviewSummary], total: Totals | None) -> None:
        from goaltui.outputs.diff_markdown import code, review_diff_markdown
        from goaltui.outputs.markdown import summary_markdown

        def heading(diff: ReviewDiff) -> str:
            since = diff.words._("Changes since {revision}")
            return "### " + since.format(revision=code(self.revision))

        removed = "".join("\n" + review_diff_markdown(d, heading(d)) for d in self.removed)

        def after(summary: ReviewSummary) -> str:
            diff = self.of(summary)
            text = "\n" + review_diff_markdown(diff, heading(diff)) if diff is not None else ""
            return text + (removed if summary is summaries[-1] else "")  # before the total

        print(summary_markdown(summaries, total, after) if summaries else removed, end="")

    def print_rich(self, console: Console, summary: ReviewSummary | None) -> None:
        """The changes after ``summary``'s; with None, those of the files removed."""
        from goaltui.outputs.diff_terminal import review_diff_rich

        diffs = self.removed if summary is None else [d for d in [self.of(summary)] if d]
        for diff in diffs:
            console.print()
            console.print(
                review_diff_rich(diff, plain=console.color_system is None), soft_wrap=True
            )


def summary_since(
    arguments: argparse.Namespace, summaries: Sequence[ReviewSummary]
) -> SummarySince | None:
    """The changes since ``arguments.since`` of the files summarised (None: git could not
    say, and said why)."""
    from goaltui.files.git import GitError

    summarised = {str(s.path): s.review for s in summaries if s.path is not None}
    try:
        diffs, invalid = since_diffs(arguments.since, arguments.paths, arguments.lang, summarised)
    except GitError as error:
        say(_("goaltui summary: {error}").format(error=error))
        return None
    by_path = {diff.path: diff for diff in diffs if diff.state != "removed"}
    removed = [diff for diff in diffs if diff.state == "removed"]
    return SummarySince(arguments.since, by_path, removed, invalid)
