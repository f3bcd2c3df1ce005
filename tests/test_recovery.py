"""Crash recovery: the journal beside the review always holds exactly the unsaved edits.

After every change of a document (an edit, an undo, a redo, a save) the journal
``.NAME.goaltui-recovery.json`` must hold :meth:`Session.unsaved_edits` and nothing else, or not
exist when there are none. A damaged journal is reported, never crashed on, and left in place.
Restoring a journal gives back the review the crashed session had, also on a file that changed.
The app's side (the questions at start, a real SIGKILL) is in tests/tui/test_tui_never_lose.py.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reviewfiles import BASE, edit, write, write_canonical

from goaltui.files import recovery
from goaltui.files.document import Document, write_snapshot
from goaltui.files.loading import load
from goaltui.review.session import Edit, Session
from goaltui.tui.ending import keep_edits

GOALS = ("palvelustrategia", "harrastaminen", "liikkeelle")
PERIODS = ("Q1", "Q2", "Q3", "Q4")
LABELS = ("Toteutuu", "Toteutuu osittain", "Ei toteudu")


def journal_of(path: Path) -> Path:
    return path.with_name(f".{path.name}.goaltui-recovery.json")


def assert_journal_matches(doc: Document) -> None:
    """The journal on disk is the session's unsaved edits, exactly; none: no journal."""
    expected = doc.session.unsaved_edits() if doc.dirty else []
    target = journal_of(doc.path)
    assert doc.journal_error is None
    if not expected:
        assert not target.exists(), f"a journal is left with {recovery.read(doc.path)}"
        return
    journal = recovery.read(doc.path)
    assert journal is not None
    assert journal.path == target
    assert journal.edits == expected
    assert journal.review_sha256 == doc.source.fingerprint.sha256


def save(doc: Document) -> None:
    doc.finish_save(write_snapshot(doc.snapshot()))


@pytest.fixture
def doc(tmp_path: Path) -> Document:
    return Document.open(write(tmp_path, BASE))


# -- the journal follows every change ---------------------------------------------------------


def test_the_journal_follows_every_kind_of_change(doc):
    path = doc.path
    assert not journal_of(path).exists()
    steps = [
        lambda: doc.session.cycle_status("liikkeelle", "Q3"),
        lambda: doc.session.set_comment("liikkeelle", "Q3", "Rivi 1\nRivi 2"),
        lambda: doc.session.set_forecast("harrastaminen", "Q3", "90 %"),
        lambda: doc.session.set_status("palvelustrategia", "Q1", None),
        doc.session.undo,
        doc.session.undo,
        doc.session.redo,
        lambda: doc.session.set_comment("liikkeelle", "Q3", None),
        lambda: doc.session.set_status("liikkeelle", "Q3", None),  # back to the file's value
    ]
    for step in steps:
        step()
        assert_journal_matches(doc)
    journal = recovery.read(path)
    assert journal is not None
    assert journal.edits == [Edit("harrastaminen", "Q3", "forecast", "100 %", "90 %")]
    data = json.loads(journal_of(path).read_text(encoding="utf-8"))
    assert data["goaltui_recovery"] == recovery.FORMAT_VERSION
    assert data["file"] == path.name
    assert data["sha256"] == doc.source.fingerprint.sha256


def test_a_save_removes_the_journal_and_the_next_edit_starts_a_new_one(doc):
    doc.session.set_status("liikkeelle", "Q3", "Toteutuu")
    assert journal_of(doc.path).exists()
    save(doc)
    assert not journal_of(doc.path).exists()
    doc.session.set_forecast("liikkeelle", "Q3", "50 %")
    assert_journal_matches(doc)
    journal = recovery.read(doc.path)
    assert journal is not None
    assert journal.edits == [Edit("liikkeelle", "Q3", "forecast", None, "50 %")]
    assert journal.review_sha256 == doc.source.fingerprint.sha256  # the saved file's content


def test_undoing_back_to_the_saved_state_removes_the_journal(doc):
    doc.session.set_status("liikkeelle", "Q3", "Toteutuu")
    doc.session.set_comment("liikkeelle", "Q3", "Hyvä")
    doc.session.undo()
    assert journal_of(doc.path).exists()
    doc.session.undo()
    assert not doc.dirty and not journal_of(doc.path).exists()
    doc.session.redo()
    assert_journal_matches(doc)


def test_undoing_past_a_save_journals_the_way_back_to_the_file(doc):
    doc.session.set_status("liikkeelle", "Q3", "Toteutuu")
    save(doc)
    doc.session.undo()  # the file has "Toteutuu" now; the session has nothing
    assert_journal_matches(doc)
    journal = recovery.read(doc.path)
    assert journal is not None
    assert journal.edits == [Edit("liikkeelle", "Q3", "status", "Toteutuu", None)]


