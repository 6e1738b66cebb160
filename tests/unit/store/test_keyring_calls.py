"""Keyring calls: each bounded by a timeout, each failure told in the user's words."""

from __future__ import annotations

import threading
import time

import keyring
import pytest
from keyring import errors as keyring_errors

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
from qonto_desktop.store.keyring_calls import KeyringCalls, storage_error
from qonto_desktop.store.keyring_worker import KEYRING_WORKER
from tests.support.keyrings import HangingKeyring, MemoryKeyring, WinError


@pytest.mark.parametrize(
    ("raised", "expected", "words"),
    [
        (
            keyring_errors.NoKeyringError("No recommended backend"),
            NoSecureStorageError,
            "no secure",
        ),
        (keyring_errors.KeyringLocked("Failed to unlock"), KeyringLockedError, "is locked"),
        (keyring_errors.InitError("Prompt dismissed"), KeyringUnavailableError, "not be opened"),
        (keyring_errors.PasswordSetError("nope"), SecretWriteError, "refused to save"),
        (keyring_errors.PasswordDeleteError("nope"), SecretDeleteError, "refused to delete"),
        (keyring_errors.KeyringError("odd"), StorageError, "could not use"),
        (WinError(1783, "CredWrite", "The stub received bad data."), EntryTooLargeError, "large"),
        (WinError(5, "CredWrite", "Access is denied."), StorageError, "could not use"),
        (ConnectionRefusedError(111, "Connection refused"), StorageError, "could not use"),
    ],
)
def test_backend_failures_become_storage_errors(
    raised: BaseException, expected: type[StorageError], words: str
) -> None:
    error = storage_error(raised, key="conn/a/refresh_token", platform="linux")
    assert type(error) is expected
    assert words in error.message
    assert error.key == "conn/a/refresh_token"
    assert error.detail == f"{type(raised).__name__}: {raised}"
    assert str(raised) not in error.message  # the backend's jargon goes to the log only


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("SecretServiceNotAvailableException", KeyringUnavailableError),
        ("LockedException", KeyringLockedError),
    ],
)
def test_secretstorage_failures_that_slip_through_keyring_are_mapped(
    name: str, expected: type[StorageError]
) -> None:
    exceptions = pytest.importorskip("secretstorage.exceptions")  # Linux only
    error = storage_error(getattr(exceptions, name)("detail"), key=None, platform="linux")
    assert type(error) is expected


def test_no_keyring_carries_the_advice_for_the_platform() -> None:
    error = storage_error(keyring_errors.NoKeyringError("x"), key=None, platform="darwin")
    assert error.next_action == backends.storage_advice("darwin")


def test_the_backend_is_resolved_on_first_use_inside_the_guard(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    resolved_on: list[str] = []
    backend = MemoryKeyring()

    def get_keyring() -> MemoryKeyring:
        resolved_on.append(threading.current_thread().name)
        return backend

    monkeypatch.setattr(keyring, "get_keyring", get_keyring)
    calls = KeyringCalls(None, service="svc", timeout=5, platform="linux")
    assert resolved_on == []
    calls.set("a", "1")
    assert calls.get("a") == "1"
    assert resolved_on == [KEYRING_WORKER]  # once, on the worker
    assert backend.entries == {("svc", "a"): "1"}


def test_a_failure_is_raised_with_the_backends_error_as_cause() -> None:
    calls = KeyringCalls(MemoryKeyring(), service="svc", timeout=5, platform="linux")
    with pytest.raises(SecretDeleteError) as caught:
        calls.delete("missing")
    assert isinstance(caught.value.__cause__, keyring_errors.PasswordDeleteError)


def test_a_hung_call_times_out(hanging: HangingKeyring) -> None:
    calls = KeyringCalls(hanging, service="svc", timeout=0.2, platform="linux")
    started = time.monotonic()
    with pytest.raises(KeyringTimeoutError) as caught:
        calls.get("a")
    assert time.monotonic() - started < 2
    assert caught.value.message == "The keyring did not answer within 0.2 seconds."
    assert "unlock" in caught.value.next_action
    assert hanging.entered.is_set()


def test_while_a_call_hangs_the_next_waits_for_it_then_gives_up(hanging: HangingKeyring) -> None:
    calls = KeyringCalls(hanging, service="svc", timeout=0.2, platform="linux")
    with pytest.raises(KeyringTimeoutError):
        calls.set("a", "1")
    before = threading.active_count()
    with pytest.raises(KeyringTimeoutError):
        calls.get("a")
    assert threading.active_count() == before  # no second thread piled on the hung one
    hanging.release()
    assert calls.get("a") == "1"  # the late write landed; calls are serialised, never raced
