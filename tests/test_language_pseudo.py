"""The pseudo-language: every catalogue word marked; the check that finds words left unmarked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pseudolocale import LOOKALIKE, marked_review, unmarked
from pseudolocale import pseudo as mark
from reviewfiles import DATA, clean_env
from rich.cells import cell_len

from goaltui.files.loading import load_text
from goaltui.language import catalogue
from goaltui.language.labels import _MESSAGES


def test_every_catalogue_message_comes_back_marked(pseudo):
    w = catalogue(pseudo)
    assert w._("Goals") == "⟦Ġȯȧḷṡ⟧"
    assert w.pgettext("followed by a period's name", "in") == "⟦ịṅ⟧"
    for message in _MESSAGES.values():
        shown = w._(message) if isinstance(message, str) else w.pgettext(*message)
        assert shown.startswith("⟦") and shown.endswith("⟧") and unmarked(shown) == []


def test_placeholders_and_plural_forms_are_kept(pseudo):
    w = catalogue(pseudo)
    assert w.ngettext("{n} goal", "{n} goals", 1).format(n=1) == "⟦1 ġȯȧḷ⟧"
    assert w.ngettext("{n} goal", "{n} goals", 2).format(n=2) == "⟦2 ġȯȧḷṡ⟧"
    shown = w._("{goals} ({binding})").format(goals="a", binding="b")
    assert shown == "⟦a (b)⟧"
    assert mark("%(name)s and %d %%") == "⟦%(name)s ȧṅḋ %d %%⟧"


def test_a_message_missing_from_the_catalogues_stays_unmarked(pseudo):
    # such as one passed through _() as a variable, which the extractor never saw
    assert catalogue(pseudo)._("Not in any catalogue") == "Not in any catalogue"


def test_the_look_alike_letters_take_one_cell_each_like_the_letters_they_replace():
    assert len(set(LOOKALIKE)) == 52
    assert all(cell_len(letter) == 1 for letter in LOOKALIKE)
    assert not set(LOOKALIKE) & set("åäöÅÄÖéÉ")  # never a letter of Finnish or Swedish words


def test_a_subprocess_speaks_the_pseudo_language_when_the_environment_names_its_catalogue(
    pseudo, pseudo_catalogue
):
    probe = "from goaltui.language import catalogue; print(catalogue('qps')._('Total'))"
    env = clean_env(GOALTUI_PSEUDO=str(pseudo_catalogue))
    result = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "⟦Ṫȯṫȧḷ⟧"


def test_without_the_switch_there_is_no_pseudo_language():
    with pytest.raises(LookupError):
        catalogue("qps")


@pytest.mark.parametrize(
    "screen",
    [
        "⟦Ġȯȧḷṡ⟧  ⟦Ṡṫȧṫụṡ⟧",
        "12 ⟦ṁȯṙė⟧ · 3/4 ● ◐ ○ ─── │ 90 %",
        "⟦Ṡȧṿėḋ 123.toml⟧",  # data inside a placeholder, on one line
        "⟦⟦1 ġȯȧḷ⟧ (⟦1 ḃịṅḋịṅġ⟧)⟧",  # nested
        "⟦Ḣụȯṁịȯ…",  # cut short
        "⟦Ṗṙėṡṡ ṡȯṁė ḳėẏ\nṫȯ ċȯṅṫịṅụė ȧṅḋ\nṡȧṿė 123.toml⟧",  # wrapped over three lines
    ],
)
def test_a_screen_of_marked_words_digits_and_glyphs_passes(screen):
    assert unmarked(screen) == []


def test_a_word_that_bypassed_the_catalogue_is_found_with_its_line():
    screen = "⟦Ġȯȧḷṡ⟧ Saved\n\n12 ⟦ṁȯṙė⟧ · Esc clears ⟦Ḟịḷṫėṙ⟧"
    assert unmarked(screen) == ["line 1: Saved", "line 3: Esc", "line 3: clears"]


def test_finnish_and_swedish_letters_are_found_too():
    assert unmarked("Tallennettu ⟦Ṫȧḷḷėṅṅėṫṫụ⟧ Sparat ändringar") == [
        "line 1: Tallennettu",
        "line 1: Sparat",
        "line 1: ändringar",
    ]


def test_allowed_words_such_as_key_names_pass():
    assert unmarked("q ⟦Ɋụịṫ⟧  ctrl+p ⟦Ṗȧḷėṫṫė⟧", allowed={"q", "ctrl", "p"}) == []


def test_a_marked_review_loads_and_every_text_of_it_is_marked():
    source = (DATA / "kuva-2021.toml").read_text(encoding="utf-8")
    review = load_text(Path("marked.toml"), marked_review(source)).review
    entries = [entry for goal in review.goals for entry in (goal.periods or {}).values()]
    texts = [
        review.title,
        *review.periods,
        *(status.label for status in review.statuses),
        *(
            text
            for goal in review.goals
            for text in (goal.objective, goal.theme, *(goal.links or ()))
        ),
        *(text for entry in entries for text in (entry.status, entry.comment, entry.forecast)),
    ]
    texts = [text for text in texts if text]
    assert len(texts) > 20
    assert all(text.startswith("⟦") and unmarked(text) == [] for text in texts)
    assert all(goal.id.isdigit() for goal in review.goals)
