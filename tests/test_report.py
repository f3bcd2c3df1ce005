"""goaltui report: the review table and the council's paper, in every format, read back as a
person's tools read them (csv module, openpyxl, the HTML's text)."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest
from reportfiles import EXPLAINED, HOSTILE, YEAR
from reviewfiles import DATA, cli, write

from goaltui.files.loading import load_text
from goaltui.outputs.report import report

KUVA = DATA / "kuva-2021.toml"
OBJECTIVES_FI = [
    "Palveluja parannetaan asiakaskokemuksen perusteella",
    "Koko kaupunki on oppimisen, kulttuuristen kohtaamisten, tekemisen ja kansalaistoiminnan "
    "paikka",
    "Helsingissä on helppoa ja houkuttelevaa lähteä liikkeelle",
]
OBJECTIVES_SV = [
    "Tjänsterna förbättras utifrån kundupplevelsen",
    "Hela staden är en plats för lärande, kulturella möten, aktivitet och medborgarverksamhet",
    "I Helsingfors är det lätt och lockande att börja röra på sig",
]


class _Text(HTMLParser):
    """The text a browser shows, and the tags it met."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def shown(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    return parser


def csv_rows(text: str, delimiter: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=delimiter))


# -- the review table of the seed --------------------------------------------------------------


def test_the_seeds_table_in_html_holds_every_goal_and_every_column_of_the_seed(capsys, tmp_path):
    out = tmp_path / "kuva.html"
    code, stdout, stderr = cli(capsys, "report", KUVA, "-o", out)
    assert (code, stdout, stderr) == (0, "", "")
    html = out.read_text("utf-8")
    assert html.startswith('<!DOCTYPE html>\n<html lang="fi">')
    page = shown(html)
    text = " ".join(page.text)
    for objective in OBJECTIVES_FI:
        assert objective in text
    headers = [attrs for tag, attrs in page.tags if tag == "th" and attrs.get("scope") == "col"]
    names = re.findall(r'<th scope="col" class="[^"]*">([^<]*)</th>', html)
    assert len(headers) == len(names)
    # The seed's columns: theme (the row groups), goal, description, target, measure, binding,
    # a status per period, commentary, forecast, links.
    assert names == [
        "Tavoite", "Kuvaus", "Tavoitetaso", "Mittari", "Sitova", "Q1", "Q2", "Q3", "Q4",
        "Kommentti (Q3)", "Ennuste (Q3)", "Mittarit (Q3)", "Kytkökset",
    ]  # fmt: skip
    assert "Kaupunkistrategian kohta:" in text and "Maailman toimivin kaupunki" in text
    assert [t for t, a in page.tags if t == "th" and a.get("scope") == "rowgroup"] == ["th"] * 3
    assert sum(1 for t, a in page.tags if t == "th" and a.get("scope") == "row") == 3
    assert "<caption>" in html
    assert "Palvelukokonaisuudet ovat parhaillaan" in text  # the Q3 comment
    assert text.count("100 %") == 3
    assert "Harrastustoiminta" in text  # a link
    # Heading: title, year, period, date made, the counts.
    assert "vuosi 2021" in text and "jakso Q3" in text and "laadittu" in text
    assert re.search(r"toteutuu\s+3", text)


def test_the_html_is_self_contained(capsys):
    code, html, _ = cli(capsys, "report", KUVA)
    assert code == 0
    page = shown(html)
    tags = {tag for tag, _ in page.tags}
    assert "script" not in tags and "link" not in tags and "img" not in tags
    assert "iframe" not in tags and "object" not in tags
    assert not re.search(r"(?i)(https?:|url\(|@import|src=)", html)
    assert "@page" in html and "A4 landscape" in html
    assert "table-header-group" in html and "break-inside:avoid" in html


def test_swedish_gives_the_swedish_texts_and_words(capsys):
    code, html, _ = cli(capsys, "report", "--lang", "sv", KUVA)
    assert code == 0
    assert '<html lang="sv">' in html
    text = " ".join(shown(html).text)
    for objective in OBJECTIVES_SV:
        assert objective in text
    for finnish in OBJECTIVES_FI:
        assert finnish not in text
    assert "Uppfylls" in text and "Målnivå" in text and "upprättad" in text
    assert "Servicehelheterna arbetar som bäst" in text


