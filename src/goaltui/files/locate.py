"""Where things are in a TOML text: the lines of tables and keys, and the comments.

tomllib gives the data but not where it came from. Messages about a goal or a field should
point at its line, so this light scanner walks a text that tomllib has already accepted and
records the position of every table header and key under its logical path, such as
``("goals", 2, "periods", "Q3", "status")``. It never raises: on text it does not follow it
simply knows fewer places.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

#: Where a value is in the TOML data: its keys and array indexes from the top, such as
#: ``("goals", 2, "periods", "Q3", "status")``.
KeyPath = tuple[str | int, ...]
Token = tuple[str, str, int]  # its kind, its text, where it starts
Where = Callable[[int], tuple[int, int]]  # an offset in the text -> its line and column

_TOKEN = re.compile(
    r"""
    (?P<nl>\r?\n)
  | (?P<ws>[ \t]+)
  | (?P<comment>\#[^\n]*)
  | (?P<mlb>\"\"\"(?:[^\\]|\\.)*?\"\"\"\"{0,2})
  | (?P<mll>'''.*?''''{0,2})
  | (?P<basic>"(?:[^"\\\n]|\\.)*")
  | (?P<literal>'[^'\n]*')
  | (?P<aot_open>\[\[)
  | (?P<punct>[\[\]{}=,.])
  | (?P<bare>[A-Za-z0-9_+\-:]+)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)

_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}


def _unquote(kind: str, raw: str) -> str:
    if kind == "literal":
        return raw[1:-1]
    return re.sub(
        r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)",
        lambda m: (
            chr(int(m.group(1)[1:], 16)) if len(m.group(1)) > 1 else _ESCAPES.get(m.group(1), "")
        ),
        raw[1:-1],
    )


@dataclass
class Locations:
    """Positions (line, column; both from 1) of tables, keys and comments in one text."""

    places: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    comments: list[tuple[int, int]] = field(default_factory=list)

    def find(self, path: KeyPath) -> tuple[int, int] | None:
        """The position of ``path``, or of the nearest enclosing table or key that is known."""
        for end in range(len(path), 0, -1):
            place = self.places.get(path[:end])
            if place is not None:
                return place
        return None


@dataclass(slots=True)
class _Open:
    """An inline table or array being read."""

    path: KeyPath
    is_array: bool
    index: int = 0  # an array's next item


def locate(text: str) -> Locations:
    """Scan ``text`` (valid TOML) for the positions of its tables, keys and comments."""
    found = Locations()
    newlines = [m.start() for m in re.finditer("\n", text)]

    def where(pos: int) -> tuple[int, int]:
        line = bisect.bisect_right(newlines, pos - 1)
        start = newlines[line - 1] + 1 if line else 0
        return line + 1, pos - start + 1

    tokens: list[Token] = [
        (m.lastgroup or "other", m.group(), m.start())
        for m in _TOKEN.finditer(text)
        if m.lastgroup not in ("ws",)
    ]
    for kind, _raw, pos in tokens:
        if kind == "comment":
            found.comments.append(where(pos))
    tokens = [t for t in tokens if t[0] != "comment"]

    aot_counts: dict[KeyPath, int] = {}  # logical path of an array of tables -> last index
    table: KeyPath = ()
    stack: list[_Open] = []  # the inline tables and arrays open at this point
    i, n = 0, len(tokens)
    at_statement = True
    while i < n:
        kind, raw, pos = tokens[i]
        if kind == "nl":
            if not stack:
                at_statement = True
            i += 1
            continue
        if not stack and at_statement and kind in ("aot_open", "punct") and raw in ("[[", "["):
            keys, i = _read_key(tokens, i + 1)
            is_aot = raw == "[["
            table = _resolve(keys, aot_counts, append=is_aot)
            found.places.setdefault(table, where(pos))
            while i < n and tokens[i][0] != "nl":
                i += 1
            continue
        if stack and stack[-1].is_array:
            if raw == ",":
                stack[-1].index += 1
                i += 1
            elif raw == "]":
                stack.pop()
                i += 1
            else:
                item = (*stack[-1].path, stack[-1].index)
                i = _read_value(tokens, i, item, stack, found, where)
            continue
        if stack and raw in ("}", ","):
            if raw == "}":
                stack.pop()
            i += 1
            continue
        if kind in ("bare", "basic", "literal"):
            base = stack[-1].path if stack else table
            keys, j = _read_key(tokens, i)
            if j < n and tokens[j][1] == "=":
                path = (*base, *keys)
                for end in range(len(base) + 1, len(path) + 1):  # a.b.c = 1 defines a and a.b
                    found.places.setdefault(path[:end], where(pos))
                i = _read_value(tokens, j + 1, path, stack, found, where)
                at_statement = False
                continue
        i += 1
    return found


def _read_key(tokens: list[Token], i: int) -> tuple[list[str], int]:
    """A dotted key from token ``i``; returns its parts and the index after it."""
    keys: list[str] = []
    while i < len(tokens):
        kind, raw, _ = tokens[i]
        if kind == "bare":
            keys.extend(part for part in raw.split(".") if part)
        elif kind in ("basic", "literal"):
            keys.append(_unquote(kind, raw))
        elif raw != ".":
            break
        i += 1
    return keys, i


def _resolve(keys: list[str], aot_counts: dict[KeyPath, int], *, append: bool) -> KeyPath:
    """The logical path of a header, with the current index of every array of tables in it."""
    path: KeyPath = ()
    for k, key in enumerate(keys):
        path = (*path, key)
        last = k == len(keys) - 1
        if last and append:
            aot_counts[path] = aot_counts.get(path, -1) + 1
            path = (*path, aot_counts[path])
        elif path in aot_counts:
            path = (*path, aot_counts[path])
    return path


def _read_value(
    tokens: list[Token], i: int, path: KeyPath, stack: list[_Open], found: Locations, where: Where
) -> int:
    """Step over a value at token ``i``; inline tables and arrays open a container."""
    while i < len(tokens) and tokens[i][0] == "nl":
        i += 1
    if i >= len(tokens):
        return i
    _, raw, pos = tokens[i]
    if raw == "{":
        found.places.setdefault(path, where(pos))
        stack.append(_Open(path, is_array=False))
    elif raw in ("[", "[["):
        found.places.setdefault(path, where(pos))
        stack.append(_Open(path, is_array=True))
        if raw == "[[":
            stack.append(_Open((*path, 0), is_array=True))
    else:
        found.places.setdefault(path, where(pos))
    return i + 1
