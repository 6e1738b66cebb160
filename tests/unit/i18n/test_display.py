"""safe_text: no control, bidi or invisible format character survives; length is capped."""

from __future__ import annotations

import string
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qonto_desktop.i18n.display import ELLIPSIS, safe_text

KEPT_FORMAT = {"\u200c", "\u200d"}  # zero-width non-joiner and joiner
BIDI = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)]
ALL_FORMAT = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"]

# Every code point, lone surrogates included (Hypothesis leaves them out by default).
any_text = st.text(st.characters(exclude_categories=()))
limits = st.integers(min_value=1, max_value=60)


def unsafe_characters(text: str) -> list[str]:
    """Characters that must never reach a display: Cc, Cs, Zl, Zp, Cf but ZWJ/ZWNJ."""
    return [
        char
        for char in text
        if unicodedata.category(char) in {"Cc", "Cs", "Zl", "Zp"}
        or (unicodedata.category(char) == "Cf" and char not in KEPT_FORMAT)
    ]


# --- properties -------------------------------------------------------------------------------


@given(any_text, limits)
def test_no_unsafe_character_survives(text: str, limit: int) -> None:
    assert unsafe_characters(safe_text(text, limit=limit)) == []


@given(any_text, limits)
def test_length_is_capped(text: str, limit: int) -> None:
    assert len(safe_text(text, limit=limit)) <= limit


@given(any_text, limits)
def test_idempotent(text: str, limit: int) -> None:
    once = safe_text(text, limit=limit)
    assert safe_text(once, limit=limit) == once


@given(st.text(st.sampled_from(string.printable[:95]), max_size=200))
def test_printable_ascii_within_the_limit_is_unchanged(text: str) -> None:
    assert safe_text(text) == text


@given(any_text, limits)
def test_a_cut_keeps_a_prefix_of_the_whole_text(text: str, limit: int) -> None:
    whole = safe_text(text, limit=10**7)
    cut = safe_text(text, limit=limit)
    if cut == whole:
        assert len(whole) <= limit
    else:
        assert cut.endswith(ELLIPSIS)
        assert whole.startswith(cut[: -len(ELLIPSIS)])


# --- escapes and removals ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Acme\nStatus: connected", "Acme\\nStatus: connected"),
        ("a\r\nb\tc", "a\\r\\nb\\tc"),
        ("\x1b]0;pwned\x07Acme", "\\x1b]0;pwned\\x07Acme"),
        ("\x1b[2J\x1b[1;1H", "\\x1b[2J\\x1b[1;1H"),
        ("\x9b31m red", "\\x9b31m red"),  # C1 CSI, the one-byte escape sequence
        ("del\x7f", "del\\x7f"),
        ("nul\x00", "nul\\x00"),
        ("next\x85line", "next\\x85line"),
        ("line\u2028separator\u2029", "line\\u2028separator\\u2029"),
    ],
)
def test_control_characters_are_escaped_visibly(raw: str, shown: str) -> None:
    assert safe_text(raw) == shown


@pytest.mark.parametrize("mark", BIDI)
def test_bidi_controls_are_removed(mark: str) -> None:
    assert safe_text(f"invoice{mark}fdp.exe") == "invoicefdp.exe"


def test_every_format_character_but_the_joiners_is_removed() -> None:
    removed = [char for char in ALL_FORMAT if char not in KEPT_FORMAT]
    assert len(removed) > 150
    assert safe_text("a" + "".join(removed) + "b", limit=10_000) == "ab"


def test_joiners_are_kept_in_names_and_emoji() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    assert safe_text(family) == family
    assert safe_text(persian) == persian


def test_a_lone_surrogate_becomes_a_replacement_character() -> None:
    shown = safe_text("Acme\ud800")
    assert shown == "Acme\ufffd"
    shown.encode("utf-8")


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, ""),
        (42, "42"),
        (b"Soci\xc3\xa9t\xc3\xa9\n", "Société\\n"),
        (b"\xff", "\ufffd"),
        ("Société Générale — Zoë", "Société Générale — Zoë"),
        ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
    ],
)
def test_other_values(value: object, shown: str) -> None:
    assert safe_text(value) == shown


def test_limit_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        safe_text("x", limit=0)


# --- cutting --------------------------------------------------------------------------------


def test_a_long_argument_is_cut_with_an_ellipsis() -> None:
    shown = safe_text("x" * 100_000)
    assert shown == "x" * 199 + ELLIPSIS


def test_text_at_the_limit_is_not_cut() -> None:
    assert safe_text("x" * 200) == "x" * 200
    assert safe_text("x" * 201) == "x" * 199 + ELLIPSIS


def test_a_combining_sequence_is_never_split() -> None:
    assert safe_text("e\u0301" * 10, limit=6) == "e\u0301" * 2 + ELLIPSIS


def test_an_emoji_sequence_is_never_split() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # five code points
    thumbs = "\U0001f44d\U0001f3fd"  # with a skin-tone modifier
    assert safe_text(family * 3, limit=12) == family * 2 + ELLIPSIS
    assert safe_text(thumbs * 5, limit=6) == thumbs * 2 + ELLIPSIS


def test_a_flag_is_never_split() -> None:
    france = "\U0001f1eb\U0001f1f7"
    assert safe_text(france * 5, limit=6) == france * 2 + ELLIPSIS


def test_hangul_jamo_stay_together() -> None:
    syllable = "\u1112\u1161\u11ab"  # HAN in conjoining jamo
    assert safe_text(syllable * 4, limit=8) == syllable * 2 + ELLIPSIS


def test_an_escape_is_never_split() -> None:
    assert safe_text("ab\x1bcdef", limit=5) == "ab" + ELLIPSIS
    assert safe_text("ab\ncdef", limit=5) == "ab\\n" + ELLIPSIS


def test_stacked_marks_are_bounded_too() -> None:
    zalgo = "Z" + "\u0336" * 10_000 + "algo"
    assert safe_text(zalgo, limit=50) == ELLIPSIS
