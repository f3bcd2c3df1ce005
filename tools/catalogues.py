"""goaltui's message catalogues: extract the messages, update the translations, compile them.

    python tools/catalogues.py            # extract, update and compile, in that order
    python tools/catalogues.py extract    # the code's messages -> locale/goaltui.pot
    python tools/catalogues.py update     # goaltui.pot -> each language's goaltui.po
    python tools/catalogues.py compile    # each goaltui.po -> its goaltui.mo (shipped)
    python tools/catalogues.py check      # writes nothing; exit 1 if a step above is due

The catalogues live in src/goaltui/language/locale/. A file is written only when what it holds
changes, so running the tool twice changes nothing. Needs Babel (the test extra:
``pip install -e '.[test]'``); goaltui itself reads the compiled catalogues with the standard
library's gettext. docs/translating.md is the guide.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

from goaltui.language.words import SPOKEN

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src"
LOCALE = SOURCE / "goaltui" / "language" / "locale"
TEMPLATE = LOCALE / "goaltui.pot"
#: The languages with a catalogue: every language goaltui speaks but English, the source's.
LANGUAGES = tuple(code for code in SPOKEN if code != "en")
#: How the code calls gettext (see goaltui/language/__init__.py): a method of the words
#: (``w._``, ``w.ngettext``...), the same names for the process's language, and the markers.
KEYWORDS = {
    "_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "N_": None,
    "NP_": ((1, "c"), 2),
}
COMMENT_TAG = "Translators:"
# Header lines that change with the clock or the Babel version, not with what a file says.
_VOLATILE = (b'"POT-Creation-Date:', b'"Generated-By:')


def new_catalogue(language: str | None = None) -> Catalog:
    """An empty catalogue for ``language`` (with its plural rule), or the template's."""
    return Catalog(
        locale=language, project="goaltui", copyright_holder="the goaltui authors", fuzzy=False
    )


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "goaltui.po"


def mo_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "goaltui.mo"


def extract() -> Catalog:
    """The messages of the code as it is now: the template the catalogues should have."""
    catalog = new_catalogue()
    found = extract_from_dir(
        SOURCE,
        method_map=[("goaltui/**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=(COMMENT_TAG,),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        catalog.add(
            message,
            locations=[(f"src/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def messages(catalog: Catalog) -> set[tuple[object, str | None, tuple[str, ...]]]:
    """What a catalogue asks translators for: each message, its context and its comments."""
    return {
        (message.id, message.context, tuple(dict.fromkeys(message.auto_comments)))
        for message in catalog
        if message.id
    }


def read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=language)


def po_text(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, include_lineno=False, ignore_obsolete=True)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def translations(catalog: Catalog) -> dict[tuple[object, str | None], object]:
    """What a compiled catalogue answers: each message's translation, and the plural rule."""
    found: dict[tuple[object, str | None], object] = {
        (_frozen(message.id), message.context): _frozen(message.string)
        for message in catalog
        if message.id
    }
    found["Plural-Forms", None] = catalog.plural_forms
    return found


def compiled(language: str, catalog: Catalog) -> bool:
    """Whether ``language``'s shipped .mo answers as ``catalog`` (its .po) compiled would."""
    path = mo_path(language)
    if not path.exists():
        return False
    with path.open("rb") as shipped:
        now = translations(read_mo(shipped))
    return now == translations(read_mo(io.BytesIO(mo_bytes(catalog))))


def _frozen(value: object) -> object:
    """A message's id or string, its plural forms a tuple whether read from a .po or a .mo."""
    return tuple(value) if isinstance(value, list | tuple) else value


def write_if_changed(path: Path, content: bytes) -> bool:
    """Write ``content`` unless the file says the same already (volatile headers aside)."""
    if path.exists() and _steady(path.read_bytes()) == _steady(content):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return True


def _steady(content: bytes) -> list[bytes]:
    return [line for line in content.splitlines() if not line.startswith(_VOLATILE)]


def update_catalogue(template: Catalog, language: str) -> Catalog:
    """``language``'s catalogue with the template's messages: new ones empty, changed ones fuzzy."""
    path = po_path(language)
    catalog = read(path, language) if path.exists() else new_catalogue(language)
    catalog.update(template)
    return catalog


def untranslated(catalog: Catalog) -> list[str]:
    """The messages of ``catalog`` a translator still has to do (empty or fuzzy)."""
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def stale() -> list[str]:
    """What ``extract``, ``update`` or ``compile`` would change, or a translator must do."""
    problems = []
    template = extract()
    if not TEMPLATE.exists() or messages(read(TEMPLATE)) != messages(template):
        problems.append(f"{TEMPLATE.relative_to(ROOT)} is out of date: run extract")
    for language in LANGUAGES:
        po = po_path(language)
        if not po.exists() or messages(read(po, language)) != messages(template):
            problems.append(f"{po.relative_to(ROOT)} is out of date: run update")
            continue
        catalog = read(po, language)
        problems.extend(
            f"{po.relative_to(ROOT)}: not translated: {message!r}"
            for message in untranslated(catalog)
        )
        if not compiled(language, catalog):
            problems.append(f"{mo_path(language).relative_to(ROOT)} is out of date: run compile")
    return problems


def run(steps: Iterable[str]) -> int:
    for step in steps:
        if step == "extract":
            if write_if_changed(TEMPLATE, po_text(extract())):
                print(f"wrote {TEMPLATE.relative_to(ROOT)}")
        elif step == "update":
            template = read(TEMPLATE)
            for language in LANGUAGES:
                catalog = update_catalogue(template, language)
                if write_if_changed(po_path(language), po_text(catalog)):
                    print(f"wrote {po_path(language).relative_to(ROOT)}")
                for message in untranslated(catalog):
                    print(f"{language}: to translate: {message!r}")
        elif step == "compile":
            for language in LANGUAGES:
                if write_if_changed(mo_path(language), mo_bytes(read(po_path(language), language))):
                    print(f"wrote {mo_path(language).relative_to(ROOT)}")
        elif step == "check":
            problems = stale()
            for problem in problems:
                print(problem, file=sys.stderr)
            if problems:
                return 1
        else:
            print(__doc__, file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:] or ["extract", "update", "compile"]))
