"""The app never loses a reviewer's work: failed saves, changes from outside, crashes.

- A save that fails (a full disk, no permission, a read-only file system, a vanished folder)
  says why, keeps every edit on screen, in the session and in the recovery journal, and the
  next ctrl+s saves them once the cause is gone.
- A save never writes over a file that changed on disk since it was read: the reviewer chooses
  to merge, overwrite or reload, and every answer does what it says (and nothing more).
- Unsaved edits survive a crash: SIGKILL in a real terminal, or an exception inside the app.
- The app refuses to open one file twice.
"""

from __future__ import annotations

import asyncio
import errno
import os
import re
import shutil
import signal
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pexpect
import pytest
from outside import change_on_disk, come_back
from ptyterminal import Terminal, goaltui_command, terminal_env, third_goal_q3

import goaltui.tui
from goaltui import cli
from goaltui.files import atomic, recovery
from goaltui.files.document import Document
from goaltui.files.loading import load
from goaltui.files.paths import review_paths
from goaltui.tui.app import GoalApp
from goaltui.tui.dialogs.choice_dialog import ChoiceDialog
from goaltui.tui.dialogs.confirm_dialog import ConfirmDialog
from goaltui.tui.dialogs.conflict_dialog import ConflictDialog
from goaltui.tui.dialogs.quit_dialog import QuitDialog
from goaltui.tui.dialogs.summary_dialog import SummaryDialog
from goaltui.tui.widgets.goal_table import GoalTable

EXAMPLE = "example-en.toml"
KUVA = "kuva-2021.toml"
DATA = Path(__file__).resolve().parents[2] / "data"

# In example-en.toml the cursor starts on reading-buddies, Q3 ("On track"); space makes it
# "At risk". library-visits (the next line, "j") is "At risk" in Q3.
READING_Q3 = 'status = "On track"\nforecast = "18 of 18"\ncomment = "The August campaign'
LIBRARY_Q3 = 'status = "At risk"\nforecast = "1.51 million"'


def status(path: Path, goal_id: str, period: str = "Q3") -> str | None:
    return load(path).review.goal(goal_id).status_in(period)


def journal(path: Path) -> Path:
    return path.with_name(f".{path.name}.goaltui-recovery.json")


def journaled(path: Path) -> list:
    found = recovery.read(path)
    return [] if found is None else found.edits


def notes(app: GoalApp) -> list[tuple[str, str, str]]:
    """The notifications shown: (severity, title, message)."""
    return [(n.severity, n.title, n.message) for n in app._notifications]


def temporary_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# -- saves that fail ------------------------------------------------------------------------------


