"""Mutants of the app's side that the tests must kill: each breaks one promise, and the tests
named beside it fail when it is applied.

Each entry is ``(file, original, mutated, tests)``: the file (from the repository's root), a
text found exactly once in it, what it is replaced by, and the pytest arguments that must then
fail. ``tests/mutants.py app`` applies them one at a time, runs their tests, and puts the file
back. This module is data: pytest does not collect it.
"""

from __future__ import annotations

Mutant = tuple[str, str, str, list[str]]

RACES = "tests/tui/test_tui_save_races.py"
NEVER_LOSE = "tests/tui/test_tui_never_lose.py"
DRAFTS = "tests/tui/test_tui_drafts.py"
HOSTILE = "tests/tui/test_tui_hostile.py"
LARGE = "tests/tui/test_tui_large.py"
TERMINAL = "tests/tui/test_e2e_terminal.py"
SESSION = "src/goaltui/review/session.py"
FLOWS = "src/goaltui/tui/flows/file_flows.py"
APP = "src/goaltui/tui/app.py"
TABLE = "src/goaltui/tui/widgets/goal_table.py"
SUMMARY = "src/goaltui/outputs/summary.py"
BOUNDED = "src/goaltui/tui/widgets/bounded.py"

MUTANTS: list[Mutant] = [
    # -- saves: an edit made while a save runs stays unsaved, journaled and asked about
    (
        SESSION,
        "del self._log[: max(0, done - self._logged)]",
        "del self._log[: max(0, done)]",
        [RACES],
    ),
    (
        SESSION,
        "            if self._writing is not None:\n                places",
        "            if False:\n                places",
        [RACES, "tests/test_session.py"],
    ),
    (
        FLOWS,
        "                self._document(snapshot.path).save_failed(snapshot)",
        "                pass",
        [RACES],
    ),
    (
        FLOWS,
        "        self.save_running = True\n",
        "        self.save_running = False\n",
        [f"{RACES}::test_the_disk_is_not_checked_while_a_save_runs"],
    ),
    # -- quitting and the help: the tests check that it happened, not only what is absent
    (
        APP,
        "            screen.request_quit()\n        else:",
        "            pass\n        else:",
        [
            f"{NEVER_LOSE}::test_an_app_closed_while_the_question_is_open_keeps_the_journal",
            "tests/tui/test_tui_saving.py::test_ctrl_q_while_writing_a_comment_does_not_lose_it",
        ],
    ),
    (
        "src/goaltui/tui/dialogs/comment_editor.py",
        "    def action_apply(self) -> None:\n        self.commit()\n",
        "    def action_apply(self) -> None:\n",
        ["tests/tui/test_tui_saving.py::test_ctrl_q_while_writing_a_comment_does_not_lose_it"],
    ),
    (
        "src/goaltui/tui/screens/review_screen.py",
        "        self.app.push_screen(HelpDialog(rows))",
        "        pass",
        ["tests/tui/test_tui_dialogs.py::test_the_help_lists_no_key_that_does_nothing"],
    ),
    # -- the summary's facts
    (
        SUMMARY,
        "            or self.not_assessed\n",
        "",
        ["tests/test_summary_facts.py"],
    ),
    (
        SUMMARY,
        "not_assessed=sum(len(s.not_assessed) for s in summaries)",
        "not_assessed=sum(len(s.unexplained) for s in summaries)",
        ["tests/test_summary_facts.py"],
    ),
    # -- the goal table: clicks, the forecast column, the cursor after a reload
    (
        TABLE,
        "        row = event.y - 1 + int(self.scroll_offset.y)",
        "        row = event.y - 1",
        ["tests/tui/test_tui_navigation.py"],
    ),
    (
        TABLE,
        "        self._move(row, min(max(column, 0), len(self.review.periods) - 1))",
        "        self._move(row, min(max(column, 0), len(self.review.periods)))",
        ["tests/tui/test_tui_navigation.py"],
    ),
    (
        TABLE,
        "        if layout.forecast < MAX_FORECAST and longest > layout.forecast:",
        "        if False:",
        ["tests/tui/test_tui_navigation.py"],
    ),
    (
        TABLE,
        "        if keep is not None and any(goal.id == keep for goal in review.goals):",
        "        if False:",
        ["tests/tui/test_tui_disk.py"],
    ),
    (
        TABLE,
        "        period = self.cursor_period if self._rows else self.current",
        "        period = self.current",
        ["tests/tui/test_tui_disk.py"],
    ),
    # -- the terminal: odd input, crashes in Textual's threads, signals
    (
        "src/goaltui/tui/driver.py",
        '    return partial(codecs.getincrementaldecoder(encoding), errors="replace")',
        "    return codecs.getincrementaldecoder(encoding)",
        [f"{TERMINAL}::test_a_byte_that_is_not_utf8_is_typed_as_a_replacement_character"],
    ),
    (
        APP,
        "        self.exit(return_code=1)\n        super().panic",
        "        super().panic",
        [NEVER_LOSE, "-k", "input_thread"],
    ),
    (
        "src/goaltui/tui/signals.py",
        "        before[signum] = signal.signal(signum, catcher.received)",
        "        before[signum] = signal.getsignal(signum)",
        [TERMINAL, "-k", "signal"],
    ),
    (
        "src/goaltui/tui/ending.py",
        "        if caught.signal is not None:\n            _stopped",
        "        if False:\n            _stopped",
        [TERMINAL, "-k", "signal"],
    ),
    # -- drafts: the text being typed is journaled
    (
        "src/goaltui/tui/drafts.py",
        "            self._timer = self._owner.set_timer(PAUSE, self.now)",
        "            self._timer = None",
        [DRAFTS],
    ),
    (
        "src/goaltui/files/recovery.py",
        '    if draft is not None:\n        document["draft"]',
        '    if False:\n        document["draft"]',
        ["tests/test_recovery.py", DRAFTS],
    ),
    # -- text from outside is cleaned before it reaches a terminal
    (
        APP,
        "        message, title = clean(message), clean_line(title)",
        "        title = clean_line(title)",
        [HOSTILE],
    ),
    (
        "src/goaltui/tui/dialogs/choice_dialog.py",
        '            yield Static(clean_text(self.message), classes="question")',
        '            yield Static(self.message, classes="question")',
        [HOSTILE],
    ),
    (
        "src/goaltui/tui/dialogs/conflict_dialog.py",
        "said.format(period=clean_line(period))",
        "said.format(period=period)",
        [HOSTILE],
    ),
    (
        "src/goaltui/tui/keymap.py",
        " or clean_line(value) != value:",
        ":",
        [HOSTILE],
    ),
    (
        "src/goaltui/cli/parsers.py",
        "        super().error(clean_line(message))",
        "        super().error(message)",
        ["tests/test_text_safety.py", "-k", "cannot_be_read"],
    ),
    (
        "src/goaltui/tui/ending.py",
        "    text = message.format(**{key: clean_line(str(value)) for key, value in "
        "values.items()})",
        "    text = message.format(**values)",
        [TERMINAL, "-k", "escape_sequence"],
    ),
    # -- texts of any length are shown in bounded room
    (BOUNDED, "    head = value[:SHOWN_MOST]", "    head = value", [LARGE]),
    (BOUNDED, "    return text[: 4 * width + 16]", "    return text", [LARGE]),
    (
        "src/goaltui/tui/screens/editors.py",
        "        if length > EDITOR_MOST:",
        "        if False:",
        [LARGE],
    ),
]
