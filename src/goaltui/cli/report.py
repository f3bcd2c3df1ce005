"""``goaltui report``: the review table, or with ``--unmet`` the council's paper of the binding
goals not met, as HTML (the default, on stdout), Markdown, CSV or an Excel workbook (``-o``).

A folder names each review in it: one document, a section each. An invalid file is its
problems on stderr and exit 1, and then nothing is written, since a paper without one of its
reviews would say less than it seems to; the file named by ``-o`` is replaced in one step
(files/atomic.py), and one that cannot be written is a message and exit 3. A goal of the
council's paper without an explanation is flagged in the paper and warned about on stderr,
with exit 0.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from goaltui import language
from goaltui.cli import parsers
from goaltui.cli.output import OUTPUT_FAILED
from goaltui.cli.output import report as _report
from goaltui.cli.output import say as _err
from goaltui.files.problems import ReviewError, SaveError
from goaltui.language import _, pgettext
from goaltui.review.model import Review

if TYPE_CHECKING:
    from goaltui.outputs.report import ReportKind

OK, INVALID, USAGE = 0, 1, 2


def report_parser() -> argparse.ArgumentParser:
    parser = parsers._parser(
        "goaltui report",
        _(
            "Write the review table of each review, or with --unmet the council's paper of "
            "the binding goals not met, for print, the web and spreadsheets."
        ),
    )
    parser.add_argument(
        "--unmet",
        action="store_true",
        help=_(
            "the binding goals not met in the period, with their explanations and actions "
            "(default period: the last one in which any goal has a status)"
        ),
    )
    parser.add_argument(
        "--period",
        metavar=pgettext("a placeholder in --help: a period's name", "P"),
        help=_("the period reported on (default: the current period)"),
    )
    parser.add_argument(
        "--format",
        choices=("html", "markdown", "csv", "xlsx"),
        default="html",
        help=_(
            "html: one file for print and the web; markdown: for minutes and job summaries; "
            "csv and xlsx: for spreadsheets (xlsx needs -o)"
        ),
    )
    parser.add_argument(
        "--delimiter",
        metavar=pgettext("a placeholder in --help: a character", "C"),
        help=_('the separator of csv (default: ";" in Finnish and Swedish, "," in English)'),
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar=pgettext("a placeholder in --help: a file to write", "FILE"),
        help=_("write to FILE, replacing it in one step (default: standard output)"),
    )
    parsers._lang(parser, about_a_review=True)
    return parser


def made_on() -> datetime.date:
    """The date a report says it was made: today, or $SOURCE_DATE_EPOCH's day (reproducible
    builds' convention) for a report that must come out the same byte for byte."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    return datetime.date.today()


def cmd_report(arguments: argparse.Namespace) -> int:
    from goaltui.files.loading import load
    from goaltui.files.paths import review_paths
    from goaltui.outputs.report import report
    from goaltui.outputs.report_formats import render

    if arguments.format == "xlsx" and not arguments.output:
        _err(_("goaltui report: --format xlsx writes a workbook: name its file with -o FILE"))
        return USAGE
    if arguments.delimiter is not None and (
        arguments.format != "csv" or len(arguments.delimiter) != 1
    ):
        _err(_("goaltui report: --delimiter is one character, for --format csv"))
        return USAGE
    paths, problems = review_paths(arguments.paths)
    _report(problems)
    invalid = bool(problems)
    reviews: list[tuple[Review, Path | None, str]] = []
    for path in paths:
        try:
            source = load(path)
        except ReviewError as error:
            _report(error.problems)
            invalid = True
            continue
        period = arguments.period
        if period is not None and period not in source.review.periods:
            periods = ", ".join(source.review.periods)
            unknown = _('goaltui report: {path}: no period "{period}"; periods are {periods}')
            _err(unknown.format(path=path, period=period, periods=periods))
            return USAGE
        speaks = language.review_language(source.review.language, option=arguments.lang)
        reviews.append((source.review, path, speaks))
    if invalid or not reviews:
        if not invalid:
            _err(_("goaltui report: no review to report on"))
        _err(_("goaltui report: nothing written"))
        return INVALID
    kind: ReportKind = "unmet" if arguments.unmet else "table"
    document = report(reviews, kind, arguments.period, made_on())
    data = render(document, arguments.format, arguments.delimiter)
    for section, goal in document.unexplained:
        said = _(
            "goaltui report: {path}: goals[id={goal}]: the binding goal is not met in {period} "
            "and has no explanation (a comment in that period); the paper flags it"
        )
        _err(said.format(path=section.path, goal=goal.id, period=section.period))
    if arguments.output:
        from goaltui.files.atomic import write_atomic

        try:
            write_atomic(Path(arguments.output), data)
        except SaveError as error:
            _err(_("goaltui report: {error}").format(error=error))
            return OUTPUT_FAILED
        return OK
    sys.stdout.write(data.decode("utf-8"))
    return OK