class Fault:
    """An OSError injected into one step of goaltui.files.atomic's save, until ``active`` is False.

    Only goaltui.files.atomic sees the failing function: the recovery journal still writes.
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch, step: str, code: int) -> None:
        self.active = True
        self.code = code
        real_os, real_tempfile = atomic.os, atomic.tempfile
        fault = self

        class Module:
            def __init__(self, real: Any, **replaced: Any) -> None:
                self._real = real
                self.__dict__.update(replaced)

            def __getattr__(self, name: str) -> Any:
                return getattr(self._real, name)

        def failing(real: Callable[..., Any]) -> Callable[..., Any]:
            def call(*args: Any, **kwargs: Any) -> Any:
                if fault.active:
                    raise OSError(code, os.strerror(code))
                return real(*args, **kwargs)

            return call

        if step == "mkstemp":
            module = Module(real_tempfile, mkstemp=failing(real_tempfile.mkstemp))
            monkeypatch.setattr(atomic, "tempfile", module)
        elif step == "write":

            class Half:
                """The temporary file: half of the text gets in, then the disk is full."""

                def __init__(self, real: Any) -> None:
                    self.real = real

                def __enter__(self) -> Half:
                    return self

                def __exit__(self, *exc: object) -> None:
                    self.real.close()

                def fileno(self) -> int:
                    return self.real.fileno()

                def flush(self) -> None:
                    self.real.flush()

                def write(self, data: bytes) -> int:
                    if fault.active:
                        self.real.write(data[: len(data) // 2])
                        raise OSError(code, os.strerror(code))
                    return self.real.write(data)

            def fdopen(*args: Any, **kwargs: Any) -> Half:
                return Half(real_os.fdopen(*args, **kwargs))

            monkeypatch.setattr(atomic, "os", Module(real_os, fdopen=fdopen))
        else:
            module = Module(real_os, **{step: failing(getattr(real_os, step))})
            monkeypatch.setattr(atomic, "os", module)


PERMISSION = "permission denied: the file or its folder is read-only"
SAVE_FAULTS = {
    "disk full": ("write", errno.ENOSPC, "the disk is full"),
    "disk full at fsync": ("fsync", errno.ENOSPC, "the disk is full"),
    "permission denied": ("mkstemp", errno.EACCES, PERMISSION),
    "read-only file system": ("mkstemp", errno.EROFS, PERMISSION),
    "read-only at the rename": ("replace", errno.EROFS, PERMISSION),
    "vanished folder": ("mkstemp", errno.ENOENT, "its folder no longer exists"),
}


@pytest.mark.parametrize("fault", SAVE_FAULTS.values(), ids=SAVE_FAULTS.keys())
def test_a_failed_save_says_why_keeps_the_edits_and_the_next_save_writes_them(
    kit, monkeypatch, fault
):
    step, code, reason = fault
    path = kit.path(EXAMPLE)
    original = path.read_bytes()
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        await pilot.press("space")  # reading-buddies Q3: On track -> At risk
        edits = doc.session.unsaved_edits()
        assert journaled(path) == edits and len(edits) == 1
        injected = Fault(monkeypatch, step, code)

        await pilot.press("ctrl+s")
        await kit.settle(pilot)
        assert not isinstance(app.screen, SummaryDialog)
        [(severity, title, message)] = notes(app)
        assert severity == "error"
        assert title == "Not saved: example-en.toml"
        assert message.startswith(reason + "\n")
        assert "Your edits are kept" in message
        screen = kit.screen_text(app)
        assert "Not saved: example-en.toml" in screen
        assert reason.split(":")[0] in screen
        # the edit is everywhere it was: session, table, header, journal; the file is as it was
        assert doc.dirty and doc.session.unsaved_edits() == edits
        assert doc.review.goal("reading-buddies").status_in("Q3") == "At risk"
        assert kit.cell(kit.table(app), "reading-buddies", "Q3") == "◐"
        assert "* unsaved" in kit.header(app)
        assert journaled(path) == edits
        assert path.read_bytes() == original
        assert temporary_files(kit.folder) == []

        injected.active = False  # the reviewer frees some space, fixes the permissions...
        await pilot.press("ctrl+s")
        await kit.settle(pilot)
        assert isinstance(app.screen, SummaryDialog)
        assert "Saved example-en.toml." in kit.screen_text(app)
        await pilot.press("escape")
        assert not doc.dirty and "unsaved" not in kit.header(app)

    kit.run(app, scenario, notifications=True)
    assert status(path, "reading-buddies") == "At risk"
    assert not journal(path).exists()
    assert temporary_files(kit.folder) == []


def test_a_folder_that_really_vanished_asks_then_says_why_and_saves_once_it_is_back(kit):
    folder = kit.folder / "team"
    folder.mkdir()
    path = folder / EXAMPLE
    shutil.copyfile(kit.path(EXAMPLE), path)
    app = kit.app("team/example-en.toml")
    doc = app.documents[0]

    async def scenario(pilot):
        await pilot.press("space")
        shutil.rmtree(folder)  # the checkout was moved away
        await pilot.press("ctrl+s")
        await kit.settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        assert "was deleted or moved since you opened it" in kit.screen_text(app)
        await pilot.press("w")  # write it again
        await kit.settle(pilot)
        # the journal went with the folder, and cannot be written again: the reviewer is told
        [recovery_off, (severity, title, message)] = notes(app)
        assert recovery_off[:2] == ("warning", "Crash recovery is off for this file")
        assert (severity, title) == ("error", "Not saved: example-en.toml")
        assert message.startswith("its folder no longer exists")
        assert doc.dirty and kit.cell(kit.table(app), "reading-buddies", "Q3") == "◐"
        assert "* unsaved" in kit.header(app)

        folder.mkdir()  # back again
        await pilot.press("ctrl+s")
        await kit.settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("w")
        await kit.settle(pilot)
        assert isinstance(app.screen, SummaryDialog)
        await pilot.press("escape")
        assert not doc.dirty

    kit.run(app, scenario, notifications=True)
    assert status(path, "reading-buddies") == "At risk"
    assert sorted(p.name for p in folder.iterdir()) == [EXAMPLE]


def test_quit_and_save_with_a_failing_save_does_not_quit(kit, monkeypatch):
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("space")
        Fault(monkeypatch, "write", errno.ENOSPC)
        await pilot.press("q")
        assert isinstance(app.screen, QuitDialog)
        await pilot.press("s")
        await kit.settle(pilot)
        assert app.return_code is None  # still running, edits kept
        assert app.documents[0].dirty
        assert journaled(path) == app.documents[0].session.unsaved_edits()

    kit.run(app, scenario)
    assert path.read_bytes() == kit.original(EXAMPLE)


# -- changes made outside -------------------------------------------------------------------------


def edit_then_change_outside(kit, app):
    """Our edit (reading-buddies Q3 -> At risk) and theirs (library-visits Q3 -> Off track)."""

    async def start(pilot) -> bytes:
        await pilot.press("space")
        outside = change_on_disk(
            kit.path(EXAMPLE), LIBRARY_Q3, 'status = "Off track"\nforecast = "1.51 million"'
        )
        await pilot.press("ctrl+s")
        await kit.settle(pilot)
        assert kit.path(EXAMPLE).read_bytes() == outside  # NOT overwritten
        assert isinstance(app.screen, ChoiceDialog)
        screen = kit.screen_text(app)
        assert "example-en.toml changed on disk since you opened it" in screen
        assert "You have 1 unsaved edit here." in screen
        for answer in (r"Merge\b.*\(m\)", r"Overwrite\b.*\(o\)", r"Reload\b.*\(r\)"):
            assert re.search(answer, screen), answer
        return outside

    return start


def test_merge_keeps_the_outside_change_and_the_edit_and_ctrl_s_writes_both(kit):
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)
    start = edit_then_change_outside(kit, app)

    async def scenario(pilot):
        await start(pilot)
        await pilot.press("m")
        await kit.settle(pilot)
        assert not isinstance(app.screen, ChoiceDialog | ConflictDialog)
        review = app.documents[0].review
        assert review.goal("library-visits").status_in("Q3") == "Off track"  # theirs
        assert review.goal("reading-buddies").status_in("Q3") == "At risk"  # mine
        table = kit.table(app)
        assert kit.cell(table, "library-visits", "Q3") == "○"
        assert kit.cell(table, "reading-buddies", "Q3") == "◐"
        assert "* unsaved" in kit.header(app)
        assert journaled(path) == app.documents[0].session.unsaved_edits()
        await pilot.press("ctrl+s")
        await kit.settle(pilot)
        assert isinstance(app.screen, SummaryDialog)
        await pilot.press("escape")

    kit.run(app, scenario)
    assert status(path, "library-visits") == "Off track"
    assert status(path, "reading-buddies") == "At risk"
    assert not journal(path).exists()


def test_overwrite_writes_the_sessions_version_by_explicit_choice(kit):
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)
    start = edit_then_change_outside(kit, app)

    async def scenario(pilot):
        await start(pilot)
        await pilot.press("o")
        await kit.settle(pilot)
        assert isinstance(app.screen, SummaryDialog)
        await pilot.press("escape")
        assert not app.documents[0].dirty

    kit.run(app, scenario)
    assert status(path, "reading-buddies") == "At risk"
    assert status(path, "library-visits") == "At risk"  # the outside change is gone
    assert path.read_bytes() == kit.original(EXAMPLE).replace(
        READING_Q3.encode(), READING_Q3.replace("On track", "At risk").encode()
    )


def test_reload_asks_first_and_no_keeps_the_edit_yes_drops_it(kit):
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)
    doc = app.documents[0]
    start = edit_then_change_outside(kit, app)

    async def scenario(pilot):
        outside = await start(pilot)
        await pilot.press("r")
        assert isinstance(app.screen, ConfirmDialog)
        assert "Drop your 1 unsaved edit to example-en.toml and reload it?" in kit.screen_text(app)
        await pilot.press("n")  # keep
        await kit.settle(pilot)
        assert not isinstance(app.screen, ConfirmDialog | ChoiceDialog)
        assert doc.dirty and kit.cell(kit.table(app), "reading-buddies", "Q3") == "◐"
        assert journaled(path) == doc.session.unsaved_edits()
        assert path.read_bytes() == outside

        await pilot.press("ctrl+s")  # asked again
        await kit.settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("r")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")  # drop and reload
        await kit.settle(pilot)
        assert not doc.dirty and "unsaved" not in kit.header(app)
        table = kit.table(app)
        assert kit.cell(table, "reading-buddies", "Q3") == "●"
        assert kit.cell(table, "library-visits", "Q3") == "○"  # the outside version
        assert not journal(path).exists()
        assert path.read_bytes() == outside

    kit.run(app, scenario)


@pytest.mark.parametrize("answer", ["escape", "#cancel"])
def test_deciding_later_keeps_everything(kit, answer):
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)
    doc = app.documents[0]
    start = edit_then_change_outside(kit, app)

    async def scenario(pilot):
        outside = await start(pilot)
        if answer.startswith("#"):
            await pilot.click(answer)
        else:
            await pilot.press(answer)
        await kit.settle(pilot)
        assert not isinstance(app.screen, ChoiceDialog)
        assert doc.dirty and "* unsaved" in kit.header(app)
        assert kit.cell(kit.table(app), "reading-buddies", "Q3") == "◐"
        assert journaled(path) == doc.session.unsaved_edits()
        assert path.read_bytes() == outside

    kit.run(app, scenario)


def conflict_then_merge(kit, app):
    """Both sides change reading-buddies Q3's status; we also change library-visits (clean)."""

    async def start(pilot) -> None:
        await pilot.press("space")  # reading-buddies Q3: At risk (theirs will be Off track)
        await pilot.press("j", "1")  # library-visits Q3: At risk -> On track
        change_on_disk(kit.path(EXAMPLE), READING_Q3, READING_Q3.replace("On track", "Off track"))
        await pilot.press("ctrl+s")
        await kit.settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("m")
        await kit.settle(pilot)
        assert isinstance(app.screen, ConflictDialog)
        screen = kit.screen_text(app)
        assert "1 of your edits applies cleanly on top of it" in screen
        assert "reading-buddies Q3 status" in screen
        assert re.search(r"yours:\s+At risk", screen)
        assert re.search(r"theirs:\s+Off track", screen)

    return start


