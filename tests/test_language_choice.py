"""Which language goaltui speaks: the rule of docs/format.md ("Language"), one case a test."""

from __future__ import annotations

import pytest

from goaltui import language
from goaltui.language import UnknownLanguage, diagnostics_language, locale_language, review_language


def test_a_review_speaks_lang_first():
    environ = {"GOALTUI_LANG": "sv", "LANG": "fi_FI.UTF-8"}
    assert review_language("fi", option="en", environ=environ) == "en"


def test_a_review_speaks_the_environment_variable_without_lang():
    assert review_language("fi", environ={"GOALTUI_LANG": "sv"}) == "sv"


def test_a_review_speaks_its_own_language_without_either():
    assert review_language("sv", environ={"LANG": "fi_FI.UTF-8"}) == "sv"


def test_a_review_without_a_language_speaks_english_whatever_the_locale():
    assert review_language(None, environ={"LANG": "fi_FI.UTF-8"}) == "en"
    assert review_language("de", environ={}) == "en"  # not valid in a file; never an error here


def test_an_empty_variable_counts_as_unset():
    assert review_language("fi", environ={"GOALTUI_LANG": ""}) == "fi"
    assert diagnostics_language(environ={"GOALTUI_LANG": "", "LC_ALL": "", "LANG": "sv_FI"}) == "sv"


@pytest.mark.parametrize(
    ("environ", "spoken"),
    [
        ({"LANG": "fi_FI.UTF-8"}, "fi"),
        ({"LANG": "sv_FI.UTF-8"}, "sv"),
        ({"LANG": "sv_SE"}, "sv"),
        ({"LANG": "fi"}, "fi"),
        ({"LANG": "sv_FI@euro"}, "sv"),
        ({"LANG": "fi_FI.UTF-8@euro"}, "fi"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({}, "en"),
        # the first one set decides, as in POSIX: LC_ALL, then LC_MESSAGES, then LANG
        ({"LC_ALL": "sv_FI.UTF-8", "LC_MESSAGES": "fi_FI.UTF-8", "LANG": "fi_FI"}, "sv"),
        ({"LC_MESSAGES": "sv_FI.UTF-8", "LANG": "fi_FI.UTF-8"}, "sv"),
        ({"LC_ALL": "C", "LANG": "fi_FI.UTF-8"}, "en"),
        ({"LC_MESSAGES": "en_GB.UTF-8", "LANG": "fi_FI.UTF-8"}, "en"),
    ],
)
def test_diagnostics_speak_the_locale_where_it_is_finnish_or_swedish(environ, spoken):
    assert diagnostics_language(environ=environ) == spoken


def test_diagnostics_speak_lang_then_the_variable_before_the_locale():
    environ = {"GOALTUI_LANG": "sv", "LC_ALL": "fi_FI.UTF-8"}
    assert diagnostics_language(environ=environ) == "sv"
    assert diagnostics_language("en", environ=environ) == "en"


def test_the_locale_alone_never_chooses_english_words_for_a_finnish_review():
    assert locale_language({"LANG": "en_US.UTF-8"}) is None
    assert review_language("fi", environ={"LANG": "en_US.UTF-8"}) == "fi"


def test_an_unknown_lang_is_a_usage_error_naming_the_languages_goaltui_speaks():
    with pytest.raises(UnknownLanguage) as error:
        review_language("fi", option="de", environ={})
    assert str(error.value) == (
        '--lang: unknown language "de"; goaltui speaks fi (suomi), sv (svenska), en (English)'
    )
    assert (error.value.code, error.value.source, error.value.language) == ("de", "--lang", "en")


def test_an_unknown_environment_variable_is_a_usage_error_too():
    with pytest.raises(UnknownLanguage) as error:
        diagnostics_language(environ={"GOALTUI_LANG": "fi_FI.UTF-8"})
    assert str(error.value).startswith('GOALTUI_LANG: unknown language "fi_FI.UTF-8"; ')


def test_a_good_lang_wins_over_a_bad_environment_variable():
    assert review_language(None, option="fi", environ={"GOALTUI_LANG": "xx"}) == "fi"


def test_the_usage_error_speaks_the_locale_or_the_variable_never_the_bad_choice():
    with pytest.raises(UnknownLanguage) as in_finnish:
        diagnostics_language("de", environ={"LANG": "fi_FI.UTF-8"})
    assert str(in_finnish.value) == (
        '--lang: tuntematon kieli "de"; goaltuin kielet ovat fi (suomi), sv (svenska), en (English)'
    )
    with pytest.raises(UnknownLanguage) as in_swedish:
        diagnostics_language("FI", environ={"GOALTUI_LANG": "sv", "LANG": "fi_FI.UTF-8"})
    assert str(in_swedish.value).startswith(
        '--lang: okänt språk "FI"; goaltuis språk är fi (suomi)'
    )
    assert in_swedish.value.language == "sv"


def test_the_pseudo_language_exists_only_while_the_tests_turn_it_on(pseudo):
    assert review_language("fi", option=pseudo) == pseudo
    assert pseudo in language.spoken()
    assert pseudo not in language.spoken({})
    with pytest.raises(UnknownLanguage):
        review_language("fi", option=pseudo, environ={})


def test_the_process_speaks_the_environment_until_the_cli_sets_its_language(monkeypatch):
    monkeypatch.setenv("LC_ALL", "sv_FI.UTF-8")
    assert language.default().code == "sv"
    assert language.ngettext("{n} goal", "{n} goals", 2) == "{n} mål"
    language.set_default("fi")
    assert language._("Goals") == "Tavoitteet"
    assert language.pgettext("followed by a period's name", "in") == "jaksolla"
    language.set_default(None)
    monkeypatch.setenv("GOALTUI_LANG", "en")
    assert language._("Goals") == "Goals"


def test_a_bad_environment_variable_leaves_the_process_speaking_the_locale(monkeypatch):
    monkeypatch.setenv("GOALTUI_LANG", "de")
    monkeypatch.setenv("LANG", "fi_FI.UTF-8")
    assert language.default().code == "fi"  # the CLI reports the usage error; this never raises
