"""The secret store on a real Secret Service: GNOME Keyring on a private D-Bus session bus."""

from __future__ import annotations

import gc
import os
import secrets
import time
import warnings
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import SecretService

from qonto_desktop.store import backends
from qonto_desktop.store.errors import (
    KeyringLockedError,
    NoSecureStorageError,
    SecretWriteError,
    StorageError,
)
from qonto_desktop.store.secrets import SecretStore
from tests.conftest import Figure
from tests.support.keyrings import FailingSetKeyring, backend_of, files_containing
from tests.support.secret_service import SecretServiceSession

pytestmark = pytest.mark.keyring

KEY = "conn/3f9a2c/refresh_token"


def token(length: int) -> str:
    """A random token-like secret of exactly ``length`` characters."""
    return secrets.token_urlsafe(length)[:length]


def test_keyring_finds_the_real_secret_service(
    secret_service: SecretServiceSession, figure: Figure
) -> None:
    figure("daemons started in (s)", round(secret_service.started_in, 3))
    assert SecretService.Keyring.priority == 5
    assert os.environ["HOME"] == str(secret_service.home)


def test_the_store_sees_a_usable_gnome_keyring(real_store: SecretStore) -> None:
    real_store.check_available()
    assert real_store.describe_backend() == "Secret Service (GNOME Keyring)"


def test_a_secret_round_trips(real_store: SecretStore, service_name: str) -> None:
    real_store.set(KEY, "refresh-token-value")
    assert real_store.get(KEY) == "refresh-token-value"
    another = SecretStore(backend_of(SecretService.Keyring), service=service_name)
    assert another.get(KEY) == "refresh-token-value"
    real_store.delete(KEY)
    assert real_store.get(KEY) is None
    real_store.delete(KEY)  # a missing key is fine


def test_a_20000_character_secret_is_chunked_and_reassembled(
    real_store: SecretStore, real_backend: KeyringBackend, service_name: str, figure: Figure
) -> None:
    value = token(20_000)
    started = time.monotonic()
    real_store.set(KEY, value)
    figure("20,000-character set, read back included (s)", round(time.monotonic() - started, 3))
    started = time.monotonic()
    assert real_store.get(KEY) == value
    figure("20,000-character get (s)", round(time.monotonic() - started, 3))
    head = real_backend.get_password(service_name, KEY)
    assert head is not None
    assert head.startswith("v1:20:")
    parts = [real_backend.get_password(service_name, f"{KEY}#{index}") for index in range(21)]
    assert [len(part or "") for part in parts] == [1000] * 20 + [0]
    real_store.set(KEY, "short now")
    assert real_backend.get_password(service_name, f"{KEY}#0") is None
    assert real_store.get(KEY) == "short now"


def test_delete_removes_every_entry(
    real_store: SecretStore, real_backend: KeyringBackend, service_name: str
) -> None:
    real_store.set(KEY, token(3500))
    real_store.delete(KEY)
    names = [KEY] + [f"{KEY}#{index}" for index in range(5)]
    assert [real_backend.get_password(service_name, name) for name in names] == [None] * 6


def test_set_many_rolls_back_on_the_real_keyring(
    real_store: SecretStore, real_backend: KeyringBackend, service_name: str
) -> None:
    real_store.set("conn/a/refresh_token", "old refresh")
    faulty = FailingSetKeyring(fail_after=4, times=1, inner=real_backend)
    store = SecretStore(faulty, service=service_name)
    with pytest.raises(SecretWriteError):
        store.set_many({"conn/a/refresh_token": token(1800), "conn/a/access_token": token(1800)})
    assert faulty.failures == 1
    assert real_store.get("conn/a/refresh_token") == "old refresh"
    assert real_store.get("conn/a/access_token") is None
    assert real_backend.get_password(service_name, "conn/a/refresh_token#0") is None
    assert real_backend.get_password(service_name, "conn/a/access_token#0") is None


def test_the_keyring_file_is_under_the_temporary_home_and_encrypted(
    real_store: SecretStore, secret_service: SecretServiceSession, tmp_path: Path
) -> None:
    value = token(5000)
    real_store.set(KEY, value)
    keyrings = secret_service.home / ".local" / "share" / "keyrings"
    assert (keyrings / "login.keyring").is_file()
    assert files_containing(secret_service.root, value) == []
    assert files_containing(secret_service.root, value[:1000]) == []
    assert files_containing(tmp_path, value[:1000]) == []


def test_a_locked_keyring_is_reported_as_locked(
    locked_secret_service: SecretServiceSession, service_name: str
) -> None:
    import secretstorage

    store = SecretStore(backend_of(SecretService.Keyring), service=service_name, timeout=5)
    store.set(KEY, "saved while unlocked")
    with secretstorage.dbus_init() as connection:
        secretstorage.get_default_collection(connection).lock()
    started = time.monotonic()
    # keyring 25.7 leaves its D-Bus connection open when the collection stays locked; collect
    # it here, so its ResourceWarning does not land on whichever test runs next.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        with pytest.raises(KeyringLockedError, match=r"The keyring is locked\."):
            store.check_available()
        with pytest.raises(KeyringLockedError):
            store.get(KEY)
        gc.collect()
    assert time.monotonic() - started < 5


def test_without_a_session_bus_there_is_no_secure_storage(no_session_bus: None) -> None:
    store = SecretStore(backend_of(SecretService.Keyring), timeout=2, platform="linux")
    started = time.monotonic()
    with pytest.raises(NoSecureStorageError) as caught:
        store.check_available()
    assert time.monotonic() - started < 2.5
    assert caught.value.next_action == backends.storage_advice("linux")
    with pytest.raises(StorageError):
        store.set(KEY, "nowhere to go")


def test_with_the_daemon_killed_there_is_no_secure_storage(
    dead_secret_service: SecretServiceSession,
) -> None:
    assert not dead_secret_service.has_secret_service()
    store = SecretStore(backend_of(SecretService.Keyring), timeout=2, platform="linux")
    started = time.monotonic()
    with pytest.raises(NoSecureStorageError, match="no secure storage on this computer"):
        store.check_available()
    assert time.monotonic() - started < 2.5
    assert store.describe_backend() == "Secret Service"
