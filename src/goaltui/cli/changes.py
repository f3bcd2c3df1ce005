"""``goaltui diff``, ``goaltui history`` and ``goaltui textconv``: what changed, from git.

Also what ``goaltui summary --since REV`` adds. git is imported (and run) only by these, so
that ``summary``, ``check`` and ``fmt`` stay as quick as they were. What git cannot answer (not
a repository, an unknown revision, no such file at a revision, git not installed) is a usage
error: a message and exit 2. An invalid review on either side is its problems and exit 1.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from goaltui import language
from goaltui.cli import parsers
from goaltui.files.problems import Problem, ReviewError
from goaltui.language import _, pgettext
from goaltui.text import clean_line

if TYPE_CHECKING:
    from rich.console import Console

    from goaltui.outputs.diff import ReviewDiff
    from goaltui.outputs.diff_terminal import Line
    from goaltui.outputs.summary import ReviewSummary, Totals
    from goaltui.review.model import Review

OK, INVALID, USAGE = 0, 1, 2
FORMATS = ("rich", "markdown", "json")


def _err(message: str) -> None:
    with contextlib.suppress(OSError):
        print(clean_line(message), file=sys.stderr)


def _report(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _words(reviews: Sequence[object], option: str | None) -> language.Words:
    """The words of a diff: the language of its newest review (see review_language)."""
    code = next((getattr(r, "language", None) for r in reviews if r is not None), None)
    return language.catalogue(language.review_language(code, option=option))


# -- goaltui diff ---------------------------------------------------------------------------


def cmd_diff(arguments: argparse.Namespace) -> int:
    from goaltui.files.git import GitError

    try:
        if arguments.since is not None:
            diffs, invalid = since_diffs(arguments.since, arguments.paths, arguments.lang)
        elif len(arguments.paths) != 2:
            two = _("goaltui diff: name two versions, OLD and NEW, or the files with --since REV")
            _err(two)
            return USAGE
        else:
            diffs, invalid = _two(arguments.paths[0], arguments.paths[1], arguments.lang)
    except GitError as error:
        _err(_("goaltui diff: {error}").format(error=error))
        return USAGE
    write_diffs(diffs, arguments.format)
    if invalid:
        return INVALID
    return INVALID if arguments.exit_code and any(diff.changed for diff in diffs) else OK


def _two(old: str, new: str, option: str | None) -> tuple[list[ReviewDiff], bool]:
    from goaltui.files.changes import read_side
    from goaltui.outputs.diff import diff_reviews

    sides = []
    invalid = False
    for argument in (old, new):
        try:
            sides.append(read_side(argument))
        except ReviewError as error:
            _report(error.problems)
            invalid = True
    if invalid:
        return [], True
    before, after = sides
    words = _words([after.review, before.review], option)
    path = after.name.partition(":")[2] if not Path(after.name).exists() else after.name
    diff = diff_reviews(before.review, after.review, words, path or after.name, old, new)
    return [diff], False


def since_diffs(
    revision: str,
    paths: Sequence[str],
    option: str | None,
    loaded: Mapping[str, Review] | None = None,
) -> tuple[list[ReviewDiff], bool]:
    """Each review file under ``paths`` compared with its version at ``revision``; whether
    any version was invalid (its problems said). ``loaded``: the files read already, by
    path. Raises GitError."""
    from goaltui.files.changes import old_review, since
    from goaltui.files.loading import load
    from goaltui.outputs.diff import diff_reviews

    found, problems = since(revision, paths)
    _report(problems)
    invalid = bool(problems)
    diffs = []
    for item in found:
        try:
            old = old_review(item)
            new = None
            if item.path is not None:
                known = (loaded or {}).get(str(item.path))
                new = known if known is not None else load(item.path).review
        except ReviewError as error:
            _report(error.problems)
            invalid = True
            continue
        words = _words([new, old], option)
        new_name = item.shown if item.path is not None else None
        diffs.append(diff_reviews(old, new, words, item.shown, item.old_name, new_name))
    return diffs, invalid


def write_diffs(diffs: Sequence[ReviewDiff], format: str) -> None:
    if format == "json":
        from goaltui.outputs.diff_json import diff_json

        print(diff_json(diffs))
    elif format == "markdown":
        from goaltui.outputs.diff_markdown import diff_markdown

        print(diff_markdown(diffs), end="")
    else:
        from goaltui.outputs.diff_terminal import diff_lines

        _print_lines(lambda plain: diff_lines(diffs, plain))


# -- goaltui history ------------------------------------------------------------------------


def cmd_history(arguments: argparse.Namespace) -> int:
    from goaltui.files.changes import file_history
    from goaltui.files.git import GitError
    from goaltui.outputs.history import history

    path = Path(arguments.path)
    try:
        found = history(str(path), file_history(path), arguments.goal, arguments.lang)
    except GitError as error:
        _err(_("goaltui history: {error}").format(error=error))
        return USAGE
    if not found.revisions:
        if arguments.goal is None:
            none = _("goaltui history: git has no commit of {path}")
            _err(none.format(path=path))
            return USAGE
        none = _('goaltui history: no commit of {path} changed goal "{goal}"')
        _err(none.format(path=path, goal=arguments.goal))
    if arguments.format == "json":
        from goaltui.outputs.diff_json import history_json

        print(history_json(found))
    elif arguments.format == "markdown":
        from goaltui.outputs.diff_markdown import history_markdown

        print(history_markdown(found), end="")
    else:
        from goaltui.outputs.diff_terminal import history_lines

        _print_lines(lambda plain: history_lines(found, plain))
    return OK


def _print_lines(lines: Callable[[bool], Sequence[Line]]) -> None:
    """The lines a writer makes, ``plain`` or styled as the output takes them, each whole."""
    from rich.console import Console, Group

    console = Console(highlight=False)  # on stdout, which is an Output
    if console.color_system is None:  # no styles: what Rich would print is the lines' text
        sys.stdout.write("".join(line.plain + "\n" for line in lines(True)))
    else:
        console.print(Group(*(line.rich() for line in lines(False))), soft_wrap=True)


# -- goaltui textconv -----------------------------------------------------------------------


def cmd_textconv(arguments: argparse.Namespace) -> int:
    """Print the review one fact a line; never fail, so that ``git log -p`` never does."""
    from goaltui.files.loading import decode, load_text
    from goaltui.files.regular import MAX_FILE_BYTES, read_regular, unreadable

    path = Path(arguments.file)
    try:
        data, _stat = read_regular(path, MAX_FILE_BYTES)
    except OSError as error:
        _err(_("goaltui textconv: {path}: {reason}").format(path=path, reason=unreadable(error)))
        return OK
    try:
        review = load_text(path, decode(path, data)).review
    except ReviewError as error:
        raw = _(
            "goaltui textconv: {path} is not a valid review, so it is shown as it is: {problem}"
        )
        _err(raw.format(path=path, problem=error.problems[0].text))
        sys.stdout.flush()
        write_bytes(data)
        return OK
    from goaltui.outputs.facts import review_facts

    for fact in review_facts(review):
        print(fact)
    return OK


def write_bytes(data: bytes) -> None:
    """``data`` to standard output as it is (through goaltui's Output, when it is one)."""
    stream = getattr(sys.stdout, "stream", sys.stdout)
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        sys.stdout.write(data.decode("utf-8", "replace"))
        return
    buffer.write(data)
    buffer.flush()


# -- summary --since ------------------------------------------------------------------------


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

    loaded = {str(s.path): s.review for s in summaries if s.path is not None}
    try:
        diffs, invalid = since_diffs(arguments.since, arguments.paths, arguments.lang, loaded)
    except GitError as error:
        _err(_("goaltui summary: {error}").format(error=error))
        return None
    by_path = {diff.path: diff for diff in diffs if diff.state != "removed"}
    removed = [diff for diff in diffs if diff.state == "removed"]
    return SummarySince(arguments.since, by_path, removed, invalid)


# -- the parsers ----------------------------------------------------------------------------


def _format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="rich",
        help=_(
            "rich: for terminals and CI logs (plain when piped); markdown: for job summaries "
            "and minutes; json: for other tools"
        ),
    )


