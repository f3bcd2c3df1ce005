"""Writing a report from the app: r (or the palette) asks what and where, writes it off the
UI thread and says where it went; an existing file is replaced only when the reviewer says so."""

from __future__ import annotations

import openpyxl
from textual.widgets import Input

from goaltui.tui.dialogs.confirm_dialog import ConfirmDialog
from goaltui.tui.dialogs.report_dialog import ReportDialog

KUVA = "kuva-2021.toml"


def notes(app):
    return [(n.severity, n.message) for n in app._notifications]


async def written(pilot, app):
    """Wait for the report's worker to finish."""
    await app.workers.wait_for_complete()
    await pilot.pause()


def test_r_writes_the_review_table_beside_the_file_and_says_where(kit):
    app = kit.app(KUVA)

    async def scenario(pilot):
        await pilot.press("r")
        assert isinstance(app.screen, ReportDialog)
        screen = kit.screen_text(app)
        assert "Kirjoita raportti tiedostosta kuva-2021.toml, jakso Q3" in screen
        assert app.screen.query_one(Input).value == "kuva-2021-Q3.html"
        await pilot.press("enter")
        await written(pilot, app)
        assert not isinstance(app.screen, ReportDialog)
        html = kit.path("kuva-2021-Q3.html").read_text("utf-8")
        assert html.startswith("<!DOCTYPE html>") and "Palveluja parannetaan" in html
        assert notes(app) == [("information", "Arviointitaulukko on tiedostossa kuva-2021-Q3.html")]

    kit.run(app, scenario, notifications=True)


def test_the_councils_paper_as_a_workbook_follows_the_choices_in_its_name(kit):
    app = kit.app(KUVA)

    async def scenario(pilot):
        await pilot.press("r")
        dialog = app.screen
        assert isinstance(dialog, ReportDialog)
        await pilot.click("#unmet")
        await pilot.click("#xlsx")
        assert dialog.query_one(Input).value == "kuva-2021-Q3-unmet.xlsx"
        dialog.query_one(Input).focus()
        await pilot.press("enter")
        await written(pilot, app)
        book = openpyxl.load_workbook(kit.path("kuva-2021-Q3-unmet.xlsx"))
        assert book.sheetnames == ["kuva-2021"]
        assert book.active.max_row == 1  # no binding goal is unmet in Q3: the header alone
        assert notes(app) == [
            (
                "information",
                "Valtuustolle menevät toteutumattomat tavoitteet ovat tiedostossa "
                "kuva-2021-Q3-unmet.xlsx",
            )
        ]

    kit.run(app, scenario, notifications=True)


def test_an_existing_file_is_replaced_only_when_the_reviewer_says_so(kit):
    app = kit.app(KUVA)
    old = kit.path("kuva-2021-Q3.html")
    old.write_text("old report", "utf-8")

    async def scenario(pilot):
        await pilot.press("r", "enter")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await written(pilot, app)
        assert old.read_text("utf-8") == "old report"
        await pilot.press("r", "enter")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await written(pilot, app)
        assert old.read_text("utf-8").startswith("<!DOCTYPE html>")

    kit.run(app, scenario, notifications=True)


def test_a_report_that_cannot_be_written_is_said_and_escape_writes_nothing(kit):
    app = kit.app(KUVA)

    async def scenario(pilot):
        await pilot.press("r", "escape")
        assert not isinstance(app.screen, ReportDialog)
        await pilot.press("r")
        field = app.screen.query_one(Input)
        field.value = "no-such-folder/kuva.html"
        await pilot.press("enter")
        await written(pilot, app)
        [(severity, message)] = notes(app)
        assert severity == "error" and "no-such-folder/kuva.html" in message
        assert kit.extra_files() == []

    kit.run(app, scenario, notifications=True)


def test_the_palette_offers_both_reports(kit):
    app = kit.app(KUVA)

    async def scenario(pilot):
        await pilot.press("ctrl+p")
        await kit.type(pilot, "Raportti")
        await pilot.pause(0.3)
        screen = kit.screen_text(app)
        assert "Raportti: arviointitaulukko" in screen
        assert "Raportti: toteutumattomat sitovat tavoitteet" in screen
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReportDialog)

    kit.run(app, scenario)
