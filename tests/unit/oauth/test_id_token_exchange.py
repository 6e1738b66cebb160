"""The token client verifies the ID token of a code exchange, and ends a grant it refuses."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from qonto_desktop.emulator import Emulator, Fault
from qonto_desktop.oauth import jwks
from qonto_desktop.oauth.id_token import IdTokenError
from qonto_desktop.oauth.tokens import ClientCredentials, Issuer, TokenClient
from qonto_desktop.oauth.tokenset import TokenSet
from tests.support.emulator_flow import SCOPE, VERIFIER, get_code
from tests.support.issued_tokens import api_accepts

NONCE = "a-nonce-the-sign-in-sent-of-forty-three-chars"


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    with Emulator(consent_mode="approve") as running:
        yield running


def client_of(emulator: Emulator, issuer: str | None = None) -> TokenClient:
    client = emulator.public_client
    return TokenClient(
        token_url=emulator.token_url,
        revoke_url=emulator.revoke_url,
        credentials=ClientCredentials(client.client_id, client.client_secret),
        id_issuer=Issuer(issuer or emulator.base_url, emulator.jwks_url),
    )


def exchange(emulator: Emulator, tokens: TokenClient, nonce: str | None) -> TokenSet:
    client = emulator.public_client
    code = get_code(emulator, client, nonce=NONCE)
    return tokens.exchange_code(
        code=code,
        redirect_uri=client.redirect_uris[0],
        code_verifier=VERIFIER,
        requested_scopes=tuple(SCOPE.split()),
        nonce=nonce,
    )


def test_a_verified_id_token_gives_its_claims(emulator: Emulator) -> None:
    tokens = exchange(emulator, client_of(emulator), NONCE)
    assert tokens.id_claims is not None
    assert tokens.id_claims["sub"] == emulator.user.id
    assert tokens.id_claims["nonce"] == NONCE


@pytest.mark.parametrize(
    ("nonce", "issuer"),
    [("another-sign-in's-nonce", None), (NONCE, "https://another-issuer.example")],
)
def test_a_refused_id_token_raises_and_revokes_the_grant(
    emulator: Emulator, nonce: str, issuer: str | None
) -> None:
    with pytest.raises(IdTokenError) as caught:
        exchange(emulator, client_of(emulator, issuer), nonce)
    assert caught.value.service is None  # no provider named: the generic "the server"
    assert emulator.events["revoked"] == 1
    issued = [s for s in emulator.issued_secrets() if s.startswith("ory_at_")]
    assert issued
    assert not any(api_accepts(emulator, token) for token in issued)


def test_the_key_set_is_fetched_once_for_several_sign_ins(emulator: Emulator) -> None:
    jwks.forget_all()
    tokens = client_of(emulator)
    exchange(emulator, tokens, NONCE)
    emulator.faults.set("jwks", Fault(status=404))  # a second fetch would fail
    assert exchange(emulator, tokens, NONCE).id_claims is not None


def test_the_keys_are_fetched_while_the_user_signs_in(emulator: Emulator) -> None:
    """Fetched ahead, the exchange makes the token request only: a Cancel right after the
    browser came back waits for one answer at most."""
    jwks.forget_all()
    tokens = client_of(emulator)
    tokens.fetch_keys_ahead()
    for thread in threading.enumerate():
        if thread.name == "oauth-keys":
            thread.join(timeout=30)
    emulator.faults.set("jwks", Fault(status=404))  # the exchange must not need to fetch them
    assert exchange(emulator, tokens, NONCE).id_claims is not None


def test_keys_that_cannot_be_fetched_ahead_are_fetched_again_at_the_exchange(
    emulator: Emulator,
) -> None:
    jwks.forget_all()
    tokens = client_of(emulator)
    emulator.faults.set("jwks", Fault(status=503, times=1))
    tokens.fetch_keys_ahead()
    for thread in threading.enumerate():
        if thread.name == "oauth-keys":
            thread.join(timeout=30)
    assert exchange(emulator, tokens, NONCE).id_claims is not None
