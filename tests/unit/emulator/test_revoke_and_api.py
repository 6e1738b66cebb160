"""``POST /oauth2/revoke`` (RFC 7009) and the Business API calls."""

from __future__ import annotations

import pytest
import requests

from qonto_desktop.emulator import Emulator, ManualClock
from tests.support.emulator_flow import (
    TIMEOUT,
    api_get,
    api_request,
    connect,
    refresh,
    token_form,
)


def revoke(emulator: Emulator, form: dict[str, str]) -> requests.Response:
    return requests.post(emulator.revoke_url, data=form, timeout=TIMEOUT)


@pytest.mark.parametrize("which", ["access_token", "refresh_token"])
@pytest.mark.parametrize("kind", ["public", "confidential"])
def test_revoking_either_token_kills_both(emulator: Emulator, which: str, kind: str) -> None:
    client = getattr(emulator, f"{kind}_client")
    tokens = connect(emulator, client)
    response = revoke(emulator, token_form(client, token=tokens[which], token_type_hint=which))
    assert response.status_code == 200
    assert api_get(emulator, "/v2/organization", tokens["access_token"]).status_code == 401
    assert refresh(emulator, client, tokens["refresh_token"]).json()["error"] == "invalid_grant"


def test_revoking_an_unknown_token_answers_200(emulator: Emulator) -> None:
    form = token_form(emulator.public_client, token="ory_at_unknown")
    assert revoke(emulator, form).status_code == 200


def test_revoke_needs_client_authentication(emulator: Emulator) -> None:
    client = emulator.confidential_client
    tokens = connect(emulator, client)
    form = token_form(client, token=tokens["access_token"], client_secret="wrong")
    response = revoke(emulator, form)
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"
    assert api_get(emulator, "/v2/organization", tokens["access_token"]).status_code == 200


def test_revoking_another_clients_token_is_refused(emulator: Emulator) -> None:
    tokens = connect(emulator, emulator.public_client)
    form = token_form(emulator.confidential_client, token=tokens["access_token"])
    response = revoke(emulator, form)
    assert response.status_code == 400
    assert response.json()["error"] == "unauthorized_client"
    assert api_get(emulator, "/v2/organization", tokens["access_token"]).status_code == 200


def test_revoke_without_token_is_invalid_request(emulator: Emulator) -> None:
    response = revoke(emulator, token_form(emulator.public_client))
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"


def test_organization_answer(emulator: Emulator) -> None:
    tokens = connect(emulator, emulator.public_client)
    response = api_get(emulator, "/v2/organization", tokens["access_token"])
    assert response.status_code == 200
    organization = response.json()["organization"]
    seeded = emulator.organizations[0]
    assert organization["id"] == seeded.id
    assert organization["legal_number"] == seeded.legal_number
    assert [a["iban"] for a in organization["bank_accounts"]] == [
        a.iban for a in seeded.bank_accounts
    ]


def test_membership_answer(emulator: Emulator) -> None:
    tokens = connect(emulator, emulator.public_client)
    response = api_get(emulator, "/v2/membership", tokens["access_token"])
    assert response.status_code == 200
    membership = response.json()["membership"]
    assert set(membership) >= {"id", "first_name", "last_name", "email", "role", "team_id"}
    assert membership["role"] == "accountant"
    assert membership["status"] == "active"
    assert membership["id"] == emulator.organizations[0].membership_id


def unauthorized(response: requests.Response) -> None:
    assert response.status_code == 401
    errors = response.json()["errors"]
    assert errors[0]["code"] == "unauthorized"
    assert errors[0]["detail"]


@pytest.mark.parametrize("path", ["/v2/organization", "/v2/membership"])
def test_missing_or_unknown_token_is_401(emulator: Emulator, path: str) -> None:
    unauthorized(api_get(emulator, path, None))
    unauthorized(api_get(emulator, path, "ory_at_unknown"))
    unauthorized(api_request(emulator, path, None, headers={"Authorization": "Basic eDp5"}))


