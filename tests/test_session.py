"""Editing a review: undo, redo, the saved point, and what a save then writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from reviewfiles import BASE, canonical_text, write, write_canonical

from goaltui.files.loading import load, load_text
from goaltui.review.session import Edit, Session


@pytest.fixture
def session() -> Session:
    return Session(load_text(Path("r.toml"), BASE).review)


def entry(session: Session, goal_id: str, period: str):
    return session.review.goal(goal_id).entry(period)


def test_a_new_session_is_clean_with_nothing_to_undo_or_redo(session):
    assert not session.dirty
    assert not session.can_undo and not session.can_redo
    assert session.undo() is None and session.redo() is None
    assert session.unsaved_edits() == []


OPERATIONS = {
    "cycle": (lambda s: s.cycle_status("liikkeelle", "Q2"), "status", "Toteutuu osittain"),
    "set": (lambda s: s.set_status("liikkeelle", "Q2", "Ei toteudu"), "status", "Ei toteudu"),
    "clear": (lambda s: s.set_status("liikkeelle", "Q2", None), "status", None),
    "comment": (
        lambda s: s.set_comment("liikkeelle", "Q2", "Rivi 1\nRivi 2"),
        "comment",
        "Rivi 1\nRivi 2",
    ),
    "forecast": (lambda s: s.set_forecast("liikkeelle", "Q2", " 90 % "), "forecast", "90 %"),
}


@pytest.mark.parametrize("name", OPERATIONS)
def test_every_operation_is_undoable_and_redoable_and_names_the_goal_and_period(session, name):
    operation, field, expected = OPERATIONS[name]
    original_text = canonical_text(session.review)
    before = getattr(entry(session, "liikkeelle", "Q2"), field)

    edit = operation(session)
    assert edit == Edit("liikkeelle", "Q2", field, before, expected)
    assert getattr(entry(session, "liikkeelle", "Q2"), field) == expected
    assert session.dirty and session.can_undo and not session.can_redo
    edited_text = canonical_text(session.review)

    undone = session.undo()
    assert (undone.goal_id, undone.period) == ("liikkeelle", "Q2")
    assert undone == edit
    assert getattr(entry(session, "liikkeelle", "Q2"), field) == before
    assert canonical_text(session.review) == original_text
    assert not session.dirty and session.can_redo

    redone = session.redo()
    assert (redone.goal_id, redone.period) == ("liikkeelle", "Q2")
    assert canonical_text(session.review) == edited_text
    assert session.dirty


def test_operations_touch_only_their_goal_and_period(session):
    others = {(g.id, p): g.entry(p) for g in session.review.goals for p in session.review.periods}
    session.cycle_status("harrastaminen", "Q2")
    session.set_comment("harrastaminen", "Q2", "Selitys")
    session.set_forecast("harrastaminen", "Q2", "80 %")
    for (goal_id, period), before in others.items():
        if (goal_id, period) != ("harrastaminen", "Q2"):
            assert entry(session, goal_id, period) == before


@pytest.mark.parametrize(
    "operation",
    [
        lambda s: s.set_status("liikkeelle", "Q2", "Toteutuu"),
        lambda s: s.set_comment("liikkeelle", "Q2", ""),
        lambda s: s.set_comment("liikkeelle", "Q2", None),
        lambda s: s.set_forecast("liikkeelle", "Q2", "   "),
        lambda s: s.set_forecast("palvelustrategia", "Q3", "100 % "),
        lambda s: s.set_status("liikkeelle", "Q4", None),
    ],
    ids=["same status", "empty comment", "no comment", "blank forecast", "same forecast", "clear"],
)
def test_an_edit_that_changes_nothing_is_not_recorded(session, operation):
    assert operation(session) is None
    assert not session.dirty and not session.can_undo
    assert session.unsaved_edits() == []


@pytest.mark.parametrize(
    ("field", "typed", "kept"),
    [
        ("comment", "Rivi 1\r\nRivi 2  \n\n", "Rivi 1\nRivi 2"),
        ("comment", "  sisennys\n  säilyy", "  sisennys\n  säilyy"),
        ("forecast", "\t 90 %  ", "90 %"),
    ],
    ids=["comment: line ends and trailing blanks", "comment: indentation", "forecast: trimmed"],
)
def test_typed_text_is_kept_as_the_file_should_hold_it(session, field, typed, kept):
    """The comment editor and the forecast dialog hand their text over as typed."""
    setter = session.set_comment if field == "comment" else session.set_forecast
    edit = setter("liikkeelle", "Q2", typed)
    assert edit is not None and edit.after == kept
    assert getattr(entry(session, "liikkeelle", "Q2"), field) == kept


def test_a_comment_of_blank_lines_is_no_comment(session):
    session.set_comment("liikkeelle", "Q3", "Kommentti")
    edit = session.set_comment("liikkeelle", "Q3", " \r\n\n  ")
    assert edit == Edit("liikkeelle", "Q3", "comment", "Kommentti", None)


def test_undo_goes_back_edit_by_edit_in_reverse_order(session):
    first = session.set_status("liikkeelle", "Q3", "Toteutuu")
    second = session.set_comment("palvelustrategia", "Q4", "Uusi")
    third = session.set_status("liikkeelle", "Q3", "Ei toteudu")
    assert [session.undo(), session.undo(), session.undo(), session.undo()] == [
        third,
        second,
        first,
        None,
    ]
    assert [session.redo(), session.redo(), session.redo(), session.redo()] == [
        first,
        second,
        third,
        None,
    ]
    assert entry(session, "liikkeelle", "Q3").status == "Ei toteudu"


def test_a_new_edit_after_undo_drops_the_redo_history(session):
    session.set_status("liikkeelle", "Q3", "Toteutuu")
    session.undo()
    session.set_forecast("liikkeelle", "Q3", "80 %")
    assert not session.can_redo
    assert session.redo() is None
    assert entry(session, "liikkeelle", "Q3").status is None


def test_setting_a_status_the_scale_does_not_have_is_refused(session):
    with pytest.raises(ValueError, match="not a status"):
        session.set_status("liikkeelle", "Q2", "Valmis")
    with pytest.raises(ValueError, match="not a period"):
        session.set_status("liikkeelle", "Q9", "Toteutuu")
    assert not session.dirty


# -- dirty tracking ------------------------------------------------------------------------


def test_undo_back_to_the_saved_point_is_clean_and_redo_past_it_is_dirty(session):
    session.set_status("liikkeelle", "Q3", "Toteutuu")
    session.mark_saved()
    assert not session.dirty
    session.set_comment("liikkeelle", "Q3", "Kommentti")
    assert session.dirty
    session.undo()
    assert not session.dirty
    session.undo()
    assert session.dirty  # before the saved point
    session.redo()
    assert not session.dirty


def test_a_new_edit_after_undoing_past_the_saved_point_stays_dirty_for_good(session):
    session.set_status("liikkeelle", "Q3", "Toteutuu")
    session.mark_saved()
    session.undo()
    session.set_status("liikkeelle", "Q3", "Ei toteudu")
    assert session.dirty
    session.undo()  # the state the file was loaded with, not the one it holds now
    assert session.dirty
    session.redo()
    assert session.dirty


def test_unsaved_edits_are_the_edits_since_the_save_oldest_first(session):
    session.set_status("liikkeelle", "Q3", "Toteutuu")
    session.mark_saved()
    second = session.set_forecast("liikkeelle", "Q3", "90 %")
    third = session.set_comment("liikkeelle", "Q3", "Hyvin menee")
    assert session.unsaved_edits() == [second, third]
    session.undo()
    assert session.unsaved_edits() == [second]


def test_unsaved_edits_after_undoing_past_the_save_lead_back_from_the_file(session):
    first = session.set_status("liikkeelle", "Q3", "Toteutuu")
    second = session.set_forecast("liikkeelle", "Q3", "90 %")
    session.mark_saved()
    session.undo()
    session.undo()
    assert session.unsaved_edits() == [second.inverse(), first.inverse()]


def _replayed_on_saved_file(tmp_path: Path, session: Session, saved_text: str) -> str:
    """What a recovery journal of ``session.unsaved_edits()`` rebuilds on the saved file."""
    path = write(tmp_path, saved_text, "saved.toml")
    recovered = Session(load(path).review)
    for edit in session.unsaved_edits():
        recovered.set_value(edit.goal_id, edit.period, edit.field, edit.after)
    return canonical_text(recovered.review)


def test_unsaved_edits_replayed_on_the_saved_file_give_the_current_review(session, tmp_path):
    session.set_status("liikkeelle", "Q3", "Toteutuu")
    session.mark_saved()
    saved = canonical_text(session.review)
    session.set_forecast("liikkeelle", "Q3", "90 %")
    session.set_comment("harrastaminen", "Q4", "Uusi")
    assert _replayed_on_saved_file(tmp_path, session, saved) == canonical_text(session.review)


def test_unsaved_edits_after_history_diverged_still_lead_from_the_saved_file(session, tmp_path):
    session.set_status("liikkeelle", "Q3", "Toteutuu")
    session.set_forecast("liikkeelle", "Q3", "90 %")
    session.mark_saved()
    saved = canonical_text(session.review)  # the file holds the status and the forecast
    session.undo()
    session.undo()
    session.set_comment("harrastaminen", "Q4", "Uusi")  # history diverges here
    assert _replayed_on_saved_file(tmp_path, session, saved) == canonical_text(session.review)


def test_a_save_of_a_checkpoint_leaves_the_edits_made_since_unsaved(session):
    session.set_status("liikkeelle", "Q3", "Toteutuu")
    saving = session.checkpoint()  # a background save starts with this state
    later = session.set_forecast("liikkeelle", "Q3", "90 %")
    session.mark_saved(saving)  # ... and finishes
    assert session.dirty
    assert session.unsaved_edits() == [later]
    session.undo()
    assert not session.dirty


def test_a_checkpoint_of_the_loaded_state_can_be_marked_saved(session):
    loaded = session.checkpoint()
    session.set_status("liikkeelle", "Q3", "Toteutuu")
    session.mark_saved(loaded)
    assert session.dirty
    session.undo()
    assert not session.dirty


def test_a_checkpoint_whose_state_was_undone_and_replaced_keeps_the_session_dirty(session):
    session.set_status("liikkeelle", "Q3", "Toteutuu")
    saving = session.checkpoint()
    session.undo()
    session.set_status("liikkeelle", "Q3", "Ei toteudu")  # same position, another state
    session.mark_saved(saving)  # the file now holds "Toteutuu"
    assert session.dirty
    session.undo()
    assert session.dirty  # the loaded state is not what the file holds either


def test_a_field_changed_back_while_a_save_runs_is_unsaved_until_the_save_ends(session):
    session.set_status("liikkeelle", "Q3", "Toteutuu")
    session.mark_saved()
    session.set_status("liikkeelle", "Q3", "Ei toteudu")
    saving = session.begin_save()  # the file may soon hold "Ei toteudu"...
    session.set_status("liikkeelle", "Q3", "Toteutuu")  # ...and the reviewer goes back
    back = Edit("liikkeelle", "Q3", "status", "Ei toteudu", "Toteutuu")
    assert session.dirty and session.unsaved_edits() == [back]
    session.mark_saved(saving)
    assert session.unsaved_edits() == [back]
    saving = session.begin_save()
    session.undo()  # "Ei toteudu" again: what the save running writes
    assert session.unsaved_edits() == [back.inverse()]
    session.save_failed(saving)  # the file still holds "Ei toteudu"
    assert not session.dirty


# -- what a save writes --------------------------------------------------------------------


def test_set_then_clear_gives_back_the_original_file_bytes(session, tmp_path):
    path = write(tmp_path, BASE)
    session = Session(load(path).review)
    session.set_status("liikkeelle", "Q4", "Toteutuu")
    session.set_forecast("liikkeelle", "Q4", "100 %")
    session.set_status("liikkeelle", "Q4", None)
    session.set_forecast("liikkeelle", "Q4", None)
    assert entry(session, "liikkeelle", "Q4").is_empty()
    write_canonical(session.review, path)
    assert path.read_bytes() == BASE.encode()


def test_undo_of_every_edit_gives_back_the_original_file_bytes(tmp_path):
    path = write(tmp_path, BASE)
    session = Session(load(path).review)
    session.cycle_status("harrastaminen", "Q4")
    session.set_comment("harrastaminen", "Q4", "Rivi\ntoinen rivi")
    session.set_comment("palvelustrategia", "Q3", None)
    while session.undo():
        pass
    write_canonical(session.review, path)
    assert path.read_bytes() == BASE.encode()


def test_undo_keeps_an_empty_period_table_the_file_had(tmp_path):
    text = BASE + "\n[goals.periods.Q3]\n"  # liikkeelle: Q3 written out, not yet filled in
    path = write(tmp_path, text)
    original = load(path)
    assert original.review.goal("liikkeelle").periods.keys() == {"Q1", "Q2", "Q3"}
    session = Session(original.review)
    session.set_status("liikkeelle", "Q3", "Toteutuu")
    session.undo()
    assert not session.dirty
    assert canonical_text(session.review) == canonical_text(load(path).review)
