"""After a merge: the fields changed both here and on disk, for the reviewer to decide."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Static

from goaltui.review.merge import Conflict, Merge
from goaltui.review.model import EditValue
from goaltui.text import clean_line
from goaltui.tui.keys import Keyed, key


def _value(value: EditValue) -> str:
    if value is None:
        return "(empty)"
    if isinstance(value, tuple):  # actions, one per line
        value = "; ".join(value)
    line = clean_line(str(value))
    return line if len(line) <= 60 else line[:59] + "…"


class ConflictDialog(Keyed, ModalScreen[list[Conflict] | None]):
    """Answers the conflicts where this session's value is kept (ticked), or None to cancel."""

    def __init__(self, name: str, result: Merge) -> None:
        super().__init__()
        self.name_ = name
        self.result = result

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            heading = Text(f"{clean_line(self.name_)} changed on disk.\n", style="bold")
            heading.append(
                f"{len(self.result.clean)} of your edits apply cleanly on top of it. "
                "These fields were changed on both sides: tick the ones where yours should win "
                "(space toggles, Tab moves), then Apply."
            )
            yield Static(heading, classes="question")
            with VerticalScroll(classes="conflicts"):
                for i, conflict in enumerate(self.result.conflicts):
                    label = Text(f"{clean_line(conflict.goal_id)} {clean_line(conflict.period)} ")
                    label.append(conflict.field, style="bold")
                    if conflict.indicator is not None:
                        label.append(f" {clean_line(conflict.indicator)}", style="bold")
                    label.append(": keep yours")
                    yield Checkbox(label, value=True, id=f"conflict-{i}")
                    values = Text("    yours:  ")
                    values.append(_value(conflict.ours), style="green")
                    values.append("\n    theirs: ")
                    values.append(_value(conflict.theirs), style="yellow")
                    yield Static(values, classes="values")
            if self.result.lost:
                lost = Text("These edits cannot be re-applied; note them down:\n", style="bold")
                for edit, why in self.result.lost:
                    lost.append(  # why quotes the journal's values too
                        f"  {clean_line(edit.goal_id)} {clean_line(edit.period)} {edit.field} → "
                        f"{_value(edit.after)}: {clean_line(why)}\n"
                    )
                with VerticalScroll(classes="lost"):
                    yield Static(lost)
            with Horizontal(classes="buttons"):
                yield Button(Text("Apply (a)"), id="apply", variant="success")
                yield Button(Text("Cancel (esc)"), id="cancel", variant="primary")

    def on_mount(self) -> None:
        boxes = self.query(Checkbox)
        (boxes.first() if boxes else self.query_one("#apply", Button)).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "apply":
            self.action_apply()
        else:
            self.dismiss(None)

    @key("a", "Apply")
    def action_apply(self) -> None:
        self.dismiss(
            [
                conflict
                for i, conflict in enumerate(self.result.conflicts)
                if self.query_one(f"#conflict-{i}", Checkbox).value
            ]
        )

    @key("escape", "Cancel", show=False)
    def action_cancel(self) -> None:
        self.dismiss(None)
