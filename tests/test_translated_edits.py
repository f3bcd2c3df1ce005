"""Edits of a translation: a comment or forecast written in one of ``review.translations``.

An edit carries its language (None: the main text). It changes only that language's text, is
undone and redone, journaled (a journal written before translations reads as main-text edits),
merged against the disk per language, and saved under the period's language table.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reviewfiles import BILINGUAL, write

from goaltui.files import recovery
from goaltui.files.document import Document, write_snapshot
from goaltui.files.loading import load, load_text
from goaltui.review.merge import Conflict, merge
from goaltui.review.session import Edit, Session, net_edits

GOAL = "liikkeelle"


def swedish(review, period: str = "Q3") -> str | None:
    return review.goal(GOAL).entry(period).value("comment", "sv")


@pytest.fixture
def session() -> Session:
    return Session(load_text(Path("r.toml"), BILINGUAL).review)


def test_a_swedish_comment_changes_the_swedish_text_alone_and_undoes(session):
    review = session.review
    main, before = review.goal(GOAL).entry("Q3").comment, swedish(review)
    edit = session.set_comment(GOAL, "Q3", "Ny kommentar\n", "sv")
    assert edit == Edit(GOAL, "Q3", "comment", before, "Ny kommentar", "sv")
    assert swedish(review) == "Ny kommentar"
    assert review.goal(GOAL).entry("Q3").comment == main
    assert session.unsaved_edits() == [edit]
    session.undo()
    assert swedish(review) == before and not session.dirty
    session.redo()
    assert swedish(review) == "Ny kommentar"


def test_the_same_field_in_two_languages_is_two_edits(session):
    session.set_comment(GOAL, "Q3", "fi", None)
    session.set_comment(GOAL, "Q3", "sv", "sv")
    assert [e.language for e in net_edits(session.unsaved_edits())] == [None, "sv"]


def test_a_language_the_review_has_no_translations_in_is_refused(session):
    with pytest.raises(ValueError, match="not a translation"):
        session.set_comment(GOAL, "Q3", "text", "de")


def test_a_translated_edit_is_journaled_with_its_language_and_read_back(tmp_path):
    doc = Document.open(write(tmp_path, BILINGUAL))
    edit = doc.session.set_forecast(GOAL, "Q3", "95 %", "sv")
    draft = recovery.Draft(GOAL, "Q4", "comment", "Utkast", "sv")
    doc.keep_draft(draft)
    journal = recovery.read(doc.path)
    assert journal is not None
    assert journal.edits == [edit] and journal.edits[0].language == "sv"
    assert journal.draft == draft


def test_a_journal_written_before_translations_reads_as_edits_of_the_main_texts(tmp_path):
    doc = Document.open(write(tmp_path, BILINGUAL))
    edit = doc.session.set_comment(GOAL, "Q3", "Uusi")
    path = recovery.journal_path(doc.path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "language" not in data["edits"][0]  # as every journal was before translations
    journal = recovery.read(doc.path)
    assert journal is not None and journal.edits == [edit] and edit.language is None


def test_merging_compares_the_disks_text_in_the_edits_language(session):
    disk = load_text(Path("r.toml"), BILINGUAL).review
    before = swedish(disk)
    clean = Edit(GOAL, "Q3", "comment", before, "Vår", "sv")
    assert merge(disk, [clean]).clean == [clean]
    disk.replace_goal(disk.goal(GOAL).with_value("Q3", "comment", "Deras", "sv"))
    assert merge(disk, [clean]).conflicts == [Conflict(GOAL, "Q3", "comment", "Vår", "Deras", "sv")]


def test_a_swedish_comment_is_saved_under_the_periods_sv_table(tmp_path):
    path = write(tmp_path, BILINGUAL)
    doc = Document.open(path)
    doc.session.set_comment(GOAL, "Q4", "Kommentar för Q4", "sv")
    doc.finish_save(write_snapshot(doc.snapshot()))
    entry = load(path).review.goal(GOAL).entry("Q4")
    assert entry.comment is None and entry.value("comment", "sv") == "Kommentar för Q4"
    text = path.read_text(encoding="utf-8")
    table = text.index("[goals.periods.Q4.sv]")
    assert text.index('comment = "Kommentar för Q4"') > table
