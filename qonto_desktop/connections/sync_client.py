"""One client's sync: its accounts, then each account's pages of changes into the mirror.

Each account asks Qonto for what changed from its cursor on (``updated_at_from``, oldest change
first), and each page is committed with the cursor it reaches: stopped anywhere, the next sync
goes on from the last page kept. A 401 refreshes the client's token once and starts the client
again (what was committed stays); a second 401 marks the client to reconnect. A 403, or a grant
without ``organization.read``, is the documents permission to give again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.errors import NeedsReconnectError
from qonto_desktop.connections.shared_grant import sharing
from qonto_desktop.connections.sync_errors import (
    DOCUMENT_SCOPES,
    SYNC_SCOPE,
    TOKEN_REFUSED_TWICE,
    DocumentsPermissionError,
    SyncStoppedError,
)
from qonto_desktop.connections.sync_model import CancelToken, ClientSync, SyncEvent, Syncing
from qonto_desktop.connections.sync_tokens import Readers, Tokens
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.mirror.bank_mirror import Mirror
from qonto_desktop.mirror.records import PageCounts
from qonto_desktop.qonto.banking import BankReader
from qonto_desktop.qonto.errors import ApiUnauthorizedError, ForbiddenError
from qonto_desktop.store.connection import Connection

log = logging.getLogger(__name__)


class _StoppedError(Exception):
    """The cancel token was set: leave between two pages."""


@dataclass(frozen=True)
class ClientJob:
    """What one client's sync needs, the same for every client of a run."""

    desk: Desk
    mirror: Mirror
    readers: Readers
    tokens: Tokens
    cancel: CancelToken
    tell: Callable[[SyncEvent], None]


def sync_client(job: ClientJob, connection: Connection) -> ClientSync:
    """Sync one client; every error of its own ends in its :class:`ClientSync`, never raised."""
    name = connection.name_text
    if SYNC_SCOPE not in connection.scopes_granted:
        return ClientSync(connection, "failed", error=DocumentsPermissionError(name))
    try:
        return _with_one_refresh(job, connection)
    except _StoppedError:
        return ClientSync(connection, "stopped", error=SyncStoppedError(name))
    except NeedsReconnectError as exc:  # the refresh marked it already
        return ClientSync(connection, "to_reconnect", error=exc)
    except ForbiddenError as exc:
        return ClientSync(connection, "failed", error=_forbidden(connection, exc))
    except QontoDesktopError as exc:
        log.info("sync of %s failed: %s", connection.id, exc.code)
        return ClientSync(connection, "failed", error=exc)


@dataclass
class _Tally:
    """What a client's sync committed so far, kept across the read retried after a 401."""

    counts: PageCounts = field(default_factory=PageCounts)


def _with_one_refresh(job: ClientJob, connection: Connection) -> ClientSync:
    """Read with the client's token; on a 401, once more with a refreshed one."""
    tally = _Tally()
    refused = job.tokens.access(connection)
    try:
        return _read(job, connection, refused, tally)
    except ApiUnauthorizedError:
        log.info("sync of %s: 401, refreshing once", connection.id)
    token = job.tokens.refreshed(connection, refused)
    try:
        return _read(job, connection, token, tally)
    except ApiUnauthorizedError:
        return _to_reconnect(job.desk, connection)


def _read(job: ClientJob, connection: Connection, token: str, tally: _Tally) -> ClientSync:
    _check(job)  # a client still queued when Cancel came sends nothing
    reader: BankReader = job.readers(connection, token)
    accounts = [a for a in reader.bank_accounts() if a.key]
    organization = connection.organization_id
    job.mirror.save_accounts(connection.id, organization, accounts)
    received = 0
    for account in accounts:
        _check(job)
        since = job.mirror.cursor(connection.id, account.key)
        before = received
        for page in reader.transactions(account.key, updated_at_from=since):
            tally.counts = tally.counts + job.mirror.save_page(
                connection.id, organization, account.key, page.transactions
            )
            received += len(page.transactions)
            total = None if page.total_count is None else before + page.total_count
            job.tell(Syncing(connection, received, total))
            _check(job)
    counts = tally.counts
    return ClientSync(connection, "done", len(accounts), counts.new, counts.changed)


def _check(job: ClientJob) -> None:
    if job.cancel.cancelled:
        raise _StoppedError


def _forbidden(connection: Connection, error: ForbiddenError) -> QontoDesktopError:
    """A 403: the documents permission, unless the grant holds it (then the role's limit)."""
    granted = connection.scopes_granted
    about_documents = error.scope is None or error.scope in DOCUMENT_SCOPES
    if about_documents and any(scope not in granted for scope in DOCUMENT_SCOPES):
        return DocumentsPermissionError(connection.name_text)
    return error


def _to_reconnect(desk: Desk, connection: Connection) -> ClientSync:
    """Mark the client (and those sharing its grant) to reconnect, as renew-all does."""
    ids = [c.id for c in sharing(desk, connection)] or [connection.id]
    try:
        desk.index.update_all(ids, state="needs_reconnect", state_reason=TOKEN_REFUSED_TWICE)
    except QontoDesktopError as exc:  # the outcome to report is the reconnect, not this
        log.warning("could not mark connection %s: %s", connection.id, exc.code)
    error = NeedsReconnectError(connection.name_text, reason=TOKEN_REFUSED_TWICE)
    return ClientSync(connection, "to_reconnect", error=error)
