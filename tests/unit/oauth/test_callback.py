"""Reading the browser's answer: from the loopback query string, or from a pasted address."""

from __future__ import annotations

import pytest

from qonto_desktop.oauth.callback import (
    MAX_PARAM_LENGTH,
    CallbackParams,
    parse_pasted_address,
    parse_query,
)
from qonto_desktop.oauth.errors import CallbackFormatError

REDIRECT_URI = "http://127.0.0.1:52817/callback"


# --- parse_query ---------------------------------------------------------------------------


def test_parse_query_reads_a_code_answer() -> None:
    params = parse_query("code=abc123&state=xyz")
    assert params == CallbackParams(code="abc123", state="xyz")
    assert params.is_answer


def test_parse_query_reads_an_error_answer() -> None:
    params = parse_query("error=access_denied&error_description=The+user+said+no&state=s")
    assert params == CallbackParams(
        state="s", error="access_denied", error_description="The user said no"
    )
    assert params.is_answer


def test_parse_query_decodes_percent_escapes() -> None:
    params = parse_query("code=a%2Bb%2Fc%3D&state=%C3%A9t%C3%A9")
    assert params.code == "a+b/c="
    assert params.state == "été"


def test_parse_query_treats_a_repeated_parameter_as_missing() -> None:
    params = parse_query("code=one&code=two&state=s&error=e&error=e")
    assert params.code is None
    assert params.error is None
    assert params.state == "s"


def test_parse_query_drops_over_long_values() -> None:
    longest = "c" * MAX_PARAM_LENGTH
    assert parse_query(f"code={longest}&state=s").code == longest
    params = parse_query(f"code={longest}c&state=s")
    assert params.code is None
    assert params.state == "s"


def test_parse_query_treats_blank_values_as_missing() -> None:
    params = parse_query("code=&state=&error=")
    assert params == CallbackParams()
    assert not params.is_answer


@pytest.mark.parametrize("query", ["", "&&", "favicon.ico", "foo=bar"])
def test_parse_query_of_something_else_is_no_answer(query: str) -> None:
    params = parse_query(query)
    assert params == CallbackParams()
    assert not params.is_answer


def test_parse_query_of_too_many_fields_is_no_answer() -> None:
    # Documented as returning parameters, never raising: a page can send any query it likes.
    query = "&".join(f"f{n}=1" for n in range(60)) + "&code=c&state=s"
    assert parse_query(query) == CallbackParams()


def test_callback_params_repr_hides_code_and_state() -> None:
    params = CallbackParams(
        code="secret-code-42", state="secret-state-42", error="access_denied", error_description="d"
    )
    text = repr(params)
    assert "secret-code-42" not in text
    assert "secret-state-42" not in text
    assert "access_denied" in text


# --- parse_pasted_address ------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "http://127.0.0.1:52817/callback?code=c&state=s",
        "http://localhost:52817/callback?code=c&state=s",
        "  http://127.0.0.1:52817/callback?state=s&code=c\n",
        "HTTP://LOCALHOST:52817/callback?code=c&state=s",
    ],
)
def test_parse_pasted_address_accepts_the_redirect_uri(address: str) -> None:
    assert parse_pasted_address(address, REDIRECT_URI) == CallbackParams(code="c", state="s")


def test_parse_pasted_address_accepts_an_error_answer() -> None:
    params = parse_pasted_address(
        "http://127.0.0.1:52817/callback?error=access_denied&state=s", REDIRECT_URI
    )
    assert params == CallbackParams(state="s", error="access_denied")


@pytest.mark.parametrize(
    "address",
    [
        "http://127.0.0.2:52817/callback?code=c&state=s",
        "http://evil.example:52817/callback?code=c&state=s",
        "http://127.0.0.1:52818/callback?code=c&state=s",
        "http://127.0.0.1/callback?code=c&state=s",
        "http://127.0.0.1:52817/other?code=c&state=s",
        "http://127.0.0.1:52817/callback/?code=c&state=s",
        "https://127.0.0.1:52817/callback?code=c&state=s",
        "127.0.0.1:52817/callback?code=c&state=s",
        "code=c&state=s",
        "",
    ],
)
def test_parse_pasted_address_refuses_another_place(address: str) -> None:
    with pytest.raises(CallbackFormatError):
        parse_pasted_address(address, REDIRECT_URI)


@pytest.mark.parametrize(
    "address",
    [
        "http://127.0.0.1:52817/callback",
        "http://127.0.0.1:52817/callback?state=s",
        "http://127.0.0.1:52817/callback?code=&state=s",
        "http://127.0.0.1:52817/callback?code=a&code=b&state=s",
    ],
)
def test_parse_pasted_address_refuses_an_address_without_code_or_error(address: str) -> None:
    with pytest.raises(CallbackFormatError):
        parse_pasted_address(address, REDIRECT_URI)


@pytest.mark.parametrize(
    "address",
    [
        "http://127.0.0.1:99999/callback?code=c&state=s",
        "http://127.0.0.1:port/callback?code=c&state=s",
        "http://[::1/callback?code=c&state=s",
    ],
)
def test_parse_pasted_address_refuses_a_malformed_address(address: str) -> None:
    # What the user pastes can be anything; it must be refused, not crash with ValueError.
    with pytest.raises(CallbackFormatError):
        parse_pasted_address(address, REDIRECT_URI)
