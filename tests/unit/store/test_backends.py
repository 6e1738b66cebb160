"""Backend detection and naming, with keyring's real backend classes, and advice per OS."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import SecretService, Windows, fail, kwallet, libsecret, macOS, null

from qonto_desktop.store import backends, bus_owner
from qonto_desktop.store.errors import NoSecureStorageError
from qonto_desktop.store.secrets import SecretStore
from tests.support.keyring_chains import PlaintextKeyring, chainer_of
from tests.support.keyrings import MemoryKeyring, backend_of


class PriorityKeyring(MemoryKeyring):
    priority = 0


@pytest.fixture
def no_dbus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A session bus address where nothing listens."""
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")


# --- usable or not --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("backend", "reason"),
    [
        (backend_of(fail.Keyring), "found no backend"),
        (backend_of(null.Keyring), "null backend"),
        (chainer_of(), "chainer has no backend"),
        (
            chainer_of(MemoryKeyring(), backend_of(fail.Keyring)),
            "in keyring's chainer: keyring found no",
        ),
        (PriorityKeyring(), "priority 0 (not recommended)"),
        (PlaintextKeyring(), "from keyrings.alt stores secrets in files"),
        (chainer_of(PlaintextKeyring()), "keyrings.alt"),
        (backend_of(Windows.WinVaultKeyring), "not available: Requires Windows"),
        (backend_of(macOS.Keyring), "not available: macOS required"),
    ],
)
def test_unusable_backends_are_named_with_a_reason(backend: KeyringBackend, reason: str) -> None:
    found = backends.unusable_reason(backend)
    assert found is not None
    assert reason in found


def test_secret_service_without_a_session_bus_is_unusable(no_dbus: None) -> None:
    reason = backends.unusable_reason(backend_of(SecretService.Keyring))
    assert reason is not None
    assert reason.startswith("SecretService Keyring is not available: ")


def test_a_backend_with_positive_priority_is_usable() -> None:
    assert backends.unusable_reason(MemoryKeyring()) is None
    assert backends.unusable_reason(chainer_of(MemoryKeyring(), MemoryKeyring())) is None


# --- names ---------------------------------------------------------------------------------


def gnome() -> str:
    return "GNOME Keyring"


def unknown() -> None:
    return None


class SignedWinVault(Windows.WinVaultKeyring):
    """A subclass is still Credential Manager."""


@pytest.mark.parametrize(
    ("backend", "name"),
    [
        (backend_of(Windows.WinVaultKeyring), "Windows Credential Manager"),
        (backend_of(SignedWinVault), "Windows Credential Manager"),
        (backend_of(macOS.Keyring), "macOS Keychain"),
        (backend_of(kwallet.DBusKeyring), "KWallet"),
        (backend_of(kwallet.DBusKeyringKWallet4), "KWallet"),
        (backend_of(SecretService.Keyring), "Secret Service (GNOME Keyring)"),
        (backend_of(libsecret.Keyring), "Secret Service (GNOME Keyring)"),
        (backend_of(fail.Keyring), "none (no keyring backend found)"),
        (backend_of(null.Keyring), "none (keyring disabled)"),
        (chainer_of(), "none (no keyring backend found)"),
        (
            chainer_of(backend_of(SecretService.Keyring), backend_of(kwallet.DBusKeyring)),
            "Secret Service (GNOME Keyring), then KWallet",
        ),
        (MemoryKeyring(), "keyrings MemoryKeyring"),
        (PlaintextKeyring(), "file PlaintextKeyring (plain files, refused)"),
    ],
)
def test_each_backend_has_a_name_in_words(backend: KeyringBackend, name: str) -> None:
    assert backends.describe(backend, gnome) == name