def test_a_swedish_paper_marks_a_finnish_text_as_untranslated(capsys, tmp_path):
    path = write(tmp_path, YEAR)
    code, html, _ = cli(capsys, "report", "--lang", "sv", "--period", "Q4", path)
    assert code == 0
    # "Hankinta viivästyi" has no Swedish: shown in Finnish, marked, in a Finnish span.
    assert re.search(r'<span class="untranslated">\[fi\]</span> <div lang="fi"><p>Hankinta', html)
    assert "ingen översättning" in " ".join(shown(html).text)
    code, md, _ = cli(
        capsys, "report", "--lang", "sv", "--period", "Q4", "--format", "markdown", path
    )
    assert "\\[fi\\] Hankinta viivästyi" in md


# -- the council's paper ------------------------------------------------------------------------


def test_unmet_holds_exactly_the_binding_goal_not_met_in_q4_with_its_explanation(capsys, tmp_path):
    path = write(tmp_path, EXPLAINED)
    code, html, stderr = cli(capsys, "report", "--unmet", path)
    assert (code, stderr) == (0, "")
    assert re.findall(r'<tr class="goal[^"]*" id="goal-([^"]+)"', html) == ["sitova"]
    text = " ".join(shown(html).text)
    assert "Toteutumattomat sitovat toiminnan tavoitteet" in text
    assert "Sitova tavoite, joka ei toteudu" in text and "Hankinta viivästyi" in text
    assert "Ei toteudu" in text and "Sata kohdetta" in text and "jakso Q4" in text
    assert "Ei sitova" not in text and "Toteutuva" not in text
    code, csv_text, _ = cli(capsys, "report", "--unmet", "--format", "csv", path)
    rows = csv_rows(csv_text, ";")
    assert [row[0] for row in rows[1:]] == ["sitova"]
    assert rows[0] == [
        "Tunniste", "Kaupunkistrategian kohta", "Tavoite", "Tavoitetaso", "Mittari", "Mittarit",
        "Tila (Q4)", "Selvitys", "Toimenpiteet",
    ]  # fmt: skip
    assert rows[1][6:8] == ["Ei toteudu", "Hankinta viivästyi; " + HOSTILE]


def test_unmet_of_another_period_holds_that_periods_goals(capsys, tmp_path):
    path = write(tmp_path, EXPLAINED)
    code, md, _ = cli(capsys, "report", "--unmet", "--period", "Q3", "--format", "markdown", path)
    assert code == 0
    assert re.findall(r"\(`([a-z]+)`\)", md) == ["sitova", "ennen"]


def test_a_goal_without_an_explanation_is_flagged_and_warned_about(capsys, tmp_path):
    path = write(tmp_path, YEAR)
    code, html, stderr = cli(capsys, "report", "--unmet", path)
    assert code == 0
    assert re.findall(r'<tr class="goal([^"]*)" id="goal-([^"]+)"', html) == [
        ("", "sitova"),
        (" unexplained", "osittain"),
    ]
    assert "selvitys puuttuu" in " ".join(shown(html).text)
    assert stderr.count("\n") == 1
    assert "goals[id=osittain]" in stderr and "Q4" in stderr and str(path) in stderr


def test_none_unmet_gives_a_paper_that_says_so(capsys):
    code, html, stderr = cli(capsys, "report", "--unmet", KUVA)
    assert (code, stderr) == (0, "")
    assert "Jaksolla Q3 ei ole toteutumattomia sitovia tavoitteita." in " ".join(shown(html).text)
    code, md, _ = cli(capsys, "report", "--unmet", "--lang", "sv", "--format", "markdown", KUVA)
    assert "Under Q3 finns inga ouppnådda bindande mål\\." in md


# -- text from the file is literal everywhere --------------------------------------------------


