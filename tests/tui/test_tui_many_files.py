"""Many files open at once: every one is reached with > and <, and edited where it is shown."""

from __future__ import annotations

from pathlib import Path

from goaltui.tui.widgets.file_tabs import WINDOW
from tests.tui.conftest import EXAMPLE

COUNT = WINDOW * 2 + 5  # more files than tabs exist at once


def _files(kit) -> list[str]:
    text = kit.path(EXAMPLE).read_text(encoding="utf-8")
    names = []
    for number in range(COUNT):
        name = f"review-{number:03d}.toml"
        titled = text.replace(
            "Riverton Culture, Libraries and Leisure Department: strategic goals 2026",
            f"strategic goals no. {number}",
            1,
        )
        Path(kit.path(name)).write_text(titled, encoding="utf-8")
        names.append(name)
    return names


def test_every_file_of_many_is_reached_with_the_tab_keys_and_edited_there(kit):
    names = _files(kit)
    app = kit.app(*names)

    async def scenario(pilot):
        assert "strategic goals no. 0" in kit.header(app)
        for number in range(1, WINDOW + 8):  # past the tabs made at the start
            await pilot.press("greater_than_sign")
            assert f"strategic goals no. {number} " in kit.header(app) + " "
        tab = kit.screen_text(app).splitlines()[1]
        assert f"review-{WINDOW + 7:03d}.toml" in tab  # the tab of the file shown is on screen
        await pilot.press("space")  # an edit in a file reached late
        assert "* unsaved" in kit.header(app)
        assert app.documents[WINDOW + 7].dirty
        assert not any(doc.dirty for i, doc in enumerate(app.documents) if i != WINDOW + 7)
        for _ in range(WINDOW + 7):
            await pilot.press("less_than_sign")
        assert "strategic goals no. 0 " in kit.header(app) + " "
        await pilot.press("less_than_sign")  # from the first file round to the last
        assert f"strategic goals no. {COUNT - 1} " in kit.header(app) + " "
        await pilot.press("greater_than_sign")
        assert "strategic goals no. 0 " in kit.header(app) + " "

    kit.run(app, scenario)
