"""What an OAuth endpoint's HTTP answer means: data, or the typed error to raise."""

from __future__ import annotations

from typing import Any

import requests

from qonto_desktop.i18n.message import N_, Text
from qonto_desktop.oauth.errors import (
    TOKEN_ERRORS,
    NetworkError,
    OAuthError,
    OutcomeUnknownError,
    RateLimitedError,
    ResponseFormatError,
    ServiceUnavailableError,
    TokenError,
)
from qonto_desktop.system.http import never_reached, retry_after


def check(
    response: requests.Response,
    *,
    html_error: type[OAuthError],
    expect_json: bool,
    service: Text | None = None,
) -> dict[str, Any]:
    """Return the JSON object of a successful answer, or raise the error it stands for.

    Args:
        html_error: what a web page instead of JSON means (for the sandbox: a missing or wrong
            staging token, since it answers with its sign-in page).
        expect_json: a success must carry a JSON object (not so for RFC 7009 revocation).
        service: the provider's name, for the error's message.

    Raises:
        OAuthError: a subclass naming what went wrong, with a message and a next action.
    """
    status = response.status_code
    # A gateway's HTML page still means what its status says; only a 200 or a redirect
    # to a web page is the sandbox's sign-in page.
    if status == 429:
        raise RateLimitedError(retry_after=retry_after(response), service=service)
    if status >= 500:
        raise ServiceUnavailableError(status, service=service)
    if 300 <= status < 400 or looks_like_html(response):
        raise html_error(status=status, service=service)
    body = json_object(response)
    if status >= 400 or (body is not None and "error" in body):
        raise token_error(body, status, service)
    if not expect_json:
        return body or {}
    if body is None:
        detail = "the answer is not a JSON object"
        raise ResponseFormatError(detail=detail, status=status, service=service)
    return body


def token_error(
    body: dict[str, Any] | None, status: int, service: Text | None = None
) -> OAuthError:
    """Return the typed error of an RFC 6749 §5.2 error answer."""
    error = body.get("error") if body else None
    if body is None or not isinstance(error, str):
        detail = f"HTTP {status} without an OAuth error"
        return ResponseFormatError(detail=detail, status=status, service=service)
    cls = TOKEN_ERRORS.get(error, TokenError)
    return cls(
        oauth_error=error,
        detail=_description(body),
        status=status,
        service=service,
    )


def _description(body: dict[str, Any]) -> str | None:
    """RFC 6749's ``error_description``, else the text Hydra's longer shape puts elsewhere.

    Hydra adds ``error_hint``, ``error_verbose`` (the code's generic meaning), ``error_debug``
    and ``status_code`` to its errors when asked to; other members are ignored.
    """
    for name in ("error_description", "error_hint", "error_verbose"):
        value = body.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return None


def looks_like_html(response: requests.Response) -> bool:
    """True for a web page: by its content type, or by its first character."""
    content_type = response.headers.get("Content-Type", "").lower()
    if "html" in content_type:
        return True
    return response.content.lstrip()[:1] == b"<"


def json_object(response: requests.Response) -> dict[str, Any] | None:
    """The answer's JSON object, or None when it is empty, not JSON, or not an object."""
    try:
        body = response.json()
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


def network_error(exc: requests.RequestException, service: Text | None = None) -> NetworkError:
    """Turn a transport failure into the error the user sees."""
    if never_reached(exc):
        return NetworkError(service=service)
    if isinstance(exc, requests.exceptions.SSLError):
        return NetworkError(
            N_("The secure connection to {service} could not be verified."),
            next_action=N_(
                "If your company inspects web traffic, make sure its certificate is installed "
                "in this computer's certificate store, then try again."
            ),
            service=service,
        )
    return OutcomeUnknownError(service=service)
