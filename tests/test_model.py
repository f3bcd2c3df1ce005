"""The review model: the questions a review meeting asks, answered as docs/format.md says."""

from __future__ import annotations

from pathlib import Path

import pytest
from reviewfiles import BASE

from goaltui.files.loading import load_text
from goaltui.review.filtering import NOT_ASSESSED, Filter
from goaltui.review.model import Goal, PeriodEntry, Review, Status

SCALE = (
    Status("Toteutuu", color="green", symbol="●"),
    Status("Toteutuu osittain", color="yellow", symbol="◐"),
    Status("Ei toteudu", color="red", symbol="○", explain=True),
)
PERIODS = ("Q1", "Q2", "Q3", "Q4")


def goal(goal_id: str, theme: str | None = None, **statuses: str | PeriodEntry) -> Goal:
    """A goal with a status (or a whole entry) per period: ``goal("a", Q1="Toteutuu")``."""
    periods = {
        period: value if isinstance(value, PeriodEntry) else PeriodEntry(status=value)
        for period, value in statuses.items()
    }
    return Goal(id=goal_id, objective=f"Objective of {goal_id}", theme=theme, periods=periods)


def review(*goals: Goal, current: str | None = None, statuses=SCALE) -> Review:
    return Review(
        title="Review", periods=PERIODS, statuses=statuses, goals=list(goals), current=current
    )


# -- cycling -------------------------------------------------------------------------------


def test_cycling_goes_through_the_labels_in_file_order_then_not_assessed_then_first_again():
    r = review()
    seen = [None]
    for _ in range(5):
        seen.append(r.next_status(seen[-1]))
    assert seen == [None, "Toteutuu", "Toteutuu osittain", "Ei toteudu", None, "Toteutuu"]


def test_cycling_follows_the_order_of_the_file_not_an_alphabetical_one():
    text = BASE.replace('label = "Toteutuu"', 'label = "Zeta"').replace(
        'status = "Toteutuu"', 'status = "Zeta"'
    )
    r = load_text(Path("r.toml"), text).review
    assert [r.next_status(label) for label in (None, "Zeta", "Toteutuu osittain")] == [
        "Zeta",
        "Toteutuu osittain",
        "Ei toteudu",
    ]


def test_a_scale_of_one_label_cycles_between_it_and_not_assessed():
    r = review(statuses=(Status("Kyllä"),))
    assert r.next_status(None) == "Kyllä"
    assert r.next_status("Kyllä") is None


def test_a_label_not_in_the_scale_cycles_to_the_first():
    assert review().next_status("Kyllä") == "Toteutuu"


def test_the_status_filter_steps_through_the_scale_then_not_assessed_then_off():
    r = review()
    seen = [Filter()]
    for _ in range(6):
        seen.append(seen[-1].next_status(r))
    assert [f.status for f in seen] == [
        None, "Toteutuu", "Toteutuu osittain", "Ei toteudu", NOT_ASSESSED, None, "Toteutuu"
    ]  # fmt: skip
    # a filter set on another review's scale starts again at this one's first label
    assert Filter(status="Kyllä").next_status(r).status == "Toteutuu"


# -- editing one period --------------------------------------------------------------------


def test_setting_a_status_never_touches_other_periods():
    before = goal("a", Q1="Toteutuu", Q2=PeriodEntry("Ei toteudu", "50 %", "Myöhässä"))
    after = before.with_value("Q3", "status", "Toteutuu osittain")
    assert after.entry("Q1") == before.entry("Q1")
    assert after.entry("Q2") == before.entry("Q2")
    assert after.status_in("Q3") == "Toteutuu osittain"
    assert after.entry("Q4") == PeriodEntry()
    assert before.status_in("Q3") is None  # goals are values: the old one is unchanged


