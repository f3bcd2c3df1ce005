"""The top line: the review's title, the current period and the file, with its save state."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from goaltui.outputs.since import CHANGED_MARK
from goaltui.outputs.styled import fit
from goaltui.review.model import Review
from goaltui.text import clean_line
from goaltui.tui.speech import Speech
from goaltui.tui.widgets.bounded import cut

UNSAVED_MARK = "*"


class ReviewHeader(Static):
    _shown: Text | None = None

    def show(
        self,
        review: Review,
        period: str,
        file: str,
        speech: Speech,
        *,
        unsaved: bool,
        read_only: bool = False,
        since: str | None = None,
        due: Text | None = None,
    ) -> None:
        w, catalogue = speech.words, speech.w
        width = self.size.width or 80
        title = speech.shown(review, review.text("title", speech.texts(review)))
        left = Text(f" {clean_line(cut(title, width))}", style="bold")
        right = Text("  ")
        right.append(f"{w['current period']} ", style="dim")
        right.append(clean_line(period), style="bold reverse")
        if due:
            right.append("  ")
            right.append_text(due)
        right.append(f"  {clean_line(file)}", style="dim")
        if since is not None:  # goaltui --since REV: what the marks in the table mean
            changed = catalogue.pgettext(
                "the header: the Δ in the table mark what changed since", "since {revision}"
            )
            right.append(f"  {CHANGED_MARK} ", style="bold")
            right.append(changed.format(revision=clean_line(since)), style="dim")
        if read_only:
            # Translators: in the header, of a file opened with --read-only
            right.append(" " + catalogue._("read-only"), style="bold red")
        if unsaved:
            # Translators: in the header, after the file's name
            right.append(f" {UNSAVED_MARK} " + catalogue._("unsaved"), style="bold yellow")
        if review.translations or speech.language != review.main_language:
            right.append(f" [{speech.language}]", style="bold")  # the language shown
        right.append(" ")
        room = max(0, width - right.cell_len)
        left = Text(fit(left.plain, room), style="bold") if left.cell_len > room else left
        left.pad_right(room - left.cell_len)
        line = Text.assemble(left, right)
        if line != self._shown:
            self._shown = line
            self.update(line, layout=False)  # always one line high: no new layout needed
