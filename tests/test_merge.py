"""Re-applying a session's edits on a file that changed on disk: nobody's work is dropped silently.

For every field there are three values: the file as the session read it (base), the session's
(ours) and the disk's now (theirs). Changed on one side only, that side wins; changed the same
way on both, it is kept; changed differently on both, it is a conflict the reviewer decides; an
edit that cannot apply any more (goal, period or status label gone) is listed as lost.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reviewfiles import BASE, write, write_canonical

from goaltui.files.canonical import render
from goaltui.files.document import ChangedOnDisk, Document, write_snapshot
from goaltui.files.loading import load, load_text
from goaltui.files.problems import ReviewError
from goaltui.review.merge import Conflict, merge
from goaltui.review.session import Edit, Session

GOALS = ("palvelustrategia", "harrastaminen", "liikkeelle")
PERIODS = ("Q1", "Q2", "Q3", "Q4")
FIELDS = ("status", "forecast", "comment")
LABELS = ("Toteutuu", "Toteutuu osittain", "Ei toteudu")
VALUES = {
    "status": (*LABELS, None),
    "forecast": ("100 %", "50 %", None),
    "comment": ("Meidän", "Heidän", "Rivi\nkaksi", None),
}


def base_review():
    return load_text(Path("review.toml"), BASE).review


def value(review, place):
    goal_id, period, field = place
    return getattr(review.goal(goal_id).entry(period), field)


def theirs_on_disk(path: Path, changes: dict) -> None:
    """What a colleague's commit does: the review on disk with ``changes`` made."""
    session = Session(load(path).review)
    for (goal_id, period, field), new in changes.items():
        session.set_value(goal_id, period, field, new)
    write_canonical(session.review, path)


# -- merge() -----------------------------------------------------------------------------------


def test_an_edit_of_a_field_nobody_else_changed_applies_cleanly():
    disk = base_review()
    edits = [Edit("liikkeelle", "Q3", "status", None, "Toteutuu")]
    result = merge(disk, edits)
    assert result.clean == edits and not result.conflicts and not result.lost


def test_the_same_change_on_both_sides_is_neither_clean_nor_a_conflict():
    disk = base_review()
    edits = [Edit("liikkeelle", "Q2", "status", "Ei toteudu", "Toteutuu")]  # disk has Toteutuu
    result = merge(disk, edits)
    assert not result.clean and not result.conflicts and not result.lost


def test_different_changes_of_one_field_are_a_conflict_with_both_values():
    disk = base_review()  # harrastaminen Q3 forecast is "100 %" on disk
    edits = [Edit("harrastaminen", "Q3", "forecast", "90 %", "80 %")]
    result = merge(disk, edits)
    assert result.conflicts == [Conflict("harrastaminen", "Q3", "forecast", "80 %", "100 %")]
    assert not result.clean and not result.lost


def test_a_cleared_field_on_one_side_and_changed_on_the_other_is_a_conflict():
    disk = base_review()
    edits = [Edit("harrastaminen", "Q3", "forecast", "90 %", None)]
    result = merge(disk, edits)
    assert result.conflicts == [Conflict("harrastaminen", "Q3", "forecast", None, "100 %")]


def test_an_edit_and_its_undo_are_nothing_to_merge():
    disk = base_review()
    edits = [
        Edit("liikkeelle", "Q3", "status", None, "Toteutuu"),
        Edit("liikkeelle", "Q3", "status", "Toteutuu", None),
    ]
    result = merge(disk, edits)
    assert not result.clean and not result.conflicts and not result.lost


def test_several_edits_of_one_field_merge_as_one_from_the_first_before_to_the_last_after():
    disk = base_review()
    edits = [
        Edit("liikkeelle", "Q3", "comment", None, "a"),
        Edit("liikkeelle", "Q3", "comment", "a", "ab"),
        Edit("liikkeelle", "Q3", "comment", "ab", "abc"),
    ]
    assert merge(disk, edits).clean == [Edit("liikkeelle", "Q3", "comment", None, "abc")]


