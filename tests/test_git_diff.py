"""goaltui diff, on real git repositories: what it reports of every kind of change, in each
format and language, and how it refuses what git cannot give."""

from __future__ import annotations

import json
import os
import re

import pytest
from gitrepo import Repo
from pseudolocale import marked_review, unmarked
from reviewfiles import BASE, BILINGUAL, CONTROL, SEED, edit, run

Q3 = 'status = "Toteutuu"\nforecast = "100 %"\ncomment = "Palvelukokonaisuudet'


def palvelustrategia_partly(text: str) -> str:
    """The issue's change: palvelustrategia's Q3 status "Toteutuu osittain", forecast "80 %"."""
    return edit(
        text,
        Q3,
        'status = "Toteutuu osittain"\nforecast = "80 %"\ncomment = "Palvelukokonaisuudet',
    )


@pytest.fixture
def seeded(repo: Repo) -> Repo:
    """The seed review committed, then the issue's change to it committed."""
    repo.write("data/kuva-2021.toml", SEED.read_text(encoding="utf-8"))
    repo.commit("Kulttuurin ja vapaa-ajan toimialan arviointi 2021")
    repo.write("data/kuva-2021.toml", palvelustrategia_partly(SEED.read_text(encoding="utf-8")))
    repo.commit("Q3: palvelustrategia toteutuu osittain")
    return repo


def changes(document: dict) -> list[dict]:
    return [change for file in document["files"] for change in file["changes"]]


def test_done_when_the_json_since_head_1_lists_exactly_the_two_changes(seeded):
    result = run("diff", "--since", "HEAD~1", "--format", "json", cwd=seeded.root, script=True)
    assert (result.returncode, result.stderr) == (0, "")
    document = json.loads(result.stdout)
    assert document["changed"] is True
    (file,) = document["files"]
    assert (file["path"], file["state"], file["old"]) == (
        "data/kuva-2021.toml",
        "changed",
        "HEAD~1:data/kuva-2021.toml",
    )
    assert (file["goals_added"], file["goals_removed"]) == ([], [])
    common = {"goal": "palvelustrategia", "period": "Q3", "status": None, "key": None}
    assert file["changes"] == [
        {
            **common,
            "field": "status",
            "language": None,
            "before": "Toteutuu",
            "after": "Toteutuu osittain",
            "direction": "worse",
        },
        {
            **common,
            "field": "forecast",
            "language": None,
            "before": "100 %",
            "after": "80 %",
            "direction": None,
        },
    ]


def test_rich_says_the_change_with_its_direction_in_the_reviews_language(seeded):
    result = run("diff", "--since", "HEAD~1", cwd=seeded.root)
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("data/kuva-2021.toml: 2 muutosta")
    assert "    Q3 · tila: ● Toteutuu → ◐ Toteutuu osittain  ▼ heikentynyt" in lines
    assert "    Q3 · ennuste: 100 % → 80 %" in lines
    swedish = run("diff", "--since", "HEAD~1", "--lang", "sv", cwd=seeded.root)
    assert "    Q3 · status: ● Uppfylls → ◐ Uppfylls delvis  ▼ försämrats" in swedish.stdout
    english = run("diff", "--since", "HEAD~1", "--lang", "en", cwd=seeded.root)
    assert "    Q3 · forecast: 100 % → 80 %" in english.stdout


def test_exit_code_says_whether_anything_changed(seeded):
    changed = run("diff", "--since", "HEAD~1", "--exit-code", cwd=seeded.root)
    same = run("diff", "--since", "HEAD", "--exit-code", cwd=seeded.root)
    assert (changed.returncode, same.returncode) == (1, 0)
    assert "data/kuva-2021.toml: ei muutoksia" in same.stdout
    without = run("diff", "--since", "HEAD~1", cwd=seeded.root)
    assert without.returncode == 0


