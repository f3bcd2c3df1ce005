"""Text from a file is data: never markup, never terminal control, in any output."""

from __future__ import annotations

import json
import re

import pytest
from reviewfiles import CONTROL, SGR, edit, run, write

from goaltui.text import clean, clean_line

# Every text field holds an escape sequence, a C0 or C1 control, a bidi override or markup.
# TOML escapes (\u001b) put them into a valid file.
EVIL = r"""
[review]
title = "Otsikko \u001b[31mPUNAINEN\u0007 \u009b31m \u202Ekäännetty [red]x[/blue]"
periods = ["Q1", "Q\u001b[2J2"]

[[review.statuses]]
label = "[red]x[/blue] \u001b]0;pwn\u0007"
color = "green"
symbol = "\u001b[5m*"
description = "kuvaus \u001b[31m"

[[review.statuses]]
label = "oops [/x]"
color = "red"
explain = true

[[goals]]
id = "g1"
theme = "[@click=app.quit]x[/] \u001b[1mTEEMA"
objective = "Tavoite \u001b[31m\u009b1m\u202E [bold]b[/bold] <b>lihava</b>"
binding = true
links = ["\u001b[31mlinkki"]

[goals.periods.Q1]
status = "[red]x[/blue] \u001b]0;pwn\u0007"
forecast = "\u001b[31m90 %\u0085"
comment = "kommentti\u001b[0m\u0085 ja \u000b pysty"

[goals.periods."Q\u001b[2J2"]
status = "oops [/x]"
forecast = "\u202E50 %\u001b[0m"

[[goals]]
id = "g2"
theme = "[red]x[/blue]"
objective = "oops [/x] \u0000nolla \u001b"

[goals.periods.Q1]
status = "oops [/x]"
comment = "selitys \u001b[8m"
"""
MARKUP = ["[red]x[/blue]", "oops [/x]", "[@click=app.quit]x[/]", "[bold]b[/bold]"]
# Raw sequences of the file that must never reach the output as they are.
RAW = ["\x1b[31mPUNAINEN", "\x1b[2J", "\x1b]0;pwn", "\x1b[5m", "\x07", "\x9b", "\u202e", "\x00"]


@pytest.fixture
def evil(tmp_path):
    return write(tmp_path, EVIL, "evil.toml")


def assert_no_control(text: str) -> None:
    found = sorted({f"U+{ord(c):04X}" for c in CONTROL.findall(text)})
    assert not found, f"control characters in the output: {found}"


def test_the_evil_file_is_a_valid_review(evil, tmp_path):
    result = run("check", evil.name, cwd=tmp_path)
    assert result.returncode == 0


def test_rich_summary_shows_text_literally_and_without_control_characters(evil, tmp_path):
    result = run("summary", evil.name, cwd=tmp_path, COLUMNS="200")
    assert result.returncode == 0
    assert_no_control(result.stdout)
    assert_no_control(result.stderr)
    for markup in MARKUP:
        assert markup in result.stdout
    for word in ("PUNAINEN", "käännetty", "TEEMA", "<b>lihava</b>", "nolla"):
        assert word in result.stdout


def test_markdown_summary_escapes_markup_and_drops_control_characters(evil, tmp_path):
    result = run("summary", "--format", "markdown", evil.name, cwd=tmp_path)
    assert result.returncode == 0
    out = result.stdout
    assert_no_control(out)
    assert "\\[red\\]x\\[/blue\\]" in out
    assert "oops \\[/x\\]" in out
    assert "\\[@click=app\\.quit\\]x\\[/\\]" in out
    assert "&lt;b&gt;lihava&lt;/b&gt;" in out and "<b>" not in out
    for line in out.splitlines():
        if line.startswith("| "):  # a table row stays one row: no cell breaks it
            assert line.endswith(" |")


@pytest.mark.parametrize("fmt", ["rich", "markdown", "json"])
def test_no_output_format_writes_control_characters(evil, tmp_path, fmt):
    result = run("summary", "--format", fmt, evil.name, cwd=tmp_path, COLUMNS="200")
    assert result.returncode == 0
    assert_no_control(result.stdout)
    for raw in RAW:
        assert raw not in result.stdout


