"""The whole browser leg with real parts: headless Chromium, the emulator, the loopback receiver."""

from __future__ import annotations

import logging
from collections.abc import Callable
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import pytest
import requests

from qonto_desktop.emulator import Emulator
from qonto_desktop.oauth.authorize import authorize
from qonto_desktop.oauth.errors import AccessDeniedError
from qonto_desktop.oauth.flow import AuthorizationRequest, PendingAuthorization
from qonto_desktop.oauth.loopback import Receiver
from qonto_desktop.oauth.tokens import ClientCredentials, Issuer, TokenClient
from qonto_desktop.qonto import environments
from qonto_desktop.qonto.api import QontoApi
from qonto_desktop.qonto.authorization import authorization_parameters
from tests.support.chromium import HeadlessChromium

pytestmark = pytest.mark.browser

SCOPES = ("openid", "offline_access", "organization.read", "membership.read")


def _request(emulator: Emulator, organization_id: str | None = None) -> AuthorizationRequest:
    return AuthorizationRequest(
        authorize_url=emulator.authorize_url,
        client_id=emulator.public_client.client_id,
        redirect_uri="http://127.0.0.1:0/callback",
        scopes=SCOPES,
        extra=authorization_parameters(organization_id, None),
    )


def _tokens(emulator: Emulator) -> TokenClient:
    client = emulator.public_client
    return TokenClient(
        token_url=emulator.token_url,
        revoke_url=emulator.revoke_url,
        credentials=ClientCredentials(client.client_id, client.client_secret),
        id_issuer=Issuer(emulator.base_url, emulator.jwks_url),
    )


def _register(emulator: Emulator) -> Callable[[Receiver, PendingAuthorization], None]:
    def on_waiting(receiver: Receiver, pending: PendingAuthorization) -> None:
        emulator.register_redirect_uri(receiver.redirect_uri)

    return on_waiting


def test_browser_connects_and_the_api_accepts_the_token(
    emulator: Emulator, chromium: HeadlessChromium
) -> None:
    tokens = authorize(
        _request(emulator), _tokens(emulator), chromium.open, on_waiting=_register(emulator)
    )
    assert tokens.access_token.startswith("ory_at_")
    assert tokens.refresh_token is not None
    assert set(tokens.scopes) == set(SCOPES)
    assert tokens.id_claims is not None  # verified against the emulator's published key
    assert tokens.id_claims["sub"] == emulator.user.id
    assert tokens.id_claims["nonce"]  # the one this sign-in sent, checked
    environment = environments.emulator(emulator.base_url)
    organization = QontoApi(environment, tokens.access_token).organization()
    assert organization.name in {org.name for org in emulator.organizations}
    assert organization.bank_accounts
    # The page the browser ended on is the receiver's success page, not an error.
    assert "Qonto Desktop" in chromium.last_page()


def test_deny_in_the_browser_is_access_denied(
    emulator: Emulator, chromium: HeadlessChromium
) -> None:
    emulator.consent_mode = "deny"
    with pytest.raises(AccessDeniedError) as caught:
        authorize(
            _request(emulator), _tokens(emulator), chromium.open, on_waiting=_register(emulator)
        )
    assert caught.value.oauth_error == "access_denied"
    assert "Approve" in caught.value.next_action


def test_a_wrong_state_is_shown_and_the_genuine_answer_still_completes(
    emulator: Emulator, chromium: HeadlessChromium
) -> None:
    wrong_pages: list[str] = []

    def open_forged_then_genuine(url: str) -> bool:
        parts = urlsplit(url)
        query = {key: values[0] for key, values in parse_qs(parts.query).items()}
        forged = urlunsplit(parts._replace(query=urlencode({**query, "state": "forged-state-1"})))
        chromium.open(forged)
        wrong_pages.append(chromium.last_page())
        return chromium.open(url)

    tokens = authorize(
        _request(emulator),
        _tokens(emulator),
        open_forged_then_genuine,
        on_waiting=_register(emulator),
    )
    assert tokens.access_token
    assert wrong_pages
    assert "does not belong" in wrong_pages[0]


def test_organization_id_fixes_the_organization(
    emulator: Emulator, chromium: HeadlessChromium
) -> None:
    wanted = emulator.organizations[1]
    tokens = authorize(
        _request(emulator, organization_id=wanted.id),
        _tokens(emulator),
        chromium.open,
        on_waiting=_register(emulator),
    )
    environment = environments.emulator(emulator.base_url)
    organization = QontoApi(environment, tokens.access_token).organization()
    assert organization.id == wanted.id
    assert organization.name == wanted.name


def test_the_emulator_api_refuses_a_token_it_did_not_issue(emulator: Emulator) -> None:
    response = requests.get(
        f"{emulator.base_url}/v2/organization",
        headers={"Authorization": "Bearer ory_at_made-up"},
        timeout=10,
    )
    assert response.status_code == 401


def test_no_secret_reaches_the_logs(
    emulator: Emulator, chromium: HeadlessChromium, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    seen: list[PendingAuthorization] = []

    def on_waiting(receiver: Receiver, pending: PendingAuthorization) -> None:
        emulator.register_redirect_uri(receiver.redirect_uri)
        seen.append(pending)

    tokens = authorize(_request(emulator), _tokens(emulator), chromium.open, on_waiting=on_waiting)
    QontoApi(environments.emulator(emulator.base_url), tokens.access_token).organization()
    pending = seen[0]
    secrets = {
        "access token": tokens.access_token,
        "refresh token": tokens.refresh_token or "",
        "state": pending.state,
        "code verifier": pending.code_verifier,
        "authorize query": urlsplit(pending.url).query,
    }
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert caplog.records  # the flow does log; it must only leave secrets out
    leaked = [name for name, value in secrets.items() if value and value in text]
    assert not leaked
    assert "ory_ac_" not in text  # no authorization code either
