"""The saved connections as the faces list them, and where their secrets are kept."""

from __future__ import annotations

from qonto_desktop.connections.desk import Desk
from qonto_desktop.store.backends import BackendDescription
from qonto_desktop.store.connection import Connection
from qonto_desktop.store.index import IndexLoad


def list_connections(desk: Desk) -> IndexLoad:
    """Every saved connection, sorted by name, and any problem found reading the index.

    Raises:
        StorageError: the index cannot be read at all.
    """
    return desk.index.load()


def find_connection(desk: Desk, query: str | None) -> Connection:
    """The connection ``query`` names (id, organization name or slug), or the only one.

    Raises:
        NotFoundError: no connection matches, or several do and none was named.
    """
    return desk.index.find(query)


def describe_storage(desk: Desk) -> BackendDescription:
    """Which keyring holds the secrets (loads the keyring: off the window's GUI thread)."""
    return desk.secrets.backend_description()
