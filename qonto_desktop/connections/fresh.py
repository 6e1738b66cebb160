"""Fresh access tokens: refreshed before expiry, one refresh at a time, rotated tokens kept."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.errors import NeedsReconnectError
from qonto_desktop.connections.keys import access_token_key, refresh_token_key
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.oauth.errors import InvalidGrantError, OutcomeUnknownError
from qonto_desktop.store.connection import REFRESH_TOKEN_LIFETIME, Connection

log = logging.getLogger(__name__)

# Refresh when less than this is left (Qonto recommends refreshing before expiry, not after a
# 401); five minutes also leaves a script the time to use the token it is given.
REFRESH_MARGIN = 300.0


@dataclass(frozen=True)
class FreshToken:
    """An access token and the connection it belongs to, as saved."""

    access_token: str
    connection: Connection


def access_token(desk: Desk, connection_id: str) -> FreshToken:
    """Return an access token valid for at least five more minutes, refreshing if needed.

    The common case reads the index and the keyring and sends nothing. A refresh happens under
    the connection's cross-process lock; whoever waited for it finds the new token and uses it.

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
        return _refresh_locked(desk, connection)


def refresh(desk: Desk, connection_id: str) -> FreshToken:
    """Refresh now, whatever the expiry: keeps the connection and its refresh token alive.

    Raises:
        Same as :func:`access_token`.
    """
    with desk.refresh_lock(connection_id):
        return _refresh_locked(desk, desk.index.get(connection_id))


def _cached(desk: Desk, connection: Connection) -> str | None:
    if connection.state == "needs_reconnect":
        raise NeedsReconnectError(connection.display_name, reason=connection.state_reason)
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
        raise _needs_reconnect(desk, connection, "no refresh token is saved for it")
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
        reason = "its refresh token expired or was revoked"
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
    return NeedsReconnectError(connection.display_name, reason=reason)


@dataclass(frozen=True)
class RefreshResult:
    """The outcome of refreshing one connection among many."""

    connection: Connection
    error: QontoDesktopError | None


def refresh_all(desk: Desk) -> list[RefreshResult]:
    """Refresh every connection that can be, one by one; one failure does not stop the rest."""
    results = []
    for connection in desk.index.load().connections:
        if connection.state == "needs_reconnect":
            error = NeedsReconnectError(connection.display_name, reason=connection.state_reason)
            results.append(RefreshResult(connection, error))
            continue
        try:
            results.append(RefreshResult(refresh(desk, connection.id).connection, None))
        except QontoDesktopError as exc:
            results.append(RefreshResult(connection, exc))
    return results
