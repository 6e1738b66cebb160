"""verify checks live and records what it saw; disconnect revokes, then forgets, always."""

from __future__ import annotations

from dataclasses import replace

import pytest
import requests

from qonto_desktop.cli.disconnect import not_revoked_words
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.disconnect import NotRevoked, disconnect
from qonto_desktop.connections.errors import NeedsReconnectError
from qonto_desktop.connections.verify import verify
from qonto_desktop.emulator import Emulator, Fault
from qonto_desktop.oauth.errors import ServiceUnavailableError
from qonto_desktop.qonto.errors import MissingScopeError, SandboxStagingTokenError
from qonto_desktop.store.index import NotFoundError
from tests.support.desks import connect_one
from tests.support.issued_tokens import api_accepts
from tests.support.keyrings import MemoryKeyring
from tests.support.tokens import saved


def refresh_works(emulator: Emulator, refresh_token: str) -> bool:
    answer = requests.post(
        emulator.token_url,
        data={
            "grant_type": "refresh_token",
            "refresh_token": refresh_token,
            "client_id": emulator.public_client.client_id,
        },
        timeout=10,
    )
    return answer.status_code == 200


def test_verify_records_the_live_facts(desk: Desk, emulator: Emulator) -> None:
    connection = connect_one(desk, emulator)
    result = verify(desk, connection.id)
    assert result.organization is not None
    assert result.organization.id == connection.organization_id
    assert result.membership is not None
    assert result.membership.role == "accountant"
    assert result.connection.verified_at is not None
    assert result.connection.verified_at >= (connection.verified_at or 0)


def test_verify_refreshes_once_when_qonto_refuses_a_valid_looking_token(
    desk: Desk, emulator: Emulator
) -> None:
    connection = connect_one(desk, emulator)
    emulator.faults.set("organization", Fault(status=401, times=1))
    result = verify(desk, connection.id)
    assert result.organization is not None
    assert emulator.events["refreshed"] == 1


def test_verify_of_a_connection_withdrawn_in_qonto_asks_to_reconnect(
    desk: Desk, emulator: Emulator
) -> None:
    connection = connect_one(desk, emulator)
    token = saved(desk, connection).access
    assert token is not None
    requests.delete(
        f"{emulator.base_url}/v2/oauth2/consents",
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    with pytest.raises(NeedsReconnectError):
        verify(desk, connection.id)
    assert desk.index.get(connection.id).state == "needs_reconnect"


def test_disconnect_revokes_and_forgets(
    desk: Desk, emulator: Emulator, keyring_backend: MemoryKeyring
) -> None:
    connection = connect_one(desk, emulator)
    refresh_token = saved(desk, connection).refresh
    access = saved(desk, connection).access
    assert refresh_token is not None
    assert access is not None
    report = disconnect(desk, connection.id)
    assert report.consent_revoked
    assert report.not_revoked == ()
    assert not refresh_works(emulator, refresh_token)
    assert not api_accepts(emulator, access)
    assert not any(name.startswith(f"conn/{connection.id}") for name in keyring_backend.names())
    with pytest.raises(NotFoundError):
        desk.index.get(connection.id)


def test_disconnect_with_qonto_unreachable_still_forgets_and_says_what_was_not_revoked(
    desk: Desk, emulator: Emulator, keyring_backend: MemoryKeyring
) -> None:
    connection = connect_one(desk, emulator)
    refresh_token = saved(desk, connection).refresh
    assert refresh_token is not None
    for endpoint in ("consents", "revoke"):
        emulator.faults.set(endpoint, Fault(status=503))
    report = disconnect(desk, connection.id)
    assert not report.consent_revoked
    # Structured, for the window to word in its language: what, and the error that stopped it.
    assert [problem.item for problem in report.not_revoked] == [
        "consent",
        "refresh_token",
        "access_token",
    ]
    assert all(isinstance(problem.error, ServiceUnavailableError) for problem in report.not_revoked)
    served = "Qonto's service answered with an error (HTTP 503)."
    assert [not_revoked_words(problem) for problem in report.not_revoked] == [
        f"the consent ({served})",
        f"the refresh token ({served})",
        f"the access token ({served})",
    ]  # the command line's clear English
    assert desk.index.load().connections == ()
    assert not any(name.startswith("conn/") for name in keyring_backend.names())
    emulator.faults.clear()
    assert refresh_works(emulator, refresh_token)  # honest: Qonto still honours it


def test_without_a_valid_access_token_the_consent_cannot_be_withdrawn(
    desk: Desk, emulator: Emulator
) -> None:
    connection = connect_one(desk, emulator)
    later = replace(desk, now=lambda: connection.access_expires_at + 1)
    report = disconnect(later, connection.id)
    assert not report.consent_revoked
    assert report.not_revoked == (NotRevoked("consent"),)  # no error: nothing was asked
    assert not_revoked_words(report.not_revoked[0]) == (
        "the consent (no valid access token to withdraw it with)"
    )


def test_without_organization_read_the_consent_stays_and_the_tokens_are_revoked(
    desk: Desk, emulator: Emulator
) -> None:
    """Qonto documents ``organization.read`` for withdrawing the consent: without it the
    report says the permission was missing, and the tokens are still revoked."""
    connection = connect_one(desk, emulator, ("openid", "offline_access", "membership.read"))
    refresh_token = saved(desk, connection).refresh
    assert refresh_token is not None
    report = disconnect(desk, connection.id)
    assert not report.consent_revoked
    assert [problem.item for problem in report.not_revoked] == ["consent"]
    assert isinstance(report.not_revoked[0].error, MissingScopeError)
    assert not refresh_works(emulator, refresh_token)


def test_disconnect_keeping_the_consent(desk: Desk, emulator: Emulator) -> None:
    connection = connect_one(desk, emulator)
    report = disconnect(desk, connection.id, revoke_consent=False)
    assert not report.consent_revoked
    assert report.not_revoked == ()


def test_disconnect_forgets_even_when_the_connections_context_cannot_be_had(
    desk: Desk, emulator: Emulator, keyring_backend: MemoryKeyring
) -> None:
    connection = connect_one(desk, emulator)
    # The sandbox needs a staging token and none is saved: nothing can be sent to Qonto.
    desk.index.update(connection.id, environment="sandbox")
    report = disconnect(desk, connection.id)
    assert not report.consent_revoked
    assert [problem.item for problem in report.not_revoked] == [
        "consent",
        "refresh_token",
        "access_token",
    ]
    assert all(
        isinstance(problem.error, SandboxStagingTokenError) for problem in report.not_revoked
    )
    assert emulator.events["revoked"] == 0
    assert desk.index.load().connections == ()
    assert not any(name.startswith("conn/") for name in keyring_backend.names())
