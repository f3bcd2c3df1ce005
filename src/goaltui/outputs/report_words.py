"""The reports' words, each said the same way by every writer of the review table and the
council's paper: the paper's title, the words of the heading's counts, the short words beside
goals and indicators (:data:`WORDS`, said through :meth:`ReviewReport.word
<goaltui.outputs.report.ReviewReport.word>`), the columns' headings (:func:`column`) and the
binding column's "Yes" and "No" (:func:`binding_word`).
"""

from __future__ import annotations

from typing import Literal

from goaltui.language import N_, NP_, Words
from goaltui.review.model import Meaning

#: The meanings in the order the heading counts them.
MEANINGS: tuple[Meaning, ...] = ("met", "partly", "not_met", "not_assessable")

#: The paper's title, as Helsinki's council papers name it.
UNMET_TITLE = N_("Binding operational goals not met")
#: The word of each meaning in the heading's counts.
MEANING_WORDS: dict[Meaning, str] = {
    "met": N_("met"),
    "partly": N_("partly met"),
    "not_met": N_("not met"),
    "not_assessable": N_("not assessable"),
}
#: The reports' short words, each said the same way by every writer.
Word = Literal[
    "not assessed",
    "binding",
    "no translation",
    "legend",
    "met",
    "not met",
    "needs a comment",
    "no explanation",
    "actual",
    "target",
    "forecast",
    "short of indicators",
]
WORDS: dict[Word, str] = {
    "not assessed": N_("not assessed"),
    "binding": N_("binding"),
    "no translation": N_("no translation"),
    "legend": N_("Legend"),
    "met": N_("met"),
    "not met": N_("not met"),
    "needs a comment": N_("needs a comment"),
    "no explanation": N_("no explanation given"),
    # Translators: an indicator's value measured so far, beside its target and forecast
    "actual": N_("actual"),
    "target": N_("target"),
    "forecast": N_("forecast"),
    # Translators: in the council's paper, beside a binding goal whose status means met
    "short of indicators": N_("not met: not every indicator reaches its target"),
}

#: The columns of the reports, each named once for every writer.
Column = Literal[
    "review",
    "id",
    "theme",
    "objective",
    "description",
    "target",
    "measure",
    "binding",
    "status",
    "forecast",
    "comment",
    "explanation",
    "indicators",
    "actions",
    "links",
]
COLUMNS: dict[Column, tuple[str, str]] = {
    "review": NP_("a report's column", "Review"),
    "id": NP_("a report's column", "Id"),
    "theme": NP_("a report's column", "Theme"),
    "objective": NP_("a report's column", "Goal"),
    "description": NP_("a report's column", "Description"),
    "target": NP_("a report's column", "Target"),
    "measure": NP_("a report's column", "Measure"),
    "binding": NP_("a report's column", "Binding"),
    "status": NP_("a report's column", "Status"),
    "forecast": NP_("a report's column", "Forecast"),
    "comment": NP_("a report's column", "Comment"),
    "explanation": NP_("a report's column", "Explanation"),
    "indicators": NP_("a report's column", "Indicators"),
    "actions": NP_("a report's column", "Actions"),
    "links": NP_("a report's column", "Links"),
}


def column(words: Words, name: Column, period: str | None = None) -> str:
    """A column's heading: "Kommentti", or with ``period`` "Kommentti (Q3)"."""
    word = words.pgettext(*COLUMNS[name])
    if period is None:
        return word
    # Translators: a column of one period, such as "Comment (Q3)"
    return words._("{column} ({period})").format(column=word, period=period)


def binding_word(words: Words, binding: bool) -> str:
    """The binding column's value, as the seed says it: "Kyllä" or "Ei"."""
    if binding:
        return words.pgettext("a goal is binding", "Yes")
    return words.pgettext("a goal is binding", "No")