def test_a_discard_removes_the_journal(doc):
    doc.session.set_status("liikkeelle", "Q3", "Toteutuu")
    doc.discard_journal()
    assert doc.journal_error is None
    assert not journal_of(doc.path).exists()
    assert doc.path.read_text(encoding="utf-8") == BASE  # and the file is as it was


def test_a_save_of_a_checkpoint_keeps_later_edits_journaled(doc):
    """An edit made while a save runs in the background stays in the journal."""
    doc.session.set_status("liikkeelle", "Q3", "Toteutuu")
    snapshot = doc.snapshot()
    doc.session.set_comment("liikkeelle", "Q3", "Tehty kesken tallennuksen")
    doc.finish_save(write_snapshot(snapshot))
    assert doc.dirty
    assert_journal_matches(doc)
    journal = recovery.read(doc.path)
    assert journal is not None
    assert journal.edits == [Edit("liikkeelle", "Q3", "comment", None, "Tehty kesken tallennuksen")]


ACTIONS = st.one_of(
    st.tuples(st.just("status"), st.sampled_from(GOALS), st.sampled_from(PERIODS),
              st.sampled_from((*LABELS, None))),
    st.tuples(st.just("comment"), st.sampled_from(GOALS), st.sampled_from(PERIODS),
              st.sampled_from(("", "Uusi", "Rivi\nkaksi", "\x1b[31m", "ääkköset"))),
    st.tuples(st.just("forecast"), st.sampled_from(GOALS), st.sampled_from(PERIODS),
              st.sampled_from(("", "100 %", "80 %"))),
    st.sampled_from([("undo",), ("redo",), ("save",), ("save later",)]),
)  # fmt: skip


@settings(max_examples=60)
@given(st.lists(ACTIONS, max_size=25))
def test_after_any_sequence_of_changes_the_journal_holds_the_unsaved_edits(actions):
    with tempfile.TemporaryDirectory() as folder:
        doc = Document.open(write(Path(folder), BASE))
        pending = None  # a save started and not finished yet, as in the app
        for action in actions:
            kind = action[0]
            if kind == "status":
                doc.session.set_status(*action[1:])
            elif kind == "comment":
                doc.session.set_comment(*action[1:])
            elif kind == "forecast":
                doc.session.set_forecast(*action[1:])
            elif kind == "undo":
                doc.session.undo()
            elif kind == "redo":
                doc.session.redo()
            elif kind == "save later":
                pending = doc.snapshot()
                continue
            elif doc.dirty:
                if pending is not None:
                    doc.finish_save(write_snapshot(pending))
                    pending = None
                    assert_journal_matches(doc)
                save(doc)
            assert_journal_matches(doc)

        # and the journal, replayed on the file as it is now, gives the session's review
        review = doc.review
        restored = Document.open(doc.path)
        journal = recovery.read(doc.path)
        if journal is not None:
            result = restored.restore(journal)
            assert not result.conflicts and not result.lost
            restored.apply_merge(result, [], restored.source)
        assert restored.review == review


# -- damaged journals ------------------------------------------------------------------------

GOOD = {
    "goaltui_recovery": 1,
    "file": "review.toml",
    "sha256": "0" * 64,
    "written": "2026-01-01T10:00:00+02:00",
    "edits": [
        {
            "goal": "liikkeelle",
            "period": "Q3",
            "field": "status",
            "before": None,
            "after": "Toteutuu",
        }
    ],
}


def damaged(change: dict) -> bytes:
    data = json.loads(json.dumps(GOOD))
    for key, value in change.items():
        if key.startswith("edit."):
            place, key = data["edits"][0], key.removeprefix("edit.")
        else:
            place = data
        if value is KeyError:
            del place[key]
        else:
            place[key] = value
    return json.dumps(data).encode()


