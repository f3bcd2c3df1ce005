"""What a terminal does to the installed ``goaltui``, in a real pseudo-terminal.

- A byte that is not UTF-8 (a Latin-1 SSH client typing "ä") is typed as U+FFFD; the app goes on.
- SIGINT, SIGTERM and SIGHUP give the terminal back (the alternate screen left, the mouse off,
  the cursor shown, canonical mode), say where the unsaved edits are kept and exit 128 + the
  signal; a terminal that really hangs up ends the app too, with the edits journaled.
- The comment being typed survives ``kill -9`` and is reopened in its editor on restore.
- A file name holding an escape sequence never reaches the terminal as one.
"""

from __future__ import annotations

import fcntl
import os
import pty
import shutil
import signal
import struct
import termios
import time
from pathlib import Path

import pytest
from ptyterminal import COLUMNS, ROWS, Terminal, goaltui_command, terminal_env

from goaltui.files import recovery
from goaltui.files.loading import load

DATA = Path(__file__).resolve().parents[2] / "data"
EXAMPLE = "example-en.toml"
KUVA = "kuva-2021.toml"
# What Textual turned on, to be turned off again before the app is gone
MOUSE_OFF = b"\x1b[?1000l"
CURSOR_SHOWN = b"\x1b[?25h"
LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049l"


def copy(tmp_path: Path, name: str, as_name: str | None = None) -> Path:
    path = tmp_path / (as_name or name)
    shutil.copyfile(DATA / name, path)
    return path


