"""What happens outside the app: a colleague's change to the file, the reviewer coming back."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot


def change_on_disk(path: Path, old: str, new: str) -> bytes:
    """What a colleague's commit and a ``git pull`` do to the file; returns the new bytes."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path.read_bytes()


async def come_back(pilot: Pilot[None]) -> None:
    """The reviewer switches back to the terminal window."""
    pilot.app.post_message(events.AppFocus())
    await pilot.pause()
    await pilot.pause()
