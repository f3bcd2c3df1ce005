"""goaltui history, on real git repositories: each commit's changes, renames followed, merges
against their first parent, a file deleted, shallow clones; and the loader of versions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gitrepo import AUTHOR
from reviewfiles import BASE, BILINGUAL, SEED, edit, run
from test_git_diff import everything_changed, palvelustrategia_partly

from goaltui.files.loading import decode, load_text
from goaltui.files.problems import ReviewError
from goaltui.files.versions import Versions


def forecast(text: str, goal_q3_forecast: str) -> str:
    """``text`` with palvelustrategia's Q3 forecast set."""
    return edit(
        text,
        'forecast = "100 %"\ncomment = "Palvelu',
        f'forecast = "{goal_q3_forecast}"\ncomment = "Palvelu',
    )


def test_done_when_history_of_the_goal_lists_the_commit(repo):
    repo.write("data/kuva-2021.toml", SEED.read_text(encoding="utf-8"))
    repo.commit("Kulttuurin ja vapaa-ajan toimialan arviointi 2021")
    text = SEED.read_text(encoding="utf-8")
    repo.write("data/kuva-2021.toml", edit(text, "year = 2021", "year = 2021\nowner = 'x'"))
    repo.commit("Ei koske tavoitetta")
    repo.write(
        "data/kuva-2021.toml",
        palvelustrategia_partly(edit(text, "year = 2021", "year = 2021\nowner = 'x'")),
    )
    change = repo.commit("Q3: palvelustrategia toteutuu osittain")
    result = run(
        "history", "data/kuva-2021.toml", "--goal", "palvelustrategia", cwd=repo.root, script=True
    )
    assert (result.returncode, result.stderr) == (0, "")
    blocks = result.stdout.split("\n\n")
    assert [block.splitlines()[0] for block in blocks] == [
        f"{change[:10]} 3.10.2021 {AUTHOR}: Q3: palvelustrategia toteutuu osittain",
        # the first commit added the goal; the second did not touch it, and is not listed
        f"{repo.git('rev-list', '--max-parents=0', 'HEAD').strip()[:10]} 1.10.2021 {AUTHOR}: "
        "Kulttuurin ja vapaa-ajan toimialan arviointi 2021",
    ]
    assert blocks[0].splitlines()[1:] == [
        "  palvelustrategia  Palveluja parannetaan asiakaskokemuksen perusteella",
        "    Q3 · tila: ● Toteutuu → ◐ Toteutuu osittain  ▼ heikentynyt",
        "    Q3 · ennuste: 100 % → 80 %",
    ]
    assert blocks[1].splitlines()[1].startswith("  + tavoite lisätty: palvelustrategia  ")


def test_every_commit_newest_first_in_json_with_author_date_and_subject(repo):
    repo.write("data/review.toml", BILINGUAL)
    first = repo.commit("Ensimmäinen versio")
    repo.write("data/review.toml", everything_changed(BILINGUAL))
    second = repo.commit("Kaikki muuttuu", author="Björn Öst")
    result = run("history", "data/review.toml", "--format", "json", cwd=repo.root)
    assert (result.returncode, result.stderr) == (0, "")
    document = json.loads(result.stdout)
    assert (document["version"], document["path"], document["goal"]) == (
        1,
        "data/review.toml",
        None,
    )
    commits = document["commits"]
    assert [(c["commit"], c["author"], c["subject"], c["date"]) for c in commits] == [
        (second, "Björn Öst", "Kaikki muuttuu", "2021-10-02T12:00:00+03:00"),
        (first, AUTHOR, "Ensimmäinen versio", "2021-10-01T12:00:00+03:00"),
    ]
    assert commits[0]["short"] == second[:10]
    # 20 changes: 18 fields, one goal added and one removed
    assert commits[0]["state"] == "changed" and len(commits[0]["changes"]) == 18
    assert commits[0]["old"] == f"{first[:10]}:data/review.toml"
    assert commits[1]["state"] == "added" and commits[1]["changes"] == []
    ids = [goal["id"] for goal in commits[1]["goals_added"]]
    assert ids == ["palvelustrategia", "harrastaminen", "liikkeelle"]
    narrowed = run(
        "history", "data/review.toml", "--goal", "harrastaminen", "--format", "json", cwd=repo.root
    )
    found = json.loads(narrowed.stdout)["commits"]
    assert [c["commit"] for c in found] == [second, first]
    assert {(c["goal"], c["period"], c["field"]) for c in found[0]["changes"]} == {
        ("harrastaminen", "Q2", "status"),
        ("harrastaminen", "Q3", "status"),
    }
    assert found[1]["goals_added"] == [
        {
            "id": "harrastaminen",
            "objective": "Koko kaupunki on oppimisen ja kansalaistoiminnan paikka",
        }
    ]


