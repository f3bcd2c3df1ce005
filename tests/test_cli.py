"""The goaltui command: summary, check and fmt, their output and their exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from reviewfiles import (
    BASE,
    DATA,
    PROBLEM_LINE,
    clean_env,
    cli,
    copy_data,
    edit,
    line_of,
    run,
    write,
)

# What docs/format.md says of the seed report: three goals, the first not binding, all "Toteutuu"
# at Q1-Q3 with forecast "100 %", Q4 not yet assessed.
SEED_GOALS = {
    "palvelustrategia": "Palveluja parannetaan asiakaskokemuksen perusteella",
    "harrastaminen": "Koko kaupunki on oppimisen, kulttuuristen kohtaamisten, tekemisen ja "
    "kansalaistoiminnan paikka",
    "liikkeelle": "Helsingissä on helppoa ja houkuttelevaa lähteä liikkeelle",
}
SEED_BINDING = {"palvelustrategia": False, "harrastaminen": True, "liikkeelle": True}


def messy(text: str) -> str:
    """A valid but hand-written layout of ``text``: inline periods, keys reordered, a comment."""
    text = edit(
        text,
        'periods = [\n    "Q1",\n    "Q2",\n    "Q3",\n    "Q4",\n]',
        'periods = ["Q1", "Q2", "Q3", "Q4"]',
    )
    text = edit(text, 'year = 2021\nlanguage = "fi"\n', 'language = "fi"\nyear   = 2021\n')
    return edit(
        text, '[[goals]]\nid = "liikkeelle"', '# kolmas tavoite\n[[goals]]\nid = "liikkeelle"'
    )


@pytest.fixture
def seed_folder(tmp_path) -> Path:
    """A folder holding a copy of the repository's data/ folder."""
    copy_data(tmp_path)
    return tmp_path


def data_facts() -> tuple[int, int]:
    """Goals and binding goals in the bundled data files, read with tomllib alone."""
    goals = [g for p in sorted(DATA.glob("*.toml")) for g in tomllib.loads(p.read_text())["goals"]]
    return len(goals), sum(1 for g in goals if g.get("binding") is True)


# -- summary -------------------------------------------------------------------------------


def _goal_line(out: str, objective: str) -> str:
    (line,) = [line for line in out.splitlines() if objective in line]
    return line


def test_summary_of_the_data_folder_shows_the_seed_goals(seed_folder):
    result = run("summary", "data", cwd=seed_folder, COLUMNS="200")
    assert (result.returncode, result.stderr) == (0, "")
    out = result.stdout
    assert "Kulttuurin ja vapaa-ajan toimiala: strategiset tavoitteet 2021" in out
    assert "data/kuva-2021.toml · vuosi 2021 · tarkastelujakso Q3 · 3 tavoitetta (2 sitovaa)" in out
    for goal_id, objective in SEED_GOALS.items():
        line = _goal_line(out, objective)
        before, after = line.split(objective)
        assert before.strip() == ("◆" if SEED_BINDING[goal_id] else "")
        assert after.split() == ["●", "Toteutuu"] * 3 + ["·", "100", "%"]
    counts = [line.split() for line in out.splitlines() if line.startswith("● Toteutuu ")]
    assert ["●", "Toteutuu", "3", "3", "3", "0"] in counts


def test_summary_of_several_files_gives_a_section_each_and_a_total(seed_folder):
    result = run("summary", "data", cwd=seed_folder, COLUMNS="200")
    out = result.stdout
    assert out.count("Riverton Culture, Libraries and Leisure Department") == 1
    assert out.count("Kulttuurin ja vapaa-ajan toimiala: strategiset") == 1
    assert out.index("data/example-en.toml ·") < out.index("data/kuva-2021.toml ·")
    goals, binding = data_facts()
    total = out[out.index("\nTotal\n") :].splitlines()
    assert total[2] == f"2 files · {goals} goals ({binding} binding)"
    rows = {line.rsplit(maxsplit=1)[0]: line.split()[-1] for line in total[6:14]}
    assert set(rows) >= {"● On track", "◐ At risk", "○ Off track", "● Toteutuu", "· not assessed"}
    assert rows["● Toteutuu"] == "3"


def test_summary_without_paths_reads_the_data_folder_with_the_installed_script(seed_folder):
    with_paths = run("summary", "data", cwd=seed_folder)
    without = run("summary", cwd=seed_folder, script=True)
    assert without.returncode == 0
    assert without.stdout == with_paths.stdout


