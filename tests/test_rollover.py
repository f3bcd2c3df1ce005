"""goaltui rollover: next year's review from this one, and what it keeps and clears."""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from pathlib import Path

import pytest
from reviewfiles import BASE, DATA, cli, edit, write

from goaltui.files.checks import check_file

# A review with every extension and keys goaltui does not know, in every kind of table.
EXTENDED = """\
[review]
title = "Kulttuurin ja vapaa-ajan toimiala: tavoitteet 2024 (strategiakausi 2021-2025)"
year = 2024
language = "fi"
translations = ["sv"]
periods = ["Ennuste 1", "Tilinpäätös"]
current = "Tilinpäätös"
owner = "kanslia"

[review.sv]
title = "Kultur- och fritidssektorn: mål 2024"

[review.due]
"Ennuste 1" = 2024-02-29
"Tilinpäätös" = 2025-01-31

[[review.statuses]]
label = "Toteutuu"
meaning = "met"

[[review.statuses]]
label = "Ei toteudu"
explain = true
actions = true

[[goals]]
id = "harrastaminen"
objective = "Harrastamisen mahdollisuuksia parannetaan vuonna 2024"
binding = true
sponsor = "Anna"

[goals.sv]
objective = "Möjligheterna till fritidsaktiviteter förbättras"

[[goals.indicators]]
id = "toimenpiteet"
name = "Toimenpiteet tehty"
unit = "%"
target = 100
direction = "at_least"
baseline = 40

[goals.indicators.sv]
name = "Åtgärderna genomförda"

[goals.periods."Ennuste 1"]
status = "Ei toteudu"
comment = "Viivästyi."
actions = ["Lisää viestintää"]
reviewed_by = "lautakunta"

[goals.periods."Ennuste 1".sv]
comment = "Försenades."

[goals.periods."Ennuste 1".indicators.toimenpiteet]
forecast = 90
actual = 60

[[goals]]
id = "liikkeelle"
objective = "Liikkeelle lähteminen on helppoa"

[notes]
kept = "yes"
"""


def rolled(capsys, source: Path, *more: str) -> tuple[int, str, str, Path]:
    out = source.with_name("next.toml")
    code, stdout, stderr = cli(capsys, "rollover", source, "-o", out, *more)
    return code, stdout, stderr, out


@pytest.mark.parametrize("name", ["kuva-2021.toml", "example-en.toml"])
def test_the_new_review_passes_check_and_fmt(tmp_path, capsys, name):
    source = tmp_path / name
    source.write_bytes((DATA / name).read_bytes())
    year = tomllib.loads(source.read_text())["review"]["year"]
    code, _out, err, out = rolled(capsys, source, "--year", str(year + 1))
    assert code == 0, err
    assert cli(capsys, "check", out)[0] == 0
    # No new warning: those there are (texts not yet translated) were the old file's too.
    said = {(p.field, p.message) for p in check_file(out)}
    assert said <= {(p.field, p.message) for p in check_file(source)}
    code, formatted, _err = cli(capsys, "fmt", "--check", out)
    assert code == 0 and formatted == ""
    old, new = tomllib.loads(source.read_text()), tomllib.loads(out.read_text())
    assert new["review"]["year"] == year + 1
    assert str(year) not in new["review"]["title"] and str(year + 1) in new["review"]["title"]
    assert [g["id"] for g in new["goals"]] == [g["id"] for g in old["goals"]]
    assert all("periods" not in goal for goal in new["goals"])
    # Everything but the year's entries, the year and the title is as it was.
    for goal in old["goals"]:
        goal.pop("periods", None)
    assert new["goals"] == old["goals"]
    assert new["review"]["statuses"] == old["review"]["statuses"]


def test_kuva_2022_as_the_issue_asks(tmp_path, capsys):
    source = tmp_path / "kuva-2021.toml"
    source.write_bytes((DATA / "kuva-2021.toml").read_bytes())
    code, out, err = cli(
        capsys, "rollover", source, "--year", "2022", "-o", tmp_path / "kuva-2022.toml"
    )
    assert code == 0 and out == ""
    assert "3 goals for 2022" in err and "9 period entries cleared" in err
    new = tomllib.loads((tmp_path / "kuva-2022.toml").read_text())["review"]
    assert new["title"] == "Kulttuurin ja vapaa-ajan toimiala: strategiset tavoitteet 2022"
    assert new["sv"]["title"] == "Kultur- och fritidssektorn: strategiska mål 2022"
    assert new["current"] == "Q1"


def test_keys_translations_and_indicators_are_kept_period_entries_cleared(tmp_path, capsys):
    source = write(tmp_path, EXTENDED, "tavoitteet-2024.toml")
    code, _out, err, out = rolled(capsys, source, "--year", "2025")
    assert code == 0, err
    assert "2 due dates moved" in err
    new = tomllib.loads(out.read_text())
    head = new["review"]
    assert head["title"] == (
        "Kulttuurin ja vapaa-ajan toimiala: tavoitteet 2025 (strategiakausi 2021-2025)"
    )
    assert head["sv"]["title"] == "Kultur- och fritidssektorn: mål 2025"
    assert head["owner"] == "kanslia" and new["notes"] == {"kept": "yes"}
    # 29 February 2024 has no 2025: the 28th; the others move by the year.
    assert head["due"] == {"Ennuste 1": dt.date(2025, 2, 28), "Tilinpäätös": dt.date(2026, 1, 31)}
    assert head["current"] == "Ennuste 1"
    first = new["goals"][0]
    assert first["sponsor"] == "Anna" and first["binding"] is True
    assert first["sv"] == {"objective": "Möjligheterna till fritidsaktiviteter förbättras"}
    # Goal texts are the goal's words: a year in them is not the review's to change.
    assert first["objective"] == "Harrastamisen mahdollisuuksia parannetaan vuonna 2024"
    indicator = first["indicators"][0]
    assert indicator["target"] == 100 and indicator["baseline"] == 40
    assert indicator["sv"] == {"name": "Åtgärderna genomförda"}
    assert "periods" not in first  # status, comment, actions, values, unknown keys: the year's
    assert cli(capsys, "check", out)[0] == 0
    assert cli(capsys, "fmt", "--check", out)[0] == 0


