"""The app's secrets, kept only in the OS keyring: tokens, client secrets, staging tokens.

Nothing secret is written anywhere else, and there is no plaintext fallback: without a usable
keyring the app says so before any login starts. Each secret is laid out over small entries
(:mod:`.chunks`), put back as it was when a write fails, and read back after every write (a
grant's tokens, a typed client secret: each protects something). Every keyring call runs on
the store's one worker with a deadline (:mod:`.keyring_calls`). Chunks that a write cut short
left without their head are never read (the head is the commit point); a later chunked write
or the delete removes them. Logs name entries and sizes, never values.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from qonto_desktop.store import backends, chunks
from qonto_desktop.store.entries import Before, Entries
from qonto_desktop.store.entry_format import SERVICE, valid_key
from qonto_desktop.store.errors import (
    InvalidSecretNameError,
    KeyringLockedError,
    KeyringTimeoutError,
    NoSecureStorageError,
    PartialWriteError,
    SecretDamagedError,
    SecretMismatchError,
    StorageError,
)
from qonto_desktop.store.keyring_calls import KeyringCalls, secret_service_provider
from qonto_desktop.store.keyring_worker import KEYRING_TIMEOUT

if TYPE_CHECKING:  # keyring itself loads on the thread of the first keyring call
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

# Read, never written, by check_available: reaching it proves the keyring answers and is open.
PROBE_KEY = "probe"
# The smallest budget that still leaves room for a head entry and some payload.
MIN_ENTRY_CHARS = 64


def _check_key(key: str) -> None:
    if not valid_key(key):
        raise InvalidSecretNameError(detail=f"invalid keyring entry name {str(key)[:80]!r}")


def _whole(layout: chunks.Layout, error: StorageError) -> bool:
    """Whether a failed write left its entry whole, old or new, whatever the undo did.

    A value in one entry, refused because the keyring is locked or not answering, was written
    in full or not at all: what the user must do is what the keyring's own error says.
    """
    return not layout.chunks and isinstance(error, KeyringLockedError | KeyringTimeoutError)


def _check_value(value: str) -> None:
    if not isinstance(value, str):
        raise TypeError(f"a secret is text, not {type(value).__name__}")


class SecretStore:
    """The app's entries in the OS keyring, under one service name.

    Args:
        backend: the keyring backend; None for ``keyring.get_keyring()``, resolved on first use
            inside the timeout guard.
        service: the service name the entries are filed under.
        timeout: seconds to wait for each keyring call.
        max_entry_chars: the largest entry written, in UTF-16 code units; larger secrets are
            split over several entries.
        platform: the ``sys.platform`` the "what to install" advice is written for.
    """

    def __init__(
        self,
        backend: KeyringBackend | None = None,
        *,
        service: str = SERVICE,
        timeout: float = KEYRING_TIMEOUT,
        max_entry_chars: int = 1000,
        platform: str = sys.platform,
    ) -> None:
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        if max_entry_chars < MIN_ENTRY_CHARS:
            raise ValueError(f"max_entry_chars must be at least {MIN_ENTRY_CHARS}")
        self._calls = KeyringCalls(backend, service=service, timeout=timeout, platform=platform)
        self._entries = Entries(self._calls, max_entry_chars)
        self._lock = threading.RLock()
        self._description: backends.BackendDescription | None = None

    @property
    def keyring_calls(self) -> int:
        """How many keyring calls this store made so far (for the figures; nothing else)."""
        return self._calls.count

    def prefer(self, backend_name: str) -> None:
        """Open the keyring backend ``backend_name`` on first use, rather than choosing one.

        The name a saved connection records (:meth:`backend_name` when it was saved); ignored
        once a backend is in use, for a name that is not a secure backend, or when the user
        configured keyring's backend. Opening it directly skips keyring's backend discovery.
        """
        with self._lock:
            self._calls.prefer(backend_name)

    def backend_name(self) -> str:
        """The keyring backend in use, as ``module.Class``: for a connection to record."""
        with self._lock:
            return self._calls.name()

    def check_available(self) -> None:
        """Make sure secrets can be kept, before any login starts.

        Raises:
            NoSecureStorageError: no usable keyring; ``next_action`` says what to install or
                unlock on this OS.
            StorageError: the keyring is there but locked, unreachable or too slow.
        """
        with self._lock:
            backend = self._calls.backend()
            reason = self._calls.run("check", None, lambda: backends.unusable_reason(backend))
            if reason is not None:
                log.warning("no secure storage: %s", reason)
                raise NoSecureStorageError(
                    next_action=backends.storage_advice(self._calls.platform), detail=reason
                )
            self._calls.get(PROBE_KEY)

    def describe_backend(self) -> str:
        """The keyring in English words ("Windows Credential Manager", "Secret Service (GNOME
        Keyring)"), for the command line and the self-test."""
        return self.backend_description().words

    def backend_description(self) -> backends.BackendDescription:
        """The keyring named, kind by kind, for the window to word in its language.

        Never raises: a keyring that cannot be asked is described with the error (and asked
        again next time).
        """
        with self._lock:
            if self._description is None:
                try:
                    backend = self._calls.backend()
                    names = self._calls.run(
                        "describe",
                        None,
                        lambda: backends.identify(backend, secret_service_provider),
                    )
                except StorageError as error:
                    return backends.BackendDescription((), error)
                self._description = backends.BackendDescription(names)
            return self._description

    def get(self, key: str) -> str | None:
        """The secret saved under ``key``, or None when there is none.

        Raises:
            SecretDamagedError: its chunks are missing or stale (never a wrong value).
            StorageError: the keyring failed or timed out.
        """
        _check_key(key)
        with self._lock:
            return self._entries.read(key)

    def set(self, key: str, value: str) -> None:
        """Save ``value`` under ``key``, split as needed, then read it back and compare.

        On any failure the entry is put back as it was (or removed) before the error is raised.

        Raises:
            SecretMismatchError: the keyring gave back something else.
            PartialWriteError: the failure could not be undone.
            StorageError: the keyring failed or timed out.
        """
        _check_key(key)
        _check_value(value)
        with self._lock:
            self._save(key, value, self._previous(key))

    def replace(self, key: str, value: str, *, was: str) -> None:
        """Save ``value`` under ``key`` in place of ``was``, then read it back and compare.

        As :meth:`set`, without asking the keyring what is there: ``was`` is what the caller
        read under a lock that every writer of ``key`` takes (a grant's refresh lock), so it is
        still what to put back if the write fails. One keyring call fewer per rotation.

        Raises:
            SecretMismatchError, PartialWriteError, StorageError: as for :meth:`set`.
        """
        _check_key(key)
        _check_value(value)
        _check_value(was)
        with self._lock:
            previous = Before(was, len(self._entries.lay_out(key, was).chunks))
            self._save(key, value, previous)

    def delete(self, key: str) -> None:
        """Remove the secret and every chunk of it; a missing key is fine.

        Raises:
            StorageError: the keyring failed or timed out.
        """
        _check_key(key)
        with self._lock:
            try:
                head = self._entries.head(key)
            except SecretDamagedError:  # not a head this app wrote: remove it all the same
                head = None
            self._entries.erase(key, 0 if head is None else head.count)
            log.debug("deleted %s", key)

    def set_many(self, values: Mapping[str, str]) -> None:
        """Save several secrets, all or nothing, each read back.

        On any failure every key is put back to its previous value (or absence), then the error
        is raised.

        Raises:
            PartialWriteError: the failure could not be undone for every key.
            StorageError: as for :meth:`set`.
        """
        for key, value in values.items():
            _check_key(key)
            _check_value(value)
        with self._lock:
            previous = {key: self._previous(key) for key in values}
            saved: dict[str, int] = {}  # key: chunks written
            try:
                for key, value in values.items():
                    saved[key] = self._save(key, value, previous[key])
            except StorageError as error:
                stuck = [
                    key for key, count in saved.items() if not self._undo(key, previous[key], count)
                ]
                if isinstance(error, PartialWriteError) and error.key:
                    stuck.append(error.key)
                if stuck:
                    raise PartialWriteError(key=", ".join(stuck), detail=error.code) from error
                raise

    # --- one write, read back, undone on failure --------------------------------------------

    def _previous(self, key: str) -> Before:
        """What to put back if a write fails; a damaged value cannot be, so None."""
        head: chunks.Head | None = None
        try:
            head = self._entries.head(key)
            value = None if head is None else self._entries.value(key, head)
        except SecretDamagedError as error:
            log.warning("%s was damaged (%s); it will be replaced", key, error.detail)
            value = None
        return Before(value, 0 if head is None else head.count)

    def _save(self, key: str, value: str, before: Before) -> int:
        """Write, read back, compare; on failure undo and raise. Return the chunk count."""
        layout = self._entries.lay_out(key, value)
        try:
            if layout.chunks:
                count = self._entries.write(key, layout)
                self._verify(key, value)
            else:  # the write and its read-back in one keyring job
                count = 0
                self._verify(key, value, lambda: self._entries.write_inline(key, layout))
        except StorageError as error:
            log.warning("saving %s failed (%s); putting it back", key, error.code)
            undone = self._undo(key, before, len(layout.chunks))
            if not undone and not _whole(layout, error):
                raise PartialWriteError(key=key, detail=error.code) from error
            raise
        try:
            if count or before.chunks:  # inline before and after: no chunks to look for
                self._entries.drop_chunks(key, count, before.chunks)
        except StorageError as error:  # the value is saved; stale chunks are only clutter
            log.warning("could not remove old chunks of %s: %s", key, error.code)
        log.debug("saved %s: %d characters in %d entries", key, len(value), count + 1)
        return count

    def _verify(self, key: str, value: str, read: Callable[[], str | None] | None = None) -> None:
        """Read ``key`` back (or take what ``read`` read back) and compare it with ``value``."""
        try:
            stored = self._entries.read(key) if read is None else read()
        except SecretDamagedError as error:
            raise SecretMismatchError(key=key, detail=error.detail) from error
        if stored != value:
            size = "nothing" if stored is None else f"{len(stored)} characters"
            raise SecretMismatchError(key=key, detail=f"wrote {len(value)}, read back {size}")

    def _undo(self, key: str, before: Before, written: int) -> bool:
        """Put ``key`` back as it was before; False if that failed too.

        Args:
            key: the secret's name.
            before: its value (None: remove it) and chunk count before the write.
            written: how many chunks the failed write may have left.
        """
        extent = max(before.chunks, written)
        try:
            if before.value is None:
                self._entries.erase(key, extent)
            else:
                layout = self._entries.lay_out(key, before.value)
                self._entries.drop_chunks(key, self._entries.write(key, layout), extent)
        except StorageError as error:
            log.error("could not put %s back as it was: %s", key, error.code)
            return False
        return True
