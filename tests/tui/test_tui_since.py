"""goaltui --since REV: the cells changed since REV marked with Δ, the selected goal's changes
old → new under the detail pane, and the filter "changed since REV"; nothing of it without."""

from __future__ import annotations

from pathlib import Path

import pytest
from gitrepo import Repo
from reviewfiles import SEED, edit

from goaltui.files.changes import baseline
from goaltui.files.document import Document
from goaltui.outputs.since import CHANGED_MARK
from goaltui.tui.app import GoalApp
from goaltui.tui.widgets.filter_bar import FilterBar
from goaltui.tui.widgets.since_detail import SinceDetail

KUVA = Path("data/kuva-2021.toml")
Q3 = 'status = "Toteutuu"\nforecast = "100 %"\ncomment = "Palvelukokonaisuudet'
PARTLY = 'status = "Toteutuu osittain"\nforecast = "80 %"\ncomment = "Palvelukokonaisuudet'
BIG = (200, 60)


@pytest.fixture
def seeded(kit, repo: Repo) -> Repo:
    """The seed review committed, then palvelustrategia's Q3 changed to "Toteutuu osittain"
    and "80 %" and committed; the repository is the working folder."""
    repo.write(str(KUVA), SEED.read_text(encoding="utf-8"))
    repo.commit("Kulttuurin ja vapaa-ajan toimialan arviointi 2021")
    repo.write(str(KUVA), edit(SEED.read_text(encoding="utf-8"), Q3, PARTLY))
    repo.commit("Q3: palvelustrategia toteutuu osittain")
    return repo


def since_app(revision: str = "HEAD~1", path: Path = KUVA) -> GoalApp:
    return GoalApp([Document.open(path)], None, baseline=baseline(revision, [path]))


def marks(kit, app) -> list[tuple[str, int]]:
    """Every Δ the goal table shows: the goal on its line and its column."""
    table = kit.table(app)
    review = table.review
    found = []
    for y, line in enumerate(kit.lines(table)):
        for x, char in enumerate(line):
            if char == CHANGED_MARK:
                goal = next(g.id for g in review.goals if kit.row(table, g.id) == y)
                found.append((goal, x))
    return found


def forecast_gap(kit, table) -> int:
    """The column just before the forecast column, where its Δ stands."""
    return max(end for _, end in kit.columns(table).values())


def since_text(app) -> str:
    found = app.screen.query(SinceDetail)
    return found.first(SinceDetail).text if found else ""


def test_the_two_cells_changed_since_head_1_are_marked(kit, seeded):
    app = since_app()

    async def scenario(pilot):
        table = kit.table(app)
        q3_start, _end = kit.columns(table)["Q3"]
        assert marks(kit, app) == [
            ("palvelustrategia", q3_start - 1),  # just before the Q3 cell
            ("palvelustrategia", forecast_gap(kit, table)),  # just before the forecast
        ]
        assert kit.cell(table, "palvelustrategia", "Q3") == "◐"
        assert "Δ HEAD~1 jälkeen" in kit.header(app)
        # The mark is a glyph in its own colour: not told by colour alone, nor by the glyph.
        styles = kit.styles_of(app, CHANGED_MARK)
        assert styles and all(style.bold for style in styles)

    kit.run(app, scenario)


def test_the_detail_pane_shows_old_and_new_for_the_selected_goal(kit, seeded):
    app = since_app()

    async def scenario(pilot):
        shown = since_text(app)
        assert shown.splitlines() == [
            "Δ Muutokset HEAD~1 jälkeen",
            "Q3 · tila: ● Toteutuu → ◐ Toteutuu osittain  ▼ heikentynyt",
            "Q3 · ennuste: 100 % → 80 %",
        ]
        assert "Q3 · ennuste: 100 % → 80 %" in kit.detail(app)  # on screen, under the pane
        await pilot.press("down")
        assert kit.table(app).cursor_goal_id == "harrastaminen"
        assert since_text(app) == "Ei muutoksia HEAD~1 jälkeen"

    kit.run(app, scenario, size=BIG)


def test_the_filter_steps_on_to_the_goals_changed_since(kit, seeded):
    app = since_app()

    async def scenario(pilot):
        table = kit.table(app)
        for _status in range(len(table.review.statuses) + 2):  # each status, not assessed,
            await pilot.press("s")  # then changed since
        assert table.shown_goals == 1 and table.cursor_goal_id == "palvelustrategia"
        bar = kit.review_screen(app).query_one(FilterBar)
        line = kit.screen_text(app).splitlines()[bar.region.y]
        assert "Δ HEAD~1 jälkeen muuttuneet" in line and "(1/3)" in line
        await pilot.press("s")  # and then no filter again
        assert table.shown_goals == 3

    kit.run(app, scenario)


def test_an_edit_back_to_the_old_value_takes_its_mark_away(kit, seeded):
    app = since_app()

    async def scenario(pilot):
        table = kit.table(app)
        await pilot.press("1")  # Q3 back to "Toteutuu", as it was at HEAD~1
        assert kit.cell(table, "palvelustrategia", "Q3") == "●"
        assert marks(kit, app) == [("palvelustrategia", forecast_gap(kit, table))]
        assert since_text(app).splitlines()[1:] == ["Q3 · ennuste: 100 % → 80 %"]
        await pilot.press("down", "3")  # an edit in the app is a change since, too
        assert kit.cell(table, "harrastaminen", "Q3") == "○"
        q3_start, _end = kit.columns(table)["Q3"]
        assert ("harrastaminen", q3_start - 1) in marks(kit, app)

    kit.run(app, scenario)


def test_goals_added_since_are_marked_before_the_objective(kit, seeded):
    text = KUVA.read_text(encoding="utf-8")
    new_goal = '[[goals]]\nid = "uusi"\nobjective = "Uusi tavoite"\n\n'
    KUVA.write_text(
        edit(text, '[[goals]]\nid = "liikkeelle"', new_goal + '[[goals]]\nid = "liikkeelle"')
    )
    app = since_app()

    async def scenario(pilot):
        assert ("uusi", 0) in marks(kit, app)
        assert kit.table(app).move_to("uusi")
        await pilot.pause()
        assert "+ tavoite lisätty: uusi" in since_text(app)

    kit.run(app, scenario, size=BIG)


def test_without_since_nothing_is_marked_and_the_filter_is_as_it_was(kit):
    app = kit.app("kuva-2021.toml")

    async def scenario(pilot):
        table = kit.table(app)
        assert CHANGED_MARK not in kit.screen_text(app)
        assert not app.screen.query(SinceDetail)
        for _status in range(len(table.review.statuses) + 2):
            await pilot.press("s")
        assert table.shown_goals == 3  # after "not assessed", no filter, as before
        assert CHANGED_MARK not in kit.screen_text(app)

    kit.run(app, scenario)


def test_a_file_new_since_has_every_goal_marked_new(kit, seeded):
    new = Path("data/uusi-2022.toml")
    new.write_bytes(KUVA.read_bytes())
    app = since_app(path=new)

    async def scenario(pilot):
        table = kit.table(app)
        assert sorted(marks(kit, app)) == sorted((g.id, 0) for g in table.review.goals)
        assert "+ tavoite lisätty: palvelustrategia" in since_text(app)

    kit.run(app, scenario, size=BIG)
