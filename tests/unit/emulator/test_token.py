"""``POST /oauth2/token``: answer shapes, the ID token, and every refusal."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
import requests

from qonto_desktop.emulator import DemoClient, Emulator, ManualClock
from tests.support.emulator_flow import (
    TIMEOUT,
    VERIFIER,
    connect,
    exchange,
    get_code,
    post_token,
    refresh,
    token_form,
)


@pytest.fixture(params=["public", "confidential"])
def client(request: pytest.FixtureRequest, emulator: Emulator) -> DemoClient:
    chosen: DemoClient = getattr(emulator, f"{request.param}_client")
    return chosen


def claims_of(jwt: str) -> dict[str, Any]:
    header, payload, _signature = jwt.split(".")
    assert json.loads(base64.urlsafe_b64decode(header + "=="))["alg"] == "RS256"
    decoded: dict[str, Any] = json.loads(base64.urlsafe_b64decode(payload + "=="))
    return decoded


def test_full_answer_with_openid_and_offline_access(
    emulator: Emulator, client: DemoClient, clock: ManualClock
) -> None:
    response = exchange(emulator, client, get_code(emulator, client))
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Pragma"] == "no-cache"
    assert response.headers["Content-Type"].startswith("application/json")
    answer = response.json()
    assert set(answer) == {
        "access_token",
        "expires_in",
        "refresh_token",
        "id_token",
        "scope",
        "token_type",
    }
    assert answer["access_token"].startswith("ory_at_")
    assert answer["refresh_token"].startswith("ory_rt_")
    assert answer["expires_in"] == 3600
    assert answer["token_type"] == "bearer"
    assert answer["scope"] == "openid offline_access organization.read membership.read"
    claims = claims_of(answer["id_token"])
    user = emulator.user
    assert claims["iss"] == emulator.base_url
    assert claims["sub"] == user.id
    assert claims["aud"] == [client.client_id]
    assert claims["iat"] == int(clock.now())
    assert claims["exp"] == int(clock.now()) + 3600


def test_no_refresh_token_without_offline_access(emulator: Emulator) -> None:
    answer = connect(emulator, emulator.public_client, scope="openid organization.read")
    assert "refresh_token" not in answer
    assert "id_token" in answer


def test_no_id_token_without_openid(emulator: Emulator) -> None:
    answer = connect(emulator, emulator.public_client, scope="offline_access organization.read")
    assert "id_token" not in answer
    assert "refresh_token" in answer


def test_nonce_is_echoed_in_the_id_token(emulator: Emulator) -> None:
    answer = connect(emulator, emulator.public_client, nonce="n-0S6_WzA2Mj")
    assert claims_of(answer["id_token"])["nonce"] == "n-0S6_WzA2Mj"


def test_refresh_answers_a_new_pair(emulator: Emulator, client: DemoClient) -> None:
    first = connect(emulator, client)
    response = refresh(emulator, client, first["refresh_token"])
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    second = response.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert second["access_token"] != first["access_token"]
    assert second["scope"] == first["scope"]
    assert "id_token" in second


def test_refresh_reuse_after_grace_is_invalid_grant(emulator: Emulator, clock: ManualClock) -> None:
    client = emulator.public_client
    first = connect(emulator, client)
    second = refresh(emulator, client, first["refresh_token"]).json()
    clock.advance(30)
    assert refresh(emulator, client, first["refresh_token"]).status_code == 200
    clock.advance(31)
    reused = refresh(emulator, client, first["refresh_token"])
    assert reused.status_code == 400
    assert reused.json()["error"] == "invalid_grant"
    assert refresh(emulator, client, second["refresh_token"]).json()["error"] == "invalid_grant"


def error_of(response: requests.Response, status: int = 400) -> str:
    assert response.status_code == status, response.text
    assert response.headers["Cache-Control"] == "no-store"
    body = response.json()
    assert set(body) == {"error", "error_description", "error_verbose", "status_code"}
    assert body["error_description"]
    assert body["status_code"] == status
    error: str = body["error"]
    return error


def test_second_redemption_is_invalid_grant_and_revokes(emulator: Emulator) -> None:
    client = emulator.public_client
    code = get_code(emulator, client)
    first = exchange(emulator, client, code).json()
    assert error_of(exchange(emulator, client, code)) == "invalid_grant"
    assert error_of(refresh(emulator, client, first["refresh_token"])) == "invalid_grant"


@pytest.mark.parametrize(
    "fields",
    [
        {"redirect_uri": "http://localhost:52817/callback"},
        {"redirect_uri": None},
        {"code_verifier": None},
        {"code_verifier": "A" * 43},
        {"code_verifier": VERIFIER + "*"},
    ],
)
def test_code_exchange_refusals_are_invalid_grant(
    emulator: Emulator, fields: dict[str, str | None]
) -> None:
    client = emulator.public_client
    code = get_code(emulator, client)
    assert error_of(exchange(emulator, client, code, **fields)) == "invalid_grant"


def test_unknown_code_is_invalid_grant(emulator: Emulator) -> None:
    response = exchange(emulator, emulator.public_client, "ory_ac_unknown")
    assert error_of(response) == "invalid_grant"


def test_verifier_without_challenge_is_invalid_grant(emulator: Emulator) -> None:
    client = emulator.confidential_client
    code = get_code(emulator, client, code_challenge=None, code_challenge_method=None)
    assert error_of(exchange(emulator, client, code)) == "invalid_grant"
    assert exchange(emulator, client, code, code_verifier=None).status_code == 200


def test_code_of_the_other_client_is_invalid_grant(emulator: Emulator) -> None:
    code = get_code(emulator, emulator.public_client)
    response = exchange(emulator, emulator.confidential_client, code)
    assert error_of(response) == "invalid_grant"


def test_expired_code_is_invalid_grant(emulator: Emulator, clock: ManualClock) -> None:
    client = emulator.public_client
    code = get_code(emulator, client)
    clock.advance(600)
    assert error_of(exchange(emulator, client, code)) == "invalid_grant"


def test_missing_code_is_invalid_request(emulator: Emulator) -> None:
    client = emulator.public_client
    assert error_of(exchange(emulator, client, "")) == "invalid_request"


@pytest.mark.parametrize(
    "credentials",
    [
        {"client_secret": None},
        {"client_secret": "wrong"},
        {"client_secret": ""},
        {"client_id": "00000000-0000-4000-8000-000000000000"},
        {"client_id": None},
    ],
)
def test_confidential_client_authentication(
    emulator: Emulator, credentials: dict[str, str | None]
) -> None:
    client = emulator.confidential_client
    code = get_code(emulator, client)
    response = exchange(emulator, client, code, **credentials)
    assert error_of(response, 401) == "invalid_client"
    assert exchange(emulator, client, code).status_code == 200  # the code was not spent


def test_public_client_must_not_send_a_secret(emulator: Emulator) -> None:
    client = emulator.public_client
    code = get_code(emulator, client)
    response = exchange(emulator, client, code, client_secret="anything")
    assert error_of(response, 401) == "invalid_client"


def test_basic_authentication_is_not_the_registered_method(emulator: Emulator) -> None:
    client = emulator.confidential_client
    code = get_code(emulator, client)
    form = token_form(
        client,
        grant_type="authorization_code",
        code=code,
        redirect_uri=client.redirect_uris[0],
        code_verifier=VERIFIER,
        client_secret=None,
    )
    assert client.client_secret is not None
    response = post_token(emulator, form, auth=(client.client_id, client.client_secret))
    assert error_of(response, 401) == "invalid_client"


def test_unsupported_grant_types(emulator: Emulator) -> None:
    for grant_type in ("client_credentials", "password", "implicit"):
        form = token_form(emulator.confidential_client, grant_type=grant_type)
        assert error_of(post_token(emulator, form)) == "unsupported_grant_type"


def test_missing_grant_type_is_invalid_request(emulator: Emulator) -> None:
    form = token_form(emulator.confidential_client)
    assert error_of(post_token(emulator, form)) == "invalid_request"


def test_json_body_is_invalid_request(emulator: Emulator) -> None:
    form = token_form(emulator.public_client, grant_type="refresh_token", refresh_token="x")
    response = requests.post(emulator.token_url, json=form, timeout=TIMEOUT)
    assert error_of(response) == "invalid_request"


def test_repeated_parameter_is_invalid_request(emulator: Emulator) -> None:
    client = emulator.public_client
    body = f"grant_type=refresh_token&refresh_token=a&refresh_token=b&client_id={client.client_id}"
    response = requests.post(
        emulator.token_url,
        data=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        timeout=TIMEOUT,
    )
    assert error_of(response) == "invalid_request"


def test_get_is_refused(emulator: Emulator) -> None:
    response = requests.get(emulator.token_url, timeout=TIMEOUT)
    assert response.status_code == 405
    assert response.json()["error"] == "invalid_request"


def test_refresh_refusals(emulator: Emulator) -> None:
    public = emulator.public_client
    tokens = connect(emulator, public)
    assert error_of(refresh(emulator, public, "ory_rt_unknown")) == "invalid_grant"
    other = refresh(emulator, emulator.confidential_client, tokens["refresh_token"])
    assert error_of(other) == "invalid_grant"
    widened = post_token(
        emulator,
        token_form(
            public,
            grant_type="refresh_token",
            refresh_token=tokens["refresh_token"],
            scope="payment.write",
        ),
    )
    assert error_of(widened) == "invalid_scope"
    missing = post_token(emulator, token_form(public, grant_type="refresh_token"))
    assert error_of(missing) == "invalid_request"
