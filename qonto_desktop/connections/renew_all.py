"""Renew all: every connection kept alive in one pass, a bounded pool of refreshes at a time.

The index is read once to pick what is due: a connection whose access token is due, or whose
refresh token has fewer than 14 days left; a grant several companies share counts once. With
nothing due, nothing more is read and nothing is sent. The due grants go in chunks; for each:

1. the refresh locks of the chunk's grants, taken in one order (so two batches never wait on
   each other), then the index read once under them: a grant another process (``token``)
   renewed meanwhile is not refreshed again;
2. one index write marks their access tokens spent (Qonto revokes them when it rotates);
3. the refreshes on :data:`POOL_SIZE` workers, each keeping its rotated refresh token, then its
   access token, in the keyring as soon as Qonto answered;
4. one index write records every outcome; then the locks are let go.

A crash anywhere loses no rotated refresh token: it is in the keyring before the index names
the new expiry, and an access token marked spent is renewed from it at its next use. A 429
pauses every request of the process for its ``Retry-After`` and the grant goes round again.
"""

from __future__ import annotations

from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from contextlib import ExitStack
from dataclasses import dataclass, field

from qonto_desktop.connections.cached import HANDOUT_GRACE, REFRESH_MARGIN
from qonto_desktop.connections.checkpoint import Checkpoint, carry_on
from qonto_desktop.connections.context import for_connection, refresh_lock
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.model import RefreshResult
from qonto_desktop.connections.renew_due import (
    Progress,
    RenewAllReport,
    is_due,
    not_renewable,
)
from qonto_desktop.connections.renew_rotation import Failed, Outcome, index_changes, rotate
from qonto_desktop.connections.shared_grant import lock_name
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.oauth.tokens import TokenClient
from qonto_desktop.store.connection import Connection
from qonto_desktop.store.index import IndexLoad, IndexProblem
from qonto_desktop.system.http import Limiter
from qonto_desktop.system.rate_limit import process_limiter

# Refreshes in flight at once. Each waits mostly on the network (one round trip to Qonto's
# token endpoint), so two cores serve many; the keyring saves of all of them go through the
# store's one worker, which beyond about eight refreshes at once becomes the queue. Eight
# renews 300 connections in 38 round trips, far inside Qonto's 1,000 requests per 10 s.
POOL_SIZE = 8
# Grants per chunk: one index read and two writes per chunk, and no more locks held at once.
CHUNK_SIZE = 64
# A grant refused with 429 goes round this many times at most, waiting at most this long.
RATE_LIMITED_TRIES = 3
LONGEST_WAIT = 60.0
FIRST_BACKOFF = 1.0  # without Retry-After: 1 s, then 2 s, then 4 s


@dataclass
class _Grant:
    lock: str
    members: tuple[Connection, ...]
    forced: bool  # the refresh token is ageing: refresh whatever the access token
    tries: int = 0

    @property
    def lead(self) -> Connection:
        return self.members[0]


@dataclass
class _Batch:
    desk: Desk
    total: int
    on_progress: Progress | None
    checkpoint: Checkpoint
    limiter: Limiter
    keep_damaged: bool = True  # a file damaged during the batch is left as it is
    results: dict[str, RefreshResult] = field(default_factory=dict)
    clients: dict[tuple[str, str], TokenClient | QontoDesktopError] = field(default_factory=dict)
    problem: IndexProblem | None = None

    def report(self, result: RefreshResult) -> None:
        self.results[result.connection.id] = result
        if self.on_progress is not None:
            self.on_progress(len(self.results), self.total, result)

    def report_all(
        self,
        members: tuple[Connection, ...],
        *,
        refreshed: bool,
        error: QontoDesktopError | None = None,
    ) -> None:
        for member in members:
            self.report(RefreshResult(member, refreshed=refreshed, error=error))

    def client(self, connection: Connection) -> TokenClient | QontoDesktopError:
        """The token client of the connection's registration, resolved once per batch."""
        key = (connection.environment, connection.client_id)
        if key not in self.clients:
            try:
                self.clients[key] = for_connection(self.desk, connection).token_client
            except QontoDesktopError as exc:
                self.clients[key] = exc
        return self.clients[key]


