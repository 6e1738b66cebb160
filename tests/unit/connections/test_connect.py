"""connect: the whole journey saves a complete connection, or nothing at all."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import requests

from qonto_desktop.connections.connect import ConnectRequest, connect
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.errors import NotConfiguredError
from qonto_desktop.connections.grant import AbandonedGrant, revoke_abandoned
from qonto_desktop.emulator import Emulator, Fault
from qonto_desktop.oauth.errors import (
    AccessDeniedError,
    AuthorizationCancelledError,
    ResponseFormatError,
)
from qonto_desktop.qonto.errors import SandboxStagingTokenError
from qonto_desktop.qonto.scopes import UnknownScopeError
from qonto_desktop.store.errors import NoSecureStorageError, StorageError
from qonto_desktop.store.index_errors import IndexWriteError
from tests.support.approval import follow
from tests.support.desks import EVERYTHING, connect_one, make_desk, registering
from tests.support.issued_tokens import access_tokens, api_accepts
from tests.support.keyrings import FailingSetKeyring, MemoryKeyring, files_containing
from tests.support.tokens import saved


def test_connect_saves_a_verified_connection_and_its_tokens(
    desk: Desk, emulator: Emulator, keyring_backend: MemoryKeyring, app_home: Path
) -> None:
    connection = connect_one(desk, emulator)
    assert connection.state == "ok"
    assert emulator.events["revoked"] == 0  # a saved grant is kept alive, of course
    assert connection.organization_name == emulator.organizations[0].name
    assert connection.role == "accountant"
    assert connection.user_email == emulator.user.email
    assert connection.accounts
    at_qonto = [account for account in connection.accounts if not account.external]
    assert all("••••" in account.masked_iban for account in at_qonto)
    # Asked for with include_external_accounts=true, and marked as at another bank.
    expected = [account.name for account in emulator.organizations[0].external_accounts]
    assert [a.name for a in connection.accounts if a.external] == expected
    assert expected
    assert desk.index.load().connections == (connection,)
    refresh = saved(desk, connection).refresh
    access = saved(desk, connection).access
    assert refresh is not None
    assert access is not None
    assert api_accepts(emulator, access)
    for secret in (refresh, access):  # only the keyring holds them
        assert files_containing(app_home, secret) == []


def test_connecting_the_same_organization_again_replaces_its_tokens(
    desk: Desk, emulator: Emulator
) -> None:
    first = connect_one(desk, emulator)
    old_refresh = saved(desk, first).refresh
    second = connect_one(desk, emulator)
    assert second.id == first.id
    assert second.created_at == first.created_at
    assert len(desk.index.load().connections) == 1
    assert saved(desk, first).refresh != old_refresh
    # The replaced grant was revoked: its refresh token no longer works.
    answer = requests.post(
        emulator.token_url,
        data={
            "grant_type": "refresh_token",
            "refresh_token": old_refresh,
            "client_id": emulator.public_client.client_id,
        },
        timeout=10,
    )
    assert answer.json()["error"] == "invalid_grant"


def test_another_organization_is_another_connection(desk: Desk, emulator: Emulator) -> None:
    first = connect_one(desk, emulator)
    second = connect_one(desk, emulator, organization_id=emulator.organizations[2].id)
    assert first.id != second.id
    assert {c.organization_id for c in desk.index.load().connections} == {
        emulator.organizations[0].id,
        emulator.organizations[2].id,
    }


def test_without_organization_read_it_is_saved_unverified(desk: Desk, emulator: Emulator) -> None:
    connection = connect_one(desk, emulator, ("openid", "offline_access"))
    assert connection.state == "unverified"
    assert connection.state_reason
    assert connection.organization_id is None
    assert connection.subject == emulator.user.id
    again = connect_one(desk, emulator, ("openid", "offline_access"))
    assert again.id == connection.id  # keyed by the ID token's subject


def test_who_signed_in_comes_from_the_membership(desk: Desk, emulator: Emulator) -> None:
    connection = connect_one(desk, emulator)
    user = emulator.user
    assert connection.user_name == f"{user.first_name} {user.last_name}"
    assert (connection.user_email, connection.role) == (user.email, "accountant")
    assert connection.subject == user.id  # from the verified ID token


def test_without_membership_read_the_user_is_unknown_and_the_subject_kept(
    desk: Desk, emulator: Emulator
) -> None:
    """The ID token names nobody: no name, e-mail or role is made up from it."""
    connection = connect_one(desk, emulator, ("openid", "offline_access", "organization.read"))
    assert connection.state == "ok"
    assert (connection.user_name, connection.user_email, connection.role) == ("", "", "")
    assert connection.subject == emulator.user.id


def test_an_id_token_that_cannot_be_verified_saves_nothing_and_ends_the_grant(
    desk: Desk, emulator: Emulator, keyring_backend: MemoryKeyring
) -> None:
    emulator.faults.set("jwks", Fault(missing_fields=("keys",)))  # no keys to verify with
    with pytest.raises(ResponseFormatError):
        connect_one(desk, emulator)
    assert desk.index.load().connections == ()
    assert not any(name.startswith("conn/") for name in keyring_backend.names())
    assert emulator.events["revoked"] == 1
    assert not any(api_accepts(emulator, token) for token in access_tokens(emulator))


def test_checks_that_need_no_network_come_before_the_browser(
    app_home: Path, emulator: Emulator
) -> None:
    opened: list[str] = []
    from keyring.backends import fail

    desk = make_desk(app_home, emulator, fail.Keyring())
    with pytest.raises(NoSecureStorageError):
        connect(desk, ConnectRequest("emulator", EVERYTHING), opened.append)
    desk = make_desk(app_home, emulator, MemoryKeyring())
    with pytest.raises(UnknownScopeError):
        connect(desk, ConnectRequest("emulator", ("organisation.read",)), opened.append)
    with pytest.raises(NotConfiguredError):
        connect(desk, ConnectRequest("production", EVERYTHING), opened.append)
    sandbox = {"sandbox": {"client_id": "my-sandbox-app", "redirect_port": 52817}}
    desk = replace(desk, settings={"registrations": {**desk.settings["registrations"], **sandbox}})
    with pytest.raises(SandboxStagingTokenError):
        connect(desk, ConnectRequest("sandbox", EVERYTHING), opened.append)
    assert opened == []


def test_a_refusal_saves_nothing(
    desk: Desk, emulator: Emulator, keyring_backend: MemoryKeyring
) -> None:
    emulator.consent_mode = "deny"
    with pytest.raises(AccessDeniedError):
        connect_one(desk, emulator)
    assert desk.index.load().connections == ()
    assert not any(name.startswith("conn/") for name in keyring_backend.names())


def test_a_keyring_failure_saves_nothing_and_ends_the_grant(
    app_home: Path, emulator: Emulator
) -> None:
    backend = FailingSetKeyring()
    desk = make_desk(app_home, emulator, backend)
    with pytest.raises(StorageError):
        connect_one(desk, emulator)
    assert desk.index.load().connections == ()
    assert not any(name.startswith("conn/") for name in backend.names())
    assert emulator.events == {"code_redeemed": 1, "revoked": 1}
    assert not any(api_accepts(emulator, token) for token in access_tokens(emulator))


def test_an_index_failure_leaves_the_keyring_as_it_was(
    desk: Desk, emulator: Emulator, keyring_backend: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = connect_one(desk, emulator)
    before = dict(keyring_backend.entries)

    def broken_save(*args: object, **kwargs: object) -> None:
        raise IndexWriteError(desk.index.path, "disk full")

    monkeypatch.setattr(desk.index, "save", broken_save)
    with pytest.raises(IndexWriteError):
        connect_one(desk, emulator)  # same organization: would replace the tokens
    assert keyring_backend.entries == before
    with pytest.raises(IndexWriteError):
        connect_one(desk, emulator, organization_id=emulator.organizations[1].id)  # a new one
    assert keyring_backend.entries == before
    monkeypatch.undo()
    assert desk.index.load().connections == (first,)


@pytest.mark.parametrize("step", ["authorized", "verified"])
def test_a_stop_between_steps_saves_nothing(
    app_home: Path, emulator: Emulator, keyring_backend: MemoryKeyring, step: str
) -> None:
    class StoppedError(Exception):
        pass

    def stop_at(reached: str) -> None:
        if reached == step:
            raise StoppedError(reached)

    desk = make_desk(app_home, emulator, keyring_backend)
    with pytest.raises(StoppedError):
        connect_one(desk, emulator, checkpoint=stop_at)
    assert desk.index.load().connections == ()
    assert not any(name.startswith("conn/") for name in keyring_backend.names())
    # Qonto had issued tokens: the abandoned grant is revoked, not left alive until it expires.
    assert emulator.events == {"code_redeemed": 1, "revoked": 1}
    assert not any(api_accepts(emulator, token) for token in access_tokens(emulator))


def test_an_abandoned_grant_goes_to_on_abandoned_instead(
    app_home: Path, emulator: Emulator, keyring_backend: MemoryKeyring
) -> None:
    def stop_at(reached: str) -> None:
        if reached == "verified":
            raise AuthorizationCancelledError()

    desk = make_desk(app_home, emulator, keyring_backend)
    handed: list[AbandonedGrant] = []
    request = ConnectRequest(environment="emulator", scopes=EVERYTHING, timeout=30)
    with pytest.raises(AuthorizationCancelledError):
        connect(
            desk,
            request,
            follow,
            on_waiting=registering(emulator),
            on_abandoned=handed.append,
            checkpoint=stop_at,
        )
    assert [grant.environment for grant in handed] == ["emulator"]
    assert emulator.events["revoked"] == 0  # left to the caller, who revokes it its own way
    grant = handed[0]
    assert api_accepts(emulator, grant.tokens.access_token)
    assert revoke_abandoned(grant)
    assert emulator.events["revoked"] == 1
    assert not api_accepts(emulator, grant.tokens.access_token)


def test_revoking_an_abandoned_grant_is_best_effort(
    app_home: Path, emulator: Emulator, keyring_backend: MemoryKeyring
) -> None:
    def stop_at(reached: str) -> None:
        if reached == "authorized":
            raise AuthorizationCancelledError()

    emulator.faults.set("revoke", Fault(status=503))
    desk = make_desk(app_home, emulator, keyring_backend)
    with pytest.raises(AuthorizationCancelledError):  # the cancellation, not the revocation
        connect_one(desk, emulator, checkpoint=stop_at)
    assert emulator.events["revoked"] == 0
    assert desk.index.load().connections == ()
