"""Saving an app registration, written once for the window's form and ``configure``."""

from __future__ import annotations

from dataclasses import replace

import pytest

from qonto_desktop.connections.desk import Desk, environment_of
from qonto_desktop.connections.errors import ConfigurationError, StorageError
from qonto_desktop.connections.keys import client_secret_key, staging_token_key
from qonto_desktop.connections.registration import (
    AppRegistration,
    RegistrationDraft,
    load_registration,
    save_registration,
    saved_secrets,
)
from qonto_desktop.system.settings import load_settings
from tests.support.keyrings import FailingSetKeyring, MemoryKeyring


def test_secrets_go_to_the_keyring_and_the_rest_to_the_settings(
    desk: Desk, keyring_backend: MemoryKeyring
) -> None:
    registration = AppRegistration("sandbox", "client-1", 52900)
    draft = RegistrationDraft(registration, client_secret="s3cret", staging_token="stg")
    settings = save_registration(desk, draft)
    assert settings is not None
    assert settings["registrations"]["sandbox"] == {"client_id": "client-1", "redirect_port": 52900}
    assert load_settings(desk.paths) == settings
    assert desk.secrets.get(client_secret_key("sandbox", "client-1")) == "s3cret"
    assert desk.secrets.get(staging_token_key("sandbox")) == "stg"
    assert "s3cret" not in repr(draft)
    assert "stg" not in repr(draft)
    assert saved_secrets(desk, registration).client_secret
    assert saved_secrets(desk, registration).staging_token


def test_nothing_changed_writes_nothing(desk: Desk) -> None:
    environment = environment_of(desk, "emulator")
    same = load_registration(environment, desk.settings)
    assert save_registration(desk, RegistrationDraft(same)) is None
    assert not desk.paths.settings_file.exists()


def test_make_default_names_the_environment(desk: Desk) -> None:
    environment = environment_of(desk, "emulator")
    same = load_registration(environment, desk.settings)
    settings = save_registration(desk, RegistrationDraft(same, make_default=True))
    assert settings is not None
    assert settings["environment"] == "emulator"


def test_a_preset_registration_is_never_saved(desk: Desk, keyring_backend: MemoryKeyring) -> None:
    draft = RegistrationDraft(AppRegistration("sandbox", "x"), client_secret="s", preset=True)
    assert save_registration(desk, draft) is None
    assert keyring_backend.names() == set()


def test_a_refused_secret_leaves_the_settings_as_they_were(desk: Desk) -> None:
    refusing = replace(desk, secrets=type(desk.secrets)(FailingSetKeyring()))
    draft = RegistrationDraft(AppRegistration("sandbox", "client-2"), client_secret="s")
    with pytest.raises(StorageError):
        save_registration(refusing, draft)
    assert not desk.paths.settings_file.exists()


def test_no_secret_saved_says_so(desk: Desk) -> None:
    registration = AppRegistration("sandbox", "client-3")
    found = saved_secrets(desk, registration)
    assert (found.client_secret, found.staging_token) == (False, False)


def test_user_access_is_saved_only_when_chosen_and_read_back(desk: Desk) -> None:
    environment = environment_of(desk, "production")
    plain = AppRegistration("production", "cid")
    settings = save_registration(desk, RegistrationDraft(plain))
    assert settings is not None
    assert "access" not in settings["registrations"]["production"]
    assert not load_registration(environment, settings).user_access
    marked = replace(plain, access="user")
    settings = save_registration(replace(desk, settings=settings), RegistrationDraft(marked))
    assert settings is not None
    assert settings["registrations"]["production"]["access"] == "user"
    assert load_registration(environment, load_settings(desk.paths)).user_access


def test_an_unknown_access_kind_is_refused_with_the_fix(desk: Desk) -> None:
    environment = environment_of(desk, "production")
    settings = {"registrations": {"production": {"client_id": "cid", "access": "team"}}}
    with pytest.raises(ConfigurationError) as raised:
        load_registration(environment, settings)
    assert "--user-access" in raised.value.next_action