@pytest.mark.parametrize(
    ("backend", "names"),
    [
        (backend_of(SignedWinVault), (backends.BackendName("windows"),)),
        (backend_of(macOS.Keyring), (backends.BackendName("macos"),)),
        (backend_of(libsecret.Keyring), (backends.BackendName("secret_service", "GNOME Keyring"),)),
        (backend_of(fail.Keyring), (backends.BackendName("none"),)),
        (backend_of(null.Keyring), (backends.BackendName("disabled"),)),
        (chainer_of(), (backends.BackendName("none"),)),
        (
            chainer_of(backend_of(kwallet.DBusKeyring), MemoryKeyring()),
            (
                backends.BackendName("kwallet"),
                backends.BackendName("other", "keyrings MemoryKeyring"),
            ),
        ),
        (PlaintextKeyring(), (backends.BackendName("plain_files", "file PlaintextKeyring"),)),
    ],
)
def test_each_backend_is_identified_by_kind_for_the_window_to_word(
    backend: KeyringBackend, names: tuple[backends.BackendName, ...]
) -> None:
    """Kinds, not English: the window says each in its language; proper names stay as they are."""
    assert backends.identify(backend, gnome) == names


def test_secret_service_of_unknown_provenance_is_just_secret_service() -> None:
    assert backends.describe(backend_of(SecretService.Keyring), unknown) == "Secret Service"


def test_the_provider_is_asked_only_for_the_secret_service() -> None:
    asked: list[bool] = []

    def provider() -> str:
        asked.append(True)
        return "GNOME Keyring"

    backends.describe(backend_of(Windows.WinVaultKeyring), provider)
    assert asked == []


@pytest.mark.parametrize(
    ("program", "product"),
    [
        ("/usr/bin/gnome-keyring-daemon", "GNOME Keyring"),
        ("gnome-keyring-d", "GNOME Keyring"),  # /proc/<pid>/comm keeps 15 characters
        ("/usr/bin/kwalletd5", "KWallet"),
        ("/usr/bin/kwalletd6", "KWallet"),
        ("/usr/bin/ksecretd", "KWallet"),
        ("/usr/bin/keepassxc", "KeePassXC"),
        ("/usr/bin/python3", None),
        ("", None),
    ],
)
def test_the_provider_is_named_from_its_program(program: str, product: str | None) -> None:
    assert backends.provider_from_process(program) == product


def test_without_a_session_bus_the_provider_is_unknown(no_dbus: None) -> None:
    assert bus_owner.secret_service_provider() is None


def test_the_store_describes_its_backend() -> None:
    store = SecretStore(backend_of(Windows.WinVaultKeyring))
    assert store.describe_backend() == "Windows Credential Manager"
    assert store.backend_description() == backends.BackendDescription(
        (backends.BackendName("windows"),)
    )
    assert (
        SecretStore(backend_of(fail.Keyring)).describe_backend()
        == "none (no keyring backend found)"
    )


# --- what to do, per OS ----------------------------------------------------------------------

ADVICE = {
    "linux": ("GNOME Keyring", "KWallet", "Secret Service", "unlock", "D-Bus", "SSH"),
    "freebsd14": ("GNOME Keyring", "KWallet", "D-Bus"),
    "win32": ("Windows Credential Manager", "Sign in"),
    "cygwin": ("Windows Credential Manager",),
    "darwin": ("macOS Keychain", "unlocked", "Keychain Access"),
    "emscripten": ("Windows, macOS or a Linux desktop",),
}


@pytest.mark.parametrize(("platform", "words"), ADVICE.items())
def test_advice_names_what_to_install_or_unlock(platform: str, words: tuple[str, ...]) -> None:
    advice = backends.storage_advice(platform)
    for word in words:
        assert word in advice


@pytest.mark.parametrize("platform", ADVICE)
def test_no_secure_storage_is_reported_before_login_with_the_os_advice(platform: str) -> None:
    store = SecretStore(backend_of(fail.Keyring), platform=platform)
    with pytest.raises(NoSecureStorageError) as caught:
        store.check_available()
    error = caught.value
    assert error.code == "no_secure_storage"
    assert error.message.startswith("There is no secure storage on this computer")
    assert error.next_action == backends.storage_advice(platform)
    assert error.detail == "keyring found no backend on this computer"
