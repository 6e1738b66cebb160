"""The month end from the command line: each command a ``main.py`` process on a real keyring,
against the emulator: connect three companies, sync, export, export again, faults, a 401."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest
import requests

from qonto_desktop.cli import exit_codes
from qonto_desktop.connections.month_end_period import previous_month
from qonto_desktop.emulator import Emulator
from tests.support.command_line import (
    RunningCommand,
    approve_elsewhere,
    authorization_address,
    cli_env,
    run,
)
from tests.support.month_end_checks import (
    emulator_transactions,
    folder_files,
    french_csv,
    missing_in_emulator,
    ofx_entries,
)


def connect(env: dict[str, str], organization_id: str) -> None:
    args = ["connect", "--environment", "emulator", "--no-browser"]
    with RunningCommand([*args, "--organization-id", organization_id], env) as cmd:
        cmd.send(approve_elsewhere(authorization_address(cmd)))
        assert cmd.finish() == 0, cmd.stderr


def export(env: dict[str, str], period: str, to: Path, *names: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    which = list(names) or ["--all"]
    done = run(["export", *which, "--period", period, "--to", str(to), "--json"], env)
    assert done.stderr == "" or done.returncode != 0, done.stderr
    return done.returncode, json.loads(done.stdout)


@pytest.mark.slow(seconds=90)
@pytest.mark.keyring
def test_the_month_end_of_three_companies(
    app_home: Path, keyring_env: dict[str, str], redirect_port: int, tmp_path: Path
) -> None:
    with Emulator(consent_mode="approve") as emulator:
        emulator.register_redirect_uri(f"http://127.0.0.1:{redirect_port}/callback")
        env = cli_env(app_home, keyring_env=keyring_env, emulator_url=emulator.base_url)
        configure = [
            "configure",
            "--environment",
            "emulator",
            "--redirect-port",
            str(redirect_port),
        ]
        assert run(configure, env).returncode == 0
        organizations = emulator.organizations[:3]
        for organization in organizations:
            connect(env, organization.id)

        synced = run(["sync", "--all", "--json"], env)
        assert synced.returncode == 0, synced.stderr
        assert [c["outcome"] for c in json.loads(synced.stdout)["clients"]] == ["done"] * 3

        choice = previous_month(date.today())
        out = tmp_path / "exports"
        code, summary = export(env, choice.label, out)
        assert code == 0, summary
        folders = {c["name"]: Path(c["folder"]) for c in summary["clients"]}
        assert [c["outcome"] for c in summary["clients"]] == ["done"] * 3
        for organization in organizations:
            folder = folders[organization.name]
            assert folder.parent.parent == out
            assert folder.name == choice.label
            token = run(["token", organization.name], env).stdout.strip()
            manifest = json.loads((folder / "manifest.json").read_bytes())
            rows = french_csv(folder / f"transactions_{choice.label}.csv")
            assert rows[0][0] == "Date"
            csv_ids = {row[13] for row in rows[1:]}
            for entry in manifest["accounts"]:
                expected = emulator_transactions(
                    emulator, token, entry["id"], choice.start, choice.end
                )
                wanted = {
                    (t["id"], t["amount_cents"] * (1 if t["side"] == "credit" else -1))
                    for t in expected
                }
                assert ofx_entries(folder / entry["ofx"]) == wanted
                assert {t for t, _ in wanted} <= csv_ids
                assert entry["settled"] == len(wanted)
                assert entry["balance"]["sum_cents"] == sum(c for _, c in wanted)
                assert entry["balance"]["explained"] is True
                if entry["statements"][choice.label] is not None:
                    assert (folder / entry["statements"][choice.label]).read_bytes()[:4] == b"%PDF"
            for name, digest in manifest["files"].items():
                assert (folder / name).is_file(), name
                assert len(digest) == 64

        missing = json.loads(run(["receipts", "--missing", "--json"], env).stdout)["missing"]
        expected_missing: set[str] = set()
        for organization in organizations:
            token = run(["token", organization.name], env).stdout.strip()
            for account in organization.bank_accounts:
                expected_missing |= missing_in_emulator(emulator, token, account.id)
        assert {row["transaction_id"] for row in missing} == expected_missing
        listed = tmp_path / "missing.csv"
        assert run(["receipts", "--missing", "--csv", str(listed)], env).returncode == 0
        assert len(french_csv(listed)) == len(missing) + 1

        # Again with nothing new: the same bytes, the files not even rewritten, nothing fetched.
        before = {name: folder_files(folder) for name, folder in folders.items()}
        calls = emulator.bank_requests
        code, _ = export(env, choice.label, out)
        assert code == 0
        assert {name: folder_files(folder) for name, folder in folders.items()} == before
        after = emulator.bank_requests
        assert after["files"] == calls["files"]
        assert after["attachment"] == calls["attachment"]

        # A correction in Qonto changes only the files it touches.
        changed_org = organizations[1]
        account = changed_org.bank_accounts[0]
        emulator.change_transactions(account.id, 5)
        code, _ = export(env, choice.label, out)
        assert code == 0
        for organization in organizations:
            now = folder_files(folders[organization.name])
            differ = {n for n in now if before[organization.name].get(n) != now[n]}
            if organization is not changed_org:
                assert differ == set()
            else:
                assert all(
                    n.endswith((".csv", ".ofx", ".json")) or n.startswith("justificatifs/")
                    for n in differ
                ), differ
                assert not any(n.endswith(".pdf") and "/" not in n for n in differ)

        # Expired addresses, a 429 storm and 503s: another period still ends complete.
        emulator.bank_switches.retry_after = 1
        emulator.bank_switches.expire_urls(1)  # a fresh address is asked once
        emulator.bank_switches.storm(3)
        emulator.bank_switches.server_errors(2)
        earlier = previous_month(choice.start)
        code, faults = export(env, earlier.label, tmp_path / "faults")
        assert code == 0, [c["error"] for c in faults["clients"]]
        assert [c["outcome"] for c in faults["clients"]] == ["done"] * 3
        emulator.bank_switches.clear()

        # Consent withdrawn for one company: that one is to reconnect, the others are done.
        gone = organizations[0]
        token = run(["token", gone.name], env).stdout.strip()
        withdrawn = requests.delete(
            f"{emulator.base_url}/v2/oauth2/consents",
            headers={"Authorization": f"Bearer {token}"},
            timeout=10,
        )
        assert withdrawn.status_code == 204
        code, last = export(env, choice.label, out)
        assert code == exit_codes.NEEDS_RECONNECT
        outcomes = {
            c["name"]: (c["outcome"], (c["error"] or {}).get("code")) for c in last["clients"]
        }
        assert outcomes[gone.name] == ("failed", "needs_reconnect")
        assert [outcomes[o.name][0] for o in organizations[1:]] == ["done", "done"]


def one_line_and_nothing_written(
    done: subprocess.CompletedProcess[str], code: int, out: Path
) -> str:
    assert done.returncode == code, done.stderr
    assert len(done.stderr.splitlines()) == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists() or not any(out.rglob("*"))
    return done.stderr


@pytest.mark.slow(seconds=15)
@pytest.mark.keyring
def test_bad_input_gives_one_clear_message_and_writes_nothing(
    app_home: Path, keyring_env: dict[str, str], redirect_port: int, tmp_path: Path
) -> None:
    out = tmp_path / "exports"
    with Emulator(consent_mode="approve") as emulator:
        emulator.register_redirect_uri(f"http://127.0.0.1:{redirect_port}/callback")
        env = cli_env(app_home, keyring_env=keyring_env, emulator_url=emulator.base_url)
        configure = ["configure", "--environment", "emulator"]
        assert run([*configure, "--redirect-port", str(redirect_port)], env).returncode == 0
        organization = emulator.organizations[0]
        connect(env, organization.id)
        before = emulator.bank_requests

        period = run(["export", "--all", "--period", "2026-13", "--to", str(out)], env)
        assert "2026-13" in one_line_and_nothing_written(period, exit_codes.USAGE, out)

        blocker = tmp_path / "a-file"
        blocker.write_bytes(b"")
        locked = run(["export", "--all", "--period", "2026-11", "--to", str(blocker / "x")], env)
        said = one_line_and_nothing_written(locked, exit_codes.ERROR, out)
        assert str(blocker / "x") in said
        assert "folder you can write to" in said
        assert blocker.read_bytes() == b""
        assert emulator.bank_requests == before  # said before anything is sent

        gone = run(["disconnect", organization.name], env)
        assert gone.returncode == 0, gone.stderr
        name = organization.name
        missing = run(["export", name, "--period", "2026-11", "--to", str(out)], env)
        one_line_and_nothing_written(missing, exit_codes.NOT_FOUND, out)
        nobody = run(["export", "--all", "--period", "2026-11", "--to", str(out)], env)
        one_line_and_nothing_written(nobody, exit_codes.ERROR, out)
