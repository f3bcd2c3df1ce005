"""goaltui's words in each language it speaks, read from the compiled gettext catalogues.

The catalogues are ``locale/<code>/LC_MESSAGES/goaltui.mo`` beside this module, compiled from the
``.po`` files next to them (see docs/translating.md). English is the language of the source, so
it has no catalogue: its words are the messages as written in the code.
"""

from __future__ import annotations

import functools
import gettext
import os
from collections.abc import Callable, Mapping

from goaltui.language.formats import CONVENTIONS, Formats

#: The languages goaltui speaks, in the order it names them.
SPOKEN = ("fi", "sv", "en")
#: Each language's name in itself, for messages that list them.
AUTONYMS = {"fi": "suomi", "sv": "svenska", "en": "English"}
#: A test-only language whose every word is goaltui's English one, marked: it exists while the
#: environment variable of this name holds the path of its compiled catalogue (the tests make
#: one from the template: tests/pseudolocale.py).
PSEUDO = "qps"
PSEUDO_VARIABLE = "GOALTUI_PSEUDO"
DOMAIN = "goaltui"
LOCALE = os.path.join(os.path.dirname(__file__), "locale")


def N_(message: str) -> str:
    """Marks ``message`` for the catalogue where it is defined; translate it where it is shown."""
    return message


def NP_(context: str, message: str) -> tuple[str, str]:
    """:func:`N_` for a message with a context; show it with ``w.pgettext(*marked)``."""
    return context, message


def spoken(environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The languages goaltui speaks now: :data:`SPOKEN`, and the pseudo-language while on."""
    environ = os.environ if environ is None else environ
    return (*SPOKEN, PSEUDO) if environ.get(PSEUDO_VARIABLE) else SPOKEN


class Words(Formats):
    """goaltui's words in one language, and the language's formats (see :mod:`.formats`).

    ``w._(message)``, ``w.ngettext(singular, plural, n)``, ``w.pgettext(context, message)`` and
    ``w.npgettext(context, singular, plural, n)`` are gettext's, bound to this language.
    """

    __slots__ = ("_", "code", "conventions", "ngettext", "npgettext", "pgettext")

    def __init__(self, code: str, translations: gettext.NullTranslations) -> None:
        self.code = code
        self.conventions = CONVENTIONS.get(code, CONVENTIONS["en"])
        # The translations' own bound methods: a message costs one dictionary look-up.
        self._: Callable[[str], str] = translations.gettext
        self.ngettext: Callable[[str, str, int], str] = translations.ngettext
        self.pgettext: Callable[[str, str], str] = translations.pgettext
        self.npgettext: Callable[[str, str, str, int], str] = translations.npgettext

    def __repr__(self) -> str:
        return f"Words({self.code!r})"


def catalogue(code: str) -> Words:
    """The words of ``code``, one of :func:`spoken` (check a code from a person first)."""
    if code not in spoken():
        raise LookupError(f"goaltui does not speak {code!r}")
    if code == PSEUDO:
        return _pseudo(os.environ[PSEUDO_VARIABLE])
    return _load(code)


@functools.cache
def _load(code: str) -> Words:
    if code == "en":
        return Words(code, gettext.NullTranslations())
    path = os.path.join(LOCALE, code, "LC_MESSAGES", f"{DOMAIN}.mo")
    with open(path, "rb") as compiled:
        return Words(code, gettext.GNUTranslations(compiled))


@functools.cache
def _pseudo(path: str) -> Words:
    with open(path, "rb") as compiled:
        return Words(PSEUDO, gettext.GNUTranslations(compiled))
