"""The measures extensions in files: every rule with its message and where it points, the
canonical layout and the round trip, and what ``goaltui check`` says (docs/format.md, "What a
status means", "Indicators", "Due dates", "Actions")."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from measuredfiles import MEASURED
from reviewfiles import cli, edit, line_of, write

from goaltui.files.canonical import render
from goaltui.files.checks import check_file
from goaltui.files.loading import load, load_text
from goaltui.files.problems import ReviewError

HARRASTAMINEN = "goals[id=harrastaminen]"


def problems(folder: Path, text: str) -> list[str]:
    """The problems of a file holding ``text``, as printed: it must not load."""
    path = write(folder, text)
    with pytest.raises(ReviewError) as caught:
        load(path)
    return [str(problem) for problem in caught.value.problems]


def at(folder: Path, text: str, needle: str, message: str, kind: str = "error") -> str:
    """The line a message about ``needle`` is printed as: at the line that holds it."""
    return f"{folder / 'review.toml'}:{line_of(text, needle)}:1: {kind}: {message}"


# -- validation ------------------------------------------------------------------------------


def test_the_measured_review_is_valid_and_canonical(tmp_path):
    path = write(tmp_path, MEASURED)
    source = load(path)
    assert source.warnings == []
    assert render(source.review, path) == MEASURED
    goal = source.review.goal("harrastaminen")
    assert [i.id for i in goal.indicators or ()] == ["toimenpiteet", "kustannus"]
    values = goal.entry("Q3").indicators or {}
    assert (values["toimenpiteet"].forecast, values["toimenpiteet"].actual) == (80, 60)
    assert goal.entry("Q2").actions == ("Kohdennettu viestintä kouluille syyskuussa",)
    assert source.review.due == {
        "Q1": datetime.date(2021, 4, 10),
        "Q2": datetime.date(2021, 8, 9),
        "Q3": datetime.date(2021, 10, 23),
        "Q4": datetime.date(2022, 1, 31),
    }


def test_a_value_for_an_indicator_the_goal_lacks(tmp_path):
    text = edit(
        MEASURED, "[goals.periods.Q3.indicators.kustannus]", "[goals.periods.Q3.indicators.hinta]"
    )
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            text,
            "indicators.hinta]",
            f'{HARRASTAMINEN}.periods.Q3.indicators.hinta: unknown indicator "hinta"; '
            "the goal's indicators are toimenpiteet, kustannus",
        )
    ]


def test_a_value_for_a_goal_without_indicators(tmp_path):
    text = MEASURED + "\n[goals.periods.Q2.indicators.kaikki]\nforecast = 1\n"
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            text,
            "indicators.kaikki]",
            'goals[id=liikkeelle].periods.Q2.indicators.kaikki: unknown indicator "kaikki": '
            "the goal has no [[goals.indicators]]",
        )
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('"80"', "must be a number, not a string: write it without quotes, e.g. forecast = 85"),
        ("true", "must be a number, not a boolean"),
        ("nan", "must be a finite number, not nan"),
        ("[80]", "must be a number, not an array"),
    ],
)
def test_an_indicator_value_that_is_not_a_number(tmp_path, value, message):
    text = edit(MEASURED, "forecast = 80\n", f"forecast = {value}\n")
    field = f"{HARRASTAMINEN}.periods.Q3.indicators.toimenpiteet.forecast"
    assert problems(tmp_path, text) == [
        at(tmp_path, text, f"forecast = {value}", f"{field}: {message}")
    ]


def test_a_target_that_is_not_a_number(tmp_path):
    text = edit(MEASURED, "target = 85\n", 'target = "85 %"\n')
    field = f"{HARRASTAMINEN}.indicators[id=toimenpiteet].target"
    message = "must be a number, not a string: write it without quotes, e.g. target = 85"
    assert problems(tmp_path, text) == [
        at(tmp_path, text, 'target = "85 %"', f"{field}: {message}")
    ]


def test_a_due_date_for_an_unknown_period(tmp_path):
    text = edit(MEASURED, "Q4 = 2022-01-31\n", "Q5 = 2022-01-31\n")
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            text,
            "Q5 = 2022-01-31",
            'review.due.Q5: unknown period "Q5"; periods are Q1, Q2, Q3, Q4',
        )
    ]


@pytest.mark.parametrize(
    ("value", "kind"),
    [('"2021-10-23"', "a string"), ("2021-10-23T12:00:00", "a datetime"), ("23", "an integer")],
)
def test_a_due_date_that_is_not_a_date(tmp_path, value, kind):
    text = edit(MEASURED, "Q3 = 2021-10-23\n", f"Q3 = {value}\n")
    message = f"must be a date such as 2021-10-23 (no quotes, no time), not {kind}"
    assert problems(tmp_path, text) == [
        at(tmp_path, text, f"Q3 = {value}", f"review.due.Q3: {message}")
    ]


def test_a_meaning_that_is_not_one_of_the_four(tmp_path):
    text = edit(MEASURED, 'meaning = "not_met"\n', 'meaning = "failed"\n')
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            text,
            'meaning = "failed"',
            'review.statuses[label=Ei toteudu].meaning: "failed" is not a meaning; '
            "meanings are met, partly, not_met, not_assessable",
        )
    ]


def test_two_indicators_of_one_goal_with_one_id(tmp_path):
    text = edit(MEASURED, 'id = "kustannus"\n', 'id = "toimenpiteet"\n')
    text = edit(text, "[goals.periods.Q3.indicators.kustannus]\nforecast = 110000\n", "")
    found = problems(tmp_path, text)
    line = line_of(text, 'id = "toimenpiteet"', 2)
    assert found == [
        f"{tmp_path / 'review.toml'}:{line}:1: error: "
        f"{HARRASTAMINEN}.indicators[id=toimenpiteet].id: "
        'id "toimenpiteet" is used by an earlier indicator of this goal'
    ]


def test_a_direction_that_is_not_one_of_the_two(tmp_path):
    text = edit(MEASURED, 'direction = "at_most"\n', 'direction = "below"\n')
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            text,
            'direction = "below"',
            f'{HARRASTAMINEN}.indicators[id=kustannus].direction: "below" is not a direction; '
            'use "at_least" or "at_most"',
        )
    ]


def test_actions_must_be_a_list_of_texts(tmp_path):
    text = edit(
        MEASURED,
        'actions = [\n    "Kohdennettu viestintä kouluille syyskuussa",\n]\n',
        "actions = [1]\n",
    )
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            text,
            "actions = [1]",
            f"{HARRASTAMINEN}.periods.Q2.actions: must be a list of strings",
        )
    ]


def test_every_problem_is_reported_together(tmp_path):
    text = edit(MEASURED, "forecast = 80\n", 'forecast = "80"\n')
    text = edit(text, "Q4 = 2022-01-31\n", "Q9 = 2022-01-31\n")
    text = edit(text, 'meaning = "not_met"\n', 'meaning = "bad"\n')
    assert len(problems(tmp_path, text)) == 3


# -- the round trip --------------------------------------------------------------------------


def test_unknown_keys_of_indicators_and_values_are_kept(tmp_path):
    text = edit(MEASURED, "target = 85\n", 'target = 85\nlahde = "seuranta"\n')
    text = edit(text, "actual = 60\n", "actual = 60\nhuomio = [1, 2]\n")
    path = write(tmp_path, text)
    source = load(path)
    assert [p.message for p in source.warnings] == []
    saved = render(source.review, path)
    assert 'lahde = "seuranta"' in saved and "huomio = [\n    1,\n    2,\n]" in saved
    assert load_text(path, saved).review == source.review
    assert render(load_text(path, saved).review, path) == saved  # saved twice: the same bytes


def test_values_are_written_in_the_order_of_the_indicators(tmp_path):
    moved = MEASURED.replace(
        "[goals.periods.Q3.indicators.toimenpiteet]\nforecast = 80\nactual = 60\n\n"
        "[goals.periods.Q3.indicators.kustannus]\nforecast = 110000\n",
        "[goals.periods.Q3.indicators.kustannus]\nforecast = 110000\n\n"
        "[goals.periods.Q3.indicators.toimenpiteet]\nforecast = 80\nactual = 60\n",
    )
    assert moved != MEASURED
    path = write(tmp_path, moved)
    assert render(load(path).review, path) == MEASURED


def test_a_float_stays_a_float_and_an_integer_an_integer(tmp_path):
    text = edit(MEASURED, "forecast = 80\n", "forecast = 80.0\n")
    path = write(tmp_path, text)
    assert render(load(path).review, path) == text


# -- goaltui check ---------------------------------------------------------------------------


def test_check_warns_where_the_indicators_contradict_a_status_meaning_met(tmp_path, capsys):
    path = write(tmp_path, MEASURED)
    code, out, err = cli(capsys, "check", "--today", "2021-09-01", path)
    assert code == 0
    assert out.splitlines() == [
        f"{path}:{line_of(MEASURED, 'forecast = 80')}:1: warning: "
        f'{HARRASTAMINEN}.periods.Q3.indicators.toimenpiteet: status "Toteutuu" means met, '
        'but indicator "toimenpiteet" is 80%, short of its target 85%'
    ]
    assert err == "goaltui check: 1 file, 0 error(s), 1 warning(s)\n"


def test_check_names_an_indicator_over_its_target_of_at_most(tmp_path):
    text = edit(MEASURED, "forecast = 110000\n", "forecast = 125000.5\n")
    text = edit(text, "forecast = 80\n", "forecast = 90\n")
    found = check_file(write(tmp_path, text), datetime.date(2021, 9, 1))
    assert [(p.line, p.field, p.message) for p in found] == [
        (
            line_of(text, "forecast = 125000.5"),
            f"{HARRASTAMINEN}.periods.Q3.indicators.kustannus",
            'status "Toteutuu" means met, but indicator "kustannus" is 125,000.5 €, '
            "over its target of at most 120,000 €",
        )
    ]


def test_check_judges_by_the_actual_when_there_is_no_forecast(tmp_path):
    text = edit(MEASURED, "forecast = 80\nactual = 60\n", "actual = 90\n")
    assert check_file(write(tmp_path, text), datetime.date(2021, 9, 1)) == []
    text = edit(MEASURED, "forecast = 80\nactual = 60\n", "actual = 60\n")
    (found,) = check_file(write(tmp_path, text), datetime.date(2021, 9, 1))
    assert "is 60%" in found.message and found.line == line_of(text, "actual = 60")


def test_check_warns_where_actions_are_needed(tmp_path):
    text = edit(
        MEASURED,
        'actions = [\n    "Kohdennettu viestintä kouluille syyskuussa",\n]\n',
        "actions = []\n",
    )
    found = [p for p in check_file(write(tmp_path, text), datetime.date(2021, 9, 1))]
    needs = [p for p in found if "actions" in p.message]
    assert [(p.line, p.field, p.message) for p in needs] == [
        (
            line_of(text, 'status = "Toteutuu osittain"', 1),
            f"{HARRASTAMINEN}.periods.Q2",
            'status "Toteutuu osittain" needs the actions decided because of it: '
            "add actions = [...]",
        )
    ]


@pytest.mark.parametrize(
    ("today", "said"),
    [
        (
            "2021-10-24",
            'period "Q3" is overdue: it was due on 23 Oct 2021, 1 day ago; '
            "1 goal still has no status there",
        ),
        (
            "2021-10-23",
            'period "Q3" is due today, 23 Oct 2021; 1 goal still has no status there',
        ),
        (
            "2021-10-09",
            'period "Q3" is due on 23 Oct 2021, in 14 days; 1 goal still has no status there',
        ),
        ("2021-10-08", None),
    ],
)
def test_check_warns_of_the_current_period_due_or_overdue(tmp_path, capsys, today, said):
    path = write(tmp_path, MEASURED)
    code, out, _ = cli(capsys, "check", "--today", today, path)
    assert code == 0
    due = [line for line in out.splitlines() if "review.due" in line]
    expected = [f"{path}:{line_of(MEASURED, 'Q3 = 2021-10-23')}:1: warning: review.due.Q3: {said}"]
    assert due == (expected if said else [])


def test_overdue_counts_the_goals_unassessed(tmp_path, capsys):
    text = edit(
        MEASURED,
        'status = "Toteutuu"\nforecast = "100 %"\ncomment = "Palvelu',
        'forecast = "100 %"\ncomment = "Palvelu',
    )
    path = write(tmp_path, text)
    code, out, _ = cli(capsys, "check", "--today", "2021-11-01", path)
    assert code == 0
    assert "overdue: it was due on 23 Oct 2021, 9 days ago; 2 goals still have no status" in out


def test_no_due_warning_when_every_goal_is_assessed(tmp_path):
    text = MEASURED + '\n[goals.periods.Q3]\nstatus = "Ei voida arvioida"\n'
    found = check_file(write(tmp_path, text), datetime.date(2021, 11, 1))
    assert [p for p in found if p.field and p.field.startswith("review.due")] == []


def test_check_today_must_be_a_date(tmp_path, capsys):
    path = write(tmp_path, MEASURED)
    code, out, err = cli(capsys, "check", "--today", "24.10.2021", path)
    assert (code, out) == (2, "")
    assert (
        'argument --today: "24.10.2021" is not a date: write it as YYYY-MM-DD, e.g. 2021-10-24'
        in err
    )


def test_check_speaks_finnish_with_finnish_numbers_and_dates(tmp_path, capsys):
    text = edit(MEASURED, "forecast = 80\n", "forecast = 80.5\n")
    path = write(tmp_path, text)
    code, out, _ = cli(capsys, "check", "--lang", "fi", "--today", "2021-10-24", path)
    assert code == 0
    assert 'mittari "toimenpiteet" on 80,5\xa0% eli alle tavoitetason 85\xa0%' in out
    assert 'jakso "Q3" on myöhässä: määräpäivä oli 23.10.2021, 1 päivä sitten' in out


# -- summary ---------------------------------------------------------------------------------


def test_summary_json_counts_goals_and_indicators_met_per_period(tmp_path, capsys):
    import json

    path = write(tmp_path, MEASURED)
    code, out, _ = cli(capsys, "summary", "--format", "json", "--today", "2021-10-24", path)
    assert code == 0
    (summary,) = json.loads(out)["files"]
    q3 = summary["counts"]["Q3"]
    assert q3["meanings"] == {
        "met": 2,
        "partly": 0,
        "not_met": 0,
        "not_assessable": 0,
        "not_assessed": 1,
    }
    assert q3["indicators"] == {"assessed": 2, "met": 1, "not_met": 1}
    assert summary["counts"]["Q2"]["meanings"]["partly"] == 1
    goals = {goal["id"]: goal for goal in summary["goals"]}
    assert [i["met"] for i in goals["harrastaminen"]["indicators"]] == [False, True]
    assert goals["harrastaminen"]["met_by_indicators"] is False
    assert goals["harrastaminen"]["suggested_status"] == "Toteutuu osittain"
    assert summary["attention"]["due"] == {
        "period": "Q3",
        "date": "2021-10-23",
        "today": "2021-10-24",
        "days_left": -1,
        "overdue": True,
        "not_assessed": ["liikkeelle"],
    }


def test_summary_lists_needs_actions_and_overdue_in_every_format(tmp_path, capsys):
    text = edit(
        MEASURED,
        'actions = [\n    "Kohdennettu viestintä kouluille syyskuussa",\n]\n',
        "",
    )
    path = write(tmp_path, text)
    for fmt in ("rich", "markdown"):
        code, out, _ = cli(
            capsys, "summary", "--lang", "en", "--format", fmt, "--today", "2021-10-24", path
        )
        assert code == 0
        assert "⚑ needs actions (Q2): " in out.replace("`", "").replace("\\", "")
        assert "◷ Q3 is overdue: due on 23 Oct 2021, 1 day ago; 1 goal not assessed" in out
        assert "indicators met" in out and "1/2 · 50%" in out
