"""parse_redirect_uri: exactly the two loopback forms a registration may use, nothing else."""

from __future__ import annotations

import pytest

from qonto_desktop.oauth.errors import ConfigurationError
from qonto_desktop.oauth.redirect import LoopbackAddress, parse_redirect_uri


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("http://127.0.0.1:52817/callback", LoopbackAddress("127.0.0.1", 52817, "/callback")),
        ("http://localhost:52817/callback", LoopbackAddress("localhost", 52817, "/callback")),
        ("http://localhost:1024/", LoopbackAddress("localhost", 1024, "/")),
        ("http://127.0.0.1:65535/oauth/cb", LoopbackAddress("127.0.0.1", 65535, "/oauth/cb")),
    ],
)
def test_both_loopback_forms_give_their_host_port_and_path(
    uri: str, expected: LoopbackAddress
) -> None:
    assert parse_redirect_uri(uri) == expected


@pytest.mark.parametrize(
    "uri",
    [
        "http://[::1]:52817/callback",
        "http://0.0.0.0:52817/callback",
        "http://127.0.0.2:52817/callback",
        "http://example.com:52817/callback",
        "http://localhost.example.com:52817/callback",
        "http://Localhost:52817/callback",
        "http://localhost.:52817/callback",
        "https://localhost:52817/callback",
        "http://user@localhost:52817/callback",
        "http://user:pw@127.0.0.1:52817/callback",
        "http://localhost:52817/callback?x=1",
        "http://localhost:52817/callback?",
        "http://localhost:52817/callback#top",
        "http://localhost/callback",
        "http://localhost:52817",
        "http://localhost:1023/callback",
        "http://localhost:65536/callback",
        "http://localhost:0/callback",
        "http://127.0.0.1:0/callback",
        "http://localhost:052817/callback",
        "http://localhost:52817/call back",
        "",
    ],
)
def test_anything_else_is_refused(uri: str) -> None:
    with pytest.raises(ConfigurationError):
        parse_redirect_uri(uri)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_port_zero_only_for_the_receiver_itself(host: str) -> None:
    uri = f"http://{host}:0/callback"
    expected = LoopbackAddress(host, 0, "/callback")  # type: ignore[arg-type]
    assert parse_redirect_uri(uri, any_port=True) == expected
    with pytest.raises(ConfigurationError):
        parse_redirect_uri(uri)


def test_any_port_still_applies_the_port_rule_otherwise() -> None:
    with pytest.raises(ConfigurationError):
        parse_redirect_uri("http://localhost:80/callback", any_port=True)
