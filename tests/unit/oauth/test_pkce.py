"""PKCE and state: RFC 7636's own test vector, lengths, alphabet, freshness, refusals."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from qonto_desktop.oauth import pkce

# RFC 7636 §4.1: unreserved characters only.
UNRESERVED = re.compile(r"[A-Za-z0-9\-._~]+")


def s256(verifier: str) -> str:
    """RFC 7636 §4.2, computed here without the code under test."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def test_challenge_matches_rfc_7636_appendix_b() -> None:
    # The pair printed in RFC 7636 Appendix B.
    verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    assert pkce.challenge(verifier) == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"


def test_challenge_of_fresh_verifiers_is_their_s256() -> None:
    for _ in range(20):
        verifier = pkce.new_verifier()
        assert pkce.challenge(verifier) == s256(verifier)


def test_new_verifier_is_43_to_128_unreserved_characters() -> None:
    for _ in range(50):
        verifier = pkce.new_verifier()
        assert 43 <= len(verifier) <= 128
        assert UNRESERVED.fullmatch(verifier)


def test_new_verifiers_differ() -> None:
    verifiers = {pkce.new_verifier() for _ in range(100)}
    assert len(verifiers) == 100


def test_new_state_carries_32_random_bytes() -> None:
    state = pkce.new_state()
    assert len(state) >= 43  # 32 bytes in unpadded base64url
    assert UNRESERVED.fullmatch(state)
    decoded = base64.urlsafe_b64decode(state + "=" * (-len(state) % 4))
    assert len(decoded) >= 32


def test_new_states_differ() -> None:
    states = {pkce.new_state() for _ in range(100)}
    assert len(states) == 100


@pytest.mark.parametrize("length", [43, 128])
def test_challenge_accepts_the_length_limits(length: int) -> None:
    verifier = ("aZ0-._~" * 20)[:length]
    assert pkce.challenge(verifier) == s256(verifier)


@pytest.mark.parametrize(
    "verifier",
    [
        "",
        "a" * 42,
        "a" * 129,
        "a" * 42 + "+",
        "a" * 42 + "/",
        "a" * 42 + "=",
        "a" * 42 + " ",
        "a" * 42 + "é",
        "a" * 43 + "\n",
    ],
    ids=["empty", "42", "129", "plus", "slash", "equals", "space", "non-ascii", "newline"],
)
def test_challenge_refuses_verifiers_outside_rfc_7636(verifier: str) -> None:
    with pytest.raises(ValueError, match="43-128"):
        pkce.challenge(verifier)
