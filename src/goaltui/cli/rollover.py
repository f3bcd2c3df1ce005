"""``goaltui rollover PATH --year Y [-o OUT]``: next year's review from this one.

The rule is files/rollover.py's. The new file is written next to the old one under the old
name with its year replaced (``kuva-2021.toml``: ``kuva-2022.toml``), or as ``-o OUT``;
``-o -`` prints it. A file is never replaced: when the new name is taken the command says so
and exits 1, the file there untouched. What it did is said on stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from goaltui.cli import parsers
from goaltui.cli.output import report as _report
from goaltui.cli.output import say as _err
from goaltui.files.problems import ReviewError, SaveError
from goaltui.language import _, default, ngettext, pgettext
from goaltui.text import clean_line

if TYPE_CHECKING:
    from goaltui.files.rollover import RolledOver

OK, INVALID, USAGE = 0, 1, 2


def rollover_parser() -> argparse.ArgumentParser:
    description = _(
        "Make next year's review from this one: the same goals, statuses and texts, every\n"
        "period entry cleared, the year set and replaced in the title, due dates moved.\n"
        "Writes the file's name with the new year (kuva-2021.toml: kuva-2022.toml) unless\n"
        "-o names another; -o - prints it. An existing file is never replaced."
    )
    parser = parsers._Parser(
        prog="goaltui rollover",
        description=description,
    )
    parser.add_argument(
        "path",
        metavar=pgettext("a placeholder in --help: a review file", "FILE"),
        help=_("the review file to start from"),
    )
    parser.add_argument(
        "--year",
        type=int,
        required=True,
        metavar=pgettext("a placeholder in --help: a year", "Y"),
        help=_("the year of the new review"),
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar=pgettext("a placeholder in --help: a file to write", "OUT"),
        help=_("the new file (default: FILE's name with the new year; - prints it)"),
    )
    parsers._lang(parser, about_a_review=False)
    return parser


def cmd_rollover(arguments: argparse.Namespace) -> int:
    from goaltui.files.atomic import write_new
    from goaltui.files.loading import load
    from goaltui.files.rollover import RolloverError, new_name, roll_over, year_from

    path = Path(arguments.path)
    try:
        source = load(path)
    except ReviewError as error:
        _report(error.problems)
        return INVALID
    old = year_from(source, arguments.year)
    if arguments.output is None:
        out = new_name(path, old, arguments.year)
        if out is None:
            unnamed = _(
                "goaltui rollover: {path}: its name does not hold the year {year} once; "
                "name the new file with -o OUT"
            )
            _err(unnamed.format(path=path, year=old))
            return USAGE
    else:
        out = None if arguments.output == "-" else Path(arguments.output)
    try:
        rolled = roll_over(source, arguments.year, out or path)
    except RolloverError as error:
        _err(_("goaltui rollover: {path}: {error}").format(path=path, error=error))
        return USAGE
    except SaveError as error:
        _err(str(error))
        return INVALID
    if out is None:
        sys.stdout.write(rolled.text)
    else:
        try:
            write_new(out, rolled.text.encode("utf-8"))
        except FileExistsError:
            taken = _(
                "goaltui rollover: {out} already exists and is left as it was; "
                "name another file with -o, or remove this one first"
            )
            _err(taken.format(out=out))
            return INVALID
        except SaveError as error:
            _err(str(error))
            return INVALID
    _err(_done(rolled, path, out))
    if source.has_comments:
        dropped = _("{path}: its TOML comments are not in the new review")
        _err(dropped.format(path=path))
    return OK


def _done(rolled: RolledOver, path: Path, out: Path | None) -> str:
    n = default().integer
    counts = {
        "out": clean_line(str(out)) if out is not None else "-",
        "path": path,
        "year": rolled.year,
        "old": rolled.year_from,
        "goals": ngettext("{n} goal", "{n} goals", rolled.goals).format(n=n(rolled.goals)),
        "cleared": ngettext(
            "{n} period entry cleared", "{n} period entries cleared", rolled.cleared
        ).format(n=n(rolled.cleared)),
    }
    if not rolled.moved:
        # Translators: such as "goaltui rollover: kuva-2022.toml: 3 goals for 2022 from
        # kuva-2021.toml (2021); 9 period entries cleared"
        said = _("goaltui rollover: {out}: {goals} for {year} from {path} ({old}); {cleared}")
        return said.format(**counts)
    moved = ngettext("{n} due date moved", "{n} due dates moved", rolled.moved)
    # Translators: as above, then such as ", 4 due dates moved"
    said = _("goaltui rollover: {out}: {goals} for {year} from {path} ({old}); {cleared}, {moved}")
    return said.format(**counts, moved=moved.format(n=n(rolled.moved)))
