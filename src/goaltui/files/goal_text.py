"""One goal's canonical text, written directly: the layout tomli-w gives, in a fraction of its time.

The canonical layout is what ``tomli_w.dumps(data, multiline_strings=True)`` makes of the data
(docs/format.md). tomli-w looks at every character of every string in Python, and at every
value through the abstract ``Mapping`` type; for a review of 10,000 goals that is most of a
save. Here the same text is made for the tables goals almost always are (text, true/false,
numbers, arrays and tables of those), with a string written as it is unless it holds a
character that TOML escapes (then tomli-w writes that string). A value of any other type (a
date, a time) leaves the whole goal to tomli-w. A save still reads back every goal it wrote
before writing it.
"""

from __future__ import annotations

import re
from typing import Any

import tomli_w

# Characters a TOML basic string cannot hold as they are: tomli-w escapes them, and so
# writes the string some other way than between plain quotes.
_ESCAPED = re.compile('[\x00-\x08\x0a-\x1f\x7f"\\\\]')
# The same, newline excepted: in a multi-line string tomli-w keeps a line break as it is.
_ESCAPED_IN_LINES = re.compile('[\x00-\x08\x0b-\x1f\x7f"\\\\]')
_BARE_KEY = re.compile("[A-Za-z0-9_-]+")
_INDENT = "    "  # tomli-w's default: four spaces per level of an array
_LINE = 100  # the longest line tomli-w gives a table of an array written inline


class NotPlain(Exception):
    """A value whose text is left to tomli-w."""


def string_text(text: str) -> str:
    """A string value as tomli-w writes it with ``multiline_strings=True``."""
    if "\n" not in text:
        if _ESCAPED.search(text) is None:
            return f'"{text}"'
    elif _ESCAPED_IN_LINES.search(text) is None:
        return f'"""\n{text}"""'
    return tomli_w.dumps({"x": text}, multiline_strings=True)[4:-1]  # x = ...\n


_keys: dict[str, str] = {}


def key_text(key: str) -> str:
    """A key as tomli-w writes it: bare when it can be, else a one-line string."""
    known = _keys.get(key)
    if known is None:
        # not bare: a one-line string, as tomli-w writes it (... = 0\n)
        known = key if _BARE_KEY.fullmatch(key) else tomli_w.dumps({key: 0})[:-5]
        if len(_keys) < 4096:  # the same few keys come back in every goal
            _keys[key] = known
    return known


def _value_text(value: Any, level: int) -> str:
    kind = type(value)
    if kind is str:
        return string_text(value)
    if kind is bool:
        return "true" if value else "false"
    if kind is int or kind is float:
        return str(value)
    if kind is list:
        if not value:
            return "[]"
        inner = _INDENT * (level + 1)
        items = ",\n".join(inner + _value_text(item, level + 1) for item in value)
        return f"[\n{items},\n{_INDENT * level}]"
    if kind is dict:
        return _inline_text(value)
    raise NotPlain


def _inline_text(table: dict[str, Any]) -> str:
    """A table written inline; an array in it starts again at the left margin."""
    if not table:
        return "{}"
    return "{ " + ", ".join(f"{key_text(k)} = {_value_text(v, 0)}" for k, v in table.items()) + " }"


def _fits_inline(text: str) -> bool:
    """Whether tomli-w writes a table of an array inline: it fits on one line of 100 as an
    indented array item."""
    return len(_INDENT) + len(text) + 1 <= _LINE and "\n" not in text


def _table_text(table: dict[str, Any], name: str, header: str, out: list[str]) -> None:
    """``table`` as the table ``name``: its plain keys under its header, then its subtables,
    each after an empty line. ``header`` is ``[[name]]`` or ``[name]``."""
    subtables: list[tuple[str, dict[str, Any], bool]] = []  # (key, table, in an array)
    lines: list[str] = []
    for key, value in table.items():
        if type(value) is dict:
            subtables.append((key, value, False))
            continue
        if type(value) is list and value and all(type(item) is dict for item in value):
            inline = [_inline_text(item) for item in value]
            if not all(_fits_inline(text) for text in inline):  # an array of tables
                subtables += [(key, item, True) for item in value]
                continue
            items = ",\n".join(_INDENT + text for text in inline)
            lines.append(f"{key_text(key)} = [\n{items},\n]\n")
            continue
        lines.append(f"{key_text(key)} = {_value_text(value, 0)}\n")
    # A table of nothing but subtables has no header of its own, except in an array.
    wrote = header.startswith("[[") or bool(lines) or not subtables
    if wrote:
        out.append(header)
    out += lines
    for key, subtable, listed in subtables:
        if wrote:
            out.append("\n")
        wrote = True
        inner = f"{name}.{key_text(key)}"
        _table_text(subtable, inner, f"[[{inner}]]\n" if listed else f"[{inner}]\n", out)


def goal_text(table: dict[str, Any]) -> str | None:
    """One goal as the canonical layout writes it (a ``[[goals]]`` table and its subtables),
    or None when tomli-w must write it."""
    out: list[str] = []
    try:
        _table_text(table, "goals", "[[goals]]\n", out)
    except NotPlain:
        return None
    return "".join(out)
