"""The plain request and response values that flow between the server and the handlers."""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

NO_STORE = (("Cache-Control", "no-store"), ("Pragma", "no-cache"))
"""RFC 6749 §5.1: token responses must not be cached."""


@dataclass(frozen=True)
class Request:
    """One HTTP request, read whole.

    Attributes:
        method: ``GET``, ``POST``, ...
        path: The path without the query.
        query: The raw query string (never logged).
        headers: Header values by lower-case name.
        body: The raw body.
        client: The client's IP address (rate limits count per address).
    """

    method: str
    path: str
    query: str = ""
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""
    client: str = ""

    def header(self, name: str) -> str | None:
        """Return one header's value, looked up case-insensitively."""
        return self.headers.get(name.lower())

    @property
    def media_type(self) -> str:
        """The ``Content-Type`` without its parameters, lower-case."""
        return (self.header("content-type") or "").split(";")[0].strip().lower()


@dataclass(frozen=True)
class Response:
    """One HTTP response to write back.

    ``declared_length``, when set, is the ``Content-Length`` sent instead of the body's own
    (a cut download: the connection closes after the shorter body).
    """

    status: int
    body: bytes = b""
    content_type: str | None = None
    headers: tuple[tuple[str, str], ...] = ()
    declared_length: int | None = None

    def header(self, name: str) -> str | None:
        """Return one extra header's value, looked up case-insensitively."""
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None


def parse_form(text: str) -> dict[str, str] | None:
    """Parse a form or query string; ``None`` if a parameter appears twice.

    RFC 6749 §3.1: request parameters must not be included more than once.
    """
    pairs = parse_qsl(text, keep_blank_values=True)
    form = dict(pairs)
    return form if len(form) == len(pairs) else None


def json_response(status: int, payload: Any, headers: tuple[tuple[str, str], ...] = ()) -> Response:
    """Return a JSON response."""
    return Response(
        status, json.dumps(payload).encode("utf-8"), "application/json; charset=utf-8", headers
    )


def html_response(status: int, page: str, headers: tuple[tuple[str, str], ...] = ()) -> Response:
    """Return an HTML response."""
    return Response(status, page.encode("utf-8"), "text/html; charset=utf-8", headers)


def redirect(location: str) -> Response:
    """Return a 302 to ``location``."""
    return Response(302, headers=(("Location", location),))


def oauth_error(status: int, error: str, description: str) -> Response:
    """Return an RFC 6749 §5.2 error answer, never cached, in the shape Qonto's example shows.

    Beside RFC 6749's ``error`` and ``error_description``, Qonto's example carries Hydra's
    ``error_verbose`` and ``status_code`` (https://docs.qonto.com/api-reference/business-api).
    """
    body = {
        "error": error,
        "error_description": description,
        "error_verbose": description,
        "status_code": status,
    }
    return json_response(status, body, NO_STORE)


def api_error(
    status: int,
    code: str,
    detail: str,
    *,
    source: Mapping[str, str] | None = None,
    headers: tuple[tuple[str, str], ...] = (),
) -> Response:
    """Return a Business API error answer in Qonto's documented shape.

    ``{"errors": [{"code", "detail", "source"}], "trace_id"}``, JSON:API error objects
    (https://docs.qonto.com/api-reference/business-api/introduction/errors); ``source`` names
    the parameter or pointer at fault, when there is one.
    """
    item: dict[str, Any] = {"code": code, "detail": detail}
    if source:
        item["source"] = dict(source)
    body = {"errors": [item], "trace_id": secrets.token_hex(16)}
    return json_response(status, body, headers)
