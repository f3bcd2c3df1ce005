"""Texts in other languages (docs/format.md, "Translations"): every rule with the message a
maintainer reads and where it points, a text as the model gives it in a language, the canonical
layout of language tables, and what ``goaltui check`` says of a missing translation.

The tests change one thing in ``BILINGUAL`` (``BASE`` with every text in Swedish too) and look
for the message at the line of the changed text.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from reviewfiles import BASE, BILINGUAL, DATA, copy_data, edit, line_of, run, write

from goaltui.files import canonical
from goaltui.files.canonical import Rendered, render, render_from
from goaltui.files.checks import check_file
from goaltui.files.loading import load, load_text
from goaltui.files.problems import ReviewError, SaveError
from goaltui.language import set_default
from goaltui.review.model import Goal, Localized, Review, Status, Translation

TRANSLATIONS = 'translations = [\n    "sv",\n]\n'
SV_LINKS = 'links = [\n    "Delaktighet",\n    "Levande stadsdelar",\n]\n'
FIRST_LINKS = 'links = [\n    "Osallisuus",\n    "Elävät kaupunginosat",\n]\n'
GOAL_SV = (
    '[goals.sv]\ntheme = "Världens bäst fungerande stad"\n'
    'objective = "Tjänsterna förbättras utifrån kundupplevelsen"\n'
)


def problems(folder: Path, text: str) -> list[str]:
    """The problems of a file holding ``text``, as printed: it must not load."""
    path = write(folder, text)
    with pytest.raises(ReviewError) as caught:
        load(path)
    return [str(problem) for problem in caught.value.problems]


def checked(folder: Path, text: str) -> list[str]:
    """What ``goaltui check`` prints for a file holding ``text``."""
    return [str(problem) for problem in check_file(write(folder, text))]


def at(folder: Path, line: int, message: str, col: int = 1, kind: str = "error") -> str:
    return f"{folder / 'review.toml'}:{line}:{col}: {kind}: {message}"


def changed_lines(old: str, new: str) -> tuple[list[str], list[str]]:
    """The lines a diff of ``old`` and ``new`` removes, and those it adds."""
    diff = list(difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0))
    removed = [line[1:] for line in diff[2:] if line.startswith("-")]
    return removed, [line[1:] for line in diff[2:] if line.startswith("+")]


def reviewed(text: str) -> Review:
    return load_text(Path("review.toml"), text).review


# -- review.translations ---------------------------------------------------------------------


def with_translations(codes: str) -> str:
    return edit(BILINGUAL, TRANSLATIONS, f"translations = [\n{codes}]\n")


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("de", '"de" is not a language goaltui speaks: fi, sv, en'),
        ("fi", '"fi" is the language of the main texts (review.language)'),
        ("title", '"title" is the name of a field, not a language code'),
        ("sv", 'language "sv" appears twice'),
    ],
    ids=["not spoken", "the main language", "a field's name", "twice"],
)
def test_a_language_of_review_translations_is_one_goaltui_speaks_besides_the_main_one(
    tmp_path, code, message
):
    text = with_translations(f'    "sv",\n    "{code}",\n')
    line = line_of(text, f'    "{code}",', 2 if code == "sv" else 1)
    assert problems(tmp_path, text) == [
        at(tmp_path, line, f"review.translations[1]: {message}", col=5)
    ]


@pytest.mark.parametrize("value", ['"sv"', "[1]", "{ sv = true }"])
def test_review_translations_is_a_list_of_codes(tmp_path, value):
    text = edit(BILINGUAL, TRANSLATIONS, f"translations = {value}\n")
    found = problems(tmp_path, text)
    line = line_of(text, "translations = ")
    assert found[0] == at(
        tmp_path, line, 'review.translations: must be a list of language codes, such as ["sv"]'
    )


def test_a_file_with_translations_says_the_language_of_its_main_texts(tmp_path):
    text = edit(BILINGUAL, 'language = "fi"\n', "")
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            line_of(text, "translations = "),
            "review.translations: a review with translations names the language of its main "
            "texts in review.language",
        )
    ]


def test_no_translations_and_an_empty_list_mean_the_same(tmp_path):
    empty = edit(BASE, 'language = "fi"\n', 'language = "fi"\ntranslations = []\n')
    assert reviewed(empty).translations == ()
    assert reviewed(BASE).translations is None
    assert checked(tmp_path, empty) == []


# -- language tables -------------------------------------------------------------------------


def test_a_language_table_needs_its_language_in_review_translations(tmp_path):
    text = edit(BASE, FIRST_LINKS, FIRST_LINKS + "\n" + GOAL_SV)
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            line_of(text, "[goals.sv]"),
            'goals[id=palvelustrategia].sv: texts in "sv", but [review] has no '
            'translations = ["sv"]',
        )
    ]


def test_a_language_table_of_another_language_than_the_declared_ones(tmp_path):
    text = edit(
        BILINGUAL,
        '[goals.sv]\ntheme = "Tjänster',
        '[goals.en]\ntheme = "Services"\n\n[goals.sv]\ntheme = "Tjänster',
    )
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            line_of(text, "[goals.en]"),
            'goals[id=liikkeelle].en: texts in "en", which review.translations does not list (sv)',
        )
    ]


def test_a_language_table_in_the_main_language(tmp_path):
    text = edit(BILINGUAL, "[review.sv]", '[review.fi]\ntitle = "Kulttuuri"\n\n[review.sv]')
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            line_of(text, "[review.fi]"),
            'review.fi: texts in "fi", the language of the main texts: write them in the main '
            "fields",
        )
    ]


def test_a_language_table_that_is_not_a_table(tmp_path):
    text = edit(
        BILINGUAL, '\n[review.sv]\ntitle = "Kultur- och fritidssektorn: strategiska mål 2021"\n', ""
    )
    text = edit(text, 'current = "Q3"\n', 'current = "Q3"\nsv = "Kultur- och fritidssektorn"\n')
    assert problems(tmp_path, text) == [
        at(tmp_path, line_of(text, "sv = "), "review.sv: must be a table, not a string")
    ]


def test_a_table_named_by_a_language_goaltui_does_not_speak_is_an_unknown_key_kept(tmp_path):
    text = edit(BASE, FIRST_LINKS, FIRST_LINKS + '\n[goals.de]\nobjective = "Dienste"\n')
    review = reviewed(text)
    assert review.goals[0].extra == {"de": {"objective": "Dienste"}}
    assert review.goals[0].translated == {}
    assert '[goals.de]\nobjective = "Dienste"\n' in render(review, Path("review.toml"))


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        (
            'objective = "Tjänsterna förbättras utifrån kundupplevelsen"',
            "objective = 7",
            "goals[id=palvelustrategia].sv.objective",
            "must be a string, not an integer",
        ),
        (
            SV_LINKS,
            'links = ["Delaktighet", 1]\n',
            "goals[id=palvelustrategia].sv.links",
            "must be a list of strings",
        ),
        (
            'forecast = "100 %"\ncomment = "Servicehelheterna',
            'forecast = 100\ncomment = "Servicehelheterna',
            "goals[id=palvelustrategia].periods.Q3.sv.forecast",
            'must be a string: write it in quotes, e.g. forecast = "100"',
        ),
        (
            'comment = "Servicehelheterna arbetar med beskrivningar av arbetsfördelningen."',
            "comment = true",
            "goals[id=palvelustrategia].periods.Q3.sv.comment",
            "must be a string, not a boolean",
        ),
        (
            'title = "Kultur- och fritidssektorn: strategiska mål 2021"',
            'title = ["Kultur"]',
            "review.sv.title",
            "must be a string, not an array",
        ),
        (
            'label = "Uppfylls delvis"',
            'label = " "',
            "review.statuses[label=Toteutuu osittain].sv.label",
            "must not be empty",
        ),
    ],
    ids=["objective", "links", "forecast", "comment", "title", "empty label"],
)
def test_a_text_of_the_wrong_type_in_a_language_table(tmp_path, old, new, field, message):
    text = edit(BILINGUAL, old, new)
    line = line_of(text, new.splitlines()[0])
    assert problems(tmp_path, text) == [at(tmp_path, line, f"{field}: {message}")]


def test_two_translated_labels_of_one_language_must_differ(tmp_path):
    text = edit(BILINGUAL, 'label = "Uppfylls delvis"', 'label = "Uppfylls"')
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            line_of(text, 'label = "Uppfylls"', 2),
            'review.statuses[label=Toteutuu osittain].sv.label: "Uppfylls" is already the "sv" '
            'label of status "Toteutuu"; the labels of one language must differ',
        )
    ]


def test_status_values_are_the_main_labels_never_the_translated_ones(tmp_path):
    text = edit(
        BILINGUAL,
        '[goals.periods.Q2]\nstatus = "Toteutuu osittain"',
        '[goals.periods.Q2]\nstatus = "Uppfylls delvis"',
    )
    assert problems(tmp_path, text) == [
        at(
            tmp_path,
            line_of(text, 'status = "Uppfylls delvis"'),
            'goals[id=harrastaminen].periods.Q2.status: unknown status "Uppfylls delvis"; '
            'statuses are "Toteutuu", "Toteutuu osittain", "Ei toteudu"',
        )
    ]


def test_a_field_that_is_no_text_in_a_language_table_is_a_warning_and_is_kept(tmp_path):
    text = edit(
        BILINGUAL,
        SV_LINKS,
        SV_LINKS + "binding = true\n",
    )
    assert checked(tmp_path, text) == [
        at(
            tmp_path,
            line_of(text, "binding = true"),
            'goals[id=palvelustrategia].sv.binding: "binding" is not a text to translate: give '
            "it once, in the table this one translates (kept as is)",
            kind="warning",
        )
    ]
    review = reviewed(text)
    assert review.goals[0].binding is False
    assert render(review, Path("review.toml")) == text


def test_unknown_keys_in_a_language_table_are_kept_in_the_order_read(tmp_path):
    text = edit(
        BILINGUAL,
        SV_LINKS,
        SV_LINKS + 'objektive = "Tjänster"\n"översättare" = "Anna"\n',
    )
    assert checked(tmp_path, text) == [
        at(
            tmp_path,
            line_of(text, "objektive = "),
            'goals[id=palvelustrategia].sv.objektive: unknown key "objektive" (kept as is); '
            'did you mean "objective"?',
            kind="warning",
        )
    ]
    translation = reviewed(text).goals[0].translated["sv"]
    assert translation.extra == {"objektive": "Tjänster", "översättare": "Anna"}
    assert render(reviewed(text), Path("review.toml")) == text


# -- the model: a text in a language ---------------------------------------------------------


def test_a_text_in_a_language_is_its_translation_or_the_main_text_marked():
    review = reviewed(BILINGUAL)
    goal = review.goals[2]  # liikkeelle: objective and theme in Swedish, no description
    assert goal.text("objective", "sv") == Localized(
        "I Helsingfors är det lätt och lockande att börja röra på sig", untranslated=False
    )
    assert goal.text("objective", "en") == Localized(goal.objective, untranslated=True)
    assert goal.text("objective") == (goal.objective, False)
    assert goal.text("description", "sv") == (None, False)  # nothing to translate
    assert review.goals[0].links_in("sv") == (("Delaktighet", "Levande stadsdelar"), False)
    assert review.goals[1].links_in("sv") == (None, False)
    entry = review.goals[0].entry("Q3")
    assert entry.text("comment", "sv").text.startswith("Servicehelheterna")
    assert review.goals[2].entry("Q2").text("comment", "sv") == (None, False)
    assert review.text("title", "sv") == ("Kultur- och fritidssektorn: strategiska mål 2021", False)
    assert review.statuses[2].text("label", "sv") == ("Uppfylls inte", False)
    assert review.statuses[2].text("label", "en") == ("Ei toteudu", True)


def test_which_language_to_ask_texts_in():
    review = reviewed(BILINGUAL)
    assert [review.translation_for(code) for code in ("fi", "sv", "en")] == [None, "sv", "en"]
    english = Review("Review", ("Q1",), (Status("Done"),))
    assert english.main_language == "en" and english.translation_for("en") is None


def test_a_translated_comment_is_set_and_cleared_in_its_language_table():
    goal = Goal("g", "Tavoite", periods={})
    swedish = goal.with_value("Q1", "comment", "Kommentar", language="sv")
    assert swedish.entry("Q1").comment is None
    assert swedish.entry("Q1").translated == {"sv": Translation({"comment": "Kommentar"})}
    assert swedish.entry("Q1").text("comment", "sv") == ("Kommentar", False)
    both = swedish.with_value("Q1", "forecast", "90 %", language="sv")
    assert both.entry("Q1").translated["sv"].texts == {"comment": "Kommentar", "forecast": "90 %"}
    # the last text of the only language table gone, the empty period goes too
    cleared = swedish.with_value("Q1", "comment", None, language="sv")
    assert cleared.periods is None
    with pytest.raises(ValueError, match="not translated"):
        goal.with_value("Q1", "status", "Toteutuu", language="sv")


# -- the canonical layout --------------------------------------------------------------------

HAND_WRITTEN = """\
[review]
title = "Otsikko"
periods = ["Q1"]
translations = ["sv"]
language = "fi"
sv = { title = "Rubrik" }
statuses = [
  { label = "Kyllä", sv = { label = "Ja" } },
  { label = "Ei", sv = { label = "Nej" }, explain = true },
]

