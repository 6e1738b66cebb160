"""Checking a token answer (RFC 6749 §5.1)."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from qonto_desktop.oauth.errors import ResponseFormatError
from qonto_desktop.oauth.tokenset import TokenSet, token_set

REQUESTED = ("openid", "offline_access", "organization.read")
NOW = 1_700_000_000.0


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def jwt(claims: object) -> str:
    header = b64url(json.dumps({"alg": "RS256", "typ": "JWT"}).encode())
    return f"{header}.{b64url(json.dumps(claims).encode())}.c2lnbmF0dXJl"


def answer(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "access_token": "ory_at_access",
        "expires_in": 3600,
        "refresh_token": "ory_rt_refresh",
        "scope": "offline_access organization.read",
        "token_type": "bearer",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not ...}


def test_token_set_of_a_good_answer() -> None:
    result = token_set(answer(), REQUESTED, NOW)
    assert result == TokenSet(
        access_token="ory_at_access",
        token_type="bearer",
        expires_at=NOW + 3600,
        scopes=("offline_access", "organization.read"),
        refresh_token="ory_rt_refresh",
        id_claims=None,
        issued_at=NOW,
    )


@pytest.mark.parametrize("token_type", ["Bearer", "BEARER", "bearer"])
def test_token_type_is_case_insensitive(token_type: str) -> None:
    assert token_set(answer(token_type=token_type), REQUESTED, NOW).token_type == ("bearer")


def test_expiry_counts_from_now() -> None:
    result = token_set(answer(expires_in=1), REQUESTED, 5.5)
    assert result.expires_at == 6.5
    assert result.issued_at == 5.5


def test_refresh_token_is_optional() -> None:
    assert token_set(answer(refresh_token=...), REQUESTED, NOW).refresh_token is None


def test_missing_scope_means_the_requested_scopes() -> None:
    assert token_set(answer(scope=...), REQUESTED, NOW).scopes == REQUESTED


def test_scope_is_split_on_any_whitespace() -> None:
    result = token_set(answer(scope="  openid\torganization.read  x "), REQUESTED, NOW)
    assert result.scopes == ("openid", "organization.read", "x")


@pytest.mark.parametrize(
    "changes",
    [
        {"access_token": ...},
        {"access_token": ""},
        {"access_token": None},
        {"access_token": 123},
        {"token_type": ...},
        {"token_type": "mac"},
        {"token_type": "DPoP"},
        {"token_type": None},
        {"expires_in": ...},
        {"expires_in": 0},
        {"expires_in": -1},
        {"expires_in": 3600.0},
        {"expires_in": 3600.5},
        {"expires_in": True},
        {"expires_in": "3600"},
        {"expires_in": None},
        {"refresh_token": ""},
        {"refresh_token": 42},
        {"refresh_token": ["rt"]},
        {"scope": ["openid"]},
        {"scope": 1},
    ],
    ids=repr,
)
def test_token_set_refuses_a_bad_answer(changes: dict[str, Any]) -> None:
    with pytest.raises(ResponseFormatError) as caught:
        token_set(answer(**changes), REQUESTED, NOW)
    assert caught.value.detail  # says which field


def test_the_id_token_is_kept_as_received_and_not_read() -> None:
    """Reading claims waits for the verification against the issuer's keys (oauth.id_token)."""
    token = jwt({"sub": "user-1", "aud": "other-app"})
    result = token_set(answer(id_token=token), REQUESTED, NOW)
    assert result.id_token == token
    assert result.id_claims is None
    assert token not in repr(result)


@pytest.mark.parametrize("id_token", ["", 42, ["a.b.c"]])
def test_an_id_token_that_is_not_text_is_refused(id_token: object) -> None:
    with pytest.raises(ResponseFormatError):
        token_set(answer(id_token=id_token), REQUESTED, NOW)


def test_token_set_repr_hides_the_tokens() -> None:
    result = token_set(answer(), REQUESTED, NOW)
    text = repr(result)
    assert "ory_at_access" not in text
    assert "ory_rt_refresh" not in text
    assert "organization.read" in text
