"""goaltui --since REV: what git cannot give is a clear message and exit 2, an old version that
is not a review its problems and exit 1, before the app starts; and the versions compared."""

from __future__ import annotations

from pathlib import Path

from gitrepo import Repo
from reviewfiles import BASE, SEED, cli, edit

from goaltui.files.changes import baseline
from goaltui.review.filtering import NOT_ASSESSED, Filter


def committed(repo: Repo) -> Path:
    repo.write("data/kuva-2021.toml", SEED.read_text(encoding="utf-8"))
    repo.commit("Kulttuurin ja vapaa-ajan toimialan arviointi 2021")
    return Path("data/kuva-2021.toml")


def test_an_unknown_revision_is_a_message_and_exit_2(repo, capsys):
    path = committed(repo)
    code, out, err = cli(capsys, "--since", "nosuchrev", path)
    assert code == 2 and out == ""
    assert err.startswith("goaltui: --since nosuchrev: ") and "nosuchrev" in err[30:]
    assert "Traceback" not in err


def test_outside_a_repository_it_is_a_message_and_exit_2(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    Path("review.toml").write_text(BASE, encoding="utf-8")
    code, _out, err = cli(capsys, "--since", "HEAD", "review.toml")
    assert code == 2 and err.startswith("goaltui: --since HEAD: ")
    assert "Traceback" not in err


def test_an_old_version_that_is_not_a_review_is_its_problems_and_exit_1(repo, capsys):
    repo.write("review.toml", edit(BASE, "year = 2021", 'year = "2021"'))
    repo.commit("broken")
    repo.write("review.toml", BASE)
    repo.commit("fixed")
    code, _out, err = cli(capsys, "--since", "HEAD~1", "--lang", "en", "review.toml")
    assert code == 1
    assert "HEAD~1:review.toml:" in err and "review.year" in err
    assert "the versions above are not valid reviews" in err


def test_the_versions_compared_a_file_new_since_has_none(repo):
    path = committed(repo)
    repo.write("data/uusi.toml", BASE)
    repo.commit("a new review")
    found = baseline("HEAD~1", [path, Path("data/uusi.toml")])
    old = found.reviews[path]
    assert old is not None and old.goals[0].id == "palvelustrategia"
    assert found.reviews[Path("data/uusi.toml")] is None


def test_the_status_filter_steps_on_to_changed_since_only_with_a_revision():
    review_statuses = 3  # the seed's scale
    from goaltui.files.loading import load

    review = load(SEED).review
    with_since, without = Filter(), Filter()
    for _step in range(review_statuses):
        with_since = with_since.next_status(review, since=True)
        without = without.next_status(review)
    assert with_since.status == without.status == "Ei toteudu"
    with_since, without = with_since.next_status(review, since=True), without.next_status(review)
    assert with_since.status == without.status == NOT_ASSESSED
    with_since, without = with_since.next_status(review, since=True), without.next_status(review)
    assert (with_since.changed, with_since.status, with_since.active) == (True, None, True)
    assert without == Filter()
    assert with_since.next_status(review, since=True) == Filter()