[[goals]]
objective = "Tavoite"
id = "a"
periods.Q1.sv.comment = "Kommentar"
periods.Q1.comment = "Kommentti"
periods.Q1.status = "Ei"
sv.objective = "Mål"
sv.theme = "Tema"
theme = "Teema"
"""

CANONICAL = """\
[review]
title = "Otsikko"
language = "fi"
translations = [
    "sv",
]
periods = [
    "Q1",
]
statuses = [
    { label = "Kyllä", sv = { label = "Ja" } },
    { label = "Ei", explain = true, sv = { label = "Nej" } },
]

[review.sv]
title = "Rubrik"

[[goals]]
id = "a"
theme = "Teema"
objective = "Tavoite"

[goals.sv]
theme = "Tema"
objective = "Mål"

[goals.periods.Q1]
status = "Ei"
comment = "Kommentti"

[goals.periods.Q1.sv]
comment = "Kommentar"
"""


def test_language_tables_come_right_after_the_fields_they_translate(tmp_path):
    path = write(tmp_path, HAND_WRITTEN)
    assert render(load(path).review, path) == CANONICAL
    # [review.sv] before [[review.statuses]], each status's table after its keys, [goals.sv]
    # before the goal's periods, a period's table after its keys:
    assert render(reviewed(BILINGUAL), path) == BILINGUAL


def test_a_bilingual_file_saved_twice_is_byte_identical(tmp_path):
    path = write(tmp_path, HAND_WRITTEN)
    first = render(load(path).review, path)
    path.write_text(first, encoding="utf-8")
    assert render(load(path).review, path) == first
    assert load(path).review == load_text(path, HAND_WRITTEN).review


def test_a_changed_translation_is_saved_incrementally_in_its_lines_only(tmp_path, monkeypatch):
    path = write(tmp_path, BILINGUAL)
    source = load(path)
    review = source.review
    before = Rendered.as_read(source.text, review)
    goal = review.goal("harrastaminen")
    review.replace_goal(goal.with_value("Q3", "comment", "Första fasen avslutas.", "sv"))

    def no_full_render(*_args: object) -> Rendered:
        raise AssertionError("the whole review was rendered again")

    monkeypatch.setattr(canonical, "_render_all", no_full_render)
    after = render_from(review, path, before)
    monkeypatch.undo()
    assert after.text == render(review, path)
    assert changed_lines(BILINGUAL, after.text) == (
        [
            'comment = """',
            "Den första fasen avslutas vid årets slut.",
            'Respons har samlats in under våren."""',
        ],
        ['comment = "Första fasen avslutas."'],
    )


