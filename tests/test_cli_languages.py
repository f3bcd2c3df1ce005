"""The command line in the language of diagnostics: check, fmt, usage errors, --help.

docs/format.md ("Language"): diagnostics speak ``--lang``, else ``$GOALTUI_LANG``, else the
locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``) where it is Finnish or Swedish, else English. The
problems keep their ``path:line:col: error|warning: field:`` in every language; only the
message is translated. The pseudo-language (tests/pseudolocale.py) shows any word that bypasses
the catalogues.
"""

from __future__ import annotations

import argparse
import gettext
import inspect
import os
from pathlib import Path

import pytest
from pseudolocale import marked_review, unmarked
from pseudolocale import pseudo as mark
from reviewfiles import BASE, PROBLEM_LINE, cli, col_of, edit, line_of, run, shell, write

from goaltui import language
from goaltui.cli import parsers
from goaltui.files import lock
from goaltui.files.recovery import JournalError, journal_path, read

# One mistake of each kind validation finds, in the seed's review.
BROKEN = (
    edit(
        edit(edit(BASE, "year = 2021", 'year = "2021"'), 'current = "Q3"', 'current = "Q9"'),
        'forecast = "100 %"\ncomment = "Palvelukokonaisuudet',
        'forecast = 100\ncomment = "Palvelukokonaisuudet',
    )
    + '\n[goals.periods.Q5]\nstatus = "Toteutuu"\n'
)


def problems(output: str) -> list[tuple[str, str]]:
    """Each problem line as its place (``path:line:col: severity:``) and the rest."""
    found = []
    for line in output.splitlines():
        place = PROBLEM_LINE.match(line)
        assert place, line
        found.append((place.group(), line[place.end() :]))
    return found


