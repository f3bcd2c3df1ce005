"""Fuzzed input: whatever the bytes, goaltui reports problems and never crashes or leaks control.

Random bytes, and the bundled reviews mutated (bits flipped, runs deleted or duplicated,
brackets, quotes, NUL, CR, invalid UTF-8, BOMs and deep bracket runs inserted), go to every way
in: goaltui.files.loading.load, the app's Document.open, and `goaltui check` / `goaltui summary` (in
process, and a few through the installed command). The rules:

- nothing escapes but goaltui.files.problems.ReviewError, and each of its messages names the file;
- the command exits 0 or 1 and never prints a traceback;
- no control character (C0 but newline and tab, DEL, C1, ESC, bidi overrides) is ever printed,
  even when the input holds them.

Examples are bounded so that the file runs in well under a minute on two cores.
"""

from __future__ import annotations

import contextlib
import io
import random
import re
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reviewfiles import BASE, CONTROL, DATA, edit, run

from goaltui import cli
from goaltui.files import loading
from goaltui.files.document import ChangedOnDisk, Document, write_snapshot
from goaltui.files.loading import MAX_FILE_BYTES, MAX_NESTING, load
from goaltui.files.problems import ReviewError, SaveError

VALID = [path.read_bytes() for path in sorted(DATA.glob("*.toml"))]
INSERTS = [b"[", b"]", b'"', b"\x00", b"\r", b"\xff", "\ufeff".encode(), b"\x1b[2J", b"\xc2\x9b"]


@st.composite
def mutated(draw) -> bytes:
    """A bundled review with a few random mutations."""
    data = bytearray(draw(st.sampled_from(VALID)))
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "delete", "duplicate", "insert", "deep"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "flip" and data:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 200))]
        elif kind == "duplicate":
            data[at:at] = data[at : at + draw(st.integers(1, 400))]
        elif kind == "insert":
            data[at:at] = draw(st.sampled_from(INSERTS)) * draw(st.integers(1, 3))
        else:
            data[at:at] = draw(st.sampled_from([b"[", b"{a=", b"a."])) * draw(st.integers(50, 3000))
    return bytes(data)


# Text for string values: TOML escapes put control characters into a valid file.
HOSTILE_TEXT = st.lists(
    st.sampled_from(
        ["x", "ä", " ", "\\n", "\\u001b[31m", "\\u009b2J", "\\u202e", "\\u0000", "\\r\\n",
         "[red]", "[/]", "\\\\", "\\\"", "Toteutuu", "On track", "Q3"]
    ),
    max_size=8,
).map("".join)  # fmt: skip
STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')


@st.composite
def line_mutated(draw) -> bytes:
    """A bundled review with whole lines moved or string values replaced: it mostly parses,
    so validation, the summary and the save get hostile content too."""
    lines = draw(st.sampled_from(VALID)).decode("utf-8").split("\n")
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "value", "value", "value"]))
        at = draw(st.integers(0, len(lines) - 1))
        if kind == "delete":
            del lines[at]
        elif kind == "duplicate":
            lines.insert(at, lines[at])
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        else:
            candidates = [i for i, line in enumerate(lines) if STRING.search(line)]
            i = candidates[at % len(candidates)]
            found = STRING.search(lines[i])
            assert found is not None
            new = f'"{draw(HOSTILE_TEXT)}"'
            lines[i] = lines[i][: found.start()] + new + lines[i][found.end() :]
    return "\n".join(lines).encode("utf-8")


ANY_INPUT = st.one_of(st.binary(max_size=2000), mutated(), line_mutated(), line_mutated())


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def assert_clean(text: str) -> None:
    found = sorted({f"U+{ord(c):04X}" for c in CONTROL.findall(text)})
    assert not found, f"control characters in the output: {found}\n{text[:2000]!r}"


def assert_review_error(error: ReviewError, path: Path) -> None:
    assert error.problems, "a ReviewError without a problem"
    for problem in error.problems:
        assert problem.path == path
        assert str(problem).startswith(f"{path}"), str(problem)
        assert_clean(str(problem))
    for line in str(error).splitlines():
        assert line.startswith(f"{path}"), line


def loads_or_reports(path: Path) -> bool:
    """load(path): a review, or a ReviewError that names the file; True when it loaded."""
    try:
        load(path)
    except ReviewError as error:
        assert_review_error(error, path)
        return False
    return True