def test_two_versions_by_rev_path_and_by_path(seeded):
    result = run("diff", "HEAD~1:data/kuva-2021.toml", "data/kuva-2021.toml", cwd=seeded.root)
    assert (result.returncode, result.stderr) == (0, "")
    assert "    Q3 · ennuste: 100 % → 80 %" in result.stdout
    # git's own syntax: a path from the current folder after "./"
    below = seeded.root / "data"
    result = run("diff", "HEAD~1:./kuva-2021.toml", "HEAD:./kuva-2021.toml", cwd=below)
    assert (result.returncode, result.stderr) == (0, "")
    assert "    Q3 · ennuste: 100 % → 80 %" in result.stdout
    # two files outside git need no repository
    plain = seeded.root.parent / "plain"
    plain.mkdir()
    (plain / "a.toml").write_text(BASE, encoding="utf-8")
    (plain / "b.toml").write_text(
        edit(
            BASE, 'forecast = "100 %"\ncomment = "Palvelu', 'forecast = "90 %"\ncomment = "Palvelu'
        ),
        encoding="utf-8",
    )
    result = run("diff", "a.toml", "b.toml", "--format", "json", cwd=plain)
    assert result.returncode == 0, result.stderr
    assert [(c["field"], c["before"], c["after"]) for c in changes(json.loads(result.stdout))] == [
        ("forecast", "100 %", "90 %")
    ]


# -- every kind of change ----------------------------------------------------------------


def everything_changed(text: str) -> str:
    """BILINGUAL with a change of every kind the diff reports."""
    text = edit(
        text,
        'title = "Kulttuurin ja vapaa-ajan toimiala: strategiset tavoitteet 2021"',
        'title = "Kulttuurin ja vapaa-ajan toimiala: tavoitteet 2021"',
    )
    text = edit(
        text,
        'title = "Kultur- och fritidssektorn: strategiska mål 2021"',
        'title = "Kultur- och fritidssektorn: mål 2021"',
    )
    text = edit(text, 'current = "Q3"\n', 'current = "Q4"\nowner = "kanslia"\n')
    text = edit(text, 'label = "Toteutuu"\ncolor = "green"', 'label = "Toteutuu"\ncolor = "blue"')
    text = edit(text, 'label = "Uppfylls delvis"', 'label = "Uppfylls till en del"')
    # palvelustrategia: its texts, its links, its Swedish texts, a status better, a comment
    text = edit(text, 'theme = "Maailman toimivin kaupunki"', 'theme = "Toimivin kaupunki"')
    text = edit(
        text,
        'objective = "Palveluja parannetaan asiakaskokemuksen perusteella"',
        'objective = "Palveluja parannetaan asukkaiden kokemuksen perusteella"\n'
        'description = "Uusi kuvaus."\ntarget = "Kuvaukset valmiit."\n'
        'measure = "Mittari: kuvaukset."',
    )
    text = edit(text, "binding = false", "binding = true")
    text = edit(
        text,
        '    "Osallisuus",\n    "Elävät kaupunginosat",\n]',
        '    "Osallisuus",\n    "Kulttuuri",\n]',
    )
    text = edit(
        text,
        'objective = "Tjänsterna förbättras utifrån kundupplevelsen"',
        'objective = "Tjänsterna förbättras utifrån invånarnas upplevelse"',
    )
    text = edit(
        text,
        'comment = "Palvelukokonaisuudet ovat parhaillaan työstämässä työnjakokuvauksia."',
        'comment = "Palvelukokonaisuudet ovat nyt työstämässä työnjakokuvauksia."',
    )
    text = edit(
        text,
        'comment = "Servicehelheterna arbetar med beskrivningar av arbetsfördelningen."',
        'comment = "Servicehelheterna arbetar med arbetsfördelningen."',
    )
    # harrastaminen: Q2 better; liikkeelle removed; uusi added
    q3 = '\n\n[goals.periods.Q3]\nstatus = "{}"\nforecast = "100 %"\ncomment = """\nEnsimmäinen'
    text = edit(
        text,
        'status = "Toteutuu osittain"' + q3.format("Toteutuu"),
        'status = "Toteutuu"' + q3.format("Ei toteudu"),
    )
    start = text.index('[[goals]]\nid = "liikkeelle"')
    return text[:start] + '[[goals]]\nid = "uusi"\nobjective = "Uusi tavoite"\n'


@pytest.fixture
def everything(repo: Repo) -> Repo:
    repo.write("data/review.toml", BILINGUAL)
    repo.commit("first")
    repo.write("data/review.toml", everything_changed(BILINGUAL))
    return repo


