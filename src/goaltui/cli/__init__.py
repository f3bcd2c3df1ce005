"""The ``goaltui`` command: open reviews in the TUI, or summarise, check and format them.

Errors go to stderr, results to stdout. Exit codes: 0 fine, 1 invalid input, 2 usage error.
``summary``, ``check`` and ``fmt`` never import Textual, so they stay quick in CI.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from goaltui import __version__
from goaltui.files.problems import Problem, ReviewError, SaveError

if TYPE_CHECKING:
    from goaltui.outputs.summary import ReviewSummary, Totals
from goaltui.text import clean_line

OK, INVALID, USAGE = 0, 1, 2

DESCRIPTION = """\
Quarterly reviews of strategic goals, kept as TOML files in git.

  goaltui [PATH ...]                open the reviews in the terminal app
  goaltui summary [PATH ...]        print a summary of each review
  goaltui check [PATH ...]          validate review files
  goaltui fmt [--check] [PATH ...]  rewrite review files in the canonical layout

PATH is a review file or a folder (every *.toml below it); with none, ./data.
Run "goaltui COMMAND --help" for a command's options; in the app, press ? for every key."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # The message quotes the arguments it could not read: text from outside (file names).
        super().error(clean_line(message))


def _parser(prog: str, description: str) -> argparse.ArgumentParser:
    parser = _Parser(
        prog=prog, description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="review file or folder")
    return parser


def _open_parser() -> argparse.ArgumentParser:
    parser = _parser("goaltui", DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"goaltui {__version__}")
    return parser


def _summary_parser() -> argparse.ArgumentParser:
    parser = _parser("goaltui summary", "Print a summary of each review, and a total.")
    parser.add_argument("--period", metavar="P", help="period under review (default: current)")
    parser.add_argument(
        "--format",
        choices=("rich", "markdown", "json"),
        default="rich",
        help="rich: for terminals and CI logs (plain when piped); markdown: for job summaries "
        "and minutes; json: for other tools",
    )
    return parser


def _check_parser() -> argparse.ArgumentParser:
    return _parser(
        "goaltui check",
        "Validate review files: prints path:line:col: error|warning: message.\n"
        "Exits 1 if any file has an error; warnings alone exit 0.",
    )


def _fmt_parser() -> argparse.ArgumentParser:
    parser = _parser("goaltui fmt", "Rewrite review files in the canonical layout.")
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; list the files that would change and exit 1 if there are any",
    )
    return parser


def _err(message: str) -> None:
    print(clean_line(message), file=sys.stderr)


def _report(problems: Sequence[Problem], stream: TextIO | None = None) -> None:
    for problem in problems:
        print(problem, file=stream or sys.stderr)


class _Outcome:
    """Whether any input was invalid, over all the files of one command."""

    def __init__(self) -> None:
        self.invalid = False
        self.problems = 0  # with the arguments themselves (missing paths, empty folders)

    @property
    def code(self) -> int:
        return INVALID if self.invalid else OK


def _paths(arguments: Sequence[str], outcome: _Outcome, stream: TextIO | None = None) -> list[Path]:
    """The review files to work on; problems with the arguments are reported at once."""
    from goaltui.files.paths import review_paths

    paths, problems = review_paths(arguments)
    if problems:
        _report(problems, stream)
        outcome.invalid = True
        outcome.problems += len(problems)
    return paths


def cmd_open(arguments: argparse.Namespace) -> int:
    from goaltui.files.paths import named_twice

    outcome = _Outcome()
    paths = _paths(arguments.paths, outcome)
    if outcome.invalid:
        return INVALID
    for path, first, second in named_twice(arguments.paths):
        named = f"as {first} and {second}" if first != second else f"twice as {first}"
        _err(
            f"goaltui: {path} is named {named}: open each file once, "
            "so that two tabs cannot overwrite each other's edits"
        )
        return USAGE
    if not (sys.stdin.isatty() and sys.stderr.isatty()):  # Textual draws on stderr
        _err(
            "goaltui: the review app needs a terminal; in scripts and CI use "
            "goaltui summary, check or fmt"
        )
        return USAGE
    from goaltui.tui import run  # Textual is imported for the app alone

    return run(paths)


