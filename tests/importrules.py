"""The layers of goaltui and the imports they may make, checked from the source alone.

Every ``import`` in a module counts, also those inside functions and under TYPE_CHECKING: a
lazy import is still a dependency. The layers, lowest first:

    compiled_methods      dataclass methods kept compiled, installed as the package loads
    text                  cleaning text from outside (no goaltui imports)
    language, review      the words and formats; the review itself (peers: neither
                          imports the other)
    files                 reading, checking and writing review files
    outputs               summaries, reports and diffs, and their writers
    tui                   the terminal app, the only layer that may import Textual
    cli                   the command, over all of the above

A module may import its own layer and the layers below. No module imports Textual but the
TUI's, and no two modules import each other, directly or around a loop.

Inside the TUI its rooms are layered the same way, lowest first: keys and keymap (and the
drafts, the driver and the signals, which any room may use); widgets; dialogs; flows (saves,
the disk, recovery); screens; app.py; ending.py; the package's run(). A widget knows no
dialog, a dialog no flow or screen, a flow no screen.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

#: Each layer's rank; a module may import a layer of lower rank, or its own layer.
RANKS = {
    "text": 0,
    "language": 1,
    "review": 1,
    "files": 2,
    "outputs": 3,
    "tui": 4,
    "cli": 5,
    "__main__": 6,
    "__init__": -1,  # the package itself: its version, and the methods kept compiled
    "compiled_methods": -2,  # installed by the package as it is imported: imports no goaltui
}
TEXTUAL_ALLOWED = {"tui"}
#: The rooms of the TUI, ranked as the layers are.
TUI_RANKS = {
    "keys": 0,
    "keymap": 0,
    "themes": 0,  # the themes offered
    "contrast": 0,  # WCAG contrast, colours shaded readable
    "drafts": 0,  # journaling the text being typed in an editor
    "driver": 0,  # the terminal's input and output
    "signals": 0,  # signals end the app as quitting does
    "speech": 0,  # the language the app shows
    "widgets": 1,
    "dialogs": 2,
    "flows": 3,
    "screens": 4,
    "commands": 4.5,  # the command palette: the review screen's commands, for the app
    "app": 5,
    "ending": 6,  # what the terminal is told when the app ends
    "__init__": 7,  # goaltui.tui itself: run() starts the app
}


@dataclass(frozen=True)
class Violation:
    module: str
    imported: str
    rule: str

    def __str__(self) -> str:
        return f"{self.module} imports {self.imported}: {self.rule}"


def modules(root: Path) -> dict[str, Path]:
    """Every module of the package at ``root`` (the folder holding ``__init__.py``)."""
    package = root.name
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = [package, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "__init__"
    return parts[1]


def tui_room(module: str) -> str:
    """The room of a module of the TUI: ``goaltui.tui.dialogs.x`` is in ``dialogs``."""
    parts = module.split(".")
    return parts[2] if len(parts) > 2 else "__init__"


def imports(module: str, path: Path, known: set[str]) -> Iterator[str]:
    """The modules ``module`` imports: goaltui's resolved to modules, others by name."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                yield candidate if candidate in known else base


def check(root: Path) -> list[Violation]:
    """Every broken rule in the package at ``root``."""
    found = modules(root)
    known = set(found)
    package = root.name
    graph: dict[str, set[str]] = {}
    violations = []
    rooms = []  # imports between the TUI's rooms against their order
    for module, path in found.items():
        mine = layer(module)
        graph[module] = set()
        for imported in imports(module, path, known):
            top = imported.split(".")[0]
            if top == "textual" and mine not in TEXTUAL_ALLOWED:
                violations.append(Violation(module, imported, "only the TUI imports Textual"))
            if top != package:
                continue
            if imported == package:
                imported = f"{package}.__init__"
            theirs = layer(imported) if imported != f"{package}.__init__" else "__init__"
            if imported in known:
                graph[module].add(imported)
            if theirs == mine == "tui":
                here, there = tui_room(module), tui_room(imported)
                if here != there and TUI_RANKS[there] >= TUI_RANKS[here]:
                    rule = f"the tui's {here} may not import its {there}"
                    rooms.append(Violation(module, imported, rule))
                continue
            if theirs == mine:
                continue
            if RANKS[theirs] >= RANKS[mine]:
                violations.append(
                    Violation(module, imported, f"the {mine} layer may not import {theirs}")
                )
    loops = cycles(graph)
    violations += [Violation(a, b, "a cycle: " + " -> ".join(loop)) for a, b, loop in loops]
    # An import against the rooms' order within a loop is told once, as the loop.
    groups = [set(loop) for _, _, loop in loops]
    violations += [v for v in rooms if not any({v.module, v.imported} <= group for group in groups)]
    return violations


def cycles(graph: dict[str, set[str]]) -> list[tuple[str, str, list[str]]]:
    """One loop per strongly connected group of modules (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    loops: list[tuple[str, str, list[str]]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in graph.get(node, ()):
                members = sorted(group)
                loops.append((members[0], members[-1], [*members, members[0]]))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return loops
