"""A build's baked registration in use: the user's own comes first, the baked one fills in."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from qonto_desktop.connections.baked import BakedRegistration
from qonto_desktop.connections.context import resolve
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.errors import NotConfiguredError
from qonto_desktop.connections.keys import client_secret_key
from qonto_desktop.connections.registration import (
    AppRegistration,
    baked_client_secret,
    default_environment,
    load_registration,
    with_registration,
)
from qonto_desktop.qonto.environments import PRODUCTION, SANDBOX
from qonto_desktop.store.index import ConnectionIndex
from qonto_desktop.store.secrets import SecretStore
from qonto_desktop.system.paths import AppPaths
from tests.support.baked import Bake, bake
from tests.support.keyrings import MemoryKeyring
from tests.support.token_servers import Reply, Servers, TokenServer

__all__ = ["bake"]

FIRM = BakedRegistration("production", "firm-client", 52990)
FIRM_WITH_SECRET = replace(FIRM, client_secret="baked-Secret-1")
SANDBOX_FIRM = BakedRegistration("sandbox", "firm-sandbox-client", 53002, "sandbox-Secret-2")


# --- load_registration -------------------------------------------------------------------------


def test_nothing_saved_and_nothing_baked_is_not_configured(bake: Bake) -> None:
    with pytest.raises(NotConfiguredError):
        load_registration(PRODUCTION, {})


def test_the_baked_registration_is_used_when_nothing_is_saved(bake: Bake) -> None:
    bake(FIRM)
    assert load_registration(PRODUCTION, {}) == AppRegistration("production", "firm-client", 52990)
    saved_elsewhere = {"registrations": {"sandbox": {"client_id": "mine", "redirect_port": 1}}}
    assert load_registration(PRODUCTION, saved_elsewhere).client_id == "firm-client"


def test_the_baked_registration_is_for_its_environment_only(bake: Bake) -> None:
    bake(FIRM)
    with pytest.raises(NotConfiguredError):
        load_registration(SANDBOX, {})


def test_the_users_saved_registration_wins(bake: Bake) -> None:
    bake(FIRM)
    settings = {"registrations": {"production": {"client_id": "mine", "redirect_port": 53100}}}
    assert load_registration(PRODUCTION, settings) == AppRegistration("production", "mine", 53100)


# --- with_registration -------------------------------------------------------------------------


def test_the_baked_registration_is_not_copied_into_the_settings(bake: Bake) -> None:
    bake(FIRM)
    settings = {"language": "fr", "registrations": {"sandbox": {"client_id": "s"}}}
    saved = with_registration(settings, AppRegistration("production", "firm-client", 52990))
    assert saved == {"language": "fr", "registrations": {"sandbox": {"client_id": "s"}}}


def test_saving_the_baked_registration_removes_a_section_equal_to_it(bake: Bake) -> None:
    bake(FIRM)
    settings = {
        "registrations": {
            "production": {"client_id": "firm-client", "redirect_port": 52990},
            "sandbox": {"client_id": "s"},
        }
    }
    saved = with_registration(settings, AppRegistration("production", "firm-client", 52990))
    assert saved["registrations"] == {"sandbox": {"client_id": "s"}}
    assert "production" in settings["registrations"]  # the given settings are not changed


@pytest.mark.parametrize(
    "registration",
    [
        AppRegistration("production", "my-own-client", 52990),
        AppRegistration("production", "firm-client", 53100),
        AppRegistration("sandbox", "firm-client", 52990),
    ],
    ids=["other-client", "other-port", "other-environment"],
)
def test_a_registration_other_than_the_baked_one_is_stored(
    bake: Bake, registration: AppRegistration
) -> None:
    bake(FIRM)
    saved = with_registration({}, registration)
    assert saved["registrations"] == {
        registration.environment: {
            "client_id": registration.client_id,
            "redirect_port": registration.redirect_port,
        }
    }
    environment = PRODUCTION if registration.environment == "production" else SANDBOX
    assert load_registration(environment, saved) == registration


def test_without_a_baked_registration_every_registration_is_stored(bake: Bake) -> None:
    registration = AppRegistration("production", "firm-client", 52990)
    saved = with_registration({}, registration)
    assert saved["registrations"]["production"] == {
        "client_id": "firm-client",
        "redirect_port": 52990,
    }


# --- default_environment and baked_client_secret ----------------------------------------------


def test_the_default_environment_is_the_users_then_the_builds_then_production(
    bake: Bake,
) -> None:
    assert default_environment({}) == "production"
    assert default_environment({"environment": "sandbox"}) == "sandbox"
    bake(SANDBOX_FIRM)
    assert default_environment({}) == "sandbox"
    assert default_environment({"environment": None}) == "sandbox"
    assert default_environment({"environment": "production"}) == "production"


def test_the_baked_secret_is_only_for_its_environment_and_client(bake: Bake) -> None:
    assert baked_client_secret("sandbox", "firm-sandbox-client") is None
    bake(SANDBOX_FIRM)
    assert baked_client_secret("sandbox", "firm-sandbox-client") == "sandbox-Secret-2"
    assert baked_client_secret("production", "firm-sandbox-client") is None
    assert baked_client_secret("sandbox", "another-client") is None
    bake(FIRM)
    assert baked_client_secret("production", "firm-client") is None  # baked without one


# --- Desk.token_client ---------------------------------------------------------------------------


@pytest.fixture
def token_server() -> Iterator[TokenServer]:
    """A token and revoke endpoint on 127.0.0.1 that records each request's form."""
    servers = Servers()
    server = TokenServer()
    server.reply = Reply(body=b"", content_type="text/plain")
    servers.start(server)
    yield server
    servers.stop_all()


@pytest.fixture
def keyring_desk(app_home: Path) -> Desk:
    """A desk with an in-memory keyring and no saved settings."""
    paths = AppPaths(app_home / "config", app_home / "data", app_home / "logs")
    return Desk(
        paths=paths,
        secrets=SecretStore(MemoryKeyring()),
        index=ConnectionIndex(paths.data_dir / "connections.json"),
        settings={},
        environ={},
    )


def sent_secret(desk: Desk, server: TokenServer, client_id: str) -> list[str] | None:
    """The client secret the desk's token client sends for ``client_id`` (to production)."""
    production = replace(
        PRODUCTION,
        token_url=server.url("/oauth2/token"),
        revoke_url=server.url("/oauth2/revoke"),
    )
    resolve(desk, production, client_id).token_client.revoke(
        "ory_rt_x", token_type_hint="refresh_token"
    )
    form = server.seen[-1].form
    assert form["client_id"] == [client_id]
    return form.get("client_secret")


def test_the_token_client_uses_the_baked_secret_when_the_keyring_has_none(
    bake: Bake, keyring_desk: Desk, token_server: TokenServer
) -> None:
    desk = keyring_desk
    assert sent_secret(desk, token_server, "firm-client") is None
    bake(FIRM_WITH_SECRET)
    assert sent_secret(desk, token_server, "firm-client") == ["baked-Secret-1"]
    assert sent_secret(desk, token_server, "someone-else") is None


def test_the_token_client_prefers_the_keyrings_secret(
    bake: Bake, keyring_desk: Desk, token_server: TokenServer
) -> None:
    desk = keyring_desk
    bake(FIRM_WITH_SECRET)
    desk.secrets.set(client_secret_key("production", "firm-client"), "users-Secret-3")
    assert sent_secret(desk, token_server, "firm-client") == ["users-Secret-3"]