def test_clearing_a_status_keeps_the_other_fields_and_other_periods():
    before = goal("a", Q1="Toteutuu", Q2=PeriodEntry("Ei toteudu", "50 %", "Myöhässä"))
    after = before.with_value("Q2", "status", None)
    assert after.entry("Q2") == PeriodEntry(None, "50 %", "Myöhässä")
    assert after.entry("Q1") == PeriodEntry("Toteutuu")


def test_clearing_the_only_field_of_an_entry_removes_the_entry():
    before = goal("a", Q1="Toteutuu", Q2="Toteutuu")
    after = before.with_value("Q2", "status", None)
    assert list(after.periods) == ["Q1"]
    assert after.with_value("Q1", "status", None).periods is None


# -- the current period --------------------------------------------------------------------


def test_a_declared_current_period_is_used_as_is():
    r = review(goal("a", Q1="Toteutuu", Q2="Toteutuu"), current="Q1")
    assert r.current_period() == "Q1"


def test_the_derived_current_period_is_the_one_after_the_latest_with_any_status():
    r = review(goal("a", Q1="Toteutuu"), goal("b", Q1="Toteutuu", Q2="Ei toteudu"), goal("c"))
    assert r.current_period() == "Q3"


def test_a_comment_alone_does_not_make_a_period_assessed():
    r = review(goal("a", Q1="Toteutuu", Q2=PeriodEntry(comment="Arvio tulossa")))
    assert r.current_period() == "Q2"


def test_the_derived_current_period_is_the_first_when_no_goal_has_a_status():
    assert review(goal("a"), goal("b", Q2=PeriodEntry(forecast="5"))).current_period() == "Q1"
    assert review().current_period() == "Q1"


def test_the_derived_current_period_is_the_last_when_the_last_period_has_a_status():
    assert review(goal("a", Q4="Toteutuu"), goal("b")).current_period() == "Q4"


def test_a_gap_does_not_matter_only_the_latest_assessed_period_does():
    assert review(goal("a", Q1="Toteutuu", Q3="Toteutuu")).current_period() == "Q4"


# -- counts --------------------------------------------------------------------------------


def test_counts_per_status_per_period_including_not_assessed():
    r = review(
        goal("a", Q1="Toteutuu", Q2="Ei toteudu"),
        goal("b", Q1="Toteutuu", Q2="Toteutuu osittain"),
        goal("c", Q1="Ei toteudu"),
    )
    assert r.counts("Q1") == {
        "Toteutuu": 2,
        "Toteutuu osittain": 0,
        "Ei toteudu": 1,
        None: 0,
    }
    assert r.counts("Q2") == {"Toteutuu": 0, "Toteutuu osittain": 1, "Ei toteudu": 1, None: 1}
    assert r.counts("Q4") == {"Toteutuu": 0, "Toteutuu osittain": 0, "Ei toteudu": 0, None: 3}
    assert list(r.counts("Q1")) == ["Toteutuu", "Toteutuu osittain", "Ei toteudu", None]


# -- movement between periods --------------------------------------------------------------


def test_worsened_and_improved_compare_with_the_previous_period_later_label_is_worse():
    r = review(
        goal("worse", Q1="Toteutuu", Q2="Toteutuu osittain"),
        goal("much-worse", Q1="Toteutuu", Q2="Ei toteudu"),
        goal("better", Q1="Ei toteudu", Q2="Toteutuu osittain"),
        goal("same", Q1="Toteutuu osittain", Q2="Toteutuu osittain"),
        goal("new", Q2="Ei toteudu"),
        goal("dropped", Q1="Toteutuu"),
        current="Q2",
    )
    worsened = [(c.goal.id, c.before, c.after) for c in r.worsened()]
    improved = [(c.goal.id, c.before, c.after) for c in r.improved()]
    assert worsened == [
        ("worse", "Toteutuu", "Toteutuu osittain"),
        ("much-worse", "Toteutuu", "Ei toteudu"),
    ]
    assert improved == [("better", "Ei toteudu", "Toteutuu osittain")]


