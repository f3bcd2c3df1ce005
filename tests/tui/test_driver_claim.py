"""A key that comes in takes the interpreter from a save until the frame answering it is out
(goaltui.files.pacing.KEYS): the terminal's input thread takes it, its output gives it back."""

from __future__ import annotations

import asyncio
import io

from textual import events
from textual.message import Message

from goaltui.files.pacing import KEYS
from goaltui.tui.driver import TerminalDriver, TerminalOutput


class App:
    """What the driver hands its events to."""

    def __init__(self) -> None:
        self.got: list[Message] = []

    async def _post_message(self, message: Message) -> bool:
        self.got.append(message)
        return True


async def read_a_key() -> App:
    app = App()
    TerminalDriver(app).process_message(events.Key("space", " "))
    await asyncio.sleep(0)  # the driver posts it to the app's loop
    return app


def test_a_key_read_takes_the_claim_and_the_next_frame_gives_it_back():
    KEYS.give_back()
    try:
        app = asyncio.run(read_a_key())
        assert [type(m) for m in app.got] == [events.Key]
        assert KEYS.held  # a save's Pacer waits from here
        screen = io.StringIO()
        output = TerminalOutput(screen)
        output.write("frame")
        assert KEYS.held  # written, not yet out
        output.flush()
        assert not KEYS.held
        assert screen.getvalue() == "frame"
    finally:
        KEYS.give_back()
