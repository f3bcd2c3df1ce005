"""CI in the forge's language: check --format github (workflow commands) and gitlab (a Code
Quality report), --strict, and summary --since; each checked against its documented format."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

from reviewfiles import (
    BASE,
    REPO,
    SEED,
    clean_env,
    edit,
    goaltui_script,
    line_of,
    run,
    shell,
    write,
)
from test_git_diff import palvelustrategia_partly

# GitHub's workflow command, as its documentation and toolkit (@actions/core) write it:
# ::error file={name},line={line},col={col},title={title}::{message}
COMMAND = re.compile(r"^::(?P<command>error|warning) (?P<properties>[^:]*)::(?P<message>.*)$")
#: BASE with a status that needs a comment, and none: a warning, and nothing else.
UNEXPLAINED = edit(
    BASE,
    'status = "Toteutuu"\nforecast = "100 %"\n'
    'comment = "Palvelukokonaisuudet ovat parhaillaan työstämässä työnjakokuvauksia."',
    'status = "Ei toteudu"\nforecast = "100 %"',
)


def unescape(text: str) -> str:
    """What GitHub's runner makes of an escaped value (the toolkit's escaping undone)."""
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, char)
    return text


def commands(out: str) -> list[dict[str, str]]:
    found = []
    for line in out.splitlines():
        match = COMMAND.match(line)
        assert match, f"not a workflow command: {line!r}"
        properties = dict(part.split("=", 1) for part in match["properties"].split(","))
        assert set(properties) <= {"file", "line", "col", "title"}
        found.append(
            {
                "command": match["command"],
                **{key: unescape(value) for key, value in properties.items()},
                "message": unescape(match["message"]),
            }
        )
    return found


def test_github_annotations_on_the_lines_of_the_problems(tmp_path):
    text = edit(
        BASE,
        '[goals.periods.Q2]\nstatus = "Toteutuu osittain"',
        '[goals.periods.Q2]\nstatus = "50%"',
    )
    path = write(tmp_path, text, "a,b:c%.toml")
    result = run("check", "--format", "github", "--lang", "en", path.name, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == "goaltui check: 1 file, 1 error(s), 0 warning(s)\n"
    (error,) = commands(result.stdout)
    assert error == {
        "command": "error",
        "file": "a,b:c%.toml",
        "line": str(line_of(text, 'status = "50%"')),
        "col": "1",
        "title": "goals[id=harrastaminen].periods.Q2.status",
        "message": 'unknown status "50%"; statuses are "Toteutuu", "Toteutuu osittain", '
        '"Ei toteudu"',
    }
    # and escaped as the toolkit escapes: no raw ":" or "," in a property, no raw "%" anywhere
    line = result.stdout.splitlines()[0]
    assert "file=a%2Cb%3Ac%25.toml," in line and 'status "50%25"' in line


def test_github_warnings_and_problems_without_a_line(tmp_path):
    path = write(tmp_path, UNEXPLAINED, "r.toml")
    result = run("check", "--format", "github", "--lang", "en", "r.toml", "nope.toml", cwd=tmp_path)
    found = commands(result.stdout)
    assert {(c["command"], c.get("title")) for c in found} >= {
        ("warning", "goals[id=palvelustrategia].periods.Q3"),
        ("error", "goaltui check"),
    }
    missing = next(c for c in found if c["file"] == "nope.toml")
    assert "line" not in missing and missing["message"] == "no such file or folder"
    unexplained = next(
        c for c in found if c.get("title") == "goals[id=palvelustrategia].periods.Q3"
    )
    assert unexplained["line"] == str(line_of(UNEXPLAINED, 'status = "Ei toteudu"'))
    assert path.exists()


def test_strict_makes_warnings_fail(tmp_path):
    write(tmp_path, UNEXPLAINED, "r.toml")
    assert run("check", "r.toml", cwd=tmp_path).returncode == 0
    for format in ("text", "github", "gitlab"):
        strict = run("check", "--strict", "--format", format, "r.toml", cwd=tmp_path)
        assert strict.returncode == 1, format
    write(tmp_path, BASE, "r.toml")
    assert run("check", "--strict", "r.toml", cwd=tmp_path).returncode == 0


def code_quality(tmp_path, text: str) -> list[dict]:
    write(tmp_path, text, "data/r.toml")
    result = run("check", "--format", "gitlab", "data", cwd=tmp_path)
    report = json.loads(result.stdout)
    # GitLab's Code Quality report: a list of issues with these fields, of these types
    assert isinstance(report, list)
    for issue in report:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert all(isinstance(issue[key], str) for key in ("description", "check_name"))
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert set(issue["location"]) == {"path", "lines"}
        assert issue["location"]["path"] == "data/r.toml"
        assert isinstance(issue["location"]["lines"]["begin"], int)
        assert issue["location"]["lines"]["begin"] >= 1
    assert len({issue["fingerprint"] for issue in report}) == len(report)
    return report


def test_gitlab_code_quality_with_fingerprints_that_outlive_an_edit_above(tmp_path):
    report = code_quality(tmp_path, UNEXPLAINED)
    by_check = {issue["description"].split(":")[0]: issue for issue in report}
    unexplained = by_check["goals[id=palvelustrategia].periods.Q3"]
    assert unexplained["severity"] == "minor"
    assert unexplained["location"]["lines"]["begin"] == line_of(
        UNEXPLAINED, 'status = "Ei toteudu"'
    )
    # a longer title and a new goal above: every line below moves, no fingerprint does
    moved = edit(UNEXPLAINED, "year = 2021\n", 'year = 2021\nowner = """\nA\nB\n"""\n')
    again = code_quality(tmp_path, moved)
    same = next(i for i in again if i["description"] == unexplained["description"])
    assert same["location"]["lines"]["begin"] == unexplained["location"]["lines"]["begin"] + 4
    assert same["fingerprint"] == unexplained["fingerprint"]
    # an error is "major"; another field is another fingerprint
    broken = code_quality(tmp_path, edit(UNEXPLAINED, "year = 2021", "year = true"))
    (error,) = [issue for issue in broken if issue["severity"] == "major"]
    assert error["description"].startswith("review.year: ")
    assert error["fingerprint"] not in {issue["fingerprint"] for issue in report}


def test_the_text_format_is_unchanged(tmp_path):
    write(tmp_path, UNEXPLAINED, "r.toml")
    plain = run("check", "--lang", "en", "r.toml", cwd=tmp_path)
    text = run("check", "--format", "text", "--lang", "en", "r.toml", cwd=tmp_path)
    assert plain.stdout == text.stdout
    assert re.match(r"r\.toml:\d+:\d+: warning: ", plain.stdout)


# -- summary --since ---------------------------------------------------------------------


def test_summary_since_adds_the_changes_after_each_summary(repo):
    repo.write("data/kuva-2021.toml", SEED.read_text(encoding="utf-8"))
    repo.write("data/vanha.toml", BASE)
    repo.commit("first")
    (repo.root / "data" / "vanha.toml").unlink()
    repo.write("data/kuva-2021.toml", palvelustrategia_partly(SEED.read_text(encoding="utf-8")))
    repo.commit("second")
    markdown = run("summary", "--since", "HEAD~1", "--format", "markdown", cwd=repo.root)
    assert (markdown.returncode, markdown.stderr) == (0, "")
    out = markdown.stdout
    assert out.index("### Huomioitavaa (Q3)") < out.index("### Muutokset revision `HEAD~1` jälkeen")
    assert "  - Q3 · tila: ● Toteutuu → ◐ Toteutuu osittain ▼ heikentynyt" in out.splitlines()
    assert "`data/vanha.toml`: tiedosto poistettu" in out
    rich = run("summary", "--since", "HEAD~1", cwd=repo.root, COLUMNS="120")
    assert rich.returncode == 0, rich.stderr
    lines = rich.stdout.splitlines()
    heading = lines.index(
        "data/kuva-2021.toml: 2 muutosta  HEAD~1:data/kuva-2021.toml → data/kuva-2021.toml"
    )
    assert any(line.startswith("Huomioitavaa") for line in lines[:heading])
    assert "    Q3 · ennuste: 100 % → 80 %" in lines[heading:]
    document = json.loads(
        run("summary", "--since", "HEAD~1", "--format", "json", cwd=repo.root).stdout
    )
    (file,) = document["files"]
    assert [c["field"] for c in file["since"]["changes"]] == ["status", "forecast"]
    assert document["since"] == "HEAD~1"
    assert [d["path"] for d in document["removed_since"]] == ["data/vanha.toml"]
    repo.write("data/broken.toml", edit(BASE, "year = 2021", "year = true"))
    problems = run(
        "summary", "--since", "HEAD~1", "nope.toml", "data", "--lang", "en", cwd=repo.root
    )
    assert problems.returncode == 1
    said = problems.stderr.splitlines()
    # each problem once: the summary's, not again for the changes
    assert said.count("nope.toml: error: no such file or folder") == 1
    assert len([line for line in said if line.startswith("data/broken.toml:")]) == 1
    (repo.root / "data" / "broken.toml").unlink()
    outside = run("summary", "--since", "v1", "--lang", "en", cwd=repo.root)
    assert (outside.returncode, outside.stdout) == (2, "")
    assert outside.stderr.startswith('goaltui summary: unknown revision "v1"')


def test_summary_without_since_neither_imports_nor_runs_git(tmp_path):
    write(tmp_path, BASE, "data/r.toml")
    probe = textwrap.dedent(
        """
        import contextlib, io, sys
        from goaltui.cli import main
        with contextlib.redirect_stdout(io.StringIO()):
            code = main(["summary", "data"])
        print(code, "goaltui.files.git" in sys.modules)
        """
    )
    nowhere = str(tmp_path / "no-git-here")
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env=clean_env(PATH=nowhere),
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.stdout, result.stderr) == ("0 False\n", "")


def test_the_documented_workflow_runs_in_a_pull_requests_checkout(repo, tmp_path):
    """The commands of docs/examples/goaltui-review.yml, in a clone as the checkout action
    makes it with fetch-depth: 0 (the base branch as origin/main)."""
    workflow = (REPO / "docs" / "examples" / "goaltui-review.yml").read_text(encoding="utf-8")
    check = re.search(r"run: (goaltui check .*)\n", workflow)
    summary = re.search(r"run: >-\n\s+(goaltui summary .*)\n\s+(>> .*)\n", workflow)
    assert check and summary
    command = f"{summary[1]} {summary[2]}".replace("${{ github.base_ref }}", "main")
    repo.write("data/kuva-2021.toml", SEED.read_text(encoding="utf-8"))
    repo.commit("first")
    checkout = tmp_path / "checkout"
    repo.git("clone", "-q", str(repo.root), str(checkout))
    repo.git("checkout", "-q", "-b", "pr", cwd=checkout)
    text = palvelustrategia_partly(SEED.read_text(encoding="utf-8"))
    (checkout / "data" / "kuva-2021.toml").write_text(text, encoding="utf-8")
    repo.git("commit", "-qam", "Q3", cwd=checkout)
    page = tmp_path / "step-summary.md"
    env = {
        "GITHUB_STEP_SUMMARY": str(page),
        "PATH": f"{Path(goaltui_script()).parent}:{os.environ['PATH']}",
    }
    assert shell(check[1], cwd=checkout, **env).returncode == 0
    ran = shell(command, cwd=checkout, **env)
    assert (ran.returncode, ran.stderr) == (0, "")
    said = page.read_text(encoding="utf-8")
    assert "### Muutokset revision `origin/main` jälkeen" in said
    assert "  - Q3 · tila: ● Toteutuu → ◐ Toteutuu osittain ▼ heikentynyt" in said
