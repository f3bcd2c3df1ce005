"""The filter line under the table: text typed after "/", and the status picked with "s"."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Static

from goaltui.outputs.since import CHANGED_MARK
from goaltui.outputs.styled import status_text
from goaltui.review.filtering import Filter
from goaltui.review.model import Review
from goaltui.text import clean_line
from goaltui.tui.contrast import readable_text
from goaltui.tui.speech import Speech, speech_of


class FilterBar(Horizontal):
    """Says what the table is filtered by; holds the input while a filter is typed."""

    @dataclass
    class Changed(Message):
        """The filter text changed (while typing)."""

        text: str

    @dataclass
    class Done(Message):
        """Typing ended: Enter keeps the filter, Escape clears it."""

        keep: bool

    def compose(self) -> ComposeResult:
        yield Static(id="filter-state")

    def on_mount(self) -> None:
        self.display = False

    @property
    def field(self) -> Input | None:
        """The input, from the first "/" on (not made before: it costs start-up time)."""
        found = self.query("#filter-text")
        return found.first(Input) if found else None

    @property
    def typing(self) -> bool:
        return self.field is not None and bool(self.field.display)

    def start_typing(self, text: str) -> None:
        field = self.field
        if field is None:
            w = speech_of(self.app).w
            said = w._("objective, theme, links, comments")
            field = Input(placeholder=said, id="filter-text")
            self.mount(field)
        field.value = text
        field.display = True
        self.display = True
        field.focus()

    def stop_typing(self) -> None:
        if self.field is not None:
            self.field.display = False

    def show(
        self,
        current: Filter,
        review: Review,
        period: str,
        shown: int,
        speech: Speech,
        since: str | None = None,
    ) -> None:
        """Describe the filter; the bar hides when nothing is filtered and nobody types.
        ``since``: the revision the app compares with, if any."""
        w, catalogue = speech.words, speech.w
        if self.field is not None:
            self.field.placeholder = catalogue._("objective, theme, links, comments")
        state = Text(f" {w['filter']}: " if self.typing else f" {w['showing']} ", style="bold")
        if current.changed and since is not None:
            state.append(f"{CHANGED_MARK} ", style="bold")
            changed = catalogue.pgettext(
                "the filter bar: the goals shown", "changed since {revision}"
            )
            state.append(changed.format(revision=clean_line(since)) + " ")
        if current.status is not None:
            if current.status:
                status = status_text(review, current.status, speech.texts(review))
                state.append_text(readable_text(status, self.rich_style.bgcolor))
            else:
                state.append(w["not assessed"])
            state.append(f" {w['in']} {clean_line(period)} ")
        if current.text and not self.typing:
            state.append(f"{w['matching']} ")
            state.append(repr(clean_line(current.text)), style="bold")
            state.append(" ")
        if current.active:
            total = len(review.goals)
            if self.typing:
                hint = catalogue._("Enter keeps · Esc clears")
            else:
                hint = catalogue._("Esc clears · s next status")
            # Translators: the goals the filter lets through, of all: "(3 of 26)"
            count = catalogue._("({shown} of {total})").format(
                shown=catalogue.integer(shown), total=catalogue.integer(total)
            )
            state.append(f"{count} · {hint} ", style="dim")
        self.query_one("#filter-state", Static).update(state)
        self.display = current.active or self.typing

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Done(keep=True))

    def on_key(self, event: events.Key) -> None:
        if event.key == "escape" and self.typing:
            event.stop()
            event.prevent_default()
            self.post_message(self.Done(keep=False))
