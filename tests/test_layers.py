"""The layers of the package keep to their import rules (see importrules.py)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from importrules import check

import goaltui

PACKAGE = Path(goaltui.__file__).parent


def test_the_package_keeps_its_import_rules():
    assert [str(v) for v in check(PACKAGE)] == []


def plant(root: Path, files: dict[str, str]) -> Path:
    package = root / "goaltui"
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    for folder in [package, *(p for p in package.rglob("*") if p.is_dir())]:
        (folder / "__init__.py").touch()
    return package


def test_a_textual_import_in_the_review_layer_is_caught(tmp_path):
    package = plant(tmp_path, {"review/model.py": "def f():\n    from textual.app import App\n"})
    assert [str(v) for v in check(package)] == [
        "goaltui.review.model imports textual.app: only the TUI imports Textual"
    ]


def test_a_lower_layer_importing_a_higher_one_is_caught(tmp_path):
    package = plant(
        tmp_path,
        {
            "files/loading.py": "from goaltui.outputs.summary import summarize\n",
            "outputs/summary.py": "from goaltui.files import loading\n",
        },
    )
    found = [str(v) for v in check(package)]
    assert (
        "goaltui.files.loading imports goaltui.outputs.summary: the files layer may not "
        "import outputs" in found
    )


def test_a_planted_cycle_is_caught(tmp_path):
    package = plant(
        tmp_path,
        {
            "tui/screens/a.py": "from goaltui.tui.flows.b import B\n",
            "tui/flows/b.py": "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from goaltui.tui.screens import a\n",
        },
    )
    assert [str(v) for v in check(package)] == [
        "goaltui.tui.flows.b imports goaltui.tui.screens.a: a cycle: goaltui.tui.flows.b -> "
        "goaltui.tui.screens.a -> goaltui.tui.flows.b"
    ]


def test_peers_do_not_import_each_other(tmp_path):
    package = plant(
        tmp_path,
        {"review/model.py": "from goaltui.language import labels\n", "language/labels.py": ""},
    )
    assert [str(v) for v in check(package)] == [
        "goaltui.review.model imports goaltui.language.labels: the review layer may not "
        "import language"
    ]


def test_inside_the_tui_a_dialog_importing_a_screen_is_caught(tmp_path):
    package = plant(
        tmp_path,
        {
            "tui/dialogs/ask.py": "from goaltui.tui.screens.main import Main\n",
            "tui/screens/main.py": "",
            "tui/flows/save.py": "from goaltui.tui.dialogs import ask\n",
        },
    )
    assert [str(v) for v in check(package)] == [
        "goaltui.tui.dialogs.ask imports goaltui.tui.screens.main: the tui's dialogs may not "
        "import its screens"
    ]
