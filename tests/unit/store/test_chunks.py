"""The entry layout: inline or split, sized in UTF-16, reassembled only when whole and current."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qonto_desktop.store import chunks
from qonto_desktop.store.entry_format import DIGEST_CHARS
from qonto_desktop.store.errors import EntryTooLargeError, SecretDamagedError


def round_trip(value: str, budget: int) -> str:
    layout = chunks.lay_out(value, budget, key="k")
    head = chunks.parse_head(layout.head, key="k")
    if head.inline is not None:
        return head.inline
    return chunks.join(head, list(layout.chunks), key="k")


def test_a_value_that_fits_is_inline() -> None:
    value = "x" * 95
    layout = chunks.lay_out(value, 100, key="k")
    assert layout == chunks.Layout("v1:0:" + value, ())


def test_one_character_more_is_split_with_count_and_digest() -> None:
    value = "x" * 96
    layout = chunks.lay_out(value, 100, key="k")
    assert layout.chunks == ("x" * 96,)
    assert layout.head == f"v1:1:{chunks.digest(value)}"
    assert len(chunks.digest(value)) == DIGEST_CHARS


def test_sizes_are_counted_in_utf16_code_units() -> None:
    value = "\U0001f512" * 60  # each takes two UTF-16 code units
    layout = chunks.lay_out(value, 100, key="k")
    assert [len(part) for part in layout.chunks] == [50, 10]
    assert all(chunks.units(part) <= 100 for part in layout.chunks)


@given(value=st.text(max_size=3000), budget=st.integers(min_value=64, max_value=2000))
def test_any_text_round_trips_in_entries_within_the_budget(value: str, budget: int) -> None:
    layout = chunks.lay_out(value, budget, key="k")
    assert all(chunks.units(entry) <= budget for entry in (layout.head, *layout.chunks))
    assert round_trip(value, budget) == value


def test_a_value_needing_too_many_chunks_is_refused() -> None:
    with pytest.raises(EntryTooLargeError, match="too large"):
        chunks.lay_out("x" * (64 * chunks.MAX_CHUNKS + 1), 64, key="k")


@pytest.mark.parametrize(
    "head",
    [
        "",
        "plain value",
        "v2:0:x",
        "v1:x:0123456789abcdef",
        "v1:\u00b2:0123456789abcdef",  # a digit to str.isdigit, not to int()
        "v1:-1:0123456789abcdef",
        "v1:3:short",
        f"v1:{chunks.MAX_CHUNKS + 1}:0123456789abcdef",
    ],
)
def test_a_head_this_app_did_not_write_is_damaged(head: str) -> None:
    with pytest.raises(SecretDamagedError):
        chunks.parse_head(head, key="k")


def test_an_inline_value_may_hold_colons() -> None:
    assert chunks.parse_head("v1:0:a:b:c", key="k").inline == "a:b:c"


def test_a_missing_chunk_is_damage_not_a_shorter_value() -> None:
    layout = chunks.lay_out("y" * 300, 100, key="k")
    head = chunks.parse_head(layout.head, key="k")
    parts: list[str | None] = [layout.chunks[0], None, layout.chunks[2]]
    with pytest.raises(SecretDamagedError, match="incomplete") as caught:
        chunks.join(head, parts, key="k")
    assert caught.value.detail == "chunks missing: [1]"
    with pytest.raises(SecretDamagedError):
        chunks.join(head, list(layout.chunks[:2]), key="k")


def test_a_stale_chunk_fails_the_digest() -> None:
    old = chunks.lay_out("a" * 300, 100, key="k")
    new = chunks.lay_out("b" * 300, 100, key="k")
    head = chunks.parse_head(new.head, key="k")
    parts: list[str | None] = [new.chunks[0], old.chunks[1], new.chunks[2]]
    with pytest.raises(SecretDamagedError) as caught:
        chunks.join(head, parts, key="k")
    assert caught.value.detail == "the chunks do not match the head's digest"
