"""Renew all in one batch: the index read once, a bounded pool, crash-safe, 429s and damage."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.fresh import access_token, renew_all
from qonto_desktop.connections.freshness import REFRESH_MARGIN
from qonto_desktop.connections.renew_all import renew_all as batch_renew
from qonto_desktop.emulator import Emulator, Fault
from qonto_desktop.store import index as index_module
from qonto_desktop.store.connection import Connection
from qonto_desktop.store.errors import StorageError
from qonto_desktop.store.index import IndexProblem
from tests.support.desks import connect_one, make_desk
from tests.support.issued_tokens import api_accepts
from tests.support.keyrings import MemoryKeyring

CLIENTS = 5
# Fresh for a moment after connecting, then due; well past the hand-out grace once moved.
LIFETIME = REFRESH_MARGIN + 1
LATER = 30.0


class Held:
    """A limiter that records the pauses asked of it (the real one is tested on its own)."""

    def __init__(self) -> None:
        self.held: list[float] = []
        self.acquired = 0

    def acquire(self) -> None:
        self.acquired += 1

    def hold(self, seconds: float) -> None:
        self.held.append(seconds)


class LockingKeyring(MemoryKeyring):
    """A keyring that can lock (every call refused, as after a dismissed prompt) and unlock."""

    locked = False

    def get_password(self, service: str, username: str) -> str | None:
        self._check()
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self._check()
        super().set_password(service, username, password)

    def _check(self) -> None:
        if self.locked:
            from keyring import errors

            raise errors.KeyringLocked("Failed to unlock the collection!")


@pytest.fixture
def short_lived() -> Iterator[Emulator]:
    """An emulator whose access tokens are due for refresh almost at once."""
    with Emulator(
        consent_mode="approve", access_token_lifetime=LIFETIME, extra_organizations=CLIENTS
    ) as running:
        yield running


def on_clock(desk: Desk, clock: list[float]) -> Desk:
    """The desk on a clock the test moves; waiting moves it too, as time would."""

    def pause(seconds: float) -> None:
        clock[0] += seconds

    return replace(desk, now=lambda: clock[0], pause=pause)


def connected(
    home: Path, emulator: Emulator, backend: MemoryKeyring, count: int = CLIENTS
) -> tuple[Desk, list[Connection], list[float]]:
    """``count`` connections whose access tokens are all due on the desk's clock."""
    desk = make_desk(home, emulator, backend)
    clock = [desk.now()]
    desk = on_clock(desk, clock)
    connections = [
        connect_one(desk, emulator, organization_id=emulator.organizations[i].id)
        for i in range(count)
    ]
    clock[0] += LATER
    return desk, connections, clock


def every_token_works(desk: Desk, emulator: Emulator, connections: list[Connection]) -> None:
    for connection in connections:
        assert api_accepts(emulator, access_token(desk, connection.id).access_token)
        assert desk.index.get(connection.id).state == "ok"


