"""What a save proves before it replaces the file, on the path every app save takes.

An app save (:func:`goaltui.files.document.write_snapshot`) re-reads only the goals it
changed (:func:`goaltui.files.canonical.render_from`): every other part of the new text must
be found, byte for byte, in the text the file was read from. Here the writer is made to get
one part wrong, as a bug in it or in tomli-w would: the edited goal, or the tables after
the goals. Each time the save must refuse, and the file stay as it was.
"""

from __future__ import annotations

from typing import Any

import pytest
from reviewfiles import BASE, write

from goaltui.files import canonical
from goaltui.files.document import Document, write_snapshot
from goaltui.files.loading import load
from goaltui.files.problems import SaveError

NOT_THE_SAME = "the written text would not read back as the same data"


def edited(tmp_path, text: str = BASE) -> Document:
    path = write(tmp_path, text)
    doc = Document.open(path)
    doc.session.set_status("liikkeelle", "Q3", "Toteutuu")  # Q3 had no status
    return doc


def test_the_goals_an_incremental_save_changed_are_read_back(tmp_path, monkeypatch):
    doc = edited(tmp_path)
    real = canonical.goal_chunks
    wrong = []

    def goal_chunks(tables: list[dict[str, Any]]) -> list[str]:
        chunks = real(tables)
        for i, table in enumerate(tables):  # the edited goal as it is now: written wrong
            if table["id"] == "liikkeelle" and "Q3" in table.get("periods", {}):
                right = '[goals.periods.Q3]\nstatus = "Toteutuu"'
                if right in chunks[i]:
                    chunks[i] = chunks[i].replace(right, right.replace("Toteutuu", "Ei toteudu"))
                    wrong.append(i)
        return chunks

    monkeypatch.setattr(canonical, "goal_chunks", goal_chunks)
    with pytest.raises(SaveError) as caught:
        write_snapshot(doc.snapshot())
    assert caught.value.reason == NOT_THE_SAME
    assert wrong  # the wrong text was made, and caught
    assert doc.path.read_text(encoding="utf-8") == BASE
    monkeypatch.undo()
    doc.finish_save(write_snapshot(doc.snapshot()))  # the writer mended: the same edit saves
    assert load(doc.path).review.goal("liikkeelle").status_in("Q3") == "Toteutuu"


def test_the_tables_after_the_goals_are_proven_too(tmp_path, monkeypatch):
    """The text after the goals is not re-read on an incremental save: it must be the very
    text the file holds, or the whole new text is read back."""
    source = write(tmp_path, BASE + "\n[notes]\nx = 1\n", "source.toml")
    doc = edited(tmp_path, canonical.render(load(source).review, source))
    before = doc.path.read_text(encoding="utf-8")
    real = canonical.head_and_tail

    def head_and_tail(document: dict[str, Any]) -> tuple[str, str]:
        head, tail = real(document)
        return head, tail.replace("x = 1", "x = 2")  # the tables after the goals, wrong

    monkeypatch.setattr(canonical, "head_and_tail", head_and_tail)
    with pytest.raises(SaveError) as caught:
        write_snapshot(doc.snapshot())
    assert caught.value.reason == NOT_THE_SAME
    assert doc.path.read_text(encoding="utf-8") == before
