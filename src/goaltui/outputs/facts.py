"""A review as one fact a line, for git to diff (``goaltui textconv``)::

    review · title: Kulttuurin ja vapaa-ajan toimiala: strategiset tavoitteet 2021
    status Toteutuu · color: green
    goal palvelustrategia · objective: Palveluja parannetaan asiakaskokemuksen perusteella
    goal palvelustrategia [sv] · objective: Tjänsterna förbättras utifrån kundupplevelsen
    goal palvelustrategia · Q3 · status: Toteutuu

The order is stable: the review's facts, its statuses, then each goal in file order with its
fields and then its periods in the review's order, each with its fields (:mod:`.fields`). A
field's translations follow it. A text of several lines is a line each, every one with the
same beginning, and a list an item a line, so that a changed line of a comment shows in
``git diff`` as a line of that goal and period. The keys are the file's own, in every language,
so that a diff reads the same whoever runs it; text is cleaned of terminal control.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

from goaltui.outputs.fields import (
    ENTRY_FIELDS,
    EXTRA,
    GOAL_FIELDS,
    REVIEW_FIELDS,
    STATUS_FIELDS,
    Field,
    Value,
)
from goaltui.outputs.marks import untranslated_mark
from goaltui.review.model import Review
from goaltui.text import clean_line

Owner = TypeVar("Owner")


def review_facts(review: Review) -> Iterator[str]:
    """Every fact of ``review``, one a line, in the stable order above."""
    languages = review.translations or ()
    yield from _facts("review", REVIEW_FIELDS, review, languages)
    for status in review.statuses:
        yield from _facts(f"status {status.label}", STATUS_FIELDS, status, languages)
    for goal in review.goals:
        where = f"goal {goal.id}"
        yield from _facts(where, GOAL_FIELDS, goal, languages)
        named = [*review.periods, *(p for p in goal.periods or {} if p not in review.periods)]
        for period in named:
            if goal.periods and period in goal.periods:
                yield from _facts(
                    f"{where} · {period}", ENTRY_FIELDS, goal.entry(period), languages
                )


def _facts(
    where: str, fields: Iterable[Field[Owner]], owner: Owner, languages: Sequence[str]
) -> Iterator[str]:
    for described in fields:
        for language in (None, *languages) if described.translated else (None,):
            value = described.value(owner, language)
            if value is None:
                continue
            at = where if language is None else f"{where} {untranslated_mark(language)}"
            if described.kind == "values":
                assert isinstance(value, Mapping)
                for key, item in value.items():
                    name = key if described.name == EXTRA else f"{described.name} {key}"
                    yield clean_line(f"{at} · {name}: {_toml_value(item)}")
            else:
                for line in _lines(value):
                    yield clean_line(f"{at} · {described.name}: {line}")


def _lines(value: Value) -> Iterator[str]:
    if isinstance(value, bool):
        yield "true" if value else "false"
    elif isinstance(value, tuple):
        yield from value
    elif isinstance(value, str):
        yield from value.split("\n")
    else:
        yield str(value)


def _toml_value(value: Any) -> str:
    """An unknown key's value, kept as read, as JSON on one line."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
