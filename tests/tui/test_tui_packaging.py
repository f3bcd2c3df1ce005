"""The app's stylesheets must ship with the package, or an installed goaltui cannot start."""

from __future__ import annotations

import tomllib
from pathlib import Path

import goaltui
from goaltui.tui import dialogs
from goaltui.tui.app import GoalApp

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_every_stylesheet_of_the_app_is_package_data():
    package = Path(goaltui.__file__).parent
    settings = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    patterns = settings["tool"]["setuptools"]["package-data"]["goaltui"]
    shipped = {path for pattern in patterns for path in package.glob(pattern)}
    stylesheets = [Path(path) for path in [*GoalApp.CSS_PATH, *dialogs.STYLES]]
    assert len(stylesheets) == 2 and all(path.is_file() for path in stylesheets)
    missing = [str(path.relative_to(package)) for path in stylesheets if path not in shipped]
    assert missing == []
