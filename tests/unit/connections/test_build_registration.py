"""A firm's registration baked into its build: read from the build variables, bundled, read back."""

from __future__ import annotations

import json

import pytest

from qonto_desktop.connections.baked import (
    BUILD_FILE,
    BakedRegistration,
    BuildSettingError,
    DamagedBuildError,
    baked_for,
    baked_registration,
    from_build_environ,
)
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.localize import localize
from qonto_desktop.system.resources import resource_path
from tests.support.baked import Bake, bake

__all__ = ["bake"]

ID = "QONTO_DESKTOP_BUILD_CLIENT_ID"
ENVIRONMENT = "QONTO_DESKTOP_BUILD_ENVIRONMENT"
PORT = "QONTO_DESKTOP_BUILD_REDIRECT_PORT"
SECRET = "QONTO_DESKTOP_BUILD_CLIENT_SECRET"
EMBED = "QONTO_DESKTOP_BUILD_EMBED_SECRET"
CLIENT = "firm-0c1d-client"
SECRET_VALUE = "hunter2-Zq8-secret"


# --- from_build_environ ---------------------------------------------------------------------------


def test_no_build_variable_means_no_registration() -> None:
    assert from_build_environ({}) is None
    assert from_build_environ({"PATH": "/usr/bin", "QONTO_DESKTOP_HOME": "home"}) is None
    # An empty variable (a CI secret that is not set) is no variable.
    assert from_build_environ({ID: "", ENVIRONMENT: "", EMBED: ""}) is None


def test_a_client_id_alone_is_production_on_the_default_port_without_secret() -> None:
    baked = from_build_environ({ID: f"  {CLIENT}\n"})
    assert baked == BakedRegistration("production", CLIENT, 52817, None)


def test_sandbox_and_a_port() -> None:
    baked = from_build_environ({ID: CLIENT, ENVIRONMENT: " sandbox ", PORT: "53001"})
    assert baked == BakedRegistration("sandbox", CLIENT, 53001, None)


@pytest.mark.parametrize("port", ["1024", "65535"])
def test_the_port_range_ends_are_accepted(port: str) -> None:
    baked = from_build_environ({ID: CLIENT, PORT: port})
    assert baked is not None
    assert baked.redirect_port == int(port)


@pytest.mark.parametrize(
    ("environ", "named"),
    [
        ({ID: CLIENT, ENVIRONMENT: "staging"}, ENVIRONMENT),
        ({ID: CLIENT, ENVIRONMENT: "Production"}, ENVIRONMENT),
        ({ID: CLIENT, ENVIRONMENT: "emulator"}, ENVIRONMENT),
        ({ID: CLIENT, PORT: "http"}, PORT),
        ({ID: CLIENT, PORT: "-1"}, PORT),
        ({ID: CLIENT, PORT: "5e4"}, PORT),
        ({ID: CLIENT, PORT: "0"}, PORT),
        ({ID: CLIENT, PORT: "80"}, PORT),
        ({ID: CLIENT, PORT: "1023"}, PORT),
        ({ID: CLIENT, PORT: "65536"}, PORT),
        ({ID: CLIENT, PORT: "５３００１"}, PORT),  # full-width digits  # noqa: RUF001
        ({ID: "my client"}, ID),
        ({ID: "my\tclient"}, ID),
        ({ID: "clïent"}, ID),
        ({ID: "   "}, ID),
        ({ENVIRONMENT: "sandbox"}, ENVIRONMENT),
        ({PORT: "53001"}, PORT),
        ({SECRET: SECRET_VALUE, EMBED: "yes"}, SECRET),
        ({"QONTO_DESKTOP_BUILD_SOMETHING": "1"}, "QONTO_DESKTOP_BUILD_SOMETHING"),
        ({ID: CLIENT, SECRET: SECRET_VALUE}, EMBED),
        ({ID: CLIENT, SECRET: SECRET_VALUE, EMBED: "no"}, EMBED),
        ({ID: CLIENT, EMBED: "yes"}, SECRET),
        ({ID: CLIENT, SECRET: SECRET_VALUE, EMBED: "maybe"}, EMBED),
        ({ID: CLIENT, EMBED: "true"}, EMBED),
    ],
)
def test_every_bad_setting_stops_the_build_naming_its_variable(
    environ: dict[str, str], named: str
) -> None:
    with pytest.raises(BuildSettingError) as caught:
        from_build_environ(environ)
    assert named in str(caught.value)
    assert SECRET_VALUE not in str(caught.value)


