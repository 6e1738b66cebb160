"""The ID token as Hydra issues it: RS256 under the published key, standard claims only."""

from __future__ import annotations

import pytest
import requests
from joserfc import jwt
from joserfc.errors import BadSignatureError
from joserfc.jwk import KeySet, RSAKey

from qonto_desktop.emulator import Emulator, ManualClock
from qonto_desktop.emulator.idtoken import at_hash
from tests.support.emulator_flow import TIMEOUT, connect, refresh

# OpenID Connect Core §2 and the claims Hydra adds (rat); nothing about the person.
ALLOWED_CLAIMS = {"iss", "sub", "aud", "exp", "iat", "auth_time", "rat", "at_hash", "jti", "nonce"}
PERSONAL_CLAIMS = {"name", "given_name", "family_name", "email", "email_verified", "phone_number"}


def published_keys(emulator: Emulator) -> KeySet:
    response = requests.get(emulator.jwks_url, timeout=TIMEOUT)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    return KeySet.import_key_set(response.json())


def test_the_jwks_publishes_one_public_rsa_signing_key(emulator: Emulator) -> None:
    body = requests.get(emulator.jwks_url, timeout=TIMEOUT).json()
    (key,) = body["keys"]
    assert (key["kty"], key["alg"], key["use"]) == ("RSA", "RS256", "sig")
    assert key["kid"].startswith("public:")
    assert {"d", "p", "q", "dp", "dq", "qi"}.isdisjoint(key)  # no private part


def test_the_id_token_verifies_with_the_published_key(emulator: Emulator) -> None:
    answer = connect(emulator, emulator.public_client, nonce="n-0S6_WzA2Mj")
    token = jwt.decode(answer["id_token"], published_keys(emulator), algorithms=["RS256"])
    assert token.header["alg"] == "RS256"
    assert token.header["kid"] == published_keys(emulator).keys[0].kid
    assert token.claims["at_hash"] == at_hash(answer["access_token"])
    assert token.claims["nonce"] == "n-0S6_WzA2Mj"


def test_the_id_token_does_not_verify_with_another_key(emulator: Emulator) -> None:
    answer = connect(emulator, emulator.public_client)
    other = RSAKey.generate_key(2048, parameters={"alg": "RS256"}, private=True)
    with pytest.raises(BadSignatureError):
        jwt.decode(answer["id_token"], other, algorithms=["RS256"])


def test_claims_are_the_standard_ones_and_name_nobody(
    emulator: Emulator, clock: ManualClock
) -> None:
    answer = connect(emulator, emulator.confidential_client)
    claims = jwt.decode(answer["id_token"], published_keys(emulator), algorithms=["RS256"]).claims
    assert set(claims) <= ALLOWED_CLAIMS
    assert not PERSONAL_CLAIMS & set(claims)
    assert claims["iss"] == emulator.base_url
    assert claims["sub"] == emulator.user.id
    assert claims["aud"] == [emulator.confidential_client.client_id]
    assert claims["iat"] == claims["auth_time"] == int(clock.now())
    assert claims["exp"] == int(clock.now()) + 3600
    assert "nonce" not in claims  # none was sent


def test_a_refresh_issues_an_id_token_under_the_same_key(emulator: Emulator) -> None:
    client = emulator.public_client
    first = connect(emulator, client)
    second = refresh(emulator, client, first["refresh_token"]).json()
    claims = jwt.decode(second["id_token"], published_keys(emulator), algorithms=["RS256"]).claims
    assert claims["sub"] == emulator.user.id
    assert claims["at_hash"] == at_hash(second["access_token"])


def test_each_emulator_signs_with_its_own_key(emulator: Emulator, clock: ManualClock) -> None:
    with Emulator(clock=clock) as other:
        mine, theirs = published_keys(emulator).keys[0], published_keys(other).keys[0]
        assert mine.kid != theirs.kid
        assert mine.as_dict()["n"] != theirs.as_dict()["n"]


def test_discovery_points_to_the_jwks(emulator: Emulator) -> None:
    response = requests.get(
        emulator.base_url + "/.well-known/openid-configuration", timeout=TIMEOUT
    )
    metadata = response.json()
    assert metadata["issuer"] == emulator.base_url
    assert metadata["jwks_uri"] == emulator.jwks_url
    assert metadata["token_endpoint"] == emulator.token_url
    assert metadata["id_token_signing_alg_values_supported"] == ["RS256"]


def test_the_jwks_asks_for_the_staging_token_in_sandbox_mode(sandbox: Emulator) -> None:
    response = requests.get(sandbox.jwks_url, timeout=TIMEOUT)
    assert response.headers["Content-Type"].startswith("text/html")
    staged = requests.get(
        sandbox.jwks_url,
        headers={"X-Qonto-Staging-Token": sandbox.staging_token},
        timeout=TIMEOUT,
    )
    assert staged.json()["keys"]
