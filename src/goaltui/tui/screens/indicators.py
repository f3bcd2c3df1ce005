"""The indicator editor of the review screen: opened on a goal's indicators in a period, its
answer applied to the document's session as one edit per value changed (and the status, when
the reviewer took the one the indicators suggest)."""

from __future__ import annotations

from goaltui.files.document import Document
from goaltui.review.session import Edit
from goaltui.text import clean_line
from goaltui.tui.dialogs.indicator_dialog import IndicatorAnswer, IndicatorDialog
from goaltui.tui.screens.editors import EditingHost
from goaltui.tui.speech import speech_of


def open_indicators(host: EditingHost, doc: Document, goal_id: str, period: str) -> None:
    goal = doc.review.goal(goal_id)
    if not goal.indicators:
        w = speech_of(host.app).w
        host.app.notify(w._("This goal has no indicators"), severity="warning", markup=False)
        return

    def apply(answer: IndicatorAnswer | None) -> None:
        if answer is None:
            return
        session = doc.session  # the one at the time of applying: a reload makes a new one
        edits: list[Edit] = []
        try:
            for indicator, (forecast, actual) in answer.values.items():
                edits += session.set_indicator(goal_id, period, indicator, forecast, actual)
            if answer.set_status:
                status = session.set_status(goal_id, period, answer.status)
                edits += [status] if status is not None else []
        except (KeyError, ValueError):  # the goal or an indicator is gone: a reload meanwhile
            w = speech_of(host.app).w
            message = w._("{goal} {period} has changed in the file; nothing was applied")
            shown = message.format(goal=clean_line(goal_id), period=clean_line(period))
            host.app.notify(shown, severity="error", markup=False)
            return
        host.applied(doc, edits[-1] if edits else None)

    host.app.push_screen(IndicatorDialog(doc.review, goal, period, speech_of(host.app)), apply)
