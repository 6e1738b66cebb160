"""Qonto's error bodies read for what they say; an unreadable one is empty, never an error."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qonto_desktop.qonto.models import (
    ApiErrorBody,
    ApiErrorItem,
    OAuthErrorBody,
    parse_api_error,
    parse_oauth_error,
)
from tests.support import qonto_bodies as bodies


def test_the_documented_error_format() -> None:
    body = parse_api_error(bodies.ERROR_FORMAT)
    assert body.errors == (
        ApiErrorItem(
            "not_in_list",
            "Status is not in the list",
            (("pointer", "/status"), ("parameter", "status")),
        ),
    )
    assert body.trace_id == "4bf92f3577b34da6a3ce929d0e0e4736"
    assert body.codes == ("not_in_list",)


@pytest.mark.parametrize(
    ("raw", "code", "detail"),
    [
        (
            bodies.ERROR_UNAUTHORIZED,
            "unauthorized",
            "You must be authenticated to perform this action",
        ),
        (
            bodies.ERROR_FORBIDDEN,
            "forbidden",
            "User does not have sufficient permissions for this action.",
        ),
        (bodies.ERROR_NOT_FOUND, "not_found", "External transfer not found"),
    ],
)
def test_documented_status_errors(raw: bytes, code: str, detail: str) -> None:
    body = parse_api_error(raw)
    assert body.codes == (code,)
    assert body.details == (detail,)


def test_a_source_parameter_is_kept() -> None:
    assert parse_api_error(bodies.ERROR_NOT_FOUND).errors[0].source == (("parameter", "id"),)


def test_items_with_message_instead_of_detail() -> None:
    body = parse_api_error(bodies.ERROR_ITEMS_WITH_MESSAGE)
    assert body.codes == ("sort_invalid", "status_invalid")
    assert body.details == ("Sort field is invalid", "At least one status isn't valid")


def test_the_older_message_form() -> None:
    body = parse_api_error(bodies.ERROR_MESSAGE_ONLY)
    assert body == ApiErrorBody(message="Forbidden")
    assert body.details == ("Forbidden",)


@pytest.mark.parametrize(
    "raw",
    [
        bodies.ERROR_BLANK_TEXT,
        b"",
        b"<html>Sign in</html>",
        b"[1, 2]",
        b'{"errors": "nope"}',
        b'{"errors": [1, null, "x"]}',
        b'{"message": 42}',
    ],
)
def test_an_unreadable_error_body_is_empty(raw: bytes) -> None:
    body = parse_api_error(raw)
    assert body.details == ()
    assert body.codes == ()


def test_odd_members_are_left_out() -> None:
    raw = b'{"errors": [{"code": 5, "detail": "  ", "source": {"pointer": 1, "parameter": "id"}}]}'
    assert parse_api_error(raw).errors == (ApiErrorItem(None, None, (("parameter", "id"),)),)


def test_an_oauth_error() -> None:
    body = parse_oauth_error(bodies.OAUTH_INVALID_GRANT)
    assert body.error == "invalid_grant"
    assert body.error_description is not None
    assert body.error_description.startswith("The provided authorization grant")
    assert body.error_uri is None


@pytest.mark.parametrize("raw", [b"", b"<html></html>", b'"invalid_grant"', b'{"error": 1}'])
def test_an_unreadable_oauth_error_is_empty(raw: bytes) -> None:
    assert parse_oauth_error(raw) == OAuthErrorBody()


@given(st.binary(max_size=200))
def test_no_bytes_make_the_readers_raise(raw: bytes) -> None:
    parse_api_error(raw)
    parse_oauth_error(raw)
