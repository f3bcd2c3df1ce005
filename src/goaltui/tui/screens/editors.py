"""The comment, forecast and actions editors of the review screen: one opened on a goal's
text in a period, or reopened on a draft an earlier session left.

What is typed is journaled as the document's draft while it is typed. What an editor applies
goes to the document's session of the time of applying; if the goal or period is gone by then
(the file was reloaded meanwhile), the text is not lost silently: the reviewer is shown it.
"""

from __future__ import annotations

from typing import Any, Protocol

from textual.app import App

from goaltui.files.document import Document
from goaltui.files.recovery import Draft, DraftField
from goaltui.language.labels import review_words
from goaltui.review.session import Edit
from goaltui.tui.dialogs.comment_editor import CommentEditor
from goaltui.tui.dialogs.forecast_dialog import ForecastDialog
from goaltui.tui.widgets.bounded import EDITOR_MOST, too_long_to_edit


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

    def open(self, name: DraftField, doc: Document, goal_id: str, period: str) -> None:
        """Open the editor of a goal's comment, forecast or actions, unless it is too long to
        edit."""
        length = len(_text(doc, goal_id, period, name) or "")
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
        self, name: DraftField, doc: Document, goal_id: str, period: str, draft: str | None = None
    ) -> CommentEditor | ForecastDialog:
        goal = doc.review.goal(goal_id)

        def apply(text: str) -> None:
            session = doc.session  # the one at the time of applying: a reload makes a new one
            set_text = {
                "comment": session.set_comment,
                "forecast": session.set_forecast,
                "actions": session.set_actions,
            }[name]
            try:
                edit = set_text(goal_id, period, text)
            except (KeyError, ValueError):
                self._not_applied(doc, Draft(goal_id, period, name, text))
                return
            self.host.applied(doc, edit)

        def keep(text: str | None) -> None:
            doc.keep_draft(None if text is None else Draft(goal_id, period, name, text))

        entry = goal.entry(period)
        if name == "actions":
            w = review_words(doc.review.language)
            heading = w._("Actions {period} · {goal}, one per line")
            title = heading.format(period=period, goal=goal.objective)
            return CommentEditor(title, _text(doc, goal_id, period, name), apply, keep, draft)
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


def _text(doc: Document, goal_id: str, period: str, name: DraftField) -> str | None:
    """The text an editor starts from: the comment, the forecast, or the actions a line each."""
    entry = doc.review.goal(goal_id).entry(period)
    if name == "actions":
        return "\n".join(entry.actions) if entry.actions else None
    return entry.comment if name == "comment" else entry.forecast
