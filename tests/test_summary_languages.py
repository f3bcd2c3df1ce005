"""The summary in the reviewer's language: goaltui's words, the review's texts of that language,
and the main text marked where a translation is missing, in every output format.

docs/format.md ("Language"): ``--lang``, else ``$GOALTUI_LANG``, else the review's ``language``,
else English.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from pseudolocale import marked_review, unmarked
from reviewfiles import BASE, BILINGUAL, DATA, cli, edit, run, write
from rich.console import Console

from goaltui.files.loading import load_text
from goaltui.outputs.summary import summarize, totals
from goaltui.outputs.terminal import attention, summary_rich, totals_rich
from goaltui.review.model import Goal, PeriodEntry, Review, Status

KUVA = "data/kuva-2021.toml"  # as named in the repository's folder
EXAMPLE = "data/example-en.toml"
REPO = DATA.parent
SWEDISH_OBJECTIVES = [
    "Tjänsterna förbättras utifrån kundupplevelsen",
    "Hela staden är en plats för lärande, kulturella möten, aktivitet och medborgarverksamhet",
    "I Helsingfors är det lätt och lockande att börja röra på sig",
]


@pytest.fixture(autouse=True)
def _wide(monkeypatch):
    """In the repository's folder, at 200 columns: no line is cut short."""
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("COLUMNS", "200")


def printed(renderable: object, width: int = 200) -> str:
    console = Console(width=width, color_system=None, highlight=False)
    with console.capture() as capture:
        console.print(renderable)
    return capture.get()


def words_of(line: str) -> list[str]:
    return line.split()


# -- the terminal ----------------------------------------------------------------------------


def test_summary_in_swedish_shows_the_swedish_texts_and_words():
    result = run("summary", "--lang", "sv", KUVA, cwd=REPO, COLUMNS="200")
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[0] == "Kultur- och fritidssektorn: strategiska mål 2021"
    assert lines[1] == "data/kuva-2021.toml · år 2021 · aktuell period Q3 · 3 mål (2 bindande)"
    assert words_of(lines[3]) == ["Status", "Q1", "Q2", "Q3", "Q4"]
    assert ["●", "Uppfylls", "3", "3", "3", "0"] in map(words_of, lines)
    assert ["◐", "Uppfylls", "delvis", "0", "0", "0", "0"] in map(words_of, lines)
    assert ["·", "ej", "bedömd", "0", "0", "0", "3"] in map(words_of, lines)
    assert "Världens bäst fungerande stad" in lines
    for objective in SWEDISH_OBJECTIVES:
        (line,) = [line for line in lines if objective in line]
        assert words_of(line.split(objective)[1]) == ["●", "Uppfylls"] * 3 + ["·", "100", "%"]
    assert "◆ bindande   ! motivering saknas" in lines
    assert lines[-2:] == ["Att uppmärksamma (Q3)", "  inget att uppmärksamma"]
    assert "[fi]" not in result.stdout  # every text is in Swedish: nothing to mark


def test_the_review_language_is_the_default_and_goaltui_lang_chooses_another():
    plain = run("summary", KUVA, cwd=REPO, COLUMNS="200")
    finnish = run("summary", "--lang", "fi", KUVA, cwd=REPO, COLUMNS="200")
    assert plain.stdout == finnish.stdout
    assert "Kulttuurin ja vapaa-ajan toimiala: strategiset tavoitteet 2021" in plain.stdout
    assert "tarkastelujakso Q3 · 3 tavoitetta (2 sitovaa)" in plain.stdout
    swedish = run("summary", KUVA, cwd=REPO, COLUMNS="200", GOALTUI_LANG="sv")
    assert swedish.stdout == run("summary", "--lang", "sv", KUVA, cwd=REPO, COLUMNS="200").stdout
    # --lang wins over the environment
    again = run("summary", "--lang", "fi", KUVA, cwd=REPO, COLUMNS="200", GOALTUI_LANG="sv")
    assert again.stdout == plain.stdout


def test_a_text_without_a_translation_shows_the_main_text_after_its_languages_mark(capsys):
    code, out, _ = cli(capsys, "summary", "--lang", "en", KUVA)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "[fi] Kulttuurin ja vapaa-ajan toimiala: strategiset tavoitteet 2021"
    assert "year 2021 · current period Q3 · 3 goals (2 binding)" in lines[1]
    assert ["●", "[fi]", "Toteutuu", "3", "3", "3", "0"] in map(words_of, lines)
    assert "[fi] Maailman toimivin kaupunki" in lines
    assert "    [fi] Palveluja parannetaan asiakaskokemuksen perusteella" in out
    assert "◆ binding   ! needs a comment   [fi] no translation" in lines