@pytest.mark.parametrize("keep", ["yours", "theirs"])
def test_a_conflict_is_listed_and_the_reviewers_choice_is_what_gets_saved(kit, keep):
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)
    start = conflict_then_merge(kit, app)

    async def scenario(pilot):
        await start(pilot)
        if keep == "theirs":
            await pilot.press("space")  # untick: theirs wins
        await pilot.press("a")
        await kit.settle(pilot)
        assert not isinstance(app.screen, ConflictDialog)
        table = kit.table(app)
        assert kit.cell(table, "reading-buddies", "Q3") == ("◐" if keep == "yours" else "○")
        assert kit.cell(table, "library-visits", "Q3") == "●"
        await pilot.press("ctrl+s")
        await kit.settle(pilot)
        assert isinstance(app.screen, SummaryDialog)
        await pilot.press("escape")

    kit.run(app, scenario)
    assert status(path, "reading-buddies") == ("At risk" if keep == "yours" else "Off track")
    assert status(path, "library-visits") == "On track"
    assert not journal(path).exists()


def test_cancelling_the_conflict_dialog_keeps_the_session_as_it_was(kit):
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)
    doc = app.documents[0]
    start = conflict_then_merge(kit, app)

    async def scenario(pilot):
        await start(pilot)
        edits = doc.session.unsaved_edits()
        outside = path.read_bytes()
        await pilot.press("escape")
        await kit.settle(pilot)
        assert doc.dirty and doc.session.unsaved_edits() == edits
        assert kit.cell(kit.table(app), "reading-buddies", "Q3") == "◐"
        assert journaled(path) == edits
        assert path.read_bytes() == outside

    kit.run(app, scenario)


