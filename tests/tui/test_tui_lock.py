"""One goaltui per file: the app takes the file's lock before it starts.

- Two goaltui on one file shared one journal, and a save in one deleted the other's unsaved
  edits. Now the second is told who has the file (pid, host, since) and exits 2, or opens it
  with ``--read-only``, which never saves, journals or removes a journal. The drill: A
  edits, B cannot open blindly, B looks read-only, A is killed, A's edits come back.
- A lock file left by another host is not taken silently; ``--break-lock`` takes it.

The lock itself is tested in tests/test_lock.py.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sys
from pathlib import Path

import pytest
from ptyterminal import Terminal, third_goal_q3

import goaltui.cli
import goaltui.tui
from goaltui.files.document import READ_ONLY, Document
from goaltui.files.folder_lock import FOLDER_LOCK
from goaltui.files.loading import load
from goaltui.files.lock import HOST, lock_path
from goaltui.tui.app import GoalApp
from goaltui.tui.dialogs.choice_dialog import ChoiceDialog
from goaltui.tui.dialogs.quit_dialog import QuitDialog

EXAMPLE = "example-en.toml"
KUVA = "kuva-2021.toml"
DATA = Path(__file__).resolve().parents[2] / "data"


def journal(path: Path) -> Path:
    return path.with_name(f".{path.name}.goaltui-recovery.json")


def notes(app: GoalApp) -> list[tuple[str, str, str]]:
    return [(n.severity, n.title, n.message) for n in app._notifications]


# -- the drill: two terminals on one file ---------------------------------------------------------


def test_a_second_goaltui_cannot_open_a_file_blindly_and_the_first_ones_edits_survive(tmp_path):
    path = tmp_path / KUVA
    shutil.copyfile(DATA / KUVA, path)
    first = Terminal([KUVA], tmp_path)
    others: list[Terminal] = []
    try:
        first.wait_for("the table", lambda text: "Helsingissä on helppoa" in text)
        first.press("down")
        first.press("down")
        first.wait_for(
            "the third goal", lambda text: "Q3  Helsingissä on helppoa ja houkuttelevaa" in text
        )
        first.press("space")  # A edits
        first.wait_for("the unsaved mark", lambda text: "* tallentamatta" in text)
        first.wait_for_file(journal(path))
        journaled = journal(path).read_bytes()

        blind = Terminal([KUVA], tmp_path)  # B, as usual: refused
        others.append(blind)
        assert blind.wait_for_exit() == 2
        said = blind.said
        assert re.search(
            rf"goaltui: {re.escape(KUVA)} is open in another goaltui: pid {first.child.pid} "
            rf"on host {re.escape(HOST)} since \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d",
            said,
        ), said
        assert f"Close it there first, or open it read-only: goaltui --read-only {KUVA}" in said
        assert b"\x1b[?1049h" not in bytes(blind.output)  # the app never took the screen

        looking = Terminal(["--read-only", KUVA], tmp_path)  # B, read-only
        others.append(looking)
        looking.wait_for(
            "the read-only mark", lambda text: "vain luettavaksi" in text.splitlines()[0]
        )
        assert "Palautetaanko ne?" not in looking.text  # A's journal is not B's to offer
        assert third_goal_q3(looking.text) == "●"  # the file as saved, not A's edit
        looking.press("space")
        looking.press("ctrl+s")
        looking.wait_for("the refusal", lambda text: "Ei tallennettu: kuva-2021.toml" in text)
        assert journal(path).read_bytes() == journaled
        looking.press("q")
        looking.wait_for("the quit question", lambda text: "Hylkää" in text)
        looking.child.send(b"d")  # discard: B's edit, and nothing of A's
        assert looking.wait_for_exit() == 0
        assert journal(path).read_bytes() == journaled
        assert path.read_bytes() == (DATA / KUVA).read_bytes()

        os.kill(first.child.pid, signal.SIGKILL)  # A dies with its edit unsaved
        first.child.wait()
    finally:
        for term in [first, *others]:
            term.stop()
    assert journal(path).read_bytes() == journaled

    again = Terminal([KUVA], tmp_path)  # A again: its lock died with it, its edit is there
    try:
        again.wait_for("the question", lambda text: "Palautetaanko ne?" in text)
        assert "1 aiemman istunnon muutos" in again.text
        assert "sittemmin muuttunut" not in again.text
        again.child.send(b"r")
        again.wait_for("the restored edit", lambda text: "* tallentamatta" in text)
        again.press("ctrl+s")
        again.wait_for("the summary", lambda text: "Tallennettu: kuva-2021.toml." in text)
        again.press("escape")
        again.press("q")
        assert again.wait_for_exit() == 0, again.text
    finally:
        again.stop()
    assert load(path).review.goal("liikkeelle").status_in("Q3") == "Toteutuu osittain"
    assert not journal(path).exists() and not lock_path(path).exists()


# -- the messages, and --break-lock --------------------------------------------------------------


def another_host_left(path: Path) -> None:
    record = {"pid": 4321, "host": "laptop-7.example.org", "since": "2026-03-02T09:15:00+02:00"}
    lock_path(path).write_text(json.dumps(record), encoding="utf-8")


def test_a_lock_left_by_another_host_is_explained_with_both_ways_on(kit, monkeypatch, capsys):
    another_host_left(kit.path(EXAMPLE))
    monkeypatch.setattr(GoalApp, "run", lambda self: pytest.fail("the app was started"))
    assert goaltui.tui.run([Path(EXAMPLE)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"goaltui: {EXAMPLE} was opened by goaltui on host laptop-7.example.org (pid 4321 "
        "since 2026-03-02 09:15:00+02:00), and from here it cannot be told whether that one "
        "still runs.",
        "  If it still runs there, close it there first, or open it read-only: "
        f"goaltui --read-only {EXAMPLE}",
        f"  If it no longer runs, take the file over: goaltui --break-lock {EXAMPLE}",
    ]
    assert "laptop-7" in lock_path(kit.path(EXAMPLE)).read_text()  # untouched


def test_break_lock_takes_a_lock_left_by_another_host(kit, monkeypatch, capsys):
    path = kit.path(EXAMPLE)
    another_host_left(path)
    seen = []

    def run(self: GoalApp) -> None:  # the app, while it runs: the lock is this process's
        seen.append(json.loads(lock_path(path).read_text()))

    monkeypatch.setattr(GoalApp, "run", run)
    assert goaltui.tui.run([Path(EXAMPLE)], break_lock=True) == 0
    assert [(r["pid"], r["host"]) for r in seen] == [(os.getpid(), HOST)]
    assert not lock_path(path).exists()  # released when the app ended


def test_when_one_file_of_several_is_held_none_is_locked(kit, monkeypatch, capsys):
    from goaltui.files.lock import take

    with take(kit.path(KUVA)):
        monkeypatch.setattr(GoalApp, "run", lambda self: pytest.fail("the app was started"))
        assert goaltui.tui.run([Path(EXAMPLE), Path(KUVA)]) == 2
        assert not lock_path(kit.path(EXAMPLE)).exists()
    err = capsys.readouterr().err
    assert err.startswith(f"goaltui: {KUVA} is open in another goaltui: pid {os.getpid()}")


# -- read-only in the app -----------------------------------------------------------------------


def test_a_file_open_read_only_never_saves_journals_or_removes_a_journal(kit):
    path = kit.path(EXAMPLE)
    other = Document.open(Path(EXAMPLE))  # another goaltui's unsaved edit, journaled
    other.session.cycle_status("library-visits", "Q3")
    journaled = journal(path).read_bytes()
    app = GoalApp([Document.open(Path(EXAMPLE), read_only=True)])
    doc = app.documents[0]

    async def scenario(pilot):
        assert not isinstance(app.screen, ChoiceDialog)  # not offered: it is the other's
        assert "read-only" in kit.header(app)
        await pilot.press("space", "ctrl+s")
        await kit.settle(pilot)
        [(severity, title, message)] = notes(app)
        assert (severity, title) == ("error", f"Not saved: {EXAMPLE}")
        assert message.startswith(READ_ONLY)
        assert "keeps no journal of them, so quitting loses them" in message
        assert "Your edits are kept" not in message  # not on disk: only in this goaltui
        assert doc.dirty and journal(path).read_bytes() == journaled
        await pilot.press("q")
        assert isinstance(app.screen, QuitDialog)
        await pilot.press("d")
        await kit.settle(pilot)
        assert app.return_code == 0  # quit

    kit.run(app, scenario, notifications=True)
    assert journal(path).read_bytes() == journaled
    assert path.read_bytes() == kit.original(EXAMPLE)


# -- a folder opened whole -----------------------------------------------------------------------


@pytest.fixture
def team(kit: object) -> Path:
    """A folder of both data files."""
    folder = Path("team")
    folder.mkdir()
    for name in (EXAMPLE, KUVA):
        shutil.copyfile(DATA / name, folder / name)
    return folder


def from_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)


def test_a_folder_opened_whole_holds_one_lock_while_the_app_runs(team, monkeypatch):
    seen = []

    def run(self: GoalApp) -> None:
        seen.append(sorted(p.name for p in team.iterdir() if p.name.endswith("goaltui-lock")))
        seen.append(json.loads((team / FOLDER_LOCK).read_text())["pid"])

    monkeypatch.setattr(GoalApp, "run", run)
    from_a_terminal(monkeypatch)
    assert goaltui.cli.main(["team"]) == 0
    assert seen == [[FOLDER_LOCK], os.getpid()]
    assert not (team / FOLDER_LOCK).exists()


def test_a_file_of_a_folder_open_elsewhere_is_refused_with_the_ways_on(team, monkeypatch, capsys):
    from goaltui.files.folder_lock import take_all

    monkeypatch.setattr(GoalApp, "run", lambda self: pytest.fail("the app was started"))
    from_a_terminal(monkeypatch)
    held, _ = take_all([team / EXAMPLE, team / KUVA], [team])
    try:
        assert goaltui.cli.main([f"team/{KUVA}"]) == 2
    finally:
        held[0].release()
    lines = capsys.readouterr().err.splitlines()
    folder = Path.cwd() / "team"
    assert lines[0].startswith(
        f"goaltui: team/{KUVA} is open in another goaltui, which has the folder {folder} "
        f"open: pid {os.getpid()} on host {HOST} since "
    )
    assert lines[1:] == [
        f"  Close it there first, or open it read-only: goaltui --read-only team/{KUVA}"
    ]
    assert not lock_path(team / KUVA).exists()


def test_a_folder_with_a_file_open_elsewhere_is_refused_naming_the_file(team, monkeypatch, capsys):
    from goaltui.files.lock import take

    monkeypatch.setattr(GoalApp, "run", lambda self: pytest.fail("the app was started"))
    from_a_terminal(monkeypatch)
    with take(team / EXAMPLE):
        assert goaltui.cli.main(["team"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith(f"goaltui: team/{EXAMPLE} is open in another goaltui: pid ")
    assert lines[1:] == ["  Close it there first, or open it read-only: goaltui --read-only team"]
    assert not (team / FOLDER_LOCK).exists()
