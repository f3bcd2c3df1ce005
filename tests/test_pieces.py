"""A review read goal by goal (files/pieces.py) is the review read whole, in less memory; and a
document, which keeps only the file's sha256 instead of its text, still saves only what changed."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from reviewfiles import BASE, edit, write

from goaltui.files import canonical
from goaltui.files.canonical import Rendered, render
from goaltui.files.document import Document, write_snapshot
from goaltui.files.loading import load, load_text
from goaltui.files.pieces import parse_pieces
from goaltui.files.problems import ReviewError

DATA = Path(__file__).resolve().parents[1] / "data"


def texts() -> list[str]:
    return [BASE, *(path.read_text(encoding="utf-8") for path in sorted(DATA.glob("*.toml")))]


@pytest.mark.parametrize("text", texts(), ids=["base", "example-en", "kuva-2021"])
def test_read_goal_by_goal_is_the_same_data_and_text(text):
    pieces = parse_pieces(text.encode())
    assert pieces is not None
    assert pieces.data == tomllib.loads(text)
    assert "".join(pieces.texts) == text
    assert len(pieces.texts) == 1 + text.count("\n[[goals]]\n")


def test_the_goals_are_one_byte_a_character_though_a_status_symbol_is_not():
    assert max(BASE) > "\xff"  # "●": read whole, every character would take two bytes
    pieces = parse_pieces(BASE.encode())
    assert pieces is not None
    assert max(pieces.texts[0]) > "\xff"
    assert all(max(text) <= "\xff" for text in pieces.texts[1:])  # "ä", "ö" are Latin-1


def test_alike_strings_become_one_object():
    pieces = parse_pieces(BASE.encode())
    assert pieces is not None
    first, second = pieces.data["goals"][0], pieces.data["goals"][1]
    assert first["periods"]["Q1"]["status"] is second["periods"]["Q1"]["status"]
    assert next(iter(first)) is next(iter(second))  # the key "id"


GIVE_UP = {
    # a "[[goals]]" line inside a multi-line string cuts it: that piece no longer parses
    "in a string": edit(
        BASE,
        'comment = """\nEnsimmäinen',
        'comment = """\n[[goals]]\nEnsimmäinen',
    ),
    # anything after the goals but goals: read whole, as it belongs to no goal
    "a table after the goals": BASE + '\n[muistiinpanot]\nteksti = "jää talteen"\n',
    "goals in the head": edit(BASE, "[review]\n", "goals = []\n\n[review]\n"),
    "a byte order mark": "\ufeff" + BASE,
    "a duplicate table": BASE + "\n[review]\nyear = 2022\n",
}


@pytest.mark.parametrize("text", GIVE_UP.values(), ids=GIVE_UP.keys())
def test_where_the_cut_is_in_doubt_the_file_is_read_whole(tmp_path, text):
    assert parse_pieces(text.encode()) is None
    path = write(tmp_path, text)
    try:
        whole = load_text(path, text.removeprefix("\ufeff"))
    except ReviewError as error:
        with pytest.raises(ReviewError) as read:
            load(path)
        assert [str(p) for p in read.value.problems] == [str(p) for p in error.problems]
    else:
        assert load(path).review == whole.review


def test_an_error_in_one_goal_is_reported_where_it_is(tmp_path):
    text = edit(BASE, 'id = "liikkeelle"', 'id = "liikkeelle"\nid = "toinen"')
    path = write(tmp_path, text)
    with pytest.raises(ReviewError) as error:
        load(path)
    (problem,) = error.value.problems
    assert problem.line == text.splitlines().index('id = "toinen"') + 1


def test_a_document_keeps_the_files_sha256_not_its_text(tmp_path):
    path = write(tmp_path, render(load_text(tmp_path / "x.toml", BASE).review, path=tmp_path))
    doc = Document.open(path)
    assert doc.source.text == ""
    assert doc.rendered.sha256 == doc.source.fingerprint.sha256
    assert load(path).text == path.read_text(encoding="utf-8")  # others still get the text


def test_the_first_save_of_a_document_reads_back_only_the_goal_edited(tmp_path, monkeypatch):
    path = write(tmp_path, render(load_text(tmp_path / "x.toml", BASE).review, path=tmp_path))
    doc = Document.open(path)
    doc.session.cycle_status("harrastaminen", "Q3")

    def no_full_render(*_args: object) -> Rendered:
        raise AssertionError("the whole review was rendered again")

    monkeypatch.setattr(canonical, "_render_all", no_full_render)
    written = write_snapshot(doc.snapshot())
    monkeypatch.undo()
    assert written.text == render(doc.review, path)
    assert path.read_text(encoding="utf-8") == written.text
    assert load(path).review == doc.review


def test_a_file_not_in_the_canonical_layout_is_saved_whole(tmp_path):
    path = write(tmp_path, edit(BASE, "year = 2021", "year   = 2021"))  # not as a save writes
    doc = Document.open(path)
    doc.session.cycle_status("harrastaminen", "Q3")
    written = write_snapshot(doc.snapshot())
    assert written.text == render(doc.review, path)
    assert "year = 2021\n" in path.read_text(encoding="utf-8")
