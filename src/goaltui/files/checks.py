"""What ``goaltui check`` says of a file: its problems, and the warnings of a valid file.

A valid file may still want attention: a status that needs a comment without one, a text
without its translation into a language of ``review.translations``, a layout that a save would
change (a byte order mark, other quoting or order), data a save cannot write.
"""

from __future__ import annotations

from pathlib import Path

from goaltui.files.canonical import render
from goaltui.files.loading import ReviewFile, load
from goaltui.files.locate import locate
from goaltui.files.problems import Problem, ReviewError, SaveError
from goaltui.files.translations import missing
from goaltui.files.validate import key_part
from goaltui.language import _


def check_file(path: Path) -> list[Problem]:
    """Every problem of one file, errors and warnings, in the order of their lines."""
    try:
        source = load(path)
    except ReviewError as error:
        problems = error.problems
    else:
        problems = [*source.warnings, *review_warnings(source)]
    return sorted(problems, key=lambda p: (p.line or 0, p.col or 0))


def review_warnings(source: ReviewFile) -> list[Problem]:
    """The warnings of a valid file beyond its loading: unexplained statuses, missing
    translations, the layout."""
    path, review = source.path, source.review
    problems = []
    unexplained = list(review.unexplained())
    untranslated = list(missing(review))
    places = locate(source.text) if unexplained or untranslated else None
    for text in untranslated:
        line, col = (places.find(text.where) if places else None) or (None, None)
        problems.append(Problem(path, text.message, "warning", line, col, text.field))
    for item in unexplained:
        index = review.goal_index(item.goal.id)
        where = places.find(("goals", index, "periods", item.period, "status")) if places else None
        line, col = where or (None, None)
        field = f"goals[id={item.goal.id}].periods.{key_part(item.period)}"
        message = _('status "{status}" needs a comment explaining it').format(status=item.status)
        problems.append(Problem(path, message, "warning", line, col, field))
    try:
        canonical = render(review, path)
    except SaveError as error:
        problems.append(Problem(path, _("cannot be saved: {reason}").format(reason=error.reason)))
        return problems
    if source.bom:
        message = _(
            "the file starts with a byte order mark, which a save leaves out; "
            'run "goaltui fmt {path}" to remove it'
        ).format(path=path)
        problems.append(Problem(path, message, "warning", 1, 1))
    elif canonical != source.text:
        message = _('layout is not canonical; run "goaltui fmt {path}" to rewrite it').format(
            path=path
        )
        line = first_difference(source.text, canonical)
        problems.append(Problem(path, message, "warning", line, 1))
    return problems


def first_difference(old: str, new: str) -> int:
    """The first line (from 1) at which two texts differ, line ends included."""
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    for number, (a, b) in enumerate(zip(old_lines, new_lines, strict=False), 1):
        if a != b:
            return number
    return min(len(old_lines), len(new_lines)) + 1
