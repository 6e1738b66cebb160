"""``status`` and ``status --check`` as separate processes against the emulator, real keyring.

A check says which request it rests on and never claims one it did not make; accounts at other
banks are shown as such and kept out of the Qonto total; amounts Qonto spells as strings (the
public-client variant) read as the same cents through the real connect flow.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qonto_desktop.emulator import Emulator
from qonto_desktop.qonto.presentation import money
from tests.support.command_line import (
    RunningCommand,
    approve_elsewhere,
    authorization_address,
    cli_env,
    run,
)

NO_ORGANIZATION = ("openid", "offline_access", "membership.read")


def connect(env: dict[str, str], scopes: tuple[str, ...] = ()) -> str:
    """``connect --no-browser``, approved in the emulator, the address pasted; its output."""
    asked = ["--scopes", *scopes] if scopes else []
    with RunningCommand(
        ["connect", "--environment", "emulator", "--no-browser", *asked], env
    ) as cmd:
        cmd.send(approve_elsewhere(authorization_address(cmd)))
        assert cmd.finish() == 0, cmd.stderr
    return cmd.stdout


def configured(
    emulator: Emulator, app_home: Path, keyring_env: dict[str, str], port: int
) -> dict[str, str]:
    emulator.register_redirect_uri(f"http://127.0.0.1:{port}/callback")
    env = cli_env(app_home, keyring_env=keyring_env, emulator_url=emulator.base_url)
    done = run(["configure", "--environment", "emulator", "--redirect-port", str(port)], env)
    assert done.returncode == 0, done.stderr
    return env


@pytest.mark.keyring
@pytest.mark.slow(seconds=15)
def test_status_marks_external_accounts_and_the_check_says_what_it_read(
    app_home: Path, keyring_env: dict[str, str], redirect_port: int
) -> None:
    with Emulator(consent_mode="approve", amounts_as_strings=True) as emulator:
        env = configured(emulator, app_home, keyring_env, redirect_port)
        connect(env)
        seeded = emulator.organizations[0]

        listed = run(["status"], env)
        assert listed.returncode == 0, listed.stderr
        lines = listed.stdout.splitlines()
        total = sum(account.balance_cents for account in seeded.bank_accounts)
        (total_line,) = [line for line in lines if "Total at Qonto" in line]
        assert money(total, "EUR", "en") in total_line
        for external in seeded.external_accounts:
            (line,) = [line for line in lines if external.name in line]
            assert line.endswith("(at another bank)")
            assert money(external.balance_cents, "EUR", "en") in line
        for account in seeded.bank_accounts:  # the strings were read as the same cents
            (line,) = [line for line in lines if line.strip().startswith(account.name)]
            assert money(account.balance_cents, "EUR", "en") in line
        assert "(company and accounts read from Qonto)" in listed.stdout

        checked = run(["status", "--check"], env)
        assert checked.returncode == 0, checked.stderr
        (verdict,) = [line for line in checked.stdout.splitlines() if "live check:" in line]
        assert "live check: ok (company and accounts read from Qonto at " in verdict

        data = json.loads(run(["status", "--json"], env).stdout)
        (connection,) = data["connections"]
        assert connection["qonto_total_cents"] == total
        assert [a["name"] for a in connection["accounts"] if a["external"]] == [
            a.name for a in seeded.external_accounts
        ]


@pytest.mark.keyring
@pytest.mark.slow(seconds=15)
def test_a_check_without_organization_read_says_not_checked_and_stamps_nothing(
    app_home: Path, keyring_env: dict[str, str], redirect_port: int
) -> None:
    with Emulator(consent_mode="approve") as emulator:
        env = configured(emulator, app_home, keyring_env, redirect_port)
        connect(env, NO_ORGANIZATION)
        before = emulator.events.copy()

        checked = run(["status", "--check"], env)
        assert checked.returncode == 1, checked.stdout  # a check that did not check failed
        (verdict,) = [line for line in checked.stdout.splitlines() if "live check:" in line]
        assert "not checked" in verdict
        assert "may not read the company" in verdict
        assert "(organization.read)" in verdict
        assert "live check: ok" not in checked.stdout
        assert "last verified: never" in checked.stdout
        assert emulator.events == before  # no token renewed on the way: nothing to claim

        as_json = json.loads(run(["status", "--check", "--json"], env).stdout)
        (connection,) = as_json["connections"]
        assert connection["verified_at"] is None
        assert connection["checked"] is False
        assert connection["check"].startswith("not checked")