def test_a_file_deleted_while_the_conflict_dialog_is_open_keeps_the_app_and_the_edits(
    kit, monkeypatch
):
    """The merge applies onto the file as it was read for it; the next save sees it gone."""
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)
    monkeypatch.setattr(app, "_fatal_error", app._close_messages_no_wait)  # no slow traceback
    doc = app.documents[0]
    start = conflict_then_merge(kit, app)

    async def scenario(pilot):
        await start(pilot)
        path.unlink()  # git checkout of another branch
        await pilot.press("a")  # keep yours
        await kit.settle(pilot)
        assert app.return_code is None
        assert doc.dirty and "* unsaved" in kit.header(app)
        assert doc.review.goal("reading-buddies").status_in("Q3") == "At risk"
        assert doc.review.goal("library-visits").status_in("Q3") == "On track"
        assert journaled(path) == doc.session.unsaved_edits()
        await pilot.press("ctrl+s")
        await kit.settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)  # deleted: write it again?
        await pilot.press("w")
        await kit.settle(pilot)
        assert isinstance(app.screen, SummaryDialog)
        await pilot.press("escape")

    try:
        kit.run(app, scenario)
    except Exception as error:  # run_test re-raises what ended the app
        raise AssertionError(f"the app ended with {error!r}") from None
    assert status(path, "reading-buddies") == "At risk"
    assert status(path, "library-visits") == "On track"


def test_a_file_deleted_on_disk_is_written_again_on_request(kit):
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("space")
        path.unlink()
        await pilot.press("ctrl+s")
        await kit.settle(pilot)
        assert not path.exists()
        assert isinstance(app.screen, ChoiceDialog)
        screen = kit.screen_text(app)
        assert "example-en.toml was deleted or moved since you opened it" in screen
        assert "Write it again (w)" in screen
        await pilot.press("w")
        await kit.settle(pilot)
        assert isinstance(app.screen, SummaryDialog)
        await pilot.press("escape")

    kit.run(app, scenario)
    assert status(path, "reading-buddies") == "At risk"
    assert path.read_bytes() == kit.original(EXAMPLE).replace(
        READING_Q3.encode(), READING_Q3.replace("On track", "At risk").encode()
    )


def test_coming_back_reloads_a_clean_file_and_asks_about_a_dirty_one(kit):
    example, kuva = kit.path(EXAMPLE), kit.path(KUVA)
    app = GoalApp([Document.open(Path(EXAMPLE)), Document.open(Path(KUVA))])
    first, second = app.documents

    async def scenario(pilot):
        await pilot.press("space")  # example: an unsaved edit; kuva: none
        outside = change_on_disk(
            example, LIBRARY_Q3, 'status = "Off track"\nforecast = "1.51 million"'
        )
        change_on_disk(
            kuva,
            'status = "Toteutuu"\nforecast = "100 %"\ncomment = "Ensimmäinen vaihe',
            'status = "Ei toteudu"\nforecast = "100 %"\ncomment = "Ensimmäinen vaihe',
        )
        await come_back(pilot)
        # the clean file is reloaded: its table shows the new status
        assert second.review.goal("harrastaminen").status_in("Q3") == "Ei toteudu"
        assert not second.dirty
        # the dirty one is asked about, and not touched
        assert isinstance(app.screen, ChoiceDialog)
        assert "example-en.toml changed on disk since you opened it" in kit.screen_text(app)
        assert example.read_bytes() == outside
        assert first.dirty and first.review.goal("library-visits").status_in("Q3") == "At risk"
        await pilot.press("escape")
        await come_back(pilot)  # the same disk state is not asked about twice
        assert not isinstance(app.screen, ChoiceDialog)
        assert first.dirty
        await pilot.press("greater_than_sign")  # the other file's table shows the new status
        assert kit.cell(kit.table(app), "harrastaminen", "Q3") == "○"
        assert "unsaved" not in kit.header(app)

    kit.run(app, scenario)


