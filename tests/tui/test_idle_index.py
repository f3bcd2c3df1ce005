"""The index steps (tui/flows/indexing.py) take about a millisecond each, and none while keys
come in or a save runs."""

from __future__ import annotations

from typing import Any

from goaltui.files.pacing import KEYS
from goaltui.tui.flows import indexing
from goaltui.tui.flows.indexing import BUDGET, QUIET, IdleIndex


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Doc:
    """A document whose goals cost ``cost`` seconds each to index, on the fake clock."""

    def __init__(self, clock: Clock, goals: int, cost: float) -> None:
        self.clock, self.left, self.cost = clock, goals, cost
        self.calls = 0

    def index_some(self, count: int) -> bool:
        self.calls += 1
        done = min(count, self.left)
        self.left -= done
        self.clock.now += done * self.cost
        return self.left > 0


def index_of(docs: list[Doc], saving: bool = False) -> IdleIndex:
    index = IdleIndex(host=None, documents=docs, saving=lambda: saving)  # type: ignore[arg-type,list-item]
    index._timer = None
    return index


def test_a_step_stops_after_its_budget_whatever_a_goal_costs(monkeypatch: Any) -> None:
    clock = Clock()
    monkeypatch.setattr(indexing.time, "perf_counter", clock)
    monkeypatch.setattr(KEYS, "taken_at", clock.now - 10 * QUIET)
    for cost in (0.00005, 0.00015):  # a goal without measures, and one with three
        doc = Doc(clock, goals=10_000, cost=cost)
        index = index_of([doc])
        start = clock.now
        index._step()
        spent = clock.now - start
        assert BUDGET <= spent < BUDGET + indexing.GOALS * cost + 1e-9
        assert doc.left > 0  # more steps follow


def test_no_step_while_keys_come_in_or_a_save_runs(monkeypatch: Any) -> None:
    clock = Clock()
    monkeypatch.setattr(indexing.time, "perf_counter", clock)
    doc = Doc(clock, goals=100, cost=0.0001)
    monkeypatch.setattr(KEYS, "taken_at", clock.now - QUIET / 2)  # a key a moment ago
    index_of([doc])._step()
    assert doc.calls == 0
    monkeypatch.setattr(KEYS, "taken_at", clock.now - 2 * QUIET)
    index_of([doc], saving=True)._step()
    assert doc.calls == 0
    index_of([doc])._step()
    assert doc.calls > 0


def test_steps_go_through_every_document_in_turn(monkeypatch: Any) -> None:
    clock = Clock()
    monkeypatch.setattr(indexing.time, "perf_counter", clock)
    monkeypatch.setattr(KEYS, "taken_at", clock.now - 10 * QUIET)
    docs = [Doc(clock, goals=2, cost=0.00001), Doc(clock, goals=30, cost=0.00001)]
    index = index_of(docs)
    index._step()
    assert [d.left for d in docs] == [0, 0]  # both small: one step does them both
