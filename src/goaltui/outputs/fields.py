"""The fields of a review, described once: what the diffs compare and textconv prints.

Each table of a review file (the review, a status of its scale, a goal, a goal's entry in a
period) has its fields listed here, in the file's order, with the word the outputs call each
one and the kind of its value. :mod:`~goaltui.outputs.diff` compares two versions field by
field from these lists, and :mod:`~goaltui.outputs.facts` prints a version one field a line,
so a new field of the format is one line here::

    Field("actions", N_("actions"), "list", lambda entry: entry.actions, translated=True),
    Field("forecasts", N_("indicator forecast"), "values",
          lambda entry: {i: value.forecast for i, value in entry.indicators.items()} or None),

Kinds of value: ``text`` (a short string, shown old → new), ``prose`` (a text of sentences,
whose changed words are marked), ``list`` (strings; the items added and removed are marked),
``flag`` (true or false), ``number``, ``status`` (a label of the scale, which moves up or down
it) and ``values`` (a mapping, such as an indicator's value by its id, compared key by key).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

from goaltui.language import N_
from goaltui.review.indicators import VALUE_FIELDS
from goaltui.review.model import Goal, PeriodEntry, Review, Status

Kind = Literal["text", "prose", "list", "flag", "number", "status", "values"]
#: A field's value as the diffs hold it: None where the file leaves it out.
Value = str | int | float | bool | tuple[str, ...] | Mapping[str, Any] | None
Owner = TypeVar("Owner")


@dataclass(frozen=True, slots=True)
class Field(Generic[Owner]):
    """One field of a table: its key in the file, its word, its kind and how to read it."""

    name: str
    word: str  # marked with N_: translate it where it is shown, w._(field.word)
    kind: Kind
    read: Callable[[Owner], Value]
    #: Whether the table's language subtables (``[goals.sv]``) may give it in other languages.
    translated: bool = False

    def value(self, owner: Owner, language: str | None = None) -> Value:
        """The field's value in the main texts, or (``language``) in that translation."""
        if language is None:
            return self.read(owner)
        translation = getattr(owner, "translated", {}).get(language)
        found = translation.texts.get(self.name) if translation is not None else None
        return found


#: The name of the field of a table's unknown keys, which are shown by their own names.
EXTRA = "extra"


def _extra(owner: Any) -> Mapping[str, Any] | None:
    """The table's unknown keys, which a save keeps: a change to them is a change too."""
    return owner.extra or None


def _due(review: Review) -> Mapping[str, Any] | None:
    return {period: day.isoformat() for period, day in (review.due or {}).items()} or None


def _indicators(goal: Goal) -> Mapping[str, Any] | None:
    """Each indicator as one value: its name, unit, target and direction."""
    described = {}
    for indicator in goal.indicators or ():
        table = {"name": indicator.name, "unit": indicator.unit, "target": indicator.target}
        table["direction"] = indicator.direction
        described[indicator.id] = {k: v for k, v in table.items() if v is not None}
    return described or None


def _values(entry: PeriodEntry) -> Mapping[str, Any] | None:
    """The indicators' values as ``toimenpiteet.forecast``, ``toimenpiteet.actual``."""
    values: dict[str, Any] = {}
    for ident, value in (entry.indicators or {}).items():
        for name in VALUE_FIELDS:
            number = getattr(value, name)
            if number is not None:
                values[f"{ident}.{name}"] = number
        for key, extra in value.extra.items():
            values[f"{ident}.{key}"] = extra
    return values or None


REVIEW_FIELDS: tuple[Field[Review], ...] = (
    Field("title", N_("title"), "prose", lambda r: r.title, translated=True),
    Field("year", N_("year"), "number", lambda r: r.year),
    Field("language", N_("language"), "text", lambda r: r.language),
    Field("translations", N_("translations"), "list", lambda r: r.translations),
    Field("periods", N_("periods"), "list", lambda r: r.periods),
    Field("current", N_("current period"), "text", lambda r: r.current),
    Field("due", N_("due date"), "values", lambda r: _due(r)),
    Field(EXTRA, N_("other keys"), "values", lambda r: {**r.review_extra, **r.extra} or None),
)
#: The scale as a whole: its labels in order (a status's own fields are STATUS_FIELDS).
STATUSES_FIELD: Field[Review] = Field(
    "statuses", N_("statuses"), "list", lambda r: tuple(s.label for s in r.statuses)
)
STATUS_FIELDS: tuple[Field[Status], ...] = (
    Field("label", N_("label"), "text", lambda s: s.label, translated=True),
    Field("color", N_("colour"), "text", lambda s: s.color),
    Field("symbol", N_("symbol"), "text", lambda s: s.symbol),
    Field("description", N_("description"), "prose", lambda s: s.description, translated=True),
    Field("explain", N_("needs a comment"), "flag", lambda s: s.explain),
    Field("meaning", N_("meaning"), "text", lambda s: s.meaning),
    Field("actions", N_("needs actions"), "flag", lambda s: s.actions),
    Field(EXTRA, N_("other keys"), "values", _extra),
)
GOAL_FIELDS: tuple[Field[Goal], ...] = (
    Field("theme", N_("theme"), "text", lambda g: g.theme, translated=True),
    Field("objective", N_("objective"), "prose", lambda g: g.objective, translated=True),
    Field("description", N_("description"), "prose", lambda g: g.description, translated=True),
    Field("target", N_("target"), "prose", lambda g: g.target, translated=True),
    Field("measure", N_("measure"), "prose", lambda g: g.measure, translated=True),
    Field("binding", N_("binding"), "flag", lambda g: g.binding),
    Field("links", N_("links"), "list", lambda g: g.links, translated=True),
    Field("indicators", N_("indicator"), "values", lambda g: _indicators(g)),
    Field(EXTRA, N_("other keys"), "values", _extra),
)
ENTRY_FIELDS: tuple[Field[PeriodEntry], ...] = (
    Field("status", N_("status"), "status", lambda e: e.status),
    Field("forecast", N_("forecast"), "text", lambda e: e.forecast, translated=True),
    Field("comment", N_("comment"), "prose", lambda e: e.comment, translated=True),
    Field("actions", N_("actions"), "list", lambda e: e.actions, translated=True),
    Field("indicators", N_("indicator"), "values", lambda e: _values(e)),
    Field(EXTRA, N_("other keys"), "values", _extra),
)
