"""The token endpoint's fault matrix, through the emulator's switches: each fault, its typed error.

A genuine code is obtained from the emulator (auto-approve) for each case, then the exchange
meets the fault. Nothing here is mocked: the token client talks HTTP to the emulator.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

from qonto_desktop.emulator import Emulator, Fault
from qonto_desktop.oauth import errors
from qonto_desktop.oauth.callback import parse_query
from qonto_desktop.oauth.errors import OAuthError
from qonto_desktop.oauth.flow import PendingAuthorization, finish
from qonto_desktop.oauth.tokens import ClientCredentials, TokenClient
from qonto_desktop.oauth.tokenset import TokenSet
from qonto_desktop.qonto import environments
from qonto_desktop.qonto import errors as qonto_errors
from qonto_desktop.system.http import NO_RETRY, Sender
from tests.support.approval import approved_code

REDIRECT_URI = "http://127.0.0.1:52817/callback"  # registered by default; nothing listens
SCOPES = ("openid", "offline_access", "organization.read")


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    with Emulator(consent_mode="approve") as running:
        yield running


def _client(emulator: Emulator, **options: object) -> TokenClient:
    client = emulator.confidential_client
    return TokenClient(
        token_url=emulator.token_url,
        revoke_url=emulator.revoke_url,
        credentials=ClientCredentials(client.client_id, client.client_secret),
        sender=Sender(NO_RETRY),
        **options,  # type: ignore[arg-type]
    )


def _approved(emulator: Emulator) -> tuple[PendingAuthorization, str]:
    return approved_code(emulator, SCOPES)


def _exchange(emulator: Emulator, client: TokenClient) -> TokenSet:
    pending, code = _approved(emulator)
    return client.exchange_code(
        code=code,
        redirect_uri=pending.redirect_uri,
        code_verifier=pending.code_verifier,
        requested_scopes=pending.scopes,
    )


FAULTS: list[tuple[str, Fault, type[OAuthError], dict[str, object]]] = [
    ("dropped connection", Fault(drop=True), errors.OutcomeUnknownError, {}),
    ("HTTP 500", Fault(status=500), errors.ServiceUnavailableError, {"status": 500}),
    ("HTTP 503", Fault(status=503), errors.ServiceUnavailableError, {"status": 503}),
    ("HTML with 200", Fault(html=True), errors.ResponseFormatError, {"status": 200}),
    ("malformed JSON", Fault(malformed_json=True), errors.ResponseFormatError, {}),
    ("429", Fault(rate_limited=True), errors.RateLimitedError, {"retry_after": 10.0}),
    ("no access_token", Fault(missing_fields=("access_token",)), errors.ResponseFormatError, {}),
    ("no token_type", Fault(missing_fields=("token_type",)), errors.ResponseFormatError, {}),
    ("no expires_in", Fault(missing_fields=("expires_in",)), errors.ResponseFormatError, {}),
]
RFC_ERRORS: list[tuple[str, type[OAuthError]]] = [
    ("invalid_request", errors.TokenRequestError),
    ("invalid_client", errors.InvalidClientError),
    ("invalid_grant", errors.InvalidGrantError),
    ("unauthorized_client", errors.TokenUnauthorizedClientError),
    ("unsupported_grant_type", errors.UnsupportedGrantTypeError),
    ("invalid_scope", errors.TokenInvalidScopeError),
]


@pytest.mark.parametrize(
    ("fault", "expected", "fields"),
    [case[1:] for case in FAULTS],
    ids=[case[0] for case in FAULTS],
)
def test_each_fault_gives_its_typed_error(
    emulator: Emulator, fault: Fault, expected: type[OAuthError], fields: dict[str, object]
) -> None:
    emulator.faults.set("token", fault)
    with pytest.raises(expected) as caught:
        _exchange(emulator, _client(emulator))
    assert type(caught.value) is expected
    assert caught.value.message
    assert caught.value.next_action
    for name, value in fields.items():
        assert getattr(caught.value, name) == value


def test_a_slow_answer_times_out_as_outcome_unknown(emulator: Emulator) -> None:
    emulator.faults.set("token", Fault(delay=3, times=1))
    with pytest.raises(errors.OutcomeUnknownError):
        _exchange(emulator, _client(emulator, timeout=(5.0, 0.5)))


@pytest.mark.parametrize(("code", "expected"), RFC_ERRORS, ids=[code for code, _ in RFC_ERRORS])
def test_each_rfc_6749_error_gives_its_typed_error(
    emulator: Emulator, code: str, expected: type[OAuthError]
) -> None:
    emulator.faults.set(
        "token", Fault(status=401 if code == "invalid_client" else 400, oauth_error=code)
    )
    with pytest.raises(expected) as caught:
        _exchange(emulator, _client(emulator))
    assert caught.value.oauth_error == code


def test_a_missing_scope_field_means_the_requested_scopes(emulator: Emulator) -> None:
    emulator.faults.set("token", Fault(missing_fields=("scope",)))
    tokens = _exchange(emulator, _client(emulator))
    assert tokens.scopes == SCOPES


def test_a_wrong_secret_is_invalid_client_for_real(emulator: Emulator) -> None:
    client = TokenClient(
        token_url=emulator.token_url,
        revoke_url=emulator.revoke_url,
        credentials=ClientCredentials(emulator.confidential_client.client_id, "not-the-secret"),
    )
    with pytest.raises(errors.InvalidClientError):
        _exchange(emulator, client)


def test_a_code_is_redeemed_once_and_a_replay_revokes_the_grant(emulator: Emulator) -> None:
    pending, code = _approved(emulator)
    client = _client(emulator)
    params = parse_query(f"code={code}&state={pending.state}")
    tokens = finish(pending, params, client)
    with pytest.raises(errors.AlreadyFinishedError):  # the app never sends it twice
        finish(pending, params, client)
    # Sent twice anyway (by another program), Qonto refuses and revokes what it issued.
    with pytest.raises(errors.InvalidGrantError):
        client.exchange_code(
            code=code,
            redirect_uri=pending.redirect_uri,
            code_verifier=pending.code_verifier,
            requested_scopes=pending.scopes,
        )
    answer = requests.get(
        f"{emulator.base_url}/v2/organization",
        headers={"Authorization": f"Bearer {tokens.access_token}"},
        timeout=10,
    )
    assert answer.status_code == 401


def test_sandbox_without_staging_token_says_so(emulator: Emulator) -> None:
    with Emulator(consent_mode="approve", sandbox=True) as sandbox:
        environment = environments.emulator(sandbox.base_url, sandbox=True)
        without = _client(sandbox, html_error=qonto_errors.SandboxStagingTokenError)
        with pytest.raises(qonto_errors.SandboxStagingTokenError):
            _exchange(sandbox, without)
        assert sandbox.staging_token is not None
        staged = _client(
            sandbox,
            html_error=qonto_errors.SandboxStagingTokenError,
            headers=environment.request_headers(sandbox.staging_token),
        )
        tokens = _exchange(sandbox, staged)
        assert tokens.access_token


def test_refresh_rotates_and_revoke_ends_the_grant(emulator: Emulator) -> None:
    client = _client(emulator)
    first = _exchange(emulator, client)
    assert first.refresh_token
    second = client.refresh(first.refresh_token, previous_scopes=SCOPES)
    assert second.refresh_token
    assert second.refresh_token != first.refresh_token
    client.revoke(second.refresh_token, token_type_hint="refresh_token")
    with pytest.raises(errors.InvalidGrantError):
        client.refresh(second.refresh_token, previous_scopes=SCOPES)