DAMAGED = {
    "invalid JSON": b'{"goaltui_recovery": 1, "edits": [',
    "empty": b"",
    "not an object": b"[1, 2, 3]",
    "a string": b'"goaltui"',
    "not UTF-8": b'{"goaltui_recovery": 1, "file": "\xff\xfe"}',
    "NUL bytes": b"\x00" * 64,
    "wrong version": damaged({"goaltui_recovery": 2}),
    "version as a string": damaged({"goaltui_recovery": "1"}),
    "no version": damaged({"goaltui_recovery": KeyError}),
    "no edits": damaged({"edits": KeyError}),
    "edits not a list": damaged({"edits": {"goal": "liikkeelle"}}),
    "an edit not an object": damaged({"edits": ["liikkeelle"]}),
    "goal a number": damaged({"edit.goal": 7}),
    "period missing": damaged({"edit.period": KeyError}),
    "unknown field": damaged({"edit.field": "objective"}),
    "field a list": damaged({"edit.field": ["status"]}),
    "after a number": damaged({"edit.after": 3}),
    "before a table": damaged({"edit.before": {"x": 1}}),
    "sha256 missing": damaged({"sha256": KeyError}),
    "written a number": damaged({"written": 20260101}),
    "nested 200,000 deep": b"[" * 200_000,
    "nested, inside the edits": damaged({"edits": [[[[]]]]}).replace(b"[[[[]]]]", b"[" * 99_999),
    "a lone surrogate": damaged({"edit.after": "\ud800"}),  # json.dumps writes "\\ud800"
    "a lone surrogate in a goal": damaged({"edit.goal": "liikkeelle\udfff"}),
}


