"""What an OAuth endpoint's HTTP answer means, on hand-built ``requests.Response`` objects."""

from __future__ import annotations

import json

import pytest
import requests

from qonto_desktop.oauth import answers
from qonto_desktop.oauth.errors import (
    InvalidClientError,
    InvalidGrantError,
    OAuthError,
    RateLimitedError,
    ResponseFormatError,
    ServiceUnavailableError,
    TokenError,
    TokenInvalidScopeError,
    TokenRequestError,
    TokenUnauthorizedClientError,
    UnsupportedGrantTypeError,
)
from qonto_desktop.qonto.errors import SandboxStagingTokenError

JSON = {"Content-Type": "application/json"}
HTML = {"Content-Type": "text/html; charset=utf-8"}


def response(
    status: int, body: bytes | object = b"", headers: dict[str, str] | None = None
) -> requests.Response:
    """Build an answer as requests would hand it over; a non-bytes body is sent as JSON."""
    made = requests.Response()
    made.status_code = status
    made._content = body if isinstance(body, bytes) else json.dumps(body).encode()
    made.headers.update(headers if headers is not None else JSON)
    return made


def check(made: requests.Response, *, expect_json: bool = True) -> dict[str, object]:
    return answers.check(made, html_error=SandboxStagingTokenError, expect_json=expect_json)


def test_a_json_object_is_returned() -> None:
    body = {"access_token": "at", "token_type": "bearer", "expires_in": 3600}
    assert check(response(200, body)) == body


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_is_the_html_error(status: int) -> None:
    made = response(status, b"", {"Location": "https://sandbox.example/sign_in"})
    with pytest.raises(SandboxStagingTokenError) as caught:
        check(made)
    assert caught.value.status == status


@pytest.mark.parametrize(
    ("body", "headers"),
    [
        (b"<!DOCTYPE html><html><body>Sign in</body></html>", HTML),
        (b"  \n<html>Sign in</html>", {}),
        (b"{}", HTML),
    ],
    ids=["html-content-type", "html-sniffed", "json-body-html-type"],
)
def test_a_web_page_with_status_200_is_the_html_error(body: bytes, headers: dict[str, str]) -> None:
    with pytest.raises(SandboxStagingTokenError) as caught:
        check(response(200, body, headers))
    assert caught.value.status == 200


def test_the_html_error_class_is_the_callers() -> None:
    made = response(200, b"<html></html>", HTML)
    with pytest.raises(ResponseFormatError):
        answers.check(made, html_error=ResponseFormatError, expect_json=True)


@pytest.mark.parametrize(("header", "expected"), [("120", 120.0), ("0", 0.0), (" 7 ", 7.0)])
def test_429_is_rate_limited_with_retry_after(header: str, expected: float) -> None:
    with pytest.raises(RateLimitedError) as caught:
        check(response(429, {"error": "too_many_requests"}, {**JSON, "Retry-After": header}))
    assert caught.value.retry_after == expected
    assert caught.value.status == 429


@pytest.mark.parametrize("header", [None, "Wed, 21 Oct 2015 07:28:00 GMT", "-5", "1.5", ""])
def test_429_without_a_usable_retry_after(header: str | None) -> None:
    headers = dict(JSON) if header is None else {**JSON, "Retry-After": header}
    with pytest.raises(RateLimitedError) as caught:
        check(response(429, b"", headers))
    assert caught.value.retry_after is None


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_5xx_is_service_unavailable(status: int) -> None:
    with pytest.raises(ServiceUnavailableError) as caught:
        check(response(status, {"error": "server_error"}))
    assert caught.value.status == status
    assert str(status) in caught.value.message


@pytest.mark.parametrize(
    ("status", "cls"),
    [(429, RateLimitedError), (502, ServiceUnavailableError), (503, ServiceUnavailableError)],
)
def test_a_gateways_html_page_keeps_its_status_meaning(status: int, cls: type[OAuthError]) -> None:
    # The sandbox's sign-in page comes with 200 or a 3xx (facts sheet); a 429 or 5xx web page
    # comes from a proxy or a maintenance page and must not read "staging token wrong".
    made = response(status, b"<html><body>Service Temporarily Unavailable</body></html>", HTML)
    with pytest.raises(cls):
        check(made)