def test_expired_access_token_is_401(emulator: Emulator, clock: ManualClock) -> None:
    tokens = connect(emulator, emulator.public_client)
    clock.advance(3599)
    assert api_get(emulator, "/v2/organization", tokens["access_token"]).status_code == 200
    clock.advance(1)
    unauthorized(api_get(emulator, "/v2/organization", tokens["access_token"]))


def test_access_token_rotated_away_is_401(emulator: Emulator) -> None:
    client = emulator.public_client
    tokens = connect(emulator, client)
    renewed = refresh(emulator, client, tokens["refresh_token"]).json()
    unauthorized(api_get(emulator, "/v2/organization", tokens["access_token"]))
    assert api_get(emulator, "/v2/organization", renewed["access_token"]).status_code == 200


@pytest.mark.parametrize(
    ("path", "scope"),
    [("/v2/organization", "membership.read"), ("/v2/membership", "organization.read")],
)
def test_missing_scope_is_403(emulator: Emulator, path: str, scope: str) -> None:
    tokens = connect(emulator, emulator.public_client, scope=f"openid {scope}")
    response = api_get(emulator, path, tokens["access_token"])
    assert response.status_code == 403
    body = response.json()
    assert body["errors"] == [{"code": "forbidden", "detail": "missing required oauth scope"}]
    # https://docs.qonto.com/api-reference/business-api/introduction/errors: with a trace_id
    assert isinstance(body["trace_id"], str)
    assert body["trace_id"]


def test_bearer_scheme_is_case_insensitive(emulator: Emulator) -> None:
    tokens = connect(emulator, emulator.public_client)
    headers = {"Authorization": f"bearer {tokens['access_token']}"}
    response = api_request(emulator, "/v2/organization", None, headers=headers)
    assert response.status_code == 200


def delete_consents(emulator: Emulator, token: str) -> requests.Response:
    return api_request(emulator, "/v2/oauth2/consents", token, method="DELETE")


def test_deleting_consents_needs_organization_read(emulator: Emulator) -> None:
    """https://docs.qonto.com/api-reference/business-api/authentication/oauth2/revoke-oauth-consents
    documents the scope ``organization.read``; without it the consent stays."""
    tokens = connect(emulator, emulator.public_client, scope="openid membership.read")
    response = delete_consents(emulator, tokens["access_token"])
    assert response.status_code == 403
    assert response.json()["errors"][0]["detail"] == "missing required oauth scope"
    assert api_get(emulator, "/v2/membership", tokens["access_token"]).status_code == 200


def test_deleting_consents_revokes_that_organization_only(emulator: Emulator) -> None:
    client = emulator.public_client
    first = connect(emulator, client)
    again = connect(emulator, client)
    other_org = connect(emulator, client, organization_id=emulator.organizations[1].id)
    other_client = connect(emulator, emulator.confidential_client)
    response = delete_consents(emulator, first["access_token"])
    assert response.status_code == 204
    assert response.content == b""
    for gone in (first, again):
        unauthorized(api_get(emulator, "/v2/organization", gone["access_token"]))
        assert refresh(emulator, client, gone["refresh_token"]).status_code == 400
    for kept in (other_org, other_client):
        assert api_get(emulator, "/v2/organization", kept["access_token"]).status_code == 200
    unauthorized(delete_consents(emulator, first["access_token"]))


def test_unknown_paths_are_404_json(emulator: Emulator) -> None:
    for path in ("/v2/cards", "/v2/transactions/x/labels", "/", "/oauth2/tokens"):
        response = requests.get(emulator.base_url + path, timeout=TIMEOUT)
        assert response.status_code == 404
        assert response.json()["errors"][0]["code"] == "not_found"


def test_wrong_method_on_api_path_is_405(emulator: Emulator) -> None:
    tokens = connect(emulator, emulator.public_client)
    response = api_request(emulator, "/v2/organization", tokens["access_token"], method="POST")
    assert response.status_code == 405
