"""System fixtures: the integration tests' real Secret Service, shared, and a free port.

The Secret Service fixtures are the integration tests' own, imported rather than re-declared, so
there is one way to start and stop GNOME Keyring. Here too they start once per test session.
Commands run in this process set up the app's logging on the root logger: the logging tests'
own autouse fixture takes it back after each test, so no later test sees its records rewritten.
"""

from __future__ import annotations

import socket

import pytest

from tests.integration.conftest import secret_service, secret_service_daemons
from tests.support.secret_service import SecretServiceSession
from tests.unit.system.test_logs import restore_root_logger

__all__ = [
    "keyring_env",
    "redirect_port",
    "restore_root_logger",
    "secret_service",
    "secret_service_daemons",
]


@pytest.fixture
def keyring_env(secret_service: SecretServiceSession) -> dict[str, str]:
    """``HOME``, ``XDG_RUNTIME_DIR`` and the bus address that lead a process to GNOME Keyring."""
    return dict(secret_service.env)


@pytest.fixture
def redirect_port() -> int:
    """A port free on 127.0.0.1 right now, for a redirect URI the app will listen on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port
