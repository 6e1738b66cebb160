"""Verifying an ID token: only RS256 under a published key, and only the claims expected."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from joserfc import jwt
from joserfc.jwk import OctKey, RSAKey

from qonto_desktop.oauth import jwks
from qonto_desktop.oauth.errors import ResponseFormatError
from qonto_desktop.oauth.id_token import LEEWAY, Expected, IdTokenError, verify

ISSUER = "https://issuer.example"
JWKS_URL = ISSUER + "/.well-known/jwks.json"
CLIENT_ID = "my-client"
NONCE = "n-0S6_WzA2Mj-a-nonce-of-forty-three-characters"
NOW = 1_750_000_000.0
EXPECTED = Expected(issuer=ISSUER, client_id=CLIENT_ID, nonce=NONCE, jwks_url=JWKS_URL)


def rsa_key(kid: str) -> RSAKey:
    return RSAKey.generate_key(2048, parameters={"kid": kid, "alg": "RS256"}, private=True)


# One key pair for the whole module: generating RSA keys costs about 60 ms each.
KEY = rsa_key("public:key-1")
OTHER_KEY = rsa_key("public:key-1")  # same id, another key: a forged signature


class Publisher:
    """Plays the issuer's JWKS address: counts fetches, can rotate its keys."""

    def __init__(self, *keys: RSAKey) -> None:
        self.keys = list(keys)
        self.fetches = 0

    def __call__(self, url: str) -> Mapping[str, Any]:
        assert url == JWKS_URL
        self.fetches += 1
        return {"keys": [key.as_dict(private=False) for key in self.keys]}


@pytest.fixture(autouse=True)
def no_kept_keys() -> Iterator[None]:
    jwks.forget_all()
    yield
    jwks.forget_all()


def claims(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "iss": ISSUER,
        "sub": "user-1",
        "aud": [CLIENT_ID],
        "exp": int(NOW) + 3600,
        "iat": int(NOW),
        "auth_time": int(NOW),
        "nonce": NONCE,
    }
    base.update(changes)
    return {name: value for name, value in base.items() if value is not ...}


def signed(key: RSAKey = KEY, kid: str | None = "public:key-1", **changes: Any) -> str:
    header = {"alg": "RS256", "typ": "JWT", **({"kid": kid} if kid is not None else {})}
    return jwt.encode(header, claims(**changes), key, algorithms=["RS256"])


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def refused(token: object, expected: Expected = EXPECTED, now: float = NOW) -> str:
    with pytest.raises(IdTokenError) as caught:
        verify(token, expected, Publisher(KEY), now)
    assert caught.value.detail is not None
    return caught.value.detail


def test_a_good_token_is_accepted_and_its_claims_returned() -> None:
    result = verify(signed(), EXPECTED, Publisher(KEY), NOW)
    assert result["sub"] == "user-1"
    assert result["nonce"] == NONCE


@pytest.mark.parametrize("audience", [CLIENT_ID, ["other-app", CLIENT_ID]])
def test_the_audience_may_be_a_string_or_a_list(audience: str | list[str]) -> None:
    assert verify(signed(aud=audience), EXPECTED, Publisher(KEY), NOW)["aud"] == audience


def test_a_final_slash_on_the_issuer_does_not_matter() -> None:
    assert verify(signed(iss=ISSUER + "/"), EXPECTED, Publisher(KEY), NOW)["iss"] == ISSUER + "/"


def test_without_a_nonce_sent_none_is_asked_for() -> None:
    expected = Expected(issuer=ISSUER, client_id=CLIENT_ID, nonce=None, jwks_url=JWKS_URL)
    assert verify(signed(nonce=...), expected, Publisher(KEY), NOW)["sub"] == "user-1"


def test_a_wrong_signature_is_refused() -> None:
    assert "signature" in refused(signed(key=OTHER_KEY))


def test_a_tampered_payload_is_refused() -> None:
    header, _, signature = signed().split(".")
    forged = b64url(json.dumps(claims(sub="someone-else")).encode())
    assert "signature" in refused(f"{header}.{forged}.{signature}")


def test_a_key_id_the_issuer_does_not_publish_is_refused_after_one_more_fetch() -> None:
    publisher = Publisher(KEY)
    with pytest.raises(IdTokenError) as caught:
        verify(
            signed(key=rsa_key("public:unknown"), kid="public:unknown"), EXPECTED, publisher, NOW
        )
    assert "key" in (caught.value.detail or "")
    assert publisher.fetches == 2  # the kept set, then a fresh one in case of a rotation