def test_json_keeps_the_text_exactly_but_escaped(evil, tmp_path):
    result = run("summary", "--format", "json", evil.name, cwd=tmp_path)
    assert result.stdout.isascii()
    summary = json.loads(result.stdout)["files"][0]
    assert summary["title"] == (
        "Otsikko \x1b[31mPUNAINEN\x07 \x9b31m \u202ekäännetty [red]x[/blue]"
    )
    assert summary["periods"] == ["Q1", "Q\x1b[2J2"]
    assert summary["goals"][0]["forecast"] == "\u202e50 %\x1b[0m"


def test_check_messages_carry_no_control_characters(tmp_path):
    text = edit(EVIL, 'status = "oops [/x]"\nforecast', 'status = "\\u001b[2Jei\\u0007"\nforecast')
    text = edit(
        text, '[goals.periods.Q1]\nstatus = "oops', '[goals.periods."Q\\u009b5"]\nstatus = "oops'
    )
    text = edit(text, 'symbol = "\\u001b[5m*"', 'symbol = "\\u001b[5m*"\n"lab\\u001bel" = 1')
    path = write(tmp_path, text, "evil.toml")
    result = run("check", path.name, cwd=tmp_path)
    assert result.returncode == 1
    assert_no_control(result.stdout)
    assert_no_control(result.stderr)
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert any('unknown status "' in line and "ei" in line for line in lines)
    assert any('unknown period "Q' in line for line in lines)
    assert any("unknown key" in line for line in lines)


@pytest.mark.parametrize("command", [["summary"], ["check"], ["fmt"], []])
def test_an_argument_that_cannot_be_read_is_quoted_without_control_characters(tmp_path, command):
    result = run(*command, "--x\x1b]0;PWNED\x07", cwd=tmp_path)
    assert result.returncode == 2
    assert_no_control(result.stderr)
    assert "unrecognized arguments: --x]0;PWNED" in result.stderr


def test_check_warnings_about_a_valid_file_carry_no_control_characters(evil, tmp_path):
    result = run("check", evil.name, cwd=tmp_path)
    assert_no_control(result.stdout)
    assert 'status "oops [/x]" needs a comment explaining it' in result.stdout


def test_forced_colour_styles_the_output_but_never_passes_the_files_escapes(evil, tmp_path):
    result = run("summary", evil.name, cwd=tmp_path, COLUMNS="200", FORCE_COLOR="1")
    out = result.stdout
    assert "\x1b[" in out  # Rich's own styling
    assert re.search("\x1b\\[[0-9;]*3[12]m", out)  # ... with the colours of the scale
    for raw in RAW:
        assert raw not in out
    assert_no_control(SGR.sub("", out))
    for markup in MARKUP:
        assert markup in SGR.sub("", out)


def _colour_parameters(out: str) -> list[int]:
    params = []
    for sequence in SGR.findall(out):
        for number in sequence[2:-1].split(";"):
            if number and (30 <= int(number) <= 49 or 90 <= int(number) <= 107):
                params.append(int(number))
    return params


@pytest.mark.parametrize(
    ("env", "styled"),
    [({}, False), ({"NO_COLOR": "1"}, False), ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, True)],
    ids=["piped", "NO_COLOR", "NO_COLOR and FORCE_COLOR"],
)
def test_no_colour_codes_when_piped_or_with_no_color(evil, tmp_path, env, styled):
    result = run("summary", evil.name, cwd=tmp_path, COLUMNS="200", **env)
    assert result.returncode == 0
    assert _colour_parameters(result.stdout) == []
    assert ("\x1b[" in result.stdout) is styled
    assert_no_control(SGR.sub("", result.stdout))


# -- the cleaning functions themselves -----------------------------------------------------

UNSAFE = [
    *map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0D, 0x20), *range(0x7F, 0xA0)]),
    *map(chr, range(0x202A, 0x202F)),
    *map(chr, range(0x2066, 0x206A)),
]


@pytest.mark.parametrize("char", UNSAFE, ids=lambda c: f"U+{ord(c):04X}")
def test_clean_removes_every_control_and_bidi_character(char):
    assert CONTROL.search(clean(f"a{char}b")) is None
    assert CONTROL.search(clean_line(f"a{char}b")) is None
    assert clean(f"a{char}b").startswith("a") and clean(f"a{char}b").endswith("b")


def test_clean_keeps_newlines_and_tabs_and_clean_line_makes_them_spaces():
    assert clean("a\nb\tc") == "a\nb\tc"
    assert clean_line("a\nb\tc\r\nd") == "a b c  d"
    assert clean("[red]ä😀 ●[/red]") == "[red]ä😀 ●[/red]"
