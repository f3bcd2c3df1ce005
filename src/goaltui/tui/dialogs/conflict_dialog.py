"""After a merge: the fields changed both here and on disk, for the reviewer to decide."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Static

from goaltui.language import N_, Words
from goaltui.review.merge import Conflict, Gone, Merge
from goaltui.review.model import EditValue
from goaltui.review.session import Edit
from goaltui.text import clean_line
from goaltui.tui.dialogs import STYLES
from goaltui.tui.keys import Keyed, key
from goaltui.tui.speech import speech_of


def _value(value: EditValue, w: Words) -> str:
    if value is None:
        return w._("(empty)")
    if isinstance(value, tuple):  # actions, one per line
        value = "; ".join(value)
    line = clean_line(value if isinstance(value, str) else w.number(value))
    return line if len(line) <= 60 else line[:59] + "…"


def _field(name: str, language: str | None, words: dict[str, str]) -> str:
    """The field changed, and the translation it is of: "comment", "comment [sv]"."""
    said = words.get(name, name).lower()
    return said if language is None else f"{said} [{clean_line(language)}]"


def gone(edit: Edit, why: Gone, w: Words) -> str:
    """Why an edit cannot be re-applied, in the words of ``w``."""
    if why == "goal":
        return w._("the goal is no longer in the file")
    if why == "period":
        said = w._("the period {period} is no longer in the file")
        # The review's current period names the period it was set to, not a goal's.
        period = str(edit.after or "") if edit.field == "current" else edit.period
        return said.format(period=clean_line(period))
    if why == "status":
        said = w._('the status "{status}" is no longer in the scale')
        return said.format(status=clean_line(str(edit.after or "")))
    if why == "indicator":
        said = w._("the indicator {indicator} is no longer in the goal")
        return said.format(indicator=clean_line(edit.indicator or ""))
    said = w._("the language {language} is no longer among the review's translations")
    return said.format(language=clean_line(edit.language or ""))


class ConflictDialog(Keyed, ModalScreen[list[Conflict] | None]):
    """Answers the conflicts where this session's value is kept (ticked), or None to cancel."""

    CSS_PATH = STYLES

    def __init__(self, name: str, result: Merge) -> None:
        super().__init__()
        self.name_ = name
        self.result = result

    def compose(self) -> ComposeResult:
        speech = speech_of(self.app)
        w, words = speech.w, speech.words
        with Vertical(classes="dialog"):
            said = w._("{file} changed on disk.").format(file=clean_line(self.name_))
            heading = Text(said + "\n", style="bold")
            clean = len(self.result.clean)
            heading.append(
                w.ngettext(
                    "{n} of your edits applies cleanly on top of it. These fields were changed "
                    "on both sides: tick the ones where yours should win (space toggles, Tab "
                    "moves), then Apply.",
                    "{n} of your edits apply cleanly on top of it. These fields were changed "
                    "on both sides: tick the ones where yours should win (space toggles, Tab "
                    "moves), then Apply.",
                    clean,
                ).format(n=w.integer(clean))
            )
            yield Static(heading, classes="question")
            with VerticalScroll(classes="conflicts"):
                for i, conflict in enumerate(self.result.conflicts):
                    label = Text(f"{clean_line(conflict.goal_id)} {clean_line(conflict.period)} ")
                    label.append(_field(conflict.field, conflict.language, words), style="bold")
                    if conflict.indicator is not None:
                        label.append(f" {clean_line(conflict.indicator)}", style="bold")
                    label.append(": " + w._("keep yours"))
                    yield Checkbox(label, value=True, id=f"conflict-{i}")
                    # Translators: "yours" and "theirs" are aligned: pad them to one width
                    values = Text("    " + w._("yours:  "))
                    values.append(_value(conflict.ours, w), style="green")
                    values.append("\n    " + w._("theirs: "))
                    values.append(_value(conflict.theirs, w), style="yellow")
                    yield Static(values, classes="values")
            if self.result.lost:
                said = w._("These edits cannot be re-applied; note them down:")
                lost = Text(said + "\n", style="bold")
                for edit, why in self.result.lost:
                    lost.append(  # why quotes the journal's values too
                        f"  {clean_line(edit.goal_id)} {clean_line(edit.period)} "
                        f"{_field(edit.field, edit.language, words)} → "
                        f"{_value(edit.after, w)}: {gone(edit, why, w)}\n"
                    )
                with VerticalScroll(classes="lost"):
                    yield Static(lost)
            with Horizontal(classes="buttons"):
                yield Button(Text(w._("Apply (a)")), id="apply", variant="success")
                yield Button(Text(w._("Cancel (esc)")), id="cancel", variant="primary")

    def on_mount(self) -> None:
        boxes = self.query(Checkbox)
        (boxes.first() if boxes else self.query_one("#apply", Button)).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "apply":
            self.action_apply()
        else:
            self.dismiss(None)

    @key("a", N_("Apply"))
    def action_apply(self) -> None:
        self.dismiss(
            [
                conflict
                for i, conflict in enumerate(self.result.conflicts)
                if self.query_one(f"#conflict-{i}", Checkbox).value
            ]
        )

    @key("escape", N_("Cancel"), show=False)
    def action_cancel(self) -> None:
        self.dismiss(None)
