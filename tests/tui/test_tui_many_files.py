"""Many files open at once: every one is reached with > and <, and edited where it is shown."""

from __future__ import annotations

from pathlib import Path

from goaltui.tui import READ_LATER_FROM
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


# -- the files after the first, read while it is shown --------------------------------------------


def _opened(kit, names: list[str]):
    from goaltui.tui import open_documents
    from goaltui.tui.app import GoalApp

    documents, problems = open_documents([Path(name) for name in names])
    assert problems == []
    return GoalApp(documents)


def test_with_many_files_the_first_is_read_before_the_start_and_the_rest_after(kit):
    assert COUNT > READ_LATER_FROM
    names = _files(kit)
    app = _opened(kit, names)
    assert app.documents[0].loaded and not any(d.loaded for d in app.documents[1:])

    async def scenario(pilot):
        assert "strategic goals no. 0" in kit.header(app)
        await pilot.press("greater_than_sign")  # before its turn: read at once
        assert "strategic goals no. 1 " in kit.header(app) + " "
        await kit.settle(pilot)
        assert all(doc.loaded for doc in app.documents)
        assert not any(doc.dirty for doc in app.documents)

    kit.run(app, scenario)


def test_a_bad_file_among_many_is_said_with_its_line_and_skipped_not_shown(kit):
    names = _files(kit)
    bad = kit.path(names[2])
    bad.write_text(bad.read_text(encoding="utf-8").replace("[review]", "[review", 1))
    app = _opened(kit, names)

    async def scenario(pilot):
        await kit.settle(pilot)
        [(severity, title, message)] = notes(app)
        assert (severity, title) == (
            "error",
            f"{names[2]} cannot be opened: fix it, then open it again",
        )
        assert message.startswith(f"{names[2]}:1:")  # file, line and column, as goaltui check
        tabs = kit.screen_text(app).splitlines()[1]
        assert f"{names[2]} ✗" in tabs
        await pilot.press("greater_than_sign", "greater_than_sign")  # 1, then past 2 to 3
        assert "strategic goals no. 3 " in kit.header(app) + " "
        await pilot.press("less_than_sign")
        assert "strategic goals no. 1 " in kit.header(app) + " "

    kit.run(app, scenario, notifications=True)


def test_a_bad_file_among_few_still_stops_the_start(kit):
    from goaltui.tui import open_documents

    names = _files(kit)[:3]
    bad = kit.path(names[2])
    bad.write_text(bad.read_text(encoding="utf-8").replace("[review]", "[review", 1))
    _documents, problems = open_documents([Path(name) for name in names])
    assert [p.path for p in problems] == [Path(names[2])]


def notes(app) -> list[tuple[str, str, str]]:
    return [(n.severity, n.title, n.message) for n in app._notifications]
