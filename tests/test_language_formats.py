"""Numbers, percentages and dates as each language writes them; numbers as reviewers type them."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goaltui.language import NotANumber, catalogue

NBSP = "\u00a0"
FI, SV, EN = catalogue("fi"), catalogue("sv"), catalogue("en")


@pytest.mark.parametrize(
    ("value", "fi", "en"),
    [
        (0, "0", "0"),
        (7, "7", "7"),
        (1000, "1000", "1,000"),
        (2021, "2021", "2,021"),
        (10000, f"10{NBSP}000", "10,000"),
        (1234567, f"1{NBSP}234{NBSP}567", "1,234,567"),
        (-12345, f"-12{NBSP}345", "-12,345"),
    ],
)
def test_counts_group_digits_as_the_language_does(value, fi, en):
    assert FI.integer(value) == fi
    assert SV.integer(value) == fi
    assert EN.integer(value) == en


@pytest.mark.parametrize(
    ("value", "decimals", "fi", "en"),
    [
        (85.5, None, "85,5", "85.5"),
        (100.0, None, "100", "100"),
        (100, None, "100", "100"),
        (0.1 + 0.2, None, "0,3", "0.3"),
        (-0.25, None, "-0,25", "-0.25"),
        (12345.75, None, f"12{NBSP}345,75", "12,345.75"),
        (85.5, 0, "86", "86"),
        (90, 1, "90,0", "90.0"),
        (-0.04, 1, "0,0", "0.0"),  # no "-0,0"
        (float("inf"), None, "inf", "inf"),
    ],
)
def test_numbers_take_the_languages_decimal_separator(value, decimals, fi, en):
    assert FI.number(value, decimals) == fi
    assert SV.number(value, decimals) == fi
    assert EN.number(value, decimals) == en


def test_a_percent_sign_stands_apart_in_finnish_and_swedish_and_close_in_english():
    assert FI.percent(90) == f"90{NBSP}%"
    assert SV.percent(85.5) == f"85,5{NBSP}%"
    assert EN.percent(90) == "90%"
    assert EN.percent(99.5, 1) == "99.5%"
    assert FI.percent(12345) == f"12{NBSP}345{NBSP}%"


def test_dates_are_day_month_year():
    day = datetime.date(2021, 10, 23)
    assert FI.date(day) == "23.10.2021"
    assert SV.date(day) == "23.10.2021"  # as in Finland, not Sweden's 2021-10-23
    assert EN.date(day) == "23 Oct 2021"
    assert FI.date(datetime.date(2022, 1, 5)) == "5.1.2022"
    assert EN.date(datetime.date(2022, 1, 5)) == "5 Jan 2022"


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("85,5", 85.5),
        ("85.5", 85.5),
        ("  85,5 ", 85.5),
        ("90", 90),
        ("-3", -3),
        ("\u22123,25", -3.25),
        (",5", 0.5),
        ("10 000", 10000),
        (f"10{NBSP}000,5", 10000.5),
        ("90 %", 90),
        ("90%", 90),
    ],
)
def test_finnish_and_swedish_reviewers_type_a_decimal_comma_or_point(typed, number):
    for w in (FI, SV):
        found = w.parse_number(typed, unit="%")
        assert found == number and type(found) is type(number)


@pytest.mark.parametrize(
    ("typed", "number"), [("85.5", 85.5), ("1,234.5", 1234.5), ("1,234", 1234), ("10 000", 10000)]
)
def test_english_reviewers_type_a_decimal_point_and_may_group_by_commas(typed, number):
    assert EN.parse_number(typed) == number


@pytest.mark.parametrize(
    "typed",
    [
        "",
        " ",
        "abc",
        "85,5,5",
        "1.234,5",
        "1 23",
        "12 34 567",
        "1e5",
        "nan",
        "inf",
        "1_000",
        "85..5",
        "- 5",
        "90 %",
    ],
)
def test_what_is_not_a_number_is_refused(typed):
    for w in (FI, SV, EN):
        with pytest.raises(NotANumber):
            w.parse_number(typed)  # no unit given: "90 %" is not a number


def test_a_decimal_comma_in_english_is_refused_rather_than_read_as_thousands():
    with pytest.raises(NotANumber) as refused:
        EN.parse_number("85,5")
    assert str(refused.value) == '"85,5" is not a number; write a number like 85.5'


def test_the_refusal_speaks_the_reviewers_language_and_shows_its_way_of_writing_numbers():
    with pytest.raises(NotANumber) as fi:
        FI.parse_number("paljon")
    assert str(fi.value) == '"paljon" ei ole luku; kirjoita luku muodossa 85,5'
    with pytest.raises(NotANumber) as sv:
        SV.parse_number("mycket")
    assert str(sv.value) == '"mycket" är inget tal; skriv ett tal som 85,5'


def test_the_refusal_shows_typed_text_without_terminal_control():
    with pytest.raises(NotANumber) as refused:
        EN.parse_number("\x1b[31m5")
    assert "\x1b" not in str(refused.value)


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).map(lambda x: round(x, 4)))
def test_a_number_shown_reads_back_as_itself(value):
    for w in (FI, SV, EN):
        assert w.parse_number(w.number(value)) == pytest.approx(value, abs=1e-9)
