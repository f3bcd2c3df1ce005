"""Writing a report of the review in front, off the UI thread: the review table or the
council's paper, to a path the reviewer confirms (:class:`ReportDialog`), replacing a file
there only once they say so, and telling where it went.

The report is of the review as it is on screen, unsaved edits included, in the language the
app speaks for it. The worker gets a snapshot (goals are immutable; the list is copied), so the
reviewer can go on editing while it writes. The palette offers both documents
(:class:`ReportCommands`, on the review screen's ``COMMANDS``).
"""

from __future__ import annotations

import dataclasses
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from goaltui import language
from goaltui.files.atomic import write_atomic
from goaltui.files.document import Document
from goaltui.files.problems import SaveError
from goaltui.language import N_
from goaltui.review.model import Review
from goaltui.text import clean_line
from goaltui.tui.flows.host import FilesHost, notify
from goaltui.tui.speech import speech_of

if TYPE_CHECKING:  # the reports and their dialog are imported when a report is asked for
    from goaltui.outputs.report import ReportKind
    from goaltui.tui.dialogs.report_dialog import ReportRequest


def words_for(review: Review) -> language.Words:
    """The words the app speaks for ``review`` (--lang, $GOALTUI_LANG, the review's own)."""
    code = language.review_language(review.language, option=language.lang_option())
    return language.catalogue(code)


class ReportFlow:
    """The reports of one screen's documents."""

    def __init__(self, host: FilesHost) -> None:
        self.host = host
        self.running = 0  # reports being written

    def start(self, kind: ReportKind = "table") -> None:
        """Ask what to write where, for the document in front and the period on screen."""
        doc = self.host.doc
        period = self.host.period_of(doc)
        words = speech_of(self.host.app).w
        from goaltui.tui.dialogs.report_dialog import ReportDialog

        dialog = ReportDialog(words, doc.path, period, kind)
        self.host.app.push_screen(dialog, partial(self._answered, doc, period, words))

    def _answered(
        self, doc: Document, period: str, words: language.Words, request: ReportRequest | None
    ) -> None:
        if request is None:
            return
        if request.path.exists() or request.path.is_symlink():
            question = words._("{path} exists. Replace it with the report?").format(
                path=clean_line(str(request.path))
            )
            yes, no = words._("Replace"), words._("Keep it")

            def replace(yes: bool | None) -> None:
                if yes:
                    self._write(doc, period, words, request)

            from goaltui.tui.dialogs.confirm_dialog import ConfirmDialog

            self.host.app.push_screen(ConfirmDialog(question, yes, no), replace)
            return
        self._write(doc, period, words, request)

    def _write(
        self, doc: Document, period: str, words: language.Words, request: ReportRequest
    ) -> None:
        review = dataclasses.replace(doc.review, goals=list(doc.review.goals))
        self.running += 1
        self.host.app.run_worker(
            partial(self._work, review, doc, period, words, request),
            name="report",
            group="report",
            thread=True,
            exit_on_error=False,
        )

    def _work(
        self,
        review: Review,
        doc: Document,
        period: str,
        words: language.Words,
        request: ReportRequest,
    ) -> None:
        """In the worker thread: make the report and write it in one step."""
        from goaltui.outputs.report import report
        from goaltui.outputs.report_formats import render

        failure: str | None = None
        try:
            document = report([(review, doc.path, words.code)], request.kind, period)
            write_atomic(request.path, render(document, request.format))
        except SaveError as error:
            failure = str(error)
        except (OSError, ValueError) as error:
            failure = f"{request.path}: {error}"
        self.host.app.call_from_thread(self._done, words, request, failure)

    def _done(self, words: language.Words, request: ReportRequest, failure: str | None) -> None:
        self.running -= 1
        shown = clean_line(str(request.path))
        if failure is not None:
            title = words._("The report was not written")
            notify(self.host, clean_line(failure), title, "error")
        elif request.kind == "unmet":
            notify(self.host, words._("The council's paper is in {path}").format(path=shown))
        else:
            notify(self.host, words._("The review table is in {path}").format(path=shown))


#: The palette's commands: name, help, and the document each writes.
_COMMANDS: tuple[tuple[str, str, ReportKind], ...] = (
    (
        N_("Report: review table"),
        N_("Write the review table of this review (HTML, Markdown, CSV or Excel)"),
        "table",
    ),
    (
        N_("Report: binding goals not met"),
        N_("Write the council's paper of the binding goals not met in the period"),
        "unmet",
    ),
)


class ReportCommands(Provider):
    """The command palette's two reports of the review in front, on a screen whose
    ``reports`` is a :class:`ReportFlow`."""

    def _commands(self) -> list[tuple[str, str, ReportKind]]:
        flow = getattr(self.screen, "reports", None)
        if not isinstance(flow, ReportFlow):
            return []
        w = speech_of(self.app).w
        return [(w._(name), w._(help_text), kind) for name, help_text, kind in _COMMANDS]

    def _run(self, kind: ReportKind) -> None:
        flow = getattr(self.screen, "reports", None)
        if isinstance(flow, ReportFlow):
            flow.start(kind)

    async def discover(self) -> Hits:
        for name, help_text, kind in self._commands():
            yield DiscoveryHit(name, partial(self._run, kind), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, kind in self._commands():
            if (match := matcher.match(name)) > 0:
                yield Hit(match, matcher.highlight(name), partial(self._run, kind), help=help_text)
