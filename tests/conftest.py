"""Test-wide settings: deterministic Hypothesis; no output styling or language leaking in from
the shell; the pseudo-language."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from reviewfiles import LANGUAGE_VARIABLES, OUTPUT_VARIABLES

from goaltui.language import PSEUDO, set_default, set_lang_option
from goaltui.language.words import PSEUDO_VARIABLE

#: The ``repo`` fixture: a real git repository in a temporary folder (tests/gitrepo.py).
pytest_plugins = ("gitrepo",)

# Deterministic in CI and locally: the same examples on every run, nothing stored on disk.
settings.register_profile(
    "goaltui",
    max_examples=100,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("goaltui")


@pytest.fixture(autouse=True)
def _plain_output(monkeypatch):
    """In-process runs of goaltui.cli.main print as if piped, whatever the developer's shell."""
    for name in OUTPUT_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def _no_language_from_the_shell(monkeypatch):
    """goaltui speaks as the test says, not as the developer's shell or locale would have it."""
    for name in LANGUAGE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    set_default(None)
    set_lang_option(None)  # --lang as a command line in this process gave it: the app reads it
    yield
    set_default(None)
    set_lang_option(None)


@pytest.fixture(scope="session")
def pseudo_catalogue(tmp_path_factory):
    """The pseudo-language's compiled catalogue, made from the template once per run."""
    from pseudolocale import compile_pseudo

    return compile_pseudo(tmp_path_factory.mktemp("pseudo") / "qps.mo")


@pytest.fixture
def pseudo(pseudo_catalogue, monkeypatch):
    """Turn the pseudo-language on (see tests/pseudolocale.py); its code is the value."""
    monkeypatch.setenv(PSEUDO_VARIABLE, str(pseudo_catalogue))
    return PSEUDO


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A folder that every user may enter (pytest's own are root's alone), removed after."""
    folder = Path(tempfile.mkdtemp(prefix="goaltui-", dir="/tmp"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)
