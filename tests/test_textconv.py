"""goaltui textconv: a review one fact a line, so that git diff, log -p and show read as goal
changes; and never a failure that would stop git."""

from __future__ import annotations

import re
import subprocess

from reviewfiles import BASE, BILINGUAL, CONTROL, SEED, edit, goaltui_script, run, write
from test_git_diff import palvelustrategia_partly


def changed_lines(diff: str) -> list[str]:
    """The lines a diff takes out and puts in, without its headers."""
    return [
        line
        for line in diff.splitlines()
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    ]


def facts(text: str, tmp_path) -> list[str]:
    result = run("textconv", write(tmp_path, text, "r.toml"), cwd=tmp_path, script=True)
    assert (result.returncode, result.stderr) == (0, "")
    return result.stdout.splitlines()


def test_one_fact_a_line_in_a_stable_order(tmp_path):
    lines = facts(BILINGUAL, tmp_path)
    assert lines[:8] == [
        "review · title: Kulttuurin ja vapaa-ajan toimiala: strategiset tavoitteet 2021",
        "review [sv] · title: Kultur- och fritidssektorn: strategiska mål 2021",
        "review · year: 2021",
        "review · language: fi",
        "review · translations: sv",
        "review · periods: Q1",
        "review · periods: Q2",
        "review · periods: Q3",
    ]
    # a translation follows its field, a status's fields come before the goals
    assert (
        lines.index("status Toteutuu · label: Toteutuu")
        < lines.index("status Toteutuu [sv] · label: Uppfylls")
        < lines.index("status Toteutuu · color: green")
        < lines.index(
            "goal palvelustrategia · objective: Palveluja parannetaan asiakaskokemuksen perusteella"
        )
    )
    goal = [line for line in lines if line.startswith("goal harrastaminen")]
    assert goal == [
        "goal harrastaminen · theme: Kestävän kasvun turvaaminen on kaupungin keskeisin tehtävä",
        "goal harrastaminen [sv] · theme: Att trygga en hållbar tillväxt är stadens viktigaste "
        "uppgift",
        "goal harrastaminen · objective: Koko kaupunki on oppimisen ja kansalaistoiminnan paikka",
        "goal harrastaminen [sv] · objective: Hela staden är en plats för lärande och "
        "medborgarverksamhet",
        "goal harrastaminen · binding: true",
        "goal harrastaminen · Q1 · status: Toteutuu",
        "goal harrastaminen · Q2 · status: Toteutuu osittain",
        "goal harrastaminen · Q3 · status: Toteutuu",
        "goal harrastaminen · Q3 · forecast: 100 %",
        "goal harrastaminen · Q3 [sv] · forecast: 100 %",
        "goal harrastaminen · Q3 · comment: Ensimmäinen vaihe loppuu vuoden lopussa.",
        "goal harrastaminen · Q3 · comment: Palautteet kerätty keväältä.",
        "goal harrastaminen · Q3 [sv] · comment: Den första fasen avslutas vid årets slut.",
        "goal harrastaminen · Q3 [sv] · comment: Respons har samlats in under våren.",
    ]
    assert facts(BILINGUAL, tmp_path) == lines  # the same every time


def test_text_from_the_file_is_cleaned(tmp_path):
    hostile = edit(BASE, 'theme = "Maailman toimivin kaupunki"', 'theme = "A\\u001b[2JB\\u202eC"')
    lines = facts(hostile, tmp_path)
    assert "goal palvelustrategia · theme: A[2JBC" in lines
    assert not any(CONTROL.search(line) for line in lines)


def test_an_invalid_file_is_shown_as_it_is_and_never_fails(tmp_path):
    broken = edit(BASE, "year = 2021", "year = true").encode() + b"\xff\n"
    path = tmp_path / "r.toml"
    path.write_bytes(broken)
    result = subprocess.run(
        [goaltui_script(), "textconv", "--lang", "en", str(path)], capture_output=True, check=False
    )
    assert (result.returncode, result.stdout) == (0, broken)
    assert re.fullmatch(
        rf"goaltui textconv: {re.escape(str(path))} is not a valid review, so it is shown as it "
        r"is: not valid UTF-8: .*\n",
        result.stderr.decode(),
    )
    missing = run("textconv", tmp_path / "nope.toml", "--lang", "en", cwd=tmp_path)
    assert (missing.returncode, missing.stdout) == (0, "")
    assert missing.stderr.startswith("goaltui textconv: ")


def test_done_when_git_log_p_shows_the_change_as_goal_lines(repo):
    repo.write(".gitattributes", "*.toml diff=goaltui\n")
    repo.git("config", "diff.goaltui.textconv", f"{goaltui_script()} textconv")
    repo.write("data/kuva-2021.toml", SEED.read_text(encoding="utf-8"))
    repo.commit("Arviointi 2021")
    repo.write("data/kuva-2021.toml", palvelustrategia_partly(SEED.read_text(encoding="utf-8")))
    unstaged = repo.git("diff")
    repo.commit("Q3: palvelustrategia toteutuu osittain")
    expected = [
        "-goal palvelustrategia · Q3 · status: Toteutuu",
        "-goal palvelustrategia · Q3 · forecast: 100 %",
        "+goal palvelustrategia · Q3 · status: Toteutuu osittain",
        "+goal palvelustrategia · Q3 · forecast: 80 %",
    ]
    for shown in (unstaged, repo.git("log", "-p", "-1"), repo.git("show", "HEAD")):
        assert changed_lines(shown) == expected
    # and the first commit: every fact added, none of them TOML
    first = repo.git("log", "-p", "--reverse", "--format=%s").split("Q3: palvelustrategia")[0]
    assert "+goal palvelustrategia · Q3 · status: Toteutuu" in first.splitlines()
    assert "+[[goals]]" not in first


def test_the_stable_order_keeps_a_change_to_one_line(repo, tmp_path):
    repo.write(".gitattributes", "*.toml diff=goaltui\n")
    repo.git("config", "diff.goaltui.textconv", f"{goaltui_script()} textconv")
    repo.write("r.toml", BASE)
    repo.commit("first")
    repo.write(
        "r.toml",
        edit(BASE, "Palautteet kerätty keväältä.", "Palautteet kerätty keväältä ja syksyltä."),
    )
    assert changed_lines(repo.git("diff")) == [
        "-goal harrastaminen · Q3 · comment: Palautteet kerätty keväältä.",
        "+goal harrastaminen · Q3 · comment: Palautteet kerätty keväältä ja syksyltä.",
    ]