def renew_all(
    desk: Desk,
    *,
    on_progress: Progress | None = None,
    checkpoint: Checkpoint = carry_on,
    limiter: Limiter | None = None,
    pool_size: int = POOL_SIZE,
    chunk_size: int = CHUNK_SIZE,
    first: IndexLoad | None = None,
) -> RenewAllReport:
    """Keep every connection alive; one failure does not stop the rest.

    Args:
        on_progress: called on the calling thread with ``(done, total, result)`` as each
            connection's outcome is known (and recorded in the index).
        checkpoint: called between chunks and between the saves of each refresh; raising there
            stops the batch (what was saved stays saved; the rest is renewed at its next use).
        limiter: the pace of the process's requests (by default the process's own).
        first: the index as just read by the caller, so that it is read once.
    """
    first = first or desk.index.load()
    batch = _Batch(
        desk, len(first.connections), on_progress, checkpoint, limiter or process_limiter()
    )
    batch.problem = first.problem
    # Damaged before the batch: its copy is kept and the readable connections renewed, as any
    # change does. Damaged during the batch: no write of the batch touches it any more.
    batch.keep_damaged = first.problem is None
    queue = deque(_due_grants(batch, first.connections))
    if queue:
        with ThreadPoolExecutor(max_workers=pool_size, thread_name_prefix="renew") as pool:
            while queue:
                checkpoint("next chunk")
                chunk = [queue.popleft() for _ in range(min(chunk_size, len(queue)))]
                queue.extend(_run_chunk(batch, chunk, pool))
    order = {connection.id: place for place, connection in enumerate(first.connections)}
    results = sorted(batch.results.values(), key=lambda r: order.get(r.connection.id, len(order)))
    return RenewAllReport(tuple(results), batch.problem)


def _due_grants(batch: _Batch, connections: tuple[Connection, ...]) -> list[_Grant]:
    """The grants to refresh, by lock; what needs nothing is reported at once."""
    now = batch.desk.now()
    grants: dict[str, list[Connection]] = {}
    for connection in connections:
        error = not_renewable(connection)
        if error is not None:
            batch.report(RefreshResult(connection, refreshed=False, error=error))
        elif is_due(connection, now):
            grants.setdefault(lock_name(connection), []).append(connection)
        else:
            batch.report(RefreshResult(connection, refreshed=False))
    return [
        _Grant(lock, tuple(members), members[0].refresh_expiring_soon(now))
        for lock, members in sorted(grants.items())
    ]


def _run_chunk(batch: _Batch, chunk: list[_Grant], pool: ThreadPoolExecutor) -> list[_Grant]:
    """Renew one chunk under its grants' locks; the grants to try again (rate-limited)."""
    desk = batch.desk
    with ExitStack() as locks:
        for grant in sorted(chunk, key=lambda g: g.lock):
            locks.enter_context(refresh_lock(desk, grant.lock))
        work = _still_due(batch, chunk)
        if not work:
            return []
        now = _after_handout_grace(desk, work)
        spent = {
            m.id: {"access_expires_at": min(m.access_expires_at, now)}
            for g in work
            for m in g.members
        }
        try:
            desk.index.update_each(spent, keep_damaged=batch.keep_damaged)
        except QontoDesktopError as exc:  # nothing was sent: the tokens hold
            for grant in work:
                batch.report_all(grant.members, refreshed=False, error=exc)
            return []
        outcomes = _rotate_all(batch, work, pool)
        return _record(batch, outcomes)


