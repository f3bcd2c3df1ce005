"""The words of the app's table and panes by key, in the review's language.

The words themselves are in the catalogues; these keys name them for the code written before
the catalogues, and :func:`goal_count` and :func:`file_count` count in the language's plurals.
The summaries call their words from the catalogue directly.
"""

from __future__ import annotations

import functools

from goaltui.language.words import N_, NP_, Words, catalogue, spoken

_MESSAGES: dict[str, str | tuple[str, str]] = {
    "not assessed": N_("not assessed"),
    "binding": N_("binding"),
    "goals": N_("Goals"),
    "status": N_("Status"),
    "forecast": N_("forecast"),
    "comment": N_("comment"),
    "unexplained": N_("needs a comment"),
    "current period": N_("current period"),
    "no goals": N_("No goal matches the filter."),
    "no theme": N_("(no theme)"),
    "filter": N_("Filter"),
    "showing": N_("Showing"),
    "matching": NP_("the filter bar: followed by the text filtered for", "matching"),
    "in": NP_("followed by a period's name", "in"),
    "of": NP_("the filter bar: 3 of 26 goals shown", "of"),
    "description": N_("description"),
    "target": N_("target"),
    "measure": N_("measure"),
    "links": N_("links"),
}


@functools.cache
def words(language: str | None) -> dict[str, str]:
    """The words for ``language``; English when the file names none."""
    w = review_words(language)
    return {
        key: w._(message) if isinstance(message, str) else w.pgettext(*message)
        for key, message in _MESSAGES.items()
    }


def goal_count(language: str | None, goals: int, binding: int) -> str:
    """Goals counted: "26 goals (8 binding)", "1 goal (1 binding)", "1 tavoite (1 sitova)"."""
    w = review_words(language)
    # Translators: {goals} is "26 goals" and {binding} is "8 binding", translated below.
    return w._("{goals} ({binding})").format(
        goals=w.ngettext("{n} goal", "{n} goals", goals).format(n=w.integer(goals)),
        binding=w.ngettext("{n} binding", "{n} binding", binding).format(n=w.integer(binding)),
    )


def file_count(language: str | None, files: int) -> str:
    """Files counted: "1 file", "2 files"."""
    w = review_words(language)
    return w.ngettext("{n} file", "{n} files", files).format(n=w.integer(files))


def review_words(language: str | None) -> Words:
    """The catalogue of the language a review names; English when goaltui does not speak it."""
    return catalogue(language if language in spoken() else "en")
