"""Whose tokens a connection uses: its own, or the grant it shares with other companies.

With Qonto's user access one sign-in covers several companies: their connections record the
same ``grant_id`` and use one refresh token and one access token, kept once in the keyring under
the grant (in one entry: ``token_pair``). Every part that reads, rotates or deletes tokens asks
here which keys and which lock.
"""

from __future__ import annotations

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.keys import (
    access_token_key,
    grant_access_token_key,
    grant_refresh_token_key,
    pair_key_of,
    refresh_token_key,
)
from qonto_desktop.store.connection import Connection


def pair_key(connection: Connection) -> str:
    """The keyring entry of the tokens ``connection`` uses, both in one (see ``token_pair``)."""
    return pair_key_of(connection.id, connection.grant_id)


def refresh_key(connection: Connection) -> str:
    """The entry of the refresh token ``connection`` used before tokens were kept together."""
    if connection.grant_id is not None:
        return grant_refresh_token_key(connection.grant_id)
    return refresh_token_key(connection.id)


def access_key(connection: Connection) -> str:
    """The entry of the access token ``connection`` used before tokens were kept together."""
    if connection.grant_id is not None:
        return grant_access_token_key(connection.grant_id)
    return access_token_key(connection.id)


def lock_name(connection: Connection) -> str:
    """The name of the refresh lock: one per grant, so that a grant rotates once for all."""
    return f"grant-{connection.grant_id}" if connection.grant_id is not None else connection.id


def sharing(desk: Desk, connection: Connection) -> tuple[Connection, ...]:
    """Every saved connection using the same tokens as ``connection`` (itself included)."""
    if connection.grant_id is None:
        return tuple(c for c in desk.index.load().connections if c.id == connection.id)
    return tuple(c for c in desk.index.load().connections if c.grant_id == connection.grant_id)


def others_sharing(desk: Desk, connection: Connection) -> tuple[Connection, ...]:
    """The other saved connections using the same tokens as ``connection``."""
    return tuple(c for c in sharing(desk, connection) if c.id != connection.id)
