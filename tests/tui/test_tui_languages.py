"""The app in the reviewer's language: every word from the catalogues, and the switch between
the review's languages ("t"), with comments written in the language shown.

The pseudo-language (tests/pseudolocale.py) marks every word of goaltui's; on a review whose
texts are marked too, a word on screen without the marks bypassed the catalogues.
"""

from __future__ import annotations

import re
from pathlib import Path

from pseudolocale import LOOKALIKE, marked_review, pseudo, unmarked
from textual.widgets import TextArea

from goaltui.files import recovery
from goaltui.files.document import Document
from goaltui.files.loading import load
from goaltui.review.merge import Conflict, Merge
from goaltui.review.session import Edit
from goaltui.tui.app import GoalApp, remappable
from goaltui.tui.dialogs.choice_dialog import ChoiceDialog
from goaltui.tui.dialogs.comment_editor import CommentEditor
from goaltui.tui.dialogs.confirm_dialog import ConfirmDialog
from goaltui.tui.dialogs.conflict_dialog import ConflictDialog
from goaltui.tui.dialogs.forecast_dialog import ForecastDialog
from goaltui.tui.dialogs.help_dialog import HelpDialog
from goaltui.tui.dialogs.quit_dialog import QuitDialog
from goaltui.tui.dialogs.summary_dialog import SummaryDialog
from goaltui.tui.keymap import binding_ids

KUVA = "kuva-2021.toml"
MARKED = "marked.toml"
SERVICE = "palvelustrategia"  # the first goal of kuva-2021.toml
SV_OBJECTIVE = "Tjänsterna förbättras utifrån kundupplevelsen"
FI_OBJECTIVE = "Palveluja parannetaan asiakaskokemuksen perusteella"

# Words on screen that are no words of goaltui's: keys, the file's name, the language codes
# (the header's "[qps]", the untranslated mark "[fi]"), and the ids keys are remapped by.
KEY_WORDS = {"space", "ctrl", "c", "f", "z", "y", "s", "q", "d", "a", "esc", "del", "h", "j"}
KEY_WORDS |= {"k", "l", "n", "r", "m", "o", "w", "t", "p", "i", "N", "Esc", "Enter", "Tab"}
KEY_WORDS |= {"pgdn", "pgup", "home", "end", "tab", "shift"}
FILE_WORDS = {"marked", "toml", "config", "goaltui", "keymap", "fi", "sv", "qps"}
GLYPHS = {"X"}  # a ticked checkbox


def allowed() -> set[str]:
    ids = {word for name in binding_ids(remappable()) for word in re.findall(r"[a-z]+", name)}
    return KEY_WORDS | FILE_WORDS | GLYPHS | ids


def bypassed(screen: str) -> list[str]:
    """The words on ``screen`` that bypassed the catalogues. The middle lines of a marked
    text wrapped over three or more lines carry no mark; its words are the look-alike
    letters, and the Finnish and Swedish letters that have none."""
    marked = set(LOOKALIKE) | set("äöåÄÖÅ")
    return [
        found
        for found in unmarked(screen, allowed())
        if not set(found.partition(": ")[2]) <= marked
    ]


def marked_kuva(folder: Path) -> str:
    source = (folder / KUVA).read_text(encoding="utf-8")
    (folder / MARKED).write_text(marked_review(source), encoding="utf-8")
    return MARKED


def test_every_word_the_app_shows_comes_from_the_catalogue(kit, pseudo_catalogue, monkeypatch):
    """Main screen, help, editors, every dialog, the palette and notifications, in qps."""
    monkeypatch.setenv("GOALTUI_PSEUDO", str(pseudo_catalogue))
    app = GoalApp([Document.open(Path(marked_kuva(kit.folder)))], language="qps")
    seen: dict[str, str] = {}

    def look(where: str) -> None:
        screen = kit.screen_text(app)
        seen[where] = screen
        found = bypassed(screen)
        assert found == [], f"{where}: {found}\n{screen}"

    async def scenario(pilot):
        look("main screen")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpDialog)
        look("help")
        await pilot.press("escape")

        await pilot.press("c")
        assert isinstance(app.screen, CommentEditor)
        look("comment editor")
        await kit.type(pilot, " 1")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmDialog)
        look("confirm")
        await pilot.press("y")

        await pilot.press("f")
        assert isinstance(app.screen, ForecastDialog)
        look("forecast")
        await pilot.press("escape")

        await pilot.press("space", "q")
        assert isinstance(app.screen, QuitDialog)
        look("quit")
        await pilot.press("escape")

        await pilot.press("ctrl+s")
        await kit.settle(pilot)
        assert isinstance(app.screen, SummaryDialog)
        look("summary")
        await pilot.press("escape")

        screen = kit.review_screen(app)
        doc = app.documents[0]
        screen.files.ask_about_disk(doc)
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        look("choice: changed on disk")
        await pilot.press("escape")

        goal = doc.review.goals[0].id
        conflict = Conflict(goal, doc.review.periods[0], "comment", "1", "2", "sv")
        lost = Edit(goal, doc.review.periods[0], "status", None, "3")
        app.push_screen(ConflictDialog(doc.name, Merge([], [conflict], [(lost, "status")])))
        await pilot.pause()
        look("conflict")
        await pilot.press("escape")

        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        look("command palette")
        await pilot.press("escape")

        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
        look("the status line, after undo")
        assert pseudo("Nothing to undo") in seen["the status line, after undo"]
        await pilot.press("ctrl+y", "ctrl+y", "ctrl+y", "9", "ctrl+c")
        await pilot.pause()
        look("notifications")
        shown = seen["notifications"].replace("\n", " ")
        for said in ("Nothing to redo", "Do you want to quit?"):
            assert pseudo(said) in shown

    kit.run(app, scenario, notifications=True)


