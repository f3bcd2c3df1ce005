"""The methods that dataclasses write, compiled once and kept beside goaltui's bytecode.

The ``dataclass`` decorator writes each class's ``__init__``, ``__eq__``, ``__repr__``... as
source text and compiles it, at every start: about 1.5 ms a class on a slow machine, and goaltui,
Rich and Textual make some 300 such methods before the first frame, a tenth of a small review's
start. The text of a method depends only on the class's fields, so the code compiled from it is
kept, keyed by that text, in the same ``__pycache__`` (and under the same rules) as Python's own
bytecode, and later starts execute it without compiling it again: the methods are the same ones.

:func:`install` runs as the package is imported (goaltui/__init__.py), before Rich and Textual
are; :func:`keep` writes what was compiled anew, once the command has run. A cache that cannot
be read is compiled again; one that cannot be written is not kept, which changes only the speed.
"""

from __future__ import annotations

import builtins
import contextlib
import dataclasses
import importlib.util
import marshal
import os
import sys
import types
from pathlib import Path
from typing import Any

_HEADER = importlib.util.MAGIC_NUMBER  # bytecode of another Python is not read
_MOST = 4096  # methods kept; past that, only those this process used (the rest are stale)

_codes: dict[str, types.CodeType] = {}
_used: set[str] = set()
_new = 0


def cache_path() -> Path | None:
    """Where the methods are kept: beside goaltui's bytecode (``sys.pycache_prefix`` too);
    None for a Python that keeps no bytecode."""
    try:
        compiled = importlib.util.cache_from_source(str(Path(__file__).with_name("methods.py")))
    except NotImplementedError:  # sys.implementation.cache_tag is None
        return None
    return Path(compiled).with_suffix(".marshal")


def _exec(source: Any, globals: Any = None, locals: Any = None) -> None:
    """``exec`` as dataclasses call it, with the code compiled from the same text kept."""
    global _new
    if isinstance(source, str):
        code = _codes.get(source)
        if code is None:
            code = compile(source, "<string>", "exec")  # exactly what exec(source) compiles
            _codes[source] = code
            _new += 1
        _used.add(source)
        source = code
    builtins.exec(source, globals, locals)


def _read(path: Path) -> dict[str, types.CodeType]:
    try:
        with path.open("rb") as file:
            kept = file.read()
        if not kept.startswith(_HEADER):
            return {}
        data = marshal.loads(memoryview(kept)[len(_HEADER) :])  # load(file): read by the piece
    except (OSError, EOFError, ValueError, TypeError):  # none yet, or damaged: compiled anew
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, types.CodeType)}


def install() -> None:
    """Have dataclasses made from here on use the kept methods (the module calls ``exec``)."""
    if getattr(dataclasses, "exec", None) is _exec:
        return
    path = cache_path()
    if path is not None:
        _codes.update(_read(path))
    dataclasses.exec = _exec  # type: ignore[attr-defined]  # found before the builtin


def keep() -> None:
    """Write the methods if some were compiled anew, as Python writes bytecode (if it may)."""
    global _new
    if not _new or sys.dont_write_bytecode:
        return
    path = cache_path()
    if path is None:
        return
    codes = _codes if len(_codes) <= _MOST else {k: _codes[k] for k in _used}
    _new = 0
    # Not written is only slower: a folder that is read-only, full or gone is not an error.
    import tempfile  # only to write: a start that finds the methods kept needs none of it

    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            os.chmod(temp, Path(__file__).stat().st_mode & 0o666)  # as importlib: the source's
            with os.fdopen(fd, "wb") as file:
                file.write(_HEADER)
                marshal.dump(codes, file)
            os.replace(temp, path)  # whole or not at all, as two processes may write it
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
