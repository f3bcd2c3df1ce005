"""Remapping keys: a TOML file of binding ids and keys, applied through Textual's keymap.

The file is ``$GOALTUI_KEYMAP`` or ``$XDG_CONFIG_HOME/goaltui/keymap.toml``
(``~/.config/goaltui/keymap.toml``)::

    [keys]
    cycle = "x"          # space by default
    undo = "ctrl+u,u"    # several keys, comma-separated

Press ? in the app to see every binding's id.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from textual.binding import Binding

from goaltui.files.loading import decode, parse_toml
from goaltui.files.locate import locate
from goaltui.files.problems import Problem, ReviewError
from goaltui.text import clean_line

PREFIX = "goaltui."


def keymap_path() -> Path:
    explicit = os.environ.get("GOALTUI_KEYMAP")
    if explicit:
        return Path(explicit)
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "goaltui" / "keymap.toml"


def binding_ids(classes: Iterable[type]) -> list[str]:
    """The remappable ids of the bindings of ``classes``, without the ``goaltui.`` prefix."""
    ids: dict[str, None] = {}
    for cls in classes:
        for binding in vars(cls).get("BINDINGS", []):
            if isinstance(binding, Binding) and binding.id and binding.id.startswith(PREFIX):
                ids[binding.id.removeprefix(PREFIX)] = None
    return list(ids)


def load_keymap(known: Iterable[str], path: Path | None = None) -> dict[str, str]:
    """Textual's keymap from the user's file; empty when there is none.

    Raises :class:`ReviewError` (the project's error for bad input) with every problem.
    """
    path = path or keymap_path()
    if not path.is_file():
        return {}
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReviewError.single(path, f"cannot be read: {error.strerror or error}") from None
    text = decode(path, data).removeprefix("\ufeff")
    table = parse_toml(path, text) if text.strip() else {}
    keys = table.get("keys", {})
    problems: list[Problem] = []
    places = locate(text)

    def problem(where: tuple[str, ...], message: str) -> None:
        line, col = places.find(where) or (None, None)
        problems.append(Problem(path, message, "error", line, col, ".".join(where)))

    if not isinstance(keys, dict):
        problem(("keys",), 'must be a table: [keys] then lines such as cycle = "x"')
        keys = {}
    valid = set(known)
    keymap: dict[str, str] = {}
    for name, value in keys.items():
        if name not in valid:
            problem(("keys", name), f'unknown binding "{name}"; press ? in goaltui to see them')
        elif not isinstance(value, str) or not value.strip() or clean_line(value) != value:
            # a key name with control characters would reach the terminal in the footer
            problem(("keys", name), 'must be a key or comma-separated keys, such as "ctrl+u"')
        else:
            keymap[PREFIX + name] = value
    if problems:
        raise ReviewError(problems)
    return keymap
