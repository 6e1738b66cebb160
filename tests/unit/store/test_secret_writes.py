"""What a write costs in keyring calls, and what a failed write leaves: every value read back,
put back as it was on failure; a one-entry write refused whole raises the keyring's own error."""

from __future__ import annotations

import pytest
from keyring import errors as keyring_errors

from qonto_desktop.store.errors import (
    KeyringLockedError,
    PartialWriteError,
    SecretMismatchError,
    SecretWriteError,
)
from qonto_desktop.store.secrets import SecretStore
from tests.support.keyrings import LyingKeyring, MemoryKeyring

KEY = "conn/a/tokens"


class FailingSecondSet(MemoryKeyring):
    """Refuses the second write once armed, and nothing after it."""

    def __init__(self) -> None:
        super().__init__()
        self.armed = False
        self.sets = 0

    def set_password(self, service: str, username: str, password: str) -> None:
        """Store, except the second write after arming."""
        if self.armed:
            self.sets += 1
            if self.sets == 2:
                raise keyring_errors.PasswordSetError("refused")
        super().set_password(service, username, password)


class Counting(MemoryKeyring):
    """Counts reads; fails every call once ``locked`` is set."""

    def __init__(self) -> None:
        super().__init__()
        self.reads = 0
        self.locked = False
        self.writes_left: int | None = None

    def get_password(self, service: str, username: str) -> str | None:
        """Count, then answer unless locked."""
        self.reads += 1
        if self.locked:
            raise keyring_errors.KeyringLocked("Failed to unlock the collection!")
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        """Store unless locked; lock once the writes left are spent."""
        if self.writes_left is not None:
            if self.writes_left == 0:
                self.locked = True
            self.writes_left -= 1
        if self.locked:
            raise keyring_errors.KeyringLocked("Failed to unlock the collection!")
        super().set_password(service, username, password)


def test_a_save_takes_two_jobs_and_a_replace_one_each_read_back() -> None:
    backend = Counting()
    store = SecretStore(backend, service="svc")
    store.set(KEY, "old")  # what was there; the head with its read-back, in one job
    saved, reads = store.keyring_calls, backend.reads
    store.replace(KEY, "new", was="old")  # the head with its read-back
    assert (saved, store.keyring_calls - saved) == (2, 1)
    assert (reads, backend.reads - reads) == (2, 1)  # the keyring was asked after each write
    assert store.get(KEY) == "new"


def test_a_chunked_save_reads_back_in_jobs_of_its_own() -> None:
    backend = Counting()
    store = SecretStore(backend, service="svc", max_entry_chars=64)
    store.set(KEY, "c" * 200)
    assert store.get(KEY) == "c" * 200
    assert backend.reads > store.keyring_calls // 2


def test_every_write_is_read_back() -> None:
    store = SecretStore(LyingKeyring(keep=100), service="svc")
    with pytest.raises(SecretMismatchError):
        store.set(KEY, "r" * 500)
    with pytest.raises(SecretMismatchError):
        store.replace(KEY, "s" * 500, was="r" * 100)


def test_a_failed_replace_puts_back_what_was_read() -> None:
    backend = FailingSecondSet()
    store = SecretStore(backend, service="svc", max_entry_chars=100)
    store.set(KEY, "old")
    backend.armed = True  # the first chunk written, the second refused
    with pytest.raises(SecretWriteError):
        store.replace(KEY, "n" * 300, was="old")
    assert store.get(KEY) == "old"


def test_a_chunked_write_that_cannot_be_undone_is_a_partial_write() -> None:
    backend = Counting()
    store = SecretStore(backend, service="svc")
    store.set(KEY, "old " * 600)  # over a 1,000-character entry: chunked
    backend.writes_left = 1  # one chunk written, the next refused, and the undo after it
    with pytest.raises(PartialWriteError):
        store.set(KEY, "new " * 600)


def test_a_one_entry_write_the_keyring_refused_raises_its_own_error() -> None:
    # Written whole or not at all: the user is to unlock the keyring, not to reconnect.
    backend = Counting()
    store = SecretStore(backend, service="svc")
    store.set(KEY, "old")
    backend.writes_left = 0
    with pytest.raises(KeyringLockedError):
        store.set(KEY, "new")
    backend.locked = False
    assert store.get(KEY) == "old"
    backend.writes_left = 0
    with pytest.raises(KeyringLockedError):
        store.replace(KEY, "new", was="old")
