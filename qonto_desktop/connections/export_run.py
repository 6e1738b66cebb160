"""The month end: for each client asked, sync, fetch the period's files, write its folder.

:func:`export_month_end` checks what was asked first (every connection named exists, the
destination can be written to), so a mistake ends with one clear error and nothing written.
Then up to :data:`POOL_SIZE` clients run at once, each through
:func:`~qonto_desktop.connections.export_one.export_one`; every request goes through the
process's rate limiter, so the pool only decides how many round trips wait at once. Progress
comes as :class:`ClientProgress` values on the calling thread: ``waiting`` for every client
first, then each client's stages, and one ``done``, ``failed`` or ``cancelled`` each.
"""

from __future__ import annotations

import logging
import os
import queue
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from qonto_desktop.connections.checkpoint import Checkpoint, carry_on
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.export_errors import NoConnectionToExportError
from qonto_desktop.connections.export_gather import Gathered
from qonto_desktop.connections.export_one import CheckpointCrashError, ExportJob, export_one
from qonto_desktop.connections.month_end import ClientProgress, ExportReport, ExportRequest
from qonto_desktop.connections.month_end_period import as_period
from qonto_desktop.connections.sync import POOL_SIZE
from qonto_desktop.connections.sync_model import CancelToken
from qonto_desktop.connections.sync_tokens import DeskTokens, Readers, Tokens, qonto_readers
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.export.errors import DestinationNotWritableError
from qonto_desktop.export.values import Formats
from qonto_desktop.mirror.bank_mirror import Mirror, open_mirror
from qonto_desktop.store.connection import Connection

log = logging.getLogger(__name__)

__all__ = ["POOL_SIZE", "export_month_end"]


def export_month_end(
    desk: Desk,
    request: ExportRequest,
    *,
    on_progress: Callable[[ClientProgress], None] | None = None,
    checkpoint: Checkpoint = carry_on,
    readers: Readers | None = None,
    tokens: Tokens | None = None,
    mirror: Mirror | None = None,
    pool_size: int = POOL_SIZE,
) -> ExportReport:
    """Export ``request.period`` of the clients asked into ``request.destination``.

    Args:
        on_progress: called on the calling thread with each client's progress, in order.
        checkpoint: called between steps on the workers; a :class:`QontoDesktopError` raised
            there (the window's Cancel) stops every client cleanly: what was synced and
            downloaded stays, the next export resumes from it. Anything else raised there
            stops the workers and is raised again.
        readers, tokens, mirror: as for :func:`~qonto_desktop.connections.sync.sync`.

    Raises:
        NotFoundError: a connection id is unknown (disconnected): nothing was done.
        NoConnectionToExportError: every client was asked, and none is connected.
        DestinationNotWritableError: the destination cannot be written to: nothing was done.
        MirrorError, MirrorNewerError: the mirror file cannot be used.
    """
    clients = _chosen(desk, request.connection_ids)
    destination = request.destination.expanduser()
    _check_destination(destination)
    own = mirror is None
    target = open_mirror(desk.paths) if mirror is None else mirror
    events: queue.SimpleQueue[ClientProgress | BaseException] = queue.SimpleQueue()
    job = ExportJob(
        desk,
        target,
        readers or qonto_readers(desk),
        tokens or DeskTokens(desk),
        as_period(request.period),
        request.formats,
        _writer(destination, request),
        checkpoint,
        CancelToken(),
        events.put,
    )
    tell = on_progress or (lambda _: None)
    for connection in clients:
        tell(ClientProgress(connection.id, connection.display_name, "waiting"))
    results: dict[str, ClientProgress] = {}
    try:
        with ThreadPoolExecutor(max_workers=max(1, pool_size), thread_name_prefix="export") as pool:
            for connection in clients:
                pool.submit(_one, job, connection, events.put)
            try:
                while len(results) < len(clients):
                    event = events.get()
                    if isinstance(event, BaseException):
                        raise event
                    if event.stage in {"done", "failed", "cancelled"}:
                        results[event.connection_id] = event
                    tell(event)
            except BaseException:  # Ctrl+C, a crash, or the caller's callback failed
                job.cancel.cancel()
                raise
    finally:
        if own:
            target.close()
    report = tuple(results[c.id] for c in clients)
    return ExportReport(report, destination, target.problem)


def _one(job: ExportJob, connection: Connection, crash: Callable[[BaseException], None]) -> None:
    """One client on a worker: its outcome (or what stopped it) always reaches the caller."""
    try:
        result = export_one(job, connection)
    except Exception:  # a bug must not leave the caller waiting forever
        log.exception("export of %s failed unexpectedly", connection.id)
        result = ClientProgress(
            connection.id, connection.display_name, "failed", error=QontoDesktopError()
        )
    except BaseException as exc:  # the checkpoint's crash: stop the others, raise it there
        job.cancel.cancel()
        crash(exc.original if isinstance(exc, CheckpointCrashError) else exc)
        return
    job.tell(result)


def _writer(destination: Path, request: ExportRequest) -> Callable[[Gathered], Path]:
    def write(gathered: Gathered) -> Path:
        # ofxtools takes about 260 ms to import: loaded at the first folder written, never on
        # the start of the window or of another command.
        from qonto_desktop.export.run import export_client  # noqa: PLC0415

        return export_client(gathered.client, destination, Formats.of(request.formats)).folder

    return write


def _check_destination(destination: Path) -> None:
    """Create the destination folder if needed, and make sure files can be written there."""
    try:
        destination.mkdir(parents=True, exist_ok=True)
        usable = destination.is_dir() and os.access(destination, os.W_OK | os.X_OK)
    except OSError:
        usable = False
    if not usable:
        raise DestinationNotWritableError(params={"folder": str(destination)})


def _chosen(desk: Desk, connection_ids: tuple[str, ...] | None) -> list[Connection]:
    """The connections to export, read once from the index; an unknown id raises first."""
    if connection_ids is None:
        found = list(desk.index.load().connections)
        if not found:
            raise NoConnectionToExportError
        return found
    return [desk.index.get(connection_id) for connection_id in dict.fromkeys(connection_ids)]
