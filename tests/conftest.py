"""Test-wide settings: deterministic Hypothesis, and no output styling leaking in from the shell."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from reviewfiles import OUTPUT_VARIABLES

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


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A folder that every user may enter (pytest's own are root's alone), removed after."""
    folder = Path(tempfile.mkdtemp(prefix="goaltui-", dir="/tmp"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)
