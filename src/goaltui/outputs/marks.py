"""The marks goaltui shows beside words, the same in every output format and in the app.

A status's own mark is :attr:`goaltui.review.model.Status.mark`. Every mark here has a word
beside it, or a legend, so that nothing is told by a glyph or a colour alone.
"""

from __future__ import annotations

NOT_ASSESSED_MARK = "·"
BINDING_MARK = "◆"
UNEXPLAINED_MARK = "!"  # a status that asks for a comment, without one
WORSENED_MARK = "▼"
IMPROVED_MARK = "▲"

#: The mark of each kind of item in the attention list.
ATTENTION_MARKS = {
    "worsened": WORSENED_MARK,
    "unexplained": UNEXPLAINED_MARK,
    "improved": IMPROVED_MARK,
}
