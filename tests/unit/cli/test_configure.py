"""``configure``: secrets are read first, then the registration is saved whole (or not at all)."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest

from qonto_desktop.cli import configure
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.errors import ConfigurationError
from qonto_desktop.connections.keys import client_secret_key, staging_token_key
from qonto_desktop.store.index import ConnectionIndex
from qonto_desktop.store.secrets import SecretStore
from qonto_desktop.system.paths import AppPaths
from qonto_desktop.system.settings import load_settings
from tests.support.keyrings import MemoryKeyring


@pytest.fixture
def keyring() -> MemoryKeyring:
    """The keyring the command writes to."""
    return MemoryKeyring()


@pytest.fixture
def desk(app_home: Path, keyring: MemoryKeyring) -> Desk:
    """A desk with no saved settings and an in-memory keyring."""
    paths = AppPaths(app_home / "config", app_home / "data", app_home / "logs")
    return Desk(
        paths=paths,
        secrets=SecretStore(keyring),
        index=ConnectionIndex(paths.data_dir / "connections.json"),
        settings={},
        environ={},
    )


def configure_sandbox(desk: Desk, stdin: str, out: io.StringIO, *, default: bool = False) -> int:
    """``configure --environment sandbox --client-id cid --client-secret --staging-token``."""
    return configure.run(
        desk,
        "sandbox",
        client_id="cid",
        redirect_port=None,
        set_client_secret=True,
        set_staging_token=True,
        make_default=default,
        stdin=io.StringIO(stdin),
        out=out,
    )


def test_both_secrets_and_the_registration_are_saved(desk: Desk) -> None:
    out = io.StringIO()
    assert configure_sandbox(desk, "the-secret\nthe-staging-token\n", out, default=True) == 0
    assert desk.secrets.get(client_secret_key("sandbox", "cid")) == "the-secret"
    assert desk.secrets.get(staging_token_key("sandbox")) == "the-staging-token"
    assert "client secret:  stored in the keyring" in out.getvalue()
    assert "staging token:  stored in the keyring" in out.getvalue()
    assert "the-secret" not in out.getvalue()
    saved = desk.paths.settings_file.read_text(encoding="utf-8")
    assert '"environment": "sandbox"' in saved
    assert "the-secret" not in saved


def test_a_missing_second_secret_saves_nothing(desk: Desk, keyring: MemoryKeyring) -> None:
    with pytest.raises(ConfigurationError):
        configure_sandbox(desk, "the-secret\n\n", io.StringIO())
    assert desk.secrets.get(client_secret_key("sandbox", "cid")) is None
    assert not any(name.startswith("client/") for name in keyring.names())
    assert not desk.paths.settings_file.exists()


def test_user_access_is_marked_and_unmarked(desk: Desk) -> None:
    out = io.StringIO()

    def mark(user_access: bool | None, on: Desk) -> Desk:
        configure.run(
            on,
            "production",
            client_id="cid",
            redirect_port=None,
            set_client_secret=False,
            set_staging_token=False,
            make_default=False,
            user_access=user_access,
            stdin=io.StringIO(""),
            out=out,
        )
        return replace(on, settings=load_settings(on.paths))

    marked = mark(True, desk)
    assert marked.settings["registrations"]["production"]["access"] == "user"
    assert "access:         user access" in out.getvalue()
    kept = mark(None, marked)
    assert kept.settings["registrations"]["production"]["access"] == "user"
    unmarked = mark(False, kept)
    assert "access" not in unmarked.settings["registrations"]["production"]
    assert "access:         one company per sign-in" in out.getvalue()
