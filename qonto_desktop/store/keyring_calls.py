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
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar

from qonto_desktop.store import backend_names
from qonto_desktop.store.errors import (
    KeyringLockedError,
    KeyringTimeoutError,
    StorageError,
)
from qonto_desktop.store.keyring_errors import storage_error as storage_error  # noqa: PLC0414
from qonto_desktop.store.keyring_worker import Job, KeyringWorker

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)


class Passwords(Protocol):
    """What entries are read and written through: a keyring backend, or the Secret Service's
    own client (``secret_service_client``)."""

    def get_password(self, service: str, username: str) -> str | None: ...

    def set_password(self, service: str, username: str, password: str) -> None: ...

    def delete_password(self, service: str, username: str) -> None: ...


T = TypeVar("T")


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
        self._named: str | None = None  # the backend to open (see prefer), until resolved
        self._client: Passwords | None = None  # the named Secret Service, without keyring
        self._answered = False  # the backend answered a call: no more falling back
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

    def prefer(self, name: str) -> None:
        """Open the backend named ``name`` on first use instead of choosing one.

        ``name`` is what :meth:`name` said when the connection was saved; it is ignored when
        a backend is already in use, when it is not a secure backend, or when the user
        configured one for keyring (see ``backend_names``). For the Secret Service, reading
        and writing then go through SecretStorage alone, without loading keyring.
        """
        if self._backend is None and self._client is None and backend_names.usable(name):
            self._named = name

    def name(self) -> str:
        """The name of the backend in use, to record with what is saved in it."""
        if self._backend is None and self._client is not None and self._named is not None:
            return self._named
        return backend_names.name_of(self.backend())

    def backend(self) -> KeyringBackend:
        """The backend, resolved on first use: the one named, else the OS's own."""
        if self._backend is None:
            named, client = self._named, self._client
            self._backend = self.run("resolve", None, lambda: _choose_backend(named, client))
            self._client = None
        return self._backend

    def get(self, name: str) -> str | None:
        """The entry's value, or None when there is no such entry."""
        return self._on_target("read", name, lambda to: to.get_password(self._service, name))

    def set(self, name: str, value: str) -> None:
        """Create or replace the entry."""
        self._on_target("save", name, lambda to: to.set_password(self._service, name, value))

    def set_and_get(self, name: str, value: str) -> str | None:
        """Create or replace the entry, then read it back: one job on the worker, two calls.

        The read-back is the keyring's own answer after the write, as from :meth:`get`; one
        hand-over to the worker fewer per write (docs/performance.md).
        """

        def both(to: Passwords) -> str | None:
            to.set_password(self._service, name, value)
            return to.get_password(self._service, name)

        return self._on_target("save", name, both)

    def delete(self, name: str) -> None:
        """Delete the entry; the backend raises (as SecretDeleteError) when there is none."""
        self._on_target("delete", name, lambda to: to.delete_password(self._service, name))

    def _target(self) -> Passwords:
        """Where entries are read and written: the backend, or the named Secret Service."""
        if self._backend is not None:
            return self._backend
        if self._client is None and self._named in backend_names.SECRET_SERVICE:
            try:
                self._client = self.run("open", None, _secret_service_client)
            except StorageError as error:  # no SecretStorage here: decide as without a name
                log.info("the named Secret Service cannot be opened: %s", error.code)
                self._named = None
        return self.backend() if self._client is None else self._client

    def _on_target(self, what: str, name: str, call: Callable[[Passwords], T]) -> T:
        target = self._target()
        try:
            outcome = self.run(what, name, lambda: call(target))
        except (KeyringLockedError, KeyringTimeoutError):
            self._answered = True  # there, but locked or hung: asking another will not help
            raise
        except StorageError:
            if self._named is None or self._answered:
                raise
            # The named backend cannot be reached (no session bus, no daemon): choose as
            # without a name, so what the user is told (or the backend used) is as before.
            log.info("the keyring named for the connection cannot be reached; choosing one")
            self._named, self._client, self._backend = None, None, None
            backend = self.backend()
            return self.run(what, name, lambda: call(backend))
        self._answered = True
        return outcome

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


def _choose_backend(named: str | None, client: Passwords | None) -> KeyringBackend:
    """The backend named, else the OS's (see ``backend_choice``); run it in the guard.

    Imported here, on the keyring worker: the window builds its secret store before its first
    frame, and keyring (its backends, about 40 ms) must not load on the GUI thread.
    """
    from qonto_desktop.store.backend_choice import choose_backend, open_named  # noqa: PLC0415

    opened = None if named is None else open_named(named, client)
    return choose_backend() if opened is None else opened


def _secret_service_client() -> Passwords:
    """The Secret Service through SecretStorage alone (no keyring); run it in the guard."""
    from qonto_desktop.store.secret_service_client import SecretServiceEntries  # noqa: PLC0415

    return SecretServiceEntries()


def secret_service_provider() -> str | None:
    """Name the program serving the Secret Service (see ``bus_owner``); run it in the guard.

    Imported here, like keyring: only describing the keyring asks the bus, never ``token``.
    """
    from qonto_desktop.store.bus_owner import secret_service_provider as ask  # noqa: PLC0415

    return ask()
