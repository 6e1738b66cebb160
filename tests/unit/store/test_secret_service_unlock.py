"""A locked Secret Service: the client asks the user to unlock it, unless told to hand it on.

``token``'s quick path opens the client with ``unlock=False``, so that the only unlock prompt a
user sees is the full path's, as before.
"""

from __future__ import annotations

import pytest
import secretstorage

from qonto_desktop.store.secret_service_client import CollectionLockedError, SecretServiceEntries


class Collection:
    """A default collection that stays as locked as it is told to, and counts the prompts."""

    def __init__(self, *, locked: bool, unlocks: bool) -> None:
        self.locked = locked
        self.unlocks = unlocks
        self.prompts = 0

    def is_locked(self) -> bool:
        return self.locked

    def unlock(self) -> None:
        self.prompts += 1
        self.locked = not self.unlocks


class Bus:
    closed = False

    def close(self) -> None:
        self.closed = True


def opened(monkeypatch: pytest.MonkeyPatch, collection: Collection) -> Bus:
    bus = Bus()
    monkeypatch.setattr(secretstorage, "dbus_init", lambda: bus)
    monkeypatch.setattr(secretstorage, "get_default_collection", lambda _bus: collection)
    return bus


def test_a_locked_keyring_is_unlocked_by_asking_the_user(monkeypatch: pytest.MonkeyPatch) -> None:
    collection = Collection(locked=True, unlocks=True)
    opened(monkeypatch, collection)
    assert SecretServiceEntries().collection() is collection
    assert collection.prompts == 1


def test_without_unlocking_a_locked_keyring_is_refused_unasked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    collection = Collection(locked=True, unlocks=True)
    bus = opened(monkeypatch, collection)
    with pytest.raises(CollectionLockedError):
        SecretServiceEntries(unlock=False).collection()
    assert collection.prompts == 0
    assert bus.closed


def test_without_unlocking_an_open_keyring_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    collection = Collection(locked=False, unlocks=False)
    opened(monkeypatch, collection)
    assert SecretServiceEntries(unlock=False).collection() is collection