@pytest.mark.parametrize("content", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_damaged_journal_is_reported_and_left_in_place(tmp_path, content):
    path = write(tmp_path, BASE)
    journal = journal_of(path)
    journal.write_bytes(content)
    with pytest.raises(recovery.JournalError) as caught:
        recovery.read(path)
    assert str(caught.value).startswith(f"{journal}: ")
    assert journal.read_bytes() == content  # left for a person to look at
    Document.open(path)  # the review itself opens as always
    assert journal.read_bytes() == content


def test_the_well_formed_journal_of_those_tests_reads(tmp_path):
    """The damaged journals above are damaged only where they say."""
    path = write(tmp_path, BASE)
    journal_of(path).write_bytes(damaged({}))
    journal = recovery.read(path)
    assert journal is not None
    assert journal.edits == [Edit("liikkeelle", "Q3", "status", None, "Toteutuu")]


def test_a_journal_that_is_a_folder_is_reported(tmp_path):
    path = write(tmp_path, BASE)
    journal_of(path).mkdir()
    with pytest.raises(recovery.JournalError):
        recovery.read(path)
    assert journal_of(path).is_dir()


def test_no_journal_is_no_recovery(tmp_path):
    assert recovery.read(write(tmp_path, BASE)) is None


# -- restoring ---------------------------------------------------------------------------------


def crashed_session(path: Path) -> Document:
    """A session with edits of every kind that then died: its journal is all that is left."""
    doc = Document.open(path)
    doc.session.set_status("liikkeelle", "Q3", "Ei toteudu")
    doc.session.set_comment("liikkeelle", "Q3", "Poikkeama:\nsyy on rahoitus")
    doc.session.set_forecast("harrastaminen", "Q3", "80 %")
    doc.session.set_status("palvelustrategia", "Q1", None)
    return doc


def test_restoring_on_the_unchanged_file_gives_back_the_crashed_session(tmp_path):
    path = write(tmp_path, BASE)
    crashed = crashed_session(path)
    assert path.read_text(encoding="utf-8") == BASE  # nothing was saved

    doc = Document.open(path)
    journal = recovery.read(path)
    assert journal is not None
    assert journal.review_sha256 == doc.source.fingerprint.sha256
    result = doc.restore(journal)
    assert result.clean == crashed.session.unsaved_edits()
    assert not result.conflicts and not result.lost
    doc.apply_merge(result, [], doc.source)  # as the app restores: onto the file as opened
    assert doc.review == crashed.review
    assert doc.dirty  # restored, and not saved until the reviewer saves
    assert_journal_matches(doc)
    save(doc)
    assert load(path).review == crashed.review
    assert not journal_of(path).exists()


def test_restoring_on_a_file_changed_since_merges_the_edits(tmp_path):
    path = write(tmp_path, BASE)
    crashed_session(path)
    # meanwhile, a colleague changed another goal and also made one of the same changes
    colleague = Session(load(path).review)
    colleague.set_status("harrastaminen", "Q2", "Ei toteudu")
    colleague.set_comment("harrastaminen", "Q2", "Muutettu muualla")
    colleague.set_status("palvelustrategia", "Q1", None)
    write_canonical(colleague.review, path)

    doc = Document.open(path)
    journal = recovery.read(path)
    assert journal is not None and journal.review_sha256 != doc.source.fingerprint.sha256
    result = doc.restore(journal)
    assert not result.conflicts and not result.lost
    doc.apply_merge(result, [], doc.source)  # as the app restores: onto the file as opened
    save(doc)
    goals = load(path).review
    assert goals.goal("harrastaminen").entry("Q2").comment == "Muutettu muualla"  # theirs
    assert goals.goal("harrastaminen").status_in("Q2") == "Ei toteudu"
    assert goals.goal("liikkeelle").status_in("Q3") == "Ei toteudu"  # ours
    assert goals.goal("liikkeelle").entry("Q3").comment == "Poikkeama:\nsyy on rahoitus"
    assert goals.goal("harrastaminen").entry("Q3").forecast == "80 %"
    assert goals.goal("palvelustrategia").status_in("Q1") is None  # the same change on both


def test_restoring_a_conflicting_journal_lists_the_conflict(tmp_path):
    path = write(tmp_path, BASE)
    crashed_session(path)
    path.write_text(
        edit(BASE, 'forecast = "100 %"\ncomment = """', 'forecast = "70 %"\ncomment = """'),
        encoding="utf-8",
    )
    doc = Document.open(path)
    journal = recovery.read(path)
    assert journal is not None
    result = doc.restore(journal)
    [conflict] = result.conflicts
    assert (conflict.goal_id, conflict.period, conflict.field) == (
        "harrastaminen",
        "Q3",
        "forecast",
    )
    assert (conflict.ours, conflict.theirs) == ("80 %", "70 %")
    assert len(result.clean) == 3


# -- a journal that cannot be written ----------------------------------------------------------


def test_a_journal_that_cannot_be_written_is_reported_not_raised(tmp_path):
    folder = tmp_path / "team"
    path = write(folder, BASE)
    doc = Document.open(path)
    journal_of(path).mkdir()  # something in the way
    doc.session.set_status("liikkeelle", "Q3", "Toteutuu")  # no exception
    assert doc.journal_error is not None
    assert str(journal_of(path)) in doc.journal_error
    assert doc.dirty and doc.review.goal("liikkeelle").status_in("Q3") == "Toteutuu"


def test_hostile_text_round_trips_through_the_journal(doc):
    text = 'Rivi "1"\n\tkaksi \x1b[31m punainen \u202e ääk \\ }]'
    doc.session.set_comment("liikkeelle", "Q3", text)
    journal = recovery.read(doc.path)
    assert journal is not None
    assert journal.edits == [Edit("liikkeelle", "Q3", "comment", None, text)]


def test_text_with_a_lone_surrogate_journals_and_reads_back(doc, capsys):
    """Half a character (from a terminal's undecodable byte) cannot be UTF-8: the journal
    writes it as U+FFFD, so writing never fails and what it wrote reads back as text."""
    doc.session.set_comment("liikkeelle", "Q3", "Hyvä \ud800 alku")
    assert doc.journal_error is None
    journal = recovery.read(doc.path)
    assert journal is not None
    assert journal.edits == [Edit("liikkeelle", "Q3", "comment", None, "Hyvä \ufffd alku")]
    raw = journal_of(doc.path).read_bytes()
    assert "Hyvä \ufffd alku".encode() in raw  # readable in the file, as UTF-8
    keep_edits([doc])  # the crash handler's path writes it once more
    assert "are kept in" in capsys.readouterr().err
    assert recovery.read(doc.path) == journal


# -- the journal's permissions, and its temporary file ---------------------------------------


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.parametrize(
    ("review", "journal"),
    [
        (0o600, 0o600),
        (0o640, 0o640),
        (0o644, 0o644),
        (0o664, 0o644),
        (0o400, 0o400),
        (0o755, 0o644),
    ],
    ids=lambda mode: oct(mode),
)
def test_the_journal_takes_the_reviews_permissions_at_most_from_the_start(
    doc, monkeypatch, umask_022, review, journal
):
    """Unsaved comments are as private as the file: no moment with wider permissions."""
    doc.path.chmod(review)
    real_replace = recovery.os.replace
    modes = []

    def replace(source, target):  # the moment before the journal takes its name
        modes.append(stat.S_IMODE(os.stat(source).st_mode))
        real_replace(source, target)

    monkeypatch.setattr(recovery.os, "replace", replace)
    doc.session.set_comment("liikkeelle", "Q3", "Luottamuksellinen")
    doc.session.set_forecast("liikkeelle", "Q3", "50 %")
    assert doc.journal_error is None
    assert modes == [journal, journal]
    assert stat.S_IMODE(journal_of(doc.path).stat().st_mode) == journal


FULL_DISK = textwrap.dedent(
    """
    import resource, signal, sys
    from pathlib import Path
    from goaltui.files.document import Document

    doc = Document.open(Path(sys.argv[1]))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (64, 64))  # no file may grow past 64 bytes
    doc.session.set_comment("liikkeelle", "Q3", "Tämä ei mahdu levylle")
    print(doc.journal_error)
    """
)


def test_a_journal_write_that_fails_leaves_the_last_journal_whole_and_no_temporary_file(tmp_path):
    """A full disk (here: a file size limit, a real failing write) in the middle of a write."""
    path = write(tmp_path, BASE)
    Document.open(path).session.set_status("liikkeelle", "Q3", "Toteutuu")  # then it died
    before = journal_of(path).read_bytes()
    assert len(before) > 64
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"cannot write {journal_of(path)}: File too large")
    assert journal_of(path).read_bytes() == before  # not written over in place
    assert sorted(p.name for p in tmp_path.iterdir()) == [journal_of(path).name, path.name]