def test_summary_at_80_columns_puts_the_statuses_under_each_goal(tmp_path, capsys):
    code, out, err = cli(capsys, "summary", write(tmp_path, (DATA / "kuva-2021.toml").read_text()))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80
    line = _goal_line(out, SEED_GOALS["palvelustrategia"])
    assert line.endswith(" 100 %")
    statuses = lines[lines.index(line) + 1]
    expected = "Q1 ● Toteutuu Q2 ● Toteutuu Q3 ● Toteutuu Q4 ·"
    assert statuses.split() == expected.split()


def test_summary_for_another_period(tmp_path, capsys):
    path = write(tmp_path, BASE)
    code, out, _ = cli(capsys, "summary", "--period", "Q2", path)
    assert code == 0
    assert "jakso Q2 (tarkastelujakso Q3)" in out
    assert "heikentynyt Q1 → Q2: harrastaminen ● Toteutuu → ◐ Toteutuu osittain" in out


def test_summary_markdown(tmp_path, capsys):
    path = write(tmp_path, (DATA / "kuva-2021.toml").read_text(), "kuva.toml")
    code, out, err = cli(capsys, "summary", "--format", "markdown", path)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "## Kulttuurin ja vapaa\\-ajan toimiala: strategiset tavoitteet 2021"
    assert f"`{path}` · vuosi 2021 · tarkastelujakso **Q3** · 3 tavoitetta (2 sitovaa)" in lines
    assert "| Tila | Q1 | Q2 | **Q3** | Q4 |" in lines
    assert "| ● Toteutuu | 3 | 3 | 3 | 0 |" in lines
    assert "| · ei arvioitu | 0 | 0 | 0 | 3 |" in lines
    assert (
        "| Maailman toimivin kaupunki | `palvelustrategia` | Palveluja parannetaan "
        "asiakaskokemuksen perusteella |  | ● Toteutuu | ● Toteutuu | ● Toteutuu | · | 100 % |"
    ) in lines
    assert "- ei huomioitavaa" in lines
    assert "## Total" not in out


def test_summary_markdown_of_several_files_ends_with_a_total(seed_folder, capsys, monkeypatch):
    monkeypatch.chdir(seed_folder)
    code, out, _ = cli(capsys, "summary", "--format", "markdown", "data")
    goals, binding = data_facts()
    assert code == 0
    assert out.count("\n## ") + out.startswith("## ") == 3
    assert out.split("## Total\n", 1)[1].startswith(
        f"\n2 files · {goals} goals ({binding} binding)\n"
    )


def test_summary_json_has_the_documented_shape(tmp_path, capsys):
    path = write(tmp_path, (DATA / "kuva-2021.toml").read_text(), "kuva.toml")
    code, out, err = cli(capsys, "summary", "--format", "json", path)
    assert (code, err) == (0, "")
    assert out.isascii()
    document = json.loads(out)
    assert document["version"] == 1
    (summary,) = document["files"]
    assert summary["path"] == str(path)
    assert summary["current"] == "Q3"
    assert summary["periods"] == ["Q1", "Q2", "Q3", "Q4"]
    assert [s["label"] for s in summary["statuses"]] == [
        "Toteutuu",
        "Toteutuu osittain",
        "Ei toteudu",
    ]
    assert [s["explain"] for s in summary["statuses"]] == [False, False, True]
    assert [g["id"] for g in summary["goals"]] == list(SEED_GOALS)
    for goal in summary["goals"]:
        assert goal["objective"] == SEED_GOALS[goal["id"]]
        assert goal["binding"] is SEED_BINDING[goal["id"]]
        assert goal["status"] == {"Q1": "Toteutuu", "Q2": "Toteutuu", "Q3": "Toteutuu", "Q4": None}
        assert goal["forecast"] == "100 %"
    assert summary["counts"]["Q4"] == {
        "statuses": {"Toteutuu": 0, "Toteutuu osittain": 0, "Ei toteudu": 0},
        "not_assessed": 3,
        "meanings": {"met": 0, "partly": 0, "not_met": 0, "not_assessable": 0, "not_assessed": 3},
        "indicators": {"assessed": 0, "met": 0, "not_met": 0},
    }
    # Each goal's measure is an indicator, forecast at 100 % of its target in Q3.
    assert summary["counts"]["Q3"]["meanings"]["met"] == 3
    assert summary["counts"]["Q3"]["indicators"] == {"assessed": 3, "met": 3, "not_met": 0}
    for goal in summary["goals"]:
        (indicator,) = goal["indicators"]
        assert (indicator["unit"], indicator["target"], indicator["forecast"]) == ("%", 100, 100)
        assert indicator["met"] is True and goal["met_by_indicators"] is True
        assert goal["suggested_status"] == "Toteutuu"
    assert summary["attention"] == {
        "worsened": [],
        "improved": [],
        "unexplained": [],
        "not_assessed": [],
        "needs_actions": [],
        "due": None,
    }
    assert document["total"] == {
        "files": 1,
        "goals": 3,
        "binding": 2,
        "counts": {"Toteutuu": 3, "Toteutuu osittain": 0, "Ei toteudu": 0},
        "not_assessed": 0,
        "worsened": 0,
        "unexplained": 0,
        "needs_actions": 0,
        "meanings": {"met": 3, "partly": 0, "not_met": 0, "not_assessable": 0, "not_assessed": 0},
        "indicators": {"assessed": 3, "met": 3, "not_met": 0},
    }


