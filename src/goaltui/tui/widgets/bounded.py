"""Texts of any length, shown in bounded room: cut before they are cleaned, measured or wrapped.

A file may hold a description of 60 MB in one line; cleaning, measuring and wrapping it whole
on every cursor move froze the app for seconds and took gigabytes. What is drawn is cut first:
a line of the table or the header to a little more than the cells it has, a text of the detail
pane to :data:`SHOWN_MOST` characters and a note of how many more there are. The whole text
stays in the review, the file and the editor.
"""

from __future__ import annotations

from rich.text import Text

from goaltui.language.words import Words
from goaltui.outputs.styled import fit
from goaltui.text import clean, clean_line

SHOWN_MOST = 4000  # characters of one text in the detail pane: pages of it
#: Characters of a comment or forecast the editors open: past it Textual's text area takes
#: seconds to open and for every key (a line of 5 MB: 11 s to open, 19 s a key).
EDITOR_MOST = 100_000


def cut(text: str, width: int) -> str:
    """Enough of ``text`` to fill ``width`` cells, whatever its length (room is left for
    characters that cleaning drops or that take no cell)."""
    return text[: 4 * width + 16]


def line(text: str, width: int) -> str:
    """``text`` on one line of ``width`` cells, whatever its length."""
    return fit(clean_line(cut(text, width)), width)


def append_shown(
    text: Text, value: str, w: Words, style: str = "", *, one_line: bool = False
) -> None:
    """Append ``value`` (stripped, cleaned; on one line if asked) to ``text``: at most
    :data:`SHOWN_MOST` characters, then how many more the file holds."""
    value = value.strip()
    head = value[:SHOWN_MOST]
    text.append(clean_line(head) if one_line else clean(head), style=style)
    more = len(value) - SHOWN_MOST
    if more > 0:
        # Translators: after a long text cut in the detail pane; the file holds all of it
        said = w.ngettext("… ({n} more character)", "… ({n} more characters)", more)
        text.append(" " + said.format(n=w.integer(more)), style="dim italic")


def too_long_to_edit(w: Words, field: str, goal_id: str, period: str, length: int) -> str:
    """Why the editor of a comment or forecast longer than :data:`EDITOR_MOST` does not open."""
    if field == "comment":
        said = w._(
            "The comment of {goal} in {period} has {n} characters, more than the {most} "
            "goaltui edits. It is kept in the file as it is: edit it there."
        )
    else:
        said = w._(
            "The forecast of {goal} in {period} has {n} characters, more than the {most} "
            "goaltui edits. It is kept in the file as it is: edit it there."
        )
    return said.format(
        goal=clean_line(goal_id),
        period=clean_line(period),
        n=w.integer(length),
        most=w.integer(EDITOR_MOST),
    )
