"""The keyring backend: the user's configured one, else the OS's own, else keyring's discovery."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.util import platform_

from qonto_desktop.store import backend_choice
from qonto_desktop.store.backend_choice import choose_backend
from tests.support.keyrings import MemoryKeyring


@pytest.fixture
def discovered(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> MemoryKeyring:
    """What keyring's own discovery would return, and no keyringrc.cfg anywhere."""
    found = MemoryKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: found)
    monkeypatch.setattr(platform_, "config_root", lambda: str(tmp_path / "no-config"))
    return found


def test_an_unknown_platform_uses_discovery(discovered: MemoryKeyring) -> None:
    assert choose_backend("sunos5", {}) is discovered


def test_a_configured_backend_is_honoured(
    discovered: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backend_choice, "_native", lambda platform: MemoryKeyring())
    env = {"PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    assert choose_backend("linux", env) is discovered


def test_a_keyring_config_file_is_honoured(
    discovered: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "keyringrc.cfg").write_text("[backend]\ndefault-keyring=x.Y\n", encoding="utf-8")
    monkeypatch.setattr(platform_, "config_root", lambda: str(tmp_path))
    assert choose_backend("linux", {}) is discovered


def test_without_a_session_bus_linux_falls_back_to_discovery(
    discovered: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-bus")
    assert choose_backend("linux", {}) is discovered


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_another_os_native_backend_that_cannot_load_here_falls_back(
    discovered: MemoryKeyring, platform: str
) -> None:
    assert choose_backend(platform, {}) is discovered
