"""Editing indicator values and actions: undone and redone, journaled, read back from a journal
(also one written before indicators), merged on a file changed on disk, saved as numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from measuredfiles import MEASURED
from reviewfiles import edit, write

from goaltui.files import recovery
from goaltui.files.document import Document, write_snapshot
from goaltui.files.loading import load, load_text
from goaltui.review.merge import merge
from goaltui.review.session import Edit, Session, typed_actions


@pytest.fixture
def session() -> Session:
    return Session(load_text(Path("r.toml"), MEASURED).review)


def values(session: Session, period: str = "Q3"):
    return session.review.goal("harrastaminen").entry(period).indicators or {}


def test_an_indicator_value_is_set_undone_and_redone(session):
    (changed,) = session.set_indicator("harrastaminen", "Q3", "toimenpiteet", 85, 60)
    assert changed == Edit(
        "harrastaminen", "Q3", "indicator_forecast", 80, 85, indicator="toimenpiteet"
    )
    assert values(session)["toimenpiteet"].forecast == 85 and session.dirty
    assert session.undo() == changed
    assert values(session)["toimenpiteet"].forecast == 80 and not session.dirty
    session.redo()
    assert values(session)["toimenpiteet"].forecast == 85


def test_clearing_both_values_removes_the_indicator_from_the_period(session):
    edits = session.set_indicator("harrastaminen", "Q3", "kustannus", None, None)
    assert [e.field for e in edits] == ["indicator_forecast"]
    assert "kustannus" not in values(session)
    session.set_indicator("harrastaminen", "Q3", "toimenpiteet", None, None)
    assert session.review.goal("harrastaminen").entry("Q3").indicators is None
    session.undo()
    session.undo()
    session.undo()
    assert values(session)["kustannus"].forecast == 110000


def test_an_integer_and_the_same_float_are_two_values(session):
    assert session.set_indicator("harrastaminen", "Q3", "toimenpiteet", 80, 60) == []
    (changed,) = session.set_indicator("harrastaminen", "Q3", "toimenpiteet", 80.0, 60)
    assert isinstance(changed.after, float)


def test_a_value_for_an_indicator_the_goal_lacks_is_refused(session):
    with pytest.raises(ValueError):
        session.set_value("harrastaminen", "Q3", "indicator_forecast", 1, indicator="hinta")
    with pytest.raises(ValueError):
        session.set_value("liikkeelle", "Q3", "indicator_forecast", 1, indicator="toimenpiteet")


def test_actions_are_typed_one_per_line(session):
    assert typed_actions("  Yksi \r\n\nKaksi\n  ") == ("Yksi", "Kaksi")
    assert typed_actions(" \n ") is None
    edited = session.set_actions("harrastaminen", "Q3", "Kysely kouluille\nViestintä")
    assert edited is not None and edited.after == ("Kysely kouluille", "Viestintä")
    assert session.review.goal("harrastaminen").entry("Q3").actions == edited.after
    session.set_actions("harrastaminen", "Q3", "")
    assert session.review.goal("harrastaminen").entry("Q3").actions is None


def test_net_edits_keep_each_indicator_apart(session):
    session.set_indicator("harrastaminen", "Q3", "toimenpiteet", 81, 60)
    session.set_indicator("harrastaminen", "Q3", "kustannus", 100, None)
    session.set_indicator("harrastaminen", "Q3", "toimenpiteet", 82, 60)
    assert session.unsaved_edits() == [
        Edit("harrastaminen", "Q3", "indicator_forecast", 80, 82, indicator="toimenpiteet"),
        Edit("harrastaminen", "Q3", "indicator_forecast", 110000, 100, indicator="kustannus"),
    ]


def test_a_save_writes_exactly_the_number_entered(tmp_path):
    doc = Document.open(write(tmp_path, MEASURED))
    doc.session.set_indicator("harrastaminen", "Q3", "toimenpiteet", 85, 60)
    doc.session.set_actions("harrastaminen", "Q3", "Kysely")
    doc.finish_save(write_snapshot(doc.snapshot()))
    text = doc.path.read_text()
    assert text == edit(
        MEASURED,
        "forecast = 80\nactual = 60\n",
        "forecast = 85\nactual = 60\n",
    ).replace(
        'Palautteet kerätty keväältä."""\n\n[goals.periods.Q3.indicators',
        'Palautteet kerätty keväältä."""\nactions = [\n    "Kysely",\n]\n\n'
        "[goals.periods.Q3.indicators",
    )


# -- the journal -----------------------------------------------------------------------------


