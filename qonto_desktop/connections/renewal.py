"""Refreshing tokens: one refresh at a time per grant, rotated tokens kept, crash-safe.

Connections sharing one grant (Qonto's user access) rotate once for all, under the grant's
lock, and are all updated with the new expiry (:mod:`qonto_desktop.connections.shared_grant`).

The slow path of :mod:`qonto_desktop.connections.fresh`: it holds the cross-process lock and
talks to Qonto through the connection's :class:`ConnectionContext`, resolved once per journey.
"""

from __future__ import annotations

import logging

from qonto_desktop.connections import token_pair
from qonto_desktop.connections.cached import cached
from qonto_desktop.connections.checkpoint import Checkpoint, carry_on
from qonto_desktop.connections.context import ConnectionContext, for_connection, refresh_lock
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.errors import NeedsReconnectError
from qonto_desktop.connections.freshness import HANDOUT_GRACE, REFRESH_MARGIN
from qonto_desktop.connections.model import FreshToken, RefreshResult
from qonto_desktop.connections.renew_all import POOL_SIZE, renew_all
from qonto_desktop.connections.shared_grant import lock_name, sharing
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.message import N_
from qonto_desktop.oauth.errors import InvalidGrantError, OutcomeUnknownError
from qonto_desktop.store.connection import REFRESH_TOKEN_LIFETIME, Connection

__all__ = ["POOL_SIZE", "keep_all_alive", "refresh_now", "renew_all", "renewed_token"]

log = logging.getLogger(__name__)


def renewed_token(
    desk: Desk,
    connection: Connection,
    *,
    checkpoint: Checkpoint = carry_on,
    context: ConnectionContext | None = None,
) -> FreshToken:
    """A token for a connection whose cached one fell due: refreshed under the lock."""
    with refresh_lock(desk, lock_name(connection)):
        connection = desk.index.get(connection.id)  # another process may have refreshed
        token = cached(desk, connection)
        if token is not None:
            return FreshToken(token, connection)
        # Let tokens handed out just before they fell due live their grace (see HANDOUT_GRACE).
        wait = connection.access_expires_at - desk.now() - (REFRESH_MARGIN - HANDOUT_GRACE)
        if wait > 0:
            desk.pause(min(wait, HANDOUT_GRACE))
        return _refresh_locked(desk, connection, checkpoint, context)


def refresh_now(
    desk: Desk,
    connection: Connection,
    *,
    checkpoint: Checkpoint = carry_on,
    context: ConnectionContext | None = None,
) -> FreshToken:
    """Refresh whatever the expiry (see ``fresh.refresh``)."""
    with refresh_lock(desk, lock_name(connection)):
        return _refresh_locked(desk, desk.index.get(connection.id), checkpoint, context)


def keep_all_alive(desk: Desk) -> list[RefreshResult]:
    """Keep every connection alive in one batch (see ``fresh.refresh_all`` and ``renew_all``)."""
    return list(renew_all(desk).results)


def _refresh_locked(
    desk: Desk,
    connection: Connection,
    checkpoint: Checkpoint,
    context: ConnectionContext | None,
) -> FreshToken:
    """Refresh while holding the lock. The order of the saves is what makes a crash harmless.

    0. the index marks the current access token spent (Qonto revokes it when it rotates);
    1. the new tokens, at once and together: the old refresh token dies 60 s after the
       rotation;
    2. the index (expiry times). A crash before 2 only costs one more refresh later, with the
       old refresh token inside Qonto's 60-second grace, or with the new one once saved.
    """
    before = token_pair.read(desk, connection)
    refresh_token = before.refresh
    if refresh_token is None:
        raise _needs_reconnect(desk, connection, N_("no refresh token is saved for it"))
    client = (context or for_connection(desk, connection)).token_client
    ids = tuple(c.id for c in sharing(desk, connection)) or (connection.id,)
    # Qonto revokes the current access token when it rotates: mark it spent first, so that a
    # crash after Qonto's answer never leaves a revoked token looking valid.
    desk.index.update_all(ids, access_expires_at=min(connection.access_expires_at, desk.now()))
    try:
        tokens = client.refresh(refresh_token, previous_scopes=connection.scopes_granted)
    except InvalidGrantError as exc:  # never retried: Qonto throttles repeated failures
        reason = N_("its refresh token expired or was revoked")
        raise _needs_reconnect(desk, connection, reason) from exc
    except OutcomeUnknownError:
        raise  # Qonto may have rotated: the current access token may be dead
    except QontoDesktopError:
        # Qonto did not rotate (it was not reached, or it refused): the token still holds.
        desk.index.update_all(ids, access_expires_at=connection.access_expires_at)
        raise
    checkpoint("token answer received")
    # Both in one write, under the grant's lock: what was read is what to put back.
    refresh = tokens.refresh_token or refresh_token
    token_pair.save(desk, connection, tokens.access_token, refresh, was=before)
    checkpoint("tokens saved")
    now = desk.now()
    updated = desk.index.update_all(
        ids,
        access_expires_at=tokens.expires_at,
        refresh_expires_at=now + REFRESH_TOKEN_LIFETIME
        if tokens.refresh_token
        else connection.refresh_expires_at,
        refreshed_at=now,
        scopes_granted=tokens.scopes,
        # A connection saved before backends were named gets its name now (see cached).
        keyring_backend=connection.keyring_backend or desk.secrets.backend_name(),
    )
    checkpoint("index written")
    saved = next((c for c in updated if c.id == connection.id), None)
    if saved is None:  # disconnected meanwhile by another copy of the app
        saved = desk.index.get(connection.id)
    log.info("refreshed connection %s (%d sharing its grant)", connection.id, len(ids))
    return FreshToken(tokens.access_token, saved)


def _needs_reconnect(desk: Desk, connection: Connection, reason: str) -> NeedsReconnectError:
    ids = [c.id for c in sharing(desk, connection)] or [connection.id]
    try:
        desk.index.update_all(ids, state="needs_reconnect", state_reason=reason)
    except QontoDesktopError as exc:  # the error to report is the reconnect, not this
        log.warning("could not mark connection %s: %s", connection.id, exc.code)
    return NeedsReconnectError(connection.name_text, reason=reason)
