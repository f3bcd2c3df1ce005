"""The command line's parsers, and argparse's own words, in the language of diagnostics.

argparse says its own words ("usage:", "error:", "unrecognized arguments: %s", the "options"
heading) through the names ``_`` and ``ngettext`` of its module, gettext's functions, which it
looks up each time it speaks. :func:`speaking` points those two names at goaltui's catalogue
while goaltui's parsers are made and read the command line, and puts them back after. The
messages are in the catalogue as :data:`ARGPARSE` lists them, in argparse's own English (a test
checks that argparse still says each of them), so English stays argparse's as it was.

The language must be known before argparse says a word (``goaltui --lang fi --help``):
:func:`asked_language` finds ``--lang`` among the arguments before argparse reads them.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NoReturn

from goaltui import __version__, language
from goaltui.language import N_, _, pgettext
from goaltui.text import clean_line

#: argparse's messages that goaltui's command line can show, translated in goaltui's catalogue.
ARGPARSE = (
    # Translators: argparse's; the usage line follows: "usage: goaltui summary [-h] ..."
    N_("usage: "),
    # Translators: argparse's heading in --help
    N_("positional arguments"),
    # Translators: argparse's heading in --help
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    # Translators: argparse's; %(prog)s is such as "goaltui summary"; keep the line end
    N_("%(prog)s: error: %(message)s\n"),
    # Translators: argparse's; %(argument_name)s is an option, such as --period
    N_("argument %(argument_name)s: %(message)s"),
    # Translators: argparse's; %s is what was not understood, such as --bogus
    N_("unrecognized arguments: %s"),
    # Translators: argparse's; %s names the arguments, such as PATH
    N_("the following arguments are required: %s"),
    N_("expected one argument"),
    # Translators: argparse's; %(value)r is what was given, %(choices)s the choices
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    # Translators: argparse's; %s is an option, such as --read-only
    N_("not allowed with argument %s"),
    # Translators: argparse's; %r is what followed "=", such as 'yes' in --check=yes
    N_("ignored explicit argument %r"),
)


@contextlib.contextmanager
def speaking() -> Iterator[None]:
    """argparse's own words in the language of diagnostics while the block runs."""
    module = vars(argparse)
    saved = module["_"], module["ngettext"]
    module.update(_=language._, ngettext=language.ngettext)
    try:
        yield
    finally:
        module["_"], module["ngettext"] = saved


def asked_language(arguments: Sequence[str]) -> str | None:
    """The value of ``--lang`` in ``arguments``, read as argparse will read it.

    ``--lang L``, ``--lang=L`` and abbreviations such as ``--la L``; the last one counts, and
    nothing after ``--``. None when it is not given (or has no value: argparse says so).
    """
    found = None
    for i, word in enumerate(arguments):
        if word == "--":
            break
        if _is_lang(word):
            found, _taken = _lang_value(arguments, i)
    return found


def split(arguments: Sequence[str], commands: Iterable[str]) -> tuple[str | None, list[str]]:
    """The command that ``arguments`` name, if any, and the arguments for its parser.

    ``--lang L`` may come before the command too (``goaltui --lang fi check``): it is passed
    on to the command's parser, which has it as well.
    """
    i = _after_lang(arguments)
    if i < len(arguments) and arguments[i] in commands:
        return arguments[i], [*arguments[:i], *arguments[i + 1 :]]
    return None, list(arguments)


def first_word(arguments: Sequence[str]) -> str | None:
    """The first of ``arguments`` after a ``--lang L`` at their start: a command or a path."""
    i = _after_lang(arguments)
    return arguments[i] if i < len(arguments) else None


def _after_lang(arguments: Sequence[str]) -> int:
    """Where ``arguments`` go on after the ``--lang`` options at their start."""
    i = 0
    while i < len(arguments) and _is_lang(arguments[i]):
        i += _lang_value(arguments, i)[1]
    return i


def _is_lang(word: str) -> bool:
    """Whether ``word`` is --lang, --lang=L or an abbreviation of it, as argparse takes them."""
    name = word.partition("=")[0]
    return len(name) >= 3 and "--lang".startswith(name)


def _lang_value(arguments: Sequence[str], i: int) -> tuple[str | None, int]:
    """The value of the --lang at ``i``, and how many arguments it takes (1 or 2)."""
    _name, equals, value = arguments[i].partition("=")
    if equals:
        return value, 1
    if i + 1 < len(arguments) and not arguments[i + 1].startswith("-"):
        return arguments[i + 1], 2
    return None, 1


def _metavar_path() -> str:
    return pgettext("a placeholder in --help: a review file or folder", "PATH")


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's, as wide as shutil.get_terminal_size() says, without importing shutil (and
    with it zlib, bz2 and lzma: 3 ms) for the formatter argparse makes for every argument."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = _columns() - 2  # as argparse does
        super().__init__(prog, indent_increment, max_help_position, width)