def _revision() -> str:
    return pgettext("a placeholder in --help: a git revision", "REV")


def diff_parser() -> argparse.ArgumentParser:
    description = _(
        "Show what changed between two versions of a review, goal by goal.\n"
        "\n"
        "  goaltui diff OLD NEW               each a file, or REV:PATH as git names it\n"
        "  goaltui diff --since REV [PATH ...]  every review file under PATH (default ./data)\n"
        "                                     against its version at REV"
    )
    parser = parsers._Parser(
        prog="goaltui diff",
        description=description,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar=pgettext("a placeholder in --help: a version of a review", "VERSION"),
        help=_("a review file, REV:PATH, or (with --since) a review file or folder"),
    )
    parser.add_argument(
        "--since",
        metavar=_revision(),
        help=_("compare the files as they are with their versions at the git revision REV"),
    )
    _format(parser)
    parser.add_argument(
        "--exit-code",
        action="store_true",
        help=_("exit 1 when anything changed, as git diff --exit-code does"),
    )
    parsers._lang(parser, about_a_review=True)
    return parser


def history_parser() -> argparse.ArgumentParser:
    description = _(
        "Show each commit that changed a review file, newest first, with what it changed; "
        "renames are followed."
    )
    parser = parsers._Parser(prog="goaltui history", description=description)
    parser.add_argument("path", metavar=parsers._metavar_path(), help=_("a review file"))
    parser.add_argument(
        "--goal",
        metavar=pgettext("a placeholder in --help: a goal's id", "ID"),
        help=_("only the commits that changed this goal, and only its changes"),
    )
    _format(parser)
    parsers._lang(parser, about_a_review=True)
    return parser


def textconv_parser() -> argparse.ArgumentParser:
    description = _(
        "Print a review one fact a line, for git diff, git log -p and git show:\n"
        "\n"
        '  echo "*.toml diff=goaltui" >> .gitattributes\n'
        '  git config diff.goaltui.textconv "goaltui textconv"'
    )
    parser = parsers._Parser(
        prog="goaltui textconv",
        description=description,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "file", metavar=pgettext("a placeholder in --help: a file", "FILE"), help=_("a review file")
    )
    parsers._lang(parser, about_a_review=False)
    return parser
