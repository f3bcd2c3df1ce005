"""Which language goaltui speaks, by the rule of docs/format.md ("Language").

What is about a review speaks ``--lang``, else ``$GOALTUI_LANG``, else the review's ``language``,
else English; command-line diagnostics speak ``--lang``, else ``$GOALTUI_LANG``, else the locale
where it is Finnish or Swedish, else English. A language goaltui does not speak, asked for by
``--lang`` or ``$GOALTUI_LANG``, is a usage error: :class:`UnknownLanguage`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from goaltui.language.words import AUTONYMS, SPOKEN, Words, catalogue, spoken

VARIABLE = "GOALTUI_LANG"
OPTION = "--lang"
#: Where the locale names its language, the first one set deciding, as POSIX has it.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
_FROM_LOCALE = ("fi", "sv")


class UnknownLanguage(ValueError):
    """``--lang`` or ``$GOALTUI_LANG`` names a language goaltui does not speak (exit 2).

    ``str(error)`` is the message, in ``error.language``: the language diagnostics speak
    without the bad choice.
    """

    def __init__(self, code: str, source: str, language: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.source = source
        self.language = language


def review_language(
    language: str | None, option: str | None = None, environ: Mapping[str, str] | None = None
) -> str:
    """The language of what is about a review whose ``language`` field is ``language``."""
    return _asked(option, environ) or (language if language in SPOKEN else "en")


def diagnostics_language(
    option: str | None = None, environ: Mapping[str, str] | None = None
) -> str:
    """The language of command-line diagnostics (``check``, ``fmt``, usage errors)."""
    return _asked(option, environ) or locale_language(environ) or "en"


def locale_language(environ: Mapping[str, str] | None = None) -> str | None:
    """The locale's language where it is Finnish or Swedish (fi_FI.UTF-8, sv_FI, sv_SE...)."""
    environ = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = environ.get(name)
        if value:  # an empty variable counts as unset
            code = value.replace(".", "_").replace("@", "_").partition("_")[0].lower()
            return code if code in _FROM_LOCALE else None
    return None


def _asked(option: str | None, environ: Mapping[str, str] | None) -> str | None:
    """``--lang``, else ``$GOALTUI_LANG``; None when neither is given."""
    environ = os.environ if environ is None else environ
    for source, code in ((OPTION, option), (VARIABLE, environ.get(VARIABLE))):
        if code:
            if code not in spoken(environ):
                raise _unknown(code, source, environ)
            return code
    return None


def _unknown(code: str, source: str, environ: Mapping[str, str]) -> UnknownLanguage:
    fallback = environ.get(VARIABLE) if source == OPTION else None
    if not fallback or fallback not in spoken(environ):
        fallback = locale_language(environ) or "en"
    w = catalogue(fallback)
    languages = ", ".join(f"{c} ({AUTONYMS.get(c, 'pseudo')})" for c in spoken(environ))
    # Translators: {languages} is a list such as: fi (suomi), sv (svenska), en (English)
    said = w._('unknown language "{code}"; goaltui speaks {languages}')
    message = f"{source}: " + said.format(code=code, languages=languages)
    return UnknownLanguage(code, source, fallback, message)


# The process's language for command-line diagnostics: the CLI sets it once it has read
# --lang; until then it follows the environment.
_default: Words | None = None
# --lang as the command line gave it, for what is about a review where the CLI cannot pass
# it down (the app): the CLI sets it with the default.
_lang_option: str | None = None


def set_default(code: str | None) -> None:
    """Make ``code`` the process's language; None goes back to following the environment."""
    global _default
    _default = None if code is None else catalogue(code)


def set_lang_option(code: str | None) -> None:
    """Keep ``--lang`` as the command line gave it (checked already); None: not given."""
    global _lang_option
    _lang_option = code


def lang_option() -> str | None:
    """``--lang`` as the command line gave it, for :func:`review_language`'s ``option``."""
    return _lang_option


def default() -> Words:
    """The words of the process's language (see :func:`set_default`)."""
    global _default
    if _default is None:
        try:
            code = diagnostics_language()
        except UnknownLanguage as error:
            code = error.language
        _default = catalogue(code)
    return _default


def _(message: str) -> str:
    """``message`` in the process's language."""
    return default()._(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """``singular`` or ``plural``, as ``n`` asks, in the process's language."""
    return default().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in ``context``, in the process's language."""
    return default().pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    """:func:`ngettext` with a context, in the process's language."""
    return default().npgettext(context, singular, plural, n)