# -- one file, opened once ----------------------------------------------------------------------


def in_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """goaltui.cli.main as in a terminal, with the app itself never started."""
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)

    def run(paths: list[Path]) -> int:
        raise AssertionError(f"the app was started on {paths}")

    monkeypatch.setattr(goaltui.tui, "run", run)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["example-en.toml", "example-en.toml"],
            "example-en.toml is named twice as example-en.toml",
        ),
        (
            ["data", "data/kuva-2021.toml"],
            "data/kuva-2021.toml is named as data and data/kuva-2021.toml",
        ),
        (
            ["example-en.toml", "./example-en.toml"],
            "example-en.toml is named as example-en.toml and ./example-en.toml",
        ),
        (["link.toml", "example-en.toml"], "is named as link.toml and example-en.toml"),
    ],
    ids=["the same name twice", "a folder and a file in it", "two spellings", "a link"],
)
def test_the_app_refuses_to_open_one_file_twice(kit, monkeypatch, capsys, argv, message):
    (kit.folder / "data").mkdir()
    shutil.copyfile(DATA / KUVA, kit.folder / "data" / KUVA)
    (kit.folder / "link.toml").symlink_to(EXAMPLE)
    in_a_terminal(monkeypatch)
    assert cli.main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("goaltui: ")
    assert f"{message}: open each file once" in err


def test_the_installed_command_refuses_to_open_one_file_twice_in_a_real_terminal(kit):
    (kit.folder / "data").mkdir()
    shutil.copyfile(DATA / KUVA, kit.folder / "data" / KUVA)
    child = pexpect.spawn(
        goaltui_command(),
        ["data", "data/kuva-2021.toml"],
        cwd=str(kit.folder),
        env=terminal_env(),
        dimensions=(24, 200),
        timeout=10,
    )
    output = child.read().decode("utf-8", "replace")
    child.wait()
    child.close()
    assert child.exitstatus == 2, output
    assert "goaltui: data/kuva-2021.toml is named as data and data/kuva-2021.toml" in output
    assert "\x1b[?1049h" not in output  # the app never took over the screen


# -- crash recovery in the app ---------------------------------------------------------------------


def test_after_every_key_the_journal_holds_exactly_the_unsaved_edits(kit):
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    def check() -> None:
        edits = doc.session.unsaved_edits() if doc.dirty else []
        assert journaled(path) == edits
        assert journal(path).exists() == bool(edits)

    async def scenario(pilot):
        check()
        await pilot.press("space")  # status
        check()
        await pilot.press("c")  # comment
        await kit.type(pilot, " More.")
        await pilot.press("ctrl+s")
        check()
        await pilot.press("f", "home", "ctrl+k")  # forecast
        await kit.type(pilot, "17 of 18")
        await pilot.press("enter")
        check()
        assert len(doc.session.unsaved_edits()) == 3
        for key in ("ctrl+z", "ctrl+z", "ctrl+y", "ctrl+z", "ctrl+z"):
            await pilot.press(key)
            check()
        assert not doc.dirty and not journal(path).exists()  # back at the file's state
        await pilot.press("ctrl+y")
        check()
        await pilot.press("ctrl+s")  # a save: no journal
        await kit.settle(pilot)
        check()
        assert not journal(path).exists()
        await pilot.press("escape", "ctrl+z")  # undo past the save: journaled again
        check()
        assert journal(path).exists()

    kit.run(app, scenario)


def test_quit_and_discard_removes_the_journal(kit):
    path = kit.path(EXAMPLE)
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("space")
        assert journaled(path) == app.documents[0].session.unsaved_edits()
        await pilot.press("q")
        assert isinstance(app.screen, QuitDialog)
        await pilot.press("escape")  # cancel first: nothing changes
        assert journal(path).exists()
        await pilot.press("q", "d")
        await kit.settle(pilot)
        assert app.return_code == 0

    kit.run(app, scenario)
    assert not journal(path).exists()
    assert path.read_bytes() == kit.original(EXAMPLE)


def leave_a_journal(kit) -> list:
    """A session that edited three fields and died without saving; returns its edits."""
    app = kit.app(EXAMPLE)
    edits: list = []

    async def edit_and_die(pilot):
        await pilot.press("space")  # reading-buddies Q3 -> At risk
        await pilot.press("j", "3")  # library-visits Q3 -> Off track
        await pilot.press("f", "home", "ctrl+k")
        await kit.type(pilot, "1.2 million")
        await pilot.press("enter")
        edits.extend(app.documents[0].session.unsaved_edits())

    kit.run(app, edit_and_die)
    assert len(edits) == 3 and journaled(kit.path(EXAMPLE)) == edits
    assert kit.path(EXAMPLE).read_bytes() == kit.original(EXAMPLE)
    return edits