def test_summary_json_attention_lists(tmp_path, capsys):
    text = BASE[: BASE.rindex('status = "Toteutuu"')] + 'status = "Ei toteudu"\n'
    path = write(tmp_path, text)
    code, out, _ = cli(capsys, "summary", "--format", "json", "--period", "Q2", path)
    attention = json.loads(out)["files"][0]["attention"]
    assert code == 0
    assert attention == {
        "worsened": [
            {"id": "harrastaminen", "from": "Toteutuu", "to": "Toteutuu osittain"},
            {"id": "liikkeelle", "from": "Toteutuu", "to": "Ei toteudu"},
        ],
        "improved": [],
        "unexplained": [{"id": "liikkeelle", "period": "Q2", "status": "Ei toteudu"}],
        "not_assessed": [],
        "needs_actions": [],
        "due": None,
    }
    code, out, _ = cli(capsys, "summary", "--format", "json", "--period", "Q3", path)
    attention = json.loads(out)["files"][0]["attention"]
    assert attention["improved"] == [
        {"id": "harrastaminen", "from": "Toteutuu osittain", "to": "Toteutuu"}
    ]
    assert attention["not_assessed"] == ["liikkeelle"]
    assert attention["unexplained"] == [
        {"id": "liikkeelle", "period": "Q2", "status": "Ei toteudu"}
    ]


def test_summary_json_is_printed_for_the_valid_files_when_one_is_invalid(tmp_path, capsys):
    write(tmp_path, BASE, "a.toml")
    bad = write(tmp_path, edit(BASE, "year = 2021", 'year = "2021"'), "b.toml")
    code, out, err = cli(capsys, "summary", "--format", "json", tmp_path)
    assert code == 1
    assert [f["path"] for f in json.loads(out)["files"]] == [str(tmp_path / "a.toml")]
    assert err == f"{bad}:3:1: error: review.year: must be an integer, not a string\n"


def test_summary_with_a_period_the_file_lacks_is_a_usage_error(tmp_path, capsys):
    path = write(tmp_path, BASE)
    code, out, err = cli(capsys, "summary", "--format", "json", "--period", "Q9", path)
    assert (code, out) == (2, "")
    assert err == f'goaltui summary: {path}: no period "Q9"; periods are Q1, Q2, Q3, Q4\n'