def test_the_incremental_save_reads_back_the_translations_it_writes(tmp_path, monkeypatch):
    path = write(tmp_path, BILINGUAL)
    source = load(path)
    review = source.review
    before = Rendered.as_read(source.text, review)
    goal = review.goal("liikkeelle")
    review.replace_goal(goal.with_value("Q2", "comment", "Enligt planen.", "sv"))
    written = canonical.goal_chunks

    def lossy(tables: list[dict[str, object]]) -> list[str]:
        return [chunk.replace("Enligt planen.", "Enligt plan.") for chunk in written(tables)]

    monkeypatch.setattr(canonical, "goal_chunks", lossy)
    with pytest.raises(SaveError, match="would not read back as the same data"):
        render_from(review, path, before)


# -- goaltui check ---------------------------------------------------------------------------


def test_check_has_nothing_to_say_of_a_file_with_every_text_translated(tmp_path):
    assert checked(tmp_path, BILINGUAL) == []


def test_check_warns_once_per_text_without_its_translation_at_the_main_text(tmp_path):
    text = edit(BILINGUAL, 'title = "Kultur- och fritidssektorn: strategiska mål 2021"\n', "")
    text = edit(text, 'description = "Målet uppfylls delvis"\n', "")
    text = edit(text, SV_LINKS, "")
    text = edit(
        text, 'comment = "Servicehelheterna arbetar med beskrivningar av arbetsfördelningen."\n', ""
    )
    text = edit(
        text, 'objective = "I Helsingfors är det lätt och lockande att börja röra på sig"\n', ""
    )
    missing = "warning: {}: no Swedish (sv) text"
    found = [line.split(":", 3)[1:] for line in checked(tmp_path, text)]
    assert found == [
        [str(line_of(text, where)), "1", " " + missing.format(field)]
        for where, field in [
            ('title = "Kulttuurin', "review.title"),
            (
                'description = "Tavoite toteutuu osittain"',
                "review.statuses[label=Toteutuu osittain].description",
            ),
            ("links = [", "goals[id=palvelustrategia].links"),
            ('comment = "Palvelukokonaisuudet', "goals[id=palvelustrategia].periods.Q3.comment"),
            ('objective = "Helsingissä', "goals[id=liikkeelle].objective"),
        ]
    ]


