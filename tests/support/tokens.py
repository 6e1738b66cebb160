"""The tokens a connection's grant has in the keyring, as the app reads them (any layout)."""

from __future__ import annotations

from qonto_desktop.connections import token_pair
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.shared_grant import access_key, pair_key, refresh_key
from qonto_desktop.store.connection import Connection


def saved(desk: Desk, connection: Connection | str) -> token_pair.Tokens:
    """The tokens ``connection`` (or the saved connection with that id) uses."""
    if isinstance(connection, str):
        connection = desk.index.get(connection)
    return token_pair.read(desk, connection)


def set_refresh(desk: Desk, connection: Connection | str, refresh_token: str) -> None:
    """Save another refresh token for ``connection`` (a revoked or made-up one), keeping the
    access token."""
    if isinstance(connection, str):
        connection = desk.index.get(connection)
    before = token_pair.read(desk, connection)
    token_pair.save(desk, connection, before.access or "", refresh_token, was=before)


def entry_names(connection: Connection) -> tuple[str, ...]:
    """Every keyring entry the tokens of ``connection`` may be in, pair first."""
    return (pair_key(connection), refresh_key(connection), access_key(connection))


def none_left(desk: Desk, connection: Connection) -> bool:
    """No entry of the tokens of ``connection`` is left in the keyring."""
    return all(desk.secrets.get(name) is None for name in entry_names(connection))
