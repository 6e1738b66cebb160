"""The secret store against keyrings that fail the ways real ones do.

Every failure gives its message, leaves the keyring as it was (the backend's dict is checked),
and writes no file: an audit hook sees every file opened for writing, by any thread.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import Callable
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from qonto_desktop.store import chunks
from qonto_desktop.store.entry_format import SERVICE
from qonto_desktop.store.errors import (
    EntryTooLargeError,
    InvalidSecretNameError,
    KeyringLockedError,
    KeyringTimeoutError,
    NoSecureStorageError,
    PartialWriteError,
    SecretDamagedError,
    SecretMismatchError,
    SecretWriteError,
    StorageError,
)
from qonto_desktop.store.secrets import SecretStore
from tests.support.keyrings import (
    WINDOWS_MAX_BLOB_BYTES,
    FailingSetKeyring,
    HangingKeyring,
    LockedKeyring,
    LyingKeyring,
    MemoryKeyring,
    WindowsLimitKeyring,
    backend_of,
    file_writes,
    files_containing,
)

KEY = "conn/3f9a2c/refresh_token"


def token(length: int) -> str:
    """A random token-like secret of exactly ``length`` characters."""
    return secrets.token_urlsafe(length)[:length]


def stored(backend: MemoryKeyring) -> dict[str, str]:
    """The store's entries as the backend holds them."""
    return {name: value for (service, name), value in backend.entries.items() if service == SERVICE}


# --- round trips --------------------------------------------------------------------------


def test_a_small_secret_is_one_entry() -> None:
    backend = MemoryKeyring()
    store = SecretStore(backend)
    store.set(KEY, "abc:def")
    assert store.get(KEY) == "abc:def"
    assert stored(backend) == {KEY: "v1:0:abc:def"}


def test_a_missing_secret_is_none() -> None:
    assert SecretStore(MemoryKeyring()).get(KEY) is None


def test_a_5000_character_token_round_trips_through_windows_sized_chunks() -> None:
    backend = WindowsLimitKeyring()
    store = SecretStore(backend)
    value = token(5000)
    store.set(KEY, value)
    assert store.get(KEY) == value
    entries = stored(backend)
    assert set(entries) == {KEY} | {f"{KEY}#{index}" for index in range(5)}
    assert all(
        len(entry.encode("utf-16-le")) <= WINDOWS_MAX_BLOB_BYTES for entry in entries.values()
    )
    assert all(len(entry) <= 1000 for entry in entries.values())


def test_the_windows_limit_is_enforced_for_real() -> None:
    backend = WindowsLimitKeyring()
    store = SecretStore(backend, max_entry_chars=2000)  # 4,000 bytes of UTF-16: over the limit
    store.set(KEY, "previous")
    with pytest.raises(EntryTooLargeError) as caught:
        store.set(KEY, token(5000))
    assert caught.value.message == "The keyring refused a secret as too large."
    assert "1783" in (caught.value.detail or "")
    assert stored(backend) == {KEY: "v1:0:previous"}


def test_characters_outside_the_bmp_are_budgeted_as_two() -> None:
    backend = WindowsLimitKeyring()
    store = SecretStore(backend)
    value = "\U0001f511" * 1500  # 3,000 UTF-16 code units
    store.set(KEY, value)
    assert store.get(KEY) == value


def test_a_shorter_value_deletes_the_leftover_chunks() -> None:
    backend = MemoryKeyring()
    store = SecretStore(backend)
    store.set(KEY, token(5000))
    store.set(KEY, token(1500))
    assert set(stored(backend)) == {KEY, f"{KEY}#0", f"{KEY}#1"}
    store.set(KEY, "short")
    assert stored(backend) == {KEY: "v1:0:short"}


def test_delete_removes_the_head_and_every_chunk() -> None:
    backend = MemoryKeyring()
    store = SecretStore(backend)
    store.set(KEY, token(3500))
    store.set("conn/other/refresh_token", "kept")
    store.delete(KEY)
    assert stored(backend) == {"conn/other/refresh_token": "v1:0:kept"}
    assert store.get(KEY) is None