def test_summary_stops_quietly_when_the_reader_goes_away(tmp_path):
    goals = "".join(
        f'\n[[goals]]\nid = "g{i}"\nobjective = "Tavoite numero {i} kaupungin palveluissa"\n'
        for i in range(3000)
    )
    write(tmp_path, BASE.split("[[goals]]")[0] + goals)
    process = subprocess.Popen(
        [sys.executable, "-m", "goaltui", "summary", "review.toml"],
        cwd=tmp_path,
        env=clean_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout.readline()
    process.stdout.close()  # like `goaltui summary | head -1`
    stderr = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait(timeout=60) == 0
    assert stderr == ""


# -- exit codes ----------------------------------------------------------------------------

EXIT_CODES = [
    (["summary", "good.toml"], 0),
    (["summary", "--format", "markdown", "good.toml"], 0),
    (["summary", "--format", "json", "good.toml"], 0),
    (["summary", "bad.toml"], 1),
    (["summary", "good.toml", "bad.toml"], 1),
    (["summary", "missing.toml"], 1),
    (["summary", "--period", "Q9", "good.toml"], 2),
    (["summary", "--format", "xml", "good.toml"], 2),
    (["summary", "--bogus", "good.toml"], 2),
    (["check", "good.toml"], 0),
    (["check", "bad.toml"], 1),
    (["check", "missing.toml"], 1),
    (["check", "--bogus", "good.toml"], 2),
    (["fmt", "good.toml"], 0),
    (["fmt", "--check", "good.toml"], 0),
    (["fmt", "--check", "messy.toml"], 1),
    (["fmt", "bad.toml"], 1),
    (["fmt", "--check", "bad.toml"], 1),
    (["fmt", "--bogus"], 2),
    (["--bogus"], 2),
]


@pytest.mark.parametrize(("argv", "code"), EXIT_CODES, ids=[" ".join(a) for a, _ in EXIT_CODES])
def test_exit_codes(tmp_path, capsys, monkeypatch, argv, code):
    write(tmp_path, BASE, "good.toml")
    write(tmp_path, messy(BASE), "messy.toml")
    write(tmp_path, edit(BASE, 'current = "Q3"', 'current = "Q5"'), "bad.toml")
    monkeypatch.chdir(tmp_path)
    assert cli(capsys, *argv)[0] == code


@pytest.mark.parametrize("argv", [["summary", "--format", "xml"], ["check", "--bogus"]])
def test_usage_errors_print_the_usage_to_stderr_and_exit_2(tmp_path, argv):
    result = run(*argv, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"usage: goaltui {argv[0]} ")


def test_version(tmp_path):
    result = run("--version", cwd=tmp_path, script=True)
    assert (result.returncode, result.stdout) == (0, "goaltui 0.1.0\n")


@pytest.mark.parametrize("command", [[], ["summary"], ["check"], ["fmt"]])
def test_without_paths_and_without_a_data_folder(tmp_path, capsys, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    code, out, err = cli(capsys, *command)
    assert (code, out) == (1, "")
    assert err == "data: error: no review file given, and there is no ./data folder\n"


def test_the_app_without_a_data_folder_with_the_installed_script(tmp_path):
    result = run(cwd=tmp_path, script=True)
    assert result.returncode == 1
    assert result.stderr == "data: error: no review file given, and there is no ./data folder\n"


# -- check ---------------------------------------------------------------------------------


def test_check_prints_located_problems_sorted_by_line(tmp_path):
    text = edit(BASE, 'status = "Toteutuu osittain"', 'status = "Toteutu"')
    text = edit(text, 'language = "fi"', 'language = "de"')
    write(tmp_path, text)
    status_line = line_of(text, 'status = "Toteutu"')
    result = run("check", "review.toml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        'review.toml:4:1: error: review.language: "de" is not one of fi, sv, en',
        f"review.toml:{status_line}:1: error: "
        'goals[id=harrastaminen].periods.Q2.status: unknown status "Toteutu"; statuses are '
        '"Toteutuu", "Toteutuu osittain", "Ei toteudu"',
    ]
    assert result.stderr == "goaltui check: 1 file, 2 error(s), 0 warning(s)\n"


def test_check_warns_about_unexplained_goals_comments_and_layout_and_exits_0(tmp_path):
    text = BASE[: BASE.rindex('status = "Toteutuu"')] + 'status = "Ei toteudu"\n'
    text = edit(text, 'current = "Q3"', 'current = "Q3"  # syyskuun kokous')
    write(tmp_path, text)
    result = run("check", "review.toml", cwd=tmp_path)
    assert result.returncode == 0
    comment = line_of(text, "# syyskuun")
    status_line = line_of(text, 'status = "Ei toteudu"')
    assert result.stdout.splitlines() == [
        f'review.toml:{comment}:1: warning: layout is not canonical; run "goaltui fmt '
        'review.toml" to rewrite it',
        f"review.toml:{comment}:17: warning: TOML comment (1 in this file) will be dropped by "
        "the next save; keep lasting notes in a field",
        f"review.toml:{status_line}:1: warning: "
        'goals[id=liikkeelle].periods.Q2: status "Ei toteudu" needs a comment explaining it',
    ]
    assert result.stderr == "goaltui check: 1 file, 0 error(s), 3 warning(s)\n"


def test_check_of_the_bundled_data_prints_only_well_formed_lines(seed_folder):
    result = run("check", "data", cwd=seed_folder)
    assert result.returncode == 0
    for line in result.stdout.splitlines():
        match = PROBLEM_LINE.match(line)
        assert match, line
        assert match["path"] in ("data/example-en.toml", "data/kuva-2021.toml")
        assert match["severity"] == "warning"
    assert result.stderr.startswith("goaltui check: 2 files, 0 error(s), ")


def test_check_of_several_files_counts_them_all(tmp_path, capsys):
    write(tmp_path, BASE, "a/one.toml")
    write(tmp_path, edit(BASE, "year = 2021", "year = true"), "a/two.toml")
    write(tmp_path, "[review\n", "b/three.toml")
    write(tmp_path, "ignored", "a/.hidden/four.toml")
    code, out, err = cli(capsys, "check", tmp_path / "a", tmp_path / "b", tmp_path / "missing")
    assert code == 1
    assert out.splitlines() == [
        f"{tmp_path / 'missing'}: error: no such file or folder",
        f"{tmp_path / 'a' / 'two.toml'}:3:1: error: review.year: must be an integer, not a boolean",
        f"{tmp_path / 'b' / 'three.toml'}:1:8: error: TOML syntax: expected ']' at the end of a "
        "table declaration",
    ]
    assert err == "goaltui check: 3 files, 3 error(s), 0 warning(s)\n"


def test_a_file_named_twice_is_read_once(seed_folder, capsys, monkeypatch):
    monkeypatch.chdir(seed_folder)
    code, _, err = cli(capsys, "check", "data", "data/kuva-2021.toml", "./data/../data")
    assert code == 0
    assert err.startswith("goaltui check: 2 files, ")
    code, out, _ = cli(capsys, "summary", "--format", "json", "data/kuva-2021.toml", "data")
    assert [f["path"] for f in json.loads(out)["files"]] == [
        "data/kuva-2021.toml",
        "data/example-en.toml",
    ]


def test_check_of_an_empty_folder(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    code, out, _ = cli(capsys, "check", tmp_path / "empty")
    assert code == 1
    assert out == f"{tmp_path / 'empty'}: error: folder holds no review files (*.toml)\n"


@pytest.mark.parametrize(
    ("data", "line"),
    [(BASE.replace("\n", "\r\n").encode(), 1), (BASE.encode()[:-1], BASE.count("\n"))],
    ids=["crlf", "no final newline"],
)
def test_the_layout_warning_points_at_a_line_of_the_file(tmp_path, capsys, data, line):
    path = tmp_path / "review.toml"
    path.write_bytes(data)
    code, out, _ = cli(capsys, "check", path)
    assert code == 0
    assert out == (
        f'{path}:{line}:1: warning: layout is not canonical; run "goaltui fmt {path}" to '
        "rewrite it\n"
    )


# -- fmt -----------------------------------------------------------------------------------


def test_fmt_rewrites_a_non_canonical_file_in_the_canonical_layout(tmp_path):
    path = write(tmp_path, messy(BASE))
    result = run("fmt", "review.toml", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout == "reformatted review.toml\n"
    assert result.stderr == (
        "review.toml: its TOML comments were dropped (keep lasting notes in a field)\n"
        "goaltui fmt: 1 file reformatted, 0 unchanged\n"
    )
    assert path.read_bytes() == BASE.encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["review.toml"]


def test_fmt_check_lists_a_non_canonical_file_and_writes_nothing(tmp_path):
    text = messy(BASE)
    path = write(tmp_path, text)
    os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    result = run("fmt", "--check", "review.toml", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "would reformat review.toml (and drop its TOML comments)\n",
        "goaltui fmt: 1 file would be reformatted, 0 already formatted\n",
    )
    assert path.read_bytes() == text.encode()
    assert path.stat().st_mtime_ns == 1_600_000_000_000_000_000


def test_fmt_leaves_a_canonical_file_alone(tmp_path, capsys):
    path = write(tmp_path, BASE)
    os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    assert cli(capsys, "fmt", path) == (0, "", "goaltui fmt: 0 files reformatted, 1 unchanged\n")
    checked = "goaltui fmt: 0 files would be reformatted, 1 already formatted\n"
    assert cli(capsys, "fmt", "--check", path) == (0, "", checked)
    assert path.stat().st_mtime_ns == 1_600_000_000_000_000_000


def test_fmt_of_a_folder_rewrites_only_what_needs_it(tmp_path, capsys):
    write(tmp_path, BASE, "a.toml")
    write(tmp_path, messy(BASE), "b.toml")
    write(tmp_path, edit(BASE, "year = 2021", "year = '2021'"), "c.toml")
    code, out, err = cli(capsys, "fmt", tmp_path)
    assert code == 1
    assert out == f"reformatted {tmp_path / 'b.toml'}\n"
    assert f"{tmp_path / 'c.toml'}:3:1: error: review.year: must be an integer" in err
    assert (tmp_path / "b.toml").read_text() == BASE
    assert (tmp_path / "c.toml").read_text() == edit(BASE, "year = 2021", "year = '2021'")


def test_fmt_check_reports_a_file_with_a_bom(tmp_path, capsys):
    path = tmp_path / "review.toml"
    path.write_bytes(b"\xef\xbb\xbf" + BASE.encode())
    code, out, _ = cli(capsys, "fmt", "--check", path)
    assert (code, out) == (1, f"would reformat {path}\n")


# -- no tracebacks, whatever the input -----------------------------------------------------

BAD_INPUTS = {
    "empty": b"",
    "blank": b" \n\t\n",
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "latin-1": BASE.replace("parhaillaan", "yhä").encode("latin-1", errors="replace"),
    "nul bytes": b"\x00" * 64,
    "syntax": b"[review\ntitle = 1\n",
    "deep arrays": b"x = " + b"[" * 5000 + b"]" * 5000 + b"\n",
    "deep tables": b"x = " + b"{a=" * 3000 + b"1" + b"}" * 3000 + b"\n",
    "no review": b'title = "x"\n',
    "review is a string": b'review = "x"\n',
    "goals is a string": BASE.encode().replace(b"[[goals]]", b"goals = 1\n[[other]]", 1),
    "many errors": BASE.replace("year = 2021", 'year = "x"')
    .replace('color = "red"', 'color = "punainen"')
    .replace("[goals.periods.Q2]", "[goals.periods.Q7]")
    .replace('id = "liikkeelle"', 'id = "Liikkeelle!"')
    .encode(),
    "wrong types everywhere": (
        b"[review]\ntitle = []\nyear = {}\nlanguage = 1\nperiods = [[]]\ncurrent = 1\n"
        b"statuses = [1, {label = 1, color = 1, explain = 1}]\n"
        b"[[goals]]\nid = 1\nobjective = 1\nlinks = 1\nperiods = { Q1 = { status = 1 } }\n"
    ),
    "control characters": BASE.replace("Toteutuu osittain", "\\u001b[2J\\u0007").encode(),
    "crlf in a string": BASE.replace("Tavoite toteutuu osittain", "a\\r\\nb").encode(),
}
NESTED_FOR_THE_WRITER = edit(BASE, "year = 2021", "year = 2021\nx = " + "[" * 350 + "]" * 350)


@pytest.mark.parametrize(
    "data",
    [
        *[pytest.param(data, id=name) for name, data in BAD_INPUTS.items()],
        pytest.param(NESTED_FOR_THE_WRITER.encode(), id="nested too deep for tomli-w"),
    ],
)
def test_no_traceback_for_bad_input(tmp_path, data):
    (tmp_path / "review.toml").write_bytes(data)
    for command in (["summary"], ["check"], ["fmt"], ["fmt", "--check"]):
        result = run(*command, "review.toml", cwd=tmp_path)
        assert "Traceback" not in result.stderr, (command, result.stderr[-2000:])
        assert result.returncode in (0, 1), (command, result.returncode)


@pytest.mark.parametrize(
    "argv",
    [
        ["summary", "nowhere.toml"],
        ["check", "empty"],
        ["fmt", "b.toml/x.toml"],
        ["summary", "\udcff.toml"],
    ],
    ids=["missing file", "folder without reviews", "file as a folder", "undecodable name"],
)
def test_no_traceback_for_bad_paths(tmp_path, argv):
    write(tmp_path, BASE, "b.toml")
    (tmp_path / "empty").mkdir()
    args = [os.fsencode(a) for a in argv]
    result = subprocess.run(
        [sys.executable, "-m", "goaltui", *args],
        cwd=tmp_path,
        env=clean_env(),
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr
    assert b"error: " in result.stdout + result.stderr
