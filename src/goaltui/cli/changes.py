"""``goaltui diff``, ``goaltui history`` and ``goaltui textconv``: what changed, from git.

Also what ``goaltui summary --since REV`` adds. git is imported (and run) only by these, so
that ``summary``, ``check`` and ``fmt`` stay as quick as they were. What git cannot answer (not
a repository, an unknown revision, no such file at a revision, git not installed) is a usage
error: a message and exit 2. An invalid review on either side is its problems and exit 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from goaltui import language
from goaltui.cli import parsers
from goaltui.cli.output import report as _report
from goaltui.cli.output import say as _err
from goaltui.files.problems import ReviewError
from goaltui.language import _, pgettext

if TYPE_CHECKING:
    from goaltui.outputs.diff import ReviewDiff
    from goaltui.outputs.diff_terminal import Line
    from goaltui.review.model import Review

OK, INVALID, USAGE = 0, 1, 2
FORMATS = ("rich", "markdown", "json")


def _words(reviews: Sequence[Review | None], option: str | None) -> language.Words:
    """The words of a diff: the language of the first of ``reviews`` there is (the newest
    version), or ``option`` (see review_language)."""
    code = next((review.language for review in reviews if review is not None), None)
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
    return [diff_reviews(before.review, after.review, words, after.path, old, new)], False


def since_diffs(
    revision: str,
    paths: Sequence[str],
    option: str | None,
    summarised: Mapping[str, Review] | None = None,
) -> tuple[list[ReviewDiff], bool]:
    """Each review file under ``paths`` compared with its version at ``revision``; whether
    any version was invalid (its problems said). ``summarised``: the files a summary read,
    by path, which it said the problems of (the others are left out, but for those gone
    since). Raises GitError."""
    from goaltui.files.changes import old_review, since
    from goaltui.files.loading import load
    from goaltui.outputs.diff import diff_reviews

    found, problems = since(revision, paths)
    if summarised is None:
        _report(problems)
    invalid = bool(problems)
    diffs = []
    for item in found:
        new = None
        if item.path is not None and summarised is not None:
            new = summarised.get(str(item.path))
            if new is None:
                continue  # not a valid review now: the summary said why
        try:
            old = old_review(item)
            if item.path is not None and new is None:
                new = load(item.path).review
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
    if path.is_dir():
        folder = _("goaltui history: {path} is a folder; name one review file")
        _err(folder.format(path=path))
        return USAGE
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
    )
    parser.add_argument(
        "file", metavar=pgettext("a placeholder in --help: a file", "FILE"), help=_("a review file")
    )
    parsers._lang(parser, about_a_review=False)
    return parser
