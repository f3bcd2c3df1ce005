"""A keymap that gives an action the key of another is refused at start, with its place."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ptyterminal import Terminal

from goaltui.files.problems import ReviewError
from goaltui.tui.app import remappable, together
from goaltui.tui.keymap import binding_ids, load_keymap

DATA = Path(__file__).resolve().parents[2] / "data"


def refusal(folder: Path, text: str) -> ReviewError:
    keymap = folder / "keymap.toml"
    keymap.write_text(text, encoding="utf-8")
    with pytest.raises(ReviewError) as raised:
        load_keymap(binding_ids(remappable()), keymap, together())
    return raised.value


def test_a_key_of_another_action_is_a_located_problem(tmp_path):
    error = refusal(tmp_path, '[keys]\ncycle = "v"\ncomment = "k"\n')
    [problem] = error.problems
    assert (problem.line, problem.field) == (3, "keys.comment")
    assert '"k"' in problem.text and "comment" in problem.text and "cursor-up" in problem.text


def test_a_key_of_the_app_or_of_a_key_in_a_list_clashes_too(tmp_path):
    error = refusal(tmp_path, '[keys]\nundo = "u,ctrl+q"\nsave = "c"\n')
    said = {(p.field, p.text.split('"')[1]) for p in error.problems}
    assert said == {("keys.undo", "ctrl+q"), ("keys.save", "c")}


def test_keys_moved_out_of_the_way_do_not_clash(tmp_path):
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('[keys]\ncursor-up = "up"\ncomment = "k"\n', encoding="utf-8")
    found = load_keymap(binding_ids(remappable()), keymap, together())
    assert found == {"goaltui.cursor-up": "up", "goaltui.comment": "k"}


def test_the_app_refuses_to_start_on_a_clash_in_a_real_terminal(tmp_path, monkeypatch):
    shutil.copyfile(DATA / "kuva-2021.toml", tmp_path / "kuva-2021.toml")
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('[keys]\ncomment = "k"\n', encoding="utf-8")
    monkeypatch.setenv("GOALTUI_KEYMAP", str(keymap))
    term = Terminal(["kuva-2021.toml"], tmp_path)
    try:
        status = term.wait_for_exit()
    finally:
        term.stop()
    said = term.said
    assert status == 2, said
    assert f"{keymap}:2:1: error: keys.comment:" in said
    assert '"k"' in said and "cursor-up" in said
    assert "Traceback" not in said
