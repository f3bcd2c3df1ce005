"""Setting statuses with space, the number keys, 0 and delete."""

from __future__ import annotations

import pytest

EXAMPLE = "example-en.toml"

MARKS = {"On track": "●", "At risk": "◐", "Off track": "○", "Cannot be assessed": "–", None: ""}


def test_space_cycles_through_the_scale_then_not_assessed_then_the_first_again(kit):
    """reading-buddies is "On track" in Q3 and has a comment there (so no "!")."""
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        table = kit.table(app)
        expected = ["At risk", "Off track", "Cannot be assessed", None, "On track", "At risk"]
        for label in expected:
            await pilot.press("space")
            assert doc.review.goal("reading-buddies").entry("Q3").status == label
            assert kit.cell(table, "reading-buddies", "Q3") == MARKS[label]
            shown = "not assessed" if label is None else f"{MARKS[label]} {label}"
            assert f"Status: {shown}" in kit.detail(app)
        # the other periods and goals are untouched
        assert kit.cell(table, "reading-buddies", "Q2") == "◐"
        assert doc.review.goal("reading-buddies").entry("Q2").status == "At risk"
        assert kit.cell(table, "library-visits", "Q3") == "◐"
        assert doc.review.goal("reading-buddies").entry("Q3").comment.startswith("The August")

    kit.run(app, scenario)


def test_an_unexplained_status_is_marked_in_its_cell(kit):
    """self-service-hours has no Q3 comment: "Off track" there asks for one ("!")."""
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        table = kit.table(app)
        await pilot.press("j", "j", "3")
        assert doc.review.goal("self-service-hours").entry("Q3").status == "Off track"
        assert kit.cell(table, "self-service-hours", "Q3") == "○!"
        assert "○ Off track ! needs a comment" in kit.detail(app)

    kit.run(app, scenario)


@pytest.mark.parametrize(
    ("key", "label"), [("1", "On track"), ("2", "At risk"), ("3", "Off track")]
)
def test_a_number_key_sets_that_status_of_the_scale(kit, key, label):
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        table = kit.table(app)
        await pilot.press("j", "left")  # library-visits, Q2: "On track"
        await pilot.press(key)
        assert doc.review.goal("library-visits").entry("Q2").status == label
        assert kit.cell(table, "library-visits", "Q2") == MARKS[label]
        assert doc.dirty == (label != "On track")
        # the neighbours stay as they were
        assert doc.review.goal("library-visits").entry("Q3").status == "At risk"
        assert kit.cell(table, "library-visits", "Q3") == "◐"
        assert kit.cell(table, "reading-buddies", "Q2") == "◐"

    kit.run(app, scenario)


def test_a_number_beyond_the_scale_changes_nothing_but_says_why(kit):
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        table = kit.table(app)
        before = kit.lines(table)
        await pilot.press("5")
        await pilot.press("9")
        assert doc.review.goal("reading-buddies").entry("Q3").status == "On track"
        assert not doc.dirty and not doc.session.can_undo
        assert kit.lines(table) == before
        assert "This review has 4 statuses" in kit.screen_text(app)
        assert "unsaved" not in kit.header(app)

    kit.run(app, scenario, notifications=True)


@pytest.mark.parametrize("key", ["0", "delete"])
def test_zero_and_delete_clear_the_status(kit, key):
    app = kit.app(EXAMPLE)
    doc = app.documents[0]

    async def scenario(pilot):
        table = kit.table(app)
        await pilot.press(key)
        entry = doc.review.goal("reading-buddies").entry("Q3")
        assert entry.status is None
        assert entry.forecast == "18 of 18" and entry.comment  # only the status went
        assert kit.cell(table, "reading-buddies", "Q3") == ""
        assert "Status: not assessed" in kit.detail(app)
        assert "* unsaved" in kit.header(app)
        await pilot.press(key)  # already clear: not a second edit
        doc.session.undo()
        assert doc.review.goal("reading-buddies").entry("Q3").status == "On track"
        assert not doc.session.can_undo

    kit.run(app, scenario)
