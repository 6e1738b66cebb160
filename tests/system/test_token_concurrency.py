"""Two processes asking for tokens while the access token keeps falling due.

Qonto (Ory Hydra / fosite) revokes a grant's current access token whenever its refresh token is
used, so every refresh kills the token handed out before it. These tests check what a script
can count on in that world.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from qonto_desktop.connections.fresh import access_token
from qonto_desktop.connections.freshness import HANDOUT_GRACE, REFRESH_MARGIN
from qonto_desktop.emulator import Emulator
from qonto_desktop.store.secret_service import Keyring as KeptKeyring
from tests.conftest import Figure
from tests.support.command_line import REPO, cli_env
from tests.support.desks import connect_one, make_desk
from tests.support.issued_tokens import api_accepts
from tests.support.keyrings import MemoryKeyring, backend_of
from tests.support.token_worker import Call
from tests.support.tokens import saved

CALLS = 50  # per worker
FRESH_FOR = 3.0  # seconds a new access token is served from the keyring before falling due
WORKER_TIMEOUT = 200.0


def start_worker(env: dict[str, str]) -> subprocess.Popen[str]:
    """A script process that will call ``main.py token`` CALLS times once told to go."""
    return subprocess.Popen(
        [sys.executable, "-m", "tests.support.token_worker", str(CALLS)],
        cwd=REPO,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.keyring
@pytest.mark.slow(seconds=90)  # 40 s on a quiet machine; each call is a process start
@pytest.mark.timeout(300)  # each expiry holds callers for HANDOUT_GRACE (10 s) by design
def test_two_processes_get_working_tokens_with_one_refresh_per_expiry(
    app_home: Path, keyring_env: dict[str, str], figure: Figure
) -> None:
    """Every token printed works when used at once; each expiry costs exactly one refresh.

    The emulator's access tokens live ``REFRESH_MARGIN + FRESH_FOR`` s, so a new token is
    served from the keyring for ``FRESH_FOR`` s, then falls due; the next ``main.py token`` (of
    either process) waits out ``HANDOUT_GRACE`` and refreshes it, the other waits on the lock and
    gets the new token. In production a token is served for 3300 s of its 3600. Why the
    compressed lifetime is faithful, and the assertions hold production to its own rules:

    - Nothing is possible here that production cannot do: a token is served only with more
      than the margin left and refreshed only with less, in both; the emulator's tokens never
      expire during the test (302 s), so a rejection can only be a revocation by a refresh,
      exactly as at Qonto. Compression only makes the moment a token falls due (once every
      55 minutes in production) happen every 2 s, so the races around it are tried about 10
      times per run instead of once an hour.
    - "Accepted" is checked by the worker right after each call, as a script uses
      ``$(main.py token)``; a token checked later may have been rotated away by then, in
      production too, so acceptance at the time of use is the faithful criterion. A rejection
      therefore means a script's token died within a fraction of a second of being printed,
      which ``HANDOUT_GRACE`` rules out; the next test shows the grace without any race.
    - One refresh per expiry: every refresh must yield a token some caller got (refreshes ==
      distinct tokens - 1, the first one coming from connect), and no two refreshes may serve
      the same expiry: a new token appears at the earliest when the previous one fell due,
      ``FRESH_FOR`` s after it, so first sightings closer than half that betray a duplicate.
    """
    with Emulator(consent_mode="approve", access_token_lifetime=REFRESH_MARGIN + FRESH_FOR) as em:
        desk = make_desk(app_home, em, backend_of(KeptKeyring))
        connection = connect_one(desk, em)
        first_token = saved(desk, connection).access
        assert first_token is not None
        connected_at = time.time()
        env = cli_env(app_home, keyring_env=keyring_env, emulator_url=em.base_url)
        started = time.monotonic()
        workers = [start_worker(env), start_worker(env)]
        for worker in workers:  # each starts calling as soon as it reads this line
            assert worker.stdin is not None
            worker.stdin.write("go\n")
            worker.stdin.flush()
        outputs = [worker.communicate(timeout=WORKER_TIMEOUT) for worker in workers]
        elapsed = time.monotonic() - started
        events = em.events

    for worker, (_, errors) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, errors
    calls = [Call(**record) for out, _ in outputs for record in json.loads(out)]
    failed = [call for call in calls if call.code != 0 or call.lines != 1]
    rejected = [call for call in calls if call.status != 200]
    tokens = {call.token for call in calls}
    first_seen: dict[str, float] = {first_token: connected_at}
    for call in sorted(calls, key=lambda call: call.returned):
        first_seen.setdefault(call.token, call.returned)
    appearances = sorted(first_seen.values())
    gaps = [later - earlier for earlier, later in itertools.pairwise(appearances)]

    figure("calls", len(calls))
    figure("distinct tokens", len(tokens))
    figure("refreshes", events["refreshed"])
    figure("rejected", len(rejected))
    figure("elapsed (s)", round(elapsed, 1))
    figure("closest new tokens (s)", round(min(gaps), 2) if gaps else None)

    assert len(calls) == 2 * CALLS
    assert failed == []
    assert rejected == []
    assert events["refresh_refused"] == 0
    assert events["refreshed"] >= 2, "the calls did not span two expiries: nothing was tested"
    assert events["refreshed"] == len(tokens | {first_token}) - 1
    assert min(gaps) >= FRESH_FOR / 2, f"two refreshes for one expiry: {gaps}"


def test_a_token_handed_out_is_not_revoked_moments_later_by_another_process(
    app_home: Path,
) -> None:
    """A token served with just over the margin left lives its grace before any refresh.

    Production values throughout (Qonto's 3600 s lifetime, the app's 300 s margin): only the
    app's clock is moved to 301 s before expiry, as 55 minutes of waiting would. Qonto revokes
    the current access token whenever the refresh token is used, so no app can keep a handed-out
    token alive through another process's refresh; what it can promise is that the refresh does
    not come at once. Two seconds after the hand-out another process asks: the token is due for
    it, so it waits until ``HANDOUT_GRACE`` seconds after the margin, then refreshes. The first
    token works all along until then.
    """
    with Emulator(consent_mode="approve") as emulator:
        keyring = MemoryKeyring()
        clock = [time.time()]
        accepted_while_waiting: list[bool] = []
        handed: list[str] = []

        def pause(seconds: float) -> None:
            accepted_while_waiting.append(api_accepts(emulator, handed[0]))
            clock[0] += seconds  # the wait, as time would pass

        script = replace(make_desk(app_home, emulator, keyring), now=lambda: clock[0])
        other = replace(make_desk(app_home, emulator, keyring), now=lambda: clock[0], pause=pause)
        connection = connect_one(script, emulator)

        clock[0] = connection.access_expires_at - REFRESH_MARGIN - 1
        handed.append(access_token(script, connection.id).access_token)
        handed_out_at = clock[0]
        assert emulator.events["refreshed"] == 0  # served from the keyring

        clock[0] += 2
        newer = access_token(other, connection.id)
        assert emulator.events["refreshed"] == 1
        assert api_accepts(emulator, newer.access_token)
        assert accepted_while_waiting == [True]
        assert clock[0] - handed_out_at >= HANDOUT_GRACE  # the refresh came after the grace
