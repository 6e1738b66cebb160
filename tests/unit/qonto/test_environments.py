"""Qonto's environments: the facts sheet's addresses, the staging header, custom and emulator."""

from __future__ import annotations

from typing import Any

import pytest

from qonto_desktop.oauth.errors import ConfigurationError
from qonto_desktop.qonto import environments
from qonto_desktop.qonto.environments import (
    CUSTOM_URL_VARIABLES,
    PRODUCTION,
    SANDBOX,
    by_name,
    check_url,
    custom,
    emulator,
)
from qonto_desktop.qonto.errors import SandboxStagingTokenError

CUSTOM_SETTINGS = {
    "custom_environment": {
        "authorize_url": "https://oauth.example.test/oauth2/auth",
        "token_url": "https://oauth.example.test/oauth2/token",
        "revoke_url": "https://oauth.example.test/oauth2/revoke",
        "api_base_url": "https://api.example.test/",
    }
}


def test_production_addresses_are_the_facts_sheets() -> None:
    assert PRODUCTION.authorize_url == "https://oauth.qonto.com/oauth2/auth"
    assert PRODUCTION.token_url == "https://oauth.qonto.com/oauth2/token"
    assert PRODUCTION.revoke_url == "https://oauth.qonto.com/oauth2/revoke"
    assert PRODUCTION.api_url("/v2/organization") == "https://thirdparty.qonto.com/v2/organization"
    assert not PRODUCTION.needs_staging_token


def test_sandbox_addresses_are_the_facts_sheets() -> None:
    assert SANDBOX.authorize_url == "https://oauth-sandbox.staging.qonto.co/oauth2/auth"
    assert SANDBOX.token_url == "https://oauth-sandbox.staging.qonto.co/oauth2/token"
    assert SANDBOX.revoke_url == "https://oauth-sandbox.staging.qonto.co/oauth2/revoke"
    assert (
        SANDBOX.api_url("v2/membership")
        == "https://thirdparty-sandbox.staging.qonto.co/v2/membership"
    )
    assert SANDBOX.needs_staging_token


def test_sandbox_requests_carry_the_staging_token() -> None:
    assert SANDBOX.request_headers("tok-123") == {"X-Qonto-Staging-Token": "tok-123"}


@pytest.mark.parametrize("staging_token", [None, ""])
def test_sandbox_without_a_staging_token_is_refused(staging_token: str | None) -> None:
    with pytest.raises(SandboxStagingTokenError):
        SANDBOX.request_headers(staging_token)


@pytest.mark.parametrize("staging_token", [None, "tok-123"])
def test_production_requests_carry_no_extra_header(staging_token: str | None) -> None:
    assert PRODUCTION.request_headers(staging_token) == {}


def test_by_name_finds_production_and_sandbox() -> None:
    assert by_name("production", {}, {}) is PRODUCTION
    assert by_name("sandbox", {}, {}) is SANDBOX


def test_by_name_finds_the_emulator_at_its_default_or_given_address() -> None:
    assert by_name("emulator", {}, {}).token_url == "http://127.0.0.1:52818/oauth2/token"
    moved = by_name("emulator", {"QONTO_DESKTOP_EMULATOR_URL": "http://127.0.0.1:9/"}, {})
    assert moved.authorize_url == "http://127.0.0.1:9/oauth2/auth"
    with pytest.raises(ConfigurationError):  # the emulator is never reached over plain http
        by_name("emulator", {"QONTO_DESKTOP_EMULATOR_URL": "http://example.com"}, {})


def test_the_emulator_default_client_is_the_emulators_public_client() -> None:
    from qonto_desktop.emulator.clients import PUBLIC_CLIENT_ID

    assert by_name("emulator", {}, {}).default_client_id == PUBLIC_CLIENT_ID
    assert PRODUCTION.default_client_id is None


@pytest.mark.parametrize("name", ["", "Production", "staging", "Emulator"])
def test_by_name_refuses_an_unknown_name(name: str) -> None:
    with pytest.raises(ConfigurationError):
        by_name(name, {}, {})


# --- custom ----------------------------------------------------------------------------------


def test_custom_from_settings() -> None:
    env = by_name("custom", {}, CUSTOM_SETTINGS)
    assert env.name == "custom"
    assert env.authorize_url == "https://oauth.example.test/oauth2/auth"
    assert env.token_url == "https://oauth.example.test/oauth2/token"
    assert env.revoke_url == "https://oauth.example.test/oauth2/revoke"
    assert env.api_base_url == "https://api.example.test"  # final slash dropped
    assert env.allows_unknown_scopes
    assert not env.needs_staging_token


def test_custom_from_variables_only() -> None:
    environ = {
        variable: f"https://{key}.example.test" for key, variable in CUSTOM_URL_VARIABLES.items()
    }
    env = custom(environ, {})
    assert env.token_url == "https://token_url.example.test"
    assert env.api_base_url == "https://api_base_url.example.test"