def test_every_kind_of_change_in_json(everything):
    result = run("diff", "--since", "HEAD", "--format", "json", cwd=everything.root)
    assert (result.returncode, result.stderr) == (0, "")
    (file,) = json.loads(result.stdout)["files"]
    assert file["new"] == "data/review.toml"
    assert file["goals_added"] == [{"id": "uusi", "objective": "Uusi tavoite"}]
    assert file["goals_removed"] == [
        {
            "id": "liikkeelle",
            "objective": "Helsingissä on helppoa ja houkuttelevaa lähteä liikkeelle",
        }
    ]
    found = {
        (c["goal"], c["period"], c["status"], c["field"], c["key"], c["language"]): (
            c["before"],
            c["after"],
            c["direction"],
        )
        for c in file["changes"]
    }
    assert found == {
        (None, None, None, "title", None, None): (
            "Kulttuurin ja vapaa-ajan toimiala: strategiset tavoitteet 2021",
            "Kulttuurin ja vapaa-ajan toimiala: tavoitteet 2021",
            None,
        ),
        (None, None, None, "title", None, "sv"): (
            "Kultur- och fritidssektorn: strategiska mål 2021",
            "Kultur- och fritidssektorn: mål 2021",
            None,
        ),
        (None, None, None, "current", None, None): ("Q3", "Q4", None),
        (None, None, None, "extra", "owner", None): (None, "kanslia", None),
        (None, None, "Toteutuu", "color", None, None): ("green", "blue", None),
        (None, None, "Toteutuu osittain", "label", None, "sv"): (
            "Uppfylls delvis",
            "Uppfylls till en del",
            None,
        ),
        ("palvelustrategia", None, None, "theme", None, None): (
            "Maailman toimivin kaupunki",
            "Toimivin kaupunki",
            None,
        ),
        ("palvelustrategia", None, None, "objective", None, None): (
            "Palveluja parannetaan asiakaskokemuksen perusteella",
            "Palveluja parannetaan asukkaiden kokemuksen perusteella",
            None,
        ),
        ("palvelustrategia", None, None, "objective", None, "sv"): (
            "Tjänsterna förbättras utifrån kundupplevelsen",
            "Tjänsterna förbättras utifrån invånarnas upplevelse",
            None,
        ),
        ("palvelustrategia", None, None, "description", None, None): (None, "Uusi kuvaus.", None),
        ("palvelustrategia", None, None, "target", None, None): (None, "Kuvaukset valmiit.", None),
        ("palvelustrategia", None, None, "measure", None, None): (
            None,
            "Mittari: kuvaukset.",
            None,
        ),
        ("palvelustrategia", None, None, "binding", None, None): (False, True, None),
        ("palvelustrategia", None, None, "links", None, None): (
            ["Osallisuus", "Elävät kaupunginosat"],
            ["Osallisuus", "Kulttuuri"],
            None,
        ),
        ("palvelustrategia", "Q3", None, "comment", None, None): (
            "Palvelukokonaisuudet ovat parhaillaan työstämässä työnjakokuvauksia.",
            "Palvelukokonaisuudet ovat nyt työstämässä työnjakokuvauksia.",
            None,
        ),
        ("palvelustrategia", "Q3", None, "comment", None, "sv"): (
            "Servicehelheterna arbetar med beskrivningar av arbetsfördelningen.",
            "Servicehelheterna arbetar med arbetsfördelningen.",
            None,
        ),
        ("harrastaminen", "Q2", None, "status", None, None): (
            "Toteutuu osittain",
            "Toteutuu",
            "better",
        ),
        ("harrastaminen", "Q3", None, "status", None, None): ("Toteutuu", "Ei toteudu", "worse"),
    }
    assert len(file["changes"]) == len(found)