def test_alg_none_is_refused() -> None:
    header = b64url(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    payload = b64url(json.dumps(claims()).encode())
    assert "RS256" in refused(f"{header}.{payload}.")


def test_hs256_signed_with_the_public_key_is_refused() -> None:
    """The algorithm confusion attack: the published key used as an HMAC secret."""
    header = b64url(json.dumps({"alg": "HS256", "kid": "public:key-1"}).encode())
    payload = b64url(json.dumps(claims()).encode())
    signing_input = f"{header}.{payload}".encode("ascii")
    secret = KEY.as_pem(private=False)
    mac = hmac.new(secret, signing_input, hashlib.sha256).digest()
    assert "RS256" in refused(f"{header}.{payload}.{b64url(mac)}")


def test_hs256_under_a_shared_secret_is_refused() -> None:
    token = jwt.encode(
        {"alg": "HS256"}, claims(), OctKey.import_key(b"s" * 32), algorithms=["HS256"]
    )
    assert "RS256" in refused(token)


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"iss": "https://evil.example"}, "issuer"),
        ({"iss": ...}, "issuer"),
        ({"aud": "other-app"}, "another app"),
        ({"aud": ["other-app"]}, "another app"),
        ({"aud": ...}, "another app"),
        ({"aud": [CLIENT_ID, "other-app"], "azp": "other-app"}, "another app"),
        ({"exp": int(NOW - LEEWAY) - 1}, "expired"),
        ({"exp": ...}, "expiry"),
        ({"exp": "soon"}, "expiry"),
        ({"iat": int(NOW + LEEWAY) + 60}, "future"),
        ({"iat": True}, "issue time"),
        ({"nonce": "another-sign-in's-nonce"}, "nonce"),
        ({"nonce": ...}, "nonce"),
        ({"sub": ""}, "subject"),
        ({"sub": ...}, "subject"),
        ({"sub": "u" * 256}, "subject"),
        ({"sub": 42}, "subject"),
    ],
    ids=repr,
)
def test_each_wrong_claim_is_refused(changes: dict[str, Any], reason: str) -> None:
    assert reason in refused(signed(**changes))


def test_a_small_clock_difference_is_tolerated() -> None:
    token = signed(iat=int(NOW) + 60, exp=int(NOW) + 3660)
    assert verify(token, EXPECTED, Publisher(KEY), NOW)["sub"] == "user-1"
    assert verify(signed(), EXPECTED, Publisher(KEY), NOW + 3600 + LEEWAY / 2)


@pytest.mark.parametrize("token", [None, 42, "not-a-jwt", "a.b", "a.b.c", "é.é.é"])
def test_what_is_not_a_signed_jwt_is_refused(token: object) -> None:
    refused(token)


def test_the_key_set_is_fetched_once_per_process() -> None:
    publisher = Publisher(KEY)
    verify(signed(), EXPECTED, publisher, NOW)
    verify(signed(), EXPECTED, publisher, NOW)
    assert publisher.fetches == 1


def test_a_rotated_key_is_fetched_when_first_seen() -> None:
    publisher = Publisher(KEY)
    verify(signed(), EXPECTED, publisher, NOW)
    new_key = rsa_key("public:key-2")
    publisher.keys.append(new_key)
    assert verify(signed(key=new_key, kid="public:key-2"), EXPECTED, publisher, NOW)
    assert publisher.fetches == 2


def test_without_a_key_id_only_a_single_published_key_is_used() -> None:
    assert verify(signed(kid=None), EXPECTED, Publisher(KEY), NOW)["sub"] == "user-1"
    jwks.forget_all()
    with pytest.raises(IdTokenError):
        verify(signed(kid=None), EXPECTED, Publisher(KEY, rsa_key("public:key-2")), NOW)


@pytest.mark.parametrize("body", [{"keys": "none"}, {"nothing": []}, {"keys": [{"kty": "??"}]}])
def test_a_key_set_that_cannot_be_read_is_a_format_error(body: dict[str, Any]) -> None:
    with pytest.raises(ResponseFormatError):
        verify(signed(), EXPECTED, lambda url: body, NOW)
