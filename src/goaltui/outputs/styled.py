"""Review facts as styled terminal text, shared by the Rich writer and the app: a status as
its mark and label in the scale's colour, and text fitted to a width of terminal cells.

Text from a file passes through :func:`~goaltui.text.clean_line` here: never markup, never
terminal control.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.style import Style
from rich.text import Text

from goaltui.outputs.marks import NOT_ASSESSED_MARK, with_mark
from goaltui.review.model import Review, Status
from goaltui.text import clean_line

DIM = Style(dim=True)


def status_style(status: Status | None) -> Style:
    """The colour of a status in the scale; no style when the file gives none."""
    if status is None or not status.color:
        return Style()
    return Style(color=status.color.strip().lower())


def status_text(review: Review, label: str | None, language: str | None = None) -> Text:
    """``● Toteutuu`` in the scale's colour; a dim dot when not assessed.

    With ``language`` (a translation, see :meth:`Review.translation_for`), the label of that
    language: ``● Uppfylls``, or ``● [fi] Toteutuu`` where the status has none.
    """
    status = review.status(label) if label is not None else None
    if status is None:
        return Text(NOT_ASSESSED_MARK, style=DIM)
    shown = with_mark(status.text("label", language), review.main_language)
    return Text(f"{status.mark} {clean_line(shown)}", style=status_style(status))


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with an ellipsis, then padded."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)
