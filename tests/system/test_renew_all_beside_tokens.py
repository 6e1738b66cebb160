"""``refresh --all`` in one process while scripts in two others keep asking for tokens.

Every process is real (the command line, GNOME Keyring on its own bus, the emulator's Hydra-like
rotation, which revokes a grant's access token when its refresh token is used and a rotated
refresh token after its 60-second grace). The access tokens fall due every few seconds, so the
batch and the scripts keep meeting on the same grants: whoever comes second must find the other's
rotation under the grant's lock, never present a spent refresh token, and never hand out a
token that a rotation has just killed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from qonto_desktop.connections.fresh import access_token
from qonto_desktop.connections.freshness import REFRESH_MARGIN
from qonto_desktop.emulator import Emulator
from qonto_desktop.store.secret_service import Keyring as KeptKeyring
from tests.conftest import Figure
from tests.support.command_line import REPO, cli_env, run
from tests.support.desks import connect_one, make_desk
from tests.support.issued_tokens import api_accepts
from tests.support.keyrings import backend_of
from tests.support.token_worker import Call

CLIENTS = 6
CALLS = 12  # per script
FRESH_FOR = 3.0  # seconds a new access token is served before falling due
WORKER_TIMEOUT = 240.0


def start_worker(env: dict[str, str], names: list[str]) -> subprocess.Popen[str]:
    """A script process that will call ``main.py token NAME`` CALLS times once told to go."""
    return subprocess.Popen(
        [sys.executable, "-m", "tests.support.token_worker", str(CALLS), *names],
        cwd=REPO,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.keyring
@pytest.mark.slow(seconds=90)  # each expiry holds callers for HANDOUT_GRACE (10 s) by design
@pytest.mark.timeout(400)
def test_renew_all_beside_token_calls_loses_nothing_and_is_never_refused(
    app_home: Path, keyring_env: dict[str, str], figure: Figure
) -> None:
    with Emulator(
        consent_mode="approve",
        access_token_lifetime=REFRESH_MARGIN + FRESH_FOR,
        extra_organizations=CLIENTS,
    ) as emulator:
        desk = make_desk(app_home, emulator, backend_of(KeptKeyring))
        connections = [
            connect_one(desk, emulator, organization_id=emulator.organizations[i].id)
            for i in range(CLIENTS)
        ]
        ids = [connection.id for connection in connections]
        env = cli_env(app_home, keyring_env=keyring_env, emulator_url=emulator.base_url)
        workers = [start_worker(env, ids), start_worker(env, ids[::-1])]
        for worker in workers:
            assert worker.stdin is not None
            worker.stdin.write("go\n")
            worker.stdin.flush()
        batches = []
        while any(worker.poll() is None for worker in workers):
            batches.append(run(["refresh", "--all"], env, timeout=120))
        outputs = [worker.communicate(timeout=WORKER_TIMEOUT) for worker in workers]
        calls = [Call(**record) for out, _ in outputs for record in json.loads(out)]
        after = [access_token(desk, connection_id) for connection_id in ids]
        accepted_after = [api_accepts(emulator, fresh.access_token) for fresh in after]
        events = emulator.events
        states = [desk.index.get(connection_id).state for connection_id in ids]

    figure("token calls", len(calls))
    figure("refresh --all runs", len(batches))
    figure("refreshes", events["refreshed"])
    for worker, (_, errors) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, errors
    assert len(calls) == 2 * CALLS
    assert [call for call in calls if call.code != 0 or call.status != 200] == []
    assert [batch.stderr for batch in batches if batch.returncode != 0] == []
    assert len(batches) >= 2, "the batches did not run beside the calls: nothing was tested"
    assert events["refresh_refused"] == 0  # no invalid_grant: no spent refresh token presented
    assert states == ["ok"] * CLIENTS  # no connection lost
    assert accepted_after == [True] * CLIENTS