def test_a_variable_wins_over_the_settings_address_by_address() -> None:
    environ = {"QONTO_DESKTOP_TOKEN_URL": " http://127.0.0.1:8080/token "}
    env = custom(environ, CUSTOM_SETTINGS)
    assert env.token_url == "http://127.0.0.1:8080/token"
    assert env.authorize_url == "https://oauth.example.test/oauth2/auth"
    assert env.revoke_url == "https://oauth.example.test/oauth2/revoke"


def test_custom_can_need_a_staging_token() -> None:
    settings = {
        "custom_environment": {**CUSTOM_SETTINGS["custom_environment"], "needs_staging_token": True}
    }
    assert custom({}, settings).needs_staging_token


@pytest.mark.parametrize(("key", "variable"), list(CUSTOM_URL_VARIABLES.items()))
def test_custom_names_the_missing_address(key: str, variable: str) -> None:
    section = {k: v for k, v in CUSTOM_SETTINGS["custom_environment"].items() if k != key}
    with pytest.raises(ConfigurationError) as caught:
        custom({}, {"custom_environment": section})
    assert key.replace("_", " ") in caught.value.message
    assert variable in caught.value.next_action


def test_custom_with_a_blank_address_is_refused() -> None:
    section = {**CUSTOM_SETTINGS["custom_environment"], "token_url": "   "}
    with pytest.raises(ConfigurationError, match="token url"):
        custom({}, {"custom_environment": section})


@pytest.mark.parametrize("section", [[], "https://x", 3])
def test_custom_with_a_malformed_section_is_refused(section: Any) -> None:
    with pytest.raises(ConfigurationError):
        custom({}, {"custom_environment": section})


def test_custom_with_nothing_at_all_is_refused() -> None:
    with pytest.raises(ConfigurationError):
        by_name("custom", {}, {})


# --- check_url -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/token",
        "http://127.5.6.7:8080/token",
        "http://[::1]:8080/token",
        "http://localhost:8080/token",
        "http://LOCALHOST/token",
        "https://oauth.example.test/token",
        "https://oauth.example.test:8443/token?tenant=a",
    ],
)
def test_check_url_accepts_https_and_loopback_http(url: str) -> None:
    assert check_url(url, "token url") == url


def test_check_url_drops_final_slashes() -> None:
    assert check_url("https://api.example.test//", "api") == "https://api.example.test"


@pytest.mark.parametrize(
    "url",
    [
        "http://example.test/token",
        "http://192.168.1.10:8080/token",
        "http://10.0.0.1/token",
        "http://0.0.0.0:8080/token",
        "http://localhost.example.test/token",
        "http://127.0.0.1.nip.io/token",
        "http://[::2]:8080/token",
    ],
)
def test_check_url_refuses_plain_http_to_another_computer(url: str) -> None:
    with pytest.raises(ConfigurationError, match="plain http"):
        check_url(url, "token url")


@pytest.mark.parametrize(
    "url",
    [
        "https://user@oauth.example.test/token",
        "https://user:pw@oauth.example.test/token",
        "https://:pw@oauth.example.test/token",
        "https://oauth.example.test/token#frag",
        "ftp://oauth.example.test/token",
        "file:///etc/passwd",
        "oauth.example.test/token",
        "https:///token",
        "https://oauth.example.test:99999/token",
        "https://oauth.example.test:port/token",
        "https://[::1/token",
        "",
    ],
)
def test_check_url_refuses_malformed_or_credential_carrying_addresses(url: str) -> None:
    with pytest.raises(ConfigurationError):
        check_url(url, "token url")


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "127.255.255.254", "::1"])
def test_loopback_hosts(host: str) -> None:
    assert environments.is_loopback_host(host)


@pytest.mark.parametrize(
    "host",
    ["", "example.test", "128.0.0.1", "::", "0.0.0.0", "LOCALHOST."],  # noqa: S104 - refused here
)
def test_non_loopback_hosts(host: str) -> None:
    assert not environments.is_loopback_host(host)


# --- emulator --------------------------------------------------------------------------------


def test_emulator_environment() -> None:
    env = emulator("http://127.0.0.1:50123/")
    assert env.name == "emulator"
    assert env.authorize_url == "http://127.0.0.1:50123/oauth2/auth"
    assert env.token_url == "http://127.0.0.1:50123/oauth2/token"
    assert env.revoke_url == "http://127.0.0.1:50123/oauth2/revoke"
    assert env.api_url("/v2/organization") == "http://127.0.0.1:50123/v2/organization"
    assert env.request_headers(None) == {}


def test_emulator_acting_as_sandbox_needs_the_staging_token() -> None:
    env = emulator("http://127.0.0.1:50123", sandbox=True)
    assert env.request_headers("tok") == {"X-Qonto-Staging-Token": "tok"}
    with pytest.raises(SandboxStagingTokenError):
        env.request_headers(None)


def test_emulator_on_another_computer_is_refused() -> None:
    with pytest.raises(ConfigurationError):
        emulator("http://192.168.1.5:50123")
