"""The pseudo-language of the tests, "qps": every word of goaltui's marked, so one that bypasses
the catalogues shows.

- :func:`compile_pseudo` writes its catalogue from the template (locale/goaltui.pot): each message
  is the English one between ⟦ and ⟧ with its letters swapped for look-alikes ("⟦Ġȯȧḷṡ⟧"), its
  placeholders and plural forms kept. The ``pseudo`` fixture (conftest.py) makes it once per
  run and names it in ``$GOALTUI_PSEUDO``, after which goaltui speaks "qps" (``--lang qps`` or
  ``GOALTUI_LANG=qps``, also in a subprocess given that environment).
- :func:`unmarked` lists the words of a screen that are not goaltui's marked ones.
- :func:`marked_review` makes a review file whose texts are marked the same way, so that on a
  screen of it every word is marked but those that bypass the catalogues, and goaltui's words
  need not be told from the file's.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from pathlib import Path

import tomli_w
from catalogues_tool import tool

OPEN, CLOSE = "⟦", "⟧"
PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
LOOKALIKE = "ȧḃċḋėḟġḣịĵḳḷṁṅȯṗʠṙṡṫụṿẇẋẏżȦḂĊḊĖḞĠḢỊĴḲḶṀṄȮṖɊṘṠṪỤṾẆẊẎŻ"
_SWAP = str.maketrans(PLAIN, LOOKALIKE)
# What a message must keep as it is: str.format's fields and printf's conversions.
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]")
_WORD = re.compile(r"[^\W\d_]+")
# Fields of a review file that are no text shown to a person, or must stay as the format says.
_NOT_TEXT = {"language", "translations", "color", "symbol", "meaning", "direction"}


def pseudo(message: str) -> str:
    """``message`` marked, with look-alike letters; its placeholders as they were."""
    kept = 0
    out = []
    for field in _PLACEHOLDER.finditer(message):
        out.append(message[kept : field.start()].translate(_SWAP))
        out.append(field.group())
        kept = field.end()
    out.append(message[kept:].translate(_SWAP))
    return OPEN + "".join(out) + CLOSE


def compile_pseudo(path: Path) -> Path:
    """Write the pseudo-language's compiled catalogue to ``path``, from the template."""
    catalog = tool.new_catalogue("en")  # English plurals: n != 1
    for message in tool.read(tool.TEMPLATE):
        if not message.id:
            continue
        if isinstance(message.id, str):
            string: str | tuple[str, ...] = pseudo(message.id)
        else:
            string = tuple(pseudo(form) for form in message.id)
        catalog.add(message.id, string, context=message.context)
    path.write_bytes(tool.mo_bytes(catalog))
    return path


def unmarked(screen: str, allowed: Iterable[str] = ()) -> list[str]:
    """The words of ``screen`` outside goaltui's marked words, as "line N: word".

    Marked is what lies between ⟦ and ⟧ on a line (nested too), the rest of a line after a ⟦
    left open (a word cut short, or wrapped onto the next line), and the start of a line up to
    a ⟧ that closes a run begun on an earlier line. A word of look-alike letters only is the
    middle of a marked run that wrapped. Digits, glyphs and punctuation are no words; the
    ``allowed`` words (key names, say) pass.
    """
    passing = set(allowed)
    found = []
    for number, line in enumerate(screen.splitlines(), start=1):
        for word in _WORD.findall(_outside_marks(line)):
            if word not in passing and not set(word) <= set(LOOKALIKE):
                found.append(f"line {number}: {word}")
    return found


def _outside_marks(line: str) -> str:
    """``line`` with its marked parts blanked."""
    out: list[str] = []
    depth = 0
    for char in line:
        if char == OPEN:
            depth += 1
            out.append(" ")
        elif char == CLOSE:
            if depth == 0:  # closes a run opened on an earlier line: all before it is marked
                out = [" "] * len(out)
            else:
                depth -= 1
            out.append(" ")
        else:
            out.append(" " if depth else char)
    return "".join(out)


def marked_review(source: str) -> str:
    """The review file ``source`` with each text marked as :func:`pseudo` marks a message.

    Ids become numbers (the same id the same number), since they must stay ids; period names
    are marked wherever they appear, as keys too; colours, symbols and codes stay as they are.
    """
    ids: dict[str, str] = {}
    return tomli_w.dumps(_mark(tomllib.loads(source), None, ids), multiline_strings=True)


def _mark(value: object, key: str | None, ids: dict[str, str]) -> object:
    """``value``, found under ``key``, marked."""
    if isinstance(value, str):
        if key == "id":
            return ids.setdefault(value, str(len(ids) + 1))
        return value if key in _NOT_TEXT else pseudo(value)
    if isinstance(value, list):
        return [_mark(item, None if isinstance(item, dict) else key, ids) for item in value]
    if isinstance(value, dict):
        if key in ("periods", "due"):  # keyed by period names
            return {pseudo(name): _mark(item, None, ids) for name, item in value.items()}
        if key == "indicators":  # a period's values, keyed by the indicators' ids
            return {_mark(name, "id", ids): _mark(item, None, ids) for name, item in value.items()}
        return {name: _mark(item, name, ids) for name, item in value.items()}
    return value