def test_markdown_and_the_languages_date_format(repo):
    repo.write("data/review.toml", BASE)
    repo.commit("eka")
    repo.write("data/review.toml", forecast(BASE, "90 %"))
    repo.commit("*toka* <b>")
    english = run("history", "data/review.toml", "--lang", "en", cwd=repo.root)
    assert english.stdout.splitlines()[0].endswith(f" 2 Oct 2021 {AUTHOR}: *toka* <b>")
    markdown = run("history", "data/review.toml", "--format", "markdown", cwd=repo.root)
    lines = markdown.stdout.splitlines()
    assert lines[0] == "## `data/review.toml`"
    assert lines[2].endswith(" \\*toka\\* &lt;b&gt;") and lines[2].startswith("### `")
    assert f"{AUTHOR} · 2.10.2021" in lines
    assert "  - Q3 · ennuste: 100 % → 90 %" in lines
    assert lines[-1] == "- `data/review.toml`: uusi tiedosto"  # the first commit


def test_renames_are_followed(repo):
    repo.write("vanha/arvio.toml", BASE)
    first = repo.commit("first")
    repo.git("mv", "vanha", "uusi")
    (repo.root / "uusi" / "arvio.toml").rename(repo.root / "uusi" / "arviointi-ä.toml")
    renamed = repo.commit("rename")
    repo.write("uusi/arviointi-ä.toml", forecast(BASE, "70 %"))
    changed = repo.commit("change")
    result = run("history", "uusi/arviointi-ä.toml", "--format", "json", cwd=repo.root)
    assert (result.returncode, result.stderr) == (0, "")
    commits = json.loads(result.stdout)["commits"]
    # the rename alone changed nothing in the review: it is not listed
    assert [(c["commit"], c["path"]) for c in commits] == [
        (changed, "uusi/arviointi-ä.toml"),
        (first, "vanha/arvio.toml"),
    ]
    assert renamed not in [c["commit"] for c in commits]
    repo.write("uusi/arviointi-ä.toml", forecast(BASE, "60 %"))
    (repo.root / "uusi" / "arviointi-ä.toml").rename(repo.root / "uusi" / "ö.toml")
    moved = repo.commit("rename and change")
    plain = run("history", "uusi/ö.toml", cwd=repo.root)
    top = plain.stdout.split("\n\n")[0].splitlines()
    assert top[0].startswith(moved[:10])
    assert top[1:] == [
        "  nimetty uudelleen, aiemmin uusi/arviointi-ä.toml",
        "  palvelustrategia  Palveluja parannetaan asiakaskokemuksen perusteella",
        "    Q3 · ennuste: 70 % → 60 %",
    ]


def test_a_merge_is_compared_with_its_first_parent(repo):
    repo.write("data/review.toml", BASE)
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "side")
    repo.write("data/review.toml", forecast(BASE, "50 %"))
    side = repo.commit("side: forecast")
    repo.git("checkout", "-q", "main")
    repo.write("other.txt", "x")
    repo.commit("main: other file")
    merge = repo.commit("Merge side", merge="side")
    result = run("history", "data/review.toml", "--format", "json", cwd=repo.root)
    commits = json.loads(result.stdout)["commits"]
    assert [c["commit"] for c in commits[:2]] == [merge, side]
    merged = commits[0]
    assert [(c["field"], c["before"], c["after"]) for c in merged["changes"]] == [
        ("forecast", "100 %", "50 %")
    ]
    assert merged["old"].startswith(repo.git("rev-parse", f"{merge}^1").strip()[:10])


def test_a_file_deleted_at_head_and_a_detached_head(repo):
    repo.write("data/review.toml", BASE)
    first = repo.commit("first")
    repo.write("data/review.toml", forecast(BASE, "10 %"))
    repo.commit("second")
    (repo.root / "data" / "review.toml").unlink()
    repo.write("data/keep.toml", BASE)
    gone = repo.commit("remove")
    result = run("history", "data/review.toml", "--format", "json", cwd=repo.root)
    assert (result.returncode, result.stderr) == (0, "")
    commits = json.loads(result.stdout)["commits"]
    assert [(c["commit"], c["state"]) for c in commits] == [
        (gone, "removed"),
        (commits[1]["commit"], "changed"),
        (first, "added"),
    ]
    plain = run("history", "data/review.toml", cwd=repo.root)
    assert plain.stdout.splitlines()[1] == "data/review.toml: tiedosto poistettu"
    repo.git("checkout", "-q", "--detach", first)
    detached = run("history", "data/review.toml", "--format", "json", cwd=repo.root)
    assert [c["commit"] for c in json.loads(detached.stdout)["commits"]] == [first]


