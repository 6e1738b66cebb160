"""The real Secret Service as fixtures, for every test folder (a plugin of tests/conftest.py).

The daemons start once per test process (once per xdist worker) and stop at its end; each test
that asks for the keyring gets the session's HOME, XDG_RUNTIME_DIR and bus address for its own
duration only, so no other test ever sees them, and the user's real keyring is never reached.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.components import require
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
def keyring_env(secret_service: SecretServiceSession) -> dict[str, str]:
    """``HOME``, ``XDG_RUNTIME_DIR`` and the bus address that lead a process to GNOME Keyring."""
    return dict(secret_service.env)