@pytest.mark.parametrize(
    ("edit", "why"),
    [
        (Edit("poistettu", "Q3", "status", None, "Toteutuu"), "goal"),
        (Edit("liikkeelle", "Q5", "status", None, "Toteutuu"), "period"),
        (Edit("liikkeelle", "Q3", "status", None, "Vanha tila"), "status"),
        (Edit("liikkeelle", "Q3", "comment", None, "text", "sv"), "language"),
    ],
    ids=["goal gone", "period gone", "status gone", "language gone"],
)
def test_an_edit_that_cannot_apply_any_more_is_lost_with_its_reason(edit, why):
    result = merge(base_review(), [edit])
    assert result.lost == [(edit, why)]
    assert not result.clean and not result.conflicts


def test_clearing_a_status_is_never_lost_for_want_of_a_label():
    edits = [Edit("liikkeelle", "Q2", "status", "Toteutuu", None)]
    assert merge(base_review(), edits).clean == edits


# -- a document merging with the disk ---------------------------------------------------------


def test_merge_from_disk_keeps_both_changes_and_a_save_writes_both(tmp_path):
    path = write(tmp_path, BASE)
    doc = Document.open(path)
    doc.session.set_status("liikkeelle", "Q3", "Toteutuu")
    theirs_on_disk(path, {("harrastaminen", "Q2", "status"): "Ei toteudu"})
    outside = path.read_bytes()

    with pytest.raises(ChangedOnDisk):
        write_snapshot(doc.snapshot())
    assert path.read_bytes() == outside  # a save never overwrites a change it has not seen

    edits = doc.session.unsaved_edits()
    result, disk = doc.merge_from_disk()
    assert edits == [Edit("liikkeelle", "Q3", "status", None, "Toteutuu")]
    assert result.clean == edits
    assert disk.review.goal("harrastaminen").status_in("Q2") == "Ei toteudu"
    doc.apply_merge(result, [], disk)
    assert doc.dirty
    doc.finish_save(write_snapshot(doc.snapshot()))
    saved = load(path).review
    assert saved.goal("harrastaminen").status_in("Q2") == "Ei toteudu"
    assert saved.goal("liikkeelle").status_in("Q3") == "Toteutuu"


@pytest.mark.parametrize("keep", ["ours", "theirs"])
def test_a_conflict_is_decided_by_the_reviewer(tmp_path, keep):
    path = write(tmp_path, BASE)
    doc = Document.open(path)
    doc.session.set_forecast("harrastaminen", "Q3", "80 %")
    doc.session.set_comment("liikkeelle", "Q3", "Meidän")
    theirs_on_disk(path, {("harrastaminen", "Q3", "forecast"): "70 %"})

    result, disk = doc.merge_from_disk()
    [conflict] = result.conflicts
    assert (conflict.ours, conflict.theirs) == ("80 %", "70 %")
    chosen = [conflict] if keep == "ours" else []
    ours = [Edit(c.goal_id, c.period, c.field, c.theirs, c.ours) for c in chosen]
    doc.apply_merge(result, ours, disk)
    doc.finish_save(write_snapshot(doc.snapshot()))
    saved = load(path).review
    assert saved.goal("harrastaminen").entry("Q3").forecast == (
        "80 %" if keep == "ours" else "70 %"
    )
    assert saved.goal("liikkeelle").entry("Q3").comment == "Meidän"  # the clean edit, either way


def test_merging_with_an_invalid_file_on_disk_changes_nothing(tmp_path):
    path = write(tmp_path, BASE)
    doc = Document.open(path)
    doc.session.set_status("liikkeelle", "Q3", "Toteutuu")
    review = doc.review
    path.write_text(BASE.replace('status = "Toteutuu osittain"', 'status = "Toteutu"'))
    with pytest.raises(ReviewError):
        doc.merge_from_disk()
    assert doc.dirty and doc.review is review
    assert doc.review.goal("liikkeelle").status_in("Q3") == "Toteutuu"


def test_an_overwrite_is_an_explicit_choice_and_writes_the_sessions_version(tmp_path):
    path = write(tmp_path, BASE)
    doc = Document.open(path)
    doc.session.set_status("liikkeelle", "Q3", "Toteutuu")
    theirs_on_disk(path, {("harrastaminen", "Q2", "status"): "Ei toteudu"})
    with pytest.raises(ChangedOnDisk):
        write_snapshot(doc.snapshot())
    doc.finish_save(write_snapshot(doc.snapshot(overwrite=True)))
    saved = load(path).review
    assert saved == doc.review
    assert saved.goal("harrastaminen").status_in("Q2") == "Toteutuu osittain"