@pytest.fixture
def here(tmp_path, monkeypatch):
    """In a fresh folder, so that the paths said are as given."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- check: the messages in the language, at the same places ---------------------------------


def test_check_says_each_problem_in_finnish_and_swedish_at_the_place_english_does(tmp_path, capsys):
    path = write(tmp_path, BROKEN)
    code, english, english_count = cli(capsys, "check", path)
    assert code == 1
    for code_, said in (
        ("fi", "review.year: on oltava kokonaisluku, ei teksti"),
        ("sv", "review.year: ska vara ett heltal, inte en text"),
    ):
        code, out, count = cli(capsys, "--lang", code_, "check", path)
        assert code == 1
        assert [place for place, _ in problems(out)] == [place for place, _ in problems(english)]
        assert said in out
        assert set(problems(out)).isdisjoint(problems(english))  # every message translated
    assert english_count == "goaltui check: 1 file, 4 error(s), 0 warning(s)\n"
    assert count == "goaltui check: 1 fil, 4 fel, 0 varningar\n"


def test_the_count_takes_the_plural_forms_of_the_language(tmp_path, capsys):
    one = write(tmp_path, edit(BASE, "year = 2021", 'year = "2021"'), "one.toml")
    two = write(tmp_path, BASE, "two.toml")
    assert cli(capsys, "check", "--lang", "fi", one)[2] == (
        "goaltui check: 1 tiedosto, 1 virhe, 0 varoitusta\n"
    )
    assert cli(capsys, "check", "--lang", "sv", one, two)[2] == (
        "goaltui check: 2 filer, 1 fel, 0 varningar\n"
    )


def test_a_toml_syntax_error_is_said_in_the_language_at_its_line_and_column(tmp_path, capsys):
    path = write(tmp_path, edit(BASE, "year = 2021", "year = 2021 2022"))
    _, english, _ = cli(capsys, "check", path)
    _, finnish, _ = cli(capsys, "check", "--lang", "fi", path)
    _, swedish, _ = cli(capsys, "check", "--lang", "sv", path)
    place = f"{path}:3:13: error: "
    assert english == f"{place}TOML syntax: expected newline or end of document after a statement\n"
    assert finnish == (
        f"{place}TOML-syntaksi: määrittelyn jälkeen odotettiin rivinvaihtoa tai tiedoston loppua\n"
    )
    assert (
        swedish == f"{place}TOML-syntax: efter satsen väntades en radbrytning eller filens slut\n"
    )


def test_what_cannot_be_read_is_said_in_the_language(here, capsys):
    write(here, "", "empty.toml")
    (here / "latin1.toml").write_bytes(BASE.encode("latin-1", errors="replace"))
    (here / "folder").mkdir()
    os.mkfifo(here / "pipe.toml")
    (here / "loop.toml").symlink_to("loop.toml")
    code, out, err = cli(
        capsys,
        "check",
        "--lang",
        "fi",
        *("empty.toml", "latin1.toml", "folder", "gone.toml", "pipe.toml", "loop.toml"),
    )
    assert code == 1
    assert out.splitlines() == [
        "folder: error: kansiossa ei ole arviointitiedostoja (*.toml)",
        "gone.toml: error: tiedostoa tai kansiota ei ole",
        "loop.toml: error: sen symboliset linkit muodostavat silmukan",
        "empty.toml:1:1: error: tiedosto on tyhjä: arvioinnissa on oltava [review]-taulukko",
        f"latin1.toml:{line_of(BASE, 'ä')}:{col_of(BASE, 'ä')}: error: ei kelvollista UTF-8:aa: "
        "tavu 0xe4 ei voi aloittaa eikä "
        "jatkaa merkkiä (tallenna tiedosto UTF-8-muodossa)",
        "pipe.toml: error: on nimetty putki (FIFO), ei arviointitiedosto",
    ]
    assert err == "goaltui check: 3 tiedostoa, 6 virhettä, 0 varoitusta\n"


def test_a_save_a_lock_and_a_journal_say_what_stopped_them_in_the_language(here, capsys):
    path = write(here, edit(BASE, "year = 2021", "year   = 2021"))
    path.chmod(0o444)
    code, out, err = cli(capsys, "--lang", "sv", "fmt", "review.toml")
    assert (code, out) == (1, "")
    assert err.splitlines()[0] == (
        "review.toml: sparades inte: filen är skrivskyddad (-r--r--r--); tillåt sparande med "
        "kommandot: chmod u+w review.toml"
    )
    with lock.take(path), pytest.raises(lock.Held) as held:
        lock.take(path)
    assert str(held.value).startswith(f"är öppen i en annan goaltui: pid {os.getpid()} på datorn ")
    journal_path(path).write_text('{"goaltui_recovery": 1}', encoding="utf-8")
    with pytest.raises(JournalError) as damaged:
        read(path)
    assert str(damaged.value) == f'{journal_path(path)}: skadad återställningslogg: "edits" saknas'


# -- fmt says what it did ----------------------------------------------------------------------


def test_fmt_counts_what_it_did_on_stderr_in_the_language(here, capsys):
    write(here, BASE, "a.toml")
    write(here, edit(BASE, "year = 2021", "year   = 2021"), "b.toml")
    write(here, edit(BASE, "year = 2021", "year   = 2021"), "c.toml")
    assert cli(capsys, "--lang", "fi", "fmt", "--check", ".") == (
        1,
        "muotoiltaisiin uudelleen: b.toml\nmuotoiltaisiin uudelleen: c.toml\n",
        "goaltui fmt: 2 tiedostoa muotoiltaisiin uudelleen, 1 on jo vakiomuodossa\n",
    )
    assert cli(capsys, "fmt", "--lang", "sv", ".") == (
        0,
        "formaterades om: b.toml\nformaterades om: c.toml\n",
        "goaltui fmt: 2 filer formaterades om, 1 oförändrad\n",
    )
    write(here, "[review]\n", "d.toml")
    assert cli(capsys, "fmt", ".")[2].splitlines()[-1] == (
        "goaltui fmt: 0 files reformatted, 3 unchanged, 1 with errors"
    )


def test_output_that_cannot_be_written_is_said_in_the_language(tmp_path):
    write(tmp_path, BASE)
    result = shell('"$GOALTUI" --lang fi summary review.toml > /dev/full', tmp_path)
    assert result.returncode == 3
    assert result.stderr == (
        "goaltui summary: yhteenvetoa ei voitu kirjoittaa vakiotulosteeseen: levy on täynnä\n"
    )


# -- which language: the rule of docs/format.md, through the console script --------------------

CHOICES = {
    "LANG Finnish": ({"LANG": "fi_FI.UTF-8"}, [], "fi"),
    "LANG Swedish of Finland": ({"LANG": "sv_FI.UTF-8"}, [], "sv"),
    "LC_MESSAGES over LANG": ({"LANG": "fi_FI.UTF-8", "LC_MESSAGES": "sv_SE.UTF-8"}, [], "sv"),
    "LC_ALL over LANG": ({"LANG": "sv_FI.UTF-8", "LC_ALL": "fi_FI.UTF-8"}, [], "fi"),
    "a locale of another language": ({"LANG": "de_DE.UTF-8"}, [], "en"),
    "GOALTUI_LANG over the locale": ({"LC_ALL": "fi_FI.UTF-8", "GOALTUI_LANG": "en"}, [], "en"),
    "--lang over all": (
        {"LC_ALL": "fi_FI.UTF-8", "GOALTUI_LANG": "en"},
        ["--lang", "sv"],
        "sv",
    ),
    "--lang after the command": ({"GOALTUI_LANG": "fi"}, ["--lang=sv"], "sv"),
}
SAID = {
    "en": "review.year: must be an integer, not a string",
    "fi": "review.year: on oltava kokonaisluku, ei teksti",
    "sv": "review.year: ska vara ett heltal, inte en text",
}


@pytest.mark.parametrize(("env", "option", "spoken"), CHOICES.values(), ids=CHOICES.keys())
def test_diagnostics_speak_lang_then_goaltui_lang_then_the_locale(tmp_path, env, option, spoken):
    write(tmp_path, edit(BASE, "year = 2021", 'year = "2021"'))
    before, after = (option, []) if option[:1] == ["--lang"] else ([], option)
    result = run(*before, "check", "review.toml", *after, cwd=tmp_path, script=True, **env)
    assert result.returncode == 1, result.stderr
    assert result.stdout == f"review.toml:3:1: error: {SAID[spoken]}\n"


# -- --help and usage errors -------------------------------------------------------------------


def test_help_in_finnish_and_swedish(tmp_path):
    finnish = run("--lang", "fi", "--help", cwd=tmp_path, script=True)
    assert (finnish.returncode, finnish.stderr) == (0, "")
    for said in (
        "käyttö: goaltui [-h] [--version] [--read-only | --break-lock]\n"
        "                [--since REVISIO] [--lang KIELI]",
        "argumentit:\n  POLKU ",
        "valitsimet:\n  -h, --help       näytä tämä ohje ja lopeta",
        "  goaltui summary [POLKU ...]        tulosta yhteenveto kustakin arvioinnista",
        "--version        näytä ohjelman versio ja lopeta",
    ):
        assert said in finnish.stdout
    swedish = run("summary", "--help", cwd=tmp_path, script=True, LANG="sv_FI.UTF-8")
    assert (swedish.returncode, swedish.stderr) == (0, "")
    for said in (
        "användning: goaltui summary [-h] [--period PERIOD]",
        "Skriv ut en sammanfattning av varje utvärdering och av alla tillsammans.",
        "flaggor:\n  -h, --help            visa den här hjälpen och avsluta",
        "--lang SPRÅK",
    ):
        assert said in swedish.stdout


def test_usage_errors_in_swedish_and_finnish(tmp_path):
    result = run("--lang", "sv", "summary", "--bogus", cwd=tmp_path, script=True)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("användning: goaltui summary [-h]")
    assert result.stderr.endswith("goaltui summary: fel: okända argument: --bogus\n")
    result = run("--lang", "fi", "summary", "--format", "pdf", cwd=tmp_path, script=True)
    assert result.returncode == 2
    assert result.stderr.endswith(
        "goaltui summary: virhe: argumentti --format: virheellinen valinta: 'pdf' "
        "(vaihtoehdot: 'rich', 'markdown', 'json')\n"
    )
    result = run("--read-only", "--break-lock", cwd=tmp_path, script=True, LANG="fi_FI.UTF-8")
    assert result.stderr.endswith(
        "goaltui: virhe: argumentti --break-lock: ei sallittu yhdessä argumentin --read-only "
        "kanssa\n"
    )


def test_a_mistyped_command_is_hinted_at_in_the_language(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli(capsys, "--lang", "fi", "chek") == (
        2,
        "",
        "goaltui: chek ei ole tiedosto eikä kansio; tarkoititko goaltui check?\n",
    )


@pytest.mark.parametrize("command", [[], ["summary"], ["check"], ["fmt"], ["fmt", "--check"]])
def test_an_unknown_language_is_a_usage_error_naming_the_languages_goaltui_speaks(
    tmp_path, command
):
    result = run(*command, "--lang", "xx", cwd=tmp_path, script=True)
    prog = " ".join(["goaltui", *command[:1]])
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f'{prog}: --lang: unknown language "xx"; goaltui speaks fi (suomi), sv (svenska), '
        "en (English)\n"
    )
    result = run("--lang", "de", *command, cwd=tmp_path, script=True, LANG="fi_FI.UTF-8")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f'{prog}: --lang: tuntematon kieli "de"; goaltuin kielet ovat fi (suomi), sv (svenska), '
        "en (English)\n"
    )
    result = run(*command, cwd=tmp_path, script=True, GOALTUI_LANG="sv_FI")
    assert result.returncode == 2
    assert result.stderr.startswith(f'{prog}: GOALTUI_LANG: unknown language "sv_FI"; ')


# -- the mechanism -----------------------------------------------------------------------------


def test_every_argparse_message_in_the_catalogue_is_one_argparse_says():
    source = inspect.getsource(argparse)
    for message in parsers.ARGPARSE:
        if message != "show program's version number and exit":  # goaltui's own in 3.11
            assert repr(message)[1:-1] in source.replace('"', "'"), message


def test_argparse_speaks_goaltuis_language_only_while_goaltui_parses(capsys):
    cli(capsys, "--lang", "fi", "summary", "--bogus")
    assert vars(argparse)["_"] is gettext.gettext
    assert vars(argparse)["ngettext"] is gettext.ngettext


@pytest.mark.parametrize(
    ("arguments", "asked"),
    [
        (["--lang", "fi", "data"], "fi"),
        (["--lang=sv"], "sv"),
        (["--la", "sv", "--lang", "fi"], "fi"),  # an abbreviation; the last one counts
        (["data", "--", "--lang", "fi"], None),  # a path named --lang
        (["--lang"], None),  # no value: argparse says so
        (["--period", "Q3"], None),
    ],
)
def test_lang_is_found_before_argparse_reads_the_arguments(arguments, asked):
    assert parsers.asked_language(arguments) == asked


def test_lang_before_the_command_goes_to_the_commands_parser():
    commands = ("summary", "check")
    assert parsers.split(["--lang", "fi", "check", "x"], commands) == (
        "check",
        ["--lang", "fi", "x"],
    )
    assert parsers.split(["--lang=fi", "summary"], commands) == ("summary", ["--lang=fi"])
    assert parsers.split(["check"], commands) == ("check", [])
    assert parsers.split(["--lang", "fi", "review.toml"], commands) == (
        None,
        ["--lang", "fi", "review.toml"],
    )
    assert parsers.split(["--read-only", "check"], commands)[0] is None  # a file named check


def test_the_app_is_told_the_language_asked_for(tmp_path, capsys):
    path = write(tmp_path, BASE)
    code, _, err = cli(capsys, "--lang", "sv", path)  # no terminal here: the app does not start
    assert code == 2
    assert err.startswith("goaltui: utvärderingsappen behöver en terminal;")
    assert language.lang_option() == "sv"
    cli(capsys, path)
    assert language.lang_option() is None


# -- the pseudo-language: every word from the catalogues ---------------------------------------

#: The words of the format and the command line that stay as they are in every language: the
#: severity, field paths and option names, the commands, the file name.
NOT_TRANSLATED = {
    "error", "warning", "review", "goals", "id", "periods", "statuses", "label", "year", "current",
    "color", "binding", "status", "forecast", "toml",
    "goaltui", "summary", "check", "fmt", "h", "help", "version", "read", "only", "break",
    "lock", "lang", "period", "format", "rich", "markdown", "json", "bogus",
    "diff", "history", "textconv", "since", "exit", "code", "goal", "strict", "text", "github",
    "gitlab", "git", "log", "p", "show", "config", "echo", "gitattributes", "today",
}  # fmt: skip

# A broken review whose texts are marked as the pseudo-language marks goaltui's words, and
# whose other data is digits.
PSEUDO_BROKEN = f"""\
[review]
title = "{mark("Test")}"
year = "2021"
periods = ["1", "2", "1"]
current = "9"