def test_a_shallow_clone_says_where_its_history_ends(repo, tmp_path):
    repo.write("data/review.toml", BASE)
    repo.commit("first")
    repo.write("data/review.toml", forecast(BASE, "10 %"))
    repo.commit("second")
    repo.write("data/review.toml", forecast(BASE, "20 %"))
    last = repo.commit("third")
    clone = tmp_path / "clone"
    repo.git("clone", "-q", "--depth", "2", f"file://{repo.root}", str(clone))
    result = run("history", "data/review.toml", "--format", "json", cwd=clone)
    assert (result.returncode, result.stderr) == (0, "")
    commits = json.loads(result.stdout)["commits"]
    assert [(c["commit"], c["cut"], c["state"]) for c in commits] == [
        (last, False, "changed"),
        (commits[1]["commit"], True, None),  # its parent is not in the clone: not "added"
    ]
    plain = run("history", "data/review.toml", cwd=clone)
    assert "(tätä committia edeltävä historia ei ole tässä matalassa kloonissa)" in plain.stdout


def test_an_invalid_version_is_said_and_the_others_still_shown(repo):
    repo.write("data/review.toml", BASE)
    repo.commit("first")
    repo.write("data/review.toml", edit(BASE, "year = 2021", "year = true"))
    repo.commit("broken")
    repo.write("data/review.toml", forecast(BASE, "10 %"))
    repo.commit("fixed")
    result = run("history", "data/review.toml", "--format", "json", "--lang", "en", cwd=repo.root)
    assert result.returncode == 0
    commits = json.loads(result.stdout)["commits"]
    assert [c["subject"] for c in commits] == ["fixed", "broken", "first"]
    assert all("review.year: must be an integer" in c["problems"][0] for c in commits[:2])
    assert commits[2]["problems"] == [] and commits[2]["state"] == "added"


def test_refusals(repo, tmp_path):
    repo.write("data/review.toml", BASE)
    repo.commit("first")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "r.toml").write_text(BASE, encoding="utf-8")
    said = {}
    for name, path, cwd in (
        ("no repository", "r.toml", outside),
        ("no commit", "data/new.toml", repo.root),
        ("a folder", "data", repo.root),
    ):
        result = run("history", path, "--lang", "en", cwd=cwd)
        assert (result.returncode, result.stdout) == (2, ""), name
        said[name] = result.stderr
    assert said == {
        "no repository": "goaltui history: r.toml is not in a git repository\n",
        "no commit": "goaltui history: git has no commit of data/new.toml\n",
        "a folder": "goaltui history: data is a folder; name one review file\n",
    }
    none = run("history", "data/review.toml", "--goal", "nope", "--lang", "en", cwd=repo.root)
    assert (none.returncode, none.stdout) == (0, "")
    assert none.stderr == 'goaltui history: no commit of data/review.toml changed goal "nope"\n'


# -- the loader of versions: the same review as loading the whole text ------------------

TRICKY: dict[str, str | bytes] = {
    "base": BASE,
    "bilingual": BILINGUAL,
    "a [[goals]] line in a comment": edit(
        BASE,
        'comment = "Palvelukokonaisuudet ovat parhaillaan työstämässä työnjakokuvauksia."',
        'comment = """\nYksi.\n[[goals]]\nid = "ei"\nobjective = "ei"\n"""',
    ),
    "a table after the goals": BASE + "\n[meta]\nowner = 'x'\n",
    "an id twice": edit(BASE, 'id = "liikkeelle"', 'id = "harrastaminen"'),
    "an error in a goal": edit(BASE, 'status = "Toteutuu osittain"', 'status = "Ehkä"'),
    "goals inline": BASE.split("[[goals]]")[0] + 'goals = [{id = "a", objective = "A"}]\n',
    "a period table written twice": BASE + '\n[goals.periods.Q4]\nstatus = "Toteutuu"\n',
    "a byte order mark": "\ufeff" + BASE,
    "not UTF-8 in a goal": BASE.encode().replace(b"vuoden lopussa", b"vuoden \xff"),
}


@pytest.mark.parametrize("name", list(TRICKY))
def test_versions_load_what_loading_the_whole_text_loads(name):
    path = Path("review.toml")
    versions = Versions(path)
    tricky = TRICKY[name]
    for data in (BASE, tricky, forecast(BASE, "1 %"), tricky):
        data = data.encode() if isinstance(data, str) else data
        try:
            expected = load_text(path, decode(path, data)).review
        except ReviewError as error:
            with pytest.raises(ReviewError) as raised:
                versions.load(data)
            assert [str(p) for p in raised.value.problems] == [str(p) for p in error.problems]
            continue
        assert versions.load(data) == expected


def test_versions_reuse_the_goals_that_did_not_change():
    versions = Versions(Path("review.toml"))
    before = versions.load(BASE.encode())
    after = versions.load(forecast(BASE, "1 %").encode())
    assert [a is b for a, b in zip(before.goals, after.goals, strict=True)] == [False, True, True]
