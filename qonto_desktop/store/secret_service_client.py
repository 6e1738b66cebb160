"""The Secret Service's entries through SecretStorage alone, on one D-Bus connection kept open.

keyring's own backend opens and closes a D-Bus connection for every call and replaces an
existing entry by deleting and re-creating it; the app's careful writes make several calls per
secret, and gnome-keyring-daemon was seen to abort on a GLib assertion when clients came and
went that fast while entries were being replaced. One connection for the process (reopened
once if the daemon went away) with one encrypted session, and existing entries updated in
place, keep the daemon out of that path and save the handshakes.

This module imports no keyring: ``token`` with a fresh cached token reads its entry through it
when the connection names this backend (see ``backend_names``), without keyring's ~100 ms of
imports and backend discovery. Entries, attributes and labels are exactly keyring's default
scheme, so keyring reads what this writes and the other way round; the keyring backend the app
registers (``secret_service.Keyring``) is this client behind keyring's interface.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import secretstorage
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from jeepney.wrappers import DBusErrorResponse
from secretstorage.item import ITEM_IFACE
from secretstorage.util import DBusAddressWrapper, open_session

from qonto_desktop.store import secret_service_paths as paths

log = logging.getLogger(__name__)

T = TypeVar("T")

# keyring's ``SecretService.Keyring.appid``: the ``application`` attribute of what it creates.
APPLICATION = "Python keyring library"
# The Secret Service's error for a call on a locked collection or item.
IS_LOCKED = "org.freedesktop.Secret.Error.IsLocked"


class NoCollectionError(Exception):
    """The default collection could not be opened (keyring's ``InitError``)."""


class CollectionLockedError(Exception):
    """The collection or the item stayed locked: the unlock prompt was dismissed."""


class NoSuchEntryError(Exception):
    """There is no entry to delete."""


def query(service: str, username: str) -> dict[str, str]:
    """The attributes keyring files an entry under (its default scheme)."""
    return {"username": username, "service": service}


class SecretServiceEntries:
    """Get, set and delete entries of the default collection on one kept connection."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._collection: Any = None
        self._paths = paths.Paths()  # items found or written lately, on this connection

    def collection(self) -> Any:
        """The default collection on the kept connection, unlocked when it was opened.

        Raises:
            NoCollectionError: it cannot be opened.
            CollectionLockedError: it stays locked.
        """
        if self._collection is None:
            bus = secretstorage.dbus_init()
            try:
                collection = secretstorage.get_default_collection(bus)
                _unlock_collection(collection)
            except secretstorage.exceptions.SecretStorageException as exc:
                bus.close()
                raise NoCollectionError(f"Failed to create the collection: {exc}.") from exc
            except CollectionLockedError:
                bus.close()
                raise
            self._collection = collection
        return self._collection

    def get_password(self, service: str, username: str) -> str | None:
        """The secret, or None."""

        key = (service, username)

        def read(collection: Any, careful: bool) -> str | None:
            path = None if careful else self._paths.for_read_back(key)
            if path is not None:  # the read-back of a write: the item just written
                try:
                    return paths.get_secret(collection, path).decode("utf-8")
                except secretstorage.exceptions.ItemNotFoundException:
                    self._paths.forget(key)
            for item in _search(collection, key, careful):
                if careful:
                    _unlock(item, careful)
                    secret = _secret_of(item)
                    _keep_session(collection, item)
                else:
                    secret = paths.get_secret(collection, item)
                self._paths.found(key, _path(item))
                return str(secret.decode("utf-8"))
            return None

        return self._with_collection(read)

    def set_password(self, service: str, username: str, password: str) -> None:
        """Create or replace the secret."""
        attributes = {**query(service, username), "application": APPLICATION}
        label = f"Password for '{username}' on '{service}'"

        key = (service, username)

        def write(collection: Any, careful: bool) -> None:
            # An existing entry gets its new secret in place: replacing the item makes the
            # daemon drop and re-register its object while other clients may be reading it.
            path = None if careful else self._paths.for_write(key)
            if path is not None:  # just read (a rotation's entry): no search
                try:
                    paths.set_secret(collection, path, password)
                    self._paths.written(key, path)
                    return
                except secretstorage.exceptions.ItemNotFoundException:
                    self._paths.forget(key)
            for item in _search(collection, key, careful):
                if careful:
                    _unlock(item, careful)
                    item.set_secret(password)
                    _keep_session(collection, item)
                else:
                    paths.set_secret(collection, item, password)
                self._paths.written(key, _path(item))
                return
            created = collection.create_item(label, attributes, password)
            _keep_session(collection, created)
            self._paths.written(key, created.item_path)

        self._with_collection(write)

    def delete_password(self, service: str, username: str) -> None:
        """Delete the secret.

        Raises:
            NoSuchEntryError: there is none.
        """

        self._paths.forget((service, username))

        def delete(collection: Any, careful: bool) -> bool:
            self._paths.forget((service, username))
            for item in collection.search_items(query(service, username)):
                item.delete()
                return True
            return False

        if not self._with_collection(delete):
            raise NoSuchEntryError("No such password!")

    def close(self) -> None:
        """Close the kept connection (it reopens on the next call)."""
        with self._lock:
            self._drop()

    def __del__(self) -> None:
        """Close the connection (at the latest when the process ends)."""
        collection = getattr(self, "_collection", None)
        self._collection = None
        if collection is not None:
            try:
                collection.connection.close()
            except Exception as exc:  # at exit or collection: nothing more to do
                log.debug("closing the Secret Service connection: %s", type(exc).__name__)

    def _with_collection(self, action: Callable[[Any, bool], T]) -> T:
        with self._lock:
            try:
                return self._unlocking(action)
            except (
                OSError,
                DBusErrorResponse,
                secretstorage.exceptions.SecretServiceNotAvailableException,
            ):
                # The daemon went away (restarted, crashed): reconnect once, then give up.
                log.info("the Secret Service connection broke; reconnecting once")
                self._drop()
                return self._unlocking(action)

    def _unlocking(self, action: Callable[[Any, bool], T]) -> T:
        """Run ``action`` trusting the collection to be unlocked; if it was locked meanwhile
        (by the user, or by a timeout of the keyring's), unlock it and go again, carefully.

        Asking whether the collection is locked before every call would be one more round trip
        to the daemon per call, for a rare case that SecretStorage (asking each item before it
        reads or writes it) and the daemon report themselves.
        """
        collection = self.collection()
        try:
            return action(collection, False)
        except secretstorage.exceptions.LockedException:
            pass  # SecretStorage asked before reading or writing an item
        except DBusErrorResponse as error:
            if error.name != IS_LOCKED:
                raise
        log.info("the keyring was locked since it was opened; unlocking it")
        _unlock_collection(collection)
        return action(collection, True)

    def _drop(self) -> None:
        self._paths.clear()
        if self._collection is not None:
            try:
                self._collection.connection.close()
            finally:
                self._collection = None


def _search(collection: Any, key: paths.Key, careful: bool) -> Any:
    """The entry's items: SecretStorage's (they ask whether they are locked) once the daemon
    said something is locked, else their bare paths (the daemon says so itself)."""
    if careful:
        return collection.search_items(query(*key))
    return paths.search(collection, query(*key))


def _path(item: Any) -> str:
    return item if isinstance(item, str) else str(item.item_path)


def _keep_session(collection: Any, item: Any) -> None:
    """Share the encrypted session the item opened with every item found from now on.

    SecretStorage gives each item found its collection's session, and the default collection
    comes without one: every read or write then opened a session of its own (a Diffie-Hellman
    exchange with the daemon, about 10 ms, most of a read). One session serves the kept
    connection; it ends with it.
    """
    if collection.session is None:
        collection.session = item.session


def _secret_of(item: Any) -> bytes:
    """The item's secret, as SecretStorage's ``Item.get_secret`` reads it, on an encrypted session.

    The same calls and the same AES-CBC decryption, without its ``default_backend()``: since
    cryptography 3.1 every cipher runs on its one backend and ignores that argument, but asking
    for it imports the whole OpenSSL backend module (its RSA, EC and padding modules, about
    6 ms of every ``token``) only to hand it over. The session is SecretStorage's own, opened
    as it opens it (Diffie-Hellman, then AES), with its rules unchanged.
    """
    item.ensure_not_locked()
    if not item.session:
        item.session = open_session(item.connection)
    session = item.session
    proxy = DBusAddressWrapper(item.item_path, ITEM_IFACE, item.connection)
    (secret,) = proxy.call("GetSecret", "o", session.object_path)
    if not session.encrypted:  # as SecretStorage: a service without the encrypted algorithm
        return bytes(secret[2])
    decryptor = Cipher(algorithms.AES(session.aes_key), modes.CBC(bytes(secret[1]))).decryptor()
    padded = decryptor.update(bytes(secret[2])) + decryptor.finalize()
    return padded[: -padded[-1]]


def _unlock_collection(collection: Any) -> None:
    if collection.is_locked():
        collection.unlock()
        if collection.is_locked():  # the user dismissed the prompt
            raise CollectionLockedError("Failed to unlock the collection!")


def _unlock(item: Any, careful: bool) -> None:
    # Only once the daemon said something is locked. Asked first even then: unlocking an
    # unlocked item is one more round trip to the daemon, for nothing.
    if careful and item.is_locked():
        item.unlock()
        if item.is_locked():  # the user dismissed the prompt
            raise CollectionLockedError("Failed to unlock the item!")
