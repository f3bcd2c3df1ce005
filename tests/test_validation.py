"""Every rule of docs/format.md, each with the message a maintainer reads and where it points.

Each test changes one thing in ``BASE`` (a valid review in the canonical layout) and expects the
problem at the line (and column) of the text it changed, found with ``line_of``.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from reviewfiles import BASE, as_nobody, clean_env, edit, goaltui_script, line_of, run, write

from goaltui.files.loading import load
from goaltui.files.problems import ReviewError

PERIODS_BLOCK = 'periods = [\n    "Q1",\n    "Q2",\n    "Q3",\n    "Q4",\n]\ncurrent = "Q3"\n'
TITLE = 'title = "Kulttuurin ja vapaa-ajan toimiala: strategiset tavoitteet 2021"'


def problems(folder: Path, text: str | bytes) -> list[str]:
    """The problems reported for a file holding ``text``, as printed: it must not load."""
    path = folder / "review.toml"
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    with pytest.raises(ReviewError) as caught:
        load(path)
    return [str(problem) for problem in caught.value.problems]


def at(folder: Path, line: int | None, message: str, col: int = 1, kind: str = "error") -> str:
    path = folder / "review.toml"
    where = f"{path}:{line}:{col}" if line is not None else str(path)
    return f"{where}: {kind}: {message}"


def without_statuses(text: str) -> str:
    """``text`` with every [[review.statuses]] table removed (and no status in the goals)."""
    head, rest = text.split("[[review.statuses]]", 1)
    goals = rest[rest.index("[[goals]]") :]
    return head + goals


# -- [review] ------------------------------------------------------------------------------


def test_missing_review_table(tmp_path):
    text = BASE.replace("[review]", "[arvio]").replace("[[review.statuses]]", "[[arvio.statuses]]")
    found = problems(tmp_path, text)
    assert found[0] == at(tmp_path, None, "the [review] table is missing")  # nothing to point at


@pytest.mark.parametrize("text", ["[review]\n", "[review]\n\n[[goals]]\nid = 'a'\n"])
def test_an_empty_review_table_is_said_not_refused_in_silence(tmp_path, text):
    assert problems(tmp_path, text)[0] == at(
        tmp_path, 1, "review: the [review] table is empty: it needs a title, periods and statuses"
    )


def test_review_that_is_not_a_table(tmp_path):
    text = 'review = "Kulttuuri"\n'
    assert problems(tmp_path, text)[0] == at(tmp_path, 1, "review: must be a table, not a string")


def test_missing_title(tmp_path):
    text = edit(BASE, TITLE + "\n", "")
    assert problems(tmp_path, text) == [at(tmp_path, 1, 'review.title: "title" is required')]


@pytest.mark.parametrize("value", ['""', '"   "', '"\\n"'])
def test_empty_title(tmp_path, value):
    text = edit(BASE, TITLE, f"title = {value}")
    assert problems(tmp_path, text) == [at(tmp_path, 2, "review.title: must not be empty")]


def test_title_that_is_not_a_string(tmp_path):
    text = edit(BASE, TITLE, "title = 2021")
    assert problems(tmp_path, text) == [
        at(tmp_path, 2, "review.title: must be a string, not an integer")
    ]


@pytest.mark.parametrize(
    ("value", "kind"),
    [('"2021"', "a string"), ("true", "a boolean"), ("2021.0", "a number"), ("[2021]", "an array")],
)
def test_year_not_an_integer(tmp_path, value, kind):
    text = edit(BASE, "year = 2021", f"year = {value}")
    assert problems(tmp_path, text) == [
        at(tmp_path, line_of(text, "year ="), f"review.year: must be an integer, not {kind}")
    ]


@pytest.mark.parametrize("value", ["de", "FI", "finnish", ""])
def test_language_not_fi_sv_or_en(tmp_path, value):
    text = edit(BASE, 'language = "fi"', f'language = "{value}"')
    assert problems(tmp_path, text) == [
        at(tmp_path, 4, f'review.language: "{value}" is not one of fi, sv, en')
    ]


@pytest.mark.parametrize("value", ["fi", "sv", "en"])
def test_the_three_languages_are_accepted(tmp_path, value):
    path = write(tmp_path, edit(BASE, 'language = "fi"', f'language = "{value}"'))
    assert load(path).review.language == value


def test_missing_periods(tmp_path):
    text = edit(BASE, PERIODS_BLOCK, "")
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            1,
            'review.periods: "periods" is required: a list such as ["Q1", "Q2", "Q3", "Q4"]',
        )
    ]


@pytest.mark.parametrize("value", ["[]", '"Q1"', "{ Q1 = 1 }"])
def test_periods_empty_or_not_a_list(tmp_path, value):
    text = edit(BASE, PERIODS_BLOCK, f"periods = {value}\n")
    assert problems(tmp_path, text) == [
        at(tmp_path, 5, "review.periods: must be a non-empty list of period names")
    ]


def test_duplicate_period(tmp_path):
    text = edit(BASE, '    "Q4",\n]', '    "Q2",\n]')
    line = line_of(text, '"Q2"', nth=2)
    assert problems(tmp_path, text) == [
        at(tmp_path, line, 'review.periods[3]: period "Q2" appears twice', col=5)
    ]


@pytest.mark.parametrize("value", ["4", '""', '"  "', "true", '["Q4"]'])
def test_period_name_not_a_non_empty_string(tmp_path, value):
    text = edit(BASE, '    "Q4",\n]', f"    {value},\n]")
    assert problems(tmp_path, text) == [
        at(tmp_path, 9, "review.periods[3]: a period name must be a non-empty string", col=5)
    ]


def test_current_not_in_periods(tmp_path):
    text = edit(BASE, 'current = "Q3"', 'current = "Q5"')
    assert problems(tmp_path, text) == [
        at(tmp_path, 11, 'review.current: "Q5" is not a period; periods are Q1, Q2, Q3, Q4')
    ]


def test_missing_statuses(tmp_path):
    text = without_statuses(BASE)
    assert problems(tmp_path, text) == [
        at(tmp_path, 1, "review.statuses: at least one [[review.statuses]] entry is required")
    ]


def test_empty_statuses(tmp_path):
    text = without_statuses(BASE).replace('current = "Q3"\n', 'current = "Q3"\nstatuses = []\n')
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            line_of(text, "statuses = []"),
            "review.statuses: must be a non-empty list of [[review.statuses]] tables",
        )
    ]


def test_status_without_a_label(tmp_path):
    text = edit(BASE, 'label = "Ei toteudu"\n', "")
    header = line_of(text, "[[review.statuses]]", nth=3)
    assert problems(tmp_path, text) == [
        at(tmp_path, header, 'review.statuses[2].label: "label" is required')
    ]


def test_duplicate_status_label(tmp_path):
    text = edit(BASE, 'label = "Ei toteudu"', 'label = "Toteutuu osittain"')
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            line_of(text, 'label = "Toteutuu osittain"', nth=2),
            'review.statuses[label=Toteutuu osittain].label: status "Toteutuu osittain" '
            "appears twice",
        )
    ]


@pytest.mark.parametrize("value", ["yelow", "#ffff0", "#gggggg", "rgb(1,2,3)", "keltainen"])
def test_bad_colour(tmp_path, value):
    text = edit(BASE, 'color = "yellow"', f'color = "{value}"')
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            line_of(text, f'color = "{value}"'),
            f'review.statuses[label=Toteutuu osittain].color: "{value}" is not a colour: '
            'use a name such as "green" or "#rrggbb"',
        )
    ]


@pytest.mark.parametrize("value", ["#FFCC00", "#ffcc00", "bright_yellow", "dark_orange"])
def test_good_colours(tmp_path, value):
    path = write(tmp_path, edit(BASE, 'color = "yellow"', f'color = "{value}"'))
    assert load(path).review.status("Toteutuu osittain").color == value


@pytest.mark.parametrize(("value", "kind"), [('"yes"', "a string"), ("1", "an integer")])
def test_explain_not_a_boolean(tmp_path, value, kind):
    text = edit(BASE, "explain = true", f"explain = {value}")
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            line_of(text, "explain ="),
            f"review.statuses[label=Ei toteudu].explain: must be true or false, not {kind}",
        )
    ]


# -- [[goals]] -----------------------------------------------------------------------------


def test_goal_without_an_id(tmp_path):
    text = edit(BASE, 'id = "liikkeelle"\n', "")
    header = line_of(text, "[[goals]]", nth=3)
    assert problems(tmp_path, text) == [at(tmp_path, header, 'goals[2].id: "id" is required')]


@pytest.mark.parametrize(
    "value", ["Liikkeelle", "liikkeelle 2", "_liikkeelle", "-x", "liikkuä", ""]
)
def test_goal_id_not_matching_the_pattern(tmp_path, value):
    text = edit(BASE, 'id = "liikkeelle"', f'id = "{value}"')
    if not value:
        expected = "goals[2].id: must not be empty"
    else:
        expected = (
            f'goals[id={value}].id: "{value}" is not a valid id: lowercase letters, digits, '
            '"-" and "_", starting with a letter or digit'
        )
    assert problems(tmp_path, text) == [at(tmp_path, line_of(text, "id = ", nth=3), expected)]


@pytest.mark.parametrize("value", ["a", "0", "q3-2021_b", "9lives"])
def test_goal_ids_matching_the_pattern_are_accepted(tmp_path, value):
    path = write(tmp_path, edit(BASE, 'id = "liikkeelle"', f'id = "{value}"'))
    assert [g.id for g in load(path).review.goals][-1] == value


def test_duplicate_goal_id(tmp_path):
    text = edit(BASE, 'id = "liikkeelle"', 'id = "palvelustrategia"')
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            line_of(text, 'id = "palvelustrategia"', nth=2),
            'goals[id=palvelustrategia].id: id "palvelustrategia" is used by an earlier goal',
        )
    ]


def test_goal_without_an_objective(tmp_path):
    text = edit(
        BASE, 'objective = "Helsingissä on helppoa ja houkuttelevaa lähteä liikkeelle"\n', ""
    )
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            line_of(text, "[[goals]]", nth=3),
            'goals[id=liikkeelle].objective: "objective" is required',
        )
    ]


def test_goal_with_an_empty_objective(tmp_path):
    text = edit(BASE, '"Helsingissä on helppoa ja houkuttelevaa lähteä liikkeelle"', '" "')
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            line_of(text, 'objective = " "'),
            "goals[id=liikkeelle].objective: must not be empty",
        )
    ]


@pytest.mark.parametrize(("value", "kind"), [('"Kyllä"', "a string"), ("1", "an integer")])
def test_binding_not_a_boolean(tmp_path, value, kind):
    text = edit(BASE, "binding = false", f"binding = {value}")
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            line_of(text, "binding = "),
            f"goals[id=palvelustrategia].binding: must be true or false, not {kind}",
        )
    ]


@pytest.mark.parametrize(
    "value", ['"Osallisuus"', '[\n    "Osallisuus",\n    3,\n]', "[[]]", "{ a = 1 }"]
)
def test_links_not_a_list_of_strings(tmp_path, value):
    text = edit(
        BASE, 'links = [\n    "Osallisuus",\n    "Elävät kaupunginosat",\n]', f"links = {value}"
    )
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            line_of(text, "links = "),
            "goals[id=palvelustrategia].links: must be a list of strings",
        )
    ]


def test_goals_not_an_array_of_tables(tmp_path):
    text = BASE.split("[[goals]]")[0] + '[goals]\nid = "x"\n'
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            line_of(text, "[goals]"),
            "goals: must be a list of [[goals]] tables, not a table",
        )
    ]


def test_goal_periods_not_a_table(tmp_path):
    text = BASE.split("[goals.periods.Q1]")[0].rstrip("\n") + "\nperiods = 3\n"
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            line_of(text, "periods = 3"),
            "goals[id=palvelustrategia].periods: must be a table of periods, not an integer",
        )
    ]


def test_period_entry_not_a_table(tmp_path):
    text = BASE.split("[goals.periods.Q1]")[0].rstrip("\n") + '\nperiods = { Q1 = "Toteutuu" }\n'
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            line_of(text, "periods = {"),
            "goals[id=palvelustrategia].periods.Q1: must be a table, not a string",
            col=len("periods = { ") + 1,
        )
    ]


def test_period_not_in_review_periods_has_the_documented_message(tmp_path):
    text = edit(
        BASE,
        '[goals.periods.Q2]\nstatus = "Toteutuu osittain"',
        '[goals.periods.Q5]\nstatus = "Toteutuu osittain"',
    )
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            line_of(text, "[goals.periods.Q5]"),
            'goals[id=harrastaminen].periods.Q5: unknown period "Q5"; periods are Q1, Q2, Q3, Q4',
        )
    ]


def test_unknown_status_label(tmp_path):
    text = edit(BASE, 'status = "Toteutuu osittain"', 'status = "Toteutu"')
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            line_of(text, 'status = "Toteutu"'),
            'goals[id=harrastaminen].periods.Q2.status: unknown status "Toteutu"; statuses are '
            '"Toteutuu", "Toteutuu osittain", "Ei toteudu"',
        )
    ]


def test_status_labels_are_case_sensitive(tmp_path):
    text = edit(BASE, 'status = "Toteutuu osittain"', 'status = "toteutuu osittain"')
    (problem,) = problems(tmp_path, text)
    assert 'unknown status "toteutuu osittain"' in problem


def test_forecast_as_a_number_gets_a_hint_to_quote_it(tmp_path):
    text = edit(BASE, 'forecast = "100 %"\ncomment = """', 'forecast = 100\ncomment = """')
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            line_of(text, "forecast = 100"),
            "goals[id=harrastaminen].periods.Q3.forecast: must be a string: write it in quotes, "
            'e.g. forecast = "100"',
        )
    ]


@pytest.mark.parametrize(("value", "kind"), [("true", "a boolean"), ('["100 %"]', "an array")])
def test_forecast_not_a_string(tmp_path, value, kind):
    text = edit(BASE, 'forecast = "100 %"\ncomment = """', f'forecast = {value}\ncomment = """')
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            line_of(text, f"forecast = {value}"),
            f"goals[id=harrastaminen].periods.Q3.forecast: must be a string, not {kind}",
        )
    ]


def test_comment_not_a_string(tmp_path):
    old = 'comment = "Palvelukokonaisuudet ovat parhaillaan työstämässä työnjakokuvauksia."'
    text = edit(BASE, old, "comment = 42")
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            line_of(text, "comment = 42"),
            "goals[id=palvelustrategia].periods.Q3.comment: must be a string, not an integer",
        )
    ]


# -- all problems together -----------------------------------------------------------------


def test_every_problem_of_a_file_is_reported_together_sorted_by_line(tmp_path):
    text = BASE
    text = edit(text, "binding = false", "bindng = false")  # a warning, found late
    text = edit(text, 'status = "Toteutuu osittain"', 'status = "Toteutu"')
    text = edit(text, 'id = "liikkeelle"', 'id = "Liikkeelle"')
    text = edit(text, "year = 2021", "year = '2021'")
    found = problems(tmp_path, text)
    assert found == [
        at(tmp_path, 3, "review.year: must be an integer, not a string"),
        at(
            tmp_path,
            line_of(text, "bindng"),
            'goals[id=palvelustrategia].bindng: unknown key "bindng" (kept as is); '
            'did you mean "binding"?',
            kind="warning",
        ),
        at(
            tmp_path,
            line_of(text, '"Toteutu"'),
            'goals[id=harrastaminen].periods.Q2.status: unknown status "Toteutu"; statuses are '
            '"Toteutuu", "Toteutuu osittain", "Ei toteudu"',
        ),
        at(
            tmp_path,
            line_of(text, 'id = "Liikkeelle"'),
            'goals[id=Liikkeelle].id: "Liikkeelle" is not a valid id: lowercase letters, '
            'digits, "-" and "_", starting with a letter or digit',
        ),
    ]


def test_a_problem_in_a_dotted_key_points_at_its_line(tmp_path):
    old = 'binding = true\n\n[goals.periods.Q1]\nstatus = "Toteutuu"\n\n[goals.periods.Q2]\n'
    text = edit(
        BASE, old + 'status = "Toteutuu"\n', 'binding = true\nperiods.Q5.status = "Toteutuu"\n'
    )
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            line_of(text, "periods.Q5.status"),
            'goals[id=liikkeelle].periods.Q5: unknown period "Q5"; periods are Q1, Q2, Q3, Q4',
        )
    ]


# -- the file itself -----------------------------------------------------------------------


def test_invalid_utf8_is_reported_with_its_line_and_column(tmp_path):
    data = edit(BASE, 'forecast = "100 %"\ncomment = """', 'forecast = "100 \x00"\ncomment = """')
    data = data.encode().replace(b"\x00", b"\xff")  # one byte that cannot be UTF-8
    line = line_of(BASE, 'forecast = "100 %"', nth=2)
    assert problems(tmp_path, data) == [
        at(
            tmp_path,
            line,
            "not valid UTF-8: byte 0xff cannot start or continue a character "
            "(save the file as UTF-8)",
            col=len('forecast = "100 ') + 1,
        )
    ]


def test_a_latin1_file_is_reported_at_its_first_non_ascii_byte(tmp_path):
    data = BASE.encode("utf-8").replace(b"ovat parhaillaan", "ovat yhä".encode("latin-1"))
    assert problems(tmp_path, data) == [
        at(
            tmp_path,
            line_of(BASE, "ovat parhaillaan"),
            "not valid UTF-8: byte 0xe4 cannot start or continue a character "
            "(save the file as UTF-8)",
            col=len('comment = "Palvelukokonaisuudet ovat yh') + 1,
        )
    ]


def test_invalid_utf8_column_counts_characters_like_the_toml_parser(tmp_path):
    text = edit(BASE, 'forecast = "100 %"\ncomment = """', 'forecast = "ääX"\ncomment = """')
    data = text.encode().replace(b"X", b"\xff")
    (problem,) = problems(tmp_path, data)
    assert problem.startswith(
        at(tmp_path, line_of(text, "ääX"), "not", col=len('forecast = "ää') + 1)
    )


def test_binary_junk(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
    assert problems(tmp_path, png) == [
        at(
            tmp_path,
            1,
            "not valid UTF-8: byte 0x89 cannot start or continue a character "
            "(save the file as UTF-8)",
        )
    ]


def test_control_bytes_that_are_valid_utf8_are_a_toml_syntax_error(tmp_path):
    assert problems(tmp_path, b"\x00\x01\x02\x1b[31m") == [
        at(tmp_path, 1, "TOML syntax: invalid statement")
    ]


@pytest.mark.parametrize("data", [b"", b"   \n\n\t\n", b"\xef\xbb\xbf", b"\r\n"])
def test_empty_or_blank_file(tmp_path, data):
    assert problems(tmp_path, data) == [
        at(tmp_path, 1, "file is empty: a review needs a [review] table")
    ]


def test_deeply_nested_arrays_are_refused_without_a_crash(tmp_path):
    text = BASE.replace("[review]\n", "[review]\nnotes = " + "[" * 5000 + "]" * 5000 + "\n", 1)
    assert problems(tmp_path, text) == [
        at(tmp_path, 2, "TOML syntax: arrays or tables nested too deeply")
    ]


def test_toml_syntax_error_with_line_and_column(tmp_path):
    text = edit(BASE, "year = 2021", "year = 20 21")
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            3,
            "TOML syntax: expected newline or end of document after a statement",
            col=len("year = 20 ") + 1,
        )
    ]


def test_missing_closing_quote(tmp_path):
    text = edit(BASE, 'language = "fi"', 'language = "fi')
    assert problems(tmp_path, text) == [
        at(tmp_path, 4, "TOML syntax: illegal character '\\n'", col=len('language = "fi') + 1)
    ]


def test_a_key_set_twice(tmp_path):
    text = edit(BASE, "year = 2021", "year = 2021\nyear = 2022")
    assert problems(tmp_path, text) == [
        at(tmp_path, 4, "TOML syntax: cannot overwrite a value", col=len("year = 2022") + 1)
    ]


def test_unterminated_string_at_the_end_of_the_file(tmp_path):
    text = BASE + 'note = "kesken'
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            text.count("\n") + 1,
            "TOML syntax: unterminated string at the end of the file",
            col=len('note = "kesken') + 1,
        )
    ]


def test_a_folder_given_as_a_file(tmp_path):
    with pytest.raises(ReviewError) as caught:
        load(tmp_path)
    assert [str(p) for p in caught.value.problems] == [
        f"{tmp_path}: error: is a folder, not a review file"
    ]


def test_an_unreadable_file(open_folder):
    """Root reads a file of mode 000: the ordinary user who meets it is played by nobody."""
    path = write(open_folder, BASE)
    path.chmod(0o000)
    result = subprocess.run(
        [*as_nobody(), goaltui_script(), "check", str(path)],
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == f"{path}: error: permission denied: the file cannot be read\n"


def test_a_missing_file(tmp_path):
    path = tmp_path / "nowhere" / "review.toml"
    with pytest.raises(ReviewError) as caught:
        load(path)
    assert [str(p) for p in caught.value.problems] == [f"{path}: error: no such file"]


def test_a_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + BASE.encode())
    source = load(path)
    assert source.review.title.startswith("Kulttuurin")
    assert source.warnings == []


def test_crlf_line_ends_are_accepted_and_multiline_text_reads_as_lf(tmp_path):
    path = tmp_path / "crlf.toml"
    path.write_bytes(BASE.replace("\n", "\r\n").encode())
    source = load(path)
    comment = source.review.goal("harrastaminen").entry("Q3").comment
    assert comment == "Ensimmäinen vaihe loppuu vuoden lopussa.\nPalautteet kerätty keväältä."


# -- warnings: the file still loads ---------------------------------------------------------


def test_unknown_keys_are_kept_and_are_not_errors(tmp_path):
    text = BASE.replace("[review]\n", '[review]\nowner = "Kuva"\n', 1)
    text = edit(
        text, 'id = "liikkeelle"', 'id = "liikkeelle"\n"vastuuhenkilö" = "Liikuntapalvelut"'
    )
    source = load(write(tmp_path, text))
    assert source.warnings == []
    assert source.review.review_extra == {"owner": "Kuva"}
    assert source.review.goal("liikkeelle").extra == {"vastuuhenkilö": "Liikuntapalvelut"}


@pytest.mark.parametrize(
    ("old", "new", "field", "known"),
    [
        (
            'objective = "Palveluja',
            'objectve = "Palveluja',
            "goals[id=palvelustrategia]",
            "objective",
        ),
        ('theme = "Uudistuvat', 'teme = "Uudistuvat', "goals[id=liikkeelle]", "theme"),
        (
            'forecast = "100 %"\ncomment = """',
            'forcast = "100 %"\ncomment = """',
            "goals[id=harrastaminen].periods.Q3",
            "forecast",
        ),
        ('color = "red"', 'colour = "red"', "review.statuses[label=Ei toteudu]", "color"),
        ("year = 2021", "yaer = 2021", "review", "year"),
    ],
)
def test_a_near_miss_of_a_known_key_gets_a_did_you_mean_warning(tmp_path, old, new, field, known):
    text = edit(BASE, old, new)
    key = new.split(" =")[0]
    warning = at(
        tmp_path,
        line_of(text, new.split("\n")[0]),
        f'{field}.{key}: unknown key "{key}" (kept as is); did you mean "{known}"?',
        kind="warning",
    )
    path = write(tmp_path, text)
    try:
        found = [str(p) for p in load(path).warnings]
    except ReviewError as error:  # a required key was misspelt: the error comes with the hint
        found = [str(p) for p in error.problems]
        assert f'{field}.{known}: "{known}" is required' in "\n".join(found)
    assert warning in found