def test_only_the_texts_without_a_translation_are_marked(capsys):
    code, out, _ = cli(capsys, "summary", "--lang", "fi", EXAMPLE)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == (
        "Rivertonin kulttuuri-, kirjasto- ja vapaa-aikapalvelut: strategiset tavoitteet 2026"
    )
    assert ["●", "Etenee", "19", "14", "12", "0"] in map(words_of, lines)
    translated = [line for line in lines if "Kirjastot ovat vilkkaita" in line]
    assert translated and "[en]" not in translated[0]
    assert "    [en] Culture happens in every neighbourhood" in out
    assert "[en] Active and healthy residents" in lines
    assert lines[lines.index("[en] Active and healthy residents") - 1].count("[en]") >= 1
    assert "◆ sitova   ! perustelu puuttuu   ⚑ toimenpiteet puuttuvat   [en] ei käännöstä" in lines


def test_a_file_without_translations_in_another_language_marks_every_text(tmp_path, capsys):
    code, out, _ = cli(capsys, "summary", "--lang", "sv", write(tmp_path, BASE))
    assert code == 0
    assert out.startswith("[fi] Kulttuurin ja vapaa-ajan toimiala")
    assert "aktuell period Q3" in out
    assert "[fi] ingen översättning" in out


def test_the_total_of_several_files_speaks_the_language_asked_for(capsys):
    code, out, _ = cli(capsys, "summary", "--lang", "sv", KUVA, EXAMPLE)
    assert code == 0
    total = out[out.index("\nTotalt\n") :].splitlines()
    assert total[2].startswith("2 filer · 29 mål (")
    assert ["●", "Uppfylls", "3"] in map(words_of, total)
    assert ["●", "[en]", "On", "track", "12"] in map(words_of, total)
    assert total[-1] == "försämrats: 6 · motivering saknas: 3 · ej bedömd: 3 · åtgärder saknas: 1"
    # without --lang, files of two languages are totalled in English
    code, out, _ = cli(capsys, "summary", KUVA, EXAMPLE)
    assert "\nTotal\n" in out and "2 files · 29 goals (" in out


def test_counts_take_the_languages_number_format():
    statuses = (Status("Kyllä", symbol="K"), Status("Ei", symbol="E"))
    goals = [
        Goal(f"g{i}", f"Tavoite {i}", periods={"Q1": PeriodEntry(status="Kyllä")})
        for i in range(12_345)
    ]
    review = Review("Iso arvio", ("Q1",), statuses, goals, language="fi")
    for code, count in (("fi", "12\u00a0345"), ("sv", "12\u00a0345"), ("en", "12,345")):
        summary = summarize(review, language=code)
        for shown in (
            printed(summary_rich(summary, most_goals=10)),
            printed(totals_rich(totals([summary]), [summary])),
        ):
            (row,) = [
                line for line in shown.splitlines() if line.startswith("K ") and "Kyllä" in line
            ]
            assert row.rstrip().endswith(f" {count}")


def test_the_dialogs_short_lists_count_in_plural_forms():
    # two goals in a status that needs a comment, without one
    text = BASE[: BASE.rindex('status = "Toteutuu"')] + 'status = "Ei toteudu"\n'
    text = edit(text, 'status = "Toteutuu osittain"', 'status = "Ei toteudu"')
    review = load_text(Path("review.toml"), text).review
    for code, one, elsewhere in (
        ("en", "… 1 more", "(3 goals: goaltui summary lists them all)"),
        ("fi", "… 1 muu", "(3 tavoitetta: goaltui summary listaa kaikki)"),
        ("sv", "… 1 till", "(3 mål: goaltui summary listar alla)"),
    ):
        summary = summarize(review, period="Q3", language=code)
        assert len(summary.unexplained) == 2
        assert elsewhere in printed(summary_rich(summary, most_goals=1, most_items=1))
        assert one in printed(attention(summary, most=1))


# -- markdown --------------------------------------------------------------------------------


def test_markdown_in_swedish(capsys):
    code, out, _ = cli(capsys, "summary", "--lang", "sv", "--format", "markdown", KUVA)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "## Kultur\\- och fritidssektorn: strategiska mål 2021"
    assert "| Status | Q1 | Q2 | **Q3** | Q4 |" in lines
    assert "| ● Uppfylls | 3 | 3 | 3 | 0 |" in lines
    assert "| tema | id | mål | bindande | Q1 | Q2 | Q3 | Q4 | prognos |" in lines
    assert (
        "| Tjänster som förnyas | `liikkeelle` | I Helsingfors är det lätt och lockande att "
        "börja röra på sig | ◆ | ● Uppfylls | ● Uppfylls | ● Uppfylls | · | 100 % |"
    ) in lines
    assert "### Att uppmärksamma (Q3)" in lines
    assert "\\[fi\\]" not in out


def test_markdown_marks_and_explains_the_untranslated_texts(capsys):
    code, out, _ = cli(capsys, "summary", "--lang", "fi", "--format", "markdown", EXAMPLE)
    assert code == 0
    lines = out.splitlines()
    assert "| teema | tunnus | tavoite | sitova | Q1 | Q2 | Q3 | Q4 | ennuste |" in lines
    rows = [line for line in lines if line.startswith("| ")]
    (culture,) = [line for line in rows if "`culture-pass`" in line]
    assert culture.startswith("| \\[en\\] Learning and culture for everyone | `culture-pass` |")
    (visits,) = [line for line in rows if "`library-visits`" in line]
    assert visits.startswith("| Oppimista ja kulttuuria kaikille | `library-visits` | Kirjastot")
    assert "\\[en\\] ei käännöstä" in lines