def test_worsened_uses_the_order_of_the_scale_in_the_file():
    # A scale listed from worst to best: now "Toteutuu" is the worst label.
    reversed_scale = tuple(reversed(SCALE))
    r = review(goal("a", Q1="Ei toteudu", Q2="Toteutuu"), statuses=reversed_scale, current="Q2")
    assert [c.goal.id for c in r.worsened()] == ["a"]
    assert r.improved() == []


def test_worsened_in_a_named_period_and_nothing_before_the_first_period():
    r = review(goal("a", Q1="Toteutuu", Q2="Ei toteudu", Q3="Toteutuu"), current="Q3")
    assert [c.goal.id for c in r.worsened("Q2")] == ["a"]
    assert [c.goal.id for c in r.improved()] == ["a"]
    assert r.worsened("Q1") == [] and r.improved("Q1") == []


# -- unexplained ---------------------------------------------------------------------------


def test_unexplained_is_an_explain_status_without_a_comment():
    r = review(
        goal("bare", Q2="Ei toteudu"),
        goal("blank", Q2=PeriodEntry("Ei toteudu", comment=" \n\t ")),
        goal("explained", Q2=PeriodEntry("Ei toteudu", comment="Hanke viivästyi.")),
        goal("forecast-only", Q2=PeriodEntry("Ei toteudu", forecast="50 %")),
        goal("fine", Q2="Toteutuu osittain"),
        goal("earlier", Q1="Ei toteudu", Q2="Toteutuu"),
    )
    found = [(u.goal.id, u.period, u.status) for u in r.unexplained()]
    assert found == [
        ("bare", "Q2", "Ei toteudu"),
        ("blank", "Q2", "Ei toteudu"),
        ("forecast-only", "Q2", "Ei toteudu"),
        ("earlier", "Q1", "Ei toteudu"),
    ]
    assert [u.goal.id for u in r.unexplained(["Q1"])] == ["earlier"]
    assert r.is_unexplained(r.goal("blank"), "Q2")
    assert not r.is_unexplained(r.goal("explained"), "Q2")
    assert not r.is_unexplained(r.goal("fine"), "Q2")


def test_nothing_is_unexplained_when_no_status_asks_for_a_comment():
    scale = (Status("Kyllä"), Status("Ei", explain=False))
    r = review(goal("a", Q1="Ei"), statuses=scale)
    assert list(r.unexplained()) == []


# -- not assessed, themes ------------------------------------------------------------------


def test_not_assessed_in_the_current_period():
    r = review(
        goal("a", Q1="Toteutuu", Q2="Toteutuu"),
        goal("b", Q1="Toteutuu", Q2=PeriodEntry(comment="Arvio puuttuu")),
        goal("c"),
        current="Q2",
    )
    assert [g.id for g in r.not_assessed()] == ["b", "c"]
    assert [g.id for g in r.not_assessed("Q1")] == ["c"]


def test_themes_in_the_order_they_first_appear():
    r = review(
        goal("a", theme="Uudistuvat palvelut"),
        goal("b", theme="Maailman toimivin kaupunki"),
        goal("c", theme="Uudistuvat palvelut"),
        goal("d"),
        goal("e", theme="Kestävä kasvu"),
    )
    assert r.by_theme() == {
        "Uudistuvat palvelut": [0, 2],
        "Maailman toimivin kaupunki": [1],
        None: [3],
        "Kestävä kasvu": [4],
    }
    assert r.by_theme([4, 2, 1]) == {
        "Kestävä kasvu": [4],
        "Uudistuvat palvelut": [2],
        "Maailman toimivin kaupunki": [1],
    }


@pytest.mark.parametrize("goal_id", ["palvelustrategia", "harrastaminen", "liikkeelle"])
def test_goals_are_found_by_id_in_file_order(goal_id):
    r = load_text(Path("r.toml"), BASE).review
    assert r.goal(goal_id).id == goal_id
    assert [g.id for g in r.goals].index(goal_id) == r.goal_index(goal_id)
