"""Nothing lost: ``main.py export --all`` of 40 clients killed (SIGKILL) at 20 or more requests
a seed chose, rerun each time, then run to its end: every file equals a clean run's byte for
byte (manifests included), and the transactions are the emulator's, none missing, none twice."""

from __future__ import annotations

import json
import os
import random
from datetime import date
from pathlib import Path

import pytest

from qonto_desktop.connections import token_pair
from qonto_desktop.connections.month_end_period import previous_month
from qonto_desktop.emulator import Emulator
from tests.support.command_line import cli_env
from tests.support.export_kills import connect_clients, export_all, export_killed_at, twin_home
from tests.support.month_end_checks import (
    emulator_transactions,
    folder_files,
    french_csv,
    ofx_entries,
)

CLIENTS = 40
KILLS = 20
SEED = int(os.environ.get("QONTO_TEST_SEED", "14"))


def contents(folder: Path) -> dict[str, bytes]:
    return {name: data for name, (data, _) in folder_files(folder).items()}


@pytest.mark.slow(seconds=60)
@pytest.mark.keyring
def test_killed_twenty_times_the_export_ends_as_a_clean_one(
    app_home: Path, keyring_env: dict[str, str], tmp_path: Path
) -> None:
    rng = random.Random(SEED)  # noqa: S311 - repeatable kill points
    with Emulator(
        consent_mode="approve", extra_organizations=CLIENTS - 3, transactions_per_month=4
    ) as emulator:
        clients = connect_clients(app_home, emulator, CLIENTS)
        clean_home = twin_home(clients, tmp_path / "clean-home")
        env = cli_env(app_home, keyring_env=keyring_env, emulator_url=emulator.base_url)
        clean_env = {**env, "QONTO_DESKTOP_HOME": str(clean_home)}
        choice = previous_month(date.today())
        clean, killed = tmp_path / "clean", tmp_path / "killed"

        before = emulator.bank_requests.total()
        done = export_all(clean_env, choice.label, clean)
        assert done.returncode == 0, done.stderr
        run_requests = emulator.bank_requests.total() - before

        # Points over a whole run; once a rerun ends first (everything exported), over what a
        # rerun asks, so every later attempt is killed too, rewriting the finished folders.
        points: list[int] = []
        bound = run_requests
        for _ in range(2 * KILLS):
            point = rng.randint(1, bound)
            start = emulator.bank_requests.total()
            if export_killed_at(emulator, env, choice.label, killed, start + point):
                points.append(point)
                if len(points) >= KILLS:
                    break
            else:
                bound = max(1, emulator.bank_requests.total() - start - 1)
        assert len(points) >= KILLS, f"seed {SEED}: killed only at {points}"
        last = export_all(env, choice.label, killed)
        assert last.returncode == 0, f"seed {SEED}, kills at {points}: {last.stderr}"

        assert contents(killed) == contents(clean), f"seed {SEED}, kills at {points}"
        summary = json.loads(last.stdout)
        assert [c["outcome"] for c in summary["clients"]] == ["done"] * CLIENTS
        by_id = {connection.id: connection for connection in clients.connections}
        for client in summary["clients"]:
            folder = Path(client["folder"])
            manifest = json.loads((folder / "manifest.json").read_bytes())
            connection = by_id[manifest["client"]["connection_id"]]
            token = token_pair.read(clients.desk, connection).access
            assert token is not None
            rows = french_csv(folder / f"transactions_{choice.label}.csv")[1:]
            csv_ids = [row[13] for row in rows]
            assert len(csv_ids) == len(set(csv_ids)), f"seed {SEED}: a transaction twice"
            wanted: set[str] = set()
            for entry in manifest["accounts"]:
                expected = emulator_transactions(
                    emulator, token, entry["id"], choice.start, choice.end
                )
                ids = [t["id"] for t in expected]
                found = ofx_entries(folder / entry["ofx"])
                assert sorted(fitid for fitid, _ in found) == sorted(ids), f"seed {SEED}"
                assert entry["settled"] == len(ids) == len(set(ids))
                wanted |= set(ids)
            assert wanted <= set(csv_ids), f"seed {SEED}: a transaction missing"