def test_every_kind_of_change_in_plain_text_marks_the_words(everything):
    result = run("diff", "--since", "HEAD", cwd=everything.root, COLUMNS="200")
    assert (result.returncode, result.stderr) == (0, "")
    out = result.stdout
    assert out.startswith(
        "data/review.toml: 20 muutosta  HEAD:data/review.toml → data/review.toml\n"
    )
    for line in (
        "  arviointi · otsikko: Kulttuurin ja vapaa-ajan toimiala: [-strategiset-] tavoitteet 2021",
        "  asteikko · Toteutuu · väri: green → blue",
        "  palvelustrategia  Palveluja parannetaan asukkaiden kokemuksen perusteella",
        "    teema: Maailman toimivin kaupunki → Toimivin kaupunki",
        "    tavoite: Palveluja parannetaan [-asiakaskokemuksen-]{+asukkaiden kokemuksen+} "
        "perusteella",
        "    tavoite [sv]: Tjänsterna förbättras utifrån [-kundupplevelsen-]"
        "{+invånarnas upplevelse+}",
        "    sitova: ei → kyllä",
        "    kytkökset: Osallisuus, [-Elävät kaupunginosat-], {+Kulttuuri+}",
        "    Q3 · kommentti: Palvelukokonaisuudet ovat [-parhaillaan-]{+nyt+} työstämässä "
        "työnjakokuvauksia.",
        "    Q2 · tila: ◐ Toteutuu osittain → ● Toteutuu  ▲ parantunut",
        "    Q3 · tila: ● Toteutuu → ○ Ei toteudu  ▼ heikentynyt",
        "  + tavoite lisätty: uusi  Uusi tavoite",
        "  − tavoite poistettu: liikkeelle  Helsingissä on helppoa ja houkuttelevaa lähteä "
        "liikkeelle",
    ):
        assert line in out.splitlines(), line


def test_in_colour_the_words_are_struck_and_underlined_not_only_coloured(everything):
    result = run("diff", "--since", "HEAD", cwd=everything.root, FORCE_COLOR="1", COLUMNS="200")
    line = next(line for line in result.stdout.splitlines() if "kommentti" in line)
    # strike (9) with red (31) for the words taken out, underline (4) with green (32) put in
    assert "\x1b[9;31mparhaillaan\x1b[0m" in line
    assert "\x1b[4;32mnyt\x1b[0m" in line
    assert "[-" not in line


def test_markdown_strikes_out_and_bolds_in(everything):
    result = run("diff", "--since", "HEAD", "--format", "markdown", cwd=everything.root)
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[0] == "### `data/review.toml`: 20 muutosta"
    assert "`HEAD:data/review.toml` → `data/review.toml`" in lines
    assert (
        "  - Q3 · kommentti: Palvelukokonaisuudet ovat ~~parhaillaan~~ **nyt** "
        "työstämässä työnjakokuvauksia\\." in lines
    )
    assert "  - Q3 · tila: ● Toteutuu → ○ Ei toteudu ▼ heikentynyt" in lines
    assert "- \\+ tavoite lisätty: `uusi` Uusi tavoite" in lines


def test_text_from_the_file_is_data_in_every_format(repo):
    repo.write("data/review.toml", BASE)
    repo.commit("first")
    hostile = edit(
        BASE,
        'comment = "Palvelukokonaisuudet ovat parhaillaan työstämässä työnjakokuvauksia."',
        'comment = "[red]Palvelut[/red] \\u001b[2J*ohi* <b>x</b>"',
    )
    repo.write("data/review.toml", hostile)
    rich = run("diff", "--since", "HEAD", cwd=repo.root, FORCE_COLOR="1")
    assert "[red]Palvelut[/red]" in rich.stdout
    assert not CONTROL.search(re.sub("\x1b\\[[0-9;]*m", "", rich.stdout))
    markdown = run("diff", "--since", "HEAD", "--format", "markdown", cwd=repo.root)
    assert "\\*ohi\\*" in markdown.stdout and "&lt;b&gt;" in markdown.stdout
    assert not CONTROL.search(markdown.stdout)
    document = run("diff", "--since", "HEAD", "--format", "json", cwd=repo.root)
    assert "\\u001b" in document.stdout
    assert changes(json.loads(document.stdout))[0]["after"].startswith("[red]Palvelut[/red] \x1b")


# -- files added, removed, renamed; names; the state of the repository -------------------


