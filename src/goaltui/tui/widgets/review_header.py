"""The top line: the review's title, the current period and the file, with its save state."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from goaltui.language.labels import words
from goaltui.outputs.styled import fit
from goaltui.text import clean_line
from goaltui.tui.widgets.bounded import cut

UNSAVED_MARK = "*"


class ReviewHeader(Static):
    _shown: Text | None = None

    def show(
        self,
        title: str,
        period: str,
        file: str,
        *,
        unsaved: bool,
        language: str | None,
        read_only: bool = False,
        due: Text | None = None,
    ) -> None:
        w = words(language)
        width = self.size.width or 80
        left = Text(f" {clean_line(cut(title, width))}", style="bold")
        right = Text("  ")
        right.append(f"{w['current period']} ", style="dim")
        right.append(clean_line(period), style="bold reverse")
        if due:
            right.append("  ")
            right.append_text(due)
        right.append(f"  {clean_line(file)}", style="dim")
        if read_only:
            right.append(" read-only", style="bold red")
        if unsaved:
            right.append(f" {UNSAVED_MARK} unsaved", style="bold yellow")
        right.append(" ")
        room = max(0, width - right.cell_len)
        left = Text(fit(left.plain, room), style="bold") if left.cell_len > room else left
        left.pad_right(room - left.cell_len)
        line = Text.assemble(left, right)
        if line != self._shown:
            self._shown = line
            self.update(line, layout=False)  # always one line high: no new layout needed
