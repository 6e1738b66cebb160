"""User access from the command line, each command a ``main.py`` process on a real keyring.

configure --user-access yes -> connect --companies all (one sign-in, every company) -> status
-> token for each -> refresh (once for all) -> disconnect each (the last one revokes).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests
from keyring.backends import SecretService

from qonto_desktop.cli import exit_codes
from qonto_desktop.connections.keys import grant_refresh_token_key, grant_tokens_key
from qonto_desktop.emulator import Emulator
from qonto_desktop.store.secrets import SecretStore
from tests.support.command_line import (
    RunningCommand,
    approve_elsewhere,
    authorization_address,
    cli_env,
    run,
)
from tests.support.keyrings import backend_of


def reaches(emulator: Emulator, token: str, organization_id: str) -> int:
    answer = requests.get(
        f"{emulator.base_url}/v2/organization",
        headers={"Authorization": f"Bearer {token}", "X-Qonto-Organization-Id": organization_id},
        timeout=10,
    )
    return answer.status_code


def connect(env: dict[str, str], companies: str) -> RunningCommand:
    """Run ``connect --companies`` to its end, approving in the emulator on the way."""
    args = ["connect", "--environment", "emulator", "--no-browser", "--companies", companies]
    with RunningCommand(args, env) as cmd:
        cmd.send(approve_elsewhere(authorization_address(cmd)))
        cmd.finish()
    return cmd


@pytest.mark.slow(seconds=20)
@pytest.mark.keyring
def test_one_sign_in_many_companies_from_the_command_line(
    app_home: Path, keyring_env: dict[str, str], redirect_port: int
) -> None:
    with Emulator(consent_mode="approve", extra_organizations=2) as emulator:
        client = emulator.user_access_client
        emulator.register_redirect_uri(f"http://127.0.0.1:{redirect_port}/callback")
        env = cli_env(app_home, keyring_env=keyring_env, emulator_url=emulator.base_url)
        configure = [
            "configure",
            "--environment",
            "emulator",
            "--client-id",
            client.client_id,
            "--client-secret",
            "--redirect-port",
            str(redirect_port),
            "--user-access",
            "yes",
        ]
        configured = run(configure, env, stdin=f"{client.client_secret}\n")
        assert configured.returncode == 0, configured.stderr
        assert "user access" in configured.stdout

        nothing = connect(env, "000000000")
        assert nothing.process.returncode == exit_codes.ERROR, nothing.stderr
        assert "No company of this sign-in matches 000000000" in nothing.stderr
        assert emulator.organizations[0].name in nothing.stderr
        assert emulator.events["revoked"] == 1  # the unused grant does not stay alive

        added = connect(env, "all")
        assert added.process.returncode == 0, added.stderr
        for organization in emulator.organizations:
            assert organization.name in added.stderr  # the list, before the choice
            assert organization.legal_number in added.stderr
        assert f"Added {len(emulator.organizations)} companies" in added.stderr

        plain = run(["status"], env)
        assert plain.stdout.count("user access: one sign-in shared") == len(emulator.organizations)
        status = run(["status", "--json"], env)
        assert status.returncode == 0, status.stderr
        connections = json.loads(status.stdout)["connections"]
        by_org = {c["organization"]["id"]: c for c in connections}
        assert set(by_org) == {o.id for o in emulator.organizations}
        assert all(c["state"] == "ok" for c in connections)

        tokens = set()
        for organization in emulator.organizations:
            token = run(["token", by_org[organization.id]["id"]], env)
            assert token.returncode == 0, token.stderr
            tokens.add(token.stdout.strip())
            assert reaches(emulator, token.stdout.strip(), organization.id) == 200
        (shared,) = tokens

        refreshed = run(["refresh", "--all"], env)
        assert refreshed.returncode == 0, refreshed.stderr
        one = run(["refresh", by_org[emulator.organizations[0].id]["id"]], env)
        assert one.returncode == 0, one.stderr
        assert emulator.events["refreshed"] == 1  # one rotation for every company
        renewed = run(["token", by_org[emulator.organizations[-1].id]["id"]], env).stdout.strip()
        assert renewed != shared
        assert reaches(emulator, renewed, emulator.organizations[-1].id) == 200

        *first, last = emulator.organizations
        for organization in first:
            gone = run(["disconnect", by_org[organization.id]["id"]], env)
            assert gone.returncode == 0, gone.stderr
            assert "stays in use" in gone.stdout
            assert reaches(emulator, renewed, last.id) == 200
        final = run(["disconnect", by_org[last.id]["id"]], env)
        assert final.returncode == 0, final.stderr
        assert "tokens are deleted" in final.stdout
        assert reaches(emulator, renewed, last.id) == 401
        assert "No connection yet" in run(["status"], env).stdout

    grant_id = by_org[last.id]["grant_id"]
    store = SecretStore(backend_of(SecretService.Keyring))
    for key in (grant_tokens_key(grant_id), grant_refresh_token_key(grant_id)):
        assert store.get(key) is None