[[review.statuses]]
label = "{mark("Done")}"
color = "123"

[[goals]]
id = "1"
objective = "{mark("More")}"
binding = "1"

[goals.periods.5]
status = "{mark("Done")}"

[goals.periods.2]
status = "7"
forecast = 100
"""


def pseudo_run(*arguments: str, cwd: Path):
    return run("--lang", "qps", *arguments, cwd=cwd, GOALTUI_PSEUDO=os.environ["GOALTUI_PSEUDO"])


def test_check_fmt_and_summary_say_nothing_that_bypasses_the_catalogues(tmp_path, pseudo):
    write(tmp_path, PSEUDO_BROKEN, "1.toml")
    write(tmp_path, "x = [", "2.toml")
    check = pseudo_run("check", "1.toml", "2.toml", "3.toml", cwd=tmp_path)
    assert check.returncode == 1
    assert len(check.stdout.splitlines()) == 10
    assert unmarked(check.stdout + check.stderr, NOT_TRANSLATED) == []
    summary = pseudo_run("summary", "1.toml", "--period", "9", cwd=tmp_path)
    assert summary.returncode == 1 and summary.stderr
    assert unmarked(summary.stderr, NOT_TRANSLATED) == []
    write(tmp_path, edit(BASE, "year = 2021", "year   = 2021"), "1.toml")
    for arguments in (["fmt", "--check", "1.toml", "2.toml"], ["fmt", "1.toml", "2.toml"]):
        fmt = pseudo_run(*arguments, cwd=tmp_path)
        assert fmt.returncode == 1 and fmt.stdout
        assert unmarked(fmt.stdout + fmt.stderr, NOT_TRANSLATED) == []


def test_the_commands_refusals_say_nothing_that_bypasses_the_catalogues(tmp_path, pseudo):
    write(tmp_path, marked_review(BASE), "1.toml")
    for arguments in (["summary", "1.toml", "--period", "9"], ["1.toml", "1.toml"], ["1.toml"]):
        result = pseudo_run(*arguments, cwd=tmp_path)
        assert result.returncode == 2 and result.stderr, arguments
        assert unmarked(result.stderr, NOT_TRANSLATED) == []


@pytest.mark.parametrize(
    "arguments",
    [
        ["--help"],
        ["summary", "--help"],
        ["check", "--help"],
        ["fmt", "--help"],
        ["diff", "--help"],
        ["history", "--help"],
        ["textconv", "--help"],
        ["diff", "--format"],
        ["summary", "--bogus"],
        ["summary", "--format"],
        ["--read-only", "--break-lock"],
        ["fmt", "--check=yes"],
        ["chek"],
    ],
)
def test_help_and_usage_errors_say_nothing_that_bypasses_the_catalogues(
    tmp_path, pseudo, arguments
):
    result = pseudo_run(*arguments, cwd=tmp_path)
    assert result.stdout + result.stderr
    assert unmarked(result.stdout + result.stderr, NOT_TRANSLATED) == []