def test_restore_brings_the_edits_back_unsaved(kit):
    path = kit.path(EXAMPLE)
    edits = leave_a_journal(kit)
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        assert isinstance(app.screen, ChoiceDialog)
        screen = kit.screen_text(app)
        assert "3 unsaved edits from an earlier session" in screen
        assert "Restore them?" in screen
        assert "has changed since" not in screen
        await pilot.press("r")
        await kit.settle(pilot)
        assert not isinstance(app.screen, ChoiceDialog)
        assert doc.dirty and doc.session.unsaved_edits() == edits
        table = kit.table(app)
        assert kit.cell(table, "reading-buddies", "Q3") == "◐"
        assert kit.cell(table, "library-visits", "Q3") == "○"
        assert kit.forecast(table, "library-visits") == "1.2 million"
        assert "* unsaved" in kit.header(app)
        assert journaled(path) == edits
        assert path.read_bytes() == kit.original(EXAMPLE)  # restored, not saved

    kit.run(app, scenario)


def test_discard_removes_the_journal_and_leaves_the_file(kit):
    path = kit.path(EXAMPLE)
    leave_a_journal(kit)
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("d")
        await kit.settle(pilot)
        assert not isinstance(app.screen, ChoiceDialog)
        assert not journal(path).exists()
        assert not app.documents[0].dirty
        assert kit.cell(kit.table(app), "reading-buddies", "Q3") == "●"

    kit.run(app, scenario)
    assert path.read_bytes() == kit.original(EXAMPLE)
    assert not journal(path).exists()


def test_escape_asks_again_and_never_drops_the_journal(kit):
    path = kit.path(EXAMPLE)
    edits = leave_a_journal(kit)
    saved_journal = journal(path).read_bytes()
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        for _ in range(3):
            await pilot.press("escape")
            await kit.settle(pilot)
            assert isinstance(app.screen, ChoiceDialog)
            assert "Restore them?" in kit.screen_text(app)
            assert journal(path).read_bytes() == saved_journal
        await pilot.press("r")
        await kit.settle(pilot)
        assert app.documents[0].session.unsaved_edits() == edits

    kit.run(app, scenario)


def test_an_app_closed_while_the_question_is_open_keeps_the_journal(kit):
    path = kit.path(EXAMPLE)
    leave_a_journal(kit)
    saved_journal = journal(path).read_bytes()
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("ctrl+q")
        await kit.settle(pilot)
        assert app.return_code == 0  # the app closed, at once: nothing was unsaved

    kit.run(app, scenario)
    assert journal(path).read_bytes() == saved_journal


def test_restore_on_a_file_changed_since_merges(kit):
    path = kit.path(EXAMPLE)
    leave_a_journal(kit)
    # meanwhile, a colleague changes another goal: culture-pass Q3 forecast
    change_on_disk(path, 'forecast = "3,600 passes"', 'forecast = "4,000 passes"')
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        assert isinstance(app.screen, ChoiceDialog)
        screen = kit.screen_text(app)
        assert "The file has changed since; they will be merged into it." in screen
        await pilot.press("r")
        await kit.settle(pilot)
        assert not isinstance(app.screen, ChoiceDialog | ConflictDialog)
        review = doc.review
        assert review.goal("culture-pass").entry("Q3").forecast == "4,000 passes"  # theirs
        assert review.goal("reading-buddies").status_in("Q3") == "At risk"  # ours
        assert review.goal("library-visits").entry("Q3").forecast == "1.2 million"
        await pilot.press("ctrl+s")
        await kit.settle(pilot)
        assert isinstance(app.screen, SummaryDialog)
        await pilot.press("escape")

    kit.run(app, scenario)
    saved = load(path).review
    assert saved.goal("culture-pass").entry("Q3").forecast == "4,000 passes"
    assert saved.goal("library-visits").status_in("Q3") == "Off track"
    assert saved.goal("reading-buddies").status_in("Q3") == "At risk"


@pytest.mark.parametrize("keep", ["yours", "theirs"])
def test_restore_with_a_conflict_asks_in_the_conflict_dialog(kit, keep):
    path = kit.path(EXAMPLE)
    leave_a_journal(kit)
    change_on_disk(path, READING_Q3, READING_Q3.replace("On track", "Off track"))
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        await pilot.press("r")
        await kit.settle(pilot)
        assert isinstance(app.screen, ConflictDialog)
        screen = kit.screen_text(app)
        assert "reading-buddies Q3 status" in screen
        assert re.search(r"yours:\s+At risk", screen) and re.search(r"theirs:\s+Off track", screen)
        if keep == "theirs":
            await pilot.press("space")
        await pilot.press("a")
        await kit.settle(pilot)
        expected = "At risk" if keep == "yours" else "Off track"
        assert doc.review.goal("reading-buddies").status_in("Q3") == expected
        assert doc.review.goal("library-visits").status_in("Q3") == "Off track"
        await pilot.press("ctrl+s")
        await kit.settle(pilot)
        await pilot.press("escape")

    kit.run(app, scenario)
    assert status(path, "reading-buddies") == ("At risk" if keep == "yours" else "Off track")
    assert status(path, "library-visits") == "Off track"