@pytest.mark.parametrize("kind", [[], ["--unmet"]])
def test_markup_in_a_comment_appears_literally_in_every_format(capsys, tmp_path, kind):
    path = write(tmp_path, YEAR)
    common = ["report", *kind, "--period", "Q4", path]
    code, html, _ = cli(capsys, *common)
    assert code == 0
    assert (
        "<script>alert" not in html and "[red]x[/red] &lt;script&gt;alert(1)&lt;/script&gt;" in html
    )
    assert HOSTILE in "".join(shown(html).text)
    code, md, _ = cli(capsys, *common, "--format", "markdown")
    assert "<script>" not in md
    assert "\\[red\\]x\\[/red\\] &lt;script&gt;alert\\(1\\)&lt;/script&gt;" in md
    code, csv_text, _ = cli(capsys, *common, "--format", "csv")
    cells = [cell for row in csv_rows(csv_text, ";") for cell in row]
    assert any(cell.endswith(HOSTILE) for cell in cells)
    out = tmp_path / "r.xlsx"
    assert cli(capsys, *common, "--format", "xlsx", "-o", out)[0] == 0
    values = [c.value for row in openpyxl.load_workbook(out).active.iter_rows() for c in row]
    assert any(isinstance(v, str) and v.endswith(HOSTILE) for v in values)


# -- the spreadsheets ---------------------------------------------------------------------------


def test_csv_has_a_row_per_goal_and_a_column_group_per_period(capsys):
    code, text, _ = cli(capsys, "report", "--format", "csv", KUVA)
    assert code == 0
    rows = csv_rows(text, ";")
    assert rows[0][:8] == [
        "Tunniste", "Kaupunkistrategian kohta", "Tavoite", "Kuvaus", "Tavoitetaso", "Mittari",
        "Sitova", "Kytkökset",
    ]  # fmt: skip
    groups = [
        f"{name} ({p})"
        for p in ("Q1", "Q2", "Q3", "Q4")
        for name in ("Tila", "Ennuste", "Kommentti")
    ]
    assert rows[0][8:] == [*groups, "Mittarit (Q3)"]
    assert [row[0] for row in rows[1:]] == ["palvelustrategia", "harrastaminen", "liikkeelle"]
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["Tavoite"] == OBJECTIVES_FI[0]
    assert first["Sitova"] == "Ei"
    assert first["Tila (Q1)"] == "Toteutuu" and first["Tila (Q4)"] == ""
    assert first["Ennuste (Q3)"] == "100 %"
    assert first["Kommentti (Q3)"].startswith("Palvelukokonaisuudet ovat")
    assert first["Kytkökset"].splitlines() == [
        "Asukaskokemus ja asiakastyytyväisyys", "Palvelujen saavutettavuus", "Osallisuus",
        "Elävät kaupunginosat",
    ]  # fmt: skip
    assert first["Kuvaus"].count("\n") == 1  # the description's two lines kept
    assert dict(zip(rows[0], rows[2], strict=True))["Sitova"] == "Kyllä"


def test_csv_separators_by_language_and_by_choice(capsys):
    en = DATA / "example-en.toml"
    assert csv_rows(cli(capsys, "report", "--format", "csv", en)[1], ",")[0][0] == "Id"
    sv = cli(capsys, "report", "--format", "csv", "--lang", "sv", KUVA)[1]
    assert csv_rows(sv, ";")[0][0] == "Id" and csv_rows(sv, ";")[1][2] == OBJECTIVES_SV[0]
    tab = cli(capsys, "report", "--format", "csv", "--delimiter", "\t", KUVA)[1]
    assert len(csv_rows(tab, "\t")[0]) == 21
    code, _, err = cli(capsys, "report", "--format", "csv", "--delimiter", ";;", KUVA)
    assert code == 2 and "--delimiter" in err


def test_spreadsheet_cells_are_never_formulas(tmp_path, capsys):
    path = write(tmp_path, YEAR.replace('target = "Sata kohdetta"', 'target = "=1+1"'))
    rows = csv_rows(cli(capsys, "report", "--format", "csv", path)[1], ";")
    assert rows[1][4] == "'=1+1"
    out = tmp_path / "r.xlsx"
    assert cli(capsys, "report", "--format", "xlsx", path, "-o", out)[0] == 0
    cell = openpyxl.load_workbook(out).active["E2"]
    assert (cell.value, cell.data_type) == ("=1+1", "s")  # shown as typed, never computed


