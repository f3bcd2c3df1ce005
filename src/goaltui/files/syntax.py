"""What the TOML parser says of a text that is not TOML: in the language of diagnostics, located.

The parser (tomli, or the standard library's tomllib, the same code) says what is wrong in
English and appends the place: "Invalid value (at line 3, column 9)". Each of its messages is
also one of goaltui's, below, so that it reaches the catalogues; a message that a later parser
adds is shown as the parser says it until it is added here.
"""

from __future__ import annotations

import re
from pathlib import Path

from goaltui.files import tomlparse
from goaltui.files.problems import ReviewError
from goaltui.language import N_, _

_AT = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\s*$")
#: The parser's messages, begun in lower case, with {said} for what they quote from the file
#: (a key, a character); the most particular first.
_MESSAGES = (
    N_("invalid statement"),
    N_("expected newline or end of document after a statement"),
    N_("expected '=' after a key in a key/value pair"),
    N_("expected ']' at the end of a table declaration"),
    N_("expected ']]' at the end of an array declaration"),
    # Translators: {said} is what the parser expected, quoted, such as ']'
    N_("expected {said}"),
    # Translators: {said} is a character, quoted, such as '\x07'
    N_("found invalid character {said}"),
    # Translators: {said} is a character, quoted, such as '\x07'
    N_("illegal character {said}"),
    # Translators: {said} is a key as the parser writes it, such as ('review', 'title')
    N_("cannot declare {said} twice"),
    N_("cannot overwrite a value"),
    # Translators: {said} is a key as the parser writes it, such as ('review',)
    N_("cannot mutate immutable namespace {said}"),
    # Translators: {said} is a key as the parser writes it, such as ('review',)
    N_("cannot redefine namespace {said}"),
    # Translators: {said} is a key, quoted, such as 'title'
    N_("duplicate inline table key {said}"),
    N_("invalid initial character for a key part"),
    N_("unclosed array"),
    N_("unclosed inline table"),
    N_("unterminated string"),
    N_("unescaped '\\' in a string"),
    N_("invalid hex value"),
    N_("escaped character is not a Unicode scalar value"),
    N_("invalid date or datetime"),
    N_("invalid value"),
)
_PATTERNS = tuple(
    (
        re.compile(
            re.escape(message[:1].upper() + message[1:]).replace(r"\{said\}", "(?P<said>.+)")
        ),
        message,
    )
    for message in _MESSAGES
)


def syntax_error(path: Path, text: str, error: tomlparse.TOMLDecodeError) -> ReviewError:
    """The problem the parser found in ``text``, read from ``path``: what and where."""
    said = str(error)
    match = _AT.search(said)
    message = said[: match.start()] if match else said
    at_end = match is not None and not match.group(1)
    line = col = None
    if getattr(error, "lineno", None):  # tomli 2.1 and newer say where, also at the end
        line, col = error.lineno, error.colno
    elif match and not at_end:
        line, col = int(match.group(1)), int(match.group(2))
    elif match:
        line = max(text.count("\n") + (0 if text.endswith("\n") else 1), 1)
        col = len(text.rsplit("\n", 1)[-1]) + 1 if not text.endswith("\n") else 1
    if at_end:
        shown = _("TOML syntax: {message} at the end of the file")
    else:
        shown = _("TOML syntax: {message}")
    return ReviewError.single(path, shown.format(message=in_words(message)), line=line, col=col)


def in_words(message: str) -> str:
    """The parser's ``message`` in the language of diagnostics."""
    for pattern, words in _PATTERNS:
        found = pattern.fullmatch(message)
        if found:
            return _(words).format(**found.groupdict())
    return message[:1].lower() + message[1:]
