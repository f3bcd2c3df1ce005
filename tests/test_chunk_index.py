"""A file's goals found in its text while the reviewer reads, so that the first save re-reads
only the goals edited (goaltui.files.chunk_index, Document.index_some)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from reviewfiles import BASE, write

from goaltui.files import canonical
from goaltui.files.document import Document, write_snapshot
from goaltui.files.loading import load

DATA = Path(__file__).resolve().parent.parent / "data"


def indexed(doc: Document) -> None:
    steps = 0
    while doc.index_some(2):
        steps += 1
        assert steps < 10_000


def written_goals(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the goals the save writes from here on (every call of goal_chunks)."""
    ids: list[str] = []
    real = canonical.goal_chunks

    def goal_chunks(tables: list[dict[str, Any]]) -> list[str]:
        ids.extend(table["id"] for table in tables)
        return real(tables)

    monkeypatch.setattr(canonical, "goal_chunks", goal_chunks)
    return ids


def canonical_copy(tmp_path: Path) -> Path:
    source = DATA / "example-en.toml"
    return write(tmp_path, source.read_text(encoding="utf-8"), "example-en.toml")


def test_an_indexed_file_saves_by_writing_only_the_goal_edited(tmp_path, monkeypatch):
    path = canonical_copy(tmp_path)
    doc = Document.open(path)
    indexed(doc)
    goal = doc.review.goals[3]
    doc.session.cycle_status(goal.id, doc.review.current_period())
    ids = written_goals(monkeypatch)
    doc.finish_save(write_snapshot(doc.snapshot()))
    assert ids == [goal.id]
    saved = path.read_text(encoding="utf-8")
    review = load(path).review
    assert canonical.render(review, path) == saved  # still the canonical layout
    edited = canonical.goal_data(doc.review.goal(goal.id))
    assert canonical.goal_data(review.goal(goal.id)) == edited != canonical.goal_data(goal)


def test_without_the_index_the_first_save_writes_every_goal(tmp_path, monkeypatch):
    path = canonical_copy(tmp_path)
    doc = Document.open(path)
    goal = doc.review.goals[3]
    doc.session.cycle_status(goal.id, doc.review.current_period())
    ids = written_goals(monkeypatch)
    doc.finish_save(write_snapshot(doc.snapshot()))
    assert len(ids) == len(doc.review.goals) + 1  # each as it was, and the edited one


@pytest.mark.parametrize(
    "change",
    [
        lambda text: text.replace('objective = "', 'objective  = "', 1),  # a space more
        lambda text: text.replace("\n[[goals]]\n", "\n\n[[goals]]\n", 2),  # a blank line more
        lambda text: text + "\n",  # one newline too many at the end
        lambda text: text.replace("ä", "\\u00e4", 1),  # an escape where none is needed
    ],
    ids=["space", "blank-line", "end", "escape"],
)
def test_a_file_not_in_the_canonical_layout_is_saved_whole_in_it(tmp_path, monkeypatch, change):
    text = change(BASE)
    path = write(tmp_path, text)
    doc = Document.open(path)
    indexed(doc)
    doc.session.set_status("liikkeelle", "Q3", "Toteutuu")
    ids = written_goals(monkeypatch)
    doc.finish_save(write_snapshot(doc.snapshot()))
    saved = path.read_text(encoding="utf-8")
    review = load(path).review
    assert canonical.render(review, path) == saved  # the whole file in the canonical layout
    assert review.goal("liikkeelle").status_in("Q3") == "Toteutuu"
    assert len(ids) >= len(review.goals)  # every goal written again


def test_an_index_made_before_a_save_is_not_used_after_it(tmp_path, monkeypatch):
    """Half indexed, then saved: the save's own pieces are the next save's base."""
    path = canonical_copy(tmp_path)
    doc = Document.open(path)
    doc.index_some(2)
    period = doc.review.current_period()
    first, second = doc.review.goals[0], doc.review.goals[5]
    doc.session.cycle_status(first.id, period)
    doc.finish_save(write_snapshot(doc.snapshot()))
    assert not doc.index_some(2)  # nothing left to find: the save knows every piece
    doc.session.cycle_status(second.id, period)
    ids = written_goals(monkeypatch)
    doc.finish_save(write_snapshot(doc.snapshot()))
    assert ids == [second.id]
    assert canonical.render(load(path).review, path) == path.read_text(encoding="utf-8")