def test_a_year_further_moves_the_due_dates_as_far(tmp_path, capsys):
    source = write(tmp_path, EXTENDED, "tavoitteet-2024.toml")
    code, _out, err, out = rolled(capsys, source, "--year", "2028")
    assert code == 0, err
    due = tomllib.loads(out.read_text())["review"]["due"]
    assert due == {"Ennuste 1": dt.date(2028, 2, 29), "Tilinpäätös": dt.date(2029, 1, 31)}


def test_without_o_the_name_takes_the_new_year(tmp_path, capsys):
    source = tmp_path / "kuva-2021.toml"
    source.write_bytes((DATA / "kuva-2021.toml").read_bytes())
    code, out, err = cli(capsys, "rollover", source, "--year", "2022")
    assert code == 0, err
    assert (tmp_path / "kuva-2022.toml").is_file() and out == ""


def test_a_name_without_the_year_needs_o(tmp_path, capsys):
    source = write(tmp_path, BASE, "review.toml")
    code, _out, err = cli(capsys, "rollover", source, "--year", "2022")
    assert code == 2 and "-o" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["review.toml"]


def test_o_dash_prints_the_review_and_writes_nothing(tmp_path, capsys):
    source = write(tmp_path, BASE, "review.toml")
    code, out, _err = cli(capsys, "rollover", source, "--year", "2022", "-o", "-")
    assert code == 0
    assert tomllib.loads(out)["review"]["year"] == 2022
    assert sorted(p.name for p in tmp_path.iterdir()) == ["review.toml"]


def test_it_never_replaces_a_file(tmp_path, capsys):
    source = write(tmp_path, BASE, "review.toml")
    taken = write(tmp_path, "mine\n", "next.toml")
    os.utime(taken, (1_000_000, 1_000_000))
    code, _out, err, out = rolled(capsys, source, "--year", "2022")
    assert out == taken and code == 1
    assert "next.toml" in err and "already exists" in err
    assert taken.read_bytes() == b"mine\n" and taken.stat().st_mtime == 1_000_000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["next.toml", "review.toml"]
    # Not even the file itself.
    code, _out, _err = cli(capsys, "rollover", source, "--year", "2022", "-o", source)
    assert code == 1 and source.read_text() == BASE


def test_a_file_made_meanwhile_is_not_replaced(tmp_path, monkeypatch):
    from goaltui.files import atomic

    path = tmp_path / "next.toml"
    real_link = os.link

    def someone_else_first(source: str, target: Path) -> None:
        Path(target).write_text("theirs")
        real_link(source, target)

    monkeypatch.setattr(atomic.os, "link", someone_else_first)
    with pytest.raises(FileExistsError):
        atomic.write_new(path, b"ours")
    assert path.read_text() == "theirs"
    assert [p.name for p in tmp_path.iterdir()] == ["next.toml"]  # no temporary file left


def test_the_same_year_and_impossible_years_are_refused(tmp_path, capsys):
    source = write(tmp_path, BASE, "review.toml")
    code, _out, err, out = rolled(capsys, source, "--year", "2021")
    assert code == 2 and "already for 2021" in err and not out.exists()
    code, _out, err, out = rolled(capsys, source, "--year", "10000")
    assert code == 2 and not out.exists()
    code, _out, err, out = rolled(capsys, source, "--year", "next")
    assert code == 2 and not out.exists()


def test_an_invalid_review_is_its_problems_and_nothing_written(tmp_path, capsys):
    source = write(tmp_path, edit(BASE, "year = 2021", 'year = "2021"'), "review.toml")
    code, _out, err, out = rolled(capsys, source, "--year", "2022")
    assert code == 1 and "review.year" in err and not out.exists()


def test_a_review_without_a_year_rolls_from_the_year_before(tmp_path, capsys):
    source = write(tmp_path, edit(BASE, "year = 2021\n", ""), "review.toml")
    code, _out, err, out = rolled(capsys, source, "--year", "2022")
    assert code == 0, err
    head = tomllib.loads(out.read_text())["review"]
    assert head["year"] == 2022 and head["title"].endswith("2022")


def test_it_speaks_the_language_of_diagnostics(tmp_path, capsys):
    source = write(tmp_path, BASE, "review.toml")
    code, _out, err, _path = rolled(capsys, source, "--year", "2022", "--lang", "fi")
    assert code == 0 and "tavoitetta" in err
    code, _out, err, _path = rolled(capsys, source, "--year", "2023", "--lang", "sv")
    assert code == 1 and "finns redan" in err
