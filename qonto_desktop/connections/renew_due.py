"""What a renew-all has to do, decided from the index alone: the light half of renew-all.

A connection is due when its access token is (less than ``REFRESH_MARGIN`` left) or its refresh
token has fewer than 14 days to live; one that needs a new sign-in, or has no refresh token, is
reported as such. With nothing due, :mod:`qonto_desktop.connections.fresh` answers from here
and the refresh machinery (the HTTP stack, Authlib, the locks) is never loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from qonto_desktop.connections.cached import REFRESH_MARGIN
from qonto_desktop.connections.errors import NeedsReconnectError, NoRefreshTokenError
from qonto_desktop.connections.model import RefreshResult
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.store.connection import Connection
from qonto_desktop.store.index import IndexLoad, IndexProblem

Progress = Callable[[int, int, RefreshResult], None]


@dataclass(frozen=True)
class RenewAllReport:
    """Each connection's outcome (in the index's order), and what was wrong with the index."""

    results: tuple[RefreshResult, ...]
    problem: IndexProblem | None = None


def not_renewable(connection: Connection) -> QontoDesktopError | None:
    """Why the connection cannot be renewed at all, or None."""
    if connection.state == "needs_reconnect":
        return NeedsReconnectError(connection.name_text, reason=connection.state_reason)
    if connection.refresh_expires_at is None:
        return NoRefreshTokenError(connection.name_text)
    return None


def is_due(connection: Connection, now: float) -> bool:
    """The access token is due, or the refresh token is ageing."""
    return (
        connection.refresh_expiring_soon(now)
        or connection.access_expires_at - now <= REFRESH_MARGIN
    )


def anything_due(load: IndexLoad, now: float) -> bool:
    """Whether any connection of ``load`` is to be refreshed."""
    return any(not_renewable(c) is None and is_due(c, now) for c in load.connections)


def nothing_due(load: IndexLoad, on_progress: Progress | None) -> RenewAllReport:
    """The report of a renew-all that has nothing to send: each connection as it is."""
    results = tuple(
        RefreshResult(c, refreshed=False, error=not_renewable(c)) for c in load.connections
    )
    if on_progress is not None:
        for done, result in enumerate(results, start=1):
            on_progress(done, len(results), result)
    return RenewAllReport(results, load.problem)
