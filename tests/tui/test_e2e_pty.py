"""The installed ``goaltui`` command in a real pseudo-terminal, read back with pyte.

A reviewer opens the Helsinki review, moves to the third goal's Q3 cell, changes its status
with space, saves with ctrl+s, closes the summary, quits with q, and finds the summary of the
saved file in the terminal after the app is gone, and one changed line in the file.
"""

from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path

from ptyterminal import Terminal, third_goal_q3

from goaltui.files.loading import load

KUVA = "kuva-2021.toml"
TITLE = "Kulttuurin ja vapaa-ajan toimiala"
LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049l"


def test_edit_save_and_quit_in_a_real_terminal(tmp_path):
    path = tmp_path / KUVA
    shutil.copyfile(Path(__file__).resolve().parents[2] / "data" / KUVA, path)
    original = path.read_text(encoding="utf-8")
    term = Terminal([KUVA], tmp_path)
    try:
        term.wait_for(
            "the header: title and current period",
            lambda text: TITLE in text.splitlines()[0] and "tarkastelujakso Q3" in text,
        )

        term.press("down")
        term.press("down")
        term.wait_for(
            "the third goal's details", lambda t: "Q3  Helsingissä on helppoa ja houkuttelevaa" in t
        )
        assert third_goal_q3(term.text) == "●"  # "Toteutuu"
        term.press("space")
        term.wait_for("the unsaved mark", lambda text: "* tallentamatta" in text)
        assert third_goal_q3(term.text) == "◐"  # "Toteutuu osittain"

        term.press("ctrl+s")
        term.wait_for("the summary", lambda text: "Tallennettu: kuva-2021.toml." in text)
        term.press("escape")
        term.wait_for("the summary to close", lambda text: "Tallennettu: kuva" not in text)
        assert "tallentamatta" not in term.text

        term.press("q")
        status = term.wait_for_exit()
    finally:
        term.stop()

    assert status == 0, term.text
    # after the app's screen is gone, the summary of the saved file is left in the terminal
    output = bytes(term.output)
    assert LEAVE_ALTERNATE_SCREEN in output
    after = output[output.rindex(LEAVE_ALTERNATE_SCREEN) :].decode("utf-8", "replace")
    after = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", after)  # colours and modes, not text
    assert TITLE in after
    assert "kuva-2021.toml · vuosi 2021 · tarkastelujakso Q3 · 3 tavoitetta" in after
    assert "liikkeelle ● Toteutuu → ◐ Toteutuu osittain" in after  # "worsened" in Q3
    # pyte has no alternate screen: the summary is drawn over the app's last picture
    assert "Huomioitavaa (Q3)" in term.text

    # the file: the third goal's Q3 status changed, and nothing else
    saved = path.read_text(encoding="utf-8")
    assert load(path).review.goal("liikkeelle").entry("Q3").status == "Toteutuu osittain"
    old, new = original.splitlines(), saved.splitlines()
    changed = [
        (old[i1:i2], new[j1:j2])
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new).get_opcodes()
        if tag != "equal"
    ]
    assert changed == [(['status = "Toteutuu"'], ['status = "Toteutuu osittain"'])]
    line = next(i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b)
    above = old[:line][::-1]
    assert next(x for x in above if x.startswith("[goals.periods.")) == "[goals.periods.Q3]"
    goal = above.index("[[goals]]")  # the goal's id, not one of its indicators'
    assert above[goal - 1] == 'id = "liikkeelle"'


def test_lang_sv_shows_the_goals_swedish_texts_and_swedish_words(tmp_path):
    shutil.copyfile(Path(__file__).resolve().parents[2] / "data" / KUVA, tmp_path / KUVA)
    term = Terminal(["--lang", "sv", KUVA], tmp_path)
    try:
        term.wait_for(
            "the Swedish title", lambda text: "Kultur- och fritidssektorn" in text.splitlines()[0]
        )
        text = term.text
        assert "Tjänsterna förbättras utifrån kundupplevelsen" in text  # a goal's Swedish text
        assert "aktuell period Q3" in text and "Mål" in text
        footer = text.rstrip().splitlines()[-1]
        for word in ("Kommentar", "Prognos", "Ångra", "Spara", "Hjälp", "Avsluta"):
            assert word in footer, footer
        assert "Palveluja parannetaan" not in text and "Comment" not in footer
        term.press("q")
        assert term.wait_for_exit() == 0
    finally:
        term.stop()
