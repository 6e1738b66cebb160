"""What a renew-all has to do, decided from the index alone: the light half of renew-all.

A connection is due when its access token is (less than ``REFRESH_MARGIN`` left) or its refresh
token has fewer than 14 days to live; one that needs a new sign-in, or has no refresh token, is
reported as such. The window's keep-alive asks for less (``lapsing_within``): only the
connections whose refresh token, the one that ends a connection, lapses within that many seconds,
refreshed whatever their access token (access tokens last an hour: renewing them every few
hours for hundreds of clients would be traffic for nothing). With nothing due,
:mod:`qonto_desktop.connections.fresh` answers from here and the refresh machinery (the HTTP
stack, Authlib, the locks) is never loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from qonto_desktop.connections.errors import NeedsReconnectError, NoRefreshTokenError
from qonto_desktop.connections.freshness import REFRESH_MARGIN
from qonto_desktop.connections.model import RefreshResult
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.store.connection import Connection
from qonto_desktop.store.index import IndexLoad, IndexProblem

Progress = Callable[[int, int, RefreshResult], None]

# What the window's keep-alive renews: a refresh token with fewer than 60 of its 90 days left.
# Each connection is so renewed about once a month (300 clients: about ten refreshes a day),
# and one that the app saw within the last 60 days never lapses (docs/decisions.md).
KEEP_ALIVE_WITHIN = 60 * 86400.0


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


def is_due(connection: Connection, now: float, lapsing_within: float | None = None) -> bool:
    """The access token is due, or the refresh token is ageing.

    With ``lapsing_within``: only whether the refresh token lapses within that many seconds.
    """
    if lapsing_within is not None:
        return lapses_within(connection, now, lapsing_within)
    return (
        connection.refresh_expiring_soon(now)
        or connection.access_expires_at - now <= REFRESH_MARGIN
    )


def lapses_within(connection: Connection, now: float, seconds: float) -> bool:
    """The refresh token lapses within ``seconds`` (a connection without one never does)."""
    expires = connection.refresh_expires_at
    return expires is not None and expires - now < seconds


def anything_due(load: IndexLoad, now: float, lapsing_within: float | None = None) -> bool:
    """Whether any connection of ``load`` is to be refreshed (see :func:`is_due`)."""
    return any(
        not_renewable(c) is None and is_due(c, now, lapsing_within) for c in load.connections
    )


def nothing_due(load: IndexLoad, on_progress: Progress | None) -> RenewAllReport:
    """The report of a renew-all that has nothing to send: each connection as it is."""
    results = tuple(
        RefreshResult(c, refreshed=False, error=not_renewable(c)) for c in load.connections
    )
    if on_progress is not None:
        for done, result in enumerate(results, start=1):
            on_progress(done, len(results), result)
    return RenewAllReport(results, load.problem)