def test_deleting_a_missing_secret_is_fine_and_clears_orphan_chunks() -> None:
    backend = MemoryKeyring()
    backend.set_password(SERVICE, f"{KEY}#0", "orphan")  # a crash between head and chunks
    store = SecretStore(backend)
    store.delete(KEY)
    store.delete("conn/never/refresh_token")
    assert stored(backend) == {}


# --- damaged sets of chunks --------------------------------------------------------------------


def test_a_missing_chunk_is_reported_not_returned() -> None:
    backend = MemoryKeyring()
    store = SecretStore(backend)
    store.set(KEY, token(5000))
    del backend.entries[(SERVICE, f"{KEY}#2")]
    with pytest.raises(SecretDamagedError, match="incomplete or out of date"):
        store.get(KEY)


def test_chunks_written_without_their_head_are_detected() -> None:
    backend = MemoryKeyring()
    store = SecretStore(backend)
    store.set(KEY, token(3000))
    head = backend.entries[(SERVICE, KEY)]
    store.set(KEY, token(3000))
    backend.entries[(SERVICE, KEY)] = head  # new chunks, old head: a write cut short
    with pytest.raises(SecretDamagedError):
        store.get(KEY)


def test_an_entry_this_app_did_not_write_is_damaged() -> None:
    backend = MemoryKeyring()
    backend.set_password(SERVICE, KEY, "a plain value from elsewhere")
    with pytest.raises(SecretDamagedError):
        SecretStore(backend).get(KEY)


def test_a_damaged_secret_can_be_saved_over() -> None:
    backend = MemoryKeyring()
    store = SecretStore(backend)
    store.set(KEY, token(5000))
    del backend.entries[(SERVICE, f"{KEY}#1")]
    store.set(KEY, "fresh")
    assert store.get(KEY) == "fresh"
    assert stored(backend) == {KEY: "v1:0:fresh"}


# --- the failure matrix --------------------------------------------------------------------------

Check = Callable[[SecretStore], None]


UNUSABLE = {
    "no backend": fail.Keyring,
    "null backend": null.Keyring,
    "empty chainer": type("EmptyChainer", (chainer.ChainerBackend,), {"backends": []}),
}


@pytest.mark.parametrize("cls", UNUSABLE.values(), ids=UNUSABLE.keys())
def test_an_unusable_backend_is_refused_before_login(cls: type[KeyringBackend]) -> None:
    with pytest.raises(NoSecureStorageError) as caught:
        SecretStore(backend_of(cls), platform="linux").check_available()
    assert "no secure storage on this computer" in caught.value.message
    assert "GNOME Keyring" in caught.value.next_action


def test_writing_to_no_backend_fails_with_the_same_message() -> None:
    with pytest.raises(NoSecureStorageError, match="no secure storage"):
        SecretStore(backend_of(fail.Keyring)).set(KEY, "secret")


def test_writing_to_the_null_backend_is_caught_by_the_read_back() -> None:
    with pytest.raises(SecretMismatchError):
        SecretStore(backend_of(null.Keyring)).set(KEY, "secret")


def test_a_locked_keyring_says_so_at_the_check_and_at_each_call() -> None:
    store = SecretStore(LockedKeyring())
    calls: tuple[Callable[[], object], ...] = (
        store.check_available,
        lambda: store.set(KEY, "x"),
        lambda: store.get(KEY),
    )
    for call in calls:
        with pytest.raises(KeyringLockedError) as caught:
            call()
        assert caught.value.message == "The keyring is locked."
        assert caught.value.next_action == (
            "Unlock it (log in to your desktop session / enter the keyring password) and try again."
        )


def test_a_refused_write_leaves_nothing_behind() -> None:
    backend = FailingSetKeyring(fail_after=2)  # two chunks written, the third refused
    with pytest.raises(SecretWriteError, match="refused to save"):
        SecretStore(backend).set(KEY, token(5000))
    assert stored(backend) == {}


def test_a_refused_write_puts_the_previous_value_back() -> None:
    backend = FailingSetKeyring(fail_after=3, times=1)
    store = SecretStore(backend)
    store.set(KEY, token(1800))  # three writes: two chunks and the head
    before = stored(backend)
    with pytest.raises(SecretWriteError):
        store.set(KEY, token(5000))
    assert stored(backend) == before