def command(argv: list[str]) -> tuple[int, str, str]:
    """goaltui.cli.main in process, with its output captured."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(argv)
    return code, out.getvalue(), err.getvalue()


def assert_command_ok(argv: list[str], path: Path) -> tuple[int, str, str]:
    code, out, err = command(argv)
    assert code in (0, 1), (code, err)
    assert "Traceback" not in out + err
    assert_clean(out)
    assert_clean(err)
    if code == 1 and argv[0] == "check":
        assert f"{path}:" in out or f"{path}: " in out
    return code, out, err


# -- random input --------------------------------------------------------------------------------

FUZZ = settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])


def test_load_reports_any_input_as_a_review_error(folder):
    seen: Counter[str] = Counter()

    @FUZZ
    @given(data=ANY_INPUT)
    def check(data: bytes) -> None:
        path = folder / "review.toml"
        path.write_bytes(data)
        seen["loaded" if loads_or_reports(path) else "refused"] += 1

    check()
    # both ways are taken, often: the inputs are not all refused, nor all valid (about 50 of
    # 300 load: 20 is four standard deviations below)
    assert seen["loaded"] >= 20 and seen["refused"] >= 100, seen


def test_the_apps_load_and_save_take_any_input(folder):
    """Document.open (the app's way in), and for what opens, an edit and a save."""
    seen: Counter[str] = Counter()

    @FUZZ
    @given(data=ANY_INPUT)
    def check(data: bytes) -> None:
        path = folder / "app.toml"
        path.write_bytes(data)
        try:
            doc = Document.open(path)
        except ReviewError as error:
            assert_review_error(error, path)
            seen["refused"] += 1
            return
        review = doc.review
        if not review.goals:
            seen["no goals"] += 1
            return
        doc.session.cycle_status(review.goals[0].id, review.current_period())
        try:
            doc.finish_save(write_snapshot(doc.snapshot()))
        except (SaveError, ChangedOnDisk) as error:
            assert str(path) in str(error)
            seen["not saved"] += 1
            return
        assert load(path).review == doc.review
        seen["saved"] += 1

    check()
    # inputs reach a save and read back: about 40 of 300 (15 is four standard deviations below)
    assert seen["saved"] >= 15, seen


def test_check_and_summary_take_any_input(folder):
    seen: Counter[str] = Counter()

    @settings(max_examples=150)
    @given(data=ANY_INPUT, argv=st.sampled_from([["check"], ["summary"]]))
    def check(data: bytes, argv: list[str]) -> None:
        path = folder / "cli.toml"
        path.write_bytes(data)
        seen[f"exit {assert_command_ok([*argv, str(path)], path)[0]}"] += 1

    check()
    # valid and invalid input both reach the commands: about 20 and 130 of 150
    assert seen["exit 0"] >= 5 and seen["exit 1"] >= 50, seen


@settings(max_examples=80)
@given(data=st.one_of(mutated(), line_mutated()), fmt=st.sampled_from(["rich", "markdown", "json"]))
def test_summary_in_every_format_takes_any_input(folder, data, fmt):
    path = folder / "summary.toml"
    path.write_bytes(data)
    assert_command_ok(["summary", "--format", fmt, str(path)], path)


def test_the_installed_command_takes_mutated_input(tmp_path):
    """A few mutated files through the real command: exit codes, stderr, no traceback."""
    rng = random.Random(2026)
    for i in range(4):
        data = bytearray(rng.choice(VALID))
        for _ in range(3):
            at = rng.randrange(len(data))
            data[at:at] = rng.choice(INSERTS)
        path = tmp_path / f"mutated-{i}.toml"
        path.write_bytes(bytes(data))
    for argv in (["check", "."], ["summary", "."]):
        result = run(*argv, cwd=tmp_path, script=True)
        assert result.returncode in (0, 1), result.stderr
        assert "Traceback" not in result.stdout + result.stderr
        assert_clean(result.stdout)
        assert_clean(result.stderr)


# -- explicit cases -------------------------------------------------------------------------------


HOSTILE = {
    "deep arrays (1,000)": BASE.replace("[review]\n", "[review]\nnotes = " + "[" * 1000 + "\n", 1),
    "deep arrays (100,000)": "x = " + "[" * 100_000,
    "deep arrays closed (100,000)": BASE.replace(
        "[review]\n", "[review]\nnotes = " + "[" * 100_000 + "]" * 100_000 + "\n", 1
    ),
    "deep inline tables (100,000)": BASE.replace(
        "[review]\n", "[review]\nnotes = " + "{a=" * 100_000 + "\n", 1
    ),
    "deep dotted key (100,000)": BASE.replace(
        "[review]\n", "[review]\nnotes." + "a." * 100_000 + "b = 1\n", 1
    ),
    "deep table header (100,000)": BASE + "\n[" + "a." * 100_000 + "b]\n",
    "NUL bytes": BASE.replace("Kulttuurin", "Kult\x00tuurin", 1),
    "NUL only": "\x00" * 100,
    "ESC in a syntax error": BASE.replace("year = 2021", "year = 20\x1b[2J21", 1),
    "C1 and bidi in an unknown status": edit(
        BASE,
        'status = "Toteutuu osittain"',
        'status = "Tot\\u009b31m\\u202eeutuu\\u001b]0;x\\u0007"',
    ),
    "control characters in a goal id": edit(
        BASE, 'id = "liikkeelle"', 'id = "liik\\u001b[31mkeelle"'
    ),
    "CR alone": BASE.replace("\n", "\r"),
    "unterminated string": BASE + 'note = "\x1b[31m',
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_files_are_reported_cleanly(tmp_path, text):
    path = tmp_path / "hostile.toml"
    path.write_bytes(text.encode("utf-8"))
    started = time.monotonic()
    assert not loads_or_reports(path)
    for argv in (["check", str(path)], ["summary", str(path)]):
        assert assert_command_ok(argv, path)[0] == 1
    assert time.monotonic() - started < 10


def test_deep_nesting_gives_the_documented_message(tmp_path):
    path = tmp_path / "deep.toml"
    for depth in (1000, 100_000):
        path.write_text(BASE.replace("[review]\n", "[review]\nnotes = " + "[" * depth + "\n", 1))
        with pytest.raises(ReviewError) as caught:
            load(path)
        assert [str(p) for p in caught.value.problems] == [
            f"{path}:2:1: error: TOML syntax: arrays or tables nested too deeply"
        ]


@pytest.mark.parametrize("where", [0, 1, 500, -1])
def test_invalid_utf8_is_located_and_named(tmp_path, where):
    data = bytearray(BASE.encode())
    at = where if where >= 0 else len(data)
    data[at:at] = b"\xff\xfe"
    path = tmp_path / "latin.toml"
    path.write_bytes(bytes(data))
    with pytest.raises(ReviewError) as caught:
        load(path)
    [problem] = caught.value.problems
    assert problem.line is not None and problem.col is not None
    assert str(problem).startswith(f"{path}:{problem.line}:{problem.col}: error: not valid UTF-8")
    code, out, _ = assert_command_ok(["check", str(path)], path)
    assert code == 1 and "not valid UTF-8: byte 0xff" in out


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf" + BASE.encode(),
        BASE.replace("\n", "\r\n").encode(),
        b"\xef\xbb\xbf" + BASE.replace("\n", "\r\n").encode(),
    ],
    ids=["BOM", "CRLF", "BOM and CRLF"],
)
def test_a_bom_and_crlf_line_ends_load_and_save_as_the_canonical_layout(tmp_path, data):
    path = tmp_path / "windows.toml"
    path.write_bytes(data)
    doc = Document.open(path)
    assert doc.review.title.startswith("Kulttuurin")
    assert assert_command_ok(["summary", str(path)], path)[0] == 0
    assert assert_command_ok(["check", str(path)], path)[0] == 0  # warnings only
    doc.session.set_status("liikkeelle", "Q3", "Toteutuu")
    doc.finish_save(write_snapshot(doc.snapshot()))
    saved = path.read_bytes()
    assert not saved.startswith(b"\xef\xbb\xbf") and b"\r" not in saved
    assert load(path).review.goal("liikkeelle").status_in("Q3") == "Toteutuu"


