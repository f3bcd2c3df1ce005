"""tools/catalogues.py, the maintainers' tool for the message catalogues, as a module."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parents[1] / "tools" / "catalogues.py"
_spec = importlib.util.spec_from_file_location("catalogues", _PATH)
assert _spec is not None and _spec.loader is not None
tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tool)
