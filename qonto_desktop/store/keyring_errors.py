"""What a keyring backend's failure means, as the app's :mod:`.errors`.

Backends raise keyring's errors, SecretStorage's, the app's Secret Service client's, or the
OS's own (Windows' ``CredWrite``); each is told to the user in the app's words. keyring is never
imported here: only a loaded keyring raises its own errors.
"""

from __future__ import annotations

import sys

from qonto_desktop.store import backends
from qonto_desktop.store.errors import (
    EntryTooLargeError,
    KeyringLockedError,
    KeyringUnavailableError,
    NoSecureStorageError,
    SecretDeleteError,
    SecretWriteError,
    StorageError,
)

# Windows' CredWrite error for a credential blob over 2,560 bytes ("The stub received bad data").
WINERROR_BAD_STUB_DATA = 1783

# Failures that SecretStorage lets through keyring's Secret Service backend, by class name.
_SECRETSTORAGE = {
    "secretstorage.exceptions.SecretServiceNotAvailableException": KeyringUnavailableError,
    "secretstorage.exceptions.LockedException": KeyringLockedError,
    # The app's own Secret Service client (no keyring): keyring's InitError, KeyringLocked and
    # PasswordDeleteError, by other names.
    "qonto_desktop.store.secret_service_client.NoCollectionError": KeyringUnavailableError,
    "qonto_desktop.store.secret_service_client.CollectionLockedError": KeyringLockedError,
    "qonto_desktop.store.secret_service_client.NoSuchEntryError": SecretDeleteError,
}


# keyring's own errors (by name in ``keyring.errors``), most specific first: NoKeyringError is
# also a KeyringError.
_KEYRING_ERRORS: tuple[tuple[str, type[StorageError]], ...] = (
    ("NoKeyringError", NoSecureStorageError),
    ("KeyringLocked", KeyringLockedError),
    ("InitError", KeyringUnavailableError),
    ("PasswordSetError", SecretWriteError),
    ("PasswordDeleteError", SecretDeleteError),
)


def _error_class(error: BaseException) -> type[StorageError]:
    # Only a loaded keyring raises its own errors: never import it here, on a failure path.
    keyring_errors = sys.modules.get("keyring.errors")
    if keyring_errors is not None:
        for name, mapped in _KEYRING_ERRORS:
            if isinstance(error, getattr(keyring_errors, name)):
                return mapped
    if getattr(error, "winerror", None) == WINERROR_BAD_STUB_DATA:
        return EntryTooLargeError
    for cls in type(error).__mro__:
        found = _SECRETSTORAGE.get(f"{cls.__module__}.{cls.__qualname__}")
        if found is not None:
            return found
    return StorageError


def storage_error(error: BaseException, *, key: str | None, platform: str) -> StorageError:
    """The storage error that tells the user what ``error``, raised by a backend, means."""
    detail = f"{type(error).__name__}: {error}"
    mapped = _error_class(error)
    if mapped is NoSecureStorageError:
        return NoSecureStorageError(
            next_action=backends.storage_advice(platform), key=key, detail=detail
        )
    return mapped(key=key, detail=detail)
