"""A desk for tests: the emulator as Qonto, a given keyring backend, files under the test home."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from keyring.backend import KeyringBackend

from qonto_desktop.connections.attempt import Attempt
from qonto_desktop.connections.checkpoint import Checkpoint, carry_on
from qonto_desktop.connections.connect import ConnectRequest, connect
from qonto_desktop.connections.desk import Desk
from qonto_desktop.emulator import Emulator
from qonto_desktop.store.connection import Connection
from qonto_desktop.store.index import ConnectionIndex
from qonto_desktop.store.secrets import SecretStore
from qonto_desktop.system.paths import AppPaths
from tests.support.approval import follow

EVERYTHING = ("openid", "offline_access", "organization.read", "membership.read")


def make_desk(
    home: Path,
    emulator: Emulator,
    backend: KeyringBackend,
    *,
    timeout: float = 5.0,
) -> Desk:
    """A desk on the emulator environment, its redirect port picked freely (port 0)."""
    paths = AppPaths(home / "config", home / "data", home / "logs")
    settings = {
        "registrations": {
            "emulator": {"client_id": emulator.public_client.client_id, "redirect_port": 0}
        }
    }
    return Desk(
        paths=paths,
        secrets=SecretStore(backend, timeout=timeout),
        index=ConnectionIndex(paths.data_dir / "connections.json"),
        settings=settings,
        environ={"QONTO_DESKTOP_EMULATOR_URL": emulator.base_url},
        now=time.time,
    )


def registering(emulator: Emulator) -> Callable[[Attempt], None]:
    """An ``on_waiting`` that registers the attempt's redirect URI with the emulator."""

    def on_waiting(attempt: Attempt) -> None:
        emulator.register_redirect_uri(attempt.redirect_uri)

    return on_waiting


def connect_one(
    desk: Desk,
    emulator: Emulator,
    scopes: tuple[str, ...] = EVERYTHING,
    *,
    organization_id: str | None = None,
    checkpoint: Checkpoint = carry_on,
) -> Connection:
    """Connect through the emulator (auto-approve), as the window or the command line would."""
    request = ConnectRequest(
        environment="emulator", scopes=scopes, organization_id=organization_id, timeout=30
    )
    return connect(desk, request, follow, on_waiting=registering(emulator), checkpoint=checkpoint)