def test_a_folder_is_one_document_with_a_section_per_review(capsys, tmp_path):
    write(tmp_path, YEAR, "b.toml")
    write(tmp_path, EXPLAINED, "a.toml")
    code, html, _ = cli(capsys, "report", "--unmet", "--period", "Q4", tmp_path)
    assert code == 0
    assert html.count("<section ") == 2 and html.count("<!DOCTYPE html>") == 1
    sections = html.split("<section ")[1:]
    assert "a.toml" in sections[0] and "b.toml" in sections[1]  # sorted, as the folder lists
    code, md, _ = cli(capsys, "report", "--format", "csv", tmp_path)
    rows = csv_rows(md, ";")
    assert rows[0][0] == "Arviointi" and len(rows) == 1 + 5 + 5


def test_xlsx_has_a_sheet_per_review_a_row_per_goal_and_status_colours(capsys, tmp_path):
    out = tmp_path / "kuva.xlsx"
    code, stdout, stderr = cli(capsys, "report", "--format", "xlsx", KUVA, DATA, "-o", out)
    assert (code, stdout, stderr) == (0, "", "")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["kuva-2021", "example-en"]  # as named; the folder adds one
    sheet = book["kuva-2021"]
    assert sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    expected_csv = csv_rows(cli(capsys, "report", "--format", "csv", KUVA)[1], ";")
    assert header == expected_csv[0]
    rows = [
        [c.value if c.value is not None else "" for c in row] for row in sheet.iter_rows(min_row=2)
    ]
    assert rows == expected_csv[1:]  # cell by cell, as the CSV has them
    status = sheet.cell(row=2, column=header.index("Tila (Q1)") + 1)
    assert status.value == "Toteutuu"
    assert status.fill.fgColor.rgb == "FFB2D9B2"  # green (0, 128, 0), three tenths of it on white
    assert all(cell.alignment.wrap_text for cell in sheet[2])
    widths = [sheet.column_dimensions[chr(65 + i)].width for i in range(10)]
    assert all(8 <= width <= 62 for width in widths)


def test_xlsx_needs_an_output_file(capsys):
    code, stdout, stderr = cli(capsys, "report", "--format", "xlsx", KUVA)
    assert code == 2 and stdout == "" and "-o" in stderr


# -- bad input, and the output file ---------------------------------------------------------------


def test_an_invalid_file_is_located_and_nothing_is_written(capsys, tmp_path):
    bad = write(tmp_path, YEAR.replace('status = "Toteutuu"\n', 'status = "Toteutu"\n', 1))
    out = tmp_path / "out.html"
    code, stdout, stderr = cli(capsys, "report", bad, KUVA, "-o", out)
    assert code == 1 and stdout == ""
    assert re.search(rf"{re.escape(str(bad))}:\d+:\d+: error: goals\[id=hyva\]", stderr)
    assert not out.exists()


def test_an_unknown_period_is_a_usage_error(capsys):
    code, _, stderr = cli(capsys, "report", "--period", "Q9", KUVA)
    assert code == 2 and '"Q9"' in stderr


def test_an_unwritable_output_exits_3_and_keeps_the_old_file(capsys, tmp_path):
    out = tmp_path / "missing" / "kuva.html"
    code, _, stderr = cli(capsys, "report", KUVA, "-o", out)
    assert code == 3 and "kuva.html" in stderr


def test_the_model_counts_goals_by_meaning():
    review = load_text(Path("y.toml"), YEAR).review
    section = report([(review, None, None)], "table", "Q4").sections[0]
    assert section.counts == {"met": 2, "partly": 1, "not_met": 2, "not_assessable": 0, None: 0}
    paper = report([(review, None, "sv")], "unmet").sections[0]
    assert paper.period == "Q4"  # the last one with a status
    assert [goal.id for goal in paper.shown_goals] == ["sitova", "osittain"]
    assert paper.shown_goals[0].objective.text == "Bindande mål som inte uppnås"
