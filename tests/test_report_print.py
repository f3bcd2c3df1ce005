"""The HTML reports as a browser prints them: Chromium prints to PDF, poppler counts the pages
and reads the text back. Skipped, saying why, where Chromium or poppler is not installed (CI
installs both: .ci/run)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from reportfiles import YEAR
from reviewfiles import DATA, cli, write

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
POPPLER = shutil.which("pdfinfo") and shutil.which("pdftotext")
pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)"
    ),
    pytest.mark.skipif(not POPPLER, reason="poppler-utils is not installed (pdfinfo, pdftotext)"),
]


def print_pdf(html: Path, pdf: Path) -> None:
    assert CHROMIUM is not None
    profile = pdf.parent / "profile"
    subprocess.run(
        [
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", html.as_uri(),
        ],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    assert pdf.stat().st_size > 0


def pages(pdf: Path) -> tuple[int, tuple[int, int]]:
    """The page count, and the page size in points (rounded)."""
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    lines = info.stdout.splitlines()
    count = next(int(line.split()[1]) for line in lines if line.startswith("Pages:"))
    size = next(line.split() for line in lines if line.startswith("Page size:"))
    return count, (round(float(size[2])), round(float(size[4])))


def page_text(pdf: Path, page: int) -> str:
    args = ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def test_the_seeds_table_prints_on_a4_across_with_its_header_on_every_page(capsys, tmp_path):
    html, pdf = tmp_path / "kuva.html", tmp_path / "kuva.pdf"
    assert cli(capsys, "report", DATA / "kuva-2021.toml", "-o", html)[0] == 0
    print_pdf(html, pdf)
    count, size = pages(pdf)
    assert size == (842, 595)  # A4 across
    assert 1 <= count <= 3
    texts = [page_text(pdf, n) for n in range(1, count + 1)]
    whole = " ".join(" ".join(t.split()) for t in texts)
    for objective in ("Palveluja", "oppimisen,", "houkuttelevaa"):  # a word of each goal
        assert objective in whole
    for n, text in enumerate(texts, start=1):
        assert "Tavoitetaso" in text and "Kytkökset" in text  # the header row on every page
        assert re.search(rf"\b{n}\s*/\s*{count}\s*$", text.strip())  # the page's number


def test_no_goal_is_split_across_pages(capsys, tmp_path):
    # Twelve goals with long comments: many pages, each goal's comment whole on one of them.
    goals = []
    for i in range(12):
        comment = f"Alku{i:02} " + "pitkä selitys " * 60 + f"Loppu{i:02}"
        goals.append(
            f'[[goals]]\nid = "g{i}"\nobjective = "Tavoite {i}"\nbinding = true\n\n'
            f'[goals.periods.Q4]\nstatus = "Ei toteudu"\ncomment = "{comment}"\n'
        )
    text = YEAR.split("[[goals]]")[0] + "\n".join(goals)
    path = write(tmp_path, text)
    for kind in ([], ["--unmet"]):
        html, pdf = tmp_path / "r.html", tmp_path / f"r{len(kind)}.pdf"
        assert cli(capsys, "report", *kind, "--period", "Q4", path, "-o", html)[0] == 0
        print_pdf(html, pdf)
        count, size = pages(pdf)
        assert count >= 2
        assert size == ((595, 842) if kind else (842, 595))  # the paper is upright
        texts = [page_text(pdf, n) for n in range(1, count + 1)]
        for i in range(12):
            where = [text for text in texts if f"Alku{i:02}" in text]
            assert len(where) == 1
            assert f"Loppu{i:02}" in where[0]
