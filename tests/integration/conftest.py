"""Integration fixtures: a real Secret Service (GNOME Keyring on a private D-Bus session bus).

The shared daemons are tests/support/secret_service_fixtures.py's; here are the backends and
stores on them, and the sessions a single test may lock or kill.
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
from tests.support.keyrings import backend_of
from tests.support.secret_service import SecretServiceSession
from tests.support.secret_service_fixtures import start_session, use_session


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
