"""What indicators, meanings, actions and due dates say of a review: the derived views, on
reviews made by hand and on reviews hypothesis makes."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goaltui.review import measures
from goaltui.review.indicators import Indicator, IndicatorValue
from goaltui.review.model import Goal, PeriodEntry, Review, Status

SCALE = (
    Status("Toteutuu"),
    Status("Toteutuu osittain", actions=True),
    Status("Ei toteudu"),
)
PERIODS = ("Q1", "Q2", "Q3", "Q4")


def review(*goals: Goal, statuses: tuple[Status, ...] = SCALE, **more: object) -> Review:
    return Review("R", PERIODS, statuses, list(goals), **more)  # type: ignore[arg-type]


def goal(
    ident: str,
    indicators: tuple[Indicator, ...] = (),
    **periods: PeriodEntry,
) -> Goal:
    return Goal(ident, ident, indicators=indicators or None, periods=periods or None)


def entry(status: str | None = None, actions: tuple[str, ...] | None = None, **values: tuple):
    return PeriodEntry(
        status=status,
        actions=actions,
        indicators={k: IndicatorValue(*v) for k, v in values.items()} or None,
    )


AT_LEAST = Indicator("osuus", "Osuus", "%", 85)
AT_MOST = Indicator("paivat", "Päivät", "days", 45, "at_most")
NO_TARGET = Indicator("kaynnit", "Käynnit")


# -- an indicator, a goal --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator", "values", "met"),
    [
        (AT_LEAST, (85, None), True),
        (AT_LEAST, (84.9, None), False),
        (AT_LEAST, (None, 90), True),  # no forecast: the actual
        (AT_LEAST, (80, 90), False),  # the forecast first
        (AT_MOST, (45, None), True),
        (AT_MOST, (46, 40), False),
        (AT_LEAST, (None, None), None),
        (NO_TARGET, (1000, None), None),
    ],
)
def test_an_indicator_is_met_by_its_value_in_its_direction(indicator, values, met):
    assert measures.indicator_met(indicator, entry(**{indicator.id: values})) is met


def test_an_indicator_without_a_value_in_the_period_is_neither_met_nor_missed():
    assert measures.indicator_met(AT_LEAST, entry()) is None


def test_a_goal_is_met_by_its_indicators_when_every_one_with_a_target_is():
    both = (AT_LEAST, AT_MOST, NO_TARGET)
    met = goal("a", both, Q3=entry(osuus=(90, None), paivat=(30, None)))
    assert measures.met_by_indicators(met, "Q3") is True
    assert measures.tally(met, "Q3") == measures.Tally(2, 2, 0)
    one_short = goal("b", both, Q3=entry(osuus=(90, None), paivat=(50, None)))
    assert measures.met_by_indicators(one_short, "Q3") is False
    unknown = goal("c", both, Q3=entry(osuus=(90, None)))
    assert measures.met_by_indicators(unknown, "Q3") is None
    short_and_unknown = goal("d", both, Q3=entry(osuus=(10, None)))
    assert measures.met_by_indicators(short_and_unknown, "Q3") is False
    assert measures.met_by_indicators(goal("e", (NO_TARGET,)), "Q3") is None
    assert measures.met_by_indicators(goal("f"), "Q3") is None


def test_the_status_the_indicators_suggest():
    scale = review()
    both = (AT_LEAST, AT_MOST)
    cases = {
        "Toteutuu": entry(osuus=(90, None), paivat=(30, None)),
        "Toteutuu osittain": entry(osuus=(90, None), paivat=(50, None)),
        "Ei toteudu": entry(osuus=(10, None), paivat=(50, None)),
        None: entry(osuus=(10, None)),
    }
    for expected, values in cases.items():
        assert measures.suggested_status(scale, goal("a", both, Q3=values), "Q3") == expected


def test_a_scale_of_yes_and_no_suggests_no_for_partly():
    yes_no = review(statuses=(Status("Kyllä"), Status("Ei")))
    partly = goal("a", (AT_LEAST, AT_MOST), Q3=entry(osuus=(90, None), paivat=(50, None)))
    assert measures.suggested_status(yes_no, partly, "Q3") == "Ei"


def test_a_contradiction_is_a_status_meaning_met_with_an_indicator_missed():
    missed = goal("a", (AT_LEAST,), Q3=entry("Toteutuu", osuus=(80, None)))
    scale = review(missed)
    (found,) = measures.contradiction(scale, missed, "Q3")
    assert (found.indicator.id, found.value, found.target) == ("osuus", 80, 85)
    partly = goal("b", (AT_LEAST,), Q3=entry("Toteutuu osittain", osuus=(80, None)))
    assert measures.contradiction(scale, partly, "Q3") == []
    no_value = goal("c", (AT_LEAST,), Q3=entry("Toteutuu"))
    assert measures.contradiction(scale, no_value, "Q3") == []
    assert [c.goal.id for c in measures.contradictions(review(missed, partly, no_value))] == ["a"]


# -- meanings --------------------------------------------------------------------------------


def test_meanings_by_place_in_the_scale_and_as_the_file_says():
    scale = review()
    assert [scale.meaning(s.label) for s in SCALE] == ["met", "partly", "not_met"]
    assert scale.meaning(None) is None and scale.meaning("Muu") is None
    assert review(statuses=(Status("Yksi"),)).meaning("Yksi") == "met"
    said = review(statuses=(Status("A", meaning="not_assessable"), Status("B"), Status("C")))
    assert [said.meaning(label) for label in "ABC"] == ["not_assessable", "partly", "not_met"]


def test_not_assessable_is_never_worse_nor_better():
    scale = review(
        statuses=(
            Status("Toteutuu", meaning="met"),
            Status("Ei voida arvioida", meaning="not_assessable"),
            Status("Ei toteudu", meaning="not_met"),
        )
    )
    assert scale.moved("Toteutuu", "Ei voida arvioida") is None
    assert scale.moved("Ei voida arvioida", "Ei toteudu") is None
    assert scale.moved("Toteutuu", "Ei toteudu") == "worse"
    assert scale.moved("Ei toteudu", "Toteutuu") == "better"


def test_worsened_ignores_the_goals_that_cannot_be_assessed():
    statuses = (
        Status("Toteutuu", meaning="met"),
        Status("Ei voida arvioida", meaning="not_assessable"),
        Status("Ei toteudu", meaning="not_met"),
    )
    moved = goal("a", Q2=entry("Toteutuu"), Q3=entry("Ei voida arvioida"))
    worse = goal("b", Q2=entry("Toteutuu"), Q3=entry("Ei toteudu"))
    scale = review(moved, worse, statuses=statuses, current="Q3")
    assert [c.goal.id for c in scale.worsened()] == ["b"]
    assert scale.improved() == []


def test_meanings_rank_before_the_order_of_the_scale():
    statuses = (Status("Huono", meaning="not_met"), Status("Hyvä", meaning="met"))
    assert review(statuses=statuses).moved("Hyvä", "Huono") == "worse"


# -- counts, actions, due dates --------------------------------------------------------------


def test_counts_per_period_as_the_audit_counts():
    # Not the last any more: "Ei toteudu" says what it means.
    statuses = (
        *SCALE[:2],
        Status("Ei toteudu", meaning="not_met"),
        Status("Ei voida arvioida", meaning="not_assessable"),
    )
    scale = review(
        goal("a", (AT_LEAST, AT_MOST), Q3=entry("Toteutuu", osuus=(90, None), paivat=(50, None))),
        goal("b", (AT_LEAST,), Q3=entry("Toteutuu osittain", osuus=(None, 20))),
        goal("c", (NO_TARGET,), Q3=entry("Ei voida arvioida", kaynnit=(3, None))),
        goal("d", Q3=entry("Ei toteudu")),
        goal("e"),
        statuses=statuses,
    )
    assert measures.period_counts(scale, "Q3") == measures.PeriodCounts(
        goals=5,
        met=1,
        partly=1,
        not_met=1,
        not_assessable=1,
        not_assessed=1,
        indicators=3,
        indicators_met=1,
        indicators_not_met=2,
    )
    assert measures.period_counts(scale, "Q3").assessable == 3
    assert measures.period_counts(scale, "Q1").not_assessed == 5


def test_goals_that_need_actions():
    none = goal("a", Q2=entry("Toteutuu osittain"), Q3=entry("Toteutuu osittain", ("Kysely",)))
    blank = goal("b", Q3=entry("Toteutuu osittain", (" ",)))
    fine = goal("c", Q3=entry("Toteutuu"))
    scale = review(none, blank, fine)
    found = [(n.goal.id, n.period, n.status) for n in measures.needing_actions(scale)]
    assert found == [("a", "Q2", "Toteutuu osittain"), ("b", "Q3", "Toteutuu osittain")]
    assert list(measures.needing_actions(scale, ["Q3"])) == [
        measures.NeedsActions(blank, "Q3", "Toteutuu osittain")
    ]
    assert list(measures.needing_actions(review(none, statuses=(Status("A"),)))) == []


def test_the_current_periods_due_date_days_left_and_goals_unassessed():
    scale = review(
        goal("a", Q3=entry("Toteutuu")),
        goal("b", Q2=entry("Toteutuu")),
        current="Q3",
        due={"Q3": datetime.date(2021, 10, 23)},
    )
    due = measures.due(scale, datetime.date(2021, 10, 20))
    assert due is not None
    assert (due.period, due.days_left, due.overdue, due.near) == ("Q3", 3, False, True)
    assert [g.id for g in due.unassessed] == ["b"] and due.pressing
    late = measures.due(scale, datetime.date(2021, 10, 24))
    assert late is not None and (late.days_left, late.overdue) == (-1, True)
    far = measures.due(scale, datetime.date(2021, 10, 8))
    assert far is not None and (far.days_left, far.near, far.pressing) == (15, False, False)
    assert measures.due(scale, datetime.date(2021, 10, 8), "Q2") is None
    assert measures.due(review(goal("a")), datetime.date(2021, 10, 8)) is None


# -- property-based --------------------------------------------------------------------------

numbers = st.one_of(st.integers(-1000, 1000), st.floats(-1000, 1000, allow_nan=False))
indicators = st.builds(
    Indicator,
    id=st.sampled_from(["a", "b", "c"]),
    name=st.just("n"),
    target=st.one_of(st.none(), numbers),
    direction=st.sampled_from([None, "at_least", "at_most"]),
)


@st.composite
def measured_goals(draw: st.DrawFn) -> Goal:
    found = draw(st.lists(indicators, max_size=3, unique_by=lambda i: i.id))
    values = {
        i.id: IndicatorValue(
            draw(st.one_of(st.none(), numbers)), draw(st.one_of(st.none(), numbers))
        )
        for i in found
        if draw(st.booleans())
    }
    status = draw(st.sampled_from([None, "Toteutuu", "Toteutuu osittain", "Ei toteudu"]))
    return Goal(
        "g",
        "g",
        indicators=tuple(found) or None,
        periods={"Q3": PeriodEntry(status=status, indicators=values or None)},
    )


def judged(indicator: Indicator, value: IndicatorValue | None) -> bool | None:
    """The rule of docs/format.md, written again from it."""
    if indicator.target is None or value is None:
        return None
    number = value.forecast if value.forecast is not None else value.actual
    if number is None:
        return None
    if indicator.direction == "at_most":
        return number <= indicator.target
    return number >= indicator.target


@settings(max_examples=300, deadline=None)
@given(measured_goals())
def test_a_goal_is_met_exactly_when_every_indicator_with_a_target_is(made):
    entry_q3 = made.entry("Q3")
    results = [
        judged(i, entry_q3.indicator(i.id)) for i in made.indicators or () if i.target is not None
    ]
    expected = (
        None if not results else False if False in results else True if all(results) else None
    )
    assert measures.met_by_indicators(made, "Q3") is expected
    scale = review(made)
    suggested = measures.suggested_status(scale, made, "Q3")
    assert (suggested is None) == (None in results or not results)
    if expected is True:
        assert suggested == "Toteutuu"
    contradicted = measures.contradiction(scale, made, "Q3")
    assert bool(contradicted) == (made.status_in("Q3") == "Toteutuu" and False in results)


@settings(max_examples=100, deadline=None)
@given(st.lists(measured_goals(), max_size=6))
def test_the_counts_of_a_period_add_up(made):
    goals = [
        Goal(f"g{i}", "g", indicators=g.indicators, periods=g.periods) for i, g in enumerate(made)
    ]
    counts = measures.period_counts(review(*goals), "Q3")
    assert counts.goals == len(goals)
    total = counts.met + counts.partly + counts.not_met + counts.not_assessable
    assert total + counts.not_assessed == counts.goals
    assert counts.indicators == counts.indicators_met + counts.indicators_not_met
    assert counts.indicators_met == sum(measures.tally(g, "Q3").met for g in goals)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["met", "partly", "not_met", "not_assessable", None]),
        min_size=1,
        max_size=5,
    ),
    st.data(),
)
def test_a_move_to_or_from_not_assessable_is_never_worse_nor_better(meanings, data):
    statuses = tuple(Status(f"S{i}", meaning=m) for i, m in enumerate(meanings))  # type: ignore[arg-type]
    scale = review(statuses=statuses)
    before = data.draw(st.sampled_from([s.label for s in statuses]))
    after = data.draw(st.sampled_from([s.label for s in statuses]))
    way = scale.moved(before, after)
    if "not_assessable" in (scale.meaning(before), scale.meaning(after)) or before == after:
        assert way is None
    else:
        assert way is not None and scale.moved(after, before) != way
