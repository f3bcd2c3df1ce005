"""Fixtures for the TUI tests: copies of the data files, and a kit to drive and read the app.

pytest-asyncio is not installed, so every test is a plain function that hands an async
``scenario(pilot)`` to :meth:`Kit.run`, which runs it with ``asyncio.run``. The kit reads the
app the way a person does: the lines the goal table draws (``GoalTable.render_line``), which
cell is highlighted, and the text of the whole screen.

Every test works in its own ``tmp_path`` (the data files are copied there and the test runs
with that folder as its working directory), so the tests are safe under pytest-xdist and no
absolute temporary path ever appears on screen.
"""

from __future__ import annotations

import asyncio
import datetime
import io
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from rich.console import Console
from rich.style import Style
from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot

from goaltui.files.document import Document
from goaltui.review import clock
from goaltui.text import clean_line
from goaltui.tui.app import GoalApp
from goaltui.tui.screens.review_screen import ReviewScreen
from goaltui.tui.widgets.detail_pane import DetailPane
from goaltui.tui.widgets.goal_table import GoalTable

DATA = Path(__file__).resolve().parents[2] / "data"
EXAMPLE = "example-en.toml"
KUVA = "kuva-2021.toml"

Scenario = Callable[[Pilot], Awaitable[None]]


