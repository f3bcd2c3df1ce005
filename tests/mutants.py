"""A small mutation check: break one rule at a time and see that some test fails.

    .venv/bin/python tests/mutants.py            # every mutant
    .venv/bin/python tests/mutants.py lock       # those whose name contains "lock"
    .venv/bin/python tests/mutants.py app        # the app's side (tests/mutants_app.py)

Each mutant is a plain text replacement in one source file (the original text must occur
exactly once), applied alone; the tests named with it run (``pytest -x``, no xdist) with a
time limit (a hang is a failure too); the file is restored afterwards, whatever happens.
A mutant that no test kills is a rule the suite does not guard: it is listed as SURVIVED,
and the script exits 1. Run by hand, not in the suite (it takes a few minutes).

To add a mutant: a :class:`Mutant` in MUTANTS with the smallest replacement that breaks the
rule, and the test files (or ``file::test``) that should catch it.
"""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "src" / "goaltui"
TIME_LIMIT = 300  # seconds per mutant


@dataclass(frozen=True)
class Mutant:
    name: str
    file: str  # under src/goaltui
    original: str
    mutated: str
    tests: tuple[str, ...]  # pytest arguments; test files under tests/

    def arguments(self) -> list[str]:
        """The pytest arguments, test files made absolute."""
        return [
            str(REPO / "tests" / test) if test.endswith(".py") or "::" in test else test
            for test in self.tests
        ]


MUTANTS = [
    # -- what a save proves and makes durable ----------------------------------------------
    Mutant(
        "incremental save skips reading back the goals it changed",
        "files/canonical.py",
        '        _check(path, chunks[i], {"goals": [table]})\n',
        "        pass\n",
        ("test_save_proofs.py",),
    ),
    Mutant(
        "the tail check of an incremental save says yes",
        "files/canonical.py",
        '    return text[offset:] == ("\\n" + tail if tail else "")\n',
        "    return True\n",
        ("test_save_proofs.py",),
    ),
    Mutant(
        "no folder fsync after the rename",
        "files/atomic.py",
        "        raise\n    _sync_folder(folder)\n",
        "        raise\n",
        ("test_atomic_saves.py",),
    ),
    Mutant(
        "a new file gets mode 0600",
        "files/atomic.py",
        "stat.S_IMODE(old.st_mode) if old else 0o644",
        "stat.S_IMODE(old.st_mode) if old else 0o600",
        ("test_atomic_saves.py", "test_roundtrip.py"),
    ),
    Mutant(
        "a read-only file is saved over",
        "files/atomic.py",
        "    if old is not None and not writable(old):\n",
        "    if False:\n",
        ("test_atomic_saves.py",),
    ),
    # -- the recovery journal ----------------------------------------------------------------
    Mutant(
        "the journal is written in place",
        "files/recovery.py",
        '        replace_file(target, text.encode("utf-8"), private_mode(review_path))\n',
        '        target.write_bytes(text.encode("utf-8"))\n',
        ("test_recovery.py",),
    ),
    Mutant(
        "a failed journal write leaves its temporary file",
        "files/recovery.py",
        "        with contextlib.suppress(OSError):\n            os.unlink(temp)\n        raise\n",
        "        raise\n",
        ("test_recovery.py",),
    ),
    Mutant(
        "the journal ignores the review's permissions",
        "files/recovery.py",
        "        return stat.S_IMODE(os.stat(review_path).st_mode) & 0o666\n",
        "        return 0o644\n",
        ("test_recovery.py", "test_lock.py"),
    ),
    Mutant(
        "a journal nested too deeply is not caught",
        "files/recovery.py",
        "    except RecursionError:\n        raise JournalError(",
        "    except ZeroDivisionError:\n        raise JournalError(",
        ("test_recovery.py",),
    ),
    Mutant(
        "a journal's lone surrogate is let in",
        "files/recovery.py",
        "    if (lone := _SURROGATE.search(value)) is not None:\n",
        "    if (lone := None) is not None:\n",
        ("test_recovery.py",),
    ),
    Mutant(
        "the restore forgets a save in flight",
        "files/recovery.py",
        "        return sha256 in (self.review_sha256, self.saving)\n",
        "        return sha256 == self.review_sha256\n",
        ("test_recovery.py", "tui/test_tui_disk_input.py"),
    ),
    # -- the lock -----------------------------------------------------------------------------
    Mutant(
        "a lock of another host is taken silently",
        "files/lock.py",
        "    if holder is not None and holder.elsewhere and not break_other:\n",
        "    if False:\n",
        ("test_lock.py", "tui/test_tui_lock.py"),
    ),
    Mutant(
        "a taker does not check that it locked the file the name leads to",
        "files/lock.py",
        "    if not _names(path, fd):\n        return None  # removed",
        "    if False:\n        return None  # removed",
        ("test_lock.py",),
    ),
    Mutant(
        "the lock file is followed as a link",
        "files/lock.py",
        "    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW\n",
        "    flags = os.O_RDWR | os.O_CREAT\n",
        ("test_lock.py",),
    ),
    Mutant(
        "the app starts without the lock",
        "tui/__init__.py",
        "    locks = [] if read_only else _lock_all(paths, folders or [], break_lock)\n",
        "    locks: list[Lock] | None = []\n",
        ("tui/test_tui_lock.py",),
    ),
    Mutant(
        "a read-only document journals",
        "files/document.py",
        "        if self.read_only or self._source is None:  # not read yet: nothing to journal\n"
        "            return\n        with self._journal_lock:\n            edits",
        "        if self._source is None:\n            return\n"
        "        with self._journal_lock:\n            edits",
        ("tui/test_tui_lock.py",),
    ),
    # -- reading what is not a review file ----------------------------------------------------
    Mutant(
        "a FIFO is opened for reading, and blocks",
        "files/regular.py",
        "flags | os.O_NONBLOCK | os.O_CLOEXEC",
        "flags | os.O_CLOEXEC",
        ("test_special_files.py::test_the_loader_and_the_document_refuse_before_reading",),
    ),
    Mutant(
        "nesting a save could not write is let in",
        "files/loading.py",
        "    if deep is not None:\n        raise _nested_too_deeply(",
        "    if False:\n        raise _nested_too_deeply(",
        ("test_fuzz.py",),
    ),
    # -- the command's output -----------------------------------------------------------------
    Mutant(
        "fmt whose reader left says nothing",
        "cli/__init__.py",
        "    if output.failure is None or (output.reader_left and not writes):\n",
        "    if output.failure is None or output.reader_left:\n",
        ("test_cli_streams.py",),
    ),
    # -- the session (saving while edits are made) --------------------------------------------
    Mutant(
        "mark_saved drops the edits made while the save ran",
        "review/session.py",
        "        del self._log[: max(0, done - self._logged)]\n",
        "        del self._log[: max(0, done)]\n",
        ("test_session.py", "test_recovery.py", "tui/test_tui_save_races.py"),
    ),
]


