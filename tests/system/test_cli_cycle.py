"""The command line's whole cycle, each command a separate ``main.py`` process on a real keyring.

connect (no browser here: the redirected address is pasted) -> status -> token -> refresh ->
disconnect, against the emulator, with GNOME Keyring as the OS keyring.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import requests
from keyring.backends import SecretService

from qonto_desktop.cli import exit_codes
from qonto_desktop.connections.keys import refresh_token_key, tokens_key
from qonto_desktop.emulator import Emulator
from qonto_desktop.store.secrets import SecretStore
from tests.conftest import Figure
from tests.support.command_line import (
    RunningCommand,
    approve_elsewhere,
    authorization_address,
    cli_env,
    run,
)
from tests.support.keyrings import backend_of

NOT_AN_ANSWER = "That address is not the one Qonto sends back"


def api_status(emulator: Emulator, token: str) -> int:
    """The Business API's HTTP status for a request with ``token``."""
    answer = requests.get(
        f"{emulator.base_url}/v2/organization",
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    return answer.status_code


@pytest.mark.keyring
def test_connect_status_token_refresh_disconnect(
    app_home: Path, keyring_env: dict[str, str], redirect_port: int, figure: Figure
) -> None:
    started = time.monotonic()
    with Emulator(consent_mode="approve") as emulator:
        organization = emulator.organizations[0]  # approve mode picks the first
        redirect_uri = f"http://127.0.0.1:{redirect_port}/callback"
        emulator.register_redirect_uri(redirect_uri)
        env = cli_env(app_home, keyring_env=keyring_env, emulator_url=emulator.base_url)

        configured = run(
            ["configure", "--environment", "emulator", "--redirect-port", str(redirect_port)], env
        )
        assert configured.returncode == 0, configured.stderr
        assert redirect_uri in configured.stdout

        with RunningCommand(["connect", "--environment", "emulator", "--no-browser"], env) as cmd:
            address = authorization_address(cmd)
            assert address.startswith(emulator.authorize_url + "?")
            ended_on = approve_elsewhere(address)
            assert ended_on.startswith(redirect_uri + "?")
            cmd.send("https://example.com/not-the-answer")
            cmd.stderr_line(lambda line: NOT_AN_ANSWER in line)
            assert cmd.process.poll() is None  # still waiting for the right address
            cmd.send(ended_on)
            assert cmd.finish() == 0, cmd.stderr
        assert organization.name in cmd.stdout
        # Who signed in comes from the membership (the verified ID token names nobody).
        user = emulator.user
        assert f"signed in as {user.first_name} {user.last_name} (accountant)" in cmd.stdout
        assert emulator.events["code_redeemed"] == 1

        status = run(["status"], env)
        assert status.returncode == 0, status.stderr
        assert organization.name in status.stdout
        assert "Secrets are stored in: Secret Service" in status.stdout

        listed = run(["status", "--json"], env)
        assert listed.returncode == 0, listed.stderr
        data = json.loads(listed.stdout)
        assert data["secrets_stored_in"].startswith("Secret Service")
        assert data["problem"] is None
        (connection,) = data["connections"]
        assert connection["organization"]["id"] == organization.id
        assert connection["organization"]["name"] == organization.name
        assert connection["organization"]["slug"] == organization.slug
        assert connection["environment"] == "emulator"
        assert connection["client_id"] == emulator.public_client.client_id
        assert connection["state"] == "ok"
        assert "offline_access" in connection["scopes_granted"]
        at_qonto = [a for a in connection["accounts"] if not a["external"]]
        assert len(at_qonto) == len(organization.bank_accounts)
        assert sum(a["external"] for a in connection["accounts"]) == len(
            organization.external_accounts
        )
        assert connection["access_expires_at"] > time.time()

        token = run(["token"], env)
        assert token.returncode == 0, token.stderr
        assert token.stderr == ""
        (access,) = token.stdout.splitlines()
        assert token.stdout == access + "\n"
        assert api_status(emulator, access) == 200

        as_json = run(["token", "--json"], env)
        assert as_json.returncode == 0, as_json.stderr
        payload = json.loads(as_json.stdout)
        assert payload["access_token"] == access  # still fresh: served from the keyring
        assert payload["token_type"] == "bearer"
        assert payload["connection"] == connection["id"]
        assert payload["organization"] == organization.name
        assert payload["environment"] == "emulator"
        assert payload["expires_at"] == connection["access_expires_at"]
        assert emulator.events["refreshed"] == 0

        nomatch = run(["token", "nomatch"], env)
        assert nomatch.returncode == exit_codes.NOT_FOUND
        assert nomatch.stdout == ""
        assert len(nomatch.stderr.splitlines()) == 1, nomatch.stderr

        by_slug = run(["refresh", organization.slug[:13]], env)
        assert by_slug.returncode == 0, by_slug.stderr
        assert f"{organization.name}: refreshed" in by_slug.stdout
        assert emulator.events["refreshed"] == 1
        assert api_status(emulator, access) == 401  # Qonto revokes it when it rotates
        renewed = run(["token"], env).stdout.strip()
        assert renewed != access
        assert api_status(emulator, renewed) == 200

        every = run(["refresh", "--all"], env)  # nothing needs it: nothing revoked
        assert every.returncode == 0, every.stderr
        assert f"{organization.name}: still fresh" in every.stdout
        assert emulator.events["refreshed"] == 1
        last = run(["token"], env).stdout.strip()
        assert last == renewed
        assert api_status(emulator, last) == 200

        gone = run(["disconnect", organization.name[:8].lower()], env)
        assert gone.returncode == 0, gone.stderr
        assert f"{organization.name}: disconnected" in gone.stdout
        assert gone.stderr == ""  # everything was revoked
        assert api_status(emulator, last) == 401
        assert emulator.events["refresh_refused"] == 0

        after = run(["status"], env)
        assert after.returncode == 0, after.stderr
        assert "No connection yet" in after.stdout
        none_left = run(["token"], env)
        assert none_left.returncode == exit_codes.NOT_FOUND
        assert none_left.stdout == ""

    store = SecretStore(backend_of(SecretService.Keyring))
    for key in (tokens_key(connection["id"]), refresh_token_key(connection["id"])):
        assert store.get(key) is None
    figure("seconds, 14 commands", round(time.monotonic() - started, 1))


def test_connect_without_a_keyring_stops_before_any_address(tmp_path: Path, app_home: Path) -> None:
    no_keyring = {
        "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path / 'no-bus'}",
        "HOME": str(tmp_path / "home"),
        "XDG_RUNTIME_DIR": str(tmp_path / "run"),
    }
    env = cli_env(app_home, keyring_env=no_keyring, emulator_url="http://127.0.0.1:9")
    result = run(["connect", "--environment", "emulator", "--no-browser"], env, stdin="")
    assert result.returncode == exit_codes.NO_SECURE_STORAGE, result.stderr
    assert "/oauth2/auth" not in result.stdout + result.stderr
    assert "Open this address" not in result.stderr
    assert "no secure storage" in result.stderr  # and what to install
