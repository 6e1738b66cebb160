"""Fresh access tokens: refreshed before expiry, one refresh at a time, rotated tokens kept."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.errors import NeedsReconnectError, NoRefreshTokenError
from qonto_desktop.connections.keys import access_token_key, refresh_token_key
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.message import N_
from qonto_desktop.oauth.errors import InvalidGrantError, OutcomeUnknownError
from qonto_desktop.store.connection import REFRESH_TOKEN_LIFETIME, Connection

log = logging.getLogger(__name__)

# A token is handed out only while more than this is left (Qonto recommends refreshing before
# expiry, not after a 401).
REFRESH_MARGIN = 300.0
# Qonto revokes the current access token when it rotates the refresh token. So that a token just
# handed out is not killed at once by another process's refresh, a token that has fallen due is
# neither handed out nor refreshed during this many seconds: callers wait, then refresh. Every
# token handed out therefore stays valid for at least this long, whatever other processes do.
HANDOUT_GRACE = 10.0


@dataclass(frozen=True)
class FreshToken:
    """An access token and the connection it belongs to, as saved."""

    access_token: str
    connection: Connection


def access_token(desk: Desk, connection_id: str) -> FreshToken:
    """Return an access token with more than five minutes to live, refreshing if needed.

    The common case reads the index and the keyring and sends nothing. A refresh happens under
    the connection's cross-process lock; whoever waited for it finds the new token and uses it.
    A token handed out stays usable for at least ``HANDOUT_GRACE`` seconds even if another
    process refreshes (which revokes it); a script should ask for a token per job, right before
    using it.

    Raises:
        NeedsReconnectError: Qonto no longer accepts the connection's refresh token.
        QontoDesktopError: storage, network or Qonto errors.
    """
    connection = desk.index.get(connection_id)
    token = _cached(desk, connection)
    if token is not None:
        return FreshToken(token, connection)
    with desk.refresh_lock(connection_id):
        connection = desk.index.get(connection_id)  # another process may have refreshed
        token = _cached(desk, connection)
        if token is not None:
            return FreshToken(token, connection)
        # Let tokens handed out just before they fell due live their grace (see HANDOUT_GRACE).
        wait = connection.access_expires_at - desk.now() - (REFRESH_MARGIN - HANDOUT_GRACE)
        if wait > 0:
            desk.pause(min(wait, HANDOUT_GRACE))
        return _refresh_locked(desk, connection)


def refresh(desk: Desk, connection_id: str) -> FreshToken:
    """Refresh now, whatever the expiry: keeps the connection and its refresh token alive.

    Qonto revokes the current access token when it does this: a token a script holds stops
    working (``refresh_all`` therefore refreshes only what needs it).

    Raises:
        Same as :func:`access_token`.
    """
    with desk.refresh_lock(connection_id):
        return _refresh_locked(desk, desk.index.get(connection_id))


def _cached(desk: Desk, connection: Connection) -> str | None:
    if connection.state == "needs_reconnect":
        raise NeedsReconnectError(connection.name_text, reason=connection.state_reason)
    if connection.access_expires_at - desk.now() <= REFRESH_MARGIN:
        return None
    return desk.secrets.get(access_token_key(connection.id))


def _refresh_locked(desk: Desk, connection: Connection) -> FreshToken:
    """Refresh while holding the lock. The order of the saves is what makes a crash harmless.

    0. the index marks the current access token spent (Qonto revokes it when it rotates);
    1. the new refresh token, at once: the old one dies 60 s after the rotation;
    2. the new access token;
    3. the index (expiry times). A crash before 3 only costs one more refresh later, with the
       old refresh token inside Qonto's 60-second grace, or with the new one once saved.
    """
    refresh_token = desk.secrets.get(refresh_token_key(connection.id))
    if refresh_token is None:
        raise _needs_reconnect(desk, connection, N_("no refresh token is saved for it"))
    environment = desk.environment(connection.environment)
    client = desk.token_client(environment, connection.client_id)
    # Qonto revokes the current access token when it rotates: mark it spent first, so that a
    # crash after Qonto's answer never leaves a revoked token looking valid.
    desk.index.update(
        connection.id, access_expires_at=min(connection.access_expires_at, desk.now())
    )
    try:
        tokens = client.refresh(refresh_token, previous_scopes=connection.scopes_granted)
    except InvalidGrantError as exc:  # never retried: Qonto throttles repeated failures
        reason = N_("its refresh token expired or was revoked")
        raise _needs_reconnect(desk, connection, reason) from exc
    except OutcomeUnknownError:
        raise  # Qonto may have rotated: the current access token may be dead
    except QontoDesktopError:
        # Qonto did not rotate (it was not reached, or it refused): the token still holds.
        desk.index.update(connection.id, access_expires_at=connection.access_expires_at)
        raise
    desk.checkpoint("token answer received")
    if tokens.refresh_token:
        desk.secrets.set(refresh_token_key(connection.id), tokens.refresh_token)
    desk.checkpoint("refresh token saved")
    desk.secrets.set(access_token_key(connection.id), tokens.access_token)
    desk.checkpoint("access token saved")
    now = desk.now()
    saved = desk.index.update(
        connection.id,
        access_expires_at=tokens.expires_at,
        refresh_expires_at=now + REFRESH_TOKEN_LIFETIME
        if tokens.refresh_token
        else connection.refresh_expires_at,
        refreshed_at=now,
        scopes_granted=tokens.scopes,
    )
    desk.checkpoint("index written")
    log.info("refreshed connection %s", connection.id)
    return FreshToken(tokens.access_token, saved)


def _needs_reconnect(desk: Desk, connection: Connection, reason: str) -> NeedsReconnectError:
    try:
        desk.index.update(connection.id, state="needs_reconnect", state_reason=reason)
    except QontoDesktopError as exc:  # the error to report is the reconnect, not this
        log.warning("could not mark connection %s: %s", connection.id, exc.code)
    return NeedsReconnectError(connection.name_text, reason=reason)


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


def refresh_all(desk: Desk) -> list[RefreshResult]:
    """Keep every connection alive, one by one; one failure does not stop the rest.

    Only what needs it is refreshed: a connection whose refresh token has fewer than 14 days
    left, or whose access token is due. Refreshing the others would revoke tokens that scripts
    may be using, for nothing.
    """
    results = []
    for connection in desk.index.load().connections:
        try:
            results.append(_keep_alive(desk, connection))
        except QontoDesktopError as exc:
            results.append(RefreshResult(connection, refreshed=False, error=exc))
    return results


def _keep_alive(desk: Desk, connection: Connection) -> RefreshResult:
    if connection.state == "needs_reconnect":
        raise NeedsReconnectError(connection.name_text, reason=connection.state_reason)
    if connection.refresh_expires_at is None:
        raise NoRefreshTokenError(connection.name_text)
    if connection.refresh_expiring_soon(desk.now()):
        return RefreshResult(refresh(desk, connection.id).connection, refreshed=True)
    fresh = access_token(desk, connection.id)
    refreshed = fresh.connection.access_expires_at != connection.access_expires_at
    return RefreshResult(fresh.connection, refreshed=refreshed)
