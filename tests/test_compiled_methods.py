"""The methods dataclasses write are compiled once and kept for later starts, and are the same
methods: each run is a fresh ``python`` whose bytecode goes under a ``pycache_prefix`` of its own,
as a user's Python writes beside the installed package."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

RUN = """
import dataclasses, json
import goaltui
from goaltui import compiled_methods

@dataclasses.dataclass(frozen=True, slots=True)
class Goal:
    id: str
    statuses: tuple[str, ...] = ()

goal = Goal("g1", ("Toteutuu",))
try:
    goal.id = "g2"
    frozen = False
except dataclasses.FrozenInstanceError:
    frozen = True
new = compiled_methods._new
compiled_methods.keep()
print(json.dumps({
    "new": new,
    "repr": repr(goal),
    "equal": goal == Goal("g1", ("Toteutuu",)),
    "unequal": goal != Goal("g2"),
    "hash": hash(goal) == hash(Goal("g1", ("Toteutuu",))),
    "frozen": frozen,
    "path": str(compiled_methods.cache_path()),
}))
"""


def run(prefix: Path, *flags: str) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(
        [sys.executable, "-X", f"pycache_prefix={prefix}", *flags, "-c", RUN],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    result: dict[str, object] = json.loads(done.stdout)
    return result


SAME = {
    "repr": "Goal(id='g1', statuses=('Toteutuu',))",
    "equal": True,
    "unequal": True,
    "hash": True,
    "frozen": True,
}


def test_the_methods_compiled_at_one_start_are_not_compiled_at_the_next(tmp_path):
    first = run(tmp_path)
    kept = Path(str(first["path"]))
    assert kept.is_relative_to(tmp_path) and kept.is_file()
    assert isinstance(first["new"], int) and first["new"] > 0
    second = run(tmp_path)
    assert second["new"] == 0  # every dataclass method, ours and the libraries', was kept
    for result in (first, second):
        assert {k: result[k] for k in SAME} == SAME


def test_a_damaged_cache_is_compiled_again_and_written_whole(tmp_path):
    kept = Path(str(run(tmp_path)["path"]))
    for damage in (b"", kept.read_bytes()[:100], b"\x00" * 64):
        kept.write_bytes(damage)
        result = run(tmp_path)
        assert isinstance(result["new"], int) and result["new"] > 0
        assert {k: result[k] for k in SAME} == SAME
        assert run(tmp_path)["new"] == 0


def test_nothing_is_written_where_python_writes_no_bytecode(tmp_path):
    result = run(tmp_path, "-B")  # as PYTHONDONTWRITEBYTECODE
    assert not Path(str(result["path"])).exists()
    assert {k: result[k] for k in SAME} == SAME


def test_a_cache_that_cannot_be_written_changes_nothing_but_the_speed(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    result = run(blocked / "cache")  # its folder cannot be made
    assert {k: result[k] for k in SAME} == SAME
    assert not any(name.endswith(".tmp") for name in os.listdir(tmp_path))