def test_cancelling_a_restore_conflict_asks_again_and_keeps_the_journal(kit):
    path = kit.path(EXAMPLE)
    edits = leave_a_journal(kit)
    saved_journal = journal(path).read_bytes()
    change_on_disk(path, READING_Q3, READING_Q3.replace("On track", "Off track"))
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        await pilot.press("r")
        await kit.settle(pilot)
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("escape")  # not now
        await kit.settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)  # the question comes back
        assert "Restore them?" in kit.screen_text(app)
        assert journal(path).read_bytes() == saved_journal
        assert not doc.dirty
        await pilot.press("r")
        await kit.settle(pilot)
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("a")  # keep yours
        await kit.settle(pilot)
        review = doc.review
        for edit in edits:
            assert getattr(review.goal(edit.goal_id).entry(edit.period), edit.field) == edit.after

    kit.run(app, scenario)
    places = {(e.goal_id, e.period, e.field, e.after) for e in journaled(path)}
    assert places == {(e.goal_id, e.period, e.field, e.after) for e in edits}


DAMAGED_JOURNAL = b'{"goaltui_recovery": 1, "edits": [{"goal": "reading-buddies"'


def kept_aside(kit, path: Path) -> list[Path]:
    return sorted(kit.folder.glob(f"{journal(path).name}.damaged-*"))


def test_a_damaged_journal_is_reported_kept_aside_and_the_app_starts(kit):
    path = kit.path(EXAMPLE)
    journal(path).write_bytes(DAMAGED_JOURNAL)
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        assert app.return_code is None
        assert not isinstance(app.screen, ChoiceDialog)
        [(severity, title, message)] = notes(app)
        assert (severity, title) == ("error", "Recovery journal")
        assert message.startswith(f"{journal(Path(EXAMPLE))}: damaged recovery journal")
        [aside] = kept_aside(kit, path)
        assert f"It is kept as {aside.name}" in message
        assert "Recovery journal" in kit.screen_text(app)

    kit.run(app, scenario, notifications=True)
    [aside] = kept_aside(kit, path)
    assert aside.read_bytes() == DAMAGED_JOURNAL
    found, _ = review_paths([str(kit.folder)])
    assert sorted(p.name for p in found) == [EXAMPLE, KUVA]  # never taken for a review


def test_a_damaged_journal_survives_new_edits_undo_and_save(kit):
    path = kit.path(EXAMPLE)
    journal(path).write_bytes(DAMAGED_JOURNAL)
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.press("space")
        assert journaled(path) == app.documents[0].session.unsaved_edits()
        await pilot.press("ctrl+z", "space", "ctrl+s")
        await kit.settle(pilot)
        await pilot.press("escape")

    kit.run(app, scenario)
    [aside] = kept_aside(kit, path)
    assert aside.read_bytes() == DAMAGED_JOURNAL
    assert not journal(path).exists()


# -- a crash inside the app ------------------------------------------------------------------------


def test_an_exception_inside_the_app_ends_it_and_says_where_the_edits_are(kit, monkeypatch, capsys):
    path = kit.path(EXAMPLE)
    real_refresh = GoalTable.refresh_goal
    calls = []

    def refresh_goal(self, goal_id):
        calls.append(goal_id)
        if len(calls) > 1:  # the second edit hits a bug
            raise RuntimeError("a bug in the goal table")
        return real_refresh(self, goal_id)

    monkeypatch.setattr(GoalTable, "refresh_goal", refresh_goal)
    monkeypatch.setattr(GoalApp, "_fatal_error", GoalApp._close_messages_no_wait)

    def run(self):
        """App.run, driven by a pilot: a reviewer makes two edits; the second one crashes."""

        async def main():
            async with self.run_test() as pilot:
                await pilot.press("space")
                await pilot.press("j", "space")
                await pilot.pause()

        try:
            asyncio.run(main())
        except RuntimeError as error:  # run_test re-raises; App.run returns with the code
            assert str(error) == "a bug in the goal table"

    monkeypatch.setattr(GoalApp, "run", run)
    code = goaltui.tui.run([Path(EXAMPLE)])
    assert code == 1
    err = capsys.readouterr().err
    assert (
        f"goaltui: your unsaved edits to {EXAMPLE} are kept in .{EXAMPLE}.goaltui-recovery.json."
        in err
    )
    assert f"Run goaltui {EXAMPLE} again to restore them." in err
    edits = journaled(path)
    assert [(e.goal_id, e.field, e.after) for e in edits] == [
        ("reading-buddies", "status", "At risk"),
        ("library-visits", "status", "Off track"),
    ]
    assert path.read_bytes() == kit.original(EXAMPLE)