# -- JSON ------------------------------------------------------------------------------------


def test_json_gives_the_texts_of_the_language_shown_and_names_the_untranslated_ones(capsys):
    code, out, _ = cli(capsys, "summary", "--lang", "fi", "--format", "json", EXAMPLE)
    assert code == 0
    (summary,) = json.loads(out)["files"]
    assert (summary["language"], summary["shown_language"]) == ("en", "fi")
    assert summary["title"].startswith("Rivertonin kulttuuri-")
    assert summary["untranslated"] == []
    assert summary["statuses"][1] == {
        "label": "At risk",
        "shown_label": "Vaarassa",
        "untranslated": [],
        "color": "yellow",
        "symbol": "◐",
        "explain": False,
        "meaning": "partly",
        "actions": False,
    }
    goals = {goal["id"]: goal for goal in summary["goals"]}
    visits = goals["library-visits"]
    assert visits["objective"] == "Kirjastot ovat vilkkaita ja viihtyisiä paikkoja"
    assert visits["links"] == ["Elävät kaupunginosat", "Asukaskokemus"]
    assert visits["forecast"] == "1,51 miljoonaa"
    assert visits["comment"].startswith("Eastgaten kirjasto oli suljettuna")
    assert visits["status"]["Q3"] == "At risk"  # status values stay the main labels
    assert visits["untranslated"] == []
    (indicator,) = visits["indicators"]
    assert (indicator["name"], indicator["unit"]) == ("Kirjastokäynnit", "miljoonaa")
    assert (indicator["target"], indicator["forecast"], indicator["met"]) == (1.6, 1.51, False)
    culture = goals["culture-pass"]
    assert culture["objective"] == "Children from low-income families take part in culture"
    assert culture["untranslated"] == ["theme", "objective", "links", "forecast", "comment"]
    assert summary["attention"]["worsened"][0] == {
        "id": "library-visits",
        "from": "On track",
        "to": "At risk",
    }


def test_json_of_a_review_in_its_own_language_has_nothing_untranslated(capsys):
    code, out, _ = cli(capsys, "summary", "--format", "json", KUVA)
    assert code == 0
    (summary,) = json.loads(out)["files"]
    assert summary["shown_language"] == "fi"
    assert summary["title"] == "Kulttuurin ja vapaa-ajan toimiala: strategiset tavoitteet 2021"
    assert [s["shown_label"] for s in summary["statuses"]] == [
        s["label"] for s in summary["statuses"]
    ]
    assert all(
        not item["untranslated"] for item in [summary, *summary["statuses"], *summary["goals"]]
    )


# -- the language asked for ------------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "summary"])
def test_an_unknown_language_is_a_usage_error_naming_the_languages_goaltui_speaks(
    tmp_path, command
):
    write(tmp_path, BILINGUAL)
    result = run(command, "--lang", "xx", "review.toml", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f'goaltui {command}: --lang: unknown language "xx"; goaltui speaks fi (suomi), '
        "sv (svenska), en (English)\n"
    )
    result = run(command, "review.toml", cwd=tmp_path, GOALTUI_LANG="de")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f'goaltui {command}: GOALTUI_LANG: unknown language "de"; goaltui speaks fi (suomi), '
        "sv (svenska), en (English)\n"
    )


def test_check_speaks_the_language_asked_for(tmp_path, capsys):
    text = edit(BILINGUAL, 'title = "Kultur- och fritidssektorn: strategiska mål 2021"\n', "")
    path = write(tmp_path, text)
    code, out, _ = cli(capsys, "check", "--lang", "sv", path)
    assert (code, out) == (0, f"{path}:2:1: warning: review.title: svensk text saknas (sv)\n")
    code, out, _ = cli(capsys, "check", "--lang", "fi", path)
    assert out == f"{path}:2:1: warning: review.title: ruotsinkielinen teksti puuttuu (sv)\n"


def test_every_word_of_the_summaries_comes_from_the_catalogues(tmp_path, pseudo):
    write(tmp_path, marked_review(BILINGUAL))
    for output in ("rich", "markdown"):
        result = run(
            "summary",
            "--lang",
            pseudo,
            "--format",
            output,
            "review.toml",
            cwd=tmp_path,
            COLUMNS="200",
            GOALTUI_PSEUDO=os.environ["GOALTUI_PSEUDO"],
        )
        assert result.returncode == 0, result.stderr
        # the path, and the mark of the main texts, shown untranslated in the pseudo-language
        assert unmarked(result.stdout, allowed={"review", "toml", "fi"}) == []
        assert "[fi] ⟦" in result.stdout.replace("\\[", "[").replace("\\]", "]")
