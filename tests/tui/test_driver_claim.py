"""A key that comes in takes the interpreter from a save until the frame answering it is out
(goaltui.files.pacing.KEYS): the terminal's input thread takes it, its output gives it back."""

from __future__ import annotations

import asyncio
import io
from types import SimpleNamespace

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


async def read_a_key() -> tuple[App, TerminalDriver]:
    app = App()
    driver = TerminalDriver(app)
    driver.process_message(events.Key("space", " "))
    await asyncio.sleep(0)  # the driver posts it to the app's loop
    return app, driver


def test_a_key_read_takes_the_claim_and_a_frame_drawn_after_its_answer_gives_it_back():
    KEYS.give_back()
    try:
        app, driver = asyncio.run(read_a_key())
        [key] = app.got
        assert isinstance(key, events.Key)
        assert KEYS.held  # a save's Pacer waits from here
        screen = io.StringIO()
        output = TerminalOutput(screen)
        output.write(drawn(driver, "before the key was answered"))
        output.flush()
        assert KEYS.held  # that frame answers an earlier key, if any
        KEYS.answered(key)  # what the app does once the key's bindings have run
        output.write(drawn(driver, "frame"))
        assert KEYS.held  # written, not yet out
        output.flush()
        assert not KEYS.held
        assert screen.getvalue() == "before the key was answeredframe"
    finally:
        KEYS.give_back()


def drawn(driver: TerminalDriver, text: str) -> str:
    """Text as the app's thread hands it to the driver, which tags it as it is drawn."""
    written: list[str] = []
    driver._writer_thread = SimpleNamespace(write=written.append)  # type: ignore[assignment]
    driver.write(text)
    [frame] = written
    assert frame == text
    return frame


def test_the_app_answers_a_key_once_its_binding_has_run(kit):
    """Space cycles the status in a binding: the key is answered after that, not as it comes."""
    app = kit.app("example-en.toml")
    doc = app.documents[0]
    seen: list[tuple[str, str | None]] = []

    def answered(event: object) -> None:
        if isinstance(event, events.Key):
            seen.append((event.key, doc.review.goal("reading-buddies").entry("Q3").status))

    async def scenario(pilot):
        real = KEYS.answered
        KEYS.answered = answered  # type: ignore[method-assign]
        try:
            await pilot.press("space")
            await pilot.pause()
        finally:
            KEYS.answered = real  # type: ignore[method-assign]
        assert seen == [("space", "At risk")]  # once, with the edit made

    kit.run(app, scenario)
