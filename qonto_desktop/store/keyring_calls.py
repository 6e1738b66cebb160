"""Keyring calls with a deadline, their failures turned into :mod:`.errors`.

A locked or hung Secret Service can block a call for ever (an unlock prompt nobody sees), so
every call runs on the store's one keyring worker (:mod:`.keyring_worker`) and the caller waits
at most ``timeout``. Calls are serialised: while a timed-out call is still running, the next
one waits for it (again at most ``timeout``) rather than pile up behind it unbounded.

keyring itself (about 40 ms of imports) loads inside the first call's guard, on the worker:
building a store, as the window does before its first frame, imports none of it.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from qonto_desktop.store import backends
from qonto_desktop.store.errors import (
    EntryTooLargeError,
    KeyringLockedError,
    KeyringTimeoutError,
    KeyringUnavailableError,
    NoSecureStorageError,
    SecretDeleteError,
    SecretWriteError,
    StorageError,
)
from qonto_desktop.store.keyring_worker import Job, KeyringWorker

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

T = TypeVar("T")

# Windows' CredWrite error for a credential blob over 2,560 bytes ("The stub received bad data").
WINERROR_BAD_STUB_DATA = 1783

# Failures that SecretStorage lets through keyring's Secret Service backend, by class name.
_SECRETSTORAGE = {
    "secretstorage.exceptions.SecretServiceNotAvailableException": KeyringUnavailableError,
    "secretstorage.exceptions.LockedException": KeyringLockedError,
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


class KeyringCalls:
    """The keyring entries of one service, each call bounded by a timeout.

    Args:
        backend: the backend, or None for the OS's (see ``backend_choice``), resolved on first use
            (inside the guard: resolving probes D-Bus, which can hang too).
        service: the keyring service name every entry is filed under.
        timeout: seconds to wait for each call.
        platform: a ``sys.platform`` value, for the advice in :class:`NoSecureStorageError`.
    """

    def __init__(
        self, backend: KeyringBackend | None, *, service: str, timeout: float, platform: str
    ) -> None:
        self._backend = backend
        self._service = service
        self._timeout = timeout
        self._platform = platform
        self._worker = KeyringWorker()
        self._lock = threading.Lock()
        self._running: Job[object] | None = None
        self.count = 0  # calls made, for the figures (bench, tests): never a name or value

    @property
    def platform(self) -> str:
        """The ``sys.platform`` value the advice is written for."""
        return self._platform

    def backend(self) -> KeyringBackend:
        """The backend, resolved on first use."""
        if self._backend is None:
            self._backend = self.run("resolve", None, _choose_backend)
        return self._backend

    def get(self, name: str) -> str | None:
        """The entry's value, or None when there is no such entry."""
        backend = self.backend()
        return self.run("read", name, lambda: backend.get_password(self._service, name))

    def set(self, name: str, value: str) -> None:
        """Create or replace the entry."""
        backend = self.backend()
        self.run("save", name, lambda: backend.set_password(self._service, name, value))

    def delete(self, name: str) -> None:
        """Delete the entry; the backend raises (as SecretDeleteError) when there is none."""
        backend = self.backend()
        self.run("delete", name, lambda: backend.delete_password(self._service, name))

    def run(self, what: str, name: str | None, call: Callable[[], T]) -> T:
        """Run ``call`` on the keyring worker, waiting at most the timeout.

        Args:
            what: the kind of call, for the log.
            name: the entry concerned, if any (a name, never a value).
            call: what to run.

        Raises:
            StorageError: the call failed (mapped by :func:`storage_error`) or timed out.
        """
        with self._lock:
            if self._running is not None:
                if not self._running.done.wait(self._timeout):
                    log.warning("keyring busy with an earlier call; %s %s refused", what, name)
                    raise KeyringTimeoutError(self._timeout, key=name)
                self._running = None
            self.count += 1
            job = self._worker.submit(call)
            if not job.done.wait(self._timeout):
                self._running = job  # type: ignore[assignment]  # any result type
                log.warning("keyring %s of %s: no answer in %gs", what, name, self._timeout)
                raise KeyringTimeoutError(self._timeout, key=name)
        if job.failure is not None:
            error = storage_error(job.failure, key=name, platform=self._platform)
            log.info("keyring %s of %s failed: %s (%s)", what, name, error.code, error.detail)
            raise error from job.failure
        return job.outcome[0]


def _choose_backend() -> KeyringBackend:
    """The OS's backend (see ``backend_choice``); run it in the guard.

    Imported here, on the keyring call's thread: the window builds its secret store before its
    first frame, and keyring (its backends, about 40 ms) must not load on the GUI thread.
    """
    from qonto_desktop.store.backend_choice import choose_backend  # noqa: PLC0415

    return choose_backend()


def secret_service_provider() -> str | None:
    """Name the program serving the Secret Service (see ``bus_owner``); run it in the guard.

    Imported here, like keyring: only describing the keyring asks the bus, never ``token``.
    """
    from qonto_desktop.store.bus_owner import secret_service_provider as ask  # noqa: PLC0415

    return ask()
