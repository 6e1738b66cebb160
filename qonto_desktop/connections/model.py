"""The plain values the application API hands the window and the command line.

:class:`Connection` stays defined in :mod:`qonto_desktop.store.connection`, as the index
persists it field by field; the faces take it, and the storage facts they show, from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from qonto_desktop.connections.fresh_token import FreshToken
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.oauth.browser_wait import DEFAULT_TIMEOUT
from qonto_desktop.store.backends import BackendDescription, BackendName
from qonto_desktop.store.connection import AccountSummary, Connection
from qonto_desktop.store.index import IndexLoad

__all__ = [
    "DEFAULT_TIMEOUT",
    "AccountSummary",
    "BackendDescription",
    "BackendName",
    "ConnectRequest",
    "Connected",
    "Connection",
    "DisconnectReport",
    "FreshToken",
    "IndexLoad",
    "NotRevoked",
    "RefreshResult",
    "Revocable",
]


@dataclass(frozen=True)
class ConnectRequest:
    """What the user asked for in the connect dialog or on the command line."""

    environment: str
    scopes: tuple[str, ...]
    organization_id: str | None = None
    registration_id: str | None = None
    language: str = "en"
    timeout: float = DEFAULT_TIMEOUT


@dataclass(frozen=True)
class Connected:
    """A connection just saved, and whether its company was already connected.

    Attributes:
        renewed: the company was already connected (same environment and organization): its
            access was renewed with the new grant, and its history kept (its id, the date it
            was first connected); False for a company connected for the first time.
    """

    connection: Connection
    renewed: bool = False


@dataclass(frozen=True)
class RefreshResult:
    """The outcome of keeping one connection alive among many.

    Attributes:
        refreshed: Qonto issued new tokens; False when the connection was still fresh.
        error: what went wrong, or None.
    """

    connection: Connection
    refreshed: bool
    error: QontoDesktopError | None = None


Revocable = Literal["consent", "refresh_token", "access_token"]


@dataclass(frozen=True)
class NotRevoked:
    """One thing Qonto could not be told about, and why; the window and the command line word it.

    Attributes:
        item: what stays known to Qonto: ``"consent"``, ``"refresh_token"`` or
            ``"access_token"``.
        error: what went wrong asking Qonto; None when the consent could not even be asked
            for, as there was no valid access token to withdraw it with.
    """

    item: Revocable
    error: QontoDesktopError | None = None


@dataclass(frozen=True)
class DisconnectReport:
    """What was done; ``not_revoked`` names what Qonto could not be told, with the reason.

    Attributes:
        still_sharing: the other companies still using the same grant (user access); when
            there are any, nothing was revoked: the grant stays theirs.
        data_forgotten: its mirrored bank data was deleted (asked with ``forget_data``).
        files_deleted: the statements and receipts saved for it that were deleted.
        data_error: why its mirrored data could not be deleted, if it could not.
    """

    connection: Connection
    consent_revoked: bool
    not_revoked: tuple[NotRevoked, ...]
    still_sharing: tuple[Connection, ...] = ()
    data_forgotten: bool = False
    files_deleted: int = 0
    data_error: QontoDesktopError | None = None
