"""``connect`` twice for one company, each a ``main.py`` process on a real keyring: the second
says the company was already connected and its access renewed, and keeps the connection."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qonto_desktop.cli.connect import ALREADY_CONNECTED
from qonto_desktop.emulator import Emulator
from tests.support.command_line import (
    RunningCommand,
    approve_elsewhere,
    authorization_address,
    cli_env,
    run,
)


def connect(env: dict[str, str]) -> RunningCommand:
    """Run ``connect`` to its end, approving in the emulator on the way."""
    with RunningCommand(["connect", "--environment", "emulator", "--no-browser"], env) as cmd:
        cmd.send(approve_elsewhere(authorization_address(cmd)))
        assert cmd.finish() == 0, cmd.stderr
    return cmd


def listed(env: dict[str, str]) -> list[dict[str, object]]:
    status = run(["status", "--json"], env)
    assert status.returncode == 0, status.stderr
    connections: list[dict[str, object]] = json.loads(status.stdout)["connections"]
    return connections


@pytest.mark.slow(seconds=15)
@pytest.mark.keyring
def test_connecting_a_company_again_says_already_connected_and_keeps_it(
    app_home: Path, keyring_env: dict[str, str], redirect_port: int
) -> None:
    with Emulator(consent_mode="approve") as emulator:
        client = emulator.public_client
        emulator.register_redirect_uri(f"http://127.0.0.1:{redirect_port}/callback")
        env = cli_env(app_home, keyring_env=keyring_env, emulator_url=emulator.base_url)
        configure = ["configure", "--environment", "emulator", "--client-id", client.client_id]
        configured = run([*configure, "--redirect-port", str(redirect_port)], env)
        assert configured.returncode == 0, configured.stderr

        first = connect(env)
        assert ALREADY_CONNECTED not in first.stdout
        assert emulator.organizations[0].name in first.stdout
        before = listed(env)

        again = connect(env)
        assert again.stdout.startswith(ALREADY_CONNECTED)
        after = listed(env)
        assert len(after) == len(before) == 1
        assert after[0]["id"] == before[0]["id"]
        assert after[0]["created_at"] == before[0]["created_at"]
        assert after[0]["refreshed_at"] is not None
        assert emulator.events["revoked"] == 1  # the replaced grant does not stay alive
