"""A folder opened whole with the installed ``goaltui``, in a real pseudo-terminal.

The app ends the process at once when it has ended (goaltui.tui.ending.leave), skipping the
interpreter's own slow end: nothing it says may be lost by that, and nothing it was doing.
A reviewer edits the first file of a folder and quits: saving in the quit dialog leaves the
saved file's summary in the terminal, and the file saved; discarding says so. Either way the
folder's one lock is gone, no journal is left, the terminal is as it was, and the exit code 0.
"""

from __future__ import annotations

import shutil
import termios
from pathlib import Path

import pytest
from ptyterminal import Terminal

from goaltui.files.folder_lock import FOLDER_LOCK
from goaltui.files.loading import load

DATA = Path(__file__).resolve().parents[2] / "data"
KUVA = "kuva-2021.toml"
TITLE = "Kulttuurin ja vapaa-ajan toimiala"


def team(tmp_path: Path) -> Path:
    folder = tmp_path / "team"
    folder.mkdir()
    shutil.copyfile(DATA / KUVA, folder / KUVA)
    shutil.copyfile(DATA / KUVA, folder / "kuva-copy.toml")
    return folder


@pytest.mark.parametrize("answer", ["s", "d"], ids=["save", "discard"])
def test_quitting_a_folder_says_everything_and_leaves_nothing_behind(tmp_path, answer):
    folder = team(tmp_path)
    term = Terminal(["team"], tmp_path)
    try:
        term.wait_for("the table", lambda text: TITLE in text and "Helsingissä" in text)
        assert sorted(p.name for p in folder.iterdir() if "lock" in p.name) == [FOLDER_LOCK]
        term.press("space")
        term.wait_for("the unsaved mark", lambda text: "* tallentamatta" in text)
        term.press("q")
        term.wait_for("the quit dialog", lambda text: "Hylkää muutokset" in text)
        term.child.send(answer.encode())
        code = term.wait_for_exit()
    finally:
        term.stop()
    assert code == 0, term.text
    lflag = term.modes_at_exit[3]
    assert lflag & termios.ICANON and lflag & termios.ECHO
    said = term.after_app()
    saved = load(folder / "kuva-copy.toml").review
    first = load(folder / KUVA).review
    if answer == "s":
        assert "kuva-2021.toml · vuosi 2021 · tarkastelujakso Q3 · 3 tavoitetta" in said
        assert first != saved  # the edit was written before the process ended
    else:
        assert f"goaltui: tiedoston team/{KUVA} tallentamattomat muutokset hylättiin" in said
        assert first == saved
    assert sorted(p.name for p in folder.iterdir()) == [KUVA, "kuva-copy.toml"]
