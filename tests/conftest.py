"""Test-wide settings: deterministic Hypothesis; no output styling or language leaking in from
the shell."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings
from reviewfiles import LANGUAGE_VARIABLES, OUTPUT_VARIABLES

from goaltui.language import set_default

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
    yield
    set_default(None)
