"""Real git repositories in temporary folders, for the tests of diff, history and textconv.

Nothing of the developer's git reaches them: ``HOME`` is a folder of the test's own and
``GIT_CONFIG_NOSYSTEM=1`` leaves out the system's configuration, and every commit has a fixed
author and date, so a commit's hash is the same on every run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

AUTHOR = "Anna Virtanen"
EMAIL = "anna.virtanen@example.fi"


def git_environment(home: Path) -> dict[str, str]:
    """What git and goaltui run with in a test repository (see the module's docstring)."""
    return {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": AUTHOR,
        "GIT_AUTHOR_EMAIL": EMAIL,
        "GIT_COMMITTER_NAME": AUTHOR,
        "GIT_COMMITTER_EMAIL": EMAIL,
    }


class Repo:
    """A git repository at ``root``; commits are dated one day apart from 1 Oct 2021."""

    def __init__(self, root: Path, home: Path) -> None:
        self.root = root
        self.home = home
        self.commits = 0
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, **git_environment(self.home)}

    def git(self, *args: str, cwd: Path | None = None) -> str:
        done = subprocess.run(
            ["git", *args],
            cwd=cwd or self.root,
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
        assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
        return done.stdout

    def write(self, name: str, text: str) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def commit(self, subject: str, *, author: str = AUTHOR, merge: str | None = None) -> str:
        """Commit everything as it is now; returns the commit's hash."""
        self.commits += 1
        date = f"2021-10-{self.commits:02d}T12:00:00+03:00"
        env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": author}
        self.git("add", "-A")
        args = ["merge", "--no-ff", "-q", "-m", subject, merge] if merge else ["commit", "-q"]
        if not merge:
            args += ["--allow-empty", "-m", subject]
        done = subprocess.run(
            ["git", *args],
            cwd=self.root,
            env={**self.env, **env},
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        return self.git("rev-parse", "HEAD").strip()


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Repo:
    """An empty repository, the current folder, with git's environment in this process too
    (goaltui.cli.main run in the test calls git)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    home = tmp_path / "home"
    home.mkdir()
    for name, value in git_environment(home).items():
        monkeypatch.setenv(name, value)
    made = Repo(tmp_path / "repo", home)
    monkeypatch.chdir(made.root)
    return made
