"""A goal written directly (goaltui.files.goal_text) is the very text tomli-w gives.

The canonical layout is defined as tomli-w's output (docs/format.md); saves write most goals
without tomli-w, so for any table the direct text must be tomli-w's byte for byte, or the
writer must hand the goal to tomli-w.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from goaltui.files import canonical
from goaltui.files.goal_text import goal_text, key_text, string_text
from goaltui.files.loading import load

DATA = Path(__file__).resolve().parent.parent / "data"

_PIECES = ["\n", '"', "\\", '"""', "'''", "\t", " ", "ä", "😀", "\x00", "\x7f", "\x1b", "\r"]
_PIECES += ["\r\n", "\u2028", "\x85", "[[goals]]", "\n[[goals]]\n", "=", "{}", "#", "é" * 90]
texts = st.lists(st.one_of(st.text(max_size=8), st.sampled_from(_PIECES)), max_size=5).map("".join)
keys = st.one_of(st.from_regex(r"[A-Za-z0-9_-]{1,8}", fullmatch=True), texts)
scalars = st.one_of(
    texts,
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.times(),
    st.datetimes(timezones=st.none() | st.just(dt.UTC)),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(keys, inner, max_size=4),
        st.lists(st.dictionaries(keys, inner, max_size=3), min_size=1, max_size=3),
    ),
    max_leaves=12,
)
plain_scalars = st.one_of(texts, st.integers(), st.booleans())
plain_values = st.recursive(
    plain_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(keys, inner, max_size=3)),
    max_leaves=10,
)


@st.composite
def goal_tables(draw, leaves=values) -> dict:
    table = {"id": draw(texts), "objective": draw(texts)}
    table.update(draw(st.dictionaries(keys, leaves, max_size=6)))
    return table


@given(goal_tables())
def test_a_goal_written_directly_is_what_tomli_w_writes(table):
    written = goal_text(table)
    assert written is None or written == canonical.goal_chunk(table)


@given(goal_tables(plain_values))
def test_text_numbers_arrays_and_tables_are_all_written_directly(table):
    assert goal_text(table) == canonical.goal_chunk(table)


@given(texts)
def test_a_string_is_written_as_tomli_w_writes_it(text):
    assert f"x = {string_text(text)}\n" == tomli_w.dumps({"x": text}, multiline_strings=True)


@given(keys)
def test_a_key_is_written_as_tomli_w_writes_it(key):
    assert f"{key_text(key)} = 1\n" == tomli_w.dumps({key: 1})


def test_an_array_of_tables_is_inline_exactly_while_each_fits_on_a_line():
    for length in range(70, 100):
        short = {"indicators": [{"id": "a", "name": "n" * length}, {"id": "b", "name": "m"}]}
        table = {"id": "g", "objective": "o", **short}
        assert goal_text(table) == canonical.goal_chunk(table)
    assert "[[goals.indicators]]" in canonical.goal_chunk(table)  # the long ones are tables


@pytest.mark.parametrize("source", sorted(DATA.glob("*.toml")), ids=lambda p: p.name)
def test_the_bundled_reviews_are_written_as_tomli_w_writes_them(source):
    review = load(source).review
    document = canonical.to_document(review)
    assert canonical.render(review, source) == tomli_w.dumps(document, multiline_strings=True)
    tables = [canonical.goal_data(goal) for goal in review.goals]
    assert all(goal_text(table) is not None for table in tables)  # none left to tomli-w


def test_every_character_is_written_as_tomli_w_writes_it():
    """Alone, and in a string of several lines: the escapes depend on the character only."""
    for code in [*range(0x800), *range(0xD7F0, 0xD800), *range(0xE000, 0xE010), 0x10FFFF]:
        char = chr(code)
        for text in (char, f"a{char}b", f"a\n{char}", f"{char}\n", f"\r\n{char}"):
            expected = tomli_w.dumps({"x": text}, multiline_strings=True)
            assert f"x = {string_text(text)}\n" == expected, repr(text)
