"""Indicators, actions and due dates in the app: the row's "1/2" and its marks, the detail
pane, the indicator editor (numbers in the language, bad ones refused in place, the suggested
status on one key), the actions editor, the header's due date."""

from __future__ import annotations

from goaltui.files.loading import load
from goaltui.review import clock
from goaltui.tui.dialogs.confirm_dialog import ConfirmDialog
from goaltui.tui.dialogs.indicator_dialog import IndicatorDialog

EXAMPLE = "example-en.toml"
KUVA = "kuva-2021.toml"


def test_a_row_shows_its_indicators_met_and_its_marks(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        table = kit.table(app)
        await pilot.pause()
        assert kit.measures(table, "reading-buddies") == "1/1"
        assert kit.measures(table, "library-visits") == "0/1"
        assert kit.measures(table, "museum-class-visits") == "0/1≠"  # On track, 255 of 260
        assert kit.measures(table, "youth-hobbies") == "1/2"
        assert kit.forecast(table, "library-visits") == "1.51 million"
        table.move_to("shared-booking")
        await pilot.pause()
        assert kit.measures(table, "shared-booking") == "⚑"  # Off track, no actions
        assert kit.cell(table, "shared-booking", "Q3") == "○"  # the mark is the column's

    kit.run(app, scenario, size=(160, 50))


def test_the_detail_pane_lists_the_indicators_and_the_actions(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        table = kit.table(app)
        table.move_to("museum-class-visits")
        await pilot.pause()
        detail = kit.detail_whole(app)
        assert (
            "Indicators ✗ Class visits held target ≥ 260 visits forecast 255 visits "
            "actual 238 visits" in detail
        )
        assert "≠ not met: class-visits suggested: ○ Off track" in detail
        table.move_to("culture-pass")
        await pilot.pause()
        detail = kit.detail_whole(app)
        assert "Actions • Schools hand out paper passes in October" in detail
        table.move_to("shared-booking")
        await pilot.pause()
        assert "⚑ needs actions" in kit.detail(app)

    kit.run(app, scenario, size=(160, 60))


def test_the_header_shows_the_due_date_and_the_days_left(kit, monkeypatch):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.pause()
        assert "due 23 Oct 2026 3 days left" in kit.header(app)

    kit.run(app, scenario, size=(160, 40))


def test_the_header_says_overdue(kit, monkeypatch):
    import datetime

    monkeypatch.setattr(clock, "today", lambda: datetime.date(2026, 10, 25))
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        await pilot.pause()
        assert "due 23 Oct 2026 overdue 2 days" in kit.header(app)

    kit.run(app, scenario, size=(160, 40))


def test_entering_the_target_in_the_editor_takes_the_contradiction_away(kit, workdir):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        table = kit.table(app)
        table.move_to("museum-class-visits")
        await pilot.pause()
        await pilot.press("i")
        assert isinstance(app.screen, IndicatorDialog)
        await pilot.press("ctrl+u", *"260", "enter")
        assert not isinstance(app.screen, IndicatorDialog)
        assert kit.measures(table, "museum-class-visits") == "1/1"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()

    kit.run(app, scenario, size=(160, 50))
    saved = load(workdir / EXAMPLE).review.goal("museum-class-visits").entry("Q3")
    values = (saved.indicators or {})["class-visits"]
    assert (values.forecast, values.actual) == (260, 238)
    assert isinstance(values.forecast, int)
    assert (
        "[goals.periods.Q3.indicators.class-visits]\nforecast = 260\n"
        in (workdir / EXAMPLE).read_text()
    )


def test_a_bad_number_is_refused_where_it_was_typed(kit):
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        kit.table(app).move_to("museum-class-visits")
        await pilot.pause()
        await pilot.press("i", "ctrl+u", *"2x6", "enter")
        assert isinstance(app.screen, IndicatorDialog)  # still open, the text kept
        field = app.screen.query_one("#forecast-0")
        assert field.value == "2x6" and field.has_class("-invalid")
        shown = kit.screen_text(app)
        assert '"2x6" is not a number; write a number like 85.5' in shown
        await pilot.press("ctrl+u", *"261", "enter")
        assert not isinstance(app.screen, IndicatorDialog)
        entry = doc.review.goal("museum-class-visits").entry("Q3")
        assert (entry.indicators or {})["class-visits"].forecast == 261

    kit.run(app, scenario, size=(160, 50))


def test_escape_asks_before_typed_values_are_dropped(kit):
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        kit.table(app).move_to("museum-class-visits")
        await pilot.pause()
        await pilot.press("i", "escape")  # nothing typed: closes at once
        assert not isinstance(app.screen, (IndicatorDialog, ConfirmDialog))
        await pilot.press("i", "ctrl+u", *"261", "escape")
        assert isinstance(app.screen, ConfirmDialog)
        assert "Discard the indicator values you typed?" in kit.screen_text(app)
        await pilot.press("n")  # keep editing
        assert isinstance(app.screen, IndicatorDialog)
        assert app.screen.query_one("#forecast-0").value == "261"
        await pilot.press("escape", "y")  # discard
        assert not isinstance(app.screen, (IndicatorDialog, ConfirmDialog))
        entry = doc.review.goal("museum-class-visits").entry("Q3")
        assert (entry.indicators or {})["class-visits"].forecast == 255
        assert not doc.dirty

    kit.run(app, scenario, size=(160, 50))


def test_the_decimal_comma_of_the_review_language(kit):
    app = kit.app(KUVA)
    doc = app.documents[0]

    async def scenario(pilot):
        kit.table(app).move_to("harrastaminen")
        await pilot.pause()
        await pilot.press("i", "ctrl+u", *"85,5", "tab", *"60", "enter")
        entry = doc.review.goal("harrastaminen").entry("Q3")
        values = (entry.indicators or {})["toimenpiteet"]
        assert (values.forecast, values.actual) == (85.5, 60)
        await pilot.press("ctrl+z")
        entry = doc.review.goal("harrastaminen").entry("Q3")
        assert (entry.indicators or {})["toimenpiteet"].actual is None
        assert (entry.indicators or {})["toimenpiteet"].forecast == 85.5

    kit.run(app, scenario, size=(160, 50))


def test_one_key_applies_the_status_the_indicators_suggest(kit):
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        table = kit.table(app)
        table.move_to("museum-class-visits")
        await pilot.pause()
        await pilot.press("i")
        assert "The indicators suggest: ○ Off track  (ctrl+t)" in kit.screen_text(app)
        await pilot.press("ctrl+t")
        entry = doc.review.goal("museum-class-visits").entry("Q3")
        assert entry.status == "Off track"
        assert kit.measures(table, "museum-class-visits") == "0/1 ⚑"  # now it needs actions
        await pilot.press("ctrl+z")
        assert doc.review.goal("museum-class-visits").entry("Q3").status == "On track"

    kit.run(app, scenario, size=(160, 50))


def test_a_goal_without_indicators_says_so(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        kit.table(app).move_to("culture-pass")
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        assert not isinstance(app.screen, IndicatorDialog)
        assert "This goal has no indicators" in kit.screen_text(app)

    kit.run(app, scenario, size=(160, 50), notifications=True)


def test_the_actions_editor_takes_one_action_a_line(kit):
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        table = kit.table(app)
        table.move_to("shared-booking")
        await pilot.pause()
        await pilot.press("a")
        await pilot.press(*"Old system kept", "enter", *"Target proposed for 2027", "ctrl+s")
        entry = doc.review.goal("shared-booking").entry("Q3")
        assert entry.actions == ("Old system kept", "Target proposed for 2027")
        assert kit.measures(table, "shared-booking") == ""
        assert kit.cell(table, "shared-booking", "Q3") == "○"
        await pilot.press("ctrl+z")
        assert doc.review.goal("shared-booking").entry("Q3").actions is None

    kit.run(app, scenario, size=(160, 50))


BILINGUAL = """\
[review]
title = "Mittarit"
language = "fi"
translations = ["sv"]
periods = ["Q1"]

[review.sv]
title = "Mätare"

[[review.statuses]]
label = "Toteutuu"
color = "green"

[review.statuses.sv]
label = "Uppfylls"

[[review.statuses]]
label = "Ei toteudu"
color = "red"

[review.statuses.sv]
label = "Uppfylls inte"

[[goals]]
id = "kirjasto"
objective = "Kirjastoa käytetään"

[goals.sv]
objective = "Biblioteket används"

[[goals.indicators]]
id = "kaynnit"
name = "Käynnit"
unit = "käyntiä"
target = 100

[goals.indicators.sv]
name = "Besök"
unit = "besök"

[[goals.indicators]]
id = "lainat"
name = "Lainat"
target = 50

[goals.periods.Q1]
status = "Ei toteudu"
comment = "Lainoja ei ole vielä laskettu."
actions = ["Aukioloaikoja pidennetään"]

[goals.periods.Q1.indicators.kaynnit]
actual = 120

[goals.periods.Q1.indicators.lainat]
actual = 60
"""


def test_the_detail_pane_names_indicators_and_actions_in_the_language_shown(kit):
    """In Swedish: the Swedish name and unit where the file has them, else the Finnish text
    marked as untranslated; the same goal in Finnish has no marks."""
    (kit.folder / "kaksikielinen.toml").write_text(BILINGUAL, encoding="utf-8")
    app = kit.app("kaksikielinen.toml")
    app.language = "sv"

    async def scenario(pilot):
        app.speak("sv", announce=False)
        await pilot.pause()
        detail = kit.detail_whole(app)
        assert "✓ Besök målnivå ≥ 100 besök" in detail
        assert "utfall 120 besök" in detail
        assert "✓ [fi] Lainat" in detail
        assert "• [fi] Aukioloaikoja pidennetään" in detail
        assert "förslag: T Uppfylls" in detail  # the suggested status, in Swedish too
        await pilot.press("i")
        assert isinstance(app.screen, IndicatorDialog)
        editor = kit.screen_text(app)
        assert "Besök  målnivå ≥ 100 besök" in editor
        assert "[fi] Lainat" in editor
        await pilot.press("escape")
        app.speak("fi", announce=False)
        await pilot.pause()
        detail = kit.detail_whole(app)
        assert "✓ Käynnit tavoitetaso ≥ 100 käyntiä" in detail
        assert "[fi]" not in detail
        assert "• Aukioloaikoja pidennetään" in detail

    kit.run(app, scenario, size=(160, 50))
