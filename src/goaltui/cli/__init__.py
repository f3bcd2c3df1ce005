"""The ``goaltui`` command: open reviews in the TUI, or summarise, check and format them.

Errors go to stderr, results to stdout. Exit codes: 0 fine, 1 invalid input, 2 usage error
(or a file another goaltui has open), 3 results that could not be written whole.
``summary``, ``check`` and ``fmt`` never import Textual, so they stay quick in CI.

Every word is in the language of diagnostics (``--lang``, else ``$GOALTUI_LANG``, else the
locale), set as the first thing :func:`main` does: the problems of a file are worded as it is
read. Summaries and the app speak the review's language (docs/format.md, "Language").
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from goaltui import compiled_methods, language
from goaltui.cli import changes, parsers, report, rollover
from goaltui.cli.output import leave
from goaltui.cli.output import report as _report
from goaltui.cli.output import say as _err
from goaltui.files.problems import Problem, ReviewError, SaveError
from goaltui.language import _, default, ngettext

if TYPE_CHECKING:
    from goaltui.cli.since import SummarySince
    from goaltui.files.changes import Baseline
    from goaltui.files.paths import Found
    from goaltui.outputs.summary import ReviewSummary, Totals
from goaltui.text import clean_line

OK, INVALID, USAGE = 0, 1, 2

#: Commands that read, say and end: no garbage collection while they run (it would walk the
#: objects read again and again to free nothing: 0.3 s at 10,000 goals), nor freeing at the end.
ONE_SHOT = frozenset({"summary", "check", "fmt"})


class _Outcome:
    """Whether any input was invalid, over all the files of one command."""

    def __init__(self) -> None:
        self.invalid = False
        self.problems = 0  # with the arguments themselves (missing paths, empty folders)

    @property
    def code(self) -> int:
        return INVALID if self.invalid else OK


def _paths(
    arguments: Sequence[str],
    outcome: _Outcome,
    report: Callable[[Sequence[Problem]], None] = _report,
    found: Found | None = None,
) -> list[Path]:
    """The review files to work on (those ``found`` already, if given); problems with the
    arguments are reported at once."""
    from goaltui.files.paths import find

    found = found or find(arguments)
    paths, problems = found.paths, found.problems
    if problems:
        report(problems)
        outcome.invalid = True
        outcome.problems += len(problems)
    return paths


def cmd_open(arguments: argparse.Namespace) -> int:
    from goaltui.files.paths import find, opened_whole

    outcome = _Outcome()
    named = find(arguments.paths)  # once: a folder of thousands of files is listed once
    paths = _paths(arguments.paths, outcome, found=named)
    if outcome.invalid:
        return INVALID
    for path, first, second in named.twice:
        if first != second:
            twice = _(
                "goaltui: {path} is named as {first} and {second}: open each file once, "
                "so that two tabs cannot overwrite each other's edits"
            )
        else:
            twice = _(
                "goaltui: {path} is named twice as {first}: open each file once, "
                "so that two tabs cannot overwrite each other's edits"
            )
        _err(twice.format(path=path, first=first, second=second))
        return USAGE
    baseline = None
    if arguments.since is not None:  # git only when asked
        found = _baseline(arguments.since, paths)
        if isinstance(found, int):
            return found
        baseline = found
    if not (sys.stdin.isatty() and sys.stderr.isatty()):  # Textual draws on stderr
        _err(
            _(
                "goaltui: the review app needs a terminal; in scripts and CI use "
                "goaltui summary, check or fmt"
            )
        )
        return USAGE
    # No garbage collection while the app is imported and the files are read: it would walk
    # their objects again and again, and they live as long as the app (tui.run freezes them
    # and collects again from there).
    gc.disable()
    try:
        from goaltui.tui import run  # Textual is imported for the app alone

        code = run(
            paths,
            folders=opened_whole(arguments.paths),
            read_only=arguments.read_only,
            break_lock=arguments.break_lock,
            baseline=baseline,
        )
    finally:
        gc.enable()
    if getattr(arguments, "whole_process", False):  # the goaltui command, not a caller's
        from goaltui.tui.ending import leave

        compiled_methods.keep()  # for the next start, if this one compiled some
        leave(code)
    return code


def _baseline(revision: str, paths: list[Path]) -> Baseline | int:
    """The versions at ``revision`` of the files the app opens, or the exit code after
    saying why there are none: 2 when git cannot give them, 1 when one is not a review."""
    from goaltui.files.changes import baseline
    from goaltui.files.git import GitError

    try:
        return baseline(revision, paths)
    except GitError as error:
        _err(_("goaltui: --since {revision}: {error}").format(revision=revision, error=error))
        return USAGE
    except ReviewError as error:
        _report(error.problems)
        invalid = _(
            "goaltui: --since {revision}: the versions above are not valid reviews, "
            "so what changed since cannot be marked"
        )
        _err(invalid.format(revision=revision))
        return INVALID


def cmd_summary(arguments: argparse.Namespace) -> int:
    from goaltui.files.loading import load
    from goaltui.outputs.summary import summarize, totals

    outcome = _Outcome()
    summaries = []
    for path in _paths(arguments.paths, outcome):
        try:
            source = load(path, keep_text=False)
        except ReviewError as error:
            _report(error.problems)
            outcome.invalid = True
            continue
        period = arguments.period
        if period is not None and period not in source.review.periods:
            periods = ", ".join(source.review.periods)
            unknown = _('goaltui summary: {path}: no period "{period}"; periods are {periods}')
            _err(unknown.format(path=path, period=period, periods=periods))
            return USAGE
        speaks = language.review_language(source.review.language, option=arguments.lang)
        summaries.append(summarize(source.review, path, period, speaks, arguments.today))
    total = totals(summaries)
    since = None
    if arguments.since is not None:  # git only when asked: summary stays quick in CI
        from goaltui.cli.since import summary_since

        since = summary_since(arguments, summaries)
        if since is None:
            return USAGE
        outcome.invalid |= since.invalid
    if arguments.format == "json":
        from goaltui.outputs.json_format import summary_json

        print(summary_json(summaries, total, **(since.json(summaries) if since else {})))
    elif arguments.format == "markdown":
        from goaltui.outputs.markdown import summary_markdown

        if since is None:
            print(summary_markdown(summaries, total if len(summaries) > 1 else None), end="")
        else:
            since.print_markdown(summaries, total if len(summaries) > 1 else None)
    elif summaries or since:
        _print_rich(summaries, total, since)
    return outcome.code


def _print_rich(summaries: list[ReviewSummary], total: Totals, since: SummarySince | None) -> None:
    from rich.console import Console

    from goaltui.outputs.terminal import print_summary, totals_rich

    console = Console(highlight=False)  # on stdout, which is an Output (see _writing)
    for i, summary in enumerate(summaries):
        if i:
            console.print()
        print_summary(console, summary)
        if since is not None:
            since.print_rich(console, summary)
    if since is not None:
        since.print_rich(console, None)
    if len(summaries) > 1:
        console.print()
        console.print(totals_rich(total, summaries))


def cmd_check(arguments: argparse.Namespace) -> int:
    from goaltui.cli.problems import ProblemOutput
    from goaltui.files.checks import check_file

    outcome = _Outcome()
    shown = ProblemOutput(arguments.format)
    paths = _paths(arguments.paths, outcome, shown.write)
    errors, warnings = outcome.problems, 0
    for path in paths:
        problems = check_file(path, arguments.today)
        shown.write(problems)
        errors += sum(1 for p in problems if p.is_error)
        warnings += sum(1 for p in problems if not p.is_error)
    shown.close()
    n = default().integer
    # Translators: {files}, {errors} and {warnings} are counts, such as "2 files", "0 errors"
    said = _("goaltui check: {files}, {errors}, {warnings}")
    _err(
        said.format(
            files=ngettext("{n} file", "{n} files", len(paths)).format(n=n(len(paths))),
            # Translators: "error(s)" in English whatever the count, as goaltui has always said
            errors=ngettext("{n} error(s)", "{n} error(s)", errors).format(n=n(errors)),
            warnings=ngettext("{n} warning(s)", "{n} warning(s)", warnings).format(n=n(warnings)),
        )
    )
    return INVALID if errors or (arguments.strict and warnings) else OK


def cmd_fmt(arguments: argparse.Namespace) -> int:
    from goaltui.files.atomic import write_atomic
    from goaltui.files.canonical import render
    from goaltui.files.loading import load

    outcome = _Outcome()
    changed = unchanged = failed = 0
    for path in _paths(arguments.paths, outcome):
        shown = clean_line(str(path))
        try:
            source = load(path)
            canonical = render(source.review, path)
            if canonical == source.text and not source.bom:
                unchanged += 1
                continue
            if arguments.check:
                if source.has_comments:
                    print(
                        _("would reformat {path} (and drop its TOML comments)").format(path=shown)
                    )
                else:
                    print(_("would reformat {path}").format(path=shown))
                outcome.invalid = True
                changed += 1
                continue
            write_atomic(path, canonical.encode("utf-8"))
        except ReviewError as error:
            _report(error.problems)
            outcome.invalid = True
            failed += 1
            continue
        except SaveError as error:
            _err(str(error))
            outcome.invalid = True
            failed += 1
            continue
        print(_("reformatted {path}").format(path=shown))
        changed += 1
        if source.has_comments:
            dropped = _("{path}: its TOML comments were dropped (keep lasting notes in a field)")
            _err(dropped.format(path=path))
    _err(_fmt_done(arguments.check, changed, unchanged, failed + outcome.problems))
    return outcome.code


def _fmt_done(check: bool, changed: int, unchanged: int, failed: int) -> str:
    """What fmt did, counted: "2 files reformatted, 3 unchanged"."""
    n = default().integer
    if check:
        did = ngettext("{n} file would be reformatted", "{n} files would be reformatted", changed)
        left = ngettext("{n} already formatted", "{n} already formatted", unchanged)
    else:
        did = ngettext("{n} file reformatted", "{n} files reformatted", changed)
        left = ngettext("{n} unchanged", "{n} unchanged", unchanged)
    counts = {"changed": did.format(n=n(changed)), "unchanged": left.format(n=n(unchanged))}
    if not failed:
        # Translators: such as "goaltui fmt: 2 files reformatted, 3 unchanged"
        return _("goaltui fmt: {changed}, {unchanged}").format(**counts)
    # Translators: "with errors": files that could not be read, checked or written (said above)
    failures = ngettext("{n} with errors", "{n} with errors", failed).format(n=n(failed))
    # Translators: such as "goaltui fmt: 2 files reformatted, 3 unchanged, 1 with errors"
    return _("goaltui fmt: {changed}, {unchanged}, {failed}").format(**counts, failed=failures)


COMMANDS: dict[str, tuple[Callable[[], argparse.ArgumentParser], Callable[..., int]]] = {
    "summary": (parsers.summary_parser, cmd_summary),
    "check": (parsers.check_parser, cmd_check),
    "fmt": (parsers.fmt_parser, cmd_fmt),
    "diff": (changes.diff_parser, changes.cmd_diff),
    "history": (changes.history_parser, changes.cmd_history),
    "textconv": (changes.textconv_parser, changes.cmd_textconv),
    "report": (report.report_parser, report.cmd_report),
    "rollover": (rollover.rollover_parser, rollover.cmd_rollover),
}


def _writing(name: str, command: Callable[..., int], arguments: argparse.Namespace) -> int:
    """Run a command whose results go to stdout, and say so if they could not be written.

    A reader that goes away (``| head``) took what it wanted: summary and check end with
    their own exit code. fmt goes on formatting every file (the work is the point), but its
    list of what it changed is then incomplete, and it says so and exits with 3, as does
    every command whose output met a full disk or a closed stdout.
    """
    from goaltui.cli.output import OUTPUT_FAILED, Output, unwritten

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
    _err(unwritten(name, output.failure, writes))
    return OUTPUT_FAILED


def _mistyped_command(word: str) -> str | None:
    import difflib

    if Path(word).exists():
        return None
    close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.7)
    return close[0] if close else None


def _speak(argv: Sequence[str]) -> None:
    """Set the language of diagnostics from --lang, $GOALTUI_LANG or the locale, and keep
    --lang for what is about a review (the app); raises UnknownLanguage (see main)."""
    asked = parsers.asked_language(argv)
    language.set_default(language.diagnostics_language(asked))
    language.set_lang_option(asked or None)


def main(argv: Sequence[str] | None = None) -> int:
    """The goaltui command on ``argv`` (default: the process's own arguments, and then the
    app, once it has ended, ends the process at once: :func:`goaltui.tui.ending.leave`)."""
    whole_process = argv is None
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        # A terminal or log that cannot show "●" or "ä" gets "?" rather than a traceback.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")
    name, options = parsers.split(argv, COMMANDS)
    try:  # first of all: problems are worded as the files are read
        _speak(options)
    except language.UnknownLanguage as error:
        language.set_default(error.language)
        _err(f"goaltui {name}: {error}" if name else f"goaltui: {error}")
        return USAGE
    command: Callable[[argparse.Namespace], int]
    if name:
        make_parser, run_command = COMMANDS[name]
        command = partial(_writing, name, run_command)
    elif (word := parsers.first_word(options)) and (hint := _mistyped_command(word)):
        mistyped = _("goaltui: {word} is neither a file nor a folder; did you mean goaltui {hint}?")
        _err(mistyped.format(word=word, hint=hint))
        return USAGE
    else:
        make_parser, command = parsers.open_parser, cmd_open
    with parsers.speaking():
        arguments = make_parser().parse_args(options)
    arguments.whole_process = whole_process
    one_shot = name in ONE_SHOT
    if one_shot:
        gc.disable()
    try:
        code = command(arguments)
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
    finally:
        if one_shot and not whole_process:  # a caller's process keeps its collector
            gc.enable()
    if whole_process:
        compiled_methods.keep()  # for the next start, if this one compiled some
    if one_shot and whole_process:
        leave(code)
    return code
