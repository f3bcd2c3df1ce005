"""The mutation check stays true to the code: every mutant's original text is still there, once.

A mutant whose code moved or changed would be reported NOT APPLIED only when someone runs the
check by hand; this keeps the lists in step with the code on every run of the suite.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from mutants import SOURCE, Mutant, every_mutant


@pytest.mark.parametrize("mutant", every_mutant(), ids=lambda mutant: mutant.name)
def test_every_mutant_applies_to_the_code_as_it_is(mutant: Mutant) -> None:
    text = (SOURCE / mutant.file).read_text(encoding="utf-8")
    assert text.count(mutant.original) == 1, f"{mutant.file}: the original text is not there once"
    assert mutant.mutated != mutant.original
    for argument in mutant.arguments():
        if argument.endswith(".py"):
            assert Path(argument).is_file(), f"{mutant.name}: no test file {argument}"