class Kit:
    """Opens review files in the app, runs a scenario, and reads what the screen shows."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    # -- files and the app ---------------------------------------------------------------

    def path(self, name: str) -> Path:
        return self.folder / name

    def original(self, name: str) -> bytes:
        """The bytes of the data file as shipped (the copy must start out identical)."""
        return (DATA / name).read_bytes()

    def extra_files(self) -> list[str]:
        """Files in the folder besides the review files (journals, temporary files...)."""
        return sorted(p.name for p in self.folder.iterdir() if p.suffix != ".toml")

    def app(self, *names: str) -> GoalApp:
        """The app on these files, opened by relative path from the working folder."""
        return GoalApp([Document.open(Path(name)) for name in names])

    def run(
        self,
        app: GoalApp,
        scenario: Scenario,
        *,
        size: tuple[int, int] = (120, 40),
        notifications: bool = False,
    ) -> None:
        async def main() -> None:
            async with app.run_test(size=size, notifications=notifications) as pilot:
                await pilot.pause()
                await scenario(pilot)

        asyncio.run(main())

    # -- the widgets -------------------------------------------------------------------------

    @staticmethod
    def review_screen(app: GoalApp) -> ReviewScreen:
        return next(s for s in app.screen_stack if isinstance(s, ReviewScreen))

    def table(self, app: GoalApp) -> GoalTable:
        """The goal table of the file shown now (also while a dialog covers it)."""
        return self.review_screen(app).table

    @staticmethod
    async def type(pilot: Pilot, text: str) -> None:
        """Type ``text`` into the focused field: its keys in order, then one wait.

        ``pilot.press`` waits for the app to go idle after every key, which makes typing
        slow; the key events here are the same, sent as quickly as a fast typist (or a
        paste) sends them. Use it for text only, not for keys that open or close screens.
        """
        for char in text:
            key = char if char.isalnum() else _character_to_key(char)
            pilot.app.post_message(events.Key(key, char))
        await pilot.pause()

    @staticmethod
    async def settle(pilot: Pilot) -> None:
        """Let background saves finish and the screen catch up."""
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()

    # -- what the table shows ------------------------------------------------------------------

    @staticmethod
    def lines(table: GoalTable) -> list[str]:
        return [table.render_line(y).text for y in range(table.size.height)]

    @staticmethod
    def columns(table: GoalTable) -> dict[str, tuple[int, int]]:
        """Each period's cell as (start, end) on a line, read from the heading line."""
        header = table.render_line(0).text
        periods = table.review.periods
        starts, at = [], 0
        for period in periods:
            at = header.index(f" {period}", at + 1)
            starts.append(at)
        width = starts[1] - starts[0] - 1
        return {p: (s, s + width) for p, s in zip(periods, starts, strict=True)}

    def row(self, table: GoalTable, goal_id: str) -> int:
        """The screen line (y) of a goal, found by its objective as a person would."""
        objective = clean_line(table.review.goal(goal_id).objective)
        first = min(start for start, _ in self.columns(table).values())
        found = []
        for y, line in enumerate(self.lines(table)):
            shown = line[3 : first - 1].rstrip()
            cut = shown.endswith("…")
            if y and shown and (objective.startswith(shown[:-1]) if cut else objective == shown):
                found.append(y)
        assert len(found) == 1, f"{goal_id} is on lines {found}"
        return found[0]

    def shown_objectives(self, table: GoalTable) -> list[str]:
        """The objectives of the goal lines on screen, as shown (maybe cut with …)."""
        first = min(start for start, _ in self.columns(table).values())
        return [
            line[3 : first - 1].rstrip()
            for line in self.lines(table)[1:]
            if line[:3].strip() in ("", "◆") and line[3:4].strip()
        ]

    def cell(self, table: GoalTable, goal_id: str, period: str) -> str:
        """What the goal's cell in a period shows: its mark (and "!"), or "" when empty."""
        start, end = self.columns(table)[period]
        return table.render_line(self.row(table, goal_id)).text[start:end].strip()

    def forecast(self, table: GoalTable, goal_id: str) -> str:
        """The forecast column of a goal's line (the current period's forecast)."""
        header = table.render_line(0).text
        start = max(end for _, end in self.columns(table).values())
        # the column of measures ("✓"), where the review has one, else the comment mark
        end = header.rindex("✓" if "✓" in header else "✎") - 1
        return table.render_line(self.row(table, goal_id)).text[start:end].strip()

    def measures(self, table: GoalTable, goal_id: str) -> str:
        """The column of measures of a goal's line: indicators met ("1/2"), "≠" and "⚑"."""
        header = table.render_line(0).text
        start, end = header.rindex("✓") - 1, header.rindex("✎") - 1
        return table.render_line(self.row(table, goal_id)).text[start:end].strip()

    def comment_mark(self, table: GoalTable, goal_id: str) -> str:
        header = table.render_line(0).text
        return table.render_line(self.row(table, goal_id)).text[header.rindex("✎") - 1 :].strip()

    def cursor(self, table: GoalTable) -> tuple[int, str]:
        """The highlighted cell: its line and its period's column, read from the styles.

        Focused, the cursor cell has the cursor's background; unfocused, it is underlined.
        """
        cursor_bg = table.get_component_rich_style("goal-table--cursor").bgcolor
        columns = self.columns(table)
        found = set()
        for y in range(1, table.size.height):
            x = 0
            for segment in table.render_line(y):
                style = segment.style or Style()
                if style.bgcolor == cursor_bg if table.has_focus else style.underline:
                    found.update((y, p) for p, (s, e) in columns.items() if s <= x < e)
                x += segment.cell_length
        assert len(found) == 1, f"highlighted cells: {sorted(found)}"
        return found.pop()

    def current_column(self, table: GoalTable) -> list[str]:
        """The periods whose heading is highlighted as the current one."""
        header = table.get_component_rich_style("goal-table--header")
        names = set(table.review.periods)
        return [
            segment.text.strip()
            for segment in table.render_line(0)
            if segment.text.strip() in names and segment.style != header
        ]

    # -- the whole screen --------------------------------------------------------------------

    @staticmethod
    def screen_text(app: GoalApp) -> str:
        """Every character on screen now, dialogs and toasts included."""
        width, height = app.size
        console = Console(
            width=width,
            height=height,
            file=io.StringIO(),
            force_terminal=True,
            color_system="truecolor",
            record=True,
            legacy_windows=False,
            safe_box=False,
        )
        update = app.screen._compositor.render_update(
            full=True, screen_stack=app._background_screens
        )
        console.print(update)
        return console.export_text(styles=False)

    @staticmethod
    def styles_of(app: GoalApp, text: str) -> list[Style]:
        """The styles of every piece of screen that shows ``text`` (within one segment)."""
        update = app.screen._compositor.render_update(
            full=True, screen_stack=app._background_screens
        )
        return [
            segment.style or Style()
            for line in update.strips
            for strip in line
            for segment in strip
            if text in segment.text
        ]

    def detail(self, app: GoalApp) -> str:
        """The detail pane as shown on screen, its wrapped lines joined by single spaces."""
        pane = self.review_screen(app).query_one(DetailPane)
        region = pane.scrollable_content_region
        rows = self.screen_text(app).splitlines()[region.y : region.bottom]
        return " ".join(" ".join(r[region.x : region.right].split()) for r in rows).strip()

    def detail_whole(self, app: GoalApp) -> str:
        """Everything the detail pane holds, scrolled into view or not, in single spaces."""
        from textual.widgets import Static

        pane = self.review_screen(app).query_one(DetailPane)
        parts = [part.render() for part in pane.query(Static) if part.display]
        return " ".join(" ".join(str(part).split()) for part in parts).strip()

    @staticmethod
    def header(app: GoalApp) -> str:
        return Kit.screen_text(app).splitlines()[0]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with copies of both data files, which is also the working directory."""
    for name in (EXAMPLE, KUVA):
        shutil.copyfile(DATA / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    # The help dialog names the keymap file: the same default path on every machine.
    monkeypatch.delenv("GOALTUI_KEYMAP", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    # The header counts the days to the due date from a day that stays put.
    monkeypatch.setattr(clock, "today", lambda: datetime.date(2026, 10, 20))
    return tmp_path


@pytest.fixture
def kit(workdir: Path) -> Kit:
    return Kit(workdir)
