"""The diff and textconv compare and print a review from one description of its fields
(goaltui/outputs/fields.py): a new field of the format is one line there, for both."""

from __future__ import annotations

from pathlib import Path

import pytest
from reviewfiles import BASE, edit

from goaltui.files.loading import load_text
from goaltui.language import catalogue
from goaltui.outputs import diff, facts, fields
from goaltui.outputs.diff import diff_reviews, excerpt, marked
from goaltui.outputs.diff_terminal import review_diff_lines
from goaltui.outputs.fields import Field

Q3 = (
    'forecast = "100 %"\n'
    'comment = "Palvelukokonaisuudet ovat parhaillaan työstämässä työnjakokuvauksia."'
)


def with_measures(actions: str, value: int) -> str:
    """BASE with actions and an indicator's value in palvelustrategia's Q3 entry, as unknown
    keys today (kept by every save), as the measures of the format will have them."""
    return edit(
        BASE,
        Q3,
        f"{Q3}\nactions = [{actions}]\n\n[goals.periods.Q3.indicators]\ntoimenpiteet = {value}",
    )


@pytest.fixture
def measured(monkeypatch):
    """The entry's fields with two more: actions (a list) and the indicators' values (by id)."""
    more = (
        *fields.ENTRY_FIELDS,
        Field("actions", "actions", "list", lambda e: tuple(e.extra.get("actions", ())) or None),
        Field("indicators", "indicator", "values", lambda e: e.extra.get("indicators")),
    )
    monkeypatch.setattr(diff, "ENTRY_FIELDS", more)
    monkeypatch.setattr(facts, "ENTRY_FIELDS", more)


def test_a_new_field_is_compared_and_printed_from_its_one_line(measured):
    old = load_text(Path("r.toml"), with_measures('"Viestintä kouluille"', 60)).review
    new = load_text(Path("r.toml"), with_measures('"Viestintä kouluille", "Kysely"', 90)).review
    found = diff_reviews(old, new, catalogue("en"), "r.toml")
    (goal,) = found.goals
    ((period, changes),) = goal.periods
    mine = {c.field.name: c for c in changes if c.field.name != fields.EXTRA}
    assert period == "Q3" and set(mine) == {"actions", "indicators"}
    assert mine["actions"].pieces == (("=", "Viestintä kouluille"), ("+", "Kysely"))
    indicator = mine["indicators"]
    assert (indicator.key, indicator.before, indicator.after) == ("toimenpiteet", 60, 90)
    lines = [line.plain for line in review_diff_lines(found, plain=True)]
    assert "    Q3 · actions: Viestintä kouluille, {+Kysely+}" in lines
    assert "    Q3 · indicator toimenpiteet: 60 → 90" in lines
    printed = list(facts.review_facts(new))
    assert "goal palvelustrategia · Q3 · actions: Kysely" in printed
    assert "goal palvelustrategia · Q3 · indicators toimenpiteet: 90" in printed  # the file's key


def test_words_taken_out_and_put_in():
    words = ["Palvelut", " ", "ovat", " ", "valmiit", "."]
    assert marked(
        words, ["Palvelut", " ", "ovat", " ", "lähes", " ", "valmiit", "."], words=True
    ) == (
        ("=", "Palvelut ovat "),
        ("+", "lähes "),
        ("=", "valmiit."),
    )
    assert marked(["a", "b"], ["b", "c"], words=False) == (("-", "a"), ("=", "b"), ("+", "c"))
    long = "x" * 500
    assert excerpt((("=", long), ("-", "y"), ("=", long)), context=10) == (
        ("=", "…" + "x" * 10),
        ("-", "y"),
        ("=", "x" * 10 + "…"),
    )
