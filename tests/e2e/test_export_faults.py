"""Faults during a real ``main.py export --all``: expired file addresses, a 429 storm, 503s,
cut downloads, and a 401 in the middle (the access token revoked by a refresh elsewhere):
the export still ends complete, every file equal to a clean run's, byte for byte."""

from __future__ import annotations

import json
import subprocess
import threading
from datetime import date
from pathlib import Path

import pytest

from qonto_desktop.connections.fresh import refresh
from qonto_desktop.connections.month_end_period import previous_month
from qonto_desktop.emulator import Emulator
from tests.support.command_line import REPO, SOURCE, cli_env
from tests.support.export_kills import connect_clients, export_all, export_args, twin_home
from tests.support.month_end_checks import folder_files

CLIENTS = 5


def contents(folder: Path) -> dict[str, bytes]:
    return {name: data for name, (data, _) in folder_files(folder).items()}


@pytest.mark.slow(seconds=30)
@pytest.mark.keyring
def test_faults_and_a_401_mid_run_end_in_a_complete_export(
    app_home: Path, keyring_env: dict[str, str], tmp_path: Path
) -> None:
    with Emulator(
        consent_mode="approve", extra_organizations=CLIENTS - 3, transactions_per_month=6
    ) as emulator:
        clients = connect_clients(app_home, emulator, CLIENTS)
        clean_home = twin_home(clients, tmp_path / "clean-home")
        env = cli_env(app_home, keyring_env=keyring_env, emulator_url=emulator.base_url)
        period = previous_month(date.today()).label
        clean = tmp_path / "clean"
        done = export_all({**env, "QONTO_DESKTOP_HOME": str(clean_home)}, period, clean)
        assert done.returncode == 0, done.stderr

        switches = emulator.bank_switches
        switches.retry_after = 1
        switches.expire_urls(3)
        switches.storm(4)
        switches.server_errors(3)
        switches.truncate_downloads(1)  # fetched again once; a second cut in a row is said
        revoked = emulator.requests_reached(emulator.bank_requests.total() + 2)
        refreshed_before = emulator.events["refreshed"]

        def revoke_mid_run() -> None:  # Qonto revokes the access token the export holds
            revoked.wait()
            refresh(clients.desk, clients.connections[0].id)

        revoker = threading.Thread(target=revoke_mid_run, name="revoker")
        revoker.start()
        faulty = tmp_path / "faulty"
        try:
            ended = subprocess.run(
                [*SOURCE, *export_args(period, faulty)],
                cwd=REPO,
                env=env,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                timeout=180,
                check=False,
            )
        finally:
            revoked.set()
            revoker.join()
        assert ended.returncode == 0, ended.stdout + ended.stderr
        outcomes = [c["outcome"] for c in json.loads(ended.stdout)["clients"]]
        assert outcomes == ["done"] * CLIENTS
        assert emulator.events["refreshed"] >= refreshed_before + 1  # the token was revoked
        assert contents(faulty) == contents(clean)
