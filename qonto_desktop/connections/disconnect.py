"""Disconnect: revoke what can be revoked, then forget everything, whatever the network did."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.keys import access_token_key, refresh_token_key
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.store.connection import Connection

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DisconnectReport:
    """What was done; ``not_revoked`` names what Qonto could not be told, with the reason."""

    connection: Connection
    consent_revoked: bool
    not_revoked: tuple[str, ...]


def disconnect(desk: Desk, connection_id: str, *, revoke_consent: bool = True) -> DisconnectReport:
    """Revoke the connection at Qonto (best effort), then delete its secrets and its record.

    Order matters: the consent is withdrawn with the access token, so first; then the refresh
    token (revoking it ends the whole grant at Qonto), then the access token.

    Raises:
        NotFoundError: no such connection.
        StorageError: the keyring refused to delete (the record is kept, so nothing is lost).
    """
    connection = desk.index.get(connection_id)
    refresh_token = desk.secrets.get(refresh_token_key(connection_id))
    access = desk.secrets.get(access_token_key(connection_id))
    problems: list[str] = []
    consent_revoked = False
    steps: list[tuple[str, Callable[[], None]]] = []
    if revoke_consent:
        if access and connection.access_expires_at > desk.now():
            steps.append(("the consent", lambda: _revoke_consent(desk, connection, access)))
        else:
            problems.append("the consent (no valid access token to withdraw it with)")
    for name, token, hint in (
        ("the refresh token", refresh_token, "refresh_token"),
        ("the access token", access, "access_token"),
    ):
        if token:
            steps.append((name, partial(_revoke, desk, connection, token, hint)))
    for name, step in steps:
        try:
            step()
        except QontoDesktopError as exc:
            problems.append(f"{name} ({exc.message})")
        else:
            consent_revoked = consent_revoked or name == "the consent"
    desk.secrets.delete(refresh_token_key(connection_id))
    desk.secrets.delete(access_token_key(connection_id))
    desk.index.remove(connection_id)
    log.info("disconnected %s; %d item(s) not revoked", connection_id, len(problems))
    return DisconnectReport(connection, consent_revoked, tuple(problems))


def _revoke_consent(desk: Desk, connection: Connection, access_token: str) -> None:
    environment = desk.environment(connection.environment)
    desk.api(environment, access_token).revoke_consent()


def _revoke(desk: Desk, connection: Connection, token: str, hint: str) -> None:
    environment = desk.environment(connection.environment)
    desk.token_client(environment, connection.client_id).revoke(token, token_type_hint=hint)
