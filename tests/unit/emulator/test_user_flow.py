"""The User OAuth flow (``identity_type=user``): approval, exclusivity, consent, header rule."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from qonto_desktop.emulator import Emulator
from qonto_desktop.emulator.pages import CONSENT_PATH, LOGIN_PATH, ticked
from tests.support.emulator_flow import (
    TIMEOUT,
    api_request,
    auth_params,
    authorize,
    connect,
    exchange,
    hidden,
    redirect_params,
    refresh,
    token_form,
)

USER_SCOPE = "openid offline_access organization.read membership.read user_organization.read"
HEADER = "X-Qonto-Organization-Id"


def user_connect(emulator: Emulator) -> dict[str, Any]:
    """The whole user flow in approve mode: every organization consented to."""
    return connect(emulator, emulator.user_access_client, identity_type="user", scope=USER_SCOPE)


def call(
    emulator: Emulator, path: str, token: str, organization_id: str | None = None
) -> requests.Response:
    headers = {} if organization_id is None else {HEADER: organization_id}
    return api_request(emulator, path, token, headers=headers)


def refusal(emulator: Emulator, client_kind: str, **overrides: str | None) -> dict[str, str]:
    emulator.consent_mode = "approve"
    client = getattr(emulator, client_kind)
    return redirect_params(authorize(emulator, auth_params(client, **overrides)))


def test_only_the_approved_client_may_use_the_user_flow(emulator: Emulator) -> None:
    for kind in ("public_client", "confidential_client"):
        params = refusal(emulator, kind, identity_type="user", scope="openid")
        assert params["error"] == "unauthorized_client"


def test_the_approved_client_may_not_use_the_per_organization_flow(emulator: Emulator) -> None:
    params = refusal(emulator, "user_access_client")
    assert params["error"] == "unauthorized_client"
    assert "identity_type=user" in params["error_description"]


def test_user_organization_read_is_refused_to_clients_not_approved(emulator: Emulator) -> None:
    params = refusal(emulator, "confidential_client", scope="openid user_organization.read")
    assert params["error"] == "invalid_scope"


def test_one_token_reaches_every_consented_organization_by_header(emulator: Emulator) -> None:
    token = user_connect(emulator)["access_token"]
    for organization in emulator.organizations:
        answer = call(emulator, "/v2/organization", token, organization.id)
        assert answer.status_code == 200, answer.text
        assert answer.json()["organization"]["id"] == organization.id
        assert call(emulator, "/v2/membership", token, organization.id).status_code == 200


@pytest.mark.parametrize("named", [None, "", "0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b"])
def test_a_call_without_a_consented_organization_is_403(
    emulator: Emulator, named: str | None
) -> None:
    token = user_connect(emulator)["access_token"]
    answer = call(emulator, "/v2/organization", token, named)
    assert answer.status_code == 403
    assert HEADER in answer.json()["errors"][0]["detail"]


def test_user_organizations_lists_the_consented_ones(emulator: Emulator) -> None:
    token = user_connect(emulator)["access_token"]
    listed = call(emulator, "/v2/user_organizations", token).json()["organizations"]
    assert [item["id"] for item in listed] == [o.id for o in emulator.organizations]
    first = listed[0]
    organization = emulator.organizations[0]
    assert first["name"] == organization.name
    assert first["legal_name"] == organization.legal_name
    assert first["legal_number"] == organization.legal_number
    assert first["membership_role"] == emulator.user.role


def test_user_organizations_is_403_outside_the_user_flow(emulator: Emulator) -> None:
    token = connect(emulator, emulator.confidential_client)["access_token"]
    assert call(emulator, "/v2/user_organizations", token).status_code == 403


def test_user_organizations_needs_its_scope(emulator: Emulator) -> None:
    answer = connect(emulator, emulator.user_access_client, identity_type="user", scope="openid")
    assert call(emulator, "/v2/user_organizations", answer["access_token"]).status_code == 403


def test_the_consent_page_lets_the_user_tick_several_organizations(emulator: Emulator) -> None:
    client = emulator.user_access_client
    page = authorize(emulator, auth_params(client, identity_type="user", scope=USER_SCOPE))
    challenge = hidden(page.text, "login_challenge")
    form = {
        "login_challenge": challenge,
        "email": emulator.user.email,
        "password": emulator.user.password,
        "action": "sign_in",
    }
    consent = post(emulator, LOGIN_PATH, form)
    for organization in emulator.organizations:
        assert f'name="{ticked(organization.id)}" checked' in consent.text
    chosen = emulator.organizations[1:]
    consent_challenge = hidden(consent.text, "consent_challenge")
    nothing = {"consent_challenge": consent_challenge, "action": "approve"}
    assert "Choose at least one" in post(emulator, CONSENT_PATH, nothing).text
    decision = post(
        emulator,
        CONSENT_PATH,
        {**nothing, **{ticked(o.id): "on" for o in chosen}},
    )
    token = exchange(emulator, client, redirect_params(decision)["code"]).json()["access_token"]
    listed = call(emulator, "/v2/user_organizations", token).json()["organizations"]
    assert [item["id"] for item in listed] == [o.id for o in chosen]
    left_out = emulator.organizations[0].id
    assert call(emulator, "/v2/organization", token, left_out).status_code == 403


def test_refresh_and_revoke_work_for_the_whole_grant(emulator: Emulator) -> None:
    client = emulator.user_access_client
    answer = user_connect(emulator)
    renewed = refresh(emulator, client, answer["refresh_token"]).json()
    for organization in emulator.organizations:
        reached = call(emulator, "/v2/organization", renewed["access_token"], organization.id)
        assert reached.status_code == 200
    form = token_form(client, token=renewed["refresh_token"], token_type_hint="refresh_token")
    assert requests.post(emulator.revoke_url, data=form, timeout=TIMEOUT).status_code == 200
    last = emulator.organizations[-1].id
    assert call(emulator, "/v2/organization", renewed["access_token"], last).status_code == 401


def test_withdrawing_the_consent_names_an_organization(emulator: Emulator) -> None:
    token = user_connect(emulator)["access_token"]
    first = emulator.organizations[0].id
    assert api_request(emulator, "/v2/oauth2/consents", token, method="DELETE").status_code == 403
    withdrawn = api_request(
        emulator, "/v2/oauth2/consents", token, method="DELETE", headers={HEADER: first}
    )
    assert withdrawn.status_code == 204
    assert call(emulator, "/v2/organization", token, first).status_code == 401


def post(emulator: Emulator, path: str, form: dict[str, str]) -> requests.Response:
    return requests.post(
        emulator.base_url + path, data=form, allow_redirects=False, timeout=TIMEOUT
    )
