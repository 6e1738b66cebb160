"""One connection's context: resolved once; its client secret is read only for token calls."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from qonto_desktop.connections.context import for_connection, resolve
from qonto_desktop.connections.desk import Desk, environment_of
from qonto_desktop.connections.keys import client_secret_key
from qonto_desktop.emulator import Emulator
from qonto_desktop.qonto.environments import SANDBOX
from qonto_desktop.qonto.errors import SandboxStagingTokenError
from tests.support.desks import connect_one
from tests.support.keyrings import MemoryKeyring

ROOT = Path(__file__).resolve().parents[3]


class CountingKeyring(MemoryKeyring):
    """Counts the reads of each entry."""

    def __init__(self) -> None:
        super().__init__()
        self.reads: list[str] = []

    def get_password(self, service: str, username: str) -> str | None:
        """The stored password, or None; the read is recorded."""
        self.reads.append(username)
        return super().get_password(service, username)


def test_an_api_only_journey_reads_no_client_secret(desk: Desk) -> None:
    keyring = CountingKeyring()
    counting = replace(desk, secrets=type(desk.secrets)(keyring))
    context = resolve(counting, environment_of(counting, "emulator"), "client-1")
    context.api("an-access-token")
    assert keyring.reads == []
    secret = client_secret_key("emulator", "client-1")
    assert context.token_client is context.token_client  # built once, on first use
    assert keyring.reads == [secret]


def test_a_missing_staging_token_is_reported_when_resolving(desk: Desk) -> None:
    with pytest.raises(SandboxStagingTokenError):
        resolve(desk, SANDBOX, "client-1")


def test_a_saved_connection_gets_its_own_environment_and_client(
    desk: Desk, emulator: Emulator
) -> None:
    connection = connect_one(desk, emulator)
    context = for_connection(desk, connection)
    assert context.environment.name == connection.environment
    assert context.client_id == connection.client_id
    assert context.headers == {}


def test_the_quick_token_path_does_not_load_the_context() -> None:
    code = (
        "import sys\n"
        "import qonto_desktop.cli.token, qonto_desktop.connections.fresh\n"
        "later = ('qonto_desktop.connections.context', 'qonto_desktop.connections.renewal',"
        " 'filelock', 'qonto_desktop.oauth.tokens', 'qonto_desktop.qonto.api')\n"
        "print([name for name in later if name in sys.modules])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_refresh_path_does_not_load_the_id_token_verifier() -> None:
    """Only a code exchange verifies an ID token: a due ``token`` or ``refresh`` never does."""
    code = (
        "import sys\n"
        "import qonto_desktop.connections.renewal\n"
        "later = ('qonto_desktop.oauth.id_token', 'qonto_desktop.oauth.jwks')\n"
        "print([name for name in later if name in sys.modules])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