def test_check_names_a_missing_translation_in_the_language_of_its_messages(tmp_path):
    text = edit(BILINGUAL, 'title = "Kultur- och fritidssektorn: strategiska mål 2021"\n', "")
    set_default("fi")
    assert checked(tmp_path, text) == [
        at(tmp_path, 2, "review.title: ruotsinkielinen teksti puuttuu (sv)", kind="warning")
    ]
    set_default("sv")
    assert checked(tmp_path, text) == [
        at(tmp_path, 2, "review.title: svensk text saknas (sv)", kind="warning")
    ]


def test_the_helsinki_review_has_every_text_in_swedish_too(tmp_path):
    folder = copy_data(tmp_path)
    result = run("check", "data", cwd=tmp_path)
    assert result.returncode == 0
    assert [line for line in result.stdout.splitlines() if "kuva-2021" in line] == []
    source = (folder / "kuva-2021.toml").read_text(encoding="utf-8")
    swedish = 'objective = "I Helsingfors är det lätt och lockande att börja röra på sig"\n'
    (folder / "kuva-2021.toml").write_text(edit(source, swedish, ""), encoding="utf-8")
    result = run("check", "data/kuva-2021.toml", cwd=tmp_path)
    line = line_of(source, 'objective = "Helsingissä on helppoa')
    assert result.stdout.splitlines() == [
        f"data/kuva-2021.toml:{line}:1: warning: goals[id=liikkeelle].objective: no Swedish (sv) "
        "text"
    ]


def test_the_english_example_warns_about_each_text_it_has_no_finnish_for(tmp_path):
    copy_data(tmp_path)
    result = run("check", "--today", "2026-10-01", "data/example-en.toml", cwd=tmp_path)
    lines = result.stdout.splitlines()
    untranslated = [line for line in lines if line.endswith(": no Finnish (fi) text")]
    review = load(DATA / "example-en.toml").review
    translated = [goal.id for goal in review.goals if goal.translated]
    assert translated == ["reading-buddies", "library-visits", "self-service-hours"]
    assert not any(f"[id={goal}]" in line for goal in translated for line in untranslated)
    assert len(untranslated) == sum(
        1
        for goal in review.goals
        if not goal.translated
        for table in (goal, *(goal.periods or {}).values())
        for name in table.TEXTS
        if getattr(table, name) and name not in table.translated.get("fi", Translation()).texts
    )
    # and the three unexplained statuses, the contradiction and the actions missing
    assert len(lines) == len(untranslated) + 5