def test_other_variables_without_a_client_id_say_it_is_missing() -> None:
    with pytest.raises(BuildSettingError) as caught:
        from_build_environ({ENVIRONMENT: "sandbox", PORT: "53001"})
    message = str(caught.value)
    assert message.startswith(f"{ENVIRONMENT}, {PORT} set without {ID}")


def test_a_blank_client_id_is_refused_as_a_client_id() -> None:
    with pytest.raises(BuildSettingError) as caught:
        from_build_environ({ID: "   ", ENVIRONMENT: "sandbox"})
    assert f"{ID} is not a client ID" in str(caught.value)


@pytest.mark.parametrize("embed", ["yes", "YES", " Yes "])
def test_the_secret_is_baked_only_on_explicit_request(embed: str) -> None:
    baked = from_build_environ({ID: CLIENT, SECRET: SECRET_VALUE, EMBED: embed})
    assert baked is not None
    assert baked.client_secret == SECRET_VALUE
    assert json.loads(baked.to_json())["client_secret"] == SECRET_VALUE


def test_embed_no_without_a_secret_bakes_none() -> None:
    baked = from_build_environ({ID: CLIENT, EMBED: "no"})
    assert baked is not None
    assert baked.client_secret is None
    assert "client_secret" not in json.loads(baked.to_json())


def test_the_secret_never_shows_in_repr_or_str() -> None:
    baked = from_build_environ({ID: CLIENT, SECRET: SECRET_VALUE, EMBED: "yes"})
    assert baked is not None
    assert SECRET_VALUE not in repr(baked)
    assert SECRET_VALUE not in str(baked)
    assert CLIENT in repr(baked)


# --- the bundled file ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "registration",
    [
        BakedRegistration("production", CLIENT),
        BakedRegistration("sandbox", CLIENT, 53001, SECRET_VALUE),
    ],
    ids=["production", "sandbox-with-secret"],
)
def test_the_file_round_trips(bake: Bake, registration: BakedRegistration) -> None:
    written = bake(registration)
    assert written == resource_path(BUILD_FILE)  # where the app looks
    assert baked_registration() == registration
    assert baked_for(registration.environment) == registration
    other = "sandbox" if registration.environment == "production" else "production"
    assert baked_for(other) is None


def test_a_build_without_the_file_carries_none(bake: Bake) -> None:
    assert not resource_path(BUILD_FILE).exists()
    assert baked_registration() is None
    assert baked_for("production") is None


@pytest.mark.parametrize(
    "text",
    [
        "{not json",
        "",
        "\udcff",  # written as the byte 0xFF: not UTF-8
        "[]",
        '"production"',
        '{"client_id": "x"}',
        '{"environment": "production"}',
        '{"environment": "production", "client_id": "x", "redirect_port": "port"}',
    ],
    ids=["bad-json", "empty", "not-utf8", "list", "string", "no-env", "no-id", "bad-port"],
)
def test_a_damaged_file_is_a_damaged_build(bake: Bake, text: str) -> None:
    path = bake("")
    path.write_bytes(text.encode("utf-8", errors="surrogateescape"))
    with pytest.raises(DamagedBuildError) as caught:
        baked_registration()
    assert isinstance(caught.value, QontoDesktopError)
    assert caught.value.code == "damaged_build"


def test_the_damaged_build_error_speaks_french() -> None:
    error = DamagedBuildError()
    message, next_action = localize(error, "fr")
    assert message == (
        "Cette copie de l\u2019application contient un enregistrement d\u2019application illisible."
    )
    assert next_action.startswith("Téléchargez à nouveau l\u2019application")
    assert (message, next_action) != (error.message, error.next_action)
