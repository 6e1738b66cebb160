"""Disconnect: revoke what can be revoked, then forget everything, whatever the network did.

A company whose grant other connections still use (Qonto's user access) is only forgotten: its
tokens are theirs too. The last company of a grant revokes it and deletes its tokens.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from qonto_desktop.connections import token_pair
from qonto_desktop.connections.context import ConnectionContext, for_connection, refresh_lock
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.forget_data import forget_data as forget_mirrored
from qonto_desktop.connections.model import DisconnectReport, NotRevoked, Revocable
from qonto_desktop.connections.shared_grant import lock_name, others_sharing
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.qonto.errors import ForbiddenError, missing_scope_or_role
from qonto_desktop.store.connection import Connection

log = logging.getLogger(__name__)

# The values live with the application API's others, so that the window can name them without
# loading this module (and through it the HTTP stack) before a disconnection is asked for.
__all__ = ["DisconnectReport", "NotRevoked", "Revocable", "disconnect"]


def disconnect(
    desk: Desk, connection_id: str, *, revoke_consent: bool = True, forget_data: bool = False
) -> DisconnectReport:
    """Revoke the connection at Qonto (best effort), then delete its secrets and its record.

    With ``forget_data``, its mirrored bank data (transactions, and the statements and receipts
    saved for it) is deleted too, once the connection is forgotten.

    Order matters: the consent is withdrawn with the access token, so first; then the refresh
    token (revoking it ends the whole grant at Qonto), then the access token.

    Raises:
        NotFoundError: no such connection.
        StorageError: the keyring refused to delete (the record is kept, so nothing is lost).
    """
    report = _disconnect_any(desk, connection_id, revoke_consent=revoke_consent)
    if not forget_data:
        return report
    forgotten = forget_mirrored(desk, connection_id)
    return replace(
        report,
        data_forgotten=forgotten.error is None,
        files_deleted=forgotten.files_deleted,
        data_error=forgotten.error,
    )


def _disconnect_any(desk: Desk, connection_id: str, *, revoke_consent: bool) -> DisconnectReport:
    connection = desk.index.get(connection_id)
    if connection.grant_id is None:
        return _disconnect(desk, connection, revoke_consent=revoke_consent)
    # Under the grant's lock: two copies of the app disconnecting its last two companies at
    # once must not both leave the grant to the other.
    with refresh_lock(desk, lock_name(connection)):
        connection = desk.index.get(connection_id)
        others = others_sharing(desk, connection)
        if not others:
            return _disconnect(desk, connection, revoke_consent=revoke_consent)
        desk.index.remove(connection_id)
    log.info("disconnected %s; its grant stays with %d other(s)", connection_id, len(others))
    return DisconnectReport(connection, False, (), others)


def _disconnect(desk: Desk, connection: Connection, *, revoke_consent: bool) -> DisconnectReport:
    """Revoke and forget a connection whose tokens no other connection uses."""
    connection_id = connection.id
    saved = token_pair.read(desk, connection)
    refresh_token, access = saved.refresh, saved.access
    problems: list[NotRevoked] = []
    consent_revoked = False
    steps: list[tuple[Revocable, Callable[[ConnectionContext], None]]] = []
    if revoke_consent:
        if access and connection.access_expires_at > desk.now():
            steps.append(("consent", partial(_revoke_consent, access, connection)))
        else:
            problems.append(NotRevoked("consent"))
    tokens: tuple[tuple[Revocable, str | None], ...] = (
        ("refresh_token", refresh_token),
        ("access_token", access),
    )
    for item, token in tokens:
        if token:
            steps.append((item, partial(_revoke, token, item)))
    context: ConnectionContext | QontoDesktopError | None = None
    for item, step in steps:
        if context is None:  # resolved once, and only when Qonto is to be told something
            context = _context(desk, connection)
        if isinstance(context, QontoDesktopError):
            problems.append(NotRevoked(item, context))
            continue
        try:
            step(context)
        except QontoDesktopError as exc:
            problems.append(NotRevoked(item, exc))
        else:
            consent_revoked = consent_revoked or item == "consent"
    token_pair.forget(desk, connection)
    desk.index.remove(connection_id)
    log.info(
        "disconnected %s; not revoked: %s",
        connection_id,
        ", ".join(f"{p.item} ({p.error.code if p.error else 'no valid token'})" for p in problems)
        or "nothing",
    )
    return DisconnectReport(connection, consent_revoked, tuple(problems))


def _context(desk: Desk, connection: Connection) -> ConnectionContext | QontoDesktopError:
    """The connection's context, or why it cannot be had (then nothing is revoked)."""
    try:
        return for_connection(desk, connection)
    except QontoDesktopError as exc:
        return exc


def _revoke_consent(access_token: str, connection: Connection, context: ConnectionContext) -> None:
    try:
        context.api(access_token).revoke_consent()
    except ForbiddenError as exc:  # Qonto documents organization.read for it
        raise missing_scope_or_role(exc, connection.scopes_granted) from None


def _revoke(token: str, hint: str, context: ConnectionContext) -> None:
    context.token_client.revoke(token, token_type_hint=hint)
