"""One tab per review file open; with many files, only the tabs near the one shown exist.

A folder of thousands of files would make thousands of tab widgets, each laid out and styled
before the first frame and again at every switch. So at most :data:`WINDOW` tabs exist at a
time, those around the file shown; moving past either end of them brings the next ones. With
fewer files than that, this is Textual's ``Tabs`` as it is.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.widgets import Tab, Tabs

#: Tabs that exist at once: more than a terminal's width shows.
WINDOW = 40


def tab_id(index: int) -> str:
    return f"file-{index}"


class FileTabs(Tabs):
    """The files' tabs, ``file-0`` to ``file-<count - 1>``, labelled by ``label_of``."""

    def __init__(self, count: int, label_of: Callable[[int], Text], *, id: str | None = None):
        self._count = count
        self._label_of = label_of
        self._span = range(min(count, WINDOW))
        super().__init__(*(Tab(label_of(i), id=tab_id(i)) for i in self._span), id=id)

    def set_label(self, index: int, label: Text) -> None:
        """A file's label changed (its unsaved mark): shown if its tab exists now."""
        tab = self.get_tab(tab_id(index))
        if tab is not None:
            tab.label = label

    def show_file(self, index: int) -> None:
        """Make the file's tab the active one, bringing its neighbours when it is not there."""
        if index not in self._span:
            self._move_span(index)
        self.active = tab_id(index)

    def _move_span(self, index: int) -> None:
        start = max(0, min(index - WINDOW // 2, self._count - WINDOW))
        span = range(start, start + WINDOW)
        kept = [i for i in self._span if i in span]
        for i in self._span:
            if i not in span:
                tab = self.get_tab(tab_id(i))
                if tab is not None:
                    tab.remove()
        holder = self.query_one("#tabs-list")
        before = [Tab(self._label_of(i), id=tab_id(i)) for i in span if not kept or i < kept[0]]
        after = [Tab(self._label_of(i), id=tab_id(i)) for i in span if kept and i > kept[-1]]
        if before:
            first = self.get_tab(tab_id(kept[0])) if kept else None
            holder.mount_all(before, before=first)
        if after:
            holder.mount_all(after)
        self._span = span

    def _step(self, direction: int) -> None:
        if self._count <= WINDOW:
            super()._move_tab(direction)
            return
        here = int(self.active.removeprefix("file-")) if self.active else 0
        self.show_file((here + direction) % self._count)

    def action_next_tab(self) -> None:
        self._step(+1)

    def action_previous_tab(self) -> None:
        self._step(-1)
