"""The review screen's part for the language shown: ``t`` switches it between the review's
main language and its translations (see :mod:`goaltui.tui.speech`), and everything on
screen is shown again in it.

:class:`~goaltui.tui.screens.review_screen.ReviewScreen` is built on it and provides the
tables and the header (the stubs below and in :class:`MeetingScreen` say what).
"""

from __future__ import annotations

from goaltui.language import N_
from goaltui.tui.keys import key
from goaltui.tui.screens.meeting import MeetingScreen
from goaltui.tui.speech import cycle, next_language
from goaltui.tui.widgets.detail_pane import DetailPane
from goaltui.tui.widgets.goal_table import GoalTable
from goaltui.tui.widgets.spoken_footer import SpokenFooter


class LanguageScreen(MeetingScreen):
    _tables: dict[int, GoalTable]  # the tables made so far, by file

    # -- provided by the review screen ---------------------------------------------------

    def show_state(self) -> None:
        raise NotImplementedError

    # -- the language shown ----------------------------------------------------------------

    def _start_language(self) -> str:
        """The language the file in front is shown in first."""
        start = getattr(self.app, "start_language", None)
        return str(start(self.doc)) if start is not None else self.speech.language

    def _languages(self) -> list[str]:
        return cycle(self.doc.review, self._start_language())

    def _speak(self, code: str, *, announce: bool = True) -> None:
        speak = getattr(self.app, "speak", None)  # the goaltui app's: see tui/app.py
        if speak is not None:
            speak(code, announce=announce)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "switch_language":
            return len(self._languages()) > 1  # a review in one language has nothing to switch
        return True

    @key("t", N_("Language"), show=False)  # in the header, the help and the palette
    def action_switch_language(self) -> None:
        """Show the texts in the review's next language: its main one, then each translation."""
        self._speak(next_language(self.doc.review, self._start_language(), self.speech.language))

    def speech_changed(self, *, announce: bool = True) -> None:
        """The app shows another language: every text on screen is shown again in it."""
        speech = self.speech
        for table in self._tables.values():  # those not made yet are made in it
            table.show_speech(speech)
        self.query_one(DetailPane).forget()
        self._apply_filter()
        self._show_details()
        self.show_state()
        self.query_one(SpokenFooter).refresh()
        if announce:
            said = speech.w._("Texts in {language}")
            self.notify(said.format(language=speech.name(speech.language)), timeout=3)
