"""The files of a large folder read while the first is shown, and what is wrong with them.

Reading and checking 5,000 small files took seconds before the first frame, where one file of
the same goals takes a third of that. With many files (tui.run's ``READ_LATER_FROM``) the app
starts with the first file read, and reads the others here after the first frame, a few
milliseconds at a time on the app's own loop, so that keys are answered in between; a file
brought to the front before its turn is read at once. A file that cannot be read no longer
stops the start: its tab says so, and the reviewer is told its problems (file, line, field)
when it is found and whenever its tab is chosen; the app never shows it.
"""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Callable, Sequence

from goaltui.files.document import Document
from goaltui.files.problems import Problem, ReviewError
from goaltui.text import clean_line
from goaltui.tui.flows.host import FilesHost, notify
from goaltui.tui.speech import speech_of

#: How long one turn of reading may hold the app's loop, in seconds (a key waits at most
#: this long, well within a frame).
TURN = 0.008
PAUSE = 0.002  # and then lets go of it for this long
HOLD = 0.3  # no reading for this long after a key
#: How long after the start the reading begins: the first frame is painted first.
DELAY = 0.1
_SAID = 5  # problems quoted in a notification; the file holds the rest


class LaterFiles:
    """Reads the documents not read yet, and remembers those that cannot be."""

    def __init__(
        self,
        host: FilesHost,
        documents: Sequence[Document],
        opened: Callable[[Document], None],
        failed: Callable[[int], None],
    ) -> None:
        self.host = host
        self.documents = documents
        self.opened = opened  # told of every document read here
        self.on_failed = failed  # told of every document that cannot be read, by its index
        self.failed: dict[int, list[Problem]] = {}
        self._held_until = 0.0

    def hold(self) -> None:
        """The reviewer is at work (a key): keep out of the way for a moment.

        Answering a key takes the app's loop a dozen turns (the key, the action, the tab's
        message, mounting, painting), and a turn of reading between each made a tab switch
        take 0.2 s rather than 30 ms.
        """
        self._held_until = time.perf_counter() + HOLD

    @property
    def pending(self) -> bool:
        return any(not doc.loaded for i, doc in enumerate(self.documents) if i not in self.failed)

    def start(self) -> None:
        """Read the rest, a turn at a time, from now on."""
        if self.pending:
            self.host.app.set_timer(DELAY, self._begin)

    def _begin(self) -> None:
        self.host.app.run_worker(self._read_all(), group="later-files", exclusive=True)

    async def _read_all(self) -> None:
        turn = time.perf_counter()
        for index, doc in enumerate(self.documents):
            if doc.loaded or index in self.failed:
                continue
            while (now := time.perf_counter()) < self._held_until:
                await asyncio.sleep(self._held_until - now)
                turn = time.perf_counter()
            self.ensure(index)
            if time.perf_counter() - turn > TURN:
                # The reviews live as long as the app, as those read before it started
                # (tui.run): kept from the garbage collector, whose walks through all of
                # them held up the keys for a few tenths of a second each.
                gc.freeze()
                # A moment of nothing to do: Textual paints when it is idle, and answers the
                # keys that came meanwhile.
                await asyncio.sleep(PAUSE)
                turn = time.perf_counter()
        gc.freeze()

    def ensure(self, index: int) -> bool:
        """Whether the document can be shown: read now if it was not; if it cannot be read,
        the reviewer is told why."""
        doc = self.documents[index]
        if index in self.failed:
            self._tell(doc, self.failed[index])
            return False
        if doc.loaded:
            return True
        try:
            doc.load()
        except ReviewError as error:
            self.failed[index] = error.problems
            self._tell(doc, error.problems)
            self.on_failed(index)
            return False
        self.opened(doc)
        return True

    def _tell(self, doc: Document, problems: list[Problem]) -> None:
        w = speech_of(self.host.app).w
        lines = [clean_line(str(problem)) for problem in problems[:_SAID]]
        if len(problems) > _SAID:
            more = w.ngettext("… and {n} more problem", "… and {n} more problems", len(problems))
            lines.append(more.format(n=w.integer(len(problems) - _SAID)))
        title = w._("{file} cannot be opened: fix it, then open it again")
        notify(self.host, "\n".join(lines), title.format(file=clean_line(doc.name)), "error")
