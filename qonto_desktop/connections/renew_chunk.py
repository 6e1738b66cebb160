"""One chunk of a renew-all, under its grants' refresh locks: checked, sent, recorded.

:mod:`qonto_desktop.connections.renew_all` cuts the due grants into chunks; for each, this
module takes the grants' locks in name order, reads the index once under them (a grant renewed
meanwhile by another process is left alone), marks the access tokens spent, sends the refreshes
on the pool (:mod:`qonto_desktop.connections.renew_rotation`), and records every outcome. The
outcomes of a chunk and the spent marks of the next go in one write, both chunks' locks held;
the last chunk's outcomes in a write of their own. A 429 holds the process's requests for its
``Retry-After`` and gives the grant back for a later chunk.
"""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from contextlib import ExitStack
from dataclasses import dataclass, field

from qonto_desktop.connections.checkpoint import Checkpoint
from qonto_desktop.connections.context import for_connection, refresh_lock
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.freshness import HANDOUT_GRACE, REFRESH_MARGIN
from qonto_desktop.connections.model import RefreshResult
from qonto_desktop.connections.renew_due import Progress, is_due, not_renewable
from qonto_desktop.connections.renew_rotation import Failed, Outcome, index_changes, rotate
from qonto_desktop.connections.shared_grant import lock_name
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.oauth.tokens import TokenClient
from qonto_desktop.store.connection import Connection
from qonto_desktop.store.index import IndexProblem
from qonto_desktop.system.http import Limiter

# A grant refused with 429 goes round this many times at most, waiting at most this long.
RATE_LIMITED_TRIES = 3
LONGEST_WAIT = 60.0
FIRST_BACKOFF = 1.0  # without Retry-After: 1 s, then 2 s, then 4 s


@dataclass
class Grant:
    """A grant to refresh: its lock, the connections using it, and its tries so far."""

    lock: str
    members: tuple[Connection, ...]
    forced: bool  # the refresh token is ageing: refresh whatever the access token
    tries: int = 0

    @property
    def lead(self) -> Connection:
        """The connection the grant is refreshed for (the others share its outcome)."""
        return self.members[0]


@dataclass
class Batch:
    """What a renew-all knows as it goes: each connection's outcome, the clients resolved."""

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
        """Keep a connection's outcome and tell the caller's progress."""
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
        """The same outcome for every connection of a grant."""
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


@dataclass
class Held:
    """A chunk whose rotations are all saved in the keyring, its locks still held: its outcomes
    go in the index with the next chunk's spent marks, in one write."""

    locks: ExitStack
    outcomes: list[tuple[Grant, Outcome]]
    top: str  # the greatest lock name it holds


def run_chunk(
    batch: Batch, chunk: list[Grant], pool: ThreadPoolExecutor, held: Held | None
) -> tuple[Held | None, list[Grant]]:
    """Renew one chunk under its grants' locks, and record the chunk ``held`` before it.

    The previous chunk's outcomes and this chunk's access tokens marked spent go in one index
    write, taken with both chunks' locks held, after every rotation of the previous chunk is
    saved and before any refresh of this one is sent (docs/decisions.md).

    Returns:
        This chunk, its rotations saved and its locks held, to be recorded with the next one
        (or by :func:`finish`); and the grants to try again (rate-limited).
    """
    desk = batch.desk
    again: list[Grant] = []
    if held is not None and min(g.lock for g in chunk) <= held.top:
        # Grants back from a 429 sort before what is held: taking their locks now could wait
        # on a batch that waits on ours. Record, let go, then take.
        again, held = finish(batch, held), None
    locks = ExitStack()
    try:
        for grant in sorted(chunk, key=lambda g: g.lock):
            locks.enter_context(refresh_lock(desk, grant.lock))
        work = _still_due(batch, chunk)
        if held is not None and work and _grace_wait(desk, work) > 0:
            again, held = again + finish(batch, held), None  # not held through the wait
        now = _after_handout_grace(desk, work) if work else desk.now()
        spent: dict[str, dict[str, object]] = {
            m.id: {"access_expires_at": min(m.access_expires_at, now)}
            for g in work
            for m in g.members
        }
        try:
            sendable, retry = _write(batch, held, spent, work)
        finally:
            if held is not None:
                held.locks.close()
        again += retry
        if not work or not sendable:
            locks.close()
            return None, again
        outcomes = _rotate_all(batch, work, pool)
    except BaseException:
        locks.close()
        if held is not None:
            held.locks.close()
        raise
    return Held(locks, outcomes, max(g.lock for g in work)), again


