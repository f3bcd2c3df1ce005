"""Reports of reviews with indicators, status meanings and actions (docs/format.md): the counts
of the heading, indicators and actions in every format, and the council's paper holding a
binding goal that is met only if all its indicators reach their target."""

from __future__ import annotations

import csv
import io
import re

import openpyxl
from reviewfiles import cli, write

MEASURED = """\
[review]
title = "Toimiala 2021"
year = 2021
language = "fi"
periods = ["Ennuste 1", "Tilinpäätös"]

[[review.statuses]]
label = "Toteutuu"
color = "green"
meaning = "met"

[[review.statuses]]
label = "Ei voida arvioida"
meaning = "not_assessable"

[[review.statuses]]
label = "Ei toteudu"
color = "red"
meaning = "not_met"
explain = true
actions = true

[[goals]]
id = "lyhyt"
objective = "Sitova, mittari jää vajaaksi"
binding = true

[[goals.indicators]]
id = "osuus"
name = "Osuus"
unit = "%"
target = 85

[goals.periods."Tilinpäätös"]
status = "Toteutuu"
comment = "Tila sanoo toteutuu."

[goals.periods."Tilinpäätös".indicators.osuus]
forecast = 80
actual = 78

[[goals]]
id = "tehty"
objective = "Sitova, ei toteudu"
binding = true

[[goals.indicators]]
id = "kohteet"
name = "Kohteet"
target = 10

[goals.periods."Tilinpäätös"]
status = "Ei toteudu"
comment = "Viivästyi."
actions = ["Kohdennettu viestintä <b>kouluille</b>", "Lisähaku [red]x[/red]"]

[goals.periods."Tilinpäätös".indicators.kohteet]
forecast = 12

[[goals]]
id = "arvioimaton"
objective = "Ei voida arvioida"
binding = true

[goals.periods."Tilinpäätös"]
status = "Ei voida arvioida"
"""


def test_the_paper_holds_a_goal_met_only_by_its_status_and_one_not_met_with_its_actions(
    capsys, tmp_path
):
    path = write(tmp_path, MEASURED)
    code, html, stderr = cli(capsys, "report", "--unmet", path)
    assert (code, stderr) == (0, "")
    html = html.replace("\u00a0", " ")  # the no-break space between a number and "%"
    assert re.findall(r'id="goal-([^"]+)"', html) == ["lyhyt", "tehty"]
    assert "ei toteudu: kaikki mittarit eivät saavuta tavoitetasoaan" in html
    assert "Kohdennettu viestintä &lt;b&gt;kouluille&lt;/b&gt;" in html and "<b>" not in html
    assert "tavoitetaso</dt><dd>85 %</dd>" in html and "ennuste</dt><dd>80 %</dd>" in html
    assert "toteuma</dt><dd>78 %</dd>" in html and "✗ ei toteudu" in html
    code, md, _ = cli(capsys, "report", "--unmet", "--format", "markdown", path)
    md = md.replace("\u00a0", " ")
    assert "  - Kohdennettu viestintä &lt;b&gt;kouluille&lt;/b&gt;" in md
    assert "  - Lisähaku \\[red\\]x\\[/red\\]" in md
    assert "Osuus: tavoitetaso 85 %, ennuste 80 %, toteuma 78 % ✗ ei toteudu" in md.replace(
        "\\", ""
    )


def test_the_heading_counts_goals_by_meaning_and_indicators_met(capsys, tmp_path):
    path = write(tmp_path, MEASURED)
    code, md, _ = cli(capsys, "report", "--period", "Tilinpäätös", "--format", "markdown", path)
    assert code == 0
    counts = md.split("\n")[4]
    assert counts == (
        "toteutuu: **1** · toteutuu osittain: **0** · ei toteudu: **1** · "
        "ei voida arvioida: **1** · ei arvioitu: **0** · mittarit toteutuvat: **1/2**"
    )


def test_indicators_and_actions_in_the_spreadsheets(capsys, tmp_path):
    path = write(tmp_path, MEASURED)
    code, text, _ = cli(capsys, "report", "--period", "Tilinpäätös", "--format", "csv", path)
    assert code == 0
    rows = list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))
    header = rows[0]
    assert "Toimenpiteet (Tilinpäätös)" in header and header[-1] == "Mittarit (Tilinpäätös)"
    second = dict(zip(header, rows[2], strict=True))
    assert second["Toimenpiteet (Tilinpäätös)"].splitlines() == [
        "Kohdennettu viestintä <b>kouluille</b>",
        "Lisähaku [red]x[/red]",
    ]
    assert second["Mittarit (Tilinpäätös)"] == "Kohteet: tavoitetaso 10, ennuste 12 ✓ toteutuu"
    out = tmp_path / "m.xlsx"
    assert (
        cli(capsys, "report", "--period", "Tilinpäätös", "--format", "xlsx", path, "-o", out)[0]
        == 0
    )
    sheet = openpyxl.load_workbook(out).active
    cells = [[c.value or "" for c in row] for row in sheet.iter_rows()]
    assert cells == rows


def test_the_seeds_indicators_are_in_its_table_in_finnish_and_swedish(capsys):
    from reviewfiles import DATA

    for lang, words in (("fi", "tavoitetaso 100 %, ennuste 100 % ✓ toteutuu"), ("sv", "målnivå")):
        code, text, _ = cli(
            capsys, "report", "--lang", lang, "--format", "csv", DATA / "kuva-2021.toml"
        )
        rows = list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))
        assert code == 0 and len(rows) == 4
        assert all(words in row[-1].replace("\u00a0", " ") for row in rows[1:])
    code, md, _ = cli(capsys, "report", "--format", "markdown", DATA / "kuva-2021.toml")
    assert "mittarit toteutuvat: **3/3**" in md
