"""The minutes say why: the Markdown summary carries each goal's comment of the period."""

from __future__ import annotations

from pathlib import Path

from goaltui.files.loading import load
from goaltui.outputs.markdown import summary_markdown
from goaltui.outputs.summary import summarize

DATA = Path(__file__).resolve().parents[1] / "data"


def test_the_markdown_summary_carries_each_comment_of_the_period():
    path = DATA / "kuva-2021.toml"
    review = load(path).review
    text = summary_markdown([summarize(review, path, "Q3", "fi")])
    section = text.split("### Kommentit (Q3)\n", 1)[1].split("\n### ", 1)[0]
    assert (
        "- `palvelustrategia` Palveluja parannetaan asiakaskokemuksen perusteella: ● Toteutuu"
        in section
    )
    assert "  Palvelukokonaisuudet ovat parhaillaan työstämässä työnjakokuvauksia\\." in section
    assert section.count("\n- `") + section.startswith("- `") == 3


def test_each_line_of_a_comment_is_kept_and_text_stays_literal():
    path = DATA / "example-en.toml"
    review = load(path).review
    summary = summarize(review, path, "Q2", "en")
    text = summary_markdown([summary])
    section = text.split("### Comments (Q2)\n", 1)[1].split("\n### ", 1)[0]
    assert "  Volunteer recruitment is behind plan: 41 of the 70 volunteers" in section
    assert "  A second recruitment campaign with the university's student union" in section
    assert len(summary.comments) == section.count("- `")


def test_a_period_without_comments_has_no_comments_section():
    path = DATA / "example-en.toml"
    summary = summarize(load(path).review, path, "Q4", "en")
    assert summary.comments == []
    assert "### Comments" not in summary_markdown([summary])