def test_a_read_back_mismatch_is_undone() -> None:
    backend = LyingKeyring(keep=100)
    store = SecretStore(backend)
    store.set(KEY, "old")
    for value in (token(500), token(5000)):  # inline, then chunked
        with pytest.raises(SecretMismatchError) as caught:
            store.set(KEY, value)
        assert caught.value.message == (
            "The keyring did not give back the secret the app had just saved."
        )
        assert stored(backend) == {KEY: "v1:0:old"}


def test_a_read_back_mismatch_without_a_previous_value_deletes_everything() -> None:
    backend = LyingKeyring(keep=100)
    with pytest.raises(SecretMismatchError):
        SecretStore(backend).set(KEY, token(5000))
    assert stored(backend) == {}


def test_a_hung_keyring_times_out_without_freezing(hanging: HangingKeyring) -> None:
    store = SecretStore(hanging, timeout=0.2)
    calls: tuple[Callable[[], object], ...] = (
        store.check_available,
        lambda: store.set(KEY, "x"),
        lambda: store.get(KEY),
    )
    for call in calls:
        started = time.monotonic()
        with pytest.raises(KeyringTimeoutError, match=r"did not answer within 0\.2 seconds"):
            call()
        assert time.monotonic() - started < 1.5  # 0.2 s, or 0.4 s behind a stuck call
    hanging.release()
    assert stored(hanging) == {}


FAILURES: dict[str, tuple[Callable[[], KeyringBackend], type[StorageError]]] = {
    "no backend": (lambda: backend_of(fail.Keyring), NoSecureStorageError),
    "locked": (LockedKeyring, KeyringLockedError),
    "set error": (lambda: FailingSetKeyring(fail_after=1), SecretWriteError),
    "mismatch": (lambda: LyingKeyring(keep=100), SecretMismatchError),
    "oversize": (WindowsLimitKeyring, EntryTooLargeError),
}


@pytest.mark.parametrize(("make", "expected"), FAILURES.values(), ids=FAILURES.keys())
def test_no_failure_writes_the_secret_to_a_file(
    make: Callable[[], KeyringBackend],
    expected: type[StorageError],
    tmp_path: Path,
    app_home: Path,
) -> None:
    value = token(5000)
    store = SecretStore(make(), max_entry_chars=2000)
    with file_writes() as written:
        with pytest.raises(expected):
            store.set(KEY, value)
        with pytest.raises(StorageError):
            store.set_many({KEY: value, "conn/3f9a2c/access_token": value[:900]})
    assert written == []
    assert files_containing(tmp_path, value) == []
    assert files_containing(app_home, value) == []


def test_a_successful_round_trip_writes_no_file_either(tmp_path: Path) -> None:
    value = token(5000)
    store = SecretStore(MemoryKeyring())
    with file_writes() as written:
        store.set(KEY, value)
        assert store.get(KEY) == value
        store.delete(KEY)
    assert written == []
    assert files_containing(tmp_path, value) == []


def test_the_file_write_recorder_does_see_writes(tmp_path: Path) -> None:
    with file_writes() as written:
        (tmp_path / "probe.txt").write_text("x", encoding="utf-8")
    assert written == [str(tmp_path / "probe.txt")]


# --- set_many: all or nothing ----------------------------------------------------------------


def test_set_many_saves_every_value() -> None:
    store = SecretStore(MemoryKeyring())
    values = {"conn/a/refresh_token": token(40), "conn/a/access_token": token(3000)}
    store.set_many(values)
    assert {key: store.get(key) for key in values} == values


def test_set_many_puts_every_key_back_when_one_fails() -> None:
    backend = FailingSetKeyring(fail_after=2, times=1)
    store = SecretStore(backend)
    store.set("conn/a/refresh_token", "old refresh")
    store.set("conn/a/access_token", "old access")
    before = stored(backend)
    with pytest.raises(SecretWriteError):
        store.set_many(
            {
                "conn/a/refresh_token": token(1800),  # three writes; the first is refused
                "conn/a/access_token": "new access",
            }
        )
    assert stored(backend) == before
    backend.times = 2
    backend.fail_after = backend.sets + 4  # one refusal more: the second key's second chunk
    with pytest.raises(SecretWriteError):
        store.set_many(
            {
                "conn/a/refresh_token": token(1800),
                "conn/a/access_token": token(1800),
                "client/production/abc/secret": "never saved",
            }
        )
    assert stored(backend) == before