def cmd_summary(arguments: argparse.Namespace) -> int:
    from goaltui.files.loading import load
    from goaltui.outputs.summary import summarize, totals

    outcome = _Outcome()
    summaries = []
    for path in _paths(arguments.paths, outcome):
        try:
            source = load(path)
        except ReviewError as error:
            _report(error.problems)
            outcome.invalid = True
            continue
        period = arguments.period
        if period is not None and period not in source.review.periods:
            periods = ", ".join(source.review.periods)
            _err(f'goaltui summary: {path}: no period "{period}"; periods are {periods}')
            return USAGE
        summaries.append(summarize(source.review, path, period))
    total = totals(summaries)
    if arguments.format == "json":
        from goaltui.outputs.json_format import summary_json

        print(summary_json(summaries, total))
    elif arguments.format == "markdown":
        from goaltui.outputs.markdown import summary_markdown

        print(summary_markdown(summaries, total if len(summaries) > 1 else None), end="")
    elif summaries:
        _print_rich(summaries, total)
    return outcome.code


def _print_rich(summaries: list[ReviewSummary], total: Totals) -> None:
    from rich.console import Console

    from goaltui.outputs.terminal import summary_rich, totals_rich

    class QuietConsole(Console):
        def on_broken_pipe(self) -> None:
            # The reader went away (goaltui summary | head): that is fine, say nothing more.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise SystemExit(OK)

    console = QuietConsole(highlight=False)
    for i, summary in enumerate(summaries):
        if i:
            console.print()
        console.print(summary_rich(summary))
    if len(summaries) > 1:
        console.print()
        console.print(totals_rich(total, summaries))


def cmd_check(arguments: argparse.Namespace) -> int:
    from goaltui.files.checks import check_file

    outcome = _Outcome()
    paths = _paths(arguments.paths, outcome, sys.stdout)
    errors, warnings = outcome.problems, 0
    for path in paths:
        problems = check_file(path)
        _report(problems, sys.stdout)
        errors += sum(1 for p in problems if p.is_error)
        warnings += sum(1 for p in problems if not p.is_error)
    files = f"{len(paths)} file{'s' if len(paths) != 1 else ''}"
    _err(f"goaltui check: {files}, {errors} error(s), {warnings} warning(s)")
    return INVALID if errors else OK


def cmd_fmt(arguments: argparse.Namespace) -> int:
    from goaltui.files.atomic import write_atomic
    from goaltui.files.canonical import render
    from goaltui.files.loading import load

    outcome = _Outcome()
    for path in _paths(arguments.paths, outcome):
        try:
            source = load(path)
            canonical = render(source.review, path)
            if canonical == source.text and not source.bom:
                continue
            if arguments.check:
                dropped = " (and drop its TOML comments)" if source.has_comments else ""
                print(f"would reformat {clean_line(str(path))}{dropped}")
                outcome.invalid = True
                continue
            write_atomic(path, canonical.encode("utf-8"))
        except ReviewError as error:
            _report(error.problems)
            outcome.invalid = True
            continue
        except SaveError as error:
            _err(str(error))
            outcome.invalid = True
            continue
        print(f"reformatted {clean_line(str(path))}")
        if source.has_comments:
            _err(f"{path}: its TOML comments were dropped (keep lasting notes in a field)")
    return outcome.code


COMMANDS: dict[str, tuple[Callable[[], argparse.ArgumentParser], Callable[..., int]]] = {
    "summary": (_summary_parser, cmd_summary),
    "check": (_check_parser, cmd_check),
    "fmt": (_fmt_parser, cmd_fmt),
}


def _mistyped_command(word: str) -> str | None:
    import difflib

    if Path(word).exists():
        return None
    close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.7)
    return close[0] if close else None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        # A terminal or log that cannot show "●" or "ä" gets "?" rather than a traceback.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")
    if argv and argv[0] in COMMANDS:
        make_parser, command = COMMANDS[argv[0]]
        arguments = make_parser().parse_args(argv[1:])
    elif argv and (hint := _mistyped_command(argv[0])):
        _err(f"goaltui: {argv[0]} is neither a file nor a folder; did you mean goaltui {hint}?")
        return USAGE
    else:
        make_parser, command = _open_parser, cmd_open
        arguments = make_parser().parse_args(argv)
    try:
        return command(arguments)
    except ReviewError as error:
        _report(error.problems)
        return INVALID
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (goaltui summary | head): say nothing more, and keep Python
        # from complaining when it flushes stdout on the way out.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return OK
