"""Texts in other languages: a table's translations, and a text as shown in one language.

docs/format.md, "Translations": a table that holds texts may hold them in the other languages
of ``review.translations`` too: its ``translated`` mapping, by language code. Ask a text in the
language shown: it gives the translation, or the main text marked as untranslated
(:class:`Localized`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Generic, NamedTuple, TypeVar

#: A text of a review file: a string, or a list of strings (a goal's links).
Text = str | tuple[str, ...]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Translation:
    """One table's texts in one language of ``review.translations``: a goal's ``[goals.sv]``.

    ``texts`` holds the text fields it gives, ``extra`` its other keys, kept for the save.
    """

    texts: Mapping[str, Text] = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)

    def is_empty(self) -> bool:
        return not self.texts and not self.extra


#: A table's texts in other languages, by language code.
Translated = Mapping[str, Translation]


class Localized(NamedTuple, Generic[T]):
    """A text as shown in one language: its translation, or else the main text, marked."""

    text: T
    #: The main text, shown because the language asked for has none (None has nothing to
    #: translate and is never marked).
    untranslated: bool = False


def has_text(value: object) -> bool:
    """Whether ``value`` says anything, and so is a text to translate."""
    if isinstance(value, str):
        return bool(value.strip())
    return bool(value)


def localized(main: T, translated: Translated, name: str, language: str | None) -> Localized[T]:
    """``main``, or its translation into ``language`` (None: the main text itself)."""
    if language is None:
        return Localized(main)
    translation = translated.get(language)
    if translation is not None and name in translation.texts:
        text: Any = translation.texts[name]  # of the main text's type: validation saw to it
        return Localized(text)
    return Localized(main, has_text(main))


def with_text(translated: Translated, language: str, name: str, value: Text | None) -> Translated:
    """``translated`` with the text ``name`` in ``language`` set (None: removed)."""
    translation = translated.get(language, Translation())
    texts = {key: text for key, text in translation.texts.items() if key != name}
    if value is not None:
        texts[name] = value
    changed = dict(translated)
    changed[language] = replace(translation, texts=texts)
    if changed[language].is_empty():
        del changed[language]
    return changed


def strings(value: object) -> list[str]:
    """A text's strings: one, a list's (links), or none."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, tuple | list):
        return [item for item in value if isinstance(item, str)]
    return []
