"""Opening the keyring backend a connection names: only secure ones, never over the user's own
keyring configuration, and an unreachable one falls back to the usual choice."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from keyring import errors as keyring_errors
from keyring.util import platform_

from qonto_desktop.store import backend_choice, backend_names
from qonto_desktop.store.errors import KeyringLockedError, KeyringUnavailableError
from qonto_desktop.store.keyring_calls import KeyringCalls
from qonto_desktop.store.secrets import SecretStore
from tests.support.keyrings import MemoryKeyring


class Unreachable(MemoryKeyring):
    """A named backend whose service is gone (no session bus, no daemon)."""

    def get_password(self, service: str, username: str) -> str | None:
        """Fail as keyring does when it cannot open the collection."""
        raise keyring_errors.InitError("Failed to create the collection")


class Locked(MemoryKeyring):
    """A named backend that is there but locked."""

    def get_password(self, service: str, username: str) -> str | None:
        """Fail: locked."""
        raise keyring_errors.KeyringLocked("Failed to unlock the collection!")


@pytest.fixture
def no_user_configuration(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.mark.parametrize(
    "environ",
    [
        {"XDG_CONFIG_HOME": "/somewhere/config"},
        {"XDG_CONFIG_HOME": ""},
        {},
    ],
)
def test_the_config_root_is_keyrings_own(
    environ: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert Path(backend_names.config_root("linux", environ)) == Path(platform_.config_root())


def test_the_windows_config_root_is_keyrings_own() -> None:
    environ = {"LOCALAPPDATA": "C:/Users/a/AppData/Local", "ProgramData": "C:/ProgramData"}
    assert Path(backend_names.config_root("win32", environ)) == Path(
        "C:/Users/a/AppData/Local", "Python Keyring"
    )
    assert Path(backend_names.config_root("win32", {"ProgramData": "D:/"})) == Path(
        "D:/Python Keyring"
    )


@pytest.mark.usefixtures("no_user_configuration")
@pytest.mark.parametrize(
    ("name", "usable"),
    [
        ("qonto_desktop.store.secret_service.Keyring", True),
        ("keyring.backends.SecretService.Keyring", True),
        ("keyring.backends.Windows.WinVaultKeyring", True),
        ("keyring.backends.macOS.Keyring", True),
        ("keyrings.alt.file.PlaintextKeyring", False),  # an edited index must not reach it
        ("keyring.backends.null.Keyring", False),
        ("keyring.backends.chainer.ChainerBackend", False),
        ("os.system", False),
        ("", False),
    ],
)
def test_only_secure_backends_are_opened_by_name(name: str, usable: bool) -> None:
    assert backend_names.usable(name) is usable


def test_the_users_configuration_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    name = backend_names.APP_SECRET_SERVICE
    environ = {"XDG_CONFIG_HOME": str(tmp_path)}
    assert backend_names.usable(name, "linux", environ)
    assert not backend_names.usable(
        name, "linux", {**environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    )
    (tmp_path / "python_keyring").mkdir()
    (tmp_path / "python_keyring" / "keyringrc.cfg").write_text("[backend]\n", encoding="utf-8")
    assert not backend_names.usable(name, "linux", environ)


@pytest.mark.usefixtures("no_user_configuration")
def test_the_store_names_the_backend_it_used() -> None:
    store = SecretStore(MemoryKeyring(), service="svc")
    assert store.backend_name() == "tests.support.keyrings.MemoryKeyring"


@pytest.mark.usefixtures("no_user_configuration")
def test_a_named_backend_is_opened_without_choosing(monkeypatch: pytest.MonkeyPatch) -> None:
    opened = MemoryKeyring()
    opened.entries[("svc", "a")] = "1"
    asked: list[str] = []

    def open_named(name: str, entries: object = None) -> MemoryKeyring:
        asked.append(name)
        return opened

    def choose_backend() -> MemoryKeyring:
        raise AssertionError("a named backend needs no choosing")

    monkeypatch.setattr(backend_choice, "open_named", open_named)
    monkeypatch.setattr(backend_choice, "choose_backend", choose_backend)
    calls = KeyringCalls(None, service="svc", timeout=5, platform="linux")
    calls.prefer("keyring.backends.macOS.Keyring")
    assert calls.get("a") == "1"
    assert asked == ["keyring.backends.macOS.Keyring"]


@pytest.mark.usefixtures("no_user_configuration")
def test_an_unreachable_named_backend_falls_back_to_the_usual_choice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chosen = MemoryKeyring()
    chosen.entries[("svc", "a")] = "from the usual choice"
    monkeypatch.setattr(backend_choice, "open_named", lambda name, entries=None: Unreachable())
    monkeypatch.setattr(backend_choice, "choose_backend", lambda: chosen)
    calls = KeyringCalls(None, service="svc", timeout=5, platform="linux")
    calls.prefer("keyring.backends.macOS.Keyring")
    assert calls.get("a") == "from the usual choice"
    assert calls.backend() is chosen


@pytest.mark.usefixtures("no_user_configuration")
def test_a_locked_named_backend_says_so_and_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backend_choice, "open_named", lambda name, entries=None: Locked())
    monkeypatch.setattr(
        backend_choice, "choose_backend", lambda: pytest.fail("a locked keyring is not replaced")
    )
    calls = KeyringCalls(None, service="svc", timeout=5, platform="linux")
    calls.prefer("keyring.backends.macOS.Keyring")
    with pytest.raises(KeyringLockedError, match=r"The keyring is locked\."):
        calls.get("a")


@pytest.mark.usefixtures("no_user_configuration")
def test_once_a_named_backend_answered_its_failures_are_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class GoesAway(MemoryKeyring):
        gone = False

        def get_password(self, service: str, username: str) -> str | None:
            if self.gone:
                raise keyring_errors.InitError("Failed to create the collection")
            return super().get_password(service, username)

    named = GoesAway()
    monkeypatch.setattr(backend_choice, "open_named", lambda name, entries=None: named)
    monkeypatch.setattr(backend_choice, "choose_backend", lambda: pytest.fail("no fallback"))
    calls = KeyringCalls(None, service="svc", timeout=5, platform="linux")
    calls.prefer("keyring.backends.macOS.Keyring")
    assert calls.get("a") is None
    named.gone = True  # mid-batch: the keyring went away; say so, do not switch keyrings
    with pytest.raises(KeyringUnavailableError):
        calls.get("a")


@pytest.mark.usefixtures("no_user_configuration")
def test_a_name_is_ignored_once_a_backend_is_in_use() -> None:
    backend = MemoryKeyring()
    store = SecretStore(backend, service="svc")
    store.prefer("keyring.backends.macOS.Keyring")
    store.set("a", "1")
    assert backend.entries == {("svc", "a"): "v1:0:1"}


def test_a_name_that_is_not_secure_is_never_imported() -> None:
    assert backend_choice.open_named("keyrings.alt.file.PlaintextKeyring") is None
    assert backend_choice.open_named("os.system") is None


def test_a_secure_name_not_on_this_system_opens_nothing() -> None:
    if sys.platform == "win32":  # pragma: no cover - the Windows backend is here
        pytest.skip("the Windows backend opens on Windows")
    assert backend_choice.open_named("keyring.backends.Windows.WinVaultKeyring") is None
