"""The marks goaltui shows beside words, the same in every output format and in the app.

A status's own mark is :attr:`goaltui.review.model.Status.mark`. Every mark here has a word
beside it, or a legend, so that nothing is told by a glyph or a colour alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from goaltui.review.model import Localized

NOT_ASSESSED_MARK = "·"
BINDING_MARK = "◆"
UNEXPLAINED_MARK = "!"  # a status that asks for a comment, without one
WORSENED_MARK = "▼"
IMPROVED_MARK = "▲"
NEEDS_ACTIONS_MARK = "⚑"  # a status that asks for actions, without any
CONTRADICTS_MARK = "≠"  # a status meaning "met" while an indicator is not met
DUE_MARK = "◷"  # the period's due date is near or past, with goals unassessed

#: The mark of each kind of item in the attention list.
ATTENTION_MARKS = {
    "worsened": WORSENED_MARK,
    "unexplained": UNEXPLAINED_MARK,
    "needs_actions": NEEDS_ACTIONS_MARK,
    "improved": IMPROVED_MARK,
}


def untranslated_mark(language: str) -> str:
    """The mark before a text shown in ``language``, the review's main language, because the
    language shown has no translation of it: "[fi]"."""
    return f"[{language}]"


def with_mark(text: Localized[str] | Localized[str | None], language: str) -> str:
    """A review's text as shown: "" for none, the main text after :func:`untranslated_mark`
    where it has no translation ("[fi] Toteutuu"). Not yet made safe for any output."""
    if text.text is None:
        return ""
    return f"{untranslated_mark(language)} {text.text}" if text.untranslated else text.text