def finish(batch: Batch, held: Held) -> list[Grant]:
    """Record a held chunk in a write of its own (the last one, or one that cannot wait)."""
    with held.locks:
        return _write(batch, held, {}, [])[1]


def _write(
    batch: Batch,
    held: Held | None,
    spent: Mapping[str, Mapping[str, object]],
    work: list[Grant],
) -> tuple[bool, list[Grant]]:
    """One index write: ``held``'s outcomes and the access tokens ``work`` will spend.

    Returns:
        Whether ``work`` may be sent (its spent marks are written), and the grants of ``held``
        to try again.
    """
    changes: dict[str, Mapping[str, object]] = dict(spent)
    if held is not None:
        changes.update(_outcome_changes(batch, held.outcomes))
    written: dict[str, Connection] = {}
    failure: QontoDesktopError | None = None
    try:
        index = batch.desk.index
        written = {c.id: c for c in index.update_each(changes, keep_damaged=batch.keep_damaged)}
    except QontoDesktopError as exc:  # held's tokens are in the keyring; work sent nothing
        failure = exc
    again: list[Grant] = []
    if held is not None:
        batch.checkpoint("index written")
        again = _report(batch, held.outcomes, written, failure)
    if failure is not None:
        for grant in work:  # nothing was sent: the tokens hold
            batch.report_all(grant.members, refreshed=False, error=failure)
        return False, again
    return True, again


def _still_due(batch: Batch, chunk: list[Grant]) -> list[Grant]:
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
            work.append(Grant(grant.lock, members, grant.forced, grant.tries))
    return work


def _grace_wait(desk: Desk, work: list[Grant]) -> float:
    """How long tokens handed out just before they fell due have left of their grace."""
    now = desk.now()
    waits = [
        g.lead.access_expires_at - now - (REFRESH_MARGIN - HANDOUT_GRACE)
        for g in work
        if not g.forced
    ]
    return max(waits, default=0.0)


def _after_handout_grace(desk: Desk, work: list[Grant]) -> float:
    """Let tokens handed out just before they fell due live their grace (``HANDOUT_GRACE``)."""
    wait = _grace_wait(desk, work)
    if wait > 0:
        desk.pause(min(wait, HANDOUT_GRACE))
    return desk.now()


def _rotate_all(
    batch: Batch, work: list[Grant], pool: ThreadPoolExecutor
) -> list[tuple[Grant, Outcome]]:
    """Each grant's rotation on the pool; a checkpoint's raise cancels what has not started."""
    futures: dict[Future[Outcome], Grant] = {}
    outcomes: list[tuple[Grant, Outcome]] = []
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


def _outcome_changes(
    batch: Batch, outcomes: list[tuple[Grant, Outcome]]
) -> dict[str, Mapping[str, object]]:
    """What the index records of a chunk's outcomes, for every connection of each grant."""
    desk = batch.desk
    now = desk.now()
    backend = (
        "" if all(g.lead.keyring_backend for g, _ in outcomes) else desk.secrets.backend_name()
    )
    changes: dict[str, Mapping[str, object]] = {}
    for grant, outcome in outcomes:
        change = index_changes(outcome, grant.lead, now, backend)
        if change:
            changes.update({member.id: change for member in grant.members})
    return changes


def _report(
    batch: Batch,
    outcomes: list[tuple[Grant, Outcome]],
    written: dict[str, Connection],
    failure: QontoDesktopError | None,
) -> list[Grant]:
    """Report a chunk's outcomes once the index holds them; the grants to try again."""
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


def _again(batch: Batch, grant: Grant, outcome: Failed) -> bool:
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