def test_since_names_files_added_and_removed_and_non_ascii_paths(repo):
    repo.write("data/kulttuuri-ä.toml", BASE)
    repo.write("data/vanha.toml", BASE)
    repo.write("data/.piilo/x.toml", BASE)
    repo.commit("kaksi")
    (repo.root / "data" / "vanha.toml").unlink()
    repo.write("data/uusi ö.toml", BASE)
    eighty = edit(
        BASE, 'forecast = "100 %"\ncomment = "Palvelu', 'forecast = "80 %"\ncomment = "Palvelu'
    )
    repo.write("data/kulttuuri-ä.toml", eighty)
    result = run("diff", "--since", "HEAD", "--format", "json", cwd=repo.root)
    assert (result.returncode, result.stderr) == (0, "")
    files = {f["path"]: f for f in json.loads(result.stdout)["files"]}
    assert {path: f["state"] for path, f in files.items()} == {
        "data/kulttuuri-ä.toml": "changed",
        "data/uusi ö.toml": "added",
        "data/vanha.toml": "removed",
    }
    assert files["data/uusi ö.toml"]["old"] is None
    assert [g["id"] for g in files["data/vanha.toml"]["goals_removed"]] == [
        "palvelustrategia",
        "harrastaminen",
        "liikkeelle",
    ]
    plain = run("diff", "--since", "HEAD", cwd=repo.root)
    assert "data/uusi ö.toml: uusi tiedosto" in plain.stdout
    assert "data/vanha.toml: tiedosto poistettu" in plain.stdout
    assert "data/kulttuuri-ä.toml: 1 muutos" in plain.stdout


def test_since_from_the_top_of_the_repository_and_from_a_folder_below(repo):
    repo.write("a.toml", BASE)
    repo.write("sub/b.toml", BASE)
    repo.write("notes.txt", "not a review")
    repo.commit("first")
    repo.write("a.toml", palvelustrategia_partly(BASE))
    (repo.root / "sub" / "b.toml").unlink()
    result = run("diff", "--since", "HEAD", ".", "--format", "json", cwd=repo.root)
    assert (result.returncode, result.stderr) == (0, "")
    states = {f["path"]: f["state"] for f in json.loads(result.stdout)["files"]}
    assert states == {"a.toml": "changed", "sub/b.toml": "removed"}
    below = run("diff", "--since", "HEAD", "..", "--format", "json", cwd=repo.root / "sub")
    states = {f["path"]: f["state"] for f in json.loads(below.stdout)["files"]}
    assert states == {"../a.toml": "changed", "b.toml": "removed"}


def test_a_file_deleted_at_head_and_detached_head(repo):
    repo.write("data/review.toml", BASE)
    first = repo.commit("first")
    repo.write("data/review.toml", palvelustrategia_partly(BASE))
    repo.commit("second")
    (repo.root / "data" / "review.toml").unlink()
    repo.write("data/other.toml", BASE)
    repo.commit("deleted")
    result = run("diff", "HEAD~1:data/review.toml", "HEAD~2:data/review.toml", cwd=repo.root)
    assert result.returncode == 0, result.stderr
    assert "Q3 · tila: ◐ Toteutuu osittain → ● Toteutuu  ▲ parantunut" in result.stdout
    removed = run("diff", "--since", "HEAD~1", "--format", "json", cwd=repo.root)
    states = {f["path"]: f["state"] for f in json.loads(removed.stdout)["files"]}
    assert states == {"data/other.toml": "added", "data/review.toml": "removed"}
    repo.git("checkout", "-q", "--detach", first)
    detached = run("diff", "--since", "HEAD", "--exit-code", cwd=repo.root)
    assert (detached.returncode, detached.stderr) == (0, "")
    assert "data/review.toml: ei muutoksia" in detached.stdout


def test_a_shallow_clone_says_it_does_not_reach_back_so_far(repo, tmp_path):
    repo.write("data/review.toml", BASE)
    repo.commit("first")
    repo.write("data/review.toml", palvelustrategia_partly(BASE))
    repo.commit("second")
    clone = tmp_path / "clone"
    repo.git("clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone))
    result = run("diff", "--since", "HEAD~1", cwd=clone)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(
        'goaltui diff: unknown revision "HEAD~1": this repository is a shallow clone'
    )
    assert "git fetch --unshallow" in result.stderr and "Traceback" not in result.stderr
    assert run("diff", "--since", "HEAD", "--exit-code", cwd=clone).returncode == 0


# -- refusals ---------------------------------------------------------------------------


def test_what_git_cannot_give_is_a_clear_message_and_exit_2(seeded, tmp_path):
    said = {}
    for name, args, cwd in (
        ("unknown", ("--since", "v9.9"), seeded.root),
        ("absent", ("HEAD~1:data/puuttuu.toml", "data/kuva-2021.toml"), seeded.root),
        ("folder", ("HEAD:data", "data/kuva-2021.toml"), seeded.root),
        ("unknown rev", ("v9.9:data/kuva-2021.toml", "data/kuva-2021.toml"), seeded.root),
    ):
        result = run("diff", *args, "--lang", "en", cwd=cwd)
        assert (result.returncode, result.stdout) == (2, ""), name
        assert "Traceback" not in result.stderr
        said[name] = result.stderr
    assert (
        said["unknown"]
        == f'goaltui diff: unknown revision "v9.9" in the git repository at {seeded.root}\n'
    )
    assert (
        said["absent"]
        == 'goaltui diff: there is no file "data/puuttuu.toml" in revision "HEAD~1"\n'
    )
    assert said["folder"] == 'goaltui diff: there is no file "data" in revision "HEAD"\n'
    assert said["unknown rev"].startswith('goaltui diff: unknown revision "v9.9"')
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "data").mkdir()
    (outside / "data" / "r.toml").write_text(BASE, encoding="utf-8")
    result = run("diff", "--since", "HEAD", "--lang", "en", cwd=outside)
    assert (result.returncode, result.stderr) == (
        2,
        "goaltui diff: data is not in a git repository\n",
    )


