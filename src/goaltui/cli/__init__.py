"""The ``goaltui`` command: open reviews in the TUI, or summarise, check and format them.

Errors go to stderr, results to stdout. Exit codes: 0 fine, 1 invalid input, 2 usage error
(or a file another goaltui has open), 3 results that could not be written whole.
``summary``, ``check`` and ``fmt`` never import Textual, so they stay quick in CI.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from goaltui import __version__, language
from goaltui.files.problems import Problem, ReviewError, SaveError

if TYPE_CHECKING:
    from goaltui.outputs.summary import ReviewSummary, Totals
from goaltui.text import clean_line

OK, INVALID, USAGE = 0, 1, 2

DESCRIPTION = """\
Quarterly reviews of strategic goals, kept as TOML files in git.

  goaltui [PATH ...]                open the reviews in the terminal app
  goaltui --read-only [PATH ...]    look without editing (also at a file open elsewhere)
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
    locking = parser.add_mutually_exclusive_group()
    locking.add_argument(
        "--read-only",
        action="store_true",
        help="look without editing: nothing is saved or journaled, and a file another "
        "goaltui has open can be opened",
    )
    locking.add_argument(
        "--break-lock",
        action="store_true",
        help="open a file whose lock names another host, once you know that the goaltui "
        "there no longer runs",
    )
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
    parser.add_argument(
        "--lang",
        metavar="L",
        help="speak L (fi, sv or en), also in the review's texts where the file has them "
        "(default: $GOALTUI_LANG, else the review's language)",
    )
    return parser


def _check_parser() -> argparse.ArgumentParser:
    parser = _parser(
        "goaltui check",
        "Validate review files: prints path:line:col: error|warning: message.\n"
        "Exits 1 if any file has an error; warnings alone exit 0.",
    )
    parser.add_argument(
        "--lang",
        metavar="L",
        help="the language of the messages: fi, sv or en "
        "(default: $GOALTUI_LANG, else the locale's where it is Finnish or Swedish)",
    )
    return parser


def _speak(arguments: argparse.Namespace) -> None:
    """Diagnostics in the language of --lang or $GOALTUI_LANG (else the locale's); a language
    goaltui does not speak raises UnknownLanguage, a usage error (see main)."""
    language.set_default(language.diagnostics_language(arguments.lang))


def _fmt_parser() -> argparse.ArgumentParser:
    parser = _parser("goaltui fmt", "Rewrite review files in the canonical layout.")
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; list the files that would change and exit 1 if there are any",
    )
    return parser


def _err(message: str) -> None:
    with contextlib.suppress(OSError):  # stderr on a full disk too: nowhere left to say it
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

    return run(paths, read_only=arguments.read_only, break_lock=arguments.break_lock)


def cmd_summary(arguments: argparse.Namespace) -> int:
    from goaltui.files.loading import load
    from goaltui.outputs.summary import summarize, totals

    _speak(arguments)
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
        speaks = language.review_language(source.review.language, option=arguments.lang)
        summaries.append(summarize(source.review, path, period, speaks))
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

    console = Console(highlight=False)  # on stdout, which is an Output (see _writing)
    for i, summary in enumerate(summaries):
        if i:
            console.print()
        console.print(summary_rich(summary))
    if len(summaries) > 1:
        console.print()
        console.print(totals_rich(total, summaries))


def cmd_check(arguments: argparse.Namespace) -> int:
    from goaltui.files.checks import check_file

    _speak(arguments)
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


def _writing(name: str, command: Callable[..., int], arguments: argparse.Namespace) -> int:
    """Run a command whose results go to stdout, and say so if they could not be written.

    A reader that goes away (``| head``) took what it wanted: summary and check end with
    their own exit code. fmt goes on formatting every file (the work is the point), but its
    list of what it changed is then incomplete, and it says so and exits with 3, as does
    every command whose output met a full disk or a closed stdout.
    """
    from goaltui.cli.output import OUTPUT_FAILED, Output, reason

    output = Output(sys.stdout)
    sys.stdout = output
    try:
        code = command(arguments)
    finally:
        output.flush()
        sys.stdout = output.stream
    writes = name == "fmt" and not arguments.check
    if output.failure is None or (output.reader_left and not writes):
        return code
    results = {
        "summary": "the summary",
        "check": "the problems found",
        "fmt": "the list of reformatted files" if writes else "the list of files to reformat",
    }[name]
    if output.reader_left:
        message = f"the reader of its output went away, so {results} is incomplete"
    else:
        message = f"{results} could not be written to standard output: {reason(output.failure)}"
    done = "; the files themselves were formatted all the same" if writes else ""
    _err(f"goaltui {name}: {message}{done}")
    return OUTPUT_FAILED


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
    command: Callable[[argparse.Namespace], int]
    if argv and argv[0] in COMMANDS:
        make_parser, run_command = COMMANDS[argv[0]]
        arguments = make_parser().parse_args(argv[1:])
        command = partial(_writing, argv[0], run_command)
    elif argv and (hint := _mistyped_command(argv[0])):
        _err(f"goaltui: {argv[0]} is neither a file nor a folder; did you mean goaltui {hint}?")
        return USAGE
    else:
        make_parser, command = _open_parser, cmd_open
        arguments = make_parser().parse_args(argv)
    try:
        return command(arguments)
    except language.UnknownLanguage as error:
        _err(f"goaltui {argv[0]}: {error}" if command is not cmd_open else f"goaltui: {error}")
        return USAGE
    except ReviewError as error:
        _report(error.problems)
        return INVALID
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of the app's closing summary went away: say nothing more, and keep
        # Python from complaining when it flushes stdout on the way out.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return OK