def test_set_many_without_previous_values_leaves_no_entry() -> None:
    backend = FailingSetKeyring(fail_after=3)  # refuses every write from the fourth on
    with pytest.raises(SecretWriteError):
        SecretStore(backend).set_many({"conn/a/refresh_token": token(1800), "conn/a/x": "y"})
    assert stored(backend) == {}


def test_set_many_says_when_it_could_not_undo() -> None:
    backend = FailingSetKeyring(fail_after=2)  # refuses every write from the third on
    store = SecretStore(backend)
    store.set("conn/a/refresh_token", "old refresh")
    with pytest.raises(PartialWriteError) as caught:
        store.set_many({"conn/a/refresh_token": "new refresh", "conn/a/access_token": "new"})
    assert caught.value.key == "conn/a/refresh_token"
    assert isinstance(caught.value.__cause__, SecretWriteError)
    assert "could not all be put back" in caught.value.message


# --- names, settings and logs ---------------------------------------------------------------


@pytest.mark.parametrize(
    "key", ["", "a#b", "a b", "caf\u00e9", "tab\there", "x" * 201, None, "line\nbreak"]
)
def test_invalid_names_are_refused_before_the_keyring_is_touched(key: str) -> None:
    backend = MemoryKeyring()
    store = SecretStore(backend)
    with pytest.raises(InvalidSecretNameError):
        store.set(key, "value")
    with pytest.raises(InvalidSecretNameError):
        store.set_many({"conn/ok/refresh_token": "value", key: "value"})
    assert backend.entries == {}


def test_names_up_to_200_printable_characters_are_fine() -> None:
    store = SecretStore(MemoryKeyring())
    store.set("c/" + "x" * 198, "value")
    assert store.get("c/" + "x" * 198) == "value"


def test_values_must_be_text() -> None:
    with pytest.raises(TypeError):
        SecretStore(MemoryKeyring()).set(KEY, b"bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize(("timeout", "budget"), [(0, 1000), (-1, 1000), (10, 63)])
def test_nonsense_settings_are_refused(timeout: float, budget: int) -> None:
    with pytest.raises(ValueError, match="must be"):
        SecretStore(MemoryKeyring(), timeout=timeout, max_entry_chars=budget)


def test_a_usable_backend_passes_the_check() -> None:
    SecretStore(MemoryKeyring()).check_available()


def test_logs_name_entries_and_sizes_but_never_values(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    value = token(3000)
    SecretStore(MemoryKeyring()).set(KEY, value)
    SecretStore(MemoryKeyring()).set_many({KEY: value})
    with pytest.raises(SecretMismatchError):
        SecretStore(LyingKeyring()).set(KEY, value)
    with pytest.raises(SecretWriteError):
        SecretStore(FailingSetKeyring(fail_after=1)).set(KEY, value)
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert f"saved {KEY}: 3000 characters in 4 entries" in text
    for part in (value, *chunks.lay_out(value, 1000, key=KEY).chunks, value[:100]):
        assert part not in text


def test_a_hung_backend_lookup_times_out_and_is_described_as_unknown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    release = threading.Event()

    def get_keyring() -> KeyringBackend:
        release.wait(timeout=60)
        return MemoryKeyring()

    monkeypatch.setattr(keyring, "get_keyring", get_keyring)
    store = SecretStore(timeout=0.2)  # the lookup is lazy: constructing it does not hang
    try:
        assert (
            store.describe_backend() == "unknown (The keyring did not answer within 0.2 seconds.)"
        )
        described = store.backend_description()  # the error itself, for the window to word
        assert described.backends == ()
        assert isinstance(described.error, KeyringTimeoutError)
        with pytest.raises(KeyringTimeoutError):
            store.check_available()
    finally:
        release.set()
    store.check_available()
    assert store.describe_backend() == "keyrings MemoryKeyring"
