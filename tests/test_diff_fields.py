"""The diff and textconv compare and print a review from one description of its fields
(goaltui/outputs/fields.py): a new field of the format is one line there, for both."""

from __future__ import annotations

from pathlib import Path

from reviewfiles import BASE, edit

from goaltui.files.loading import load_text
from goaltui.language import catalogue
from goaltui.outputs import facts, fields
from goaltui.outputs.diff import diff_reviews, excerpt, marked
from goaltui.outputs.diff_terminal import review_diff_lines

Q3 = (
    'forecast = "100 %"\n'
    'comment = "Palvelukokonaisuudet ovat parhaillaan työstämässä työnjakokuvauksia."'
)


def with_measures(actions: str, value: int) -> str:
    """BASE with an indicator, and actions and the indicator's value in palvelustrategia's Q3
    entry."""
    declared = edit(
        BASE,
        'binding = false\nlinks = [\n    "Osallisuus",',
        "binding = false\n"
        'indicators = [{ id = "toimenpiteet", name = "Toimenpiteet", target = 100 }]\n'
        'links = [\n    "Osallisuus",',
    )
    return edit(
        declared,
        Q3,
        f"{Q3}\nactions = [{actions}]\n\n[goals.periods.Q3.indicators.toimenpiteet]\n"
        f"forecast = {value}",
    )


def test_actions_and_indicator_values_are_compared_and_printed():
    old = load_text(Path("r.toml"), with_measures('"Viestintä kouluille"', 60)).review
    new = load_text(Path("r.toml"), with_measures('"Viestintä kouluille", "Kysely"', 90)).review
    found = diff_reviews(old, new, catalogue("en"), "r.toml")
    (goal,) = found.goals
    ((period, changes),) = goal.periods
    mine = {c.field.name: c for c in changes if c.field.name != fields.EXTRA}
    assert period == "Q3" and set(mine) == {"actions", "indicators"}
    assert mine["actions"].pieces == (("=", "Viestintä kouluille"), ("+", "Kysely"))
    indicator = mine["indicators"]
    assert (indicator.key, indicator.before, indicator.after) == ("toimenpiteet.forecast", 60, 90)
    lines = [line.plain for line in review_diff_lines(found, plain=True)]
    assert "    Q3 · actions: Viestintä kouluille, {+Kysely+}" in lines
    assert "    Q3 · indicator toimenpiteet.forecast: 60 → 90" in lines
    printed = list(facts.review_facts(new))
    assert "goal palvelustrategia · Q3 · actions: Kysely" in printed
    # the file's keys
    assert "goal palvelustrategia · Q3 · indicators toimenpiteet.forecast: 90" in printed
    assert (
        'goal palvelustrategia · indicators toimenpiteet: {"name": "Toimenpiteet", "target": 100}'
        in printed
    )


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
