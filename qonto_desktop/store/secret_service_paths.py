"""Secret Service items reached by the object path a search just gave, in one D-Bus call each.

A rotation reads a grant's entry, writes the rotated tokens into it and reads them back, all
under the grant's refresh lock. Through SecretStorage's items that is three ``SearchItems`` and
six property reads (every item asks the daemon for its label when made, and whether it is
locked before each read or write): nine round trips to a daemon that serves one client at a
time, beside the three that do the work (docs/performance.md). Here the write and the
read-back go straight to the item the search found (``SetSecret``, ``GetSecret``), and a
locked item is reported by the daemon itself (``IsLocked``), as the client's callers expect.

A path is remembered only briefly (:data:`REMEMBER_SECONDS`), for the write that follows a
read and the read-back that follows a write; an item deleted meanwhile answers "no such
object" and the caller searches again. Any other read searches: an entry is always found by
its attributes, never by a path that may have outlived it.
"""

from __future__ import annotations

import time
from typing import Any

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from secretstorage.util import DBusAddressWrapper, format_secret, open_session

ITEM_INTERFACE = "org.freedesktop.Secret.Item"
COLLECTION_INTERFACE = "org.freedesktop.Secret.Collection"
# Long enough for a refresh round trip between the read and the write; short enough that a
# path never stands for an entry the user or another program replaced since.
REMEMBER_SECONDS = 60.0

Key = tuple[str, str]  # (service, username)


class Paths:
    """The item paths this connection found or made lately, by entry."""

    def __init__(self, clock: Any = time.monotonic) -> None:
        self._clock = clock
        self._found: dict[Key, tuple[str, float]] = {}  # for the next write
        self._written: dict[Key, str] = {}  # for the read-back, once

    def found(self, key: Key, path: str) -> None:
        """``key`` was found (or made) at ``path``."""
        self._found[key] = (path, self._clock())

    def for_write(self, key: Key) -> str | None:
        """Where to write ``key``: the path found lately, or None (search)."""
        entry = self._found.get(key)
        if entry is None or self._clock() - entry[1] > REMEMBER_SECONDS:
            self._found.pop(key, None)
            return None
        return entry[0]

    def written(self, key: Key, path: str) -> None:
        """``key`` was just written at ``path``: its read-back goes there."""
        self._written[key] = path
        self.found(key, path)

    def for_read_back(self, key: Key) -> str | None:
        """The path just written for ``key`` (once), or None (search)."""
        return self._written.pop(key, None)

    def forget(self, key: Key) -> None:
        """The entry is gone, or its path failed: search next time."""
        self._found.pop(key, None)
        self._written.pop(key, None)

    def clear(self) -> None:
        """The connection closed: paths are of no use on the next one."""
        self._found.clear()
        self._written.clear()


def _item(collection: Any, path: str) -> DBusAddressWrapper:
    return DBusAddressWrapper(path, ITEM_INTERFACE, collection.connection)


def _session(collection: Any) -> Any:
    """The connection's one encrypted session (opened on first use)."""
    if collection.session is None:
        collection.session = open_session(collection.connection)
    return collection.session


def search(collection: Any, attributes: dict[str, str]) -> list[str]:
    """The paths of the collection's items with these attributes, in one call."""
    address = DBusAddressWrapper(
        collection.collection_path, COLLECTION_INTERFACE, collection.connection
    )
    (found,) = address.call("SearchItems", "a{ss}", attributes)
    return [str(path) for path in found]


def get_secret(collection: Any, path: str) -> bytes:
    """The secret of the item at ``path``, in one call.

    Raises:
        secretstorage.exceptions.ItemNotFoundException: there is no such item any more.
        jeepney.wrappers.DBusErrorResponse: the daemon refused (``IsLocked`` among others).
    """
    session = _session(collection)
    (secret,) = _item(collection, path).call("GetSecret", "o", session.object_path)
    if not session.encrypted:
        return bytes(secret[2])
    decryptor = Cipher(algorithms.AES(session.aes_key), modes.CBC(bytes(secret[1]))).decryptor()
    padded = decryptor.update(bytes(secret[2])) + decryptor.finalize()
    return padded[: -padded[-1]]


def set_secret(collection: Any, path: str, password: str) -> None:
    """Give the item at ``path`` its new secret, in one call.

    Raises:
        secretstorage.exceptions.ItemNotFoundException: there is no such item any more.
        jeepney.wrappers.DBusErrorResponse: the daemon refused (``IsLocked`` among others).
    """
    secret = format_secret(_session(collection), password.encode("utf-8"), "text/plain")
    _item(collection, path).call("SetSecret", "(oayays)", secret)
