"""The message catalogues: in step with the code, translated whole, compiled, and shipped."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from catalogues_tool import tool
from reviewfiles import clean_env

import goaltui
from goaltui.language import catalogue
from goaltui.language.labels import file_count, goal_count, words

LANGUAGES = tool.LANGUAGES
PLURAL_FORMS = {"fi": "nplurals=2; plural=(n != 1);", "sv": "nplurals=2; plural=(n != 1);"}
# str.format's named fields and printf's conversions
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]")


def _template():
    return tool.read(tool.TEMPLATE)


def _catalogue(code):
    return tool.read(tool.po_path(code), code)


def test_the_template_holds_exactly_the_messages_of_the_code():
    # Extracting runs here, from the source as it is (about 0.1 s).
    assert tool.messages(_template()) == tool.messages(tool.extract()), (
        "locale/goaltui.pot is out of date: run python tools/catalogues.py"
    )


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_catalogue_has_the_templates_messages_and_no_others(code):
    assert tool.messages(_catalogue(code)) == tool.messages(_template()), (
        f"{code}/goaltui.po is out of date: run python tools/catalogues.py update"
    )


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(code):
    assert tool.untranslated(_catalogue(code)) == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_translation_keeps_the_placeholders_of_its_message(code):
    wrong = []
    for message in _catalogue(code):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = {field for text in ids for field in _PLACEHOLDER.findall(text)}
        wrong.extend(
            (message.id, string)
            for string in strings
            if set(_PLACEHOLDER.findall(string)) != wanted
        )
    assert wrong == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_plural_forms_are_declared_and_every_plural_message_has_them_all(code):
    po = _catalogue(code)
    assert po.plural_forms == PLURAL_FORMS[code]
    assert str(po.locale) == code
    plurals = [message for message in po if isinstance(message.id, tuple)]
    assert plurals  # the counts of goals, binding goals and files at least
    for message in plurals:
        assert len(message.string) == po.num_plurals and all(message.string), message.id


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_shipped_compiled_catalogue_is_the_translations_as_they_are(code):
    assert tool.compiled(code, _catalogue(code)), (
        f"{code}/goaltui.mo is out of date: run python tools/catalogues.py compile"
    )


def test_the_tool_finds_nothing_to_do():
    assert tool.stale() == []


def test_every_compiled_catalogue_is_package_data():
    package = Path(goaltui.__file__).parent
    pyproject = tomllib.loads((tool.ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["goaltui"]
    shipped = {path for pattern in patterns for path in package.glob(pattern)}
    compiled = [tool.mo_path(code) for code in LANGUAGES]
    assert all(path.is_file() and path in shipped for path in compiled)


def test_the_extraction_finds_the_calls_written_as_the_convention_says(tmp_path):
    (tmp_path / "goaltui").mkdir()
    (tmp_path / "goaltui" / "sample.py").write_text(
        textwrap.dedent(
            """
            from goaltui.language import N_, NP_, _, ngettext

            QUIT = N_("Quit")
            SAVE = NP_("button", "Save")

            def show(w, self, n):
                # Translators: shown after a save
                w._("Saved {path}")
                self.words._("Attribute chain")
                w.ngettext("{n} goal", "{n} goals", n)
                w.pgettext("menu", "Open")
                w.npgettext("filter", "{n} match", "{n} matches", n)
                _("Module level")
                ngettext("{n} file", "{n} files", n)
            """
        ),
        encoding="utf-8",
    )
    found = {
        (message, context, tuple(comments))
        for _file, _line, message, comments, context in extract_from_dir(
            tmp_path,
            keywords=tool.KEYWORDS,
            comment_tags=(tool.COMMENT_TAG,),
            strip_comment_tags=True,
        )
    }
    assert found == {
        ("Quit", None, ()),
        ("Save", "button", ()),
        ("Saved {path}", None, ("shown after a save",)),
        ("Attribute chain", None, ()),
        (("{n} goal", "{n} goals"), None, ()),
        ("Open", "menu", ()),
        (("{n} match", "{n} matches"), "filter", ()),
        ("Module level", None, ()),
        (("{n} file", "{n} files"), None, ()),
    }


def _messages_built_at_run_time(path: Path) -> list[str]:
    """Calls whose message is no literal the extractor can read: f-strings, + and .format()."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        called = node.func
        name = called.attr if isinstance(called, ast.Attribute) else getattr(called, "id", "")
        if name not in tool.KEYWORDS:
            continue
        for argument in node.args:
            built = isinstance(argument, ast.JoinedStr | ast.BinOp) or (
                isinstance(argument, ast.Call)
                and isinstance(argument.func, ast.Attribute)
                and isinstance(argument.func.value, ast.Constant)
            )
            if built:
                found.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")
    return found


