"""Integration fixtures: a real Secret Service (GNOME Keyring on a private D-Bus session bus).

The daemons start once per test session and stop at its end; each test that asks for the
keyring gets the session's HOME, XDG_RUNTIME_DIR and bus address for its own duration only,
so no other test ever sees them, and the user's real keyring is never reached.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import SecretService

from qonto_desktop.store.secrets import SecretStore
from tests.support.components import require
from tests.support.keyrings import backend_of
from tests.support.secret_service import SecretServiceSession


def start_session(root: Path) -> SecretServiceSession:
    """Start a private bus and GNOME Keyring under ``root`` (skip, or fail in CI, if missing)."""
    dbus_daemon = require("dbus-daemon", "dbus")
    keyring_daemon = require("gnome-keyring-daemon", "gnome-keyring")
    return SecretServiceSession.start(root, dbus_daemon, keyring_daemon)


def use_session(session: SecretServiceSession, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point this process at ``session`` for the current test."""
    for name, value in session.env.items():
        monkeypatch.setenv(name, value)


@pytest.fixture(scope="session")
def secret_service_daemons(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[SecretServiceSession]:
    """The session's bus and GNOME Keyring, unlocked; stopped by PID when the run ends."""
    session = start_session(tmp_path_factory.mktemp("secret-service"))
    try:
        yield session
    finally:
        session.stop()


@pytest.fixture
def secret_service(
    secret_service_daemons: SecretServiceSession,
    monkeypatch: pytest.MonkeyPatch,
) -> SecretServiceSession:
    """The real Secret Service, with this process's environment pointing at it."""
    use_session(secret_service_daemons, monkeypatch)
    return secret_service_daemons


@pytest.fixture
def real_backend(secret_service: SecretServiceSession) -> KeyringBackend:
    """keyring's own Secret Service backend, talking to the private GNOME Keyring."""
    return backend_of(SecretService.Keyring)


@pytest.fixture
def service_name() -> str:
    """A keyring service name of this test's own, so tests never see each other's entries."""
    return f"qonto-desktop-test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def real_store(real_backend: KeyringBackend, service_name: str) -> SecretStore:
    """A secret store on the real Secret Service."""
    return SecretStore(real_backend, service=service_name, timeout=10)


@contextlib.contextmanager
def own_session(root: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SecretServiceSession]:
    """A Secret Service for one test only, which it may lock or kill; stopped afterwards."""
    session = start_session(root)
    try:
        use_session(session, monkeypatch)
        yield session
    finally:
        session.stop()


@pytest.fixture
def locked_secret_service(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[SecretServiceSession]:
    """A Secret Service of this test's own, whose login collection the test may lock."""
    with own_session(tmp_path / "locked", monkeypatch) as session:
        yield session


@pytest.fixture
def dead_secret_service(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[SecretServiceSession]:
    """A session bus whose GNOME Keyring has been killed: nobody serves the secrets."""
    with own_session(tmp_path / "dead", monkeypatch) as session:
        session.kill_keyring()
        yield session


@pytest.fixture
def no_session_bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No D-Bus session: the address points at a socket nobody listens on (SSH, headless)."""
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
