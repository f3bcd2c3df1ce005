"""What the app loads before its first frame: the dialogs, the reports and the diff wait until
they are asked for, so that a small review opens as fast as a plain table does."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from reviewfiles import BASE, write

PROBE = textwrap.dedent(
    """
    import asyncio, json, sys
    from pathlib import Path

    from goaltui.files.document import Document
    from goaltui.tui.app import GoalApp

    def loaded():
        return sorted(m for m in sys.modules if m.startswith("goaltui."))

    async def main():
        app = GoalApp([Document.open(Path(sys.argv[1]), read_only=True)], language="en")
        found = {}
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            found["first frame"] = loaded()
            await pilot.press("ctrl+p")  # the command palette, with goaltui's commands
            await pilot.pause()
            found["palette"] = loaded()
            found["palette shown"] = type(app.screen).__name__
        print(json.dumps(found))

    asyncio.run(main())
    """
)

LATER = (
    "goaltui.tui.dialogs.",  # every dialog, the command palette's too
    "goaltui.tui.commands",
    "goaltui.tui.screens.quitting",
    "goaltui.tui.screens.indicators",
    "goaltui.outputs.report",  # and report_*.py
    "goaltui.outputs.summary",
    "goaltui.outputs.terminal",
    "goaltui.outputs.diff",  # and diff_*.py: only with --since
    "goaltui.review.merge",  # only when the disk changed, or for a journal
    "goaltui.review.measures",  # only for a review with indicators or due dates
)


def test_dialogs_reports_and_diff_wait_until_asked_for(tmp_path):
    path = write(tmp_path, BASE)  # no indicators, no due dates
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    early = [m for m in found["first frame"] if m.startswith(LATER)]
    assert early == []
    assert "goaltui.tui.widgets.goal_table" in found["first frame"]  # the probe sees the app
    # Asked for, they come: the palette and goaltui's commands in it.
    assert found["palette shown"] == "SpokenPalette"
    assert "goaltui.tui.commands" in found["palette"]
