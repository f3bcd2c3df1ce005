"""The reports as rows of cells, for the spreadsheet writers (:mod:`report_csv`,
:mod:`report_xlsx`): one row per goal, under one header row.

The review table has the seed's columns (theme, goal, description, target, measure, binding,
links) and a group of columns per period (status, forecast, comment, and the actions where the
review has any), then the indicators in the report's period; several reviews in one table get a
first column naming the review, and the periods of them all, in the order they first appear.
The council's paper has a row per binding goal not met: its texts, status, explanation
(flagged where there is none) and actions. A cell is plain text, the main text marked where
untranslated ("[fi] Toteutuu"); a status cell carries its status, for the colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from goaltui.outputs.marks import UNEXPLAINED_MARK
from goaltui.outputs.report import ReviewReport
from goaltui.outputs.report_goals import GoalShown, IndicatorShown, PeriodShown, Shown, StatusShown
from goaltui.outputs.report_words import binding_word, column


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    status: StatusShown | None = None  # a status cell: filled with the status's colour


Row = list[Cell]


def table(sections: Sequence[ReviewReport]) -> tuple[list[str], list[Row]]:
    """The header and the rows of ``sections`` together (one row per goal)."""
    first = sections[0]
    if first.kind == "unmet":
        return _paper(sections)
    w = first.words
    several = len(sections) > 1
    periods: list[str] = []
    for section in sections:
        periods += [p for p in section.periods if p not in periods]
    actions = any(section.has_actions for section in sections)
    indicators = any(section.has_indicators for section in sections)
    header = [column(w, "review")] if several else []
    header += [
        column(w, name)
        for name in ("id", "theme", "objective", "description", "target", "measure", "binding")
    ]
    header.append(column(w, "links"))
    for period in periods:
        names = ["status", "forecast", "comment", *(["actions"] if actions else [])]
        header += [column(w, name, period) for name in names]  # type: ignore[arg-type]
    if indicators:
        header.append(column(w, "indicators", _one(sections)))
    rows = []
    for section in sections:
        for goal in section.shown_goals:
            row = [Cell(section.title.marked())] if several else []
            row += [
                Cell(goal.id),
                _cell(goal.theme),
                _cell(goal.objective),
                _cell(goal.description),
                _cell(goal.target),
                _cell(goal.measure),
                Cell(binding_word(section.words, goal.binding)),
                Cell(_lines(goal.links)),
            ]
            entries = {entry.period: entry for entry in goal.periods}
            for period in periods:
                row += _entry(section, entries.get(period), actions)
            if indicators:
                row.append(Cell(indicator_lines(section, goal.indicators)))
            rows.append(row)
    return header, rows


def _one(sections: Sequence[ReviewReport]) -> str | None:
    periods = {section.period for section in sections}
    return periods.pop() if len(periods) == 1 else None


def _entry(section: ReviewReport, entry: PeriodShown | None, actions: bool) -> Row:
    if entry is None:  # a period of another review in the table
        return [Cell("")] * (4 if actions else 3)
    comment = entry.comment.marked()
    if entry.unexplained:
        flag = f"{UNEXPLAINED_MARK} {section.word('needs a comment')}"
        comment = f"{comment}\n{flag}" if comment else flag
    cells = [
        status_cell(entry.status),
        _cell(entry.forecast),
        Cell(comment),
    ]
    if actions:
        cells.append(Cell(_lines(entry.actions)))
    return cells


def status_cell(status: StatusShown) -> Cell:
    """A status as its label (marked where untranslated); not assessed is empty."""
    return Cell(status.name.marked() if status.assessed else "", status)


def _paper(sections: Sequence[ReviewReport]) -> tuple[list[str], list[Row]]:
    first = sections[0]
    w = first.words
    several = len(sections) > 1
    header = [column(w, "review")] if several else []
    header += [column(w, name) for name in ("id", "theme", "objective", "target", "measure")]
    header += [
        column(w, "indicators"),
        column(w, "status", _one(sections)),
        column(w, "explanation"),
        column(w, "actions"),
    ]
    rows = []
    for section in sections:
        for goal in section.shown_goals:
            row = [Cell(section.title.marked())] if several else []
            row += [
                Cell(goal.id),
                _cell(goal.theme),
                _cell(goal.objective),
                _cell(goal.target),
                _cell(goal.measure),
                Cell(indicator_lines(section, goal.indicators)),
                _paper_status(section, goal),
                Cell(_explanation(section, goal)),
                Cell(_lines(goal.chosen.actions)),
            ]
            rows.append(row)
    return header, rows


def _paper_status(section: ReviewReport, goal: GoalShown) -> Cell:
    cell = status_cell(goal.chosen.status)
    if not goal.short_of_indicators:
        return cell
    note = f"{UNEXPLAINED_MARK} {section.word('short of indicators')}"
    return Cell(f"{cell.text}\n{note}", cell.status)


def _explanation(section: ReviewReport, goal: GoalShown) -> str:
    if goal.unexplained:
        return f"{UNEXPLAINED_MARK} {section.word('no explanation')}"
    return goal.chosen.comment.marked()


def indicator_lines(section: ReviewReport, indicators: Sequence[IndicatorShown]) -> str:
    """Each indicator on a line: "name: target 100 %, forecast 90 %, actual 60 % ✗ not met"."""
    return "\n".join(
        f"{indicator.name.marked()}: {indicator.facts(section.word)}" for indicator in indicators
    )


def _cell(shown: Shown) -> Cell:
    return Cell(shown.marked())


def _lines(texts: Sequence[Shown]) -> str:
    return "\n".join(text.marked() for text in texts if text)
