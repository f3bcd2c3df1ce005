"""Reading review files: bytes to text to TOML to a checked :class:`Review`.

No input gets past :func:`load` as anything but a :class:`ReviewFile` or a
:class:`ReviewError` that lists every problem with its place in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from goaltui.files import tomlparse
from goaltui.files.fingerprint import Fingerprint
from goaltui.files.pieces import MAX_NESTING, parse_pieces
from goaltui.files.problems import Problem, ReviewError
from goaltui.files.regular import MAX_FILE_BYTES, NotRegularFile, TooLarge, read_regular, unreadable
from goaltui.files.validate import Finding, build_review, field_label
from goaltui.language import Words, _, default
from goaltui.review.model import Review

if TYPE_CHECKING:
    from goaltui.files.locate import Locations


_BOM = "\ufeff"
_ESCAPED_CR = re.compile(r"\\(?:r|u000[dD]|U0000000[dD])")


@dataclass(slots=True)
class ReviewFile:
    """A review together with where it came from and the text it was read from."""

    path: Path
    review: Review
    text: str  # empty when not kept (``load(..., keep_text=False)``)
    fingerprint: Fingerprint
    warnings: list[Problem] = field(default_factory=list)
    bom: bool = False  # the file began with a byte order mark, which a save leaves out
    comments: int = 0  # TOML comments, which a save drops

    @property
    def has_comments(self) -> bool:
        return self.comments > 0


def comments_warning(count: int, w: Words | None = None) -> str:
    """What a reviewer or maintainer is told, once, about a file's TOML comments (in the
    words of ``w``; default: the process's language)."""
    w = w or default()
    said = w.ngettext(
        "TOML comment ({n} in this file) will be dropped by the next save; "
        "keep lasting notes in a field",
        "TOML comments ({n} in this file) will be dropped by the next save; "
        "keep lasting notes in a field",
        count,
    )
    return said.format(n=w.integer(count))


def read_text(path: Path) -> tuple[str, Fingerprint]:
    """The file's text (UTF-8, BOM removed) and fingerprint; :class:`ReviewError` if unreadable."""
    data, fingerprint = read_bytes(path)
    return decode(path, data), fingerprint


def read_bytes(path: Path) -> tuple[bytes, Fingerprint]:
    """The file's bytes and fingerprint; :class:`ReviewError` if unreadable."""
    try:
        data, stat = read_regular(path, MAX_FILE_BYTES)
    except TooLarge as error:
        raise ReviewError.single(path, too_large(error)) from None
    except NotRegularFile as error:
        # Translators: said after the file's name; {kind} is such as: a folder
        not_review = _("is {kind}, not a review file").format(kind=error.kind)
        raise ReviewError.single(path, not_review) from None
    except FileNotFoundError:
        raise ReviewError.single(path, _("no such file")) from None
    except PermissionError:
        raise ReviewError.single(path, _("permission denied: the file cannot be read")) from None
    except OSError as error:
        unread = _("cannot be read: {reason}").format(reason=unreadable(error))
        raise ReviewError.single(path, unread) from None
    return data, Fingerprint.of(data, stat.st_mtime_ns)


def too_large(error: TooLarge) -> str:
    """The size refused, exactly: "64 MiB" alone would round 64 MiB and one byte down."""
    w = default()
    limit = _("review files over {bytes} bytes ({mib} MiB) are refused").format(
        bytes=w.integer(error.limit), mib=w.number(error.limit / 2**20)
    )
    if error.grew:
        return _("file grew past the size limit while being read; {limit}").format(limit=limit)
    return _("file is {bytes} bytes ({mib} MiB); {limit}").format(
        bytes=w.integer(error.size), mib=w.number(error.size / 2**20, 1), limit=limit
    )