def test_the_journal_is_replaced_in_one_step_never_written_in_place(doc):
    """Whoever reads the journal (a restore, a person) gets one whole version or the next."""
    doc.session.set_status("liikkeelle", "Q3", "Toteutuu")
    first = journal_of(doc.path)
    kept = doc.path.with_name("kept-journal")
    os.link(first, kept)  # a second name for the version written first
    old = kept.read_bytes()
    doc.session.set_comment("liikkeelle", "Q3", "Toinen versio")
    assert kept.read_bytes() == old  # the first version was not overwritten...
    assert journal_of(doc.path).read_bytes() != old  # ...but replaced by a new file


# -- a session that stopped while its save ran ---------------------------------------------


def test_a_session_stopped_while_saving_left_a_journal_that_knows_the_save(tmp_path):
    """Killed after the file was replaced but before the save was recorded: the file changed,
    by that session's own save. The journal says so; only the edit made during the save is
    still unsaved."""
    path = write(tmp_path, BASE)
    doc = Document.open(path)
    doc.session.set_status("liikkeelle", "Q3", "Toteutuu")
    snapshot = doc.snapshot()
    doc.session.set_forecast("harrastaminen", "Q3", "90 %")  # typed while the save runs
    write_snapshot(snapshot)  # ...and goaltui dies before doc.finish_save(...)

    again = Document.open(path)
    journal = recovery.read(path)
    assert journal is not None
    assert journal.review_sha256 != again.source.fingerprint.sha256  # the file did change
    assert journal.began_on(again.source.fingerprint.sha256)  # by that session's save
    result = again.restore(journal)
    assert result.clean == [Edit("harrastaminen", "Q3", "forecast", "100 %", "90 %")]
    assert not result.conflicts and not result.lost


# -- drafts: the text being typed in an editor ---------------------------------------------------


def test_a_draft_is_journaled_beside_the_edits_and_read_back(doc):
    edit = doc.session.set_status("liikkeelle", "Q3", "Toteutuu")
    draft = recovery.Draft("harrastaminen", "Q2", "comment", 'Kesken "ajatus"\n\x1b[31m')
    doc.keep_draft(draft)
    journal = recovery.read(doc.path)
    assert journal is not None
    assert journal.edits == [edit] and journal.draft == draft


def test_a_draft_alone_makes_a_journal_and_none_removes_it(doc):
    draft = recovery.Draft("liikkeelle", "Q3", "forecast", "90 %")
    doc.keep_draft(draft)
    journal = recovery.read(doc.path)
    assert journal is not None and journal.edits == [] and journal.draft == draft
    assert not doc.dirty and doc.unsaved
    doc.keep_draft(None)
    assert not journal_of(doc.path).exists()
    assert not doc.unsaved


def test_a_journal_written_before_drafts_still_reads(doc):
    edit = doc.session.set_status("liikkeelle", "Q3", "Toteutuu")
    data = json.loads(journal_of(doc.path).read_text(encoding="utf-8"))
    assert "draft" not in data  # as every journal was before drafts
    journal = recovery.read(doc.path)
    assert journal is not None and journal.edits == [edit] and journal.draft is None


@pytest.mark.parametrize(
    "draft",
    [
        "a comment",
        {"goal": "liikkeelle", "period": "Q3", "field": "status", "text": "Toteutuu"},
        {"goal": "liikkeelle", "period": "Q3", "field": "comment"},
        {"goal": "liikkeelle", "period": "Q3", "field": "comment", "text": 12},
    ],
    ids=["not an object", "a status", "no text", "a number"],
)
def test_a_damaged_draft_is_a_damaged_journal(doc, draft):
    doc.session.set_status("liikkeelle", "Q3", "Toteutuu")
    data = json.loads(journal_of(doc.path).read_text(encoding="utf-8"))
    data["draft"] = draft
    journal_of(doc.path).write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(recovery.JournalError, match="damaged recovery journal"):
        recovery.read(doc.path)
