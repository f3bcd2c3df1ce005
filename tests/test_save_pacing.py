"""A save leaves the interpreter to the keys without changing what it writes or says: the text
of the goals re-read only is written from its pieces (never joined into one copy), the summary
pauses between its steps, and work with no pauses of its own is paced call by call."""

from __future__ import annotations

import gc
import hashlib
import sys
from dataclasses import replace
from pathlib import Path

from reviewfiles import BASE, write

from goaltui.files import canonical
from goaltui.files.canonical import Rendered, render
from goaltui.files.document import Document, write_snapshot
from goaltui.files.loading import load, load_text
from goaltui.files.pacing import paced_calls
from goaltui.outputs.summary import summarize

DATA = Path(__file__).resolve().parents[1] / "data"
KUVA = DATA / "kuva-2021.toml"


def canonical_copy(tmp_path: Path, source: Path = KUVA) -> Path:
    return write(
        tmp_path, render(load_text(tmp_path / "x.toml", source.read_text()).review, tmp_path)
    )


def test_a_save_writes_the_canonical_text_from_its_pieces_and_keeps_no_copy_of_it(tmp_path):
    path = canonical_copy(tmp_path)
    doc = Document.open(path)
    goal = doc.review.goals[-1]
    doc.session.cycle_status(goal.id, doc.review.current_period())
    written = write_snapshot(doc.snapshot())
    data = path.read_bytes()
    assert data.decode("utf-8") == render(doc.review, path) == written.text
    assert written.rendered.text == ""  # made from the pieces when asked for
    assert written.rendered.sha256 == hashlib.sha256(data).hexdigest()
    assert written.fingerprint.size == len(data)
    assert b"".join(written.rendered.encoded()) == data
    doc.finish_save(written)
    assert doc.source.text == ""
    assert load(path).review == doc.review


def test_a_later_save_reads_back_only_the_goal_edited_and_its_text_is_whole(tmp_path, monkeypatch):
    path = canonical_copy(tmp_path)
    doc = Document.open(path)
    period = doc.review.current_period()
    doc.session.cycle_status(doc.review.goals[0].id, period)
    doc.finish_save(write_snapshot(doc.snapshot()))
    doc.session.cycle_status(doc.review.goals[-1].id, period)

    def no_full_render(*_args: object) -> Rendered:
        raise AssertionError("the whole review was rendered again")

    monkeypatch.setattr(canonical, "_render_all", no_full_render)
    written = write_snapshot(doc.snapshot())
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == render(doc.review, path) == written.text
    assert load(path).review == doc.review


def test_a_changed_header_is_not_taken_for_the_pieces_written_before(tmp_path):
    path = canonical_copy(tmp_path)
    doc = Document.open(path)
    doc.session.cycle_status(doc.review.goals[0].id, doc.review.current_period())
    doc.finish_save(write_snapshot(doc.snapshot()))
    before = doc.rendered
    assert before.head is not None
    changed = replace(doc.review, title=doc.review.title + " (uusi)")
    made = canonical.render_from(changed, path, before, keep_text=False)
    assert made.whole() == render(changed, path)


def test_text_encoded_in_parts_is_the_text(tmp_path):
    text = render(load_text(tmp_path / "x.toml", BASE).review, tmp_path)
    review = load_text(tmp_path / "x.toml", text).review
    kept = Rendered.as_read(text * 200, review)  # longer than one part
    assert b"".join(kept.encoded()) == (text * 200).encode("utf-8")


def test_the_summary_with_pauses_is_the_summary(tmp_path):
    review = load(KUVA).review
    period = review.current_period()
    calls: list[None] = []
    paused = summarize(review, KUVA, period, "fi", pause=lambda: calls.append(None))
    assert calls
    alone = summarize(review, KUVA, period, "fi")
    assert paused.counts == alone.counts
    assert paused.attention == alone.attention
    assert paused.measures == alone.measures
    assert paused.unexplained == alone.unexplained
    assert paused.not_assessed == alone.not_assessed
    assert paused.needing_actions == alone.needing_actions


def test_work_with_no_pauses_of_its_own_is_paced_call_by_call():
    calls: list[None] = []

    def work(n: int) -> int:
        return n if n < 1 else work(n - 1) + 1

    outer = sys.gettrace()
    gc.collect()  # earlier tests' garbage: its finalizers, run within, would be counted too
    with paced_calls(lambda: calls.append(None), every=10):
        assert work(200) == 200
    assert sys.gettrace() is outer
    if outer is None:  # not under a debugger or coverage, which are left alone
        assert len(calls) == 20