def run(mutant: Mutant) -> tuple[str, float]:
    """Apply ``mutant``, run its tests, restore: "killed by TEST", "SURVIVED" or why not run."""
    path = SOURCE / mutant.file
    original = path.read_text(encoding="utf-8")
    count = original.count(mutant.original)
    if count != 1:
        return f"NOT APPLIED (the original text occurs {count} times)", 0.0
    started = time.monotonic()
    try:
        path.write_text(original.replace(mutant.original, mutant.mutated), encoding="utf-8")
        tests = mutant.arguments()
        command = [sys.executable, "-m", "pytest", "-x", "-q", "-n0", "-p", "no:cacheprovider"]
        result = subprocess.run(
            [*command, *tests],
            cwd=REPO,
            capture_output=True,
            timeout=TIME_LIMIT,
            check=False,
        )
        failed = [
            line.split(" ", 1)[1].split(" - ")[0]
            for line in result.stdout.decode(errors="replace").splitlines()
            if line.startswith(("FAILED ", "ERROR "))
        ]
        if result.returncode == 0:
            outcome = "SURVIVED"
        else:
            outcome = f"killed by {failed[0] if failed else 'the test run'}"
    except subprocess.TimeoutExpired:
        outcome = "killed (timed out)"
    finally:
        path.write_text(original, encoding="utf-8")
    return outcome, time.monotonic() - started


def app_mutants() -> list[Mutant]:
    """The app's mutants, kept as data in tests/mutants_app.py, in this runner's terms."""
    sys.path.insert(0, str(REPO / "tests"))
    from mutants_app import MUTANTS as APP

    return [
        Mutant(
            f"app: {file.removeprefix('src/goaltui/')} {index}",
            file.removeprefix("src/goaltui/"),
            original,
            mutated,
            tuple(test.removeprefix("tests/") for test in tests),
        )
        for index, (file, original, mutated, tests) in enumerate(APP, start=1)
    ]


def every_mutant() -> list[Mutant]:
    return [*MUTANTS, *app_mutants()]


def main(arguments: list[str]) -> int:
    chosen = [m for m in every_mutant() if not arguments or any(a in m.name for a in arguments)]
    survived = []
    for mutant in chosen:
        outcome, seconds = run(mutant)
        print(f"{seconds:6.1f} s  {mutant.file}: {mutant.name}\n          {outcome}", flush=True)
        if not outcome.startswith("killed"):
            survived.append(mutant)
    print(f"\n{len(chosen) - len(survived)} of {len(chosen)} mutants killed")
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
