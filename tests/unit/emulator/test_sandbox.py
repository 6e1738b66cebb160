"""Sandbox mode: the staging token gate on everything the app itself sends."""

from __future__ import annotations

import pytest
import requests

from qonto_desktop.emulator import Emulator
from tests.support.emulator_flow import (
    TIMEOUT,
    VERIFIER,
    api_get,
    api_request,
    auth_params,
    authorize,
    get_code,
    redirect_params,
    token_form,
)

HEADER = "X-Qonto-Staging-Token"


def token_request(sandbox: Emulator, headers: dict[str, str]) -> requests.Response:
    client = sandbox.public_client
    form = token_form(
        client,
        grant_type="authorization_code",
        code=get_code(sandbox, client),
        redirect_uri=client.redirect_uris[0],
        code_verifier=VERIFIER,
    )
    return requests.post(sandbox.token_url, data=form, headers=headers, timeout=TIMEOUT)


def assert_sign_in_page(response: requests.Response) -> None:
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/html")
    assert "Sign in" in response.text


def test_a_staging_token_is_generated(sandbox: Emulator) -> None:
    assert sandbox.staging_token
    assert len(sandbox.staging_token) >= 24
    assert Emulator(sandbox=True).staging_token != sandbox.staging_token
    assert Emulator().staging_token is None


@pytest.mark.parametrize("headers", [{}, {HEADER: "wrong"}, {HEADER: ""}])
def test_token_endpoint_without_the_header_answers_a_sign_in_page(
    sandbox: Emulator, headers: dict[str, str]
) -> None:
    assert_sign_in_page(token_request(sandbox, headers))


def test_token_endpoint_with_the_header_answers_json(sandbox: Emulator) -> None:
    assert sandbox.staging_token is not None
    response = token_request(sandbox, {HEADER: sandbox.staging_token})
    assert response.status_code == 200
    tokens = response.json()
    assert_sign_in_page(api_get(sandbox, "/v2/organization", tokens["access_token"]))
    api = api_request(
        sandbox,
        "/v2/organization",
        tokens["access_token"],
        headers={HEADER: sandbox.staging_token},
    )
    assert api.json()["organization"]["id"] == sandbox.organizations[0].id


def test_revoke_and_consents_are_gated(sandbox: Emulator) -> None:
    form = token_form(sandbox.public_client, token="ory_at_x")
    assert_sign_in_page(requests.post(sandbox.revoke_url, data=form, timeout=TIMEOUT))
    assert_sign_in_page(
        requests.delete(sandbox.api_base_url + "/v2/oauth2/consents", timeout=TIMEOUT)
    )


def test_browser_leg_needs_no_header(sandbox: Emulator) -> None:
    response = authorize(sandbox, auth_params(sandbox.public_client))
    assert redirect_params(response)["code"]


def test_explicit_staging_token_is_used() -> None:
    with Emulator(sandbox=True, staging_token="given-token") as emulator:
        assert emulator.staging_token == "given-token"
        response = requests.get(
            emulator.api_base_url + "/v2/organization",
            headers={HEADER: "given-token"},
            timeout=TIMEOUT,
        )
        assert response.status_code == 401


def test_the_sign_in_can_be_a_redirect_to_onelogin(sandbox: Emulator) -> None:
    """https://docs.qonto.com/guides/developer-portal/sandbox-access: a 302 to OneLogin."""
    sandbox.sign_in_redirects = True
    response = requests.post(
        sandbox.token_url, data={"grant_type": "refresh_token"}, allow_redirects=False, timeout=10
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "https://qonto.onelogin.com/login"
