"""The keys' line at the bottom: what it says, that it follows the keys in use, and that a
click on a key presses it."""

from __future__ import annotations

from goaltui.tui.dialogs.help_dialog import HelpDialog
from goaltui.tui.widgets.keys_footer import KeysFooter

EXAMPLE = "example-en.toml"


def footer_text(app) -> str:
    return app.screen.query_one(KeysFooter).render().plain


def test_the_footer_names_the_tables_keys_and_follows_the_focus(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        line = footer_text(app)
        for said in ("space Cycle", "c Comment", "^s Save", "q Quit"):
            assert said in line, line
        await pilot.press("slash")  # into the filter bar: its keys, not the table's
        await pilot.pause()
        assert "c Comment" not in footer_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "c Comment" in footer_text(app)

    kit.run(app, scenario, size=(160, 30))


def test_the_footer_speaks_the_language_shown(kit):
    app = kit.app("kuva-2021.toml")

    async def scenario(pilot):
        line = footer_text(app)
        assert "c Kommentti" in line and "q Lopeta" in line, line
        assert "Comment" not in line

    kit.run(app, scenario, size=(160, 30))


def test_a_click_on_a_key_presses_it(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        footer = app.screen.query_one(KeysFooter)
        line = footer_text(app)
        x = line.index("? ")
        await pilot.click(KeysFooter, offset=(x + 2, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        assert footer.region.height == 1

    kit.run(app, scenario, size=(160, 30))


def test_the_key_under_the_mouse_is_lit(kit):
    app = kit.app(EXAMPLE)

    async def scenario(pilot):
        footer = app.screen.query_one(KeysFooter)
        x = footer_text(app).index("c Comment")
        before = footer.render()
        await pilot.hover(KeysFooter, offset=(x, 0))
        await pilot.pause()
        after = footer.render()
        assert after.plain == before.plain
        lit = {span.style for span in after.spans if span.start <= x < span.end}
        unlit = {span.style for span in before.spans if span.start <= x < span.end}
        assert lit != unlit
        await pilot.hover(KeysFooter, offset=(footer.size.width - 1, 0))  # past the keys
        await pilot.pause()
        assert footer.render().spans == before.spans

    kit.run(app, scenario, size=(160, 30))
