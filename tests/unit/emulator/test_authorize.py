"""Every check of ``GET /oauth2/auth``: an error page where nothing may be redirected,
an error redirect otherwise."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
import requests

from qonto_desktop.emulator import Emulator
from qonto_desktop.emulator.authorize import AuthorizationRequest, check_authorization_request
from qonto_desktop.emulator.clients import ClientRegistry
from tests.support.emulator_flow import STATE, TIMEOUT, auth_params, authorize, redirect_params

UNKNOWN_UUID = "00000000-0000-4000-8000-000000000000"


@pytest.fixture
def approving(emulator: Emulator) -> Emulator:
    emulator.consent_mode = "approve"
    return emulator


@pytest.mark.parametrize(
    "overrides",
    [
        {"client_id": None},
        {"client_id": UNKNOWN_UUID},
        {"redirect_uri": None},
        {"redirect_uri": "http://127.0.0.1:52818/callback"},
        {"redirect_uri": "http://127.0.0.1:52817/callback/"},
        {"redirect_uri": "http://127.0.0.1:52817/Callback"},
        {"redirect_uri": "https://evil.example/callback"},
    ],
)
def test_bad_client_or_redirect_uri_shows_a_page_without_redirect(
    approving: Emulator, overrides: dict[str, str | None]
) -> None:
    response = authorize(approving, auth_params(approving.public_client, **overrides))
    assert response.status_code == 400
    assert "Location" not in response.headers
    assert response.headers["Content-Type"].startswith("text/html")


def test_redirect_uri_of_another_client_list_is_not_enough(approving: Emulator) -> None:
    # Both clients share the defaults, but the match is per client and exact.
    client = approving.confidential_client
    params = auth_params(client, redirect_uri="http://LOCALHOST:52817/callback")
    assert authorize(approving, params).status_code == 400


def test_repeated_client_id_shows_a_page(approving: Emulator) -> None:
    client = approving.public_client
    query = urlencode([*auth_params(client).items(), ("client_id", client.client_id)])
    response = requests.get(
        f"{approving.authorize_url}?{query}", allow_redirects=False, timeout=TIMEOUT
    )
    assert response.status_code == 400


def test_repeated_scope_redirects_invalid_request(approving: Emulator) -> None:
    query = urlencode([*auth_params(approving.public_client).items(), ("scope", "openid")])
    response = requests.get(
        f"{approving.authorize_url}?{query}", allow_redirects=False, timeout=TIMEOUT
    )
    assert redirect_params(response)["error"] == "invalid_request"


def _refusal(emulator: Emulator, **overrides: str | None) -> dict[str, str]:
    client = emulator.public_client
    response = authorize(emulator, auth_params(client, **overrides))
    assert response.headers["Location"].startswith(client.redirect_uris[0] + "?")
    params = redirect_params(response)
    assert "code" not in params
    return params


@pytest.mark.parametrize("response_type", ["token", "code id_token", "", None])
def test_response_type_must_be_code(approving: Emulator, response_type: str | None) -> None:
    params = _refusal(approving, response_type=response_type)
    assert params["error"] == "unsupported_response_type"
    assert params["state"] == STATE
    assert params["error_description"]


@pytest.mark.parametrize("state", [None, "", "1234567"])
def test_state_must_have_eight_characters(approving: Emulator, state: str | None) -> None:
    params = _refusal(approving, state=state)
    assert params["error"] == "invalid_state"
    assert "8 characters" in params["error_description"]


def test_state_of_eight_characters_is_enough(approving: Emulator) -> None:
    params = redirect_params(
        authorize(approving, auth_params(approving.public_client, state="12345678"))
    )
    assert params["state"] == "12345678"
    assert params["code"].startswith("ory_ac_")


@pytest.mark.parametrize("scope", [None, "", "   "])
def test_scope_is_required(approving: Emulator, scope: str | None) -> None:
    assert _refusal(approving, scope=scope)["error"] == "invalid_request"


@pytest.mark.parametrize(
    "scope", ["openid beneficiary.trust", "openid request_review.read", "organization.write"]
)
def test_scope_outside_the_client_is_invalid_scope(approving: Emulator, scope: str) -> None:
    params = _refusal(approving, scope=scope)
    assert params["error"] == "invalid_scope"
    bad = scope.rsplit(" ", maxsplit=1)[-1]
    assert params["error_description"] == (
        f"The OAuth 2.0 Client is not allowed to request scope '{bad}'."
    )


def test_public_client_must_send_a_challenge(approving: Emulator) -> None:
    params = _refusal(approving, code_challenge=None, code_challenge_method=None)
    assert params["error"] == "invalid_request"
    assert "code_challenge" in params["error_description"]


def test_confidential_client_may_skip_pkce(approving: Emulator) -> None:
    client = approving.confidential_client
    params = auth_params(client, code_challenge=None, code_challenge_method=None)
    assert redirect_params(authorize(approving, params))["code"]


@pytest.mark.parametrize("method", ["plain", "s256", "", None])
def test_challenge_method_must_be_s256(approving: Emulator, method: str | None) -> None:
    assert _refusal(approving, code_challenge_method=method)["error"] == "invalid_request"


@pytest.mark.parametrize("challenge", ["short", "a" * 44, "+" * 43, ""])
def test_challenge_must_be_43_base64url_characters(approving: Emulator, challenge: str) -> None:
    assert _refusal(approving, code_challenge=challenge)["error"] == "invalid_request"


def test_method_without_challenge_is_refused_for_confidential_client(approving: Emulator) -> None:
    client = approving.confidential_client
    response = authorize(approving, auth_params(client, code_challenge=None))
    assert redirect_params(response)["error"] == "invalid_request"


@pytest.mark.parametrize("name", ["organization_id", "registration_id"])
@pytest.mark.parametrize("value", ["not-a-uuid", "12345", UNKNOWN_UUID[:-1] + "g"])
def test_organization_ids_must_be_uuids(approving: Emulator, name: str, value: str) -> None:
    params = _refusal(approving, **{name: value})
    assert params["error"] == "invalid_request"
    assert "UUID" in params["error_description"]


@pytest.mark.parametrize("name", ["organization_id", "registration_id"])
def test_organization_ids_must_name_the_users_organization(approving: Emulator, name: str) -> None:
    assert _refusal(approving, **{name: UNKNOWN_UUID})["error"] == "invalid_request"


def test_organization_id_is_not_a_registration_id(approving: Emulator) -> None:
    org = approving.organizations[0]
    assert _refusal(approving, registration_id=org.id)["error"] == "invalid_request"


def test_organization_id_and_registration_id_together_are_accepted(approving: Emulator) -> None:
    """Qonto states no rule for both at once: the organization restricted to is the one used."""
    registered = next(o for o in approving.organizations if o.registration_id)
    other = next(o for o in approving.organizations if o.id != registered.id)
    clients = ClientRegistry()
    params = auth_params(
        clients.public, organization_id=other.id, registration_id=registered.registration_id
    )
    request = check_authorization_request(urlencode(params), clients, approving.organizations)
    assert isinstance(request, AuthorizationRequest)
    assert request.organization_id == other.id


def test_user_oauth_flow_is_not_approved_for_demo_clients(approving: Emulator) -> None:
    assert _refusal(approving, identity_type="user")["error"] == "unauthorized_client"
    assert _refusal(approving, identity_type="team")["error"] == "invalid_request"


def test_registered_redirect_uri_with_query_keeps_it(approving: Emulator) -> None:
    uri = "http://127.0.0.1:52817/callback?profile=work"
    approving.register_redirect_uri(uri)
    response = authorize(approving, auth_params(approving.public_client, redirect_uri=uri))
    assert response.headers["Location"].startswith(uri + "&")
    assert redirect_params(response)["profile"] == "work"


def test_post_is_not_the_authorization_endpoint(approving: Emulator) -> None:
    response = requests.post(
        approving.authorize_url,
        data=auth_params(approving.public_client),
        timeout=TIMEOUT,
        allow_redirects=False,
    )
    assert response.status_code == 405
    assert "Location" not in response.headers
