"""One client's month end: its sync, its period's statements and receipts, then its folder.

The sync is the sync use case's own (:func:`~qonto_desktop.connections.sync_client.sync_client`:
a 401 refreshes once, a second marks the client to reconnect). The downloads that follow do the
same with the same tokens: a 401 there refreshes once, then the client is to reconnect. A 403
is the documents permission to give again, unless the grant holds it. A failure of one client
is its own: it ends in its :class:`ClientProgress`, never raised.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from qonto_desktop.connections.checkpoint import Checkpoint
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.errors import NeedsReconnectError
from qonto_desktop.connections.export_errors import ExportStoppedError
from qonto_desktop.connections.export_gather import Gathered, Gathering, gather
from qonto_desktop.connections.month_end import ClientProgress, Format, Stage
from qonto_desktop.connections.sync_client import ClientJob, mark_to_reconnect, sync_client
from qonto_desktop.connections.sync_errors import DOCUMENT_SCOPES, DocumentsPermissionError
from qonto_desktop.connections.sync_model import CancelToken, SyncEvent, Syncing
from qonto_desktop.connections.sync_tokens import Readers, Tokens
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.export.period import Period
from qonto_desktop.mirror.bank_mirror import Mirror
from qonto_desktop.qonto.banking import BankReader
from qonto_desktop.qonto.errors import ApiUnauthorizedError, ForbiddenError
from qonto_desktop.store.connection import Connection

log = logging.getLogger(__name__)

Writer = Callable[[Gathered], Path]


class _CancelledError(Exception):
    """The checkpoint stopped the export (Cancel): leave this client where it is."""

    def __init__(self, error: QontoDesktopError | None) -> None:
        super().__init__()
        self.error = error


class CheckpointCrashError(BaseException):
    """The checkpoint raised something else than the app's errors: the run stops, raising it."""

    def __init__(self, original: BaseException) -> None:
        super().__init__()
        self.original = original


@dataclass(frozen=True)
class ExportJob:
    """What every client's export shares in one run."""

    desk: Desk
    mirror: Mirror
    readers: Readers
    tokens: Tokens
    period: Period
    formats: frozenset[Format]
    write: Writer
    checkpoint: Checkpoint
    cancel: CancelToken
    tell: Callable[[ClientProgress], None]


def export_one(job: ExportJob, connection: Connection) -> ClientProgress:
    """Export one client; the last progress it reached (``done``, ``failed``, ``cancelled``)."""

    def progress(stage: Stage, **values: object) -> ClientProgress:
        return ClientProgress(connection.id, connection.display_name, stage, **values)  # type: ignore[arg-type]

    try:
        _check(job, "sync")
        lacking = _lacking_receipts(job, connection)  # said before anything is sent
        if lacking is not None:
            return progress("failed", error=lacking)
        synced = sync_client(_sync_job(job, connection, progress), connection)
        if synced.outcome == "stopped":
            raise _CancelledError(None)
        if synced.error is not None:
            return progress("failed", error=synced.error)
        gathered = _with_one_refresh(job, connection, progress)
        _check(job, "write")
        job.tell(progress("writing"))
        folder = job.write(gathered)
        return progress("done", folder=folder, statements_not_issued=gathered.not_issued)
    except _CancelledError as stopped:
        return progress(
            "cancelled", error=stopped.error or ExportStoppedError(connection.name_text)
        )
    except ForbiddenError as exc:
        return progress("failed", error=_forbidden(connection, exc))
    except QontoDesktopError as exc:  # NeedsReconnectError among them: marked already
        log.info("export of %s failed: %s", connection.id, exc.code)
        return progress("failed", error=exc)


def _lacking_receipts(job: ExportJob, connection: Connection) -> QontoDesktopError | None:
    """Receipts asked of a grant without ``attachment.read``: nothing to send, say so."""
    if "receipts" in job.formats and "attachment.read" not in connection.scopes_granted:
        return DocumentsPermissionError(connection.name_text)
    return None


def _sync_job(
    job: ExportJob, connection: Connection, progress: Callable[..., ClientProgress]
) -> ClientJob:
    def tell(event: SyncEvent) -> None:
        if isinstance(event, Syncing):
            job.tell(progress("syncing", done=event.done, total=event.total))

    return ClientJob(job.desk, job.mirror, job.readers, job.tokens, job.cancel, tell)


def _with_one_refresh(
    job: ExportJob, connection: Connection, progress: Callable[..., ClientProgress]
) -> Gathered:
    gathering = Gathering(
        job.desk.paths,
        job.mirror,
        job.period,
        job.formats,
        lambda step: _check(job, step),
        lambda: job.tell(progress("statements")),
        lambda done, total: job.tell(progress("receipts", done=done, total=total)),
    )
    refused = job.tokens.access(connection)
    try:
        return gather(gathering, connection, _reader(job, connection, refused))
    except ApiUnauthorizedError:
        log.info("export of %s: 401, refreshing once", connection.id)
    token = job.tokens.refreshed(connection, refused)
    try:
        return gather(gathering, connection, _reader(job, connection, token))
    except ApiUnauthorizedError:
        error = mark_to_reconnect(job.desk, connection).error
        raise error if error is not None else NeedsReconnectError(connection.name_text) from None


def _reader(job: ExportJob, connection: Connection, token: str) -> BankReader:
    return job.readers(connection, token)


def _check(job: ExportJob, step: str) -> None:
    """Between two steps: stop here when Cancel was pressed (here or for another client)."""
    if job.cancel.cancelled:
        raise _CancelledError(None)
    try:
        job.checkpoint(step)
    except QontoDesktopError as exc:  # the face's cancellation: every client stops
        job.cancel.cancel()
        raise _CancelledError(exc) from None
    except BaseException as exc:  # a test's crash, Ctrl+C: nothing else runs after it
        job.cancel.cancel()
        raise CheckpointCrashError(exc) from exc


def _forbidden(connection: Connection, error: ForbiddenError) -> QontoDesktopError:
    """A 403: the documents permission, unless the grant holds it (then the role's limit)."""
    granted = connection.scopes_granted
    about_documents = error.scope is None or error.scope in DOCUMENT_SCOPES
    if about_documents and any(scope not in granted for scope in DOCUMENT_SCOPES):
        return DocumentsPermissionError(connection.name_text)
    return error
