"""Text from review files is data: never markup, never terminal control.

Every string that reaches a terminal or a CI log passes through :func:`clean` or
:func:`clean_line` first.
"""

from __future__ import annotations

# C0 and C1 control codes and DEL, except tab and newline; and the bidirectional overrides,
# which can make a line read differently from what it holds.
_CONTROL = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0D, 0x20), *range(0x7F, 0xA0)]
_BIDI = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_DROP = dict.fromkeys([*_CONTROL, *_BIDI])
_DROP_IN_LINE = {**_DROP, 0x09: " ", 0x0A: " ", 0x0D: " "}


def clean(text: str) -> str:
    """``text`` without control characters; newlines and tabs stay."""
    return text.translate(_DROP)


def clean_line(text: str) -> str:
    """``text`` on one line: control characters dropped, newlines and tabs made spaces."""
    return text.translate(_DROP_IN_LINE)