def decode(path: Path, data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        # Columns count characters, as the TOML parser's do.
        col = len(data[line_start : error.start].decode("utf-8", errors="replace")) + 1
        not_utf8 = _(
            "not valid UTF-8: byte {byte} cannot start or continue a character "
            "(save the file as UTF-8)"
        )
        raise ReviewError.single(
            path, not_utf8.format(byte=f"0x{data[error.start]:02x}"), line=line, col=col
        ) from None
    return text


def parse_toml(path: Path, text: str) -> dict[str, Any]:
    if not text.strip():
        empty = _("file is empty: a review needs a [review] table")
        raise ReviewError.single(path, empty, line=1)
    try:
        return tomlparse.loads(text)
    except tomlparse.TOMLDecodeError as error:
        from goaltui.files.syntax import syntax_error  # only for a file that does not parse

        raise syntax_error(path, text, error) from None
    except RecursionError:  # tomllib's way to say the nesting is too deep
        line = _deep_line(text)
        deep = _("TOML syntax: {message}").format(message=_("arrays or tables nested too deeply"))
        raise ReviewError.single(path, deep, line=line, col=1) from None


def _deep_line(text: str, limit: int = 100) -> int | None:
    """The first line at which brackets nest deeper than ``limit`` (roughly: strings ignored)."""
    depth = 0
    line = 1
    for char in text:
        if char == "\n":
            line += 1
        elif char in "[{":
            depth += 1
            if depth > limit:
                return line
        elif char in "]}":
            depth = max(0, depth - 1)
    return None


def load_text(
    path: Path, text: str, fingerprint: Fingerprint | None = None, *, keep_text: bool = True
) -> ReviewFile:
    """Check and build the review held by ``text``; :class:`ReviewError` with all problems.

    ``keep_text`` False: the :class:`ReviewFile`'s text is left empty (see :func:`load`)."""
    bom = text.startswith(_BOM)
    text = text.removeprefix(_BOM)
    return _loaded(path, [text], parse_toml(path, text), fingerprint, bom, keep_text)


def _loaded(
    path: Path,
    texts: list[str],
    data: dict[str, Any],
    fingerprint: Fingerprint | None,
    bom: bool,
    keep_text: bool,
    shallow: bool = False,
) -> ReviewFile:
    """The review of ``data``, parsed from the text that ``texts`` make together
    (``shallow``: ``data`` is known to nest no deeper than :data:`MAX_NESTING`)."""
    deep = None if shallow else _too_deep(data, MAX_NESTING)
    if deep is not None:
        raise _nested_too_deeply(path, "".join(texts), data, deep)
    try:
        return _checked(path, texts, data, fingerprint, bom, keep_text)
    except RecursionError:
        nested = _("arrays or tables are nested too deeply")
        raise ReviewError.single(path, nested, line=1) from None


def review_of(data: dict[str, Any]) -> Review | None:
    """The review that parsed TOML ``data`` makes, as :func:`load_text` makes it from the
    text; None when the data holds an error (:func:`load_text` says which, and where)."""
    if _too_deep(data, MAX_NESTING) is not None:
        return None
    try:
        _unify_line_ends(data)
        return build_review(data)[0]
    except RecursionError:
        return None


def _too_deep(node: dict[str, Any] | list[Any], room: int) -> tuple[str | int, ...] | None:
    """Where arrays and tables nest more than ``room`` levels below ``node``, if anywhere."""
    for key, value in node.items() if type(node) is dict else enumerate(node):
        if type(value) in (dict, list):
            if not room:
                return (key,)
            below = _too_deep(value, room - 1)
            if below is not None:
                return (key, *below)
    return None


def _nested_too_deeply(
    path: Path, text: str, data: dict[str, Any], where: tuple[str | int, ...]
) -> ReviewError:
    from goaltui.files.locate import locate

    keyed = where[: max(i for i, step in enumerate(where) if isinstance(step, str)) + 1]
    line, col = locate(text).find(keyed) or (None, None)
    deep = _("arrays or tables nested more than {n} deep, which a save could not write")
    return ReviewError.single(
        path,
        deep.format(n=default().integer(MAX_NESTING)),
        line=line,
        col=col,
        field=field_label(keyed, data) or None,
    )


def _checked(
    path: Path,
    texts: list[str],
    data: dict[str, Any],
    fingerprint: Fingerprint | None,
    bom: bool,
    keep_text: bool,
) -> ReviewFile:
    # "\r\n" inside a string can only come from an escape (\r, \u000d): look only then.
    # (Neither an escape nor "#" spans two pieces: each piece ends a line.)
    escaped_cr = any(_ESCAPED_CR.search(text) is not None for text in texts)
    line_ends = _("holds Windows line ends (\\r\\n); a save writes them as \\n")
    findings = [
        Finding(where, line_ends, "warning")
        for where in (_unify_line_ends(data) if escaped_cr else ())
    ]
    review, checked = build_review(data)
    findings += checked
    commented = any("#" in text for text in texts)
    locations = None
    if findings or commented:  # where they are, said line by line
        from goaltui.files.locate import locate

        locations = locate("".join(texts))
    problems = [_problem(path, finding, data, locations) for finding in findings]
    problems.sort(key=lambda p: (p.line or 0, p.col or 0))
    if review is None:
        raise ReviewError(problems)
    comments = locations.comments if locations is not None else []
    if comments:
        line, col = comments[0]
        problems.append(Problem(path, comments_warning(len(comments)), "warning", line, col))
    if fingerprint is None:
        fingerprint = Fingerprint.of("".join(texts).encode(), 0)
    text = "".join(texts) if keep_text else ""
    return ReviewFile(path, review, text, fingerprint, problems, bom, len(comments))


def _unify_line_ends(node: Any, where: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Turn "\\r\\n" in strings into "\\n" (files are written with LF line ends); where it was."""
    found: list[tuple[str | int, ...]] = []
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in items:
        if isinstance(value, str):
            if "\r\n" in value:
                node[key] = value.replace("\r\n", "\n")
                found.append((*where, key))
        elif isinstance(value, dict | list):
            found += _unify_line_ends(value, (*where, key))
    return found


def load(path: Path | str, *, keep_text: bool = True) -> ReviewFile:
    """Read and check one review file.

    It is read goal by goal where it can be (:mod:`goaltui.files.pieces`: the same data in
    less memory). ``keep_text`` False: the text is not kept (the :class:`ReviewFile`'s is
    empty), for a caller that needs only its fingerprint, as a document does.
    """
    path = Path(path)
    data, fingerprint = read_bytes(path)
    pieces = parse_pieces(data)
    if pieces is None:
        return load_text(path, decode(path, data), fingerprint, keep_text=keep_text)
    del data  # the pieces hold the text now
    # parse_pieces gives up on nesting deeper than MAX_NESTING: the whole text says where.
    return _loaded(path, pieces.texts, pieces.data, fingerprint, False, keep_text, shallow=True)


def _problem(
    path: Path, finding: Finding, data: dict[str, Any], locations: Locations | None
) -> Problem:
    place = locations.find(finding.where) if locations is not None else None
    line, col = place if place else (None, None)
    return Problem(
        path,
        finding.message,
        "error" if finding.severity == "error" else "warning",
        line,
        col,
        field_label(finding.where, data) or None,
    )
