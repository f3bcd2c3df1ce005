"""The review screen: the goal table, the detail pane and the keys of a review meeting.

It coordinates and no more: edits go to the document's session, what changed goes down to
the widgets, the widgets' messages come up here, and saving and the disk are left to
:class:`~goaltui.tui.flows.file_flows.FileFlows`, which knows this screen only as a
:class:`~goaltui.tui.flows.host.FilesHost`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.command import Provider
from textual.containers import Container
from textual.widgets import ContentSwitcher, Tabs

from goaltui.files.document import Document
from goaltui.files.loading import comments_warning
from goaltui.files.recovery import Draft
from goaltui.language import N_
from goaltui.outputs.since import SinceMarks
from goaltui.review.filtering import Filter, SearchTexts
from goaltui.review.session import Edit
from goaltui.text import clean_line
from goaltui.tui.flows.file_flows import FileFlows
from goaltui.tui.flows.indexing import IdleIndex
from goaltui.tui.flows.later_files import LaterFiles
from goaltui.tui.flows.report_flow import ReportCommands, ReportFlow
from goaltui.tui.keys import key
from goaltui.tui.screens import telling
from goaltui.tui.screens.editors import Editors
from goaltui.tui.screens.languages import LanguageScreen
from goaltui.tui.screens.meeting import MeetingScreen
from goaltui.tui.widgets.detail_pane import DetailPane
from goaltui.tui.widgets.file_tabs import FileTabs
from goaltui.tui.widgets.filter_bar import FilterBar
from goaltui.tui.widgets.goal_table import GoalTable
from goaltui.tui.widgets.measures_part import due_text
from goaltui.tui.widgets.review_header import UNSAVED_MARK, ReviewHeader
from goaltui.tui.widgets.since_detail import SinceDetail
from goaltui.tui.widgets.spoken_footer import SpokenFooter
from goaltui.tui.widgets.status_line import StatusLine
from goaltui.tui.widgets.table_layout import MIN_OBJECTIVE

if TYPE_CHECKING:
    from goaltui.files.changes import Baseline

#: From this width the pane stands beside the table (at 42 cells, styles/app.tcss), which
#: then still gives the objective its MIN_OBJECTIVE cells.
WIDE = 140


class ReviewScreen(LanguageScreen):
    # The palette's reports, beside the app's own commands.
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ReportCommands}

    def __init__(self, documents: Sequence[Document], baseline: Baseline | None = None) -> None:
        super().__init__()
        self.documents = list(documents)
        # goaltui --since REV: the revision compared with, and each file's marks
        self.revision = baseline.revision if baseline is not None else None
        self.since = [
            SinceMarks.of(baseline, d.path, d.review) if baseline is not None else None
            for d in self.documents  # (without a baseline, every file is read as it is shown)
        ]
        self.active = 0
        self.filter = Filter()
        self.files = FileFlows(self, self.documents)
        self.later = LaterFiles(self, self.documents, self._tell_comments, self._cannot_open)
        self.editors = Editors(self)
        self.reports = ReportFlow(self)
        self._search_texts: dict[int, SearchTexts] = {}  # per review on screen
        self._tables: dict[int, GoalTable] = {}  # made when their file is first shown
        self._tab_dirty: dict[int, bool] = {}  # the unsaved mark each tab shows
        self._warned: set[str] = set()  # journal problems already reported
        self._shown: dict[int, str] = {}  # the language each file was last shown in

    # -- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield ReviewHeader(id="header")
        if len(self.documents) > 1:  # one tab per file; a single file needs none
            yield FileTabs(len(self.documents), self._tab_label_of, id="files")
        with Container(id="body"):
            with ContentSwitcher(initial="table-0", id="tables"):
                # One file's table: the others are made when first shown, so that a folder
                # of thousands of files opens as fast as one.
                yield self._new_table(0)
            yield DetailPane(id="detail")
        yield FilterBar(id="filter")
        yield StatusLine(id="said")
        # Compact, and without the palette's key (styles/app.tcss): the keys stay visible at
        # 80 columns in Finnish and Swedish too.
        yield SpokenFooter()

    def on_mount(self) -> None:
        if self.revision is not None:
            self.query_one(DetailPane).mount(SinceDetail(id="since"))
        self.table.focus()
        self.show_state()
        for doc in self.documents:
            if doc.loaded:  # the others as they are read
                self._tell_comments(doc)
        self.files.offer_recovery()
        IdleIndex(self, self.documents, lambda: self.files.save_running).start()
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        self.later.start()  # after the first frame

    def _tell_comments(self, doc: Document) -> None:
        """docs/format.md: the reviewer is told once, on opening, that comments are dropped."""
        if doc.source.comments:
            w = self.speech.w
            said = w._("{file}: comments will not be kept")
            self.notify(
                comments_warning(doc.source.comments, w),
                title=said.format(file=clean_line(doc.name)),
                severity="warning",
                timeout=15,
                markup=False,
            )

    def _cannot_open(self, index: int) -> None:
        if len(self.documents) > 1:
            self.query_one(FileTabs).set_label(index, self._tab_label_of(index))

    def on_resize(self) -> None:
        narrow = self.size.width < WIDE
        self.query_one("#body").set_class(narrow, "-narrow")
        for table in self.query(GoalTable):
            table.most_objective = MIN_OBJECTIVE if narrow else None
        self.show_state()
        self._fit_pane()

    @property
    def doc(self) -> Document:
        return self.documents[self.active]

    @property
    def table(self) -> GoalTable:
        return self._table_of(self.active)

    def _new_table(self, index: int) -> GoalTable:
        doc = self.documents[index]
        current = doc.review.current_period()
        table = GoalTable(doc.review, current, self.speech, id=f"table-{index}")
        table.since = self.since[index]
        self._tables[index] = table
        return table

    def _table_of(self, index: int) -> GoalTable:
        """The table of a file, made (and mounted) when first asked for."""
        table = self._tables.get(index)
        if table is None:
            table = self._new_table(index)
            self.query_one("#tables", ContentSwitcher).mount(table)
        return table

    def period_of(self, doc: Document) -> str:
        """The period under review for ``doc`` as the reviewer has set it with [ and ]."""
        table = self._tables.get(self.documents.index(doc))
        return doc.review.current_period() if table is None else table.current

    def _tab_label_of(self, index: int) -> Text:
        if index in self.later.failed:
            return Text(clean_line(self.documents[index].name)).append(" ✗", style="bold red")
        return self._tab_label(self.documents[index])

    def _tab_label(self, doc: Document) -> Text:
        label = Text(clean_line(doc.name))
        if doc.dirty:
            label.append(f" {UNSAVED_MARK}", style="bold yellow")
        return label

    def show_state(self) -> None:
        """Header and file tabs: the current period and which files have unsaved edits."""
        doc = self.doc
        self.query_one(ReviewHeader).show(
            doc.review,
            self.table.current,
            doc.name,
            self.speech,
            unsaved=doc.dirty,
            read_only=doc.read_only,
            since=self.revision,
            due=due_text(doc.review, self.table.current, self.speech.w),
        )
        for i, other in enumerate(self.documents):
            if len(self.documents) > 1 and self._tab_dirty.get(i, False) != other.dirty:
                self._tab_dirty[i] = other.dirty  # thousands of tabs: touch only the changed
                self.query_one(FileTabs).set_label(i, self._tab_label(other))
            if other.journal_error and other.journal_error not in self._warned:
                self._warned.add(other.journal_error)
                self.notify(
                    clean_line(other.journal_error),
                    title=self.speech.w._("Crash recovery is off for this file"),
                    severity="warning",
                    timeout=15,
                    markup=False,
                )

    def _show_details(self) -> None:
        table = self.table
        goal_id = table.cursor_goal_id
        goal = self.doc.review.goal(goal_id) if goal_id is not None else None
        self.query_one(DetailPane).show(self.doc.review, goal, table.cursor_period, self.speech)
        for since in self.query(SinceDetail):
            since.show(self.since[self.active], self.doc.review, goal, self.doc.name)

    def document_replaced(self, doc: Document) -> None:
        """A document was reloaded or merged: its table shows the new review."""
        index = self.documents.index(doc)
        if index in self._tables:  # a table not made yet will show the new review anyway
            self._tables[index].show_review(doc.review)
        self.query_one(DetailPane).forget()
        if index == self.active:
            self._apply_filter()
        self.show_state()

    # -- messages from the widgets and the app ----------------------------------------------

    def on_key(self) -> None:
        self.later.hold()  # the files not read yet wait: the key first

    def on_goal_table_cursor_moved(self, message: GoalTable.CursorMoved) -> None:
        if message.table is self.table:
            self._show_details()

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        if event.tab is None or event.tab.id is None:
            return
        index = int(event.tab.id.removeprefix("file-"))
        if index != self.active and not self.later.ensure(index):
            self.query_one(FileTabs).show_file(self.active)  # it cannot be shown: said why
            return
        self._shown[self.active] = self.speech.language
        self.active = index
        self._table_of(self.active)  # made now if this file was not shown before
        self._speak(self._shown.get(self.active, self._start_language()), announce=False)
        self.query_one(ContentSwitcher).current = f"table-{self.active}"
        self._apply_filter()
        self.table.focus()
        self.show_state()

    def on_filter_bar_changed(self, message: FilterBar.Changed) -> None:
        self.filter = replace(self.filter, text=message.text)
        self._apply_filter()

    def on_filter_bar_done(self, message: FilterBar.Done) -> None:
        self.query_one(FilterBar).stop_typing()
        if not message.keep:
            self.filter = replace(self.filter, text="")
        self._apply_filter()
        self.table.focus()

    # -- editing ---------------------------------------------------------------------------

    def _target(self) -> tuple[str, str] | None:
        goal_id = self.table.cursor_goal_id
        if goal_id is None:
            self.say(telling.no_goal(self.w), warning=True)
        return None if goal_id is None else (goal_id, self.table.cursor_period)

    def _edited(self, edit: Edit | None, *, move: bool = False) -> None:
        """Show an edit (or its undoing): the changed line, the details, the save state."""
        if edit is None:
            return
        table = self.table
        if edit.field == "current":
            table.set_current(self.doc.review.current_period())
            self._change_period(0)
            return
        if move and not table.move_to(edit.goal_id, edit.period):
            self.filter = Filter()  # the edited goal was filtered out: show everything
            self._apply_filter()
            table.move_to(edit.goal_id, edit.period)
        table.refresh_goal(edit.goal_id)
        self._show_details()
        self.show_state()

    @key("space", N_("Cycle"))
    def action_cycle(self) -> None:
        if target := self._target():
            self._edited(self.doc.session.cycle_status(*target))

    @key("1", N_("Set status 1"), action="set_status(1)", id="set-status-1", show=False)
    @key("2", N_("Set status 2"), action="set_status(2)", id="set-status-2", show=False)
    @key("3", N_("Set status 3"), action="set_status(3)", id="set-status-3", show=False)
    @key("4", N_("Set status 4"), action="set_status(4)", id="set-status-4", show=False)
    @key("5", N_("Set status 5"), action="set_status(5)", id="set-status-5", show=False)
    @key("6", N_("Set status 6"), action="set_status(6)", id="set-status-6", show=False)
    @key("7", N_("Set status 7"), action="set_status(7)", id="set-status-7", show=False)
    @key("8", N_("Set status 8"), action="set_status(8)", id="set-status-8", show=False)
    @key("9", N_("Set status 9"), action="set_status(9)", id="set-status-9", show=False)
    def action_set_status(self, number: int) -> None:
        statuses = self.doc.review.statuses
        if number > len(statuses):
            w = self.speech.w
            said = w.ngettext(
                "This review has {n} status", "This review has {n} statuses", len(statuses)
            )
            self.notify(said.format(n=w.integer(len(statuses))), severity="warning", markup=False)
            return
        if target := self._target():
            self._edited(self.doc.session.set_status(*target, statuses[number - 1].label))

    @key("0,delete", N_("Clear status"), show=False)
    def action_clear_status(self) -> None:
        if target := self._target():
            self._edited(self.doc.session.set_status(*target, None))

    def open_draft(self, doc: Document, draft: Draft) -> None:
        """Reopen the editor of a draft an earlier session left, with the draft's text."""
        self.editors.open_draft(doc, draft)

    def show_goal(self, doc: Document, goal_id: str, period: str) -> None:
        """Bring ``doc`` to the front with the cursor on the goal's period."""
        index = self.documents.index(doc)
        if len(self.documents) > 1:
            self.query_one(FileTabs).show_file(index)
        self._table_of(index).move_to(goal_id, period)

    def applied(self, doc: Document, edit: Edit | None) -> None:
        """An editor applied its text to ``doc``."""
        if doc is self.doc:
            self._edited(edit)
        else:
            self.show_state()

    @key("c,enter", N_("Comment"))
    def action_comment(self) -> None:
        if target := self._target():
            self.editors.open("comment", self.doc, *target)

    @key("f", N_("Forecast"))
    def action_forecast(self) -> None:
        if target := self._target():
            self.editors.open("forecast", self.doc, *target)

    @key("ctrl+z", N_("Undo"))
    def action_undo(self) -> None:
        edit = self.doc.session.undo()
        if edit is None:
            self.say(self.w._("Nothing to undo"), warning=True)
        else:
            self.say(telling.undone(self.w, self.doc.review, edit))
        self._edited(edit, move=True)

    @key("ctrl+y", N_("Redo"), show=False)
    def action_redo(self) -> None:
        edit = self.doc.session.redo()
        if edit is None:
            self.say(self.w._("Nothing to redo"), warning=True)
        else:
            self.say(telling.redone(self.w, self.doc.review, edit))
        self._edited(edit, move=True)

    # -- periods, files, filters -----------------------------------------------------------

    def _change_period(self, step: int) -> None:
        table = self.table
        periods = self.doc.review.periods
        at = periods.index(table.current) + step
        if not 0 <= at < len(periods):
            self.say(telling.period_end(self.w, table.current, step), warning=True)
            return
        period = periods[at]
        table.set_current(period)
        if table.cursor_goal_id is not None:
            table.move_to(table.cursor_goal_id, period)
        if self.filter.status is not None:
            self._apply_filter()
        self.show_state()

    @key("left_square_bracket", N_("Previous period"), key_display="[", show=False)
    def action_previous_period(self) -> None:
        self._change_period(-1)

    @key("right_square_bracket", N_("Next period"), key_display="]", show=False)
    def action_next_period(self) -> None:
        self._change_period(1)

    @key("greater_than_sign", N_("Next file"), key_display=">", show=False)
    def action_next_file(self) -> None:
        self._step_file(1)

    @key("less_than_sign", N_("Previous file"), key_display="<", show=False)
    def action_previous_file(self) -> None:
        self._step_file(-1)

    def _step_file(self, direction: int) -> None:
        """To the next file that can be shown (read now if it was not yet)."""
        count = len(self.documents)
        index = (self.active + direction) % count
        while index != self.active:
            if index not in self.later.failed and self.later.ensure(index):
                self.query_one(FileTabs).show_file(index)
                return
            index = (index + direction) % count

    @key("slash", N_("Filter"), key_display="/")
    def action_filter_text(self) -> None:
        self.query_one(FilterBar).start_typing(self.filter.text)
        self._apply_filter()

    @key("s", N_("Filter by status"), show=False)
    def action_filter_status(self) -> None:
        self.filter = self.filter.next_status(self.doc.review, since=self.revision is not None)
        self._apply_filter()

    @key("escape", N_("Clear filter"), show=False)
    def action_clear_filter(self) -> None:
        if self.filter.active:
            self.filter = Filter()
            self._apply_filter()

    def _apply_filter(self) -> None:
        table = self.table
        texts = self._search_texts.setdefault(id(self.doc.review), SearchTexts())
        marks, review = self.since[self.active], self.doc.review
        changed = None if marks is None else lambda goal: marks.changed(review, goal)
        table.show_goals(self.filter.goals(review, table.current, texts, changed))
        self.query_one(FilterBar).show(
            self.filter, review, table.current, table.shown_goals, self.speech, self.revision
        )  # the table's CursorMoved brings the detail pane up to date
        self.call_after_refresh(self._fit_pane)

    # -- saving, help, quitting ---------------------------------------------------------------

    @key("ctrl+s", N_("Save"))
    def action_save(self) -> None:
        self.files.start_save()

    @key("question_mark", N_("Help"), key_display="?")
    def action_help(self) -> None:
        from goaltui.tui.dialogs.help_dialog import HelpDialog, key_rows

        order = [
            *vars(ReviewScreen)["BINDINGS"],
            *vars(LanguageScreen)["BINDINGS"],
            *vars(MeetingScreen)["BINDINGS"],
            *vars(GoalTable)["BINDINGS"],
        ]
        bindings = [active.binding for active in self.active_bindings.values()]
        rows = key_rows(bindings, order, self.doc.review, self.speech, self.app)
        self.app.push_screen(HelpDialog(rows))

    @key("q", N_("Quit"))
    def action_quit(self) -> None:
        self.request_quit()

    def request_quit(self) -> None:
        """Quit, asking first when there are unsaved edits (see :func:`quitting.ask`)."""
        from goaltui.tui.screens import quitting  # and its dialog: only when quitting

        quitting.ask(self, self.documents, self.files)