def test_every_due_connection_is_renewed_with_the_index_read_once_per_chunk(
    app_home: Path, short_lived: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk, connections, _ = connected(app_home, short_lived, MemoryKeyring())
    reads, writes = _counting(monkeypatch)
    progress: list[tuple[int, int]] = []
    report = renew_all(desk, on_progress=lambda done, total, _: progress.append((done, total)))
    assert [r.refreshed for r in report.results] == [True] * CLIENTS
    assert all(r.error is None for r in report.results)
    assert short_lived.events["refreshed"] == CLIENTS
    # Read: the pass, then for the one chunk its check and its two writes' own reads. Written:
    # the access tokens marked spent, then the outcomes.
    assert (reads[0], writes[0]) == (4, 2)
    assert progress == [(done, CLIENTS) for done in range(1, CLIENTS + 1)]
    every_token_works(desk, short_lived, connections)
    assert short_lived.events["refreshed"] == CLIENTS  # the tokens saved are the ones served


def test_a_chunk_s_outcomes_and_the_next_chunk_s_spent_marks_share_one_index_write(
    app_home: Path, short_lived: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk, connections, _ = connected(app_home, short_lived, MemoryKeyring())
    reads, writes = _counting(monkeypatch)
    report = batch_renew(desk, chunk_size=2, pool_size=2)  # 5 grants: chunks of 2, 2 and 1
    assert [r.refreshed for r in report.results] == [True] * CLIENTS
    # Written: the first chunk's spent marks, then at each of the two boundaries the outcomes
    # and the next chunk's marks together, then the last chunk's outcomes: 4, not 6.
    assert writes[0] == 4
    assert reads[0] == 1 + 3 + 4  # the pass, each chunk's check, each write's own read
    every_token_works(desk, short_lived, connections)
    assert short_lived.events["refreshed"] == CLIENTS


@pytest.fixture
def roomy() -> Iterator[Emulator]:
    """An emulator with room for every client, its tokens living Qonto's hour."""
    with Emulator(consent_mode="approve", extra_organizations=CLIENTS) as running:
        yield running


def test_nothing_due_sends_nothing_and_decodes_the_index_once(
    app_home: Path, roomy: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    emulator = roomy
    backend = MemoryKeyring()
    desk = make_desk(app_home, emulator, backend)
    for i in range(CLIENTS):
        connect_one(desk, emulator, organization_id=emulator.organizations[i].id)
    decodes = [0]
    real_decode = index_module.decode  # type: ignore[attr-defined]

    def counting(data: bytes) -> object:
        decodes[0] += 1
        return real_decode(data)

    monkeypatch.setattr(index_module, "decode", counting)
    keyring_calls = [0]
    monkeypatch.setattr(
        backend, "get_password", lambda *args: keyring_calls.__setitem__(0, keyring_calls[0] + 1)
    )
    report = renew_all(desk)
    assert [r.refreshed for r in report.results] == [False] * CLIENTS
    assert decodes[0] == 1  # not once per connection
    assert keyring_calls[0] == 0
    assert emulator.events["refreshed"] == 0


STEPS = [
    "next chunk",
    "token answer received",
    "tokens saved",
    "index written",
]


class CrashError(Exception):
    """The process dies here."""


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("nth", [1, 3])
@pytest.mark.parametrize("why", ["access token due", "refresh token ageing"])
def test_a_crash_at_any_step_of_a_batch_loses_no_connection(
    app_home: Path, short_lived: Emulator, roomy: Emulator, *, step: str, nth: int, why: str
) -> None:
    """Whether the access token is due, or still good while the refresh token ages (then
    Qonto's rotation kills that good token, and the index must never offer it again)."""
    backend = MemoryKeyring()  # survives the "crash", as the OS keyring would
    emulator = short_lived if why == "access token due" else roomy
    desk, connections, clock = connected(app_home, emulator, backend)
    if why == "refresh token ageing":
        ageing = {c.id: {"refresh_expires_at": clock[0] + 13 * 86400} for c in connections}
        desk.index.update_each(ageing)
    seen = [0]

    def crash_at(reached: str) -> None:
        if reached == step:
            seen[0] += 1
            if seen[0] == nth:
                raise CrashError(step)

    with pytest.raises(CrashError):
        batch_renew(desk, checkpoint=crash_at, chunk_size=2, pool_size=2)
    restarted = on_clock(make_desk(app_home, emulator, backend), clock)  # a new process
    every_token_works(restarted, emulator, connections)
    report = renew_all(restarted)  # and a batch works afterwards
    assert all(r.error is None for r in report.results)
    assert emulator.events["refresh_refused"] == 0


def test_a_keyring_that_locks_mid_batch_fails_those_clients_only_and_loses_nothing(
    app_home: Path, short_lived: Emulator
) -> None:
    backend = LockingKeyring()
    desk, connections, _ = connected(app_home, short_lived, backend)
    answers = [0]

    def lock_after_second_answer(step: str) -> None:
        if step == "token answer received":
            answers[0] += 1
            backend.locked = answers[0] == 2  # Qonto rotated; the keyring locks for this save

    def unlock(done: int, total: int, result: object) -> None:
        backend.locked = False  # the user unlocked it again

    results = batch_renew(
        desk, checkpoint=lock_after_second_answer, on_progress=unlock, chunk_size=1
    ).results
    failed = [r for r in results if r.error is not None]
    assert len(failed) == 1
    assert isinstance(failed[0].error, StorageError)
    assert "locked" in str(failed[0].error.message_text).casefold()
    assert sum(r.refreshed for r in results) == CLIENTS - 1
    every_token_works(desk, short_lived, connections)  # the one failed renews at its next use
    assert short_lived.events["refresh_refused"] == 0


def test_a_429_during_the_batch_pauses_the_process_for_its_retry_after_and_finishes(
    app_home: Path, short_lived: Emulator
) -> None:
    desk, connections, _ = connected(app_home, short_lived, MemoryKeyring())
    short_lived.faults.set("token", Fault(rate_limited=True, times=2))
    limiter = Held()
    report = batch_renew(desk, limiter=limiter)
    assert all(r.error is None and r.refreshed for r in report.results)
    assert limiter.held == [10.0, 10.0]  # the emulator's Retry-After, honoured each time
    assert short_lived.events["refreshed"] == CLIENTS
    every_token_works(desk, short_lived, connections)


def test_a_429_that_lasts_is_reported_after_its_tries(
    app_home: Path, short_lived: Emulator
) -> None:
    desk, connections, _ = connected(app_home, short_lived, MemoryKeyring(), count=1)
    short_lived.faults.set("token", Fault(rate_limited=True))
    limiter = Held()
    (result,) = batch_renew(desk, limiter=limiter).results
    assert result.error is not None
    assert result.error.code == "rate_limited"
    assert len(limiter.held) == 2  # three tries in all
    short_lived.faults.clear("token")
    every_token_works(desk, short_lived, connections)  # the token was never lost


def test_an_index_damaged_during_the_batch_is_kept_aside_reported_and_not_rewritten(
    app_home: Path, short_lived: Emulator
) -> None:
    desk, _connections, _ = connected(app_home, short_lived, MemoryKeyring())
    damaged = b'{"schema": 1, "connections": [{"id": '

    def damage_after_first(done: int, total: int, result: object) -> None:
        if done == 1:
            desk.index.path.write_bytes(damaged)

    report = batch_renew(desk, on_progress=damage_after_first, chunk_size=1)
    assert isinstance(report.problem, IndexProblem)
    assert report.problem.backup is not None
    assert report.problem.backup.read_bytes() == damaged
    assert desk.index.path.read_bytes() == damaged  # no write of the batch touched it
    renewed = [r for r in report.results if r.refreshed]
    assert len(renewed) == 1
    assert renewed[0].error is None
    for result in report.results:
        if not result.refreshed:
            assert isinstance(result.error, IndexProblem)
            assert result.error.backup == report.problem.backup
    # The second chunk's spent marks went in the write that recorded the first, before the
    # damage: it was sent, its tokens are in the keyring, and its outcome is not written.
    assert short_lived.events["refreshed"] == 2


def _counting(monkeypatch: pytest.MonkeyPatch) -> tuple[list[int], list[int]]:
    """Count the index's reads and writes (under the lock or not)."""
    reads, writes = [0], [0]
    real_read = index_module.ConnectionIndex._read
    real_write = index_module.write_atomically  # type: ignore[attr-defined]

    def read(self: index_module.ConnectionIndex) -> object:
        reads[0] += 1
        return real_read(self)

    def write(path: Path, data: bytes, *args: object, **kwargs: object) -> object:
        writes[0] += 1
        return real_write(path, data, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(index_module.ConnectionIndex, "_read", read)
    monkeypatch.setattr(index_module, "write_atomically", write)
    return reads, writes
