"""keyring's Secret Service backend, on one D-Bus connection kept open.

keyring opens and closes a D-Bus connection for every call and replaces an existing entry by
deleting and re-creating it; the app's careful writes (read back, chunk checks) make several
calls per secret, and gnome-keyring-daemon was seen to abort on a GLib assertion when clients
came and went that fast while entries were being replaced. One connection per backend
(reopened once if the daemon went away), and existing entries updated in place, keep the
daemon out of that path and save the handshakes.
Entries, attributes and labels are exactly keyring's, so either backend reads the other's.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import secretstorage
from jeepney.wrappers import DBusErrorResponse
from keyring.backends import SecretService
from keyring.errors import InitError, KeyringLocked, PasswordDeleteError

log = logging.getLogger(__name__)

T = TypeVar("T")


class Keyring(SecretService.Keyring):
    """The Secret Service, through one kept-open connection (see the module's docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[no-untyped-call]  # keyring: untyped
        self._lock = threading.Lock()
        self._collection: Any = None

    def get_preferred_collection(self) -> Any:
        """The default collection, unlocked, on the kept connection."""
        if self._collection is None:
            bus = secretstorage.dbus_init()
            try:
                self._collection = secretstorage.get_default_collection(bus)
            except secretstorage.exceptions.SecretStorageException as exc:
                bus.close()
                raise InitError(f"Failed to create the collection: {exc}.") from exc
        collection = self._collection
        if collection.is_locked():
            collection.unlock()
            if collection.is_locked():  # the user dismissed the prompt
                raise KeyringLocked("Failed to unlock the collection!")
        return collection

    def get_password(self, service: str, username: str) -> str | None:
        """The secret, or None."""

        def read(collection: Any) -> str | None:
            for item in collection.search_items(self._query(service, username)):
                self.unlock(item)  # type: ignore[no-untyped-call]
                return str(item.get_secret().decode("utf-8"))
            return None

        return self._with_collection(read)

    def set_password(self, service: str, username: str, password: str) -> None:
        """Create or replace the secret."""
        attributes = self._query(service, username, application=self.appid)
        label = f"Password for '{username}' on '{service}'"

        def write(collection: Any) -> None:
            # An existing entry gets its new secret in place: replacing the item makes the
            # daemon drop and re-register its object while other clients may be reading it.
            for item in collection.search_items(self._query(service, username)):
                self.unlock(item)  # type: ignore[no-untyped-call]
                item.set_secret(password)
                return
            collection.create_item(label, attributes, password)

        self._with_collection(write)

    def delete_password(self, service: str, username: str) -> None:
        """Delete the secret; keyring's PasswordDeleteError when there is none."""

        def delete(collection: Any) -> bool:
            for item in collection.search_items(self._query(service, username)):
                item.delete()
                return True
            return False

        if not self._with_collection(delete):
            raise PasswordDeleteError("No such password!")

    def close(self) -> None:
        """Close the kept connection (it reopens on the next call)."""
        with self._lock:
            self._drop()

    def __del__(self) -> None:
        """Close the connection with the backend (at the latest when the process ends)."""
        collection = getattr(self, "_collection", None)
        self._collection = None
        if collection is not None:
            with contextlib.suppress(Exception):
                collection.connection.close()

    def _with_collection(self, action: Callable[[Any], T]) -> T:
        with self._lock:
            try:
                return action(self.get_preferred_collection())
            except (
                OSError,
                DBusErrorResponse,
                secretstorage.exceptions.SecretServiceNotAvailableException,
            ):
                # The daemon went away (restarted, crashed): reconnect once, then give up.
                log.info("the Secret Service connection broke; reconnecting once")
                self._drop()
                return action(self.get_preferred_collection())

    def _drop(self) -> None:
        if self._collection is not None:
            try:
                self._collection.connection.close()
            finally:
                self._collection = None
