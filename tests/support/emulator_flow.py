"""Helpers that walk the OAuth flow against a live emulator, for the emulator's tests."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import requests

from qonto_desktop.emulator import DemoClient, Emulator

# RFC 7636 Appendix B.
VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
STATE = "st-4f9a1c2b7e"
SCOPE = "openid offline_access organization.read membership.read"
TIMEOUT = 10


def auth_params(client: DemoClient, **overrides: str | None) -> dict[str, str]:
    """Return a valid authorization request; an override of ``None`` removes a parameter."""
    params: dict[str, str | None] = {
        "client_id": client.client_id,
        "redirect_uri": client.redirect_uris[0],
        "response_type": "code",
        "scope": SCOPE,
        "state": STATE,
        "code_challenge": CHALLENGE,
        "code_challenge_method": "S256",
    }
    params.update(overrides)
    return {key: value for key, value in params.items() if value is not None}


def authorize(emulator: Emulator, params: dict[str, str]) -> requests.Response:
    """Send an authorization request; never follow the redirect."""
    return requests.get(
        emulator.authorize_url, params=params, allow_redirects=False, timeout=TIMEOUT
    )


def redirect_params(response: requests.Response) -> dict[str, str]:
    """Return the query parameters of a 302's ``Location``."""
    assert response.status_code == 302, response.text
    return dict(parse_qsl(urlsplit(response.headers["Location"]).query))


def get_code(emulator: Emulator, client: DemoClient, **overrides: str | None) -> str:
    """Run the browser leg in ``approve`` mode and return the authorization code."""
    emulator.consent_mode = "approve"
    params = redirect_params(authorize(emulator, auth_params(client, **overrides)))
    assert params["state"] == overrides.get("state", STATE)
    return params["code"]


def token_form(client: DemoClient, **fields: str | None) -> dict[str, str]:
    """Return a token or revoke form with the client's credentials (client_secret_post)."""
    form: dict[str, str | None] = {"client_id": client.client_id}
    if client.client_secret is not None:
        form["client_secret"] = client.client_secret
    form.update(fields)
    return {key: value for key, value in form.items() if value is not None}


def post_token(emulator: Emulator, form: dict[str, str], **kwargs: Any) -> requests.Response:
    """POST a form to the token endpoint."""
    return requests.post(emulator.token_url, data=form, timeout=TIMEOUT, **kwargs)


def exchange(
    emulator: Emulator, client: DemoClient, code: str, **fields: str | None
) -> requests.Response:
    """Exchange a code with the Appendix B verifier and the first redirect URI."""
    defaults: dict[str, str | None] = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": client.redirect_uris[0],
        "code_verifier": VERIFIER,
    }
    defaults.update(fields)
    return post_token(emulator, token_form(client, **defaults))


def connect(emulator: Emulator, client: DemoClient, **overrides: str | None) -> dict[str, Any]:
    """Run the whole flow and return the token answer."""
    response = exchange(emulator, client, get_code(emulator, client, **overrides))
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


def refresh(emulator: Emulator, client: DemoClient, refresh_token: str) -> requests.Response:
    """Use a refresh token."""
    form = token_form(client, grant_type="refresh_token", refresh_token=refresh_token)
    return post_token(emulator, form)


def api_request(
    emulator: Emulator,
    path: str,
    access_token: str | None,
    *,
    method: str = "GET",
    headers: dict[str, str] | None = None,
) -> requests.Response:
    """Call a Business API path with a Bearer token (none when ``access_token`` is None)."""
    sent = dict(headers or {})
    if access_token:
        sent["Authorization"] = f"Bearer {access_token}"
    return requests.request(method, emulator.api_base_url + path, headers=sent, timeout=TIMEOUT)


def api_get(emulator: Emulator, path: str, access_token: str | None) -> requests.Response:
    """GET a Business API path with a Bearer token."""
    return api_request(emulator, path, access_token)


def hidden(page: str, name: str) -> str:
    """Return the value of a hidden form field in a page."""
    match = re.search(rf'name="{name}" value="([^"]*)"', page)
    assert match is not None, f"no field {name}"
    return match.group(1)