def test_a_10_mb_comment_loads_and_summarises(tmp_path):
    comment = ("Pitkä kommentti, jossa on paljon tekstiä. " * 250_000)[: 10 * 2**20]
    text = edit(
        BASE,
        'forecast = "100 %"\ncomment = """',
        f'forecast = "100 %"\nnote = "{comment}"\ncomment = """',
    )
    text = edit(
        text, 'status = "Toteutuu osittain"', f'status = "Toteutuu osittain"\ncomment = "{comment}"'
    )
    path = tmp_path / "long.toml"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size > 20 * 2**20
    started = time.monotonic()
    review = load(path).review
    assert review.goal("harrastaminen").entry("Q2").comment == comment
    code, out, _ = assert_command_ok(["summary", str(path)], path)
    assert code == 0 and "Kulttuurin ja vapaa-ajan toimiala" in out
    code, out, _ = assert_command_ok(["summary", "--format", "json", str(path)], path)
    assert code == 0
    assert time.monotonic() - started < 30


def test_a_file_over_the_size_limit_is_refused_before_parsing(tmp_path, monkeypatch):
    path = tmp_path / "huge.toml"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written
    limit = MAX_FILE_BYTES // 2**20

    def parse(*args, **kwargs):
        raise AssertionError("the file was parsed")

    monkeypatch.setattr(loading.tomlparse, "loads", parse)
    monkeypatch.setattr(loading, "decode", parse)
    for opener in (load, Document.open):
        with pytest.raises(ReviewError) as caught:
            opener(path)
        [problem] = caught.value.problems
        assert str(problem).startswith(f"{path}: error: ")
        # one byte over: the sizes are exact, so the message cannot contradict itself
        assert problem.message == (
            f"file is {MAX_FILE_BYTES + 1:,} bytes ({limit}.0 MiB); "
            f"review files over {MAX_FILE_BYTES:,} bytes ({limit} MiB) are refused"
        )
    code, out, _ = assert_command_ok(["check", str(path)], path)
    assert code == 1 and f"over {MAX_FILE_BYTES:,} bytes ({limit} MiB) are refused" in out