def test_a_file_only_touched_on_disk_is_not_a_change(tmp_path):
    path = write(tmp_path, BASE)
    doc = Document.open(path)
    doc.session.set_status("liikkeelle", "Q3", "Toteutuu")
    path.write_bytes(path.read_bytes())  # same content, new time
    assert not doc.changed_on_disk()
    doc.finish_save(write_snapshot(doc.snapshot()))
    assert load(path).review.goal("liikkeelle").status_in("Q3") == "Toteutuu"


def test_a_second_change_on_disk_during_a_merge_is_not_overwritten_silently(tmp_path):
    path = write(tmp_path, BASE)
    doc = Document.open(path)
    doc.session.set_comment("liikkeelle", "Q3", "Meidän")
    doc.session.set_forecast("harrastaminen", "Q3", "80 %")
    theirs_on_disk(path, {("harrastaminen", "Q3", "forecast"): "70 %"})  # a conflict
    result, disk = doc.merge_from_disk()
    assert result.clean == [Edit("liikkeelle", "Q3", "comment", None, "Meidän")]

    # while the reviewer reads the conflict, the colleague writes the same comment field
    theirs_on_disk(path, {("liikkeelle", "Q3", "comment"): "Heidän"})
    second = path.read_bytes()
    doc.apply_merge(result, [], disk)
    # the merge is onto the file as it was read for it: the newer change is not its base,
    # so the next save sees it and asks instead of writing over it
    with pytest.raises(ChangedOnDisk):
        write_snapshot(doc.snapshot())
    assert path.read_bytes() == second
    result, disk = doc.merge_from_disk()
    [conflict] = result.conflicts
    assert (conflict.field, conflict.ours, conflict.theirs) == ("comment", "Meidän", "Heidän")


# -- the three-way rule, for any edits on both sides -------------------------------------------

PLACES = st.tuples(st.sampled_from(GOALS), st.sampled_from(PERIODS), st.sampled_from(FIELDS))


@st.composite
def changes(draw):
    """Values for some fields; several values per field on our side (edited more than once)."""
    ours = draw(st.dictionaries(PLACES, st.just(None), max_size=6))
    ours = {p: draw(st.lists(st.sampled_from(VALUES[p[2]]), min_size=1, max_size=3)) for p in ours}
    theirs = draw(st.dictionaries(PLACES, st.just(None), max_size=6))
    theirs = {p: draw(st.sampled_from(VALUES[p[2]])) for p in theirs}
    keep = draw(st.sets(st.sampled_from(sorted({*ours, *theirs}) or [("x", "y", "z")])))
    return ours, theirs, keep


@settings(max_examples=60)
@given(changes())
def test_every_field_ends_as_the_three_way_rule_says(data):
    ours, theirs, keep = data
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder), BASE)
        doc = Document.open(path)
        base = base_review()
        for (goal_id, period, field), values in ours.items():
            for new in values:
                doc.session.set_value(goal_id, period, field, new)
        theirs_on_disk(path, theirs)
        disk = load(path).review

        result, merged_onto = doc.merge_from_disk()
        assert not result.lost
        conflicts = {(c.goal_id, c.period, c.field): c for c in result.conflicts}
        chosen = [c for place, c in conflicts.items() if place in keep]
        doc.apply_merge(
            result,
            [Edit(c.goal_id, c.period, c.field, c.theirs, c.ours) for c in chosen],
            merged_onto,
        )

        for place in {*ours, *theirs}:
            b, t = value(base, place), value(disk, place)
            o = ours[place][-1] if place in ours else b
            if o in (b, t):
                expected, conflict = t, False
            elif t == b:
                expected, conflict = o, False
            else:
                expected, conflict = (o if place in keep else t), True
            assert (place in conflicts) == conflict, place
            if conflict:
                assert (conflicts[place].ours, conflicts[place].theirs) == (o, t)
            assert value(doc.review, place) == expected, place

        if doc.dirty:
            doc.finish_save(write_snapshot(doc.snapshot()))
        assert load(path).review == doc.review
        assert render(doc.review, path) == path.read_text(encoding="utf-8")
