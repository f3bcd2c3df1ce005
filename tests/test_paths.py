"""Which files a folder stands for (goaltui.files.paths): every ``*.toml`` below it, sorted as
paths sort, leaving out hidden files and folders and not following links to folders, each
file once; and the files the arguments name twice."""

from __future__ import annotations

from pathlib import Path

from reviewfiles import BASE, write

from goaltui.files.paths import find


def tree(root: Path) -> Path:
    folder = root / "team"
    for name in (
        "a.toml",
        "a-c.toml",
        "a/b.toml",
        "a/z/deep.toml",
        "B.toml",
        "d.toml/inside.toml",  # a folder with a review's name
        "notes.txt",
        ".hidden.toml",
        ".drafts/x.toml",
        "sub/.y.toml",
    ):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        write(folder, BASE, name)
    elsewhere = root / "elsewhere"
    elsewhere.mkdir()
    write(elsewhere, BASE, "far.toml")
    (folder / "linked-folder").symlink_to(elsewhere)  # not followed
    (folder / "linked.toml").symlink_to(elsewhere / "far.toml")  # a file: taken
    return folder


def test_a_folder_stands_for_its_review_files_sorted_as_paths(tmp_path):
    folder = tree(tmp_path)
    found = find([str(folder)])
    expected = sorted(
        p
        for p in folder.rglob("*.toml")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )
    assert found.paths == expected
    assert [str(p.relative_to(folder)) for p in found.paths] == [
        "B.toml",
        "a/b.toml",
        "a/z/deep.toml",
        "a-c.toml",
        "a.toml",
        "d.toml/inside.toml",
        "linked.toml",
    ]
    assert found.problems == [] and found.twice == []


def test_a_file_named_through_the_folder_and_alone_is_listed_once_and_said_twice(tmp_path):
    folder = tree(tmp_path)
    far = tmp_path / "elsewhere" / "far.toml"
    found = find([str(folder), str(far)])
    assert found.paths.count(folder / "linked.toml") == 1 and far not in found.paths
    assert found.twice == [(far, str(folder), str(far))]
