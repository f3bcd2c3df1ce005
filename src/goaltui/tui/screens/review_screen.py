"""The review screen: the goal table, the detail pane and the keys of a review meeting.

It coordinates and no more: edits go to the document's session, what changed goes down to
the widgets, and the widgets' messages come up here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Tab, Tabs

from goaltui.document import Document, Saved, write_snapshot
from goaltui.labels import words
from goaltui.report import status_text
from goaltui.saving import SaveError
from goaltui.session import Edit
from goaltui.summary import summarize
from goaltui.text import clean_line
from goaltui.tui.dialogs.comment_editor import CommentEditor
from goaltui.tui.dialogs.forecast_dialog import ForecastDialog
from goaltui.tui.dialogs.help_dialog import HelpDialog
from goaltui.tui.dialogs.quit_dialog import QuitAnswer, QuitDialog
from goaltui.tui.dialogs.summary_dialog import SummaryDialog
from goaltui.tui.keys import Keyed, key
from goaltui.tui.widgets.detail_pane import DetailPane
from goaltui.tui.widgets.filter_bar import FilterBar
from goaltui.tui.widgets.goal_table import GoalTable
from goaltui.tui.widgets.review_header import UNSAVED_MARK, ReviewHeader

NOT_ASSESSED = ""  # the status filter's value for goals without a status


@dataclass
class Filter:
    text: str = ""
    status: str | None = None  # a label, NOT_ASSESSED, or None for any

    @property
    def active(self) -> bool:
        return bool(self.text) or self.status is not None


class ReviewScreen(Keyed, Screen[None]):
    def __init__(self, documents: Sequence[Document]) -> None:
        super().__init__()
        self.documents = list(documents)
        self.active = 0
        self.filter = Filter()
        self.saving = False
        self._after_save: Callable[[bool], None] | None = None

    # -- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield ReviewHeader(id="header")
        tabs = [Tab(self._tab_label(doc), id=f"file-{i}") for i, doc in enumerate(self.documents)]
        yield Tabs(*tabs, id="files")
        with Container(id="body"):
            with ContentSwitcher(initial="table-0", id="tables"):
                for i, doc in enumerate(self.documents):
                    review = doc.review
                    yield GoalTable(review, review.current_period(), id=f"table-{i}")
            yield DetailPane(id="detail")
        yield FilterBar(id="filter")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#files", Tabs).display = len(self.documents) > 1
        self.query_one(FilterBar).describe(None)
        self.table.focus()
        self._show_state()

    def on_resize(self) -> None:
        self.query_one("#body").set_class(self.size.width < 120, "-narrow")
        self._show_state()

    @property
    def doc(self) -> Document:
        return self.documents[self.active]

    @property
    def table(self) -> GoalTable:
        return self.query_one(f"#table-{self.active}", GoalTable)

    def _tab_label(self, doc: Document) -> Text:
        label = Text(clean_line(doc.name))
        if doc.dirty:
            label.append(f" {UNSAVED_MARK}", style="bold yellow")
        return label

    def _show_state(self) -> None:
        """Header and file tabs: the current period and which files have unsaved edits."""
        doc, table = self.doc, self.table
        self.query_one(ReviewHeader).show(
            doc.review.title,
            table.current,
            doc.name,
            unsaved=doc.dirty,
            language=doc.review.language,
        )
        tabs = self.query_one("#files", Tabs)
        for i, other in enumerate(self.documents):
            tab = tabs.query_one(f"#file-{i}", Tab)
            label = self._tab_label(other)
            if tab.label.plain != label.plain:
                tab.label = label

    def _show_details(self) -> None:
        table = self.table
        goal_id = table.cursor_goal_id
        goal = self.doc.review.goal(goal_id) if goal_id is not None else None
        self.query_one(DetailPane).show(self.doc.review, goal, table.cursor_period)

    # -- messages from the widgets -------------------------------------------------------

    def on_goal_table_cursor_moved(self, message: GoalTable.CursorMoved) -> None:
        if message.table is self.table:
            self._show_details()

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        if event.tab is None or event.tab.id is None:
            return
        self.active = int(event.tab.id.removeprefix("file-"))
        self.query_one(ContentSwitcher).current = f"table-{self.active}"
        self._apply_filter()
        self.table.focus()
        self._show_state()
        self._show_details()

    def on_filter_bar_changed(self, message: FilterBar.Changed) -> None:
        self.filter.text = message.text
        self._apply_filter()

    def on_filter_bar_done(self, message: FilterBar.Done) -> None:
        bar = self.query_one(FilterBar)
        bar.stop_typing()
        if not message.keep:
            self.filter.text = ""
        self._apply_filter()
        self.table.focus()

    # -- editing ---------------------------------------------------------------------------

    def _target(self) -> tuple[str, str] | None:
        goal_id = self.table.cursor_goal_id
        return None if goal_id is None else (goal_id, self.table.cursor_period)

    def _edited(self, edit: Edit | None, *, move: bool = False) -> None:
        """Show an edit (or its undoing): the changed line, the details, the save state."""
        if edit is None:
            return
        table = self.table
        if move and not table.move_to(edit.goal_id, edit.period):
            self.filter = Filter()  # the edited goal was filtered out: show everything
            self._apply_filter()
            table.move_to(edit.goal_id, edit.period)
        table.refresh_goal(edit.goal_id)
        self._show_details()
        self._show_state()

    @key("space", "Cycle")
    def action_cycle(self) -> None:
        if target := self._target():
            self._edited(self.doc.session.cycle_status(*target))

    @key("1", "Set status 1", action="set_status(1)", show=False)
    @key("2", "Set status 2", action="set_status(2)", show=False)
    @key("3", "Set status 3", action="set_status(3)", show=False)
    @key("4", "Set status 4", action="set_status(4)", show=False)
    @key("5", "Set status 5", action="set_status(5)", show=False)
    @key("6", "Set status 6", action="set_status(6)", show=False)
    @key("7", "Set status 7", action="set_status(7)", show=False)
    @key("8", "Set status 8", action="set_status(8)", show=False)
    @key("9", "Set status 9", action="set_status(9)", show=False)
    def action_set_status(self, number: int) -> None:
        statuses = self.doc.review.statuses
        if number > len(statuses):
            self.notify(f"This review has {len(statuses)} statuses", severity="warning")
            return
        if target := self._target():
            self._edited(self.doc.session.set_status(*target, statuses[number - 1].label))

    @key("0,delete", "Clear status", show=False)
    def action_clear_status(self) -> None:
        if target := self._target():
            self._edited(self.doc.session.set_status(*target, None))

    @key("c", "Comment")
    def action_comment(self) -> None:
        target = self._target()
        if target is None:
            return
        doc = self.doc
        goal = doc.review.goal(target[0])
        title = f"{target[1]} · {goal.objective}"

        def apply(comment: str | None) -> None:
            if comment is not None:
                text = comment.replace("\r\n", "\n").rstrip()
                self._edited(doc.session.set_comment(*target, text or None))

        self.app.push_screen(CommentEditor(title, goal.entry(target[1]).comment), apply)

    @key("f", "Forecast")
    def action_forecast(self) -> None:
        target = self._target()
        if target is None:
            return
        doc = self.doc
        goal = doc.review.goal(target[0])
        title = f"Forecast {target[1]} · {goal.objective}"

        def apply(forecast: str | None) -> None:
            if forecast is not None:
                self._edited(doc.session.set_forecast(*target, forecast))

        self.app.push_screen(ForecastDialog(title, goal.entry(target[1]).forecast), apply)

    @key("ctrl+z", "Undo")
    def action_undo(self) -> None:
        edit = self.doc.session.undo()
        if edit is None:
            self.notify("Nothing to undo")
        self._edited(edit, move=True)

    @key("ctrl+y", "Redo", show=False)
    def action_redo(self) -> None:
        edit = self.doc.session.redo()
        if edit is None:
            self.notify("Nothing to redo")
        self._edited(edit, move=True)

    # -- periods, files, filters -----------------------------------------------------------

    def _change_period(self, step: int) -> None:
        table = self.table
        periods = self.doc.review.periods
        index = min(max(periods.index(table.current) + step, 0), len(periods) - 1)
        table.set_current(periods[index])
        if table.cursor_goal_id is not None:
            table.move_to(table.cursor_goal_id, periods[index])
        if self.filter.status is not None:
            self._apply_filter()
        self._show_state()
        self._show_details()

    @key("left_square_bracket", "Previous period", key_display="[", show=False)
    def action_previous_period(self) -> None:
        self._change_period(-1)

    @key("right_square_bracket", "Next period", key_display="]", show=False)
    def action_next_period(self) -> None:
        self._change_period(1)

    @key("greater_than_sign", "Next file", key_display=">", show=False)
    def action_next_file(self) -> None:
        self.query_one("#files", Tabs).action_next_tab()

    @key("less_than_sign", "Previous file", key_display="<", show=False)
    def action_previous_file(self) -> None:
        self.query_one("#files", Tabs).action_previous_tab()

    @key("slash", "Filter", key_display="/")
    def action_filter_text(self) -> None:
        self.query_one(FilterBar).start_typing(self.filter.text)
        self._describe_filter()

    @key("s", "Filter by status", show=False)
    def action_filter_status(self) -> None:
        choices: list[str | None] = [s.label for s in self.doc.review.statuses]
        choices += [NOT_ASSESSED, None]
        position = choices.index(self.filter.status) if self.filter.status in choices else -1
        self.filter.status = choices[(position + 1) % len(choices)]
        self._apply_filter()

    @key("escape", "Clear filter", show=False)
    def action_clear_filter(self) -> None:
        if self.filter.active:
            self.filter = Filter()
            self._apply_filter()

    def _apply_filter(self) -> None:
        table, review = self.table, self.doc.review
        if not self.filter.active:
            table.show_goals(None)
        else:
            needle = self.filter.text.casefold()
            status, period = self.filter.status, table.current
            wanted = None if status is None else (status or None)
            table.show_goals(
                [
                    i
                    for i, goal in enumerate(review.goals)
                    if (status is None or goal.status_in(period) == wanted)
                    and (not needle or goal.matches(needle))
                ]
            )
        self._describe_filter()
        self._show_details()

    def _describe_filter(self) -> None:
        bar = self.query_one(FilterBar)
        if not self.filter.active:
            bar.describe(Text(" Filter: ", style="bold") if bar.typing else None)
            return
        w = words(self.doc.review.language)
        state = Text(" Showing ", style="bold")
        if self.filter.status is not None:
            state.append_text(
                status_text(self.doc.review, self.filter.status)
                if self.filter.status
                else Text(w["not assessed"])
            )
            state.append(f" in {clean_line(self.table.current)} ")
        if self.filter.text:
            state.append("matching ")
            state.append(repr(clean_line(self.filter.text)), style="bold")
            state.append(" ")
        total = len(self.doc.review.goals)
        state.append(f"({self.table.shown_goals} of {total}) · Esc clears · s next status ", "dim")
        bar.describe(state)

    # -- saving, help, quitting ---------------------------------------------------------------

    @key("ctrl+s", "Save")
    def action_save(self) -> None:
        self.save_all()

    def save_all(self, then: Callable[[bool], None] | None = None) -> None:
        """Save every changed file off the UI thread; ``then(ok)`` runs when done."""
        if self.saving:
            self.notify("Already saving…")
            return
        snapshots = [doc.snapshot() for doc in self.documents if doc.dirty]
        self.saving = True
        self._after_save = then
        self._write(snapshots)

    @work(thread=True, exit_on_error=False)
    def _write(self, snapshots: list) -> None:  # type: ignore[type-arg]
        results: list[Saved | SaveError] = []
        for snapshot in snapshots:
            try:
                results.append(write_snapshot(snapshot))
            except SaveError as error:
                results.append(error)
        self.app.call_from_thread(self._written, results)

    def _written(self, results: list[Saved | SaveError]) -> None:
        self.saving = False
        failed = [r for r in results if isinstance(r, SaveError)]
        for result in results:
            if isinstance(result, Saved):
                doc = next(d for d in self.documents if d.path == result.snapshot.path)
                doc.saved(result)
        for error in failed:
            self.notify(
                f"{error.reason}\nYour edits are kept; fix the cause and save again.",
                title=f"Not saved: {clean_line(error.path.name)}",
                severity="error",
                timeout=15,
            )
        self._show_state()
        then, self._after_save = self._after_save, None
        if then is not None:
            then(not failed)
            return
        saved = [r for r in results if isinstance(r, Saved)]
        if not saved and not failed:
            note = "Nothing to save: every file is as it was."
        else:
            note = f"Saved {', '.join(clean_line(r.snapshot.path.name) for r in saved)}."
        if failed and not saved:
            return
        docs = [d for d in self.documents if any(r.snapshot.path == d.path for r in saved)]
        summaries = [summarize(d.review, d.path, self._period_of(d)) for d in (docs or [self.doc])]
        self.app.push_screen(SummaryDialog(summaries, note))

    def _period_of(self, doc: Document) -> str:
        index = self.documents.index(doc)
        return self.query_one(f"#table-{index}", GoalTable).current

    @key("question_mark", "Keys", key_display="?")
    def action_help(self) -> None:
        self.app.push_screen(HelpDialog(self.help_rows()))

    def help_rows(self) -> list[tuple[str, str]]:
        """Every key as mapped now: this screen's in the order declared, moving, the app's."""
        declared = [*vars(ReviewScreen)["BINDINGS"], *vars(GoalTable)["BINDINGS"]]
        rank = {binding.action: i for i, binding in enumerate(declared)}  # type: ignore[union-attr]
        keys: dict[str, list[str]] = {}
        places: dict[str, int] = {}
        for active in self.active_bindings.values():
            binding = active.binding
            if not binding.description or binding.system or binding.action.startswith("set_status"):
                continue
            keys.setdefault(binding.description, []).append(self.app.get_key_display(binding))
            places.setdefault(binding.description, rank.get(binding.action, len(rank)))
        rows = [(", ".join(keys[d]), d) for d in sorted(keys, key=lambda d: places[d])]
        statuses = self.doc.review.statuses[:9]
        numbers = ", ".join(f"{i} {clean_line(s.label)}" for i, s in enumerate(statuses, 1))
        rows.insert(1, (f"1–{len(statuses)}", f"Set status: {numbers}"))
        return rows

    @key("q", "Quit")
    def action_quit(self) -> None:
        self.request_quit()

    def request_quit(self) -> None:
        """Quit, asking first when there are unsaved edits: save, discard or cancel."""
        unsaved = [doc.name for doc in self.documents if doc.dirty]
        if not unsaved:
            self.app.exit()
            return

        def answered(answer: QuitAnswer | None) -> None:
            if answer == "discard":
                self.app.exit()
            elif answer == "save":
                self.save_all(lambda ok: self.app.exit() if ok else None)

        self.app.push_screen(QuitDialog(unsaved), answered)
