"""The consent step: interactive forms, and the approve and deny modes."""

from __future__ import annotations

import pytest
import requests

from qonto_desktop.emulator import Emulator, ManualClock
from qonto_desktop.emulator.pages import CONSENT_PATH, LOGIN_PATH, error_page
from tests.support.emulator_flow import (
    STATE,
    TIMEOUT,
    api_get,
    auth_params,
    authorize,
    exchange,
    hidden,
    redirect_params,
)


def post(emulator: Emulator, path: str, form: dict[str, str]) -> requests.Response:
    return requests.post(
        emulator.base_url + path, data=form, allow_redirects=False, timeout=TIMEOUT
    )


def open_sign_in(emulator: Emulator, **overrides: str | None) -> str:
    response = authorize(emulator, auth_params(emulator.public_client, **overrides))
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/html")
    assert response.headers["Cache-Control"] == "no-store"
    assert emulator.user.email in response.text
    assert emulator.user.password in response.text
    return hidden(response.text, "login_challenge")


def sign_in(emulator: Emulator, challenge: str, password: str | None = None) -> requests.Response:
    form = {
        "login_challenge": challenge,
        "email": emulator.user.email,
        "password": emulator.user.password if password is None else password,
        "action": "sign_in",
    }
    return post(emulator, LOGIN_PATH, form)


def test_interactive_flow_signs_in_picks_an_organization_and_approves(
    emulator: Emulator,
) -> None:
    page = sign_in(emulator, open_sign_in(emulator))
    assert page.status_code == 200
    for org in emulator.organizations:
        assert f'value="{org.id}"' in page.text
    assert "Read the organization" in page.text
    assert "Approve" in page.text
    assert "Deny" in page.text
    chosen = emulator.organizations[2]
    decision = post(
        emulator,
        CONSENT_PATH,
        {
            "consent_challenge": hidden(page.text, "consent_challenge"),
            "organization_id": chosen.id,
            "action": "approve",
        },
    )
    params = redirect_params(decision)
    assert decision.headers["Location"].startswith(emulator.public_client.redirect_uris[0] + "?")
    assert params["state"] == STATE
    tokens = exchange(emulator, emulator.public_client, params["code"]).json()
    organization = api_get(emulator, "/v2/organization", tokens["access_token"]).json()[
        "organization"
    ]
    assert organization["id"] == chosen.id


def test_fixed_organization_skips_the_picker(emulator: Emulator) -> None:
    fixed = emulator.organizations[1]
    page = sign_in(emulator, open_sign_in(emulator, registration_id=fixed.registration_id))
    assert 'name="organization_id"' not in page.text
    assert fixed.name in page.text
    decision = post(
        emulator,
        CONSENT_PATH,
        {
            "consent_challenge": hidden(page.text, "consent_challenge"),
            "organization_id": emulator.organizations[0].id,  # ignored: the request fixed it
            "action": "approve",
        },
    )
    code = redirect_params(decision)["code"]
    token = exchange(emulator, emulator.public_client, code).json()["access_token"]
    answer = api_get(emulator, "/v2/organization", token)
    assert answer.json()["organization"]["id"] == fixed.id


def test_deny_button_redirects_access_denied(emulator: Emulator) -> None:
    page = sign_in(emulator, open_sign_in(emulator))
    decision = post(
        emulator,
        CONSENT_PATH,
        {"consent_challenge": hidden(page.text, "consent_challenge"), "action": "deny"},
    )
    params = redirect_params(decision)
    assert params["error"] == "access_denied"
    assert params["error_description"]
    assert params["state"] == STATE


def test_cancel_on_sign_in_redirects_access_denied(emulator: Emulator) -> None:
    challenge = open_sign_in(emulator)
    decision = post(emulator, LOGIN_PATH, {"login_challenge": challenge, "action": "cancel"})
    assert redirect_params(decision)["error"] == "access_denied"


def test_wrong_password_shows_the_form_again(emulator: Emulator) -> None:
    challenge = open_sign_in(emulator)
    retry = sign_in(emulator, challenge, password="wrong")
    assert retry.status_code == 200
    assert "Wrong e-mail or password" in retry.text
    assert "consent_challenge" not in retry.text
    assert sign_in(emulator, challenge).status_code == 200


def test_challenges_are_single_use(emulator: Emulator) -> None:
    challenge = open_sign_in(emulator)
    page = sign_in(emulator, challenge)
    assert sign_in(emulator, challenge).status_code == 400
    form = {"consent_challenge": hidden(page.text, "consent_challenge"), "action": "deny"}
    assert post(emulator, CONSENT_PATH, form).status_code == 302
    second = post(emulator, CONSENT_PATH, form)
    assert second.status_code == 400
    assert "Location" not in second.headers


def test_login_challenge_is_not_a_consent_challenge(emulator: Emulator) -> None:
    challenge = open_sign_in(emulator)
    form = {"consent_challenge": challenge, "action": "approve"}
    assert post(emulator, CONSENT_PATH, form).status_code == 400


def test_unknown_organization_on_approve_asks_again(emulator: Emulator) -> None:
    page = sign_in(emulator, open_sign_in(emulator))
    challenge = hidden(page.text, "consent_challenge")
    form = {"consent_challenge": challenge, "organization_id": "nope", "action": "approve"}
    again = post(emulator, CONSENT_PATH, form)
    assert again.status_code == 200
    assert "Choose one of your organizations" in again.text
    form["organization_id"] = emulator.organizations[0].id
    assert "code" in redirect_params(post(emulator, CONSENT_PATH, form))


def test_challenges_expire_after_thirty_minutes(emulator: Emulator, clock: ManualClock) -> None:
    challenge = open_sign_in(emulator)
    clock.advance(30 * 60)
    assert sign_in(emulator, challenge).status_code == 400


def test_forms_must_be_posted_form_encoded(emulator: Emulator) -> None:
    challenge = open_sign_in(emulator)
    response = requests.post(
        emulator.base_url + LOGIN_PATH,
        json={"login_challenge": challenge, "action": "sign_in"},
        timeout=TIMEOUT,
    )
    assert response.status_code == 400


def test_approve_mode_redirects_with_code_for_the_first_organization(emulator: Emulator) -> None:
    emulator.consent_mode = "approve"
    params = redirect_params(authorize(emulator, auth_params(emulator.public_client)))
    assert params["state"] == STATE
    assert params["code"].startswith("ory_ac_")
    token = exchange(emulator, emulator.public_client, params["code"]).json()["access_token"]
    answer = api_get(emulator, "/v2/organization", token)
    assert answer.json()["organization"]["id"] == emulator.organizations[0].id


def test_deny_mode_redirects_access_denied(emulator: Emulator) -> None:
    emulator.consent_mode = "deny"
    params = redirect_params(authorize(emulator, auth_params(emulator.public_client)))
    assert params["error"] == "access_denied"
    assert params["state"] == STATE
    assert "code" not in params


def test_unknown_consent_mode_is_refused(emulator: Emulator) -> None:
    with pytest.raises(ValueError, match="consent mode"):
        emulator.consent_mode = "maybe"  # type: ignore[assignment]


def test_pages_escape_what_they_echo() -> None:
    page = error_page('<script>alert("x")</script>')
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