@pytest.mark.parametrize(
    ("error", "cls"),
    [
        ("invalid_request", TokenRequestError),
        ("invalid_client", InvalidClientError),
        ("invalid_grant", InvalidGrantError),
        ("unauthorized_client", TokenUnauthorizedClientError),
        ("unsupported_grant_type", UnsupportedGrantTypeError),
        ("invalid_scope", TokenInvalidScopeError),
    ],
)
@pytest.mark.parametrize("status", [400, 401])
def test_each_rfc_6749_token_error_has_its_class(
    error: str, cls: type[TokenError], status: int
) -> None:
    body = {"error": error, "error_description": "The details from Qonto"}
    with pytest.raises(cls) as caught:
        check(response(status, body))
    assert type(caught.value) is cls
    assert caught.value.oauth_error == error
    assert caught.value.detail == "The details from Qonto"
    assert caught.value.status == status
    assert "The details from Qonto" not in caught.value.message


def test_an_unknown_error_code_is_a_token_error() -> None:
    with pytest.raises(TokenError) as caught:
        check(response(400, {"error": "request_forbidden"}))
    assert type(caught.value) is TokenError
    assert caught.value.oauth_error == "request_forbidden"
    assert caught.value.detail is None


def test_a_description_that_is_not_text_is_dropped() -> None:
    with pytest.raises(InvalidGrantError) as caught:
        check(response(400, {"error": "invalid_grant", "error_description": ["x"]}))
    assert caught.value.detail is None


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        # RFC 6749 §5.2
        ({"error": "invalid_grant", "error_description": "rotated"}, "rotated"),
        # Qonto's example: Hydra's longer shape (https://docs.qonto.com/api-reference/business-api)
        (
            {
                "error": "invalid_grant",
                "error_description": "rotated",
                "error_verbose": "The provided authorization grant is invalid",
                "status_code": 400,
            },
            "rotated",
        ),
        # Hydra with legacy fields and an empty description: the hint, then the verbose text
        ({"error": "invalid_grant", "error_description": "", "error_hint": "hint"}, "hint"),
        ({"error": "invalid_grant", "error_verbose": "generic", "status_code": "400"}, "generic"),
        ({"error": "invalid_grant", "error_debug": {"x": 1}, "error_uri": None}, None),
    ],
    ids=repr,
)
def test_every_shape_of_a_hydra_error_is_read(body: dict[str, object], detail: str | None) -> None:
    with pytest.raises(InvalidGrantError) as caught:
        check(response(400, body))
    assert caught.value.oauth_error == "invalid_grant"
    assert caught.value.detail == detail
    assert caught.value.status == 400


@pytest.mark.parametrize(
    "body",
    [b"", b"Bad Request", b"[1, 2]", json.dumps({"message": "bad"}).encode(), b'{"error": 3}'],
)
def test_4xx_without_an_oauth_error_is_a_format_error(body: bytes) -> None:
    with pytest.raises(ResponseFormatError) as caught:
        check(response(400, body))
    assert caught.value.status == 400
    assert caught.value.oauth_error is None


def test_200_with_an_error_is_an_error() -> None:
    with pytest.raises(InvalidGrantError) as caught:
        check(response(200, {"error": "invalid_grant"}))
    assert caught.value.status == 200


def test_200_with_an_error_is_an_error_even_when_no_json_is_expected() -> None:
    with pytest.raises(InvalidClientError):
        check(response(200, {"error": "invalid_client"}), expect_json=False)


@pytest.mark.parametrize("body", [b"", b"{not json", b"[]", b'"text"', b"null"])
def test_a_success_that_is_not_a_json_object_is_a_format_error(body: bytes) -> None:
    with pytest.raises(ResponseFormatError) as caught:
        check(response(200, body))
    assert caught.value.status == 200


@pytest.mark.parametrize("body", [b"", b"not json", b"[]"])
def test_no_json_needed_accepts_an_empty_or_odd_success(body: bytes) -> None:
    assert check(response(200, body, {}), expect_json=False) == {}


def test_no_json_needed_still_returns_a_json_object() -> None:
    assert check(response(200, {"revoked": True}), expect_json=False) == {"revoked": True}


def test_every_error_is_an_oauth_error() -> None:
    for made in (response(302), response(429), response(503), response(400, {"error": "x"})):
        with pytest.raises(OAuthError):
            check(made)
