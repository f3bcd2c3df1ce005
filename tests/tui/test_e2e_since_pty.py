"""goaltui --since HEAD~1 in a real pseudo-terminal, in a git repository made for the test: the
two cells a commit changed are marked with Δ, and nothing else is."""

from __future__ import annotations

from gitrepo import Repo
from ptyterminal import Terminal
from reviewfiles import SEED, edit

Q3 = 'status = "Toteutuu"\nforecast = "100 %"\ncomment = "Palvelukokonaisuudet'
PARTLY = 'status = "Toteutuu osittain"\nforecast = "80 %"\ncomment = "Palvelukokonaisuudet'


def test_since_head_1_marks_the_two_changed_cells(repo: Repo):
    repo.write("data/kuva-2021.toml", SEED.read_text(encoding="utf-8"))
    repo.commit("Kulttuurin ja vapaa-ajan toimialan arviointi 2021")
    repo.write("data/kuva-2021.toml", edit(SEED.read_text(encoding="utf-8"), Q3, PARTLY))
    repo.commit("Q3: palvelustrategia toteutuu osittain")
    term = Terminal(["--since", "HEAD~1", "data/kuva-2021.toml"], repo.root)
    try:
        term.wait_for(
            "the header and the table",
            lambda text: "HEAD~1" in text.splitlines()[0] and "Palveluja parannetaan" in text,
        )
        lines = term.text.splitlines()
        assert "Δ HEAD~1 jälkeen" in lines[0]
        header = next(line for line in lines if "Tavoitteet" in line and " Q3 " in line)
        table = lines[lines.index(header) + 1 : lines.index(header) + 7]
        marked = [(y, x) for y, line in enumerate(table) for x, c in enumerate(line) if c == "Δ"]
        row = next(y for y, line in enumerate(table) if "Palveluja parannetaan" in line)
        q3 = header.index(" Q3 ") - 1  # the space before the cell, where its mark goes
        forecast = header.index(" ennuste")
        assert marked == [(row, q3), (row, forecast)], "\n".join(table)
        assert table[row][q3 + 1 : q3 + 3] == " ◐"  # the new status, after its mark
        assert table[row][forecast + 1 :].startswith("80 %")
        term.press("q")
        status = term.wait_for_exit()
    finally:
        term.stop()
    assert status == 0, term.text