def test_no_message_is_built_at_run_time_where_the_extractor_cannot_see_it(tmp_path):
    sources = sorted((tool.SOURCE / "goaltui").rglob("*.py"))
    assert [problem for path in sources for problem in _messages_built_at_run_time(path)] == []
    bad = tmp_path / "bad.py"
    bad.write_text('w._(f"Saved {path}")\nw._("a" + b)\n_("{}".format(x))\nw._("fine")\n')
    assert len(_messages_built_at_run_time(bad)) == 3  # the check itself sees them


def _messages_inside_f_strings(path: Path) -> list[str]:
    """Catalogue calls written inside an f-string, which the extractor does not look into."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.JoinedStr):
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.Call):
                called = inner.func
                name = called.attr if isinstance(called, ast.Attribute) else ""
                name = name or getattr(called, "id", "")
                if name in tool.KEYWORDS:
                    found.append(f"{path.name}:{inner.lineno}: {ast.unparse(inner)}")
    return found


def test_no_message_is_called_inside_an_f_string(tmp_path):
    sources = sorted((tool.SOURCE / "goaltui").rglob("*.py"))
    assert [problem for path in sources for problem in _messages_inside_f_strings(path)] == []
    bad = tmp_path / "bad.py"
    bad.write_text("f\"{w._('Total')}: {n}\"\nw._('Total') + f'{n}'\n")
    assert len(_messages_inside_f_strings(bad)) == 1  # the check itself sees it


def test_the_words_of_the_summaries_come_from_the_catalogues():
    assert words("fi")["current period"] == "tarkastelujakso"
    assert words("sv")["unexplained"] == "motivering saknas"
    assert words("fi")["in"] == "jaksolla" and words("sv")["of"] == "av"
    assert words(None) == words("en") == words("de")
    assert words("en")["goals"] == "Goals"


@pytest.mark.parametrize(
    ("code", "one", "some"),
    [
        ("en", "1 goal (1 binding)", "26 goals (8 binding)"),
        ("fi", "1 tavoite (1 sitova)", "26 tavoitetta (8 sitovaa)"),
        ("sv", "1 mål (1 bindande)", "26 mål (8 bindande)"),
    ],
)
def test_goals_are_counted_in_the_languages_plural_forms(code, one, some):
    assert goal_count(code, 1, 1) == one
    assert goal_count(code, 26, 8) == some


def test_mixed_counts_and_none_take_their_own_forms():
    assert goal_count("en", 2, 1) == "2 goals (1 binding)"
    assert goal_count("fi", 2, 1) == "2 tavoitetta (1 sitova)"
    assert goal_count("fi", 0, 0) == "0 tavoitetta (0 sitovaa)"
    assert goal_count("fi", 12000, 0) == "12\u00a0000 tavoitetta (0 sitovaa)"
    assert [file_count("en", n) for n in (1, 2)] == ["1 file", "2 files"]
    assert [file_count("fi", n) for n in (1, 2)] == ["1 tiedosto", "2 tiedostoa"]
    assert [file_count("sv", n) for n in (1, 2)] == ["1 fil", "2 filer"]


def test_english_needs_no_catalogue_its_words_are_the_messages():
    w = catalogue("en")
    assert w._("Goals") == "Goals"
    assert w.ngettext("{n} goal", "{n} goals", 1) == "{n} goal"


def test_goaltui_reads_its_catalogues_with_the_standard_library_alone():
    probe = (
        "import sys, time\n"
        "start = time.perf_counter()\n"
        "from goaltui.language import catalogue\n"
        "w = catalogue('fi')\n"
        "print(w._('Goals'), 'babel' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], env=clean_env(), capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["Tavoitteet", "False"]
