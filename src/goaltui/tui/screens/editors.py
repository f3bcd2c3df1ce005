"""The comment and forecast editors of the review screen: one opened on a goal's text in a
period, or reopened on a draft an earlier session left.

What is typed is journaled as the document's draft while it is typed. What an editor applies
goes to the document's session of the time of applying; if the goal or period is gone by then
(the file was reloaded meanwhile), the text is not lost silently: the reviewer is shown it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol

from textual.app import App
from textual.screen import Screen

from goaltui.files.document import Document
from goaltui.files.recovery import Draft
from goaltui.language.labels import review_words
from goaltui.review.model import TextField
from goaltui.review.session import Edit
from goaltui.tui.widgets.bounded import EDITOR_MOST, too_long_to_edit

if TYPE_CHECKING:
    from goaltui.tui.dialogs.comment_editor import CommentEditor
    from goaltui.tui.dialogs.forecast_dialog import ForecastDialog

# The editors' modules (with Textual's text area) are imported when an editor is first opened,
# not before the first frame.
_EDITOR_MODULES = ("goaltui.tui.dialogs.comment_editor", "goaltui.tui.dialogs.forecast_dialog")


def open_editors(screens: Iterable[Screen[Any]]) -> list[CommentEditor | ForecastDialog]:
    """The comment and forecast editors among ``screens``."""
    if not any(name in sys.modules for name in _EDITOR_MODULES):
        return []  # never imported: none was ever opened
    from goaltui.tui.dialogs.comment_editor import CommentEditor
    from goaltui.tui.dialogs.forecast_dialog import ForecastDialog

    return [s for s in screens if isinstance(s, CommentEditor | ForecastDialog)]


class EditingHost(Protocol):
    """The screen, as the editors see it."""

    @property
    def app(self) -> App[Any]: ...

    def show_goal(self, doc: Document, goal_id: str, period: str) -> None:
        """Bring ``doc`` to the front with the cursor on the goal's period."""
        ...

    def applied(self, doc: Document, edit: Edit | None) -> None:
        """An editor applied its text to ``doc``: show it."""
        ...


class Editors:
    """Opens the screen's comment and forecast editors."""

    def __init__(self, host: EditingHost) -> None:
        self.host = host

    def open(self, name: TextField, doc: Document, goal_id: str, period: str) -> None:
        """Open the editor of a goal's comment or forecast, unless it is too long to edit."""
        length = len(getattr(doc.review.goal(goal_id).entry(period), name) or "")
        if length > EDITOR_MOST:
            w = review_words(doc.review.language)
            message = too_long_to_edit(w, name, goal_id, period, length)
            self.host.app.notify(message, severity="warning", timeout=20, markup=False)
            return
        self.host.app.push_screen(self._editor(name, doc, goal_id, period))

    def open_draft(self, doc: Document, draft: Draft) -> None:
        """Reopen the editor a draft was typed in, with the draft's text."""
        review = doc.review
        if draft.period not in review.periods or not any(
            goal.id == draft.goal_id for goal in review.goals
        ):
            self._not_applied(doc, draft)
            doc.keep_draft(None)
            return
        self.host.show_goal(doc, draft.goal_id, draft.period)
        editor = self._editor(draft.field, doc, draft.goal_id, draft.period, draft.text)
        self.host.app.push_screen(editor)

    def _editor(
        self, name: TextField, doc: Document, goal_id: str, period: str, draft: str | None = None
    ) -> CommentEditor | ForecastDialog:
        goal = doc.review.goal(goal_id)

        def apply(text: str) -> None:
            session = doc.session  # the one at the time of applying: a reload makes a new one
            set_text = session.set_comment if name == "comment" else session.set_forecast
            try:
                edit = set_text(goal_id, period, text)
            except (KeyError, ValueError):
                self._not_applied(doc, Draft(goal_id, period, name, text))
                return
            self.host.applied(doc, edit)

        def keep(text: str | None) -> None:
            doc.keep_draft(None if text is None else Draft(goal_id, period, name, text))

        from goaltui.tui.dialogs.comment_editor import CommentEditor
        from goaltui.tui.dialogs.forecast_dialog import ForecastDialog

        entry = goal.entry(period)
        if name == "comment":
            title = f"{period} · {goal.objective}"
            return CommentEditor(title, entry.comment, apply, keep, draft)
        title = f"Forecast {period} · {goal.objective}"
        return ForecastDialog(title, entry.forecast, apply, keep, draft)

    def _not_applied(self, doc: Document, draft: Draft) -> None:
        self.host.app.notify(
            f"{draft.goal_id} {draft.period} is no longer in {doc.name}. Your text:\n{draft.text}",
            title=f"Not applied: the {draft.field}",
            severity="error",
            timeout=60,
            markup=False,
        )
