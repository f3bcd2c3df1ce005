"""Texts in other languages: the rules of docs/format.md ("Translations") for review files.

A table that holds texts may hold a subtable named by a language of ``review.translations``,
with the same text fields in that language. Here ``review.translations`` is checked
(:func:`declared`), each table's language subtables are read (:func:`translated`) and told
from its unknown keys (:func:`unknown_keys`), translated status labels are kept apart
(:func:`distinct_labels`), and the texts that lack a translation are found (:func:`missing`),
for ``goaltui check`` to warn about.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from goaltui.files.checker import Checker, key_part, not_a
from goaltui.files.locate import KeyPath
from goaltui.language import N_, SPOKEN, _
from goaltui.review.model import Review, Status, Text, Translation, has_text

#: What ``goaltui check`` says of a text that has no translation into a language.
NO_TEXT = {
    "fi": N_("no Finnish (fi) text"),
    "sv": N_("no Swedish (sv) text"),
    "en": N_("no English (en) text"),
}


@dataclass(frozen=True, slots=True)
class Languages:
    """The languages of one file: of its main texts, and of its translations."""

    main: str | None  # review.language as written
    declared: tuple[str, ...] = ()  # review.translations, the valid codes of it


def declared(
    check: Checker, head: Mapping[str, Any], language: str | None, fields: frozenset[str]
) -> Languages:
    """``review.translations``, checked; ``language`` is ``review.language``, ``fields`` the
    names of the fields of the tables that hold texts, which no language code may take."""
    where: KeyPath = ("review", "translations")
    value = head.get("translations")
    if value is None:
        return Languages(language)
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        check.error(where, _('must be a list of language codes, such as ["sv"]'))
        return Languages(language)
    codes: list[str] = []
    for i, code in enumerate(value):
        at = (*where, i)
        if code in fields:
            message = _('"{code}" is the name of a field, not a language code')
        elif code not in SPOKEN:
            message = _('"{code}" is not a language goaltui speaks: {languages}')
        elif code == language:
            message = _('"{code}" is the language of the main texts (review.language)')
        elif code in codes:
            message = _('language "{code}" appears twice')
        else:
            codes.append(code)
            continue
        check.error(at, message.format(code=code, languages=", ".join(SPOKEN)))
    if value and language is None:
        check.error(
            where,
            _("a review with translations names the language of its main texts in review.language"),
        )
    return Languages(language, tuple(codes))


_SPOKEN = frozenset(SPOKEN)


def language_keys(table: Mapping[str, Any], languages: Languages) -> tuple[str, ...]:
    """The keys of ``table`` that name a language subtable: a declared language, or a table
    named by a language goaltui speaks."""
    # Most tables hold none: a set's test of the keys, in C, spares a loop over them in Python.
    if _SPOKEN.isdisjoint(table) and (
        not languages.declared or frozenset(languages.declared).isdisjoint(table)
    ):
        return ()
    return tuple(
        key
        for key, value in table.items()
        if key in languages.declared or (key in SPOKEN and isinstance(value, Mapping))
    )


def translated(
    check: Checker,
    at: KeyPath,
    table: Mapping[str, Any],
    texts: Sequence[str],
    known: Sequence[str],
    languages: Languages,
) -> dict[str, Translation]:
    """The language subtables of ``table`` (found at ``at``), checked, in the order of
    ``review.translations``. ``texts`` are the table's text fields, ``known`` all its fields."""
    codes = language_keys(table, languages)
    if not codes:  # the common case, and in a file without translations the only one
        return {}
    found: dict[str, Translation] = {}
    for code in codes:
        where = (*at, code)
        value = table[code]
        if code not in languages.declared:
            check.error(where, _undeclared(code, languages))
        elif not isinstance(value, Mapping):
            check.error(where, not_a(_("must be a table, not {type}"), value))
        else:
            found[code] = _translation(check, where, value, texts, known)
    order = {code: i for i, code in enumerate(languages.declared)}
    return dict(sorted(found.items(), key=lambda item: order[item[0]]))


