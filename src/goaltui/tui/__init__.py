"""The terminal app. Only this package imports Textual."""

from __future__ import annotations

from pathlib import Path


def run(paths: list[Path]) -> int:
    print("goaltui: the review app is not available yet; use goaltui summary|check|fmt")
    return 2
