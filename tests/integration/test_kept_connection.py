"""The Secret Service backend on one kept-open connection: same entries as keyring's, fewer
connections, and it reconnects when the daemon's connection breaks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from qonto_desktop.store.secret_service import Keyring as KeptKeyring
from qonto_desktop.store.secrets import SecretStore
from tests.support.secret_service import SecretServiceSession

pytestmark = pytest.mark.keyring


@pytest.fixture
def kept(secret_service: SecretServiceSession) -> Iterator[KeptKeyring]:
    backend = KeptKeyring()
    yield backend
    backend.close()


def test_round_trip_and_delete(kept: KeptKeyring, service_name: str) -> None:
    kept.set_password(service_name, "entry", "value-1")
    kept.set_password(service_name, "entry", "value-2")  # replaced, not duplicated
    assert kept.get_password(service_name, "entry") == "value-2"
    kept.delete_password(service_name, "entry")
    assert kept.get_password(service_name, "entry") is None
    with pytest.raises(PasswordDeleteError):
        kept.delete_password(service_name, "entry")


def test_entries_are_keyrings_own(
    kept: KeptKeyring, real_backend: KeyringBackend, service_name: str
) -> None:
    real_backend.set_password(service_name, "written-by-keyring", "a")
    kept.set_password(service_name, "written-by-the-app", "b")
    assert kept.get_password(service_name, "written-by-keyring") == "a"
    assert real_backend.get_password(service_name, "written-by-the-app") == "b"


def test_one_connection_serves_many_calls(kept: KeptKeyring, service_name: str) -> None:
    kept.set_password(service_name, "entry", "value")
    connection = kept.get_preferred_collection().connection
    for _ in range(20):
        assert kept.get_password(service_name, "entry") == "value"
    assert kept.get_preferred_collection().connection is connection


def test_a_broken_connection_is_reopened_once(kept: KeptKeyring, service_name: str) -> None:
    kept.set_password(service_name, "entry", "value")
    kept.get_preferred_collection().connection.close()  # as if the daemon had gone away
    assert kept.get_password(service_name, "entry") == "value"


def test_the_store_chunks_through_it(kept: KeptKeyring, service_name: str) -> None:
    store = SecretStore(kept, service=service_name)
    secret = "x" * 5000
    store.set("conn/abc/refresh_token", secret)
    assert store.get("conn/abc/refresh_token") == secret
    store.delete("conn/abc/refresh_token")
    assert store.get("conn/abc/refresh_token") is None
