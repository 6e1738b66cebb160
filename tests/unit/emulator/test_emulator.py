"""The emulator object: lifecycle, clients, and what it never writes to a log."""

from __future__ import annotations

import dataclasses
import logging
import socket
import threading

import pytest
import requests

from qonto_desktop.emulator import DemoClient, Emulator
from qonto_desktop.emulator.scopes import QONTO_SCOPES
from tests.support.emulator_flow import (
    TIMEOUT,
    api_get,
    auth_params,
    authorize,
    connect,
    exchange,
    redirect_params,
    refresh,
)

DEFAULT_URIS = ("http://127.0.0.1:52817/callback", "http://localhost:52817/callback")


def test_urls_follow_the_actual_port(emulator: Emulator) -> None:
    assert emulator.port > 0
    assert emulator.base_url == f"http://127.0.0.1:{emulator.port}"
    assert emulator.authorize_url == emulator.base_url + "/oauth2/auth"
    assert emulator.token_url == emulator.base_url + "/oauth2/token"
    assert emulator.revoke_url == emulator.base_url + "/oauth2/revoke"
    assert emulator.api_base_url == emulator.base_url


def test_base_url_needs_a_port() -> None:
    with pytest.raises(RuntimeError, match="start"):
        _ = Emulator().base_url


def test_stop_closes_the_socket_and_joins() -> None:
    emulator = Emulator()
    emulator.start()
    url = emulator.base_url
    before = threading.active_count()
    emulator.stop()
    assert threading.active_count() == before - 1
    with pytest.raises(requests.ConnectionError):
        requests.get(url + "/", timeout=TIMEOUT)
    emulator.stop()  # harmless twice


def test_start_twice_is_refused(emulator: Emulator) -> None:
    with pytest.raises(RuntimeError, match="already running"):
        emulator.start()


def test_busy_port_raises_oserror(emulator: Emulator) -> None:
    with pytest.raises(OSError):  # noqa: PT011 - the errno differs per platform
        Emulator(port=emulator.port).start()


def test_a_silent_connection_does_not_hold_stop() -> None:
    emulator = Emulator()
    emulator.start()
    with socket.create_connection(("127.0.0.1", emulator.port), timeout=TIMEOUT):
        api_get(emulator, "/v2/organization", None)  # the server is past accept()
        emulator.stop()


def test_clients(emulator: Emulator) -> None:
    confidential, public = emulator.confidential_client, emulator.public_client
    assert isinstance(confidential, DemoClient)
    assert confidential.client_id != public.client_id
    assert confidential.client_secret
    assert len(confidential.client_secret) >= 32
    assert public.client_secret is None
    for client in (confidential, public):
        assert client.redirect_uris == DEFAULT_URIS
        assert "beneficiary.trust" not in client.allowed_scopes
        # user_organization.read: only for apps Qonto approved for the User OAuth flow.
        expected = set(QONTO_SCOPES) - {"beneficiary.trust", "user_organization.read"}
        assert set(client.allowed_scopes) == expected
    approved = emulator.user_access_client
    assert approved.user_access
    assert approved.client_secret
    assert set(approved.allowed_scopes) == set(QONTO_SCOPES) - {"beneficiary.trust"}
    assert approved.client_secret not in repr(approved)
    assert confidential.client_secret not in repr(confidential)
    assert Emulator().confidential_client.client_secret != confidential.client_secret
    with pytest.raises(dataclasses.FrozenInstanceError):
        public.client_id = "x"  # type: ignore[misc]


def test_catalogue_is_qontos() -> None:
    assert len(QONTO_SCOPES) == 38
    assert {"client_invoices.read", "client_invoice.write", "beneficiary.trust"} <= set(
        QONTO_SCOPES
    )
    assert "request_review.read" not in QONTO_SCOPES


def test_extra_and_registered_redirect_uris(emulator: Emulator) -> None:
    extra = Emulator(redirect_uris=["http://127.0.0.1:6000/callback"])
    assert extra.public_client.redirect_uris == (*DEFAULT_URIS, "http://127.0.0.1:6000/callback")
    uri = "http://127.0.0.1:7000/cb"
    emulator.register_redirect_uri(uri)
    emulator.register_redirect_uri(uri)
    assert emulator.public_client.redirect_uris == (*DEFAULT_URIS, uri)
    assert emulator.confidential_client.redirect_uris == (*DEFAULT_URIS, uri)
    emulator.consent_mode = "approve"
    response = authorize(emulator, auth_params(emulator.public_client, redirect_uri=uri))
    assert response.headers["Location"].startswith(uri + "?")
    assert redirect_params(response)["code"]


def test_logs_and_output_carry_no_secrets(
    emulator: Emulator, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    client = emulator.confidential_client
    state = "state-that-must-not-leak"
    emulator.consent_mode = "approve"
    code = redirect_params(authorize(emulator, auth_params(client, state=state)))["code"]
    tokens = exchange(emulator, client, code).json()
    renewed = refresh(emulator, client, tokens["refresh_token"]).json()
    assert api_get(emulator, "/v2/organization", renewed["access_token"]).status_code == 200
    requests.get(emulator.base_url + "/%ZZ?code=" + code, timeout=TIMEOUT)
    secrets_seen = [state, code, tokens["access_token"], tokens["refresh_token"]]
    secrets_seen += [renewed["access_token"], renewed["refresh_token"]]
    assert client.client_secret is not None
    secrets_seen.append(client.client_secret)
    captured = capsys.readouterr()
    # Only the emulator's own records: the client library (urllib3) logs its own URLs.
    ours = "\n".join(
        record.getMessage()
        for record in caplog.records
        if record.name.startswith("qonto_desktop.emulator")
    )
    assert "POST /oauth2/token 200" in ours  # the log does say what happened
    for secret in secrets_seen:
        assert secret not in ours
        assert secret not in captured.out
        assert secret not in captured.err


def test_emulator_imports_no_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys, qonto_desktop.emulator, qonto_desktop.emulator.cli;"
        "print(any(m.startswith(('PySide6', 'PyQt')) for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_organizations_are_bound_per_grant(emulator: Emulator) -> None:
    for org in emulator.organizations:
        tokens = connect(emulator, emulator.public_client, organization_id=org.id)
        answer = api_get(emulator, "/v2/organization", tokens["access_token"]).json()
        assert answer["organization"]["id"] == org.id