def test_once_another_thread_is_found_busy_the_pacer_rests_longer(monkeypatch):
    from goaltui.files import pacing

    clock = [0.0]
    late = [0.005, 0.004]  # the other thread holds the interpreter for two wake-ups
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock[0] += seconds + (late.pop(0) if late else 0.0)

    monkeypatch.setattr(pacing.time, "perf_counter", lambda: clock[0])
    monkeypatch.setattr(pacing.time, "sleep", sleep)
    pacer = pacing.Pacer()
    pacer()
    assert slept == []  # no work done yet
    clock[0] += 0.003
    pacer()
    assert slept == [0.0002, 0.002, 0.002]


def test_while_a_key_holds_the_interpreter_the_save_waits_for_its_frame():
    import threading

    from goaltui.files.pacing import Claim, Pacer

    claim = Claim(longest=5.0)
    pacer = Pacer(claim=claim)
    claim.take()
    done = threading.Event()

    def save() -> None:
        pacer()
        done.set()

    worker = threading.Thread(target=save)
    worker.start()
    assert not done.wait(0.1)  # the key's frame is not out yet: the save does not go on
    claim.give_back()
    assert done.wait(2.0)
    worker.join()


def test_a_claim_never_given_back_runs_out_and_stalls_nothing_after():
    import time

    from goaltui.files.pacing import Claim, Pacer

    claim = Claim(longest=0.05)
    pacer = Pacer(claim=claim)
    claim.take()  # a key that changed nothing on screen: no frame gives it back
    start = time.perf_counter()
    pacer()
    assert 0.04 <= time.perf_counter() - start < 1.0
    assert not claim.held
    start = time.perf_counter()
    for _ in range(100):
        pacer.since = time.perf_counter()  # no rest due: only the claim could make it wait
        pacer()
    assert time.perf_counter() - start < 0.04


def test_a_frame_drawn_before_the_key_was_answered_does_not_end_its_claim():
    """Keys 20 ms apart: the frame out next often answers the key before, not this one."""
    from goaltui.files.pacing import Claim

    claim = Claim(longest=5.0)
    first, second = object(), object()
    claim.take(first)
    claim.answered(first)
    drawn_for_first = claim.answering
    claim.take(second)  # comes in while the first one's frame is on its way out
    claim.give_back(drawn_for_first)
    assert claim.held  # the save still waits: the second key is not answered yet
    claim.answered(second)
    claim.give_back(claim.answering)
    assert not claim.held
    claim.take(first)
    claim.give_back()  # by default, whatever it was taken for
    assert not claim.held


def test_keys_that_keep_the_claim_held_still_leave_the_work_its_share():
    """Keys coming in faster than they are answered: the work goes on a little between."""
    import time

    from goaltui.files.pacing import Claim, Pacer

    claim = Claim(longest=0.05)
    pacer = Pacer(claim=claim, least=0.3)
    claim.take()
    start = time.perf_counter()
    pacer()  # waits for the claim, which runs out
    assert time.perf_counter() - start >= 0.04
    claim.take()  # the next key, at once
    start = time.perf_counter()
    for _ in range(100):
        pacer.since = time.perf_counter()  # no rest due: only the claim could make it wait
        pacer()
    assert time.perf_counter() - start < 0.04  # its share of work first
    time.sleep(max(0.0, 0.3 - (time.perf_counter() - start)))
    claim.take()
    start = time.perf_counter()
    pacer()
    assert time.perf_counter() - start >= 0.04  # then it waits for the keys again


def test_after_a_long_wait_for_the_keys_the_work_goes_on_for_its_share_of_it():
    import time

    from goaltui.files.pacing import Claim, Pacer

    claim = Claim(longest=0.2)
    pacer = Pacer(claim=claim, least=0.0, share=0.5)
    claim.take()
    pacer()  # waits 0.2 s: it is owed 0.1 s of work
    claim.take()
    start = time.perf_counter()
    while time.perf_counter() - start < 0.05:
        pacer.since = time.perf_counter()
        pacer()
    assert time.perf_counter() - start < 0.1  # went on: half of its wait is not over yet
