"""A firm's build carries its redirect address (host and port), checked by the app's one rule."""

from __future__ import annotations

import json

import pytest

from qonto_desktop.connections.baked import (
    BakedRegistration,
    BuildSettingError,
    DamagedBuildError,
    baked_registration,
    from_build_environ,
)
from qonto_desktop.connections.registration import (
    AppRegistration,
    load_registration,
    with_registration,
)
from qonto_desktop.qonto import environments
from tests.support.baked import Bake, bake

__all__ = ["bake"]

ID = "QONTO_DESKTOP_BUILD_CLIENT_ID"
PORT = "QONTO_DESKTOP_BUILD_REDIRECT_PORT"
HOST = "QONTO_DESKTOP_BUILD_REDIRECT_HOST"
CLIENT = "firm-0c1d-client"


def test_the_host_defaults_to_the_ip_literal() -> None:
    baked = from_build_environ({ID: CLIENT})
    assert baked is not None
    assert baked.redirect_host == "127.0.0.1"


@pytest.mark.parametrize("host", ["localhost", " localhost\n", "127.0.0.1"])
def test_a_build_may_carry_localhost(host: str) -> None:
    baked = from_build_environ({ID: CLIENT, HOST: host, PORT: "53001"})
    assert baked is not None
    assert baked.redirect_host == host.strip()


@pytest.mark.parametrize("host", ["::1", "LOCALHOST", "0.0.0.0", "example.com"])  # noqa: S104
def test_another_host_stops_the_build(host: str) -> None:
    with pytest.raises(BuildSettingError) as caught:
        from_build_environ({ID: CLIENT, HOST: host})
    assert str(caught.value) == f"{HOST} must be one of 127.0.0.1, localhost."


@pytest.mark.parametrize("port", ["0", "80", "70000", "abc"])
def test_a_port_is_refused_in_the_words_of_configure(port: str) -> None:
    with pytest.raises(BuildSettingError) as caught:
        from_build_environ({ID: CLIENT, PORT: port})
    assert str(caught.value) == (
        f"{PORT}: The redirect port must be a whole number from 1024 to 65535."
    )


def test_a_client_id_is_refused_with_the_reason() -> None:
    with pytest.raises(BuildSettingError) as caught:
        from_build_environ({ID: "firm#client"})
    assert str(caught.value) == (
        f"{ID} is not a client ID: A client ID with # cannot be used: its secret could not be "
        "saved."
    )


def test_the_host_round_trips_and_is_what_the_app_sends(bake: Bake) -> None:
    carried = BakedRegistration("production", CLIENT, 53001, None, "localhost")
    bake(carried)
    assert baked_registration() == carried
    registration = load_registration(environments.PRODUCTION, {})
    assert registration.redirect_uri == "http://localhost:53001/callback"
    # Saving the build's own registration keeps nothing in the settings; another host does.
    assert with_registration({}, registration)["registrations"] == {}
    other = AppRegistration("production", CLIENT, 53001, "127.0.0.1")
    assert with_registration({}, other)["registrations"]["production"] == {
        "client_id": CLIENT,
        "redirect_port": 53001,
    }


def test_an_older_build_without_a_host_uses_the_ip_literal(bake: Bake) -> None:
    bake(json.dumps({"environment": "production", "client_id": CLIENT, "redirect_port": 53001}))
    baked = baked_registration()
    assert baked is not None
    assert baked.redirect_host == "127.0.0.1"


@pytest.mark.parametrize(
    "fields",
    [{"redirect_host": "::1"}, {"redirect_port": 0}, {"redirect_port": 80}, {"client_id": "a b"}],
)
def test_a_bundled_file_the_rules_refuse_is_a_damaged_build(
    bake: Bake, fields: dict[str, object]
) -> None:
    bake(json.dumps({"environment": "production", "client_id": CLIENT, **fields}))
    with pytest.raises(DamagedBuildError):
        baked_registration()