def test_toml_comments_give_one_warning_at_the_first_comment(tmp_path):
    text = edit(BASE, 'current = "Q3"', 'current = "Q3"  # katsaus syyskuussa')
    text = edit(text, 'id = "liikkeelle"', '# sitova tavoite\nid = "liikkeelle"')
    text = text + "# loppu\n"
    path = write(tmp_path, text)
    assert [str(p) for p in load(path).warnings] == [
        at(
            tmp_path,
            line_of(text, "# katsaus"),
            "TOML comments (3 in this file) will be dropped by the next save; "
            "keep lasting notes in a field",
            col=len('current = "Q3"  ') + 1,
            kind="warning",
        )
    ]


def test_a_hash_inside_a_string_is_not_a_comment(tmp_path):
    text = edit(
        BASE, 'forecast = "100 %"\ncomment = """', 'forecast = "#1"\ncomment = """\n# otsikko'
    )
    assert load(write(tmp_path, text)).warnings == []


def test_fmt_never_touches_an_invalid_file(tmp_path):
    text = edit(BASE, 'status = "Toteutuu osittain"', 'status = "Toteutu"').replace(
        "[review]\n", "[review]   # ei kanoninen\n"
    )
    path = write(tmp_path, text)
    os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    before = path.stat().st_mtime_ns
    result = run("fmt", path, cwd=tmp_path)
    assert result.returncode == 1
    assert 'unknown status "Toteutu"' in result.stderr
    assert path.read_bytes() == text.encode()
    assert path.stat().st_mtime_ns == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["review.toml"]