def _still_due(batch: _Batch, chunk: list[_Grant]) -> list[_Grant]:
    """The chunk's grants as the index says now (read once): those still to refresh."""
    current = batch.desk.index.load()
    batch.problem = current.problem or batch.problem
    if current.problem is not None and batch.keep_damaged:  # damaged during the batch: stop
        for grant in chunk:
            batch.report_all(grant.members, refreshed=False, error=current.problem)
        return []
    now = batch.desk.now()
    work = []
    for grant in chunk:
        members = tuple(c for c in current.connections if lock_name(c) == grant.lock)
        if not members:  # disconnected meanwhile
            batch.report_all(grant.members, refreshed=False)
            continue
        lead = members[0]
        error = not_renewable(lead)
        if error is not None:
            batch.report_all(members, refreshed=False, error=error)
        elif grant.forced and lead.refreshed_at != grant.lead.refreshed_at:
            batch.report_all(members, refreshed=True)  # renewed by another process meanwhile
        elif not grant.forced and not is_due(lead, now):
            batch.report_all(members, refreshed=True)
        else:
            work.append(_Grant(grant.lock, members, grant.forced, grant.tries))
    return work


def _after_handout_grace(desk: Desk, work: list[_Grant]) -> float:
    """Let tokens handed out just before they fell due live their grace (``HANDOUT_GRACE``)."""
    now = desk.now()
    waits = [
        g.lead.access_expires_at - now - (REFRESH_MARGIN - HANDOUT_GRACE)
        for g in work
        if not g.forced
    ]
    wait = max(waits, default=0.0)
    if wait > 0:
        desk.pause(min(wait, HANDOUT_GRACE))
        return desk.now()
    return now


def _rotate_all(
    batch: _Batch, work: list[_Grant], pool: ThreadPoolExecutor
) -> list[tuple[_Grant, Outcome]]:
    """Each grant's rotation on the pool; a checkpoint's raise cancels what has not started."""
    futures: dict[Future[Outcome], _Grant] = {}
    outcomes: list[tuple[_Grant, Outcome]] = []
    for grant in work:
        client = batch.client(grant.lead)
        if isinstance(client, QontoDesktopError):
            outcomes.append((grant, Failed(client, untouched=True)))
            continue
        futures[pool.submit(rotate, batch.desk, client, grant.lead, batch.checkpoint)] = grant
    try:
        for future in as_completed(futures):
            outcomes.append((futures[future], future.result()))
    except BaseException:
        for future in futures:
            future.cancel()
        raise
    return outcomes


def _record(batch: _Batch, outcomes: list[tuple[_Grant, Outcome]]) -> list[_Grant]:
    """One index write for the chunk's outcomes; report them; the grants to try again."""
    desk = batch.desk
    now = desk.now()
    backend = (
        "" if all(g.lead.keyring_backend for g, _ in outcomes) else desk.secrets.backend_name()
    )
    changes: dict[str, dict[str, object]] = {}
    for grant, outcome in outcomes:
        change = index_changes(outcome, grant.lead, now, backend)
        if change:
            changes.update({member.id: change for member in grant.members})
    written: dict[str, Connection] = {}
    failure: QontoDesktopError | None = None
    try:
        written = {
            c.id: c for c in desk.index.update_each(changes, keep_damaged=batch.keep_damaged)
        }
    except QontoDesktopError as exc:  # the rotated tokens are in the keyring: nothing lost
        failure = exc
    batch.checkpoint("index written")
    again = []
    for grant, outcome in outcomes:
        members = tuple(written.get(m.id, m) for m in grant.members)
        if isinstance(outcome, Failed) and _again(batch, grant, outcome):
            again.append(grant)
        elif isinstance(outcome, Failed):
            batch.report_all(members, refreshed=False, error=outcome.error)
        else:
            batch.report_all(members, refreshed=failure is None, error=failure)
    return again


def _again(batch: _Batch, grant: _Grant, outcome: Failed) -> bool:
    """Pause the process's requests for a 429 and say whether the grant goes round again."""
    if not outcome.rate_limited or grant.tries + 1 >= RATE_LIMITED_TRIES:
        return False
    asked = getattr(outcome.error, "retry_after", None)
    wait = asked if isinstance(asked, float | int) else FIRST_BACKOFF * 2**grant.tries
    if wait > LONGEST_WAIT:
        return False
    batch.limiter.hold(float(wait))
    grant.tries += 1
    return True
