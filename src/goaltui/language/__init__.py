"""The languages goaltui speaks: the words it shows and how it formats numbers and dates.

Imports nothing of goaltui but :mod:`goaltui.text`. Every word goaltui shows a person comes from
a gettext catalogue (``locale/``; docs/translating.md tells how to add and translate one). The
calling convention, which ``python tools/catalogues.py extract`` relies on to find the messages:

- Get the words of a language once, where the language is decided, and pass them down::

      from goaltui import language

      w = language.catalogue(language.review_language(review.language, option=args.lang))

- Write each message as one English string literal with named ``{placeholders}``, called on the
  words object, and fill the placeholders after the call::

      w._("Saved {path}").format(path=clean_line(str(path)))
      w.ngettext("{n} goal", "{n} goals", n).format(n=w.integer(n))
      w.pgettext("button", "Save")  # a context where a short word could be read two ways
      w.npgettext("filter", "{n} match", "{n} matches", n).format(n=w.integer(n))

  The extractor reads string literals only: never an f-string, a ``+`` or a ``.format()`` inside
  the call, never a variable (``w._(f"Saved {path}")`` is a bug the tests catch). Messages hold
  no Rich markup (style the Text around them) and no data: texts from a review file go into
  placeholders, cleaned (:mod:`goaltui.text`).
- Command-line diagnostics with no review at hand speak the process's language::

      from goaltui.language import _, ngettext

      _("{path}: no such file or folder").format(path=shown)

  The CLI sets it once it has read ``--lang``:
  ``language.set_default(language.diagnostics_language(args.lang))``, which raises
  :class:`UnknownLanguage` (a usage error: exit 2, print ``str(error)``). A module that imports
  ``_`` does not use ``_`` as a throwaway name. The CLI also keeps ``--lang`` as given, for
  what is about a review but out of its reach (the app):
  ``language.review_language(review.language, option=language.lang_option())``.
- A string made at import time (a binding's description, a constant) is marked, and translated
  where it is shown: ``QUIT = N_("Quit")`` then ``w._(QUIT)``; ``NP_("context", "...")`` then
  ``w.pgettext(*marked)``.
- A ``# Translators: ...`` comment on the line above a call reaches the translators.
- Numbers and dates shown to a person are the language's too: ``w.integer(10000)``,
  ``w.number(85.5)``, ``w.percent(90)``, ``w.date(day)``; ``w.parse_number(typed)`` reads a
  number a reviewer typed, or raises :class:`NotANumber` with a message to show.
"""

from goaltui.language.choice import (
    UnknownLanguage,
    _,
    default,
    diagnostics_language,
    lang_option,
    locale_language,
    ngettext,
    npgettext,
    pgettext,
    review_language,
    set_default,
    set_lang_option,
)
from goaltui.language.formats import NotANumber
from goaltui.language.words import N_, NP_, PSEUDO, SPOKEN, Words, catalogue, spoken

__all__ = [
    "NP_",
    "N_",
    "PSEUDO",
    "SPOKEN",
    "NotANumber",
    "UnknownLanguage",
    "Words",
    "_",
    "catalogue",
    "default",
    "diagnostics_language",
    "lang_option",
    "locale_language",
    "ngettext",
    "npgettext",
    "pgettext",
    "review_language",
    "set_default",
    "set_lang_option",
    "spoken",
]