def _columns() -> int:
    """shutil.get_terminal_size().columns: $COLUMNS, else the terminal's, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):  # no stdout (None), closed, not a terminal
            columns = 0
        columns = columns or 80
    return columns


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        # The message quotes the arguments it could not read: text from outside (file names).
        super().error(clean_line(message))


def _parser(prog: str, description: str) -> argparse.ArgumentParser:
    parser = _Parser(prog=prog, description=description)
    parser.add_argument(
        "paths", nargs="*", metavar=_metavar_path(), help=_("review file or folder")
    )
    return parser


def _lang(parser: argparse.ArgumentParser, about_a_review: bool) -> None:
    """The --lang option: of what is about a review (summaries, the app), or of diagnostics."""
    if about_a_review:
        said = _(
            "speak L (fi, sv or en), also in the review's texts where the file has them "
            "(default: $GOALTUI_LANG, else the review's language)"
        )
    else:
        said = _(
            "the language of the messages: fi, sv or en "
            "(default: $GOALTUI_LANG, else the locale's where it is Finnish or Swedish)"
        )
    metavar = pgettext("a placeholder in --help: a language code", "L")
    parser.add_argument("--lang", metavar=metavar, help=said)


def open_parser() -> argparse.ArgumentParser:
    """``goaltui [PATH ...]``: the app."""
    # Translators: PATH and COMMAND as in the usage lines; keep the columns lined up
    description = _(
        "Quarterly reviews of strategic goals, kept as TOML files in git.\n"
        "\n"
        "  goaltui [PATH ...]                open the reviews in the terminal app\n"
        "  goaltui --read-only [PATH ...]    look without editing (also at a file open "
        "elsewhere)\n"
        "  goaltui summary [PATH ...]        print a summary of each review\n"
        "  goaltui check [PATH ...]          validate review files\n"
        "  goaltui fmt [--check] [PATH ...]  rewrite review files in the canonical layout\n"
        "  goaltui diff OLD NEW              what changed between two versions (REV:PATH too)\n"
        "  goaltui diff --since REV [PATH ...]  what changed since a git revision\n"
        "  goaltui history PATH              each commit's changes to a review file\n"
        "  goaltui textconv FILE             a review one fact a line, for git diff\n"
        "  goaltui report [--unmet] [PATH ...]  the review table, or the binding goals not met\n"
        "  goaltui rollover FILE --year Y    next year's review from this one\n"
        "\n"
        "PATH is a review file or a folder (every *.toml below it); with none, ./data.\n"
        'Run "goaltui COMMAND --help" for a command\'s options; in the app, press ? for '
        "every key."
    )
    parser = _parser("goaltui", description)
    parser.add_argument(
        "--version",
        action="version",
        version=f"goaltui {__version__}",
        help=_("show program's version number and exit"),
    )
    locking = parser.add_mutually_exclusive_group()
    locking.add_argument(
        "--read-only",
        action="store_true",
        help=_(
            "look without editing: nothing is saved or journaled, and a file another "
            "goaltui has open can be opened"
        ),
    )
    locking.add_argument(
        "--break-lock",
        action="store_true",
        help=_(
            "open a file whose lock names another host, once you know that the goaltui "
            "there no longer runs"
        ),
    )
    parser.add_argument(
        "--since",
        metavar=pgettext("a placeholder in --help: a git revision", "REV"),
        help=_(
            "mark every cell changed since the git revision REV (the detail pane shows "
            "old → new; s filters the goals changed)"
        ),
    )
    _lang(parser, about_a_review=True)
    return parser


def summary_parser() -> argparse.ArgumentParser:
    parser = _parser("goaltui summary", _("Print a summary of each review, and a total."))
    parser.add_argument(
        "--period",
        metavar=pgettext("a placeholder in --help: a period's name", "P"),
        help=_("period under review (default: current)"),
    )
    parser.add_argument(
        "--format",
        choices=("rich", "markdown", "json"),
        default="rich",
        help=_(
            "rich: for terminals and CI logs (plain when piped); markdown: for job summaries "
            "and minutes; json: for other tools"
        ),
    )
    parser.add_argument(
        "--since",
        metavar=pgettext("a placeholder in --help: a git revision", "REV"),
        help=_("add what changed in each file since the git revision REV (goaltui diff --since)"),
    )
    _today(parser)
    _lang(parser, about_a_review=True)
    return parser


def check_parser() -> argparse.ArgumentParser:
    # Translators: "error" and "warning" stay in English: CI systems read them
    description = _(
        "Validate review files: prints path:line:col: error|warning: message.\n"
        "Exits 1 if any file has an error; warnings alone exit 0."
    )
    parser = _parser("goaltui check", description)
    parser.add_argument(
        "--format",
        choices=("text", "github", "gitlab"),
        default="text",
        help=_(
            "text: path:line:col lines; github: workflow commands that annotate a pull "
            "request's lines; gitlab: a Code Quality report (JSON)"
        ),
    )
    parser.add_argument(
        "--strict", action="store_true", help=_("exit 1 on warnings too, not only on errors")
    )
    _today(parser)
    _lang(parser, about_a_review=False)
    return parser


def _today(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--today",
        type=_day,
        # Translators: a placeholder in --help: a date written year-month-day
        metavar=_("YYYY-MM-DD"),
        help=_("the date to compare due dates with (default: today)"),
    )


def _day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        not_day = _('"{text}" is not a date: write it as YYYY-MM-DD, e.g. 2021-10-24')
        raise argparse.ArgumentTypeError(not_day.format(text=text)) from None


def fmt_parser() -> argparse.ArgumentParser:
    parser = _parser("goaltui fmt", _("Rewrite review files in the canonical layout."))
    parser.add_argument(
        "--check",
        action="store_true",
        help=_("write nothing; list the files that would change and exit 1 if there are any"),
    )
    _lang(parser, about_a_review=False)
    return parser
