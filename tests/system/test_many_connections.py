"""Many connections: 30 organizations connected, listed, refreshed and disconnected one by one."""

from __future__ import annotations

import io
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from qonto_desktop.cli.main import main
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.disconnect import disconnect
from qonto_desktop.connections.fresh import refresh, refresh_all
from qonto_desktop.connections.keys import refresh_token_key, tokens_key
from qonto_desktop.emulator import Emulator
from qonto_desktop.store.secret_service import Keyring as KeptKeyring
from tests.conftest import Figure
from tests.support.desks import connect_one, make_desk
from tests.support.keyrings import MemoryKeyring, backend_of
from tests.support.secret_items import entry_names

CONNECTIONS = 30
EXTRA = CONNECTIONS - 3  # the emulator's three demo organizations, and these

EntryNames = Callable[[], set[str]]


@pytest.fixture(
    params=[
        pytest.param("memory", id="memory-keyring"),
        pytest.param("secret-service", id="secret-service", marks=pytest.mark.keyring),
    ]
)
def keyring_under_test(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> tuple[KeyringBackend, EntryNames]:
    """A keyring backend, and a way to list every entry name the app has in it.

    The app's own ``keyring.get_keyring()`` (``open_desk``, for the command line) gets it too.
    """
    backend: KeyringBackend
    names: EntryNames
    if request.param == "memory":
        memory = MemoryKeyring()
        backend, names = memory, memory.names
    else:
        request.getfixturevalue("secret_service")
        backend, names = backend_of(KeptKeyring), entry_names
    monkeypatch.setattr(keyring, "get_keyring", lambda: backend)
    return backend, names


def status_json() -> dict[str, object]:
    """``main.py status --json``, run in this process."""
    out, err = io.StringIO(), io.StringIO()
    assert main(["status", "--json"], out=out, err=err) == 0, err.getvalue()
    data: dict[str, object] = json.loads(out.getvalue())
    return data


def app_entries(names: EntryNames, connection_id: str) -> set[str]:
    """The keyring entries of one connection, chunks included."""
    return {name for name in names() if name.startswith(f"conn/{connection_id}/")}


@pytest.mark.slow(seconds=12)
def test_thirty_connections_one_by_one(
    app_home: Path, keyring_under_test: tuple[KeyringBackend, EntryNames], figure: Figure
) -> None:
    backend, names = keyring_under_test
    with Emulator(consent_mode="approve", extra_organizations=EXTRA) as emulator:
        organizations = emulator.organizations
        assert len(organizations) == CONNECTIONS
        desk = make_desk(app_home, emulator, backend)
        connect_seconds = []
        for organization in organizations:
            started = time.monotonic()
            connection = connect_one(desk, emulator, organization_id=organization.id)
            connect_seconds.append(time.monotonic() - started)
            assert connection.organization_id == organization.id
            assert connection.organization_name == organization.name
            assert connection.state == "ok"

        loaded = desk.index.load()
        assert loaded.problem is None
        connections = loaded.connections
        assert len(connections) == CONNECTIONS
        assert {c.organization_id for c in connections} == {o.id for o in organizations}
        assert len({c.id for c in connections}) == CONNECTIONS
        listed = status_json()["connections"]
        assert isinstance(listed, list)
        assert {c["organization"]["id"] for c in listed} == {o.id for o in organizations}

        for connection in connections:
            fresh = refresh(desk, connection.id)
            assert fresh.connection.refreshed_at is not None
        assert emulator.events["refreshed"] == CONNECTIONS
        results = refresh_all(desk)  # all fresh: nothing is refreshed, no token revoked
        assert [(r.error, r.refreshed) for r in results] == [(None, False)] * CONNECTIONS
        assert emulator.events["refreshed"] == CONNECTIONS
        for connection in connections:  # refresh tokens near their 90 days: renewed
            desk.index.update(connection.id, refresh_expires_at=desk.now() + 86400)
        results = refresh_all(desk)
        assert [(r.error, r.refreshed) for r in results] == [(None, True)] * CONNECTIONS
        assert emulator.events["refreshed"] == 2 * CONNECTIONS
        assert emulator.events["refresh_refused"] == 0

        for left, connection in enumerate(connections, start=1):
            assert app_entries(names, connection.id)
            report = disconnect(desk, connection.id)
            assert report.not_revoked == ()
            assert report.consent_revoked
            assert len(desk.index.load().connections) == CONNECTIONS - left
            assert app_entries(names, connection.id) == set()
            _assert_no_secret(desk, connection.id)
        assert status_json()["connections"] == []

    figure("connections", CONNECTIONS)
    figure("seconds per connect (median)", round(statistics.median(connect_seconds), 3))


def _assert_no_secret(desk: Desk, connection_id: str) -> None:
    for key in (tokens_key(connection_id), refresh_token_key(connection_id)):
        assert desk.secrets.get(key) is None
