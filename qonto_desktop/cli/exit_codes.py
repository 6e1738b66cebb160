"""Documented exit codes, so scripts can tell failures apart without reading messages."""

from __future__ import annotations

from qonto_desktop.connections.errors import StorageError
from qonto_desktop.errors import QontoDesktopError

OK = 0
ERROR = 1  # anything else: the message on stderr says what and what to do
USAGE = 2  # the command line is wrong
NEEDS_RECONNECT = 3  # Qonto no longer accepts the connection: sign in again
NO_SECURE_STORAGE = 4  # no usable OS keyring, or it is locked
NETWORK = 5  # Qonto could not be reached, is busy, or rate-limits
NOT_FOUND = 6  # no connection matches, or several do

_BY_CODE = {
    "needs_reconnect": NEEDS_RECONNECT,
    "documents_permission": NEEDS_RECONNECT,  # reconnect with the permission ticked
    "not_found": NOT_FOUND,
    "ambiguous": NOT_FOUND,
    "network": NETWORK,
    "outcome_unknown": NETWORK,
    "rate_limited": NETWORK,
    "service_unavailable": NETWORK,
}


def exit_code(error: QontoDesktopError) -> int:
    """The exit code for an error, by its kind."""
    if isinstance(error, StorageError):
        return NO_SECURE_STORAGE
    return _BY_CODE.get(error.code, ERROR)
