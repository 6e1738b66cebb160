"""A rotation's read, write and read-back on a real GNOME Keyring: the four D-Bus calls that do
the work and no more, and an entry replaced meanwhile by another program still found by its
attributes, never written through a path that outlived it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from jeepney.io.blocking import DBusConnection
from jeepney.low_level import HeaderFields, Message
from keyring.backend import KeyringBackend

from qonto_desktop.store import secret_service_paths
from qonto_desktop.store.secret_service_client import SecretServiceEntries

pytestmark = pytest.mark.keyring


@pytest.fixture(autouse=True)
def no_user_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)


@pytest.fixture
def client() -> Iterator[SecretServiceEntries]:
    entries = SecretServiceEntries()
    try:
        yield entries
    finally:
        entries.close()


def calls_made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The D-Bus methods every connection of this process calls from now on, in order."""
    made: list[str] = []
    real = DBusConnection.send_and_get_reply

    def counted(self: DBusConnection, message: Message, *args: object, **kwargs: object) -> object:
        made.append(str(message.header.fields.get(HeaderFields.member)))
        return real(self, message, *args, **kwargs)

    monkeypatch.setattr(DBusConnection, "send_and_get_reply", counted)
    return made


def test_a_rotation_is_one_search_a_read_a_write_and_its_read_back(
    client: SecretServiceEntries,
    real_backend: KeyringBackend,
    service_name: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_backend.set_password(service_name, "grant", "old tokens")
    real_backend.set_password(service_name, "other", "other tokens")
    assert client.get_password(service_name, "other") == "other tokens"  # the session opens
    made = calls_made(monkeypatch)
    assert client.get_password(service_name, "grant") == "old tokens"
    client.set_password(service_name, "grant", "new tokens")
    assert client.get_password(service_name, "grant") == "new tokens"  # the read-back
    assert made == ["SearchItems", "GetSecret", "SetSecret", "GetSecret"]
    assert real_backend.get_password(service_name, "grant") == "new tokens"


def test_any_other_read_finds_the_entry_by_its_attributes(
    client: SecretServiceEntries,
    real_backend: KeyringBackend,
    service_name: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client.set_password(service_name, "grant", "tokens")
    assert client.get_password(service_name, "grant") == "tokens"  # the read-back
    made = calls_made(monkeypatch)
    assert client.get_password(service_name, "grant") == "tokens"
    assert made == ["SearchItems", "GetSecret"]


def test_an_entry_replaced_by_another_program_is_written_where_it_now_is(
    client: SecretServiceEntries, real_backend: KeyringBackend, service_name: str
) -> None:
    real_backend.set_password(service_name, "grant", "first")
    assert client.get_password(service_name, "grant") == "first"  # its path remembered
    real_backend.delete_password(service_name, "grant")  # another program re-creates it
    real_backend.set_password(service_name, "grant", "second")
    client.set_password(service_name, "grant", "third")
    assert client.get_password(service_name, "grant") == "third"
    assert real_backend.get_password(service_name, "grant") == "third"


def test_a_path_found_long_ago_is_not_written_through(
    client: SecretServiceEntries,
    real_backend: KeyringBackend,
    service_name: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    now = [1000.0]
    monkeypatch.setattr(client, "_paths", secret_service_paths.Paths(clock=lambda: now[0]))
    real_backend.set_password(service_name, "grant", "tokens")
    assert client.get_password(service_name, "grant") == "tokens"
    now[0] += secret_service_paths.REMEMBER_SECONDS + 1
    made = calls_made(monkeypatch)
    client.set_password(service_name, "grant", "new tokens")
    assert made[0] == "SearchItems"  # found again, not trusted from a minute ago
    assert real_backend.get_password(service_name, "grant") == "new tokens"
