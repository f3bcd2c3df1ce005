"""The comment, forecast and actions editors of the review screen: one opened on a goal's
text in a period, or reopened on a draft an earlier session left.

An editor writes the text of the language shown, where the file may hold it (the review's
main language, or one of its ``translations``: see :meth:`Speech.editing`); a draft keeps the
language it was typed in.

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
from goaltui.files.recovery import Draft, DraftField
from goaltui.review.session import Edit
from goaltui.text import clean_line
from goaltui.tui.speech import Speech, speech_of
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

    @property
    def speech(self) -> Speech:
        return speech_of(self.host.app)

    def open(self, name: DraftField, doc: Document, goal_id: str, period: str) -> None:
        """Open the editor of a goal's comment or forecast in the language shown (the actions
        in the main language), unless it is too long to edit."""
        language = None if name == "actions" else self.speech.editing(doc.review)
        length = len(_text(doc, goal_id, period, name, language) or "")
        if length > EDITOR_MOST:
            message = too_long_to_edit(self.speech.w, name, goal_id, period, length)
            self.host.app.notify(message, severity="warning", timeout=20, markup=False)
            return
        self.host.app.push_screen(self._editor(name, doc, goal_id, period, language))

    def open_draft(self, doc: Document, draft: Draft) -> None:
        """Reopen the editor a draft was typed in, with the draft's text."""
        review = doc.review
        translations = review.translations or ()
        if (
            draft.period not in review.periods
            or not any(goal.id == draft.goal_id for goal in review.goals)
            or (draft.language is not None and draft.language not in translations)
        ):
            self._not_applied(doc, draft)
            doc.keep_draft(None)
            return
        self.host.show_goal(doc, draft.goal_id, draft.period)
        editor = self._editor(
            draft.field, doc, draft.goal_id, draft.period, draft.language, draft.text
        )
        self.host.app.push_screen(editor)

    def _editor(
        self,
        name: DraftField,
        doc: Document,
        goal_id: str,
        period: str,
        language: str | None,
        draft: str | None = None,
    ) -> CommentEditor | ForecastDialog:
        goal = doc.review.goal(goal_id)

        def apply(text: str) -> None:
            session = doc.session  # the one at the time of applying: a reload makes a new one
            try:
                if name == "actions":
                    edit = session.set_actions(goal_id, period, text)
                elif name == "comment":
                    edit = session.set_comment(goal_id, period, text, language)
                else:
                    edit = session.set_forecast(goal_id, period, text, language)
            except (KeyError, ValueError):
                self._not_applied(doc, Draft(goal_id, period, name, text, language))
                return
            self.host.applied(doc, edit)

        def keep(text: str | None) -> None:
            kept = None if text is None else Draft(goal_id, period, name, text, language)
            doc.keep_draft(kept)

        from goaltui.tui.dialogs.comment_editor import CommentEditor
        from goaltui.tui.dialogs.forecast_dialog import ForecastDialog

        speech = self.speech
        w, review = speech.w, doc.review
        objective = speech.shown(review, goal.text("objective", speech.texts(review)))
        value = _text(doc, goal_id, period, name, language)
        if name == "actions":
            heading = w._("Actions {period} · {goal}, one per line")
            title = heading.format(period=period, goal=objective)
            return CommentEditor(title, value, apply, keep, draft, "")
        # The language written in is said when it could be another one.
        written = language or review.main_language
        said = speech.name(written) if review.translations or written != speech.language else ""
        if name == "comment":
            # Translators: the comment editor's title: "Comment Q3 · the goal's objective"
            title = w._("Comment {period} · {goal}").format(period=period, goal=objective)
            return CommentEditor(title, value, apply, keep, draft, said)
        # Translators: the forecast editor's title: "Forecast Q3 · the goal's objective"
        title = w._("Forecast {period} · {goal}").format(period=period, goal=objective)
        return ForecastDialog(title, value, apply, keep, draft, said)

    def _not_applied(self, doc: Document, draft: Draft) -> None:
        w = self.speech.w
        said = w._("{goal} {period} is no longer in {file}. Your text:").format(
            goal=clean_line(draft.goal_id),
            period=clean_line(draft.period),
            file=clean_line(doc.name),
        )
        if draft.field == "comment":
            title = w._("Not applied: the comment")
        elif draft.field == "actions":
            title = w._("Not applied: the actions")
        else:
            title = w._("Not applied: the forecast")
        self.host.app.notify(
            f"{said}\n{draft.text}", title=title, severity="error", timeout=60, markup=False
        )


def _text(
    doc: Document, goal_id: str, period: str, name: DraftField, language: str | None
) -> str | None:
    """The text an editor starts from: the comment or the forecast (in ``language``), or the
    actions a line each."""
    entry = doc.review.goal(goal_id).entry(period)
    if name == "actions":
        return "\n".join(entry.actions) if entry.actions else None
    value = entry.value(name, language)
    return value if isinstance(value, str) else None
