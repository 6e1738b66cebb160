"""Renew all: every connection kept alive in one pass, a bounded pool of refreshes at a time.

The index is read once to pick what is due: a connection whose access token is due, or whose
refresh token has fewer than 14 days left; a grant several companies share counts once. With
nothing due, nothing more is read and nothing is sent. The due grants go in chunks; for each:

1. the refresh locks of the chunk's grants, taken in one order (so two batches never wait on
   each other), then the index read once under them: a grant another process (``token``)
   renewed meanwhile is not refreshed again;
2. one index write marks their access tokens spent (Qonto revokes them when it rotates), and
   records the outcomes of the chunk before, whose locks are let go after it;
3. the refreshes on :data:`POOL_SIZE` workers, each keeping its rotated refresh token with its
   access token in the keyring as soon as Qonto answered;
4. the locks stay held until the next chunk's write has recorded every outcome (the last
   chunk's outcomes: a write of their own).

A crash anywhere loses no rotated refresh token: it is in the keyring before the index names
the new expiry, and an access token marked spent is renewed from it at its next use. A 429
pauses every request of the process for its ``Retry-After`` and the grant goes round again.
"""

from __future__ import annotations

from collections import deque
from concurrent.futures import ThreadPoolExecutor

from qonto_desktop.connections.checkpoint import Checkpoint, carry_on
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.model import RefreshResult
from qonto_desktop.connections.renew_chunk import Batch, Grant, Held, finish, run_chunk
from qonto_desktop.connections.renew_due import (
    Progress,
    RenewAllReport,
    is_due,
    not_renewable,
)
from qonto_desktop.connections.shared_grant import lock_name
from qonto_desktop.store.connection import Connection
from qonto_desktop.store.index import IndexLoad
from qonto_desktop.system.http import Limiter
from qonto_desktop.system.rate_limit import process_limiter

__all__ = ["CHUNK_SIZE", "POOL_SIZE", "RenewAllReport", "renew_all"]

# Refreshes in flight at once. Each waits on one round trip to Qonto's token endpoint, so two
# cores serve many; but the keyring saves of all of them go through the store's one worker,
# where a batch spends most of its time (docs/performance.md): more workers would only queue
# there. Eight renew 300 connections in 38 round trips, far inside Qonto's 1,000 per 10 s.
POOL_SIZE = 8
# Grants per chunk: one index read and one write per chunk (one more at the end); at most two
# chunks' locks held at once.
CHUNK_SIZE = 64


def renew_all(
    desk: Desk,
    *,
    on_progress: Progress | None = None,
    checkpoint: Checkpoint = carry_on,
    limiter: Limiter | None = None,
    pool_size: int = POOL_SIZE,
    chunk_size: int = CHUNK_SIZE,
    first: IndexLoad | None = None,
    lapsing_within: float | None = None,
) -> RenewAllReport:
    """Keep every connection alive; one failure does not stop the rest.

    Args:
        on_progress: called on the calling thread with ``(done, total, result)`` as each
            connection's outcome is known (and recorded in the index).
        checkpoint: called between chunks and between the saves of each refresh; raising there
            stops the batch (what was saved stays saved; the rest is renewed at its next use).
        limiter: the pace of the process's requests (by default the process's own).
        first: the index as just read by the caller, so that it is read once.
        lapsing_within: renew only the connections whose refresh token lapses within this
            many seconds, whatever their access token (the window's keep-alive); by default,
            what is due (see :func:`~qonto_desktop.connections.renew_due.is_due`).
    """
    first = first or desk.index.load()
    batch = Batch(
        desk, len(first.connections), on_progress, checkpoint, limiter or process_limiter()
    )
    batch.problem = first.problem
    # Damaged before the batch: its copy is kept and the readable connections renewed, as any
    # change does. Damaged during the batch: no write of the batch touches it any more.
    batch.keep_damaged = first.problem is None
    queue = deque(_due_grants(batch, first.connections, lapsing_within))
    named = {grant.lead.keyring_backend for grant in queue}
    if len(named) == 1:  # every grant saved in one named backend: open it, no discovery
        desk.secrets.prefer(named.pop())
    if queue:
        with ThreadPoolExecutor(max_workers=pool_size, thread_name_prefix="renew") as pool:
            held: Held | None = None
            try:
                while queue or held is not None:
                    if not queue and held is not None:
                        done, held = held, None
                        queue.extend(finish(batch, done))
                        continue
                    checkpoint("next chunk")
                    chunk = [queue.popleft() for _ in range(min(chunk_size, len(queue)))]
                    held, again = run_chunk(batch, chunk, pool, held)
                    queue.extend(again)
            finally:
                if held is not None:  # stopped: what was saved stays saved, the locks go
                    held.locks.close()
    order = {connection.id: place for place, connection in enumerate(first.connections)}
    results = sorted(batch.results.values(), key=lambda r: order.get(r.connection.id, len(order)))
    return RenewAllReport(tuple(results), batch.problem)


def _due_grants(
    batch: Batch, connections: tuple[Connection, ...], lapsing_within: float | None
) -> list[Grant]:
    """The grants to refresh, by lock; what needs nothing is reported at once."""
    now = batch.desk.now()
    grants: dict[str, list[Connection]] = {}
    for connection in connections:
        error = not_renewable(connection)
        if error is not None:
            batch.report(RefreshResult(connection, refreshed=False, error=error))
        elif is_due(connection, now, lapsing_within):
            grants.setdefault(lock_name(connection), []).append(connection)
        else:
            batch.report(RefreshResult(connection, refreshed=False))
    return [
        # Forced: refreshed whatever the access token, and not again if renewed meanwhile.
        Grant(
            lock,
            tuple(members),
            lapsing_within is not None or members[0].refresh_expiring_soon(now),
        )
        for lock, members in sorted(grants.items())
    ]
