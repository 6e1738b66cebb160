"""Fresh access tokens for scripts: the quick path reads the index and the keyring, nothing more.

A token due for refresh, and every refresh, go through :mod:`qonto_desktop.connections.renewal`,
imported only then: ``token`` with a valid cached token loads no HTTP stack and no file lock.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from qonto_desktop.connections.cached import cached
from qonto_desktop.connections.checkpoint import Checkpoint, carry_on
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.fresh_token import FreshToken
from qonto_desktop.store.connection import Connection

if TYPE_CHECKING:  # the other values (connections.model) are not needed to hand out a token
    from qonto_desktop.connections.model import RefreshResult
    from qonto_desktop.connections.renew_due import RenewAllReport


def access_token(
    desk: Desk, connection_id: str, *, checkpoint: Checkpoint = carry_on
) -> FreshToken:
    """Return an access token with more than five minutes to live, refreshing if needed.

    The common case reads the index and the keyring and sends nothing. A refresh happens under
    the connection's cross-process lock; whoever waited for it finds the new token and uses it.
    A token handed out stays usable for at least ``HANDOUT_GRACE`` seconds even if another
    process refreshes (which revokes it); a script should ask for a token per job, right before
    using it.

    Args:
        checkpoint: called between the saves of a refresh; raising there stops it.

    Raises:
        NeedsReconnectError: Qonto no longer accepts the connection's refresh token.
        QontoDesktopError: storage, network or Qonto errors.
    """
    return _fresh(desk, desk.index.get(connection_id), checkpoint)


def access_token_of(
    desk: Desk, query: str | None, *, checkpoint: Checkpoint = carry_on
) -> FreshToken:
    """:func:`access_token` of the connection ``query`` names (see ``listing.find_connection``).

    The index is read once: finding the connection is the read the token is handed out on.

    Raises:
        NotFoundError: no connection matches, or several do and none was named.
        Same as :func:`access_token`.
    """
    return _fresh(desk, desk.index.find(query), checkpoint)


def _fresh(desk: Desk, connection: Connection, checkpoint: Checkpoint) -> FreshToken:
    token = cached(desk, connection)
    if token is not None:
        return FreshToken(token, connection)
    from qonto_desktop.connections.renewal import renewed_token  # noqa: PLC0415  (see above)

    return renewed_token(desk, connection, checkpoint=checkpoint)


def refresh(desk: Desk, connection_id: str, *, checkpoint: Checkpoint = carry_on) -> FreshToken:
    """Refresh now, whatever the expiry: keeps the connection and its refresh token alive.

    Qonto revokes the current access token when it does this: a token a script holds stops
    working (``refresh_all`` therefore refreshes only what needs it).

    Raises:
        Same as :func:`access_token`.
    """
    from qonto_desktop.connections.renewal import refresh_now  # noqa: PLC0415  (see above)

    return refresh_now(desk, desk.index.get(connection_id), checkpoint=checkpoint)


def refresh_all(desk: Desk) -> list[RefreshResult]:
    """Keep every connection alive; one failure does not stop the rest (see :func:`renew_all`).

    Only what needs it is refreshed: a connection whose refresh token has fewer than 14 days
    left, or whose access token is due. Refreshing the others would revoke tokens that scripts
    may be using, for nothing.
    """
    return list(renew_all(desk).results)


def renew_all(
    desk: Desk,
    *,
    on_progress: Callable[[int, int, RefreshResult], None] | None = None,
    checkpoint: Checkpoint = carry_on,
    lapsing_within: float | None = None,
) -> RenewAllReport:
    """Keep every connection alive in one batch, a bounded pool of refreshes at a time.

    Read the index once, refresh what is due (a shared grant once), keep each rotated token in
    the keyring as soon as Qonto answers, and write the index once per chunk. With nothing due,
    nothing is sent and no keyring is read.

    Args:
        on_progress: ``(done, total, result)`` as each connection's outcome is known.
        checkpoint: called between chunks and between the saves of each refresh; raising
            there stops the batch (nothing saved is lost; the rest renews at its next use).
        lapsing_within: renew only the connections whose refresh token lapses within this many
            seconds, whatever their access token (the window's keep-alive).

    Returns:
        Each connection's :class:`RefreshResult`, and the index's problem (a damaged file kept
        aside) if it had one.
    """
    from qonto_desktop.connections.renew_due import anything_due, nothing_due  # noqa: PLC0415

    first = desk.index.load()
    if not anything_due(first, desk.now(), lapsing_within):  # no HTTP stack, no lock, no keyring
        return nothing_due(first, on_progress)
    from qonto_desktop.connections.renewal import renew_all as batch  # noqa: PLC0415

    return batch(
        desk,
        on_progress=on_progress,
        checkpoint=checkpoint,
        first=first,
        lapsing_within=lapsing_within,
    )
