"""Sync: each client's bank data brought up to date in the local mirror, a few at a time.

For each client, its accounts are listed, then each account's transactions changed since its
cursor come page by page into the mirror (:mod:`qonto_desktop.connections.sync_client`). Up to
:data:`POOL_SIZE` clients run at once; every request goes through the process's rate limiter,
so the pool only decides how many round trips wait at once. One client's failure never stops
the others. Progress comes as events on the calling thread: :class:`Waiting` for every client
first, then :class:`Syncing` per page and one :class:`Done` or :class:`Failed` per client.
"""

from __future__ import annotations

import logging
import queue
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.sync_client import ClientJob, sync_client
from qonto_desktop.connections.sync_model import (
    CancelToken,
    ClientSync,
    Done,
    Failed,
    SyncEvent,
    SyncSummary,
    Waiting,
)
from qonto_desktop.connections.sync_tokens import DeskTokens, Readers, Tokens, qonto_readers
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.mirror.bank_mirror import Mirror, open_mirror
from qonto_desktop.store.connection import Connection

log = logging.getLogger(__name__)

__all__ = ["POOL_SIZE", "CancelToken", "SyncEvent", "SyncSummary", "sync"]

# Clients synced at once. A client's requests follow each other (accounts, then pages). The
# process's limiter allows 80 requests a second (Qonto's 1,000 per 10 s, less 20 %): at 200 ms
# a round trip, 16 clients in flight reach that pace; with faster answers the extra ones wait at
# the limiter, costing a thread and one page (100 transactions) of memory each.
POOL_SIZE = 16


def sync(
    desk: Desk,
    connection_ids: tuple[str, ...] | None = None,
    *,
    on_progress: Callable[[SyncEvent], None] | None = None,
    cancel: CancelToken | None = None,
    readers: Readers | None = None,
    tokens: Tokens | None = None,
    mirror: Mirror | None = None,
    pool_size: int = POOL_SIZE,
) -> SyncSummary:
    """Bring the mirror up to date for these connections (all when None), in their order.

    Args:
        on_progress: called on the calling thread with each event, in order for each client.
        cancel: set from any thread to stop between two pages; what was committed stays and
            the next sync resumes from it; the clients not reached end ``stopped``.
        readers: ``(connection, access_token) -> BankReader`` (Qonto's API by default).
        tokens: where access tokens come from (the fresh-token use case by default).
        mirror: the mirror to fill (the app's own by default, opened and closed here).

    Raises:
        NotFoundError: a connection id is unknown (nothing was synced).
        MirrorError, MirrorNewerError: the mirror file cannot be used.
    """
    clients = _chosen(desk, connection_ids)
    own = mirror is None
    target = open_mirror(desk.paths) if mirror is None else mirror
    events: queue.SimpleQueue[SyncEvent] = queue.SimpleQueue()
    job = ClientJob(
        desk,
        target,
        readers or qonto_readers(desk),
        tokens or DeskTokens(desk),
        cancel or CancelToken(),
        events.put,
    )
    tell = on_progress or (lambda _: None)
    for connection in clients:
        tell(Waiting(connection))
    results: dict[str, ClientSync] = {}
    try:
        with ThreadPoolExecutor(max_workers=max(1, pool_size), thread_name_prefix="sync") as pool:
            for connection in clients:
                pool.submit(_one, job, connection)
            try:
                while len(results) < len(clients):
                    event = events.get()
                    if isinstance(event, Done | Failed):
                        results[event.connection.id] = event.result
                    tell(event)
            except BaseException:  # Ctrl+C, or the caller's callback failed: stop the workers
                job.cancel.cancel()  # between pages; what they committed stays
                raise
    finally:
        if own:
            target.close()
    return SyncSummary(tuple(results[c.id] for c in clients), target.problem)


def _one(job: ClientJob, connection: Connection) -> None:
    """One client on a worker: its outcome always reaches the calling thread."""
    try:
        result = sync_client(job, connection)
    except Exception as exc:  # a bug must not leave the caller waiting forever
        log.exception("sync of %s failed unexpectedly", connection.id)
        error = exc if isinstance(exc, QontoDesktopError) else QontoDesktopError()
        result = ClientSync(connection, "failed", error=error)
    job.tell(Done(result) if result.outcome == "done" else Failed(result))


def _chosen(desk: Desk, connection_ids: tuple[str, ...] | None) -> list[Connection]:
    """The connections to sync, read once from the index."""
    if connection_ids is None:
        return list(desk.index.load().connections)
    return [desk.index.get(connection_id) for connection_id in connection_ids]
