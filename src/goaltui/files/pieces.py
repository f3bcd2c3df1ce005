"""Reading a review file goal by goal: the same TOML data in a fraction of the memory.

A file holding one character beyond U+00FF (a status symbol such as "◐") is, read whole, a
Python string of two bytes per character: 28 MB for a 14 MB review of 10,000 goals, alive next
to everything parsed from it. Cut where a line ``[[goals]]`` starts, each goal's text is a string
of its own, one byte per character for Finnish and Swedish, and each piece is parsed on its own.
Strings of the parse that are alike (the keys, the periods, the status labels, the themes) are
made one object, where the parser makes a new one each time.

This is only ever a quicker way to the same data: whenever the cut is in doubt (a piece that
does not parse, or parses to anything but goals, a byte that is not UTF-8, a byte order mark),
:func:`parse_pieces` gives up and the caller parses the whole text, which also says where an
error is. A cut inside a multi-line string leaves that string unterminated in the piece before,
which then does not parse; nothing else in TOML can hold a line break.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from goaltui.files import tomlparse

CUT = b"\n[[goals]]\n"
SHARED_LENGTH = 64  # longer strings (objectives, comments) are seldom alike: not looked up
#: Arrays and tables nested deeper than this are refused (by :mod:`goaltui.files.loading`):
#: the writer could not save them (it fails from about 250), and a review nests 6 deep. A
#: piece nested deeper makes the whole text be read, which says where.
MAX_NESTING = 100


class _TooDeep(Exception):
    """Nesting deeper than :data:`MAX_NESTING`."""


class Pieces:
    """A file's text as decoded pieces, and the data parsed from them."""

    def __init__(self, texts: list[str], data: dict[str, Any]) -> None:
        self.texts = texts  # joined, the text as decoding the file at once gives it
        self.data = data


def parse_pieces(data: bytes) -> Pieces | None:
    """The file's text and TOML data, read goal by goal; None when the whole text must be read
    (see the module's docstring)."""
    if data.startswith(b"\xef\xbb\xbf") or CUT not in data:
        return None
    texts: list[str] = []
    try:
        start = 0
        while (end := data.find(CUT, start)) >= 0:  # one piece at a time: a small peak
            texts.append(data[start : end + 1].decode("utf-8"))
            start = end + 1
        texts.append(data[start:].decode("utf-8"))
        made: dict[str, str] = {}
        shared = made.setdefault
        parsed = _shared(tomlparse.loads(texts[0]), shared, MAX_NESTING)
        if "goals" in parsed:
            return None
        goals: list[Any] = []
        for text in texts[1:]:
            piece = tomlparse.loads(text)
            if piece.keys() != {"goals"} or type(piece["goals"]) is not list:
                return None
            goals.extend(_shared(piece, shared, MAX_NESTING)["goals"])
    except (UnicodeDecodeError, tomlparse.TOMLDecodeError, RecursionError, _TooDeep):
        return None
    parsed["goals"] = goals
    return Pieces(texts, parsed)


def _shared(table: dict[str, Any], shared: Callable[[str, str], str], room: int) -> dict[str, Any]:
    """``table`` with its keys and short strings made one object per value (``shared`` is
    the ``setdefault`` of a dict of those made so far); :class:`_TooDeep` when its tables and
    arrays nest more than ``room`` levels below it."""
    made: dict[str, Any] = {}
    for key, value in table.items():
        kind = type(value)
        if kind is str:
            if len(value) <= SHARED_LENGTH:
                value = shared(value, value)
        elif kind is dict:
            if not room:
                raise _TooDeep
            value = _shared(value, shared, room - 1)
        elif kind is list:
            if not room:
                raise _TooDeep
            value = [_shared_item(item, shared, room - 1) for item in value]
        made[shared(key, key)] = value
    return made


def _shared_item(item: Any, shared: Callable[[str, str], str], room: int) -> Any:
    kind = type(item)
    if kind is dict:
        if not room:
            raise _TooDeep
        return _shared(item, shared, room - 1)
    if kind is str:
        return shared(item, item) if len(item) <= SHARED_LENGTH else item
    if kind is list:
        if not room:
            raise _TooDeep
        return [_shared_item(inner, shared, room - 1) for inner in item]
    return item
