"""Forgetting a client's mirrored bank data: its rows in the mirror, and the files they name.

Offered when a client is disconnected: the statements and receipts the app saved for it (and
recorded in the mirror) are deleted with its transactions. Files the user exported elsewhere
are not the mirror's: only the paths it recorded are deleted.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from qonto_desktop.connections.desk import Desk
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.mirror.bank_mirror import open_mirror
from qonto_desktop.mirror.database import mirror_path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ForgottenData:
    """What was deleted: the files the mirror named; ``error`` if the mirror could not be used."""

    files_deleted: int = 0
    error: QontoDesktopError | None = None


def forget_data(desk: Desk, connection_id: str) -> ForgottenData:
    """Delete the connection's mirrored rows and recorded files; never raises the app's errors."""
    if not mirror_path(desk.paths).exists():  # nothing was ever synced: create nothing
        return ForgottenData()
    try:
        mirror = open_mirror(desk.paths)
        try:
            files = mirror.forget(connection_id)
        finally:
            mirror.close()
    except QontoDesktopError as exc:
        log.warning("could not forget the mirrored data of %s: %s", connection_id, exc.code)
        return ForgottenData(error=exc)
    deleted = 0
    for path in files:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            log.warning("could not delete a file of %s: %s", connection_id, exc.strerror)
            continue
        deleted += 1
    log.info("forgot the mirrored data of %s (%d files deleted)", connection_id, deleted)
    return ForgottenData(deleted)
