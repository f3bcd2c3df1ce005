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
from collections.abc import Iterable, Sequence
from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode

from goaltui.files.loading import decode, parse_toml
from goaltui.files.locate import locate
from goaltui.files.problems import Problem, ReviewError
from goaltui.language import _
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


def load_keymap(
    known: Iterable[str],
    path: Path | None = None,
    together: Iterable[Sequence[type[DOMNode]]] = (),
) -> dict[str, str]:
    """Textual's keymap from the user's file; empty when there is none.

    ``together`` are the groups of classes whose bindings answer at the same time (a screen,
    its widgets and the app): a key remapped onto another binding of its group would leave
    one of the two actions without a key, so it is a problem. Raises :class:`ReviewError`
    (the project's error for bad input) with every problem.
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
    for group in together:
        for name, key, other in clashes(keymap, group):
            clash = _(
                'the key "{key}" of {action} is already the key of {other}: '
                "one of them would never run; choose another key"
            )
            problem(("keys", name), clash.format(key=key, action=name, other=other))
    if problems:
        raise ReviewError(problems)
    return keymap


def _keys(binding: Binding, keymap: dict[str, str]) -> list[str]:
    keys = keymap.get(binding.id or "", binding.key)
    return [key.strip() for key in keys.split(",") if key.strip()]


def clashes(keymap: dict[str, str], group: Sequence[type[DOMNode]]) -> list[tuple[str, str, str]]:
    """(remapped id, key, the other action) for each remapped key that another binding of
    ``group`` also has, as mapped now."""
    bindings: list[Binding] = []
    for cls in group:
        for found in cls._merge_bindings().key_to_bindings.values():
            bindings.extend(b for b in found if b not in bindings)
    keys = {id(binding): _keys(binding, keymap) for binding in bindings}
    found_clashes: dict[tuple[str, str], str] = {}
    for binding in bindings:
        if binding.id not in keymap:
            continue
        name = binding.id.removeprefix(PREFIX)
        for key in keys[id(binding)]:
            for other in bindings:
                if other.action != binding.action and key in keys[id(other)]:
                    shown = (other.id or "").removeprefix(PREFIX) or other.action
                    found_clashes.setdefault((name, key), shown)
    return [(name, key, other) for (name, key), other in found_clashes.items()]
