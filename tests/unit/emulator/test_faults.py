"""Each fault switch, observed from the client's side."""

from __future__ import annotations

import threading
import time

import pytest
import requests

from qonto_desktop.emulator import Emulator, Fault
from qonto_desktop.emulator.faults import Faults
from tests.support.emulator_flow import (
    TIMEOUT,
    api_get,
    api_request,
    auth_params,
    authorize,
    connect,
    exchange,
    get_code,
)


@pytest.fixture
def tokens(emulator: Emulator) -> dict[str, str]:
    answer = connect(emulator, emulator.public_client)
    return {"access": answer["access_token"], "refresh": answer["refresh_token"]}


def test_status_fault_answers_json_error(emulator: Emulator, tokens: dict[str, str]) -> None:
    emulator.faults.set("organization", Fault(status=503))
    response = api_get(emulator, "/v2/organization", tokens["access"])
    assert response.status_code == 503
    assert response.json()["errors"][0]["code"]
    emulator.faults.set("token", Fault(status=500))
    response = exchange(emulator, emulator.public_client, "ory_ac_x")
    assert response.status_code == 500
    assert response.json()["error"] == "server_error"


def test_html_fault(emulator: Emulator, tokens: dict[str, str]) -> None:
    emulator.faults.set("membership", Fault(html=True))
    response = api_get(emulator, "/v2/membership", tokens["access"])
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/html")


def test_malformed_json_fault(emulator: Emulator, tokens: dict[str, str]) -> None:
    emulator.faults.set("organization", Fault(malformed_json=True))
    response = api_get(emulator, "/v2/organization", tokens["access"])
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    with pytest.raises(requests.JSONDecodeError):
        response.json()


def test_drop_fault_closes_without_answer(emulator: Emulator) -> None:
    emulator.faults.set("token", Fault(drop=True, times=1))
    client = emulator.public_client
    code = get_code(emulator, client)
    with pytest.raises(requests.ConnectionError):
        exchange(emulator, client, code)
    assert exchange(emulator, client, code).status_code == 200  # the dropped request did nothing


def test_rate_limited_fault(emulator: Emulator, tokens: dict[str, str]) -> None:
    emulator.faults.set("membership", Fault(rate_limited=True))
    response = api_get(emulator, "/v2/membership", tokens["access"])
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "10"
    assert response.json()["errors"][0]["code"]


def test_missing_fields_in_token_answer(emulator: Emulator) -> None:
    emulator.faults.set("token", Fault(missing_fields=("refresh_token", "expires_in")))
    client = emulator.public_client
    answer = exchange(emulator, client, get_code(emulator, client)).json()
    assert "refresh_token" not in answer
    assert "expires_in" not in answer
    assert answer["access_token"]


def test_missing_dotted_fields_in_api_answer(emulator: Emulator, tokens: dict[str, str]) -> None:
    emulator.faults.set("organization", Fault(missing_fields=("organization.bank_accounts",)))
    organization = api_get(emulator, "/v2/organization", tokens["access"]).json()["organization"]
    assert "bank_accounts" not in organization
    assert organization["id"]


def test_missing_fields_leave_errors_alone(emulator: Emulator) -> None:
    emulator.faults.set("token", Fault(missing_fields=("error",)))
    response = exchange(emulator, emulator.public_client, "ory_ac_x")
    assert response.json()["error"] == "invalid_grant"


def test_missing_fields_in_the_authorization_redirect(emulator: Emulator) -> None:
    emulator.consent_mode = "approve"
    emulator.faults.set("auth", Fault(missing_fields=("state",)))
    location = authorize(emulator, auth_params(emulator.public_client)).headers["Location"]
    assert "code=" in location
    assert "state=" not in location


def test_auth_status_fault(emulator: Emulator) -> None:
    emulator.faults.set("auth", Fault(status=503))
    assert authorize(emulator, auth_params(emulator.public_client)).status_code == 503


def test_times_limits_the_fault(emulator: Emulator, tokens: dict[str, str]) -> None:
    emulator.faults.set("organization", Fault(status=502, times=2))
    codes = [api_get(emulator, "/v2/organization", tokens["access"]).status_code for _ in range(3)]
    assert codes == [502, 502, 200]


def test_clear_one_and_all(emulator: Emulator, tokens: dict[str, str]) -> None:
    emulator.faults.set("organization", Fault(status=502))
    emulator.faults.set("membership", Fault(status=502))
    emulator.faults.clear("organization")
    assert api_get(emulator, "/v2/organization", tokens["access"]).status_code == 200
    assert api_get(emulator, "/v2/membership", tokens["access"]).status_code == 502
    emulator.faults.clear()
    assert api_get(emulator, "/v2/membership", tokens["access"]).status_code == 200