def test_the_installed_command_refuses_a_file_over_the_size_limit(tmp_path):
    path = tmp_path / "huge.toml"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 10 * 2**20)
    started = time.monotonic()
    result = run("summary", path, cwd=tmp_path, script=True)
    assert result.returncode == 1
    assert f"file is {MAX_FILE_BYTES + 10 * 2**20:,} bytes (74.0 MiB); review files over" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr
    assert time.monotonic() - started < 10


def test_a_file_exactly_at_the_size_limit_is_read(tmp_path):
    """The limit refuses what is over it, not what is at it (a file of spaces is empty)."""
    path = tmp_path / "big.toml"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES)
    with pytest.raises(ReviewError) as caught:
        load(path)
    assert "refused" not in str(caught.value)


def nested_notes(depth: int) -> str:
    """BASE with ``notes``, arrays ``depth`` deep, in [review] (line 2)."""
    return BASE.replace("[review]\n", "[review]\nnotes = " + "[" * depth + "]" * depth + "\n", 1)


def test_a_review_too_deep_to_save_is_refused_at_load_where_it_nests(tmp_path):
    """tomli reads 400 levels, tomli-w cannot write 250: such a file would open, never save."""
    path = tmp_path / "deep.toml"
    for depth in (MAX_NESTING, 300, 400):
        path.write_text(nested_notes(depth))
        for opener in (load, Document.open):
            with pytest.raises(ReviewError) as caught:
                opener(path)
            [problem] = caught.value.problems
            assert (problem.line, problem.col, problem.field) == (2, 1, "review.notes")
            assert f"nested more than {MAX_NESTING} deep" in problem.message
            assert "could not write" in problem.message
    code, out, _ = assert_command_ok(["check", str(path)], path)
    assert code == 1
    assert out.startswith(f"{path}:2:1: error: review.notes: arrays or tables nested more than")


def test_a_review_nested_up_to_the_limit_opens_and_saves(tmp_path):
    path = tmp_path / "deep.toml"
    path.write_text(nested_notes(MAX_NESTING - 1))  # with [review], MAX_NESTING levels
    doc = Document.open(path)
    doc.session.set_status("liikkeelle", "Q3", "Toteutuu")
    doc.finish_save(write_snapshot(doc.snapshot()))
    assert load(path).review.review_extra["notes"] == doc.review.review_extra["notes"]
    assert load(path).review.goal("liikkeelle").status_in("Q3") == "Toteutuu"