def test_t_switches_the_texts_and_the_words_between_the_reviews_languages(kit):
    app = kit.app(KUVA)

    async def scenario(pilot):
        screen = kit.screen_text(app)
        assert FI_OBJECTIVE[:30] in screen and "Kommentti" in screen and "[fi]" in screen
        assert "Toteutuu osittain" in kit.detail(app) or "Toteutuu" in kit.detail(app)

        await pilot.press("t")
        screen = kit.screen_text(app)
        assert SV_OBJECTIVE[:30] in screen and FI_OBJECTIVE[:30] not in screen
        assert "Kultur- och fritidssektorn: strategis" in kit.header(app)
        assert "aktuell period" in kit.header(app) and "[sv]" in kit.header(app)
        assert "Kommentar" in screen and "Spara" in screen and "Avsluta" in screen
        assert "Uppfylls" in kit.detail(app)  # the status label in Swedish
        assert "Servicehelheterna arbetar" in kit.detail(app)  # the Q3 comment in Swedish
        legend = kit.lines(kit.table(app))[-2:]  # under the table: every mark, in Swedish
        assert "bindande" in " ".join(legend) and "sitova" not in " ".join(legend)

        await pilot.press("t")  # and back: fi, sv, fi...
        screen = kit.screen_text(app)
        assert FI_OBJECTIVE[:30] in screen and "Kommentti" in screen

    kit.run(app, scenario)


def test_a_text_the_file_has_not_in_the_language_shown_is_marked_with_its_own(kit, workdir):
    path = workdir / KUVA
    text = path.read_text(encoding="utf-8")
    text = text.replace(f'objective = "{SV_OBJECTIVE}"\n', "", 1)
    path.write_text(text, encoding="utf-8")
    app = kit.app(KUVA)

    async def scenario(pilot):
        await pilot.press("t")
        assert f"[fi] {FI_OBJECTIVE[:30]}" in kit.screen_text(app)  # a mark, not a colour
        assert f"[fi] {FI_OBJECTIVE}" in kit.detail(app)

    kit.run(app, scenario)


def test_a_comment_written_while_swedish_is_shown_goes_to_the_periods_sv_table(kit, workdir):
    app = kit.app(KUVA)
    doc = app.documents[0]
    main = doc.review.goal(SERVICE).entry("Q3").comment

    async def scenario(pilot):
        await pilot.press("t", "c")
        assert isinstance(app.screen, CommentEditor)
        area = app.screen.query_one(TextArea)
        assert area.text.startswith("Servicehelheterna arbetar")  # the Swedish comment
        assert "Språk: svenska" in kit.screen_text(app)
        await kit.type(pilot, " Tillägg.")
        await pilot.press("ctrl+s")

        def swedish() -> str:
            return doc.review.goal(SERVICE).entry("Q3").translated["sv"].texts["comment"]

        assert swedish().endswith("november. Tillägg.")
        assert doc.review.goal(SERVICE).entry("Q3").comment == main
        journal = recovery.read(workdir / KUVA)
        assert journal is not None
        assert [(e.field, e.language) for e in journal.edits] == [("comment", "sv")]

        await pilot.press("ctrl+z")  # undone like any edit
        assert swedish().endswith("november.")
        await pilot.press("ctrl+y", "ctrl+s")
        await kit.settle(pilot)

    kit.run(app, scenario)
    saved = load(workdir / KUVA).review.goal(SERVICE).entry("Q3")
    assert saved.comment == main  # the Finnish comment as it was
    assert saved.translated["sv"].texts["comment"].endswith("november. Tillägg.")
    text = (workdir / KUVA).read_text(encoding="utf-8")
    table = text[text.index("[goals.periods.Q3.sv]") :]
    assert table.index("Tillägg.") < table.index("[[goals]]")  # under [goals.periods.Q3.sv]


def test_the_command_palette_speaks_the_apps_language(kit):
    app = GoalApp([Document.open(Path(KUVA))], language="sv")

    async def scenario(pilot):
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        assert "Sök kommandon…" in kit.screen_text(app)
        for word in ("Avsluta", "Tema", "Skärmbild", "Tangenter", "Språk"):
            await pilot.press(*word[:3].lower())  # the palette lists what its search finds
            await pilot.pause(0.3)
            assert word in kit.screen_text(app)
            for _ in range(3):
                await pilot.press("backspace")
        screen = kit.screen_text(app)
        for english in ("Search", "Quit", "Theme", "Screenshot", "Keys"):
            assert english not in screen

    kit.run(app, scenario)


def test_every_keys_description_is_translated():
    """What the footer and the help say of a key is a catalogue message, in fi and sv."""
    import goaltui.tui.app  # noqa: F401  (every screen, dialog and widget with keys)
    from goaltui.language import catalogue
    from goaltui.tui.keys import Keyed

    def classes(cls: type) -> list[type]:
        return [cls, *(c for sub in cls.__subclasses__() for c in classes(sub))]

    descriptions = {
        binding.description
        for cls in classes(Keyed)
        for binding in vars(cls).get("BINDINGS", [])
        if binding.description
    }
    assert {"Comment", "Save", "Quit", "Language", "Move down"} <= descriptions
    for code in ("fi", "sv"):
        messages = catalogue(code)._.__self__._catalog  # the compiled catalogue's messages
        untranslated = sorted(d for d in descriptions if not messages.get(d))
        assert untranslated == [], code
