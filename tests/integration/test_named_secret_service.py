"""The Secret Service opened by name (as ``token`` opens it, without keyring) on a real GNOME
Keyring: the same entries as keyring's, one connection, and the same clear errors when the
keyring is locked mid-way or not there at all."""

from __future__ import annotations

import gc
import time
import warnings

import pytest
import secretstorage
from jeepney.io.blocking import DBusConnection
from keyring.backend import KeyringBackend
from secretstorage.dhcrypto import Session

from qonto_desktop.store import backend_names, secret_service_client, secret_service_paths
from qonto_desktop.store.errors import KeyringLockedError, StorageError
from qonto_desktop.store.secret_service import Keyring as KeptKeyring
from qonto_desktop.store.secret_service_client import SecretServiceEntries, query
from qonto_desktop.store.secrets import SecretStore
from tests.support.secret_service import SecretServiceSession

pytestmark = pytest.mark.keyring

KEY = "conn/3f9a2c/access_token"


@pytest.fixture(autouse=True)
def no_user_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)


def named_store(service: str, timeout: float = 5) -> SecretStore:
    store = SecretStore(service=service, timeout=timeout, platform="linux")
    store.prefer(backend_names.APP_SECRET_SERVICE)
    return store


def test_the_client_reads_and_writes_keyrings_own_entries(
    real_backend: KeyringBackend, service_name: str
) -> None:
    client = SecretServiceEntries()
    try:
        real_backend.set_password(service_name, "by-keyring", "a")
        client.set_password(service_name, "by-the-client", "b")
        assert client.get_password(service_name, "by-keyring") == "a"
        assert real_backend.get_password(service_name, "by-the-client") == "b"
    finally:
        client.close()


@pytest.mark.parametrize("length", [1, 15, 16, 17, 1000])
def test_the_client_decrypts_every_length_as_secretstorage_does(
    real_backend: KeyringBackend, service_name: str, length: int
) -> None:
    # The client decrypts reads itself (AES-CBC, PKCS#7 padding): one padding block short of,
    # on and past every block boundary, in characters of one to four bytes.
    value = ("é€a😀" * length)[:length]
    real_backend.set_password(service_name, "by-keyring", value)
    client = SecretServiceEntries()
    try:
        assert client.get_password(service_name, "by-keyring") == value
        item = next(client.collection().search_items(query(service_name, "by-keyring")))
        assert item.get_secret() == value.encode("utf-8")  # SecretStorage's own reading
    finally:
        client.close()


def test_a_named_store_works_on_one_connection_shared_with_the_keyring_backend(
    secret_service: SecretServiceSession, service_name: str
) -> None:
    store = named_store(service_name)
    store.set(KEY, "value")
    assert store.get(KEY) == "value"
    assert store.backend_name() == backend_names.APP_SECRET_SERVICE
    backend = store._calls.backend()  # describing the keyring needs keyring's interface
    assert isinstance(backend, KeptKeyring)
    connection = backend.get_preferred_collection().connection
    assert store.get(KEY) == "value"
    assert backend.get_preferred_collection().connection is connection  # the same one
    store.delete(KEY)
    assert store.get(KEY) is None


def test_a_keyring_locked_mid_way_gives_the_clear_error(
    locked_secret_service: SecretServiceSession, service_name: str
) -> None:
    store = named_store(service_name)
    store.set(KEY, "saved while unlocked")
    with secretstorage.dbus_init() as connection:
        secretstorage.get_default_collection(connection).lock()
    started = time.monotonic()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        with pytest.raises(KeyringLockedError, match=r"The keyring is locked\."):
            store.get(KEY)
        gc.collect()
    assert time.monotonic() - started < 5


def test_without_a_session_bus_the_error_is_the_one_without_a_name(
    no_session_bus: None, service_name: str
) -> None:
    unnamed = SecretStore(service=service_name, timeout=30, platform="linux")
    with pytest.raises(StorageError) as without_name:
        unnamed.get(KEY)
    with pytest.raises(StorageError) as with_name:
        named_store(service_name, timeout=30).get(KEY)
    assert type(with_name.value) is type(without_name.value)
    assert with_name.value.message == without_name.value.message


def test_a_whole_batch_runs_on_one_secret_service_connection(
    secret_service: SecretServiceSession, service_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[object] = []
    dbus_init = secretstorage.dbus_init

    def counting() -> object:
        connection = dbus_init()
        opened.append(connection)
        return connection

    monkeypatch.setattr(secretstorage, "dbus_init", counting)
    store = named_store(service_name)
    for index in range(10):  # as a batch renews: read, rotate, save, name the backend
        key = f"conn/{index}/refresh_token"
        assert store.get(key) is None
        store.set(key, f"refresh-{index}")
        store.set(f"conn/{index}/access_token", f"access-{index}")
        assert store.backend_name() == backend_names.APP_SECRET_SERVICE
    for index in range(10):
        store.delete(f"conn/{index}/refresh_token")
        store.delete(f"conn/{index}/access_token")
    assert len(opened) == 1


def test_one_encrypted_session_serves_every_read_and_write(
    real_backend: KeyringBackend, service_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each session is a Diffie-Hellman exchange with the daemon (about 10 ms, most of a read):
    # SecretStorage opened one per item found until the client kept the first one.
    opened: list[Session] = []
    real_open = secretstorage.util.open_session

    def counted(connection: DBusConnection) -> Session:
        session = real_open(connection)
        opened.append(session)
        return session

    for index in range(5):  # entries already there, as a renewal finds them
        real_backend.set_password(service_name, f"entry-{index}", f"value {index}")
    monkeypatch.setattr(secretstorage.item, "open_session", counted)
    monkeypatch.setattr(secretstorage.collection, "open_session", counted)
    monkeypatch.setattr(secret_service_client, "open_session", counted)  # its own reads
    monkeypatch.setattr(secret_service_paths, "open_session", counted)  # a rotation's
    client = SecretServiceEntries()
    try:
        assert client.get_password(service_name, "entry-0") == "value 0"
        for index in range(5):
            client.set_password(service_name, f"entry-{index}", f"new value {index}")
            assert client.get_password(service_name, f"entry-{index}") == f"new value {index}"
        assert len(opened) == 1
        assert real_backend.get_password(service_name, "entry-4") == "new value 4"
    finally:
        client.close()