def wait_until(what: str, check, term: Terminal | None = None, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"waited for {what}"
        if term is not None:
            term.read(0.05)
        else:
            time.sleep(0.05)


def journaled(path: Path) -> recovery.Journal | None:
    return recovery.read(path)


def canonical(modes: list) -> bool:
    lflag = modes[3]
    return bool(lflag & termios.ICANON) and bool(lflag & termios.ECHO)


def start_and_edit(tmp_path: Path) -> tuple[Terminal, Path]:
    """kuva-2021.toml open in the app, its first goal's Q3 status changed and journaled."""
    path = copy(tmp_path, KUVA)
    term = Terminal([KUVA], tmp_path)
    term.wait_for("the table", lambda text: "Helsingissä on helppoa" in text)
    term.press("space")
    term.wait_for("the unsaved mark", lambda text: "* tallentamatta" in text)
    wait_until("the journal", lambda: journaled(path) is not None, term)
    return term, path


# -- input that is not UTF-8 ----------------------------------------------------------------------


def test_a_byte_that_is_not_utf8_is_typed_as_a_replacement_character(tmp_path):
    path = copy(tmp_path, EXAMPLE)
    before = load(path).review.goal("reading-buddies").entry("Q3").comment
    term = Terminal([EXAMPLE], tmp_path)
    try:
        term.wait_for("the table", lambda text: "reading programm" in text)
        term.child.send(b"c")
        term.wait_for("the comment editor", lambda text: "ctrl+s apply" in text)
        term.child.send(b" Typed")
        term.child.send(b"\xe4")  # "ä" from a terminal set to Latin-1
        term.child.send(b"x")
        term.wait_for("the typed text", lambda text: "Typed\ufffdx" in text)
        term.press("ctrl+s")  # apply
        term.wait_for("the editor to close", lambda text: "ctrl+s apply" not in text)
        term.press("ctrl+s")  # save
        term.wait_for("the summary", lambda text: "Saved example-en.toml." in text)
        term.press("escape")
        term.wait_for("the summary to close", lambda text: "Saved example-en" not in text)
        term.press("q")
        code = term.wait_for_exit()
    finally:
        term.stop()
    assert code == 0
    assert b"Traceback" not in term.output and b"UnicodeDecodeError" not in term.output
    comment = load(path).review.goal("reading-buddies").entry("Q3").comment
    assert comment == f"{before} Typed\ufffdx"


# -- signals --------------------------------------------------------------------------------------


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_a_signal_gives_the_terminal_back_says_where_the_edits_are_and_exits_128_plus_it(
    tmp_path, signum
):
    term, path = start_and_edit(tmp_path)
    try:
        edits = journaled(path).edits
        sent_at = len(term.output)
        os.kill(term.child.pid, signum)
        code = term.wait_for_exit()
    finally:
        term.stop()
    assert code == 128 + signum
    after = bytes(term.output[sent_at:])
    for sequence in (MOUSE_OFF, LEAVE_ALTERNATE_SCREEN, CURSOR_SHOWN):
        assert sequence in after, sequence
    assert canonical(term.modes_at_exit)
    said = term.after_app()
    # in the review's language, Finnish
    assert f"goaltui: pysäytettiin signaalilla {signal.Signals(signum).name}." in said
    assert (
        f"tiedoston {KUVA} tallentamattomat muutoksesi ovat tallessa tiedostossa "
        f".{KUVA}.goaltui-recovery.json." in said
    )
    assert f"Palauta ne käynnistämällä goaltui {KUVA} uudelleen." in said
    assert "discarded" not in said and "Traceback" not in said
    assert journaled(path).edits == edits
    assert [(e.goal_id, e.after) for e in edits] == [("palvelustrategia", "Toteutuu osittain")]
    assert path.read_bytes() == (DATA / KUVA).read_bytes()


def test_a_signal_with_nothing_unsaved_says_so(tmp_path):
    copy(tmp_path, KUVA)
    term = Terminal([KUVA], tmp_path)
    try:
        term.wait_for("the table", lambda text: "Helsingissä on helppoa" in text)
        os.kill(term.child.pid, signal.SIGTERM)
        code = term.wait_for_exit()
    finally:
        term.stop()
    assert code == 128 + signal.SIGTERM
    said = "goaltui: pysäytettiin signaalilla SIGTERM; tallentamatonta ei jäänyt."
    assert said in term.after_app()
    assert canonical(term.modes_at_exit)


def test_a_terminal_that_hangs_up_ends_the_app_with_the_edits_journaled(tmp_path):
    """The SSH connection drops: the terminal is gone for good, and the app must not hang."""
    path = copy(tmp_path, KUVA)
    pid, fd = pty.fork()
    if pid == 0:  # the child: goaltui in the new terminal
        os.chdir(tmp_path)
        os.execve(goaltui_command(), [goaltui_command(), KUVA], terminal_env())
    try:
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        output = bytearray()

        def read() -> None:
            while True:
                try:
                    ready = os.read(fd, 65536) if _readable(fd) else b""
                except OSError:
                    return
                if not ready:
                    return
                output.extend(ready)

        wait_until("the table", lambda: read() or "Helsingissä".encode() in output)
        os.write(fd, b" ")
        wait_until("the journal", lambda: read() or journaled(path) is not None)
    finally:
        os.close(fd)  # the terminal hangs up
    started = time.monotonic()
    status = None
    while status is None:
        done, status_code = os.waitpid(pid, os.WNOHANG)
        if done:
            status = status_code
        else:
            assert time.monotonic() - started < 15, "the app hung after the hang-up"
            time.sleep(0.05)
    assert os.WIFEXITED(status), "killed by a signal, not ended"
    assert os.WEXITSTATUS(status) == 128 + signal.SIGHUP
    assert [(e.goal_id, e.after) for e in journaled(path).edits] == [
        ("palvelustrategia", "Toteutuu osittain")
    ]


def _readable(fd: int) -> bool:
    import select

    return bool(select.select([fd], [], [], 0.05)[0])


# -- the comment being typed ----------------------------------------------------------------------


def test_the_comment_being_typed_survives_kill_9_and_is_reopened_on_restore(tmp_path):
    path = copy(tmp_path, KUVA)
    first = Terminal([KUVA], tmp_path)
    try:
        first.wait_for("the table", lambda text: "Helsingissä on helppoa" in text)
        first.child.send(b"c")
        first.wait_for("the comment editor", lambda text: "ctrl+s käytä" in text)
        first.child.send(" Kesken jäänyt ajatus".encode())
        first.wait_for("the typed text", lambda text: "Kesken jäänyt ajatus" in text)

        def draft() -> recovery.Draft | None:
            journal = journaled(path)
            return journal.draft if journal else None

        wait_until("the draft in the journal", lambda: draft() is not None, first)
        assert draft().text.endswith(" Kesken jäänyt ajatus")
        assert (draft().goal_id, draft().period, draft().field) == (
            "palvelustrategia",
            "Q3",
            "comment",
        )
        os.kill(first.child.pid, signal.SIGKILL)
        first.child.wait()
    finally:
        first.stop()

    second = Terminal([KUVA], tmp_path)
    try:
        second.wait_for("the question", lambda text: "Palauta" in text and "(r)" in text)
        # the review is in Finnish: "the comment typed for ... in Q3 was never applied"
        assert "jaksolle Q3 kirjoitettua kommenttia ei otettu käyttöön" in second.text
        assert "Palautetaanko se?" in second.text
        second.child.send(b"r")
        second.wait_for("the editor, reopened", lambda text: "Kesken jäänyt ajatus" in text)
        assert "ctrl+s käytä" in second.text
        second.press("ctrl+s")  # apply
        second.wait_for("the editor to close", lambda text: "ctrl+s käytä" not in text)
        second.press("ctrl+s")  # save
        second.wait_for("the summary", lambda text: "Tallennettu: kuva-2021.toml." in text)
        second.press("escape")
        second.wait_for("the summary to close", lambda text: "Tallennettu: kuva" not in text)
        second.press("q")
        assert second.wait_for_exit() == 0
    finally:
        second.stop()
    comment = load(path).review.goal("palvelustrategia").entry("Q3").comment
    assert comment.endswith(" Kesken jäänyt ajatus")
    assert journaled(path) is None


# -- names from outside ---------------------------------------------------------------------------

EVIL = "evil\x1b]0;PWNED\x07.toml"  # a name that sets the terminal's title when printed


@pytest.mark.parametrize("how", ["discard", "sigterm"])
def test_a_file_name_with_an_escape_sequence_never_reaches_the_terminal_as_one(tmp_path, how):
    copy(tmp_path, EXAMPLE, EVIL)
    term = Terminal([EVIL], tmp_path)
    try:
        term.wait_for("the table", lambda text: "reading programm" in text)
        term.press("space")
        term.wait_for("the unsaved mark", lambda text: "* unsaved" in text)
        if how == "discard":
            term.press("q")
            term.wait_for("the quit dialog", lambda text: "Discard changes" in text)
            term.child.send(b"d")
        else:
            wait_until("the journal", lambda: journaled(tmp_path / EVIL) is not None, term)
            os.kill(term.child.pid, signal.SIGTERM)
        term.wait_for_exit()
    finally:
        term.stop()
    assert b"\x1b]0;" not in term.output and b"PWNED\x07" not in term.output
    said = term.after_app()
    assert "evil]0;PWNED.toml" in said  # the name, its control characters dropped