def test_the_journal_holds_numbers_lists_and_the_indicator(tmp_path):
    doc = Document.open(write(tmp_path, MEASURED))
    doc.session.set_indicator("harrastaminen", "Q3", "toimenpiteet", 85.5, 60)
    doc.session.set_actions("harrastaminen", "Q3", "Yksi\nKaksi")
    data = json.loads(recovery.journal_path(doc.path).read_text())
    assert data["edits"] == [
        {
            "goal": "harrastaminen",
            "period": "Q3",
            "field": "indicator_forecast",
            "before": 80,
            "after": 85.5,
            "indicator": "toimenpiteet",
        },
        {
            "goal": "harrastaminen",
            "period": "Q3",
            "field": "actions",
            "before": None,
            "after": ["Yksi", "Kaksi"],
        },
    ]
    journal = recovery.read(doc.path)
    assert journal is not None and journal.edits == doc.session.unsaved_edits()
    restored = Document.open(doc.path)
    result = restored.restore(journal)
    restored.apply_merge(result, [])
    assert restored.review == doc.review


def test_a_journal_written_before_indicators_is_read_as_it_was(tmp_path):
    path = write(tmp_path, MEASURED)
    document = {
        "goaltui_recovery": 1,
        "file": path.name,
        "sha256": "0" * 64,
        "written": "2021-10-01T10:00:00+03:00",
        "edits": [
            {"goal": "liikkeelle", "period": "Q2", "field": "comment", "before": None, "after": "x"}
        ],
    }
    recovery.journal_path(path).write_text(json.dumps(document))
    journal = recovery.read(path)
    assert journal is not None
    assert journal.edits == [Edit("liikkeelle", "Q2", "comment", None, "x")]


@pytest.mark.parametrize(
    ("item", "reason"),
    [
        (
            {"field": "indicator_forecast", "before": 1, "after": 2},
            'an edit of an indicator\'s value names no "indicator"',
        ),
        (
            {"field": "indicator_actual", "before": "1", "after": 2, "indicator": "a"},
            '"before" is not a number',
        ),
        ({"field": "actions", "before": None, "after": "x"}, '"after" is not a list of texts'),
    ],
)
def test_a_damaged_journal_of_measures_is_reported(tmp_path, item, reason):
    path = write(tmp_path, MEASURED)
    document = {
        "goaltui_recovery": 1,
        "file": path.name,
        "sha256": "0" * 64,
        "written": "2021-10-01T10:00:00+03:00",
        "edits": [{"goal": "harrastaminen", "period": "Q3", **item}],
    }
    recovery.journal_path(path).write_text(json.dumps(document))
    with pytest.raises(recovery.JournalError) as caught:
        recovery.read(path)
    assert str(caught.value).endswith(reason)


# -- merging ---------------------------------------------------------------------------------


def test_an_indicator_edit_merges_cleanly_conflicts_or_is_lost(tmp_path):
    ours = Edit("harrastaminen", "Q3", "indicator_forecast", 80, 85, indicator="toimenpiteet")
    actions = Edit("harrastaminen", "Q3", "actions", None, ("Kysely",))
    same = load_text(Path("r.toml"), MEASURED).review
    result = merge(same, [ours, actions])
    assert (result.clean, result.conflicts, result.lost) == ([ours, actions], [], [])
    theirs = load_text(Path("r.toml"), edit(MEASURED, "forecast = 80\n", "forecast = 70\n"))
    result = merge(theirs.review, [ours])
    (conflict,) = result.conflicts
    assert (conflict.ours, conflict.theirs, conflict.indicator) == (85, 70, "toimenpiteet")
    assert conflict.edit(70, 85) == Edit(
        "harrastaminen", "Q3", "indicator_forecast", 70, 85, indicator="toimenpiteet"
    )
    gone = edit(
        MEASURED, "[goals.periods.Q3.indicators.toimenpiteet]\nforecast = 80\nactual = 60\n\n", ""
    )
    gone = edit(
        gone,
        '[[goals.indicators]]\nid = "toimenpiteet"\n'
        'name = "Projektissa määritellyt toimenpiteet on tehty"\nunit = "%"\ntarget = 85\n\n',
        "",
    )
    result = merge(load_text(Path("r.toml"), gone).review, [ours])
    assert result.lost == [(ours, "indicator")]


def test_a_merged_document_keeps_the_disks_changes_and_ours(tmp_path):
    doc = Document.open(write(tmp_path, MEASURED))
    doc.session.set_indicator("harrastaminen", "Q3", "toimenpiteet", 85, 60)
    write(tmp_path, edit(MEASURED, "forecast = 110000\n", "forecast = 100000\n"))
    result, disk = doc.merge_from_disk()
    doc.apply_merge(result, [], disk)
    entry = doc.review.goal("harrastaminen").entry("Q3").indicators or {}
    assert (entry["toimenpiteet"].forecast, entry["kustannus"].forecast) == (85, 100000)
    assert load(doc.path).review.goal("harrastaminen").entry("Q3").indicators is not None