def test_git_not_installed_is_said(seeded):
    nowhere = str(seeded.root / "no-git-here")
    result = run("diff", "--since", "HEAD", "--lang", "en", cwd=seeded.root, PATH=nowhere)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "goaltui diff: git is not installed (or not on PATH); goaltui reads the history of "
        "files from it\n"
    )


def test_an_invalid_review_on_either_side_is_its_problems_and_exit_1(seeded):
    seeded.write(
        "data/kuva-2021.toml", edit(SEED.read_text(encoding="utf-8"), "year = 2021", "year = true")
    )
    result = run("diff", "--since", "HEAD", "--lang", "en", cwd=seeded.root)
    assert (result.returncode, result.stdout) == (1, "")
    assert re.match(
        r"data/kuva-2021\.toml:\d+:\d+: error: review\.year: must be an integer", result.stderr
    )
    seeded.commit("broken")
    result = run(
        "diff",
        "HEAD:data/kuva-2021.toml",
        "HEAD~1:data/kuva-2021.toml",
        "--lang",
        "en",
        cwd=seeded.root,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("HEAD:data/kuva-2021.toml:")
    assert "error: review.year: must be an integer" in result.stderr


def test_usage_needs_two_versions_or_since(seeded):
    result = run("diff", "data/kuva-2021.toml", "--lang", "en", cwd=seeded.root)
    assert result.returncode == 2
    assert (
        result.stderr
        == "goaltui diff: name two versions, OLD and NEW, or the files with --since REV\n"
    )


def test_diff_and_history_say_nothing_that_bypasses_the_catalogues(repo, pseudo):
    before = marked_review(BASE)
    repo.write("data/review.toml", before)
    repo.commit("first")
    after = edit(before, 'status = "⟦Ṫȯṫėụṫụụ ȯṡịṫṫȧịṅ⟧"', 'status = "⟦Ėị ṫȯṫėụḋụ⟧"')
    after = edit(after, "binding = false", "binding = true")
    after = edit(after, "ṫẏöṅĵȧḳȯḳụṿȧụḳṡịȧ.⟧", "ṫẏöṅĵȧḳȯḳụṿȧụḳṡėṫ.⟧")
    after = edit(after, 'id = "3"', 'id = "4"')
    repo.write("data/review.toml", after)
    repo.commit("second")
    env = {"GOALTUI_PSEUDO": os.environ["GOALTUI_PSEUDO"]}
    # Data, not goaltui's words: the path, the revisions, the commits' subjects and author;
    # "[fi]", the mark of a text shown in the main language for want of a translation; and the
    # month of a date as English writes it (formats.py, not a message).
    data = "data review toml HEAD nope first second Anna Virtanen"
    allowed = {*data.split(), "fi", "Oct"}
    for arguments in (
        ("diff", "--since", "HEAD~1"),
        ("diff", "--since", "HEAD~1", "--format", "markdown"),
        ("history", "data/review.toml"),
        ("history", "data/review.toml", "--format", "markdown"),
        ("diff", "--since", "nope"),
    ):
        result = run("--lang", "qps", *arguments, cwd=repo.root, **env)
        assert result.stdout + result.stderr, arguments
        said = re.sub(r"\b[0-9a-f]{10}\b", "", result.stdout + result.stderr)  # the commits
        assert unmarked(said, allowed) == [], arguments