def unknown_keys(
    check: Checker,
    where: KeyPath,
    table: Mapping[str, Any],
    known: tuple[str, ...],
    languages: Languages,
) -> dict[str, Any]:
    """The table's unknown keys: neither its fields nor its language subtables."""
    return check.unknown_keys(where, table, (*known, *language_keys(table, languages)))


def _undeclared(code: str, languages: Languages) -> str:
    if code == languages.main:
        message = _(
            'texts in "{code}", the language of the main texts: write them in the main fields'
        )
    elif languages.declared:
        message = _('texts in "{code}", which review.translations does not list ({codes})')
    else:
        message = _('texts in "{code}", but [review] has no translations = ["{code}"]')
    return message.format(code=code, codes=", ".join(languages.declared))


def _translation(
    check: Checker,
    where: KeyPath,
    table: Mapping[str, Any],
    texts: Sequence[str],
    known: Sequence[str],
) -> Translation:
    found: dict[str, Text] = {}
    for name in texts:
        value: Text | None
        if name == "links" or name == "actions":
            links = check.texts(where, table, name)
            value = tuple(links) if links is not None else None
        elif name == "forecast":
            value = check.forecast(where, table)
        else:
            value = check.text(where, table, name)
        if name == "label" and value is not None and not has_text(value):
            check.error((*where, name), _("must not be empty"))
        elif value is not None:
            found[name] = value
    others = {key: value for key, value in table.items() if key not in texts}
    for key in others:
        if key in known:
            not_text = _(
                '"{key}" is not a text to translate: give it once, in the table this one '
                "translates (kept as is)"
            )
            check.warn((*where, key), not_text.format(key=key))
    unknown = {key: value for key, value in others.items() if key not in known}
    check.unknown_keys(where, unknown, tuple(texts))
    return Translation(found, others)


def distinct_labels(check: Checker, statuses: Sequence[tuple[int, Status]]) -> None:
    """Two translated labels of one language must differ (``statuses``: each at its index)."""
    seen: dict[tuple[str, str], str] = {}
    for index, status in statuses:
        for code, translation in status.translated.items():
            label = translation.texts.get("label")
            if not isinstance(label, str):
                continue
            other = seen.setdefault((code, label), status.label)
            if other != status.label:
                taken = _(
                    '"{label}" is already the "{code}" label of status "{other}"; '
                    "the labels of one language must differ"
                )
                where = ("review", "statuses", index, code, "label")
                check.error(where, taken.format(label=label, code=code, other=other))


@dataclass(frozen=True, slots=True)
class Missing:
    """A text without a translation into ``language``: at ``where``, named ``field``."""

    where: KeyPath
    field: str
    language: str

    @property
    def message(self) -> str:
        return _(NO_TEXT[self.language])


def missing(review: Review) -> Iterator[Missing]:
    """Every text of ``review`` that has no translation into a language of its translations,
    table by table in file order."""
    codes = review.translations or ()
    if not codes:
        return

    def lacking(where: KeyPath, label: str, table: Any, names: Sequence[str]) -> Iterator[Missing]:
        for name in names:
            if not has_text(getattr(table, name)):
                continue
            for code in codes:
                translation = table.translated.get(code)
                if translation is None or name not in translation.texts:
                    yield Missing((*where, name), f"{label}.{name}", code)

    yield from lacking(("review",), "review", review, ("title",))
    for i, status in enumerate(review.statuses):
        label = f"review.statuses[label={status.label}]"
        yield from lacking(("review", "statuses", i), label, status, Status.TEXTS)
    for i, goal in enumerate(review.goals):
        label = f"goals[id={goal.id}]"
        yield from lacking(("goals", i), label, goal, goal.TEXTS)
        for k, indicator in enumerate(goal.indicators or ()):
            named = f"{label}.indicators[id={indicator.id}]"
            yield from lacking(("goals", i, "indicators", k), named, indicator, indicator.TEXTS)
        for period, entry in (goal.periods or {}).items():
            where = ("goals", i, "periods", period)
            yield from lacking(where, f"{label}.periods.{key_part(period)}", entry, entry.TEXTS)
