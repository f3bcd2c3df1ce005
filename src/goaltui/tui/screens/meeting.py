"""The review screen's part for a meeting: the status line, the pane fitted under the
table, the current period set by a key, high contrast, what the palette calls, and the keys
of a goal's actions, indicators and the reports.

:class:`~goaltui.tui.screens.review_screen.ReviewScreen` is built on it and provides the
document, the table and the edits (the stubs below say what).
"""

from __future__ import annotations

from textual.screen import Screen

from goaltui.files.document import Document
from goaltui.language import N_, Words
from goaltui.review.filtering import Filter
from goaltui.review.session import Edit
from goaltui.tui.flows.report_flow import ReportFlow
from goaltui.tui.keys import Keyed, key
from goaltui.tui.screens import telling
from goaltui.tui.screens.editors import Editors
from goaltui.tui.speech import Speech, speech_of
from goaltui.tui.themes import DARK, HIGH_CONTRAST
from goaltui.tui.widgets.detail_pane import DetailPane
from goaltui.tui.widgets.goal_table import GoalTable
from goaltui.tui.widgets.status_line import StatusLine


class MeetingScreen(Keyed, Screen[None]):
    filter: Filter
    _before_contrast: str = DARK  # the theme high contrast goes back to

    # -- provided by the review screen ---------------------------------------------------

    @property
    def doc(self) -> Document:
        raise NotImplementedError

    @property
    def table(self) -> GoalTable:
        raise NotImplementedError

    def _edited(self, edit: Edit | None, *, move: bool = False) -> None:
        raise NotImplementedError

    def _apply_filter(self) -> None:
        raise NotImplementedError

    def _change_period(self, step: int) -> None:
        raise NotImplementedError

    def _show_details(self) -> None:
        raise NotImplementedError

    def _target(self) -> tuple[str, str] | None:
        raise NotImplementedError

    def show_goal(self, doc: Document, goal_id: str, period: str) -> None:
        raise NotImplementedError

    def applied(self, doc: Document, edit: Edit | None) -> None:
        raise NotImplementedError

    editors: Editors
    reports: ReportFlow

    # -- the meeting's --------------------------------------------------------------------

    def _theme_changed(self, _theme: object) -> None:
        """Texts coloured for the old theme's backgrounds are coloured again."""
        self.query_one(DetailPane).forget()
        self._show_details()
        self._apply_filter()

    def _fit_pane(self) -> None:
        """Under the table (narrow terminals) the pane takes the lines the table leaves
        empty, and at least 40%: the comment is what the meeting reads."""
        pane, body = self.query_one(DetailPane), self.query_one("#body")
        if not body.has_class("-narrow"):
            pane.styles.height = None
            return
        table = self.table.virtual_size.height + 1  # +1: the pane's top edge
        pane.styles.height = max(body.size.height - table, body.size.height * 2 // 5)

    @property
    def speech(self) -> Speech:
        """The language the app shows (see :mod:`goaltui.tui.speech`)."""
        return speech_of(self.app)

    @property
    def w(self) -> Words:
        """goaltui's words in the language shown."""
        return self.speech.w

    def say(self, message: str, *, warning: bool = False) -> None:
        """One line in the status line: what a key did, or why it could not act."""
        self.query_one(StatusLine).say(message, warning=warning)

    def jump(self, goal_id: str) -> None:
        """The cursor to a goal (the palette's "go to"), shown even if filtered out."""
        if not self.table.move_to(goal_id):
            self.filter = Filter()
            self._apply_filter()
            self.table.move_to(goal_id)
        self.table.focus()

    def show_period(self, period: str) -> None:
        """Show ``period`` as [ and ] would, in one step."""
        periods = self.doc.review.periods
        self._change_period(periods.index(period) - periods.index(self.table.current))

    @key("p", N_("Make current"), show=False)
    def action_make_current(self) -> None:
        """The selected period becomes the file's current one: an edit, saved and undone
        like the others."""
        period = self.table.cursor_period
        edit = self.doc.session.set_current(period)
        if edit is None:
            self.say(telling.already_current(self.w, period))
            return
        self.say(telling.made_current(self.w, period, self.doc.name))
        self._edited(edit)

    @key("x", N_("High contrast"), show=False)  # t is the language's
    def action_high_contrast(self) -> None:
        """The high-contrast theme for a projector, and back."""
        app = self.app
        if app.theme == HIGH_CONTRAST:
            app.theme = self._before_contrast
        else:
            self._before_contrast, app.theme = app.theme, HIGH_CONTRAST

    @key("a", N_("Actions"), show=False)  # in the help: the footer keeps to 80 columns
    def action_actions(self) -> None:
        if target := self._target():
            self.editors.open("actions", self.doc, *target)

    @key("i", N_("Indicators"), show=False)
    def action_indicators(self) -> None:
        if target := self._target():
            from goaltui.tui.screens.indicators import open_indicators  # and its dialog

            open_indicators(self, self.doc, *target)

    @key("r", N_("Report"), show=False)
    def action_report(self) -> None:
        self.reports.start()
