"""A renewable secret (an access token) is saved in two keyring calls: not read back, its old
value not kept; every other secret is still read back and put back as it was on failure."""

from __future__ import annotations

import pytest
from keyring import errors as keyring_errors

from qonto_desktop.store.errors import KeyringLockedError, PartialWriteError, SecretMismatchError
from qonto_desktop.store.secrets import SecretStore
from tests.support.keyrings import LyingKeyring, MemoryKeyring

KEY = "conn/a/access_token"


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


def test_a_renewable_save_takes_one_call_and_an_ordinary_one_three() -> None:
    backend = Counting()
    store = SecretStore(backend, service="svc")
    store.set(KEY, "old")
    ordinary = store.keyring_calls
    store.set(KEY, "new", renewable=True)
    assert (ordinary, store.keyring_calls - ordinary) == (3, 1)
    assert store.get(KEY) == "new"


def test_only_what_is_not_renewable_is_read_back() -> None:
    store = SecretStore(LyingKeyring(keep=100), service="svc")
    with pytest.raises(SecretMismatchError):
        store.set("conn/a/refresh_token", "r" * 500)
    store.set(KEY, "a" * 500, renewable=True)  # the lie goes unseen: a refresh mends it


def test_a_renewable_write_that_fails_raises_the_keyrings_error_not_a_partial_write() -> None:
    backend = Counting()
    store = SecretStore(backend, service="svc")
    store.set(KEY, "old", renewable=True)
    backend.writes_left = 0  # locked at the next write, and for the undo after it
    with pytest.raises(KeyringLockedError):
        store.set(KEY, "new", renewable=True)
    backend.locked = False
    store.set("conn/a/refresh_token", "old " * 600)  # over a 1,000-character entry: chunked
    backend.writes_left = 1  # one chunk written, the next refused, and the undo after it
    with pytest.raises(PartialWriteError):  # a refresh token is another matter
        store.set("conn/a/refresh_token", "new " * 600)


def test_a_one_entry_write_the_keyring_refused_raises_its_own_error() -> None:
    # Written whole or not at all: the user is to unlock the keyring, not to reconnect.
    backend = Counting()
    store = SecretStore(backend, service="svc")
    store.set("conn/a/refresh_token", "old")
    backend.writes_left = 0
    with pytest.raises(KeyringLockedError):
        store.set("conn/a/refresh_token", "new")
    backend.locked = False
    assert store.get("conn/a/refresh_token") == "old"