def test_a_crash_in_textuals_input_thread_ends_with_an_error_and_says_the_edits_are_kept(
    kit, monkeypatch, capsys
):
    """Textual's input thread calls App.panic when it dies (as it did on a byte that is not
    UTF-8): the app ends with an error code, and the edits are kept, not "discarded"."""
    path = kit.path(EXAMPLE)

    def run(self):
        async def main():
            async with self.run_test() as pilot:
                await pilot.press("space")
                self.call_later(self.panic, "the input thread died")
                await asyncio.sleep(0.3)  # the app closes: no pilot.pause, which would wait

        asyncio.run(main())

    monkeypatch.setattr(GoalApp, "run", run)
    code = goaltui.tui.run([Path(EXAMPLE)])
    assert code == 1
    err = capsys.readouterr().err
    assert "discarded" not in err
    assert f"your unsaved edits to {EXAMPLE} are kept in .{EXAMPLE}.goaltui-recovery.json." in err
    assert [(e.goal_id, e.after) for e in journaled(path)] == [("reading-buddies", "At risk")]


def test_an_exception_escaping_the_app_keeps_the_edits_and_is_raised(kit, monkeypatch, capsys):
    path = kit.path(EXAMPLE)

    def run(self):
        async def main():
            async with self.run_test() as pilot:
                await pilot.press("space")
                # the journal write of this edit was lost (say, the disk was full)
                journal(path).unlink()

        asyncio.run(main())
        raise KeyboardInterrupt

    monkeypatch.setattr(GoalApp, "run", run)
    with pytest.raises(KeyboardInterrupt):
        goaltui.tui.run([Path(EXAMPLE)])
    assert f"are kept in .{EXAMPLE}.goaltui-recovery.json" in capsys.readouterr().err
    assert [(e.goal_id, e.after) for e in journaled(path)] == [("reading-buddies", "At risk")]


# -- the real thing, in a terminal ----------------------------------------------------------------


def test_sigkill_then_restore_in_a_real_terminal(tmp_path):
    path = tmp_path / KUVA
    shutil.copyfile(DATA / KUVA, path)
    original = path.read_bytes()
    first = Terminal([KUVA], tmp_path)
    try:
        first.wait_for("the table", lambda text: "Helsingissä on helppoa" in text)
        first.press("down")
        first.press("down")
        first.wait_for(
            "the third goal", lambda text: "Q3  Helsingissä on helppoa ja houkuttelevaa" in text
        )
        assert third_goal_q3(first.text) == "●"  # "Toteutuu"
        first.press("space")
        first.wait_for("the unsaved mark", lambda text: "* tallentamatta" in text)
        deadline = time.monotonic() + 10
        while not journal(path).exists():
            assert time.monotonic() < deadline, "no journal was written"
            first.read(0.05)
        os.kill(first.child.pid, signal.SIGKILL)
        first.child.wait()
        assert first.child.signalstatus == signal.SIGKILL
    finally:
        first.stop()
    assert path.read_bytes() == original

    second = Terminal([KUVA], tmp_path)
    try:
        second.wait_for("the question", lambda text: "Palautetaanko ne?" in text)
        assert "1 aiemman istunnon muutos" in second.text
        second.child.send(b"r")
        second.wait_for("the restored edit", lambda text: "* tallentamatta" in text)
        second.wait_for(
            "the restored status", lambda text: "Palautetaanko ne?" not in text and "◐" in text
        )
        assert third_goal_q3(second.text) == "◐"  # "Toteutuu osittain"
        second.press("ctrl+s")
        second.wait_for("the summary", lambda text: "Tallennettu: kuva-2021.toml." in text)
        second.press("escape")
        second.wait_for("the summary to close", lambda text: "Tallennettu: kuva" not in text)
        second.press("q")
        assert second.wait_for_exit() == 0, second.text
    finally:
        second.stop()
    assert status(path, "liikkeelle") == "Toteutuu osittain"
    old, new = original.decode().splitlines(), path.read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
    assert changed == [('status = "Toteutuu"', 'status = "Toteutuu osittain"')]
    assert not journal(path).exists()


CRASHING = textwrap.dedent(
    """
    import sys
    from goaltui.tui.widgets.goal_table import GoalTable

    def refresh_goal(self, goal_id):
        raise RuntimeError("a bug in the goal table")

    GoalTable.refresh_goal = refresh_goal
    from goaltui.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


def test_a_crash_in_a_real_terminal_prints_where_the_edits_are(tmp_path):
    path = tmp_path / KUVA
    shutil.copyfile(DATA / KUVA, path)
    term = Terminal(["-c", CRASHING, KUVA], tmp_path, command=sys.executable)
    try:
        term.wait_for("the table", lambda text: "Helsingissä on helppoa" in text)
        term.press("space")
        code = term.wait_for_exit(timeout=30)
    finally:
        term.stop()
    assert code != 0
    output = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", bytes(term.output).decode("utf-8", "replace"))
    output = output.replace("\r\n", "\n")
    assert (
        f"goaltui: tiedoston {KUVA} tallentamattomat muutoksesi ovat tallessa tiedostossa "
        f".{KUVA}.goaltui-recovery.json." in output
    )
    assert f"Palauta ne käynnistämällä goaltui {KUVA} uudelleen." in output
    assert [(e.goal_id, e.field, e.after) for e in journaled(path)] == [
        ("palvelustrategia", "status", "Toteutuu osittain")
    ]
    assert path.read_bytes() == (DATA / KUVA).read_bytes()
