"""The language the app shows: goaltui's own words, and the review's texts in that language.

The app starts in the language of the rule of docs/format.md ("Language"): ``--lang``, else
``$GOALTUI_LANG``, else the review's ``language``. One key switches it between the review's
main language and each of its ``translations`` (and the language it started in, if that is
none of them). The review's texts show in the language shown where the file has them, else
the main text after an untranslated mark ("[fi] ..."), never told by colour alone; goaltui's
own words are those of the language shown, where goaltui speaks it.
"""

from __future__ import annotations

from dataclasses import dataclass

from goaltui.language import Words, catalogue, spoken
from goaltui.language.labels import words
from goaltui.language.words import AUTONYMS
from goaltui.outputs.marks import with_mark
from goaltui.review.model import Localized, Review


@dataclass(frozen=True, slots=True)
class Speech:
    """What the app speaks now: ``language`` for the review's texts, ``w`` for its own words."""

    language: str
    w: Words

    @classmethod
    def of(cls, language: str, fallback: Words | None = None) -> Speech:
        """The app showing ``language``; its own words in ``fallback`` where goaltui does not
        speak ``language`` (English without one)."""
        if language in spoken():
            return cls(language, catalogue(language))
        return cls(language, fallback or catalogue("en"))

    @property
    def words(self) -> dict[str, str]:
        """The table's and the panes' words by key (see :mod:`goaltui.language.labels`)."""
        return words(self.w.code)

    def texts(self, review: Review) -> str | None:
        """The translation to ask ``review``'s texts in: None for its main texts."""
        return review.translation_for(self.language)

    def shown(self, review: Review, text: Localized[str] | Localized[str | None]) -> str:
        """A text of ``review`` as shown: the translation, or the main text marked ("[fi] ...");
        not yet cleaned."""
        return with_mark(text, review.main_language)

    def editing(self, review: Review) -> str | None:
        """The language the editors write in: the translation shown, where the file may hold
        it (one of ``review.translations``); else the main texts (None)."""
        texts = self.texts(review)
        return texts if texts in (review.translations or ()) else None

    def name(self, code: str) -> str:
        """A language's name, in itself where goaltui knows it ("svenska"), else its code."""
        return AUTONYMS.get(code, code)


def speech_of(app: object) -> Speech:
    """What ``app`` speaks (the goaltui app's :attr:`speech`); English for any other app."""
    found = getattr(app, "speech", None)
    return found if isinstance(found, Speech) else Speech.of("en")


def cycle(review: Review, start: str) -> list[str]:
    """The languages the switch goes through for ``review``: its main language, its
    translations, and ``start`` (the app's first language) where it is none of them."""
    order = [review.main_language, *(review.translations or ())]
    if start not in order:
        order.append(start)
    return list(dict.fromkeys(order))


def next_language(review: Review, start: str, now: str) -> str:
    """The language after ``now`` in :func:`cycle`; the first one when ``now`` is not in it."""
    order = cycle(review, start)
    return order[(order.index(now) + 1) % len(order)] if now in order else order[0]