def test_consents_and_revoke_faults(emulator: Emulator, tokens: dict[str, str]) -> None:
    emulator.faults.set("consents", Fault(status=500))
    response = api_request(emulator, "/v2/oauth2/consents", tokens["access"], method="DELETE")
    assert response.status_code == 500
    assert api_get(emulator, "/v2/organization", tokens["access"]).status_code == 200
    emulator.faults.set("revoke", Fault(rate_limited=True))
    form = {"client_id": emulator.public_client.client_id, "token": tokens["access"]}
    assert requests.post(emulator.revoke_url, data=form, timeout=TIMEOUT).status_code == 429


def test_delay_does_not_block_other_requests(emulator: Emulator, tokens: dict[str, str]) -> None:
    delay = 0.5
    emulator.faults.set("organization", Fault(delay=delay))
    slow: dict[str, float | int] = {}

    def call_slow() -> None:
        started = time.monotonic()
        slow["status"] = api_get(emulator, "/v2/organization", tokens["access"]).status_code
        slow["elapsed"] = time.monotonic() - started

    thread = threading.Thread(target=call_slow)
    thread.start()
    started = time.monotonic()
    assert api_get(emulator, "/v2/membership", tokens["access"]).status_code == 200
    fast = time.monotonic() - started
    thread.join(timeout=TIMEOUT)
    assert slow["status"] == 200
    assert slow["elapsed"] >= delay
    assert fast < delay


def test_stop_cuts_a_long_delay_short(tokens: dict[str, str], emulator: Emulator) -> None:
    emulator.faults.set("organization", Fault(delay=60))
    outcome: list[object] = []
    arrived = threading.Event()

    def call_slow() -> None:
        arrived.set()
        try:
            outcome.append(api_get(emulator, "/v2/organization", tokens["access"]).status_code)
        except requests.ConnectionError as error:
            outcome.append(error)

    thread = threading.Thread(target=call_slow)
    thread.start()
    arrived.wait(TIMEOUT)
    started = time.monotonic()
    emulator.stop()
    thread.join(timeout=TIMEOUT)
    assert not thread.is_alive()
    assert time.monotonic() - started < 10
    assert outcome


def test_unknown_endpoint_name_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown endpoint"):
        Faults().set("cards", Fault(status=500))


@pytest.mark.parametrize("kwargs", [{"delay": -1}, {"times": 0}, {"status": 99}, {"status": 600}])
def test_nonsense_faults_are_refused(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must"):
        Fault(**kwargs)  # type: ignore[arg-type]


def test_fault_is_frozen() -> None:
    fault = Fault(status=500)
    with pytest.raises(AttributeError):
        fault.status = 400  # type: ignore[misc]


def test_a_throttled_api_call_answers_in_qontos_error_shape(
    emulator: Emulator, tokens: dict[str, str]
) -> None:
    """https://docs.qonto.com/get-started/general/rate-limitations: 429; the body in the
    documented error shape, and Retry-After (RFC 6585 §4) for when to come back."""
    emulator.faults.set("organization", Fault(rate_limited=True))
    response = api_get(emulator, "/v2/organization", tokens["access"])
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "10"
    body = response.json()
    assert body["errors"] == [{"code": "too_many_requests", "detail": "Too many requests"}]
    assert body["trace_id"]


def test_an_injected_api_error_carries_the_code_and_detail_asked_for(
    emulator: Emulator, tokens: dict[str, str]
) -> None:
    emulator.faults.set("organization", Fault(status=422, api_code="invalid", detail="Nope."))
    body = api_get(emulator, "/v2/organization", tokens["access"]).json()
    assert body["errors"] == [{"code": "invalid", "detail": "Nope."}]


def test_the_member_role_decides_what_the_organization_shows(
    emulator: Emulator, tokens: dict[str, str]
) -> None:
    emulator.member_role = "manager"
    accounts = api_get(emulator, "/v2/organization", tokens["access"]).json()["organization"][
        "bank_accounts"
    ]
    assert accounts
    assert not any("balance" in account or "currency" in account for account in accounts)
    emulator.member_role = "employee"
    refused = api_get(emulator, "/v2/organization", tokens["access"])
    assert refused.status_code == 403
    detail = refused.json()["errors"][0]["detail"]
    assert detail == "User does not have sufficient permissions for this action."
    membership = api_get(emulator, "/v2/membership", tokens["access"]).json()["membership"]
    assert membership["role"] == "employee"


def test_amounts_as_strings_are_decimal_strings(emulator: Emulator, tokens: dict[str, str]) -> None:
    emulator.amounts_as_strings = True
    (first, *_) = api_get(emulator, "/v2/organization", tokens["access"]).json()["organization"][
        "bank_accounts"
    ]
    assert (first["balance"], first["balance_cents"]) == ("18543.27", "1854327")
